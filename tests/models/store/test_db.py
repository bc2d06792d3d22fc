"""Opening, migrating and writing park files: one transaction per write, an audit row per change."""

from __future__ import annotations

import re
import sqlite3
from pathlib import PurePosixPath, PureWindowsPath

import pytest

from models.store import db as parkdb
from models.store.schema import MIGRATIONS, SCHEMA_VERSION
from tests.conftest import ROOT
from tests.park_checks import digest


def test_update_writes_value_and_audit_row(park):
    park.update("indicator_years", {"code": "invention_patents_per_10k", "year": 2023}, {"official": 85.0})
    assert park.conn.execute("SELECT official FROM indicator_years WHERE code = 'invention_patents_per_10k'"
                             " AND year = 2023").fetchone()[0] == 85.0
    rows = park.conn.execute("SELECT action, table_name, row_key, field, old_value, new_value, source"
                             " FROM audit_log").fetchall()
    assert rows == [("edit", "indicator_years", '{"code": "invention_patents_per_10k", "year": 2023}',
                     "official", None, "85", "gui")]


def test_a_failing_transaction_writes_nothing(park):
    with pytest.raises(RuntimeError):
        with park.transaction("edit") as tx:
            tx.update("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 3.9})
            raise RuntimeError("boom")
    assert park.conn.execute("SELECT official FROM indicator_years WHERE code = 'rd_intensity'"
                             " AND year = 2021").fetchone()[0] is None
    assert park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 0


def test_constraint_violation_rolls_back_earlier_writes(park):
    with pytest.raises(sqlite3.IntegrityError):
        with park.transaction("edit") as tx:
            tx.update("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 3.9})
            tx.insert("indicator_years", {"code": "no_such_code", "year": 2021}, ("code", "year"))
    assert park.conn.execute("SELECT COUNT(*) FROM indicator_years WHERE official IS NOT NULL").fetchone()[0] == 0


def test_not_a_park_file_is_refused_and_unchanged(tmp_path):
    text = tmp_path / "notes.sqlite"
    text.write_text("这不是数据库", encoding="utf-8")
    with pytest.raises(parkdb.NotAParkFile, match="不是园区数据文件"):
        parkdb.open_park(text)
    other = tmp_path / "other.sqlite"
    conn = sqlite3.connect(str(other))
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(other)
    with pytest.raises(parkdb.NotAParkFile):
        parkdb.open_park(other)
    assert digest(other) == before


def test_newer_version_is_refused_and_unchanged(park_path):
    conn = sqlite3.connect(str(park_path))
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    before = digest(park_path)
    with pytest.raises(parkdb.NewerVersionError, match="较新版本"):
        parkdb.open_park(park_path)
    assert digest(park_path) == before
    assert list(park_path.parent.glob("*backup*")) == []


def make_v1_file(path):
    conn = sqlite3.connect(str(path))
    parkdb.apply_migrations(conn, 0, 1)
    conn.execute("INSERT INTO meta VALUES ('app', 'changning-plan')")
    conn.execute("INSERT INTO indicators VALUES ('rd_intensity', 1, '全社会研发经费支出相当于全区生产总值比例',"
                 " 'R&D', '%', '4.5', 4.5, NULL, 'level', 'higher', 's', NULL)")
    conn.execute("INSERT INTO indicator_years (code, year, official) VALUES ('rd_intensity', 2021, 3.2)")
    conn.execute("INSERT INTO audit_log (at, action, table_name, row_key) VALUES ('2021', 'edit', 't', 'k')")
    conn.commit()
    conn.close()


def test_version_1_file_is_migrated_after_a_backup(tmp_path):
    path = tmp_path / "old.sqlite"
    make_v1_file(path)
    before = digest(path)
    park = parkdb.open_park(path)
    try:
        assert park.migrated_from == 1
        assert park.schema_version == SCHEMA_VERSION == len(MIGRATIONS)
        assert park.conn.execute("SELECT official FROM indicator_years").fetchone()[0] == 3.2
        assert park.conn.execute("SELECT source FROM audit_log").fetchone()[0] == "gui"
        assert park.conn.execute("SELECT COUNT(*) FROM returns").fetchone()[0] == 0
    finally:
        park.close()
    assert park.backup is not None and park.backup.exists()
    assert digest(park.backup) == before
    backup_conn = sqlite3.connect(str(park.backup))
    assert backup_conn.execute("PRAGMA user_version").fetchone()[0] == 1
    backup_conn.close()


def test_version_1_file_opened_read_only_is_read_through_a_migrated_copy(tmp_path):
    path = tmp_path / "old.sqlite"
    make_v1_file(path)
    before = digest(path)
    park = parkdb.open_park(path, read_only=True)
    try:
        assert park.read_only and park.migrated_from == 1 and park.backup is None
        assert park.schema_version == SCHEMA_VERSION
        assert park.conn.execute("SELECT official FROM indicator_years").fetchone()[0] == 3.2
        assert park.conn.execute("SELECT COUNT(*) FROM returns").fetchone()[0] == 0
        with pytest.raises(parkdb.ReadOnlyError):
            park.update("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 1.0})
    finally:
        park.close()
    assert digest(path) == before
    assert [p.name for p in tmp_path.iterdir()] == ["old.sqlite"]


def test_read_only_open_refuses_writes(park_path):
    park = parkdb.open_park(park_path, read_only=True)
    try:
        with pytest.raises(parkdb.ReadOnlyError, match="只读"):
            park.update("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 1.0})
    finally:
        park.close()


def test_create_refuses_to_overwrite(tmp_path, park_path):
    with pytest.raises(parkdb.ParkFileError, match="已存在"):
        parkdb.create_park(park_path)
    new = parkdb.create_park(tmp_path / "sub" / "new.sqlite")
    assert parkdb.open_park(new).schema_version == SCHEMA_VERSION


def test_foreign_keys_are_on(park):
    assert park.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert park.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


def test_lock_tells_a_second_instance(park_path):
    from models.store.lock import try_lock

    first = try_lock(park_path)
    assert first is not None
    assert try_lock(park_path) is None
    first.unlock()
    again = try_lock(park_path)
    assert again is not None
    again.unlock()


def test_save_as_copy(park, tmp_path):
    park.update("indicator_years", {"code": "rd_intensity", "year": 2022}, {"official": 4.1})
    copy = parkdb.copy_to(park, tmp_path / "copy.sqlite")
    other = parkdb.open_park(copy)
    try:
        assert other.conn.execute("SELECT official FROM indicator_years WHERE code = 'rd_intensity'"
                                  " AND year = 2022").fetchone()[0] == 4.1
    finally:
        other.close()


# ---------------------------------------------------------------- untrusted files (issue 11, issue 19.1)

@pytest.mark.parametrize("path, uri", [
    (PurePosixPath("/home/张三/园区 数据/park.sqlite"),
     "file:///home/%E5%BC%A0%E4%B8%89/%E5%9B%AD%E5%8C%BA%20%E6%95%B0%E6%8D%AE/park.sqlite?mode=ro"),
    (PurePosixPath("/data/a#b?c%d.sqlite"), "file:///data/a%23b%3Fc%25d.sqlite?mode=ro"),
    (PureWindowsPath(r"C:\Users\张三\Documents\park.sqlite"),
     "file:///C:/Users/%E5%BC%A0%E4%B8%89/Documents/park.sqlite?mode=ro"),
    (PureWindowsPath(r"Z:\规划\park 2025.sqlite"), "file:///Z:/%E8%A7%84%E5%88%92/park%202025.sqlite?mode=ro"),
    (PureWindowsPath(r"\\server\share\park.sqlite"), "file:////server/share/park.sqlite?mode=ro"),
    (PureWindowsPath(r"\\fs01.gov.local\规划科\#1\park.sqlite"),
     "file:////fs01.gov.local/%E8%A7%84%E5%88%92%E7%A7%91/%231/park.sqlite?mode=ro"),
    (PureWindowsPath(r"\\?\C:\long\park.sqlite"), "file:///C:/long/park.sqlite?mode=ro"),
    (PureWindowsPath(r"\\?\UNC\server\share\park.sqlite"), "file:////server/share/park.sqlite?mode=ro"),
])
def test_sqlite_uri_for_posix_drive_and_unc_paths(path, uri):
    assert parkdb.sqlite_uri(path, "ro") == uri
    # The server is in the URI's path, never its authority (Windows SQLite refuses "file://server/…").
    assert not re.match(r"file://[^/]", parkdb.sqlite_uri(path))


def test_sqlite_uri_opens_names_that_need_quoting(tmp_path, park_path):
    folder = tmp_path / "园区 #1 ?x% 数据"
    folder.mkdir()
    target = folder / "长宁 park#.sqlite"
    park_path.replace(target)
    park = parkdb.open_park(target, read_only=True)
    try:
        assert park.conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()[0] == "changning-plan"
    finally:
        park.close()


def test_every_connection_distrusts_the_schema(park):
    assert park.conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def test_the_query_budget_stops_an_endless_query_with_a_chinese_message(park_path, monkeypatch):
    monkeypatch.setattr(parkdb, "OPEN_BUDGET_S", 0.3)
    snap = parkdb._Snapshot(park_path)
    try:
        snap.budget.arm(parkdb.OPEN_BUDGET_S)
        with pytest.raises(sqlite3.OperationalError) as caught:
            snap.conn.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n)"
                              " SELECT COUNT(*) FROM n").fetchone()
        snap.budget.disarm()
        assert snap.conn.execute("SELECT COUNT(*) FROM meta").fetchone()[0] > 0  # disarmed: no limit
    finally:
        snap.close()
    error = parkdb.open_error(park_path, caught.value)
    assert isinstance(error, parkdb.UntrustedFileError) and "超过0.3秒" in str(error) and "park.sqlite" in str(error)


@pytest.mark.parametrize("code, kind", [
    (5, parkdb.FileBusyError), (6, parkdb.FileBusyError), (11, parkdb.DamagedFileError),
    (26, parkdb.DamagedFileError), (14, parkdb.ParkFileError), (8, parkdb.ParkFileError),
    (10, parkdb.ParkFileError), (13, parkdb.ParkFileError), (1, parkdb.ParkFileError),
])
def test_open_errors_are_sorted_by_sqlite_code(code, kind, tmp_path):
    exc = sqlite3.OperationalError("english text that must not decide")
    exc.sqlite_errorcode = code
    error = parkdb.open_error(tmp_path / "park.sqlite", exc)
    assert type(error) is kind
    assert "park.sqlite" in str(error) and re.search(r"[\u4e00-\u9fff]", str(error))
    assert ("已损坏" in str(error)) == (kind is parkdb.DamagedFileError)


def test_the_expected_schema_is_derived_from_the_migrations():
    from models.store.park_check import expected_schema, migrated_schema, read_schema

    conn = sqlite3.connect(":memory:")
    for step in MIGRATIONS:
        for statement in step:
            conn.execute(statement)
    assert read_schema(conn) == expected_schema(SCHEMA_VERSION) == migrated_schema(SCHEMA_VERSION)
    template = sqlite3.connect(str(ROOT / "park.sqlite.template"))
    try:
        assert read_schema(template) == expected_schema(SCHEMA_VERSION)
    finally:
        template.close()
    # each older version's schema, built without the plan's rows, is the one its migrations give with them
    for version in range(len(MIGRATIONS)):
        conn = sqlite3.connect(":memory:")
        for step in MIGRATIONS[:version]:
            for statement in step:
                conn.execute(statement)
        assert read_schema(conn) == migrated_schema(version) == expected_schema(version), version
        conn.close()
    assert set(expected_schema(1).tables) < set(expected_schema(2).tables)
    assert "returns" in expected_schema(2).tables and "returns" not in expected_schema(1).tables


def test_a_tampered_user_version_makes_no_backup_copy(park_path):
    conn = sqlite3.connect(str(park_path))
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()
    before = digest(park_path)
    for _attempt in range(3):
        with pytest.raises(parkdb.UntrustedFileError, match="数据版本号为1"):
            parkdb.open_park(park_path)
    assert digest(park_path) == before
    assert [p.name for p in park_path.parent.iterdir() if p.is_file()] == ["park.sqlite"]


def test_a_too_long_or_unreachable_path_is_a_chinese_message(tmp_path):
    long_name = tmp_path / ("长" * 120 + ".sqlite")
    with pytest.raises(parkdb.ParkFileError, match="过长"):
        parkdb.open_park(long_name)
    with pytest.raises(parkdb.ParkFileError, match="过长"):
        parkdb.create_park(long_name)
    assert list(tmp_path.iterdir()) == []


def test_released_schema_steps_never_change():
    """Files in offices hold v1/v2 exactly as these statements made them, and opening compares a file's
    CREATE statements with them: changing a released step (or the return-form columns `returns_table_sql`
    builds v2's `returns` from) would make every existing file be refused. Add a new step instead."""
    import hashlib

    from models.store.park_check import normalise_sql

    text = "\n".join(normalise_sql(statement) for step in MIGRATIONS[:2] for statement in step)
    assert hashlib.sha256(text.encode()).hexdigest() == \
        "83efdb973f74f8ccc5b7e7b488fb15578778ad2114742cb040ad8ce082ed4ea4"
