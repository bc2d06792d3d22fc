"""Released migrations are frozen, and a migrated old file has exactly the tables of a new one."""

from __future__ import annotations

import dataclasses
import importlib
import sqlite3

import models.store.return_form as return_form
import models.store.schema as schema
from models.store import db as parkdb


def _shape(conn: sqlite3.Connection) -> dict:
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    shape = {}
    for table in tables:
        columns = [(r[1], r[2], r[3], r[5]) for r in conn.execute(f"PRAGMA table_info('{table}')")]
        indexes = sorted(r[1] for r in conn.execute(f"PRAGMA index_list('{table}')"))
        shape[table] = (columns, indexes)
    return shape


def test_a_migrated_version_1_file_has_the_tables_of_a_new_file(tmp_path):
    old = tmp_path / "old.sqlite"
    conn = sqlite3.connect(old)
    parkdb.apply_migrations(conn, 0, 1)
    conn.execute("INSERT INTO meta VALUES ('app', 'changning-plan')")
    conn.commit()
    conn.close()
    park = parkdb.open_park(old)
    try:
        assert park.migrated_from == 1
        migrated = _shape(park.conn)
    finally:
        park.close()
    fresh = sqlite3.connect(":memory:")
    parkdb.apply_migrations(fresh, 0)
    assert migrated == _shape(fresh)
    assert "returns" in migrated and len(migrated) >= 14


def test_a_new_return_form_column_does_not_change_a_released_step(monkeypatch):
    released = [list(step) for step in schema.MIGRATIONS]
    extra = dataclasses.replace(return_form.COLUMNS[-1], key="new_column")
    monkeypatch.setattr(return_form, "COLUMNS", [*return_form.COLUMNS, extra])
    try:
        reloaded = importlib.reload(schema)
        assert [list(step) for step in reloaded.MIGRATIONS] == released
        assert all("new_column" not in sql for step in reloaded.MIGRATIONS for sql in step)
    finally:
        monkeypatch.undo()
        importlib.reload(schema)
