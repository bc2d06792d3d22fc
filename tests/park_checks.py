"""Checks on a park file that many tests make: its exact bytes and SQLite's own integrity check."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path


def digest(path: Path) -> str:
    """SHA-256 of the file's bytes: equal digests mean the file was not touched at all."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def integrity(path: Path) -> str:
    """`PRAGMA integrity_check` of the file ("ok" when sound)."""
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        conn.close()
