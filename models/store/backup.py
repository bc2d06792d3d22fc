"""Daily backup copies of a park file, kept beside it: `park.daily-2026-11-27.sqlite`, the last 10 days.

A copy is made the first time in a day that the file is opened for writing, through SQLite's online
backup API, so it is consistent even if the file is in use. Older daily copies beyond the last
`KEEP` are deleted; other files in the folder (the migration backups among them) are never touched.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date
from pathlib import Path

from ..base.out_path import partial_file

KEEP = 10
LABEL = "daily"


def backup_name(path: Path, day: date) -> Path:
    """Where the copy of `path` made on `day` goes."""
    return path.with_name(f"{path.stem}.{LABEL}-{day.isoformat()}{path.suffix}")


def daily_backups(path: Path) -> list[Path]:
    """The daily copies of `path` beside it, oldest first."""
    pattern = re.compile(re.escape(f"{path.stem}.{LABEL}-") + r"\d{4}-\d{2}-\d{2}" + re.escape(path.suffix) + "$")
    if not path.parent.is_dir():
        return []
    return sorted(p for p in path.parent.iterdir() if pattern.match(p.name) and p.is_file())


def daily_backup(path: Path | str, conn: sqlite3.Connection | None = None, *, today: date | None = None,
                 keep: int = KEEP) -> Path | None:
    """Copy the park file at `path` beside itself unless today's copy exists; keep the last `keep` copies.

    `conn`, if given, is an open connection to the file (no transaction running) to copy from.
    Returns the new copy, or None when today's copy was already there. Raises OSError or sqlite3.Error
    if the copy cannot be written; a half-written copy is removed.
    """
    path = Path(path)
    target = backup_name(path, today or date.today())
    if target.exists():
        return None
    if conn is None:
        from .db import sqlite_uri

        source = sqlite3.connect(sqlite_uri(path.absolute(), "ro"), uri=True)
        source.execute("PRAGMA trusted_schema = OFF")
    else:
        source = conn
    try:
        with partial_file(target) as partial:
            out = sqlite3.connect(str(partial))
            try:
                source.backup(out)
            finally:
                out.close()
    finally:
        if conn is None:
            source.close()
    prune(path, keep)
    return target


def prune(path: Path, keep: int = KEEP) -> list[Path]:
    """Delete all but the newest `keep` daily copies of `path`; returns the deleted ones."""
    copies = daily_backups(path)
    old = copies[:-keep] if keep > 0 else copies
    for p in old:
        p.unlink(missing_ok=True)
    return old
