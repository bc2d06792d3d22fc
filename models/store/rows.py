"""Reads the window needs that are not figures: one row by its key, the reference series, import batches.

The screens never run SQL; they call these. Table and column names are checked against the park file's
own schema before they are put into a statement, so a caller cannot reach anything but a known column.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute("SELECT * FROM pragma_table_info(?)", (table,))]


def _checked(conn: sqlite3.Connection, table: str, names) -> None:
    known = set(_columns(conn, table))
    if not known:
        raise ValueError(f"unknown table {table!r}")
    unknown = [n for n in names if n not in known]
    if unknown:
        raise ValueError(f"unknown columns of {table}: {unknown}")


def read_fields(conn: sqlite3.Connection, table: str, key: dict[str, Any], fields) -> dict[str, Any] | None:
    """The named fields of the row of `table` with `key` (column → value), or None if there is no such row."""
    fields = list(fields)
    _checked(conn, table, [*fields, *key])
    where = " AND ".join(f'"{k}" = ?' for k in key)
    cols = ", ".join(f'"{f}"' for f in fields)
    row = conn.execute(f"SELECT {cols} FROM {table} WHERE {where}", tuple(key.values())).fetchone()
    return None if row is None else dict(zip(fields, row))


def read_row(conn: sqlite3.Connection, table: str, key: dict[str, Any]) -> dict[str, Any] | None:
    """The whole row of `table` with `key`, every column, or None."""
    return read_fields(conn, table, key, _columns(conn, table))


def reference_series(conn: sqlite3.Connection) -> list[tuple[str, str, str, str]]:
    """(code, name, name_en, unit) of every reference series, in the plan's order."""
    return [tuple(r) for r in conn.execute("SELECT code, name, name_en, unit FROM reference_series ORDER BY seq")]


def reference_years(conn: sqlite3.Connection, code: str) -> list[tuple[int, Any, Any, Any]]:
    """(year, value, source, note) of one reference series, by year."""
    return [tuple(r) for r in conn.execute(
        "SELECT year, value, source, note FROM reference_years WHERE code = ? ORDER BY year", (code,))]


def indicator_name(conn: sqlite3.Connection, code: str) -> str | None:
    row = conn.execute("SELECT name FROM indicators WHERE code = ?", (code,)).fetchone()
    return row[0] if row else None


def batches(conn: sqlite3.Connection, ids) -> list[tuple[int, str, str, str, str]]:
    """(id, created_at, user, host, files text) of the given import batches; files named with their digest."""
    out = []
    for batch_id in ids:
        found = conn.execute("SELECT id, created_at, user, host, files FROM import_batches WHERE id = ?",
                             (batch_id,)).fetchone()
        if found is None:
            continue
        try:
            files = "、".join(f"{f['file']} (SHA-256 {f['sha256'][:12]}…)" for f in json.loads(found[4]))
        except (TypeError, ValueError, KeyError):
            files = found[4]
        out.append((found[0], found[1], found[2], found[3], files))
    return out


ZONE_PARK_FIELDS = ("id", "zone", "name", "kind", "status", "year", "note")


def zone_parks(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """{zone: [its featured parks as dicts of ZONE_PARK_FIELDS]}, in the plan's order."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in conn.execute(f"SELECT {', '.join(ZONE_PARK_FIELDS)} FROM zone_parks ORDER BY seq, id"):
        out.setdefault(row[1], []).append(dict(zip(ZONE_PARK_FIELDS, row)))
    return out


def next_seq(conn: sqlite3.Connection, table: str) -> int:
    """The `seq` a row added at the end of `table` gets."""
    _checked(conn, table, ["seq"])
    return conn.execute(f'SELECT COALESCE(MAX(seq), 0) + 1 FROM "{table}"').fetchone()[0]


def latest_return_year(conn: sqlite3.Connection) -> int | None:
    """The latest year any return is stored for, or None."""
    return conn.execute("SELECT MAX(year) FROM returns").fetchone()[0]
