"""Daily backup copies beside a park file: one per day, the last 10 kept, consistent copies."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from models.store import backup
from models.store.db import open_park


def test_one_copy_per_day_named_by_the_date(park_path):
    day = date(2026, 3, 5)
    first = backup.daily_backup(park_path, today=day)
    assert first == park_path.with_name("park.daily-2026-03-05.sqlite")
    assert first.exists()
    # Same day again: nothing new.
    assert backup.daily_backup(park_path, today=day) is None
    assert backup.daily_backups(park_path) == [first]


def test_copies_rotate_at_ten_oldest_first(park_path):
    start = date(2026, 1, 25)
    days = [start + timedelta(days=n) for n in range(12)]  # 25 Jan .. 5 Feb, across a month end
    for day in days:
        backup.daily_backup(park_path, today=day)
    kept = backup.daily_backups(park_path)
    assert [p.name for p in kept] == [f"park.daily-{d.isoformat()}.sqlite" for d in days[2:]]
    assert len(kept) == 10
    assert not park_path.with_name("park.daily-2026-01-25.sqlite").exists()
    assert not park_path.with_name("park.daily-2026-01-26.sqlite").exists()
    assert park_path.exists()


def test_rotation_leaves_other_files_alone(park_path):
    others = [park_path.with_name(n) for n in ("park.v1-backup-20260101-101010.sqlite", "park.daily-notes.txt",
                                                 "other.daily-2020-01-01.sqlite")]
    for p in others:
        p.write_bytes(b"x")
    for n in range(11):
        backup.daily_backup(park_path, today=date(2026, 4, 1) + timedelta(days=n))
    assert all(p.exists() for p in others)
    assert len(backup.daily_backups(park_path)) == 10


def test_copy_of_an_open_file_holds_its_committed_data(park_path):
    park = open_park(park_path)
    try:
        code = park.conn.execute("SELECT code FROM indicators ORDER BY rowid LIMIT 1").fetchone()[0]
        park.update("indicators", {"code": code}, {"target": 123.5})
        copy = backup.daily_backup(park.path, park.conn, today=date(2026, 5, 1))
    finally:
        park.close()
    copied = open_park(copy, read_only=True)
    try:
        assert copied.conn.execute("SELECT target FROM indicators WHERE code = ?", (code,)).fetchone() == (123.5,)
        assert copied.meta("app") == "changning-plan"
    finally:
        copied.close()


def test_failed_copy_leaves_no_partial_file(park_path, tmp_path):
    # The target folder does not exist: sqlite cannot create the copy.
    missing = tmp_path / "gone" / "park.sqlite"
    source = sqlite3.connect(str(park_path))
    try:
        try:
            backup.daily_backup(missing, source, today=date(2026, 6, 1))
        except (OSError, sqlite3.Error):
            pass
        else:
            raise AssertionError("copy into a missing folder should fail")
    finally:
        source.close()
    assert not (tmp_path / "gone").exists()
