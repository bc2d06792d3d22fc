"""Opening, creating, migrating and writing park files.

A park file is a SQLite database whose `meta` table says `app = changning-plan` and whose
`PRAGMA user_version` is its schema version. Every write goes through `ParkFile.transaction()`, which
is one SQLite transaction that also records each change in `audit_log`.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterator

from . import paths
from .schema import APP_ID, MIGRATIONS, SCHEMA_VERSION

if TYPE_CHECKING:
    import sqlite_utils

SQLITE_HEADER = b"SQLite format 3\x00"


class ParkFileError(Exception):
    """A park file could not be opened or written. `str(error)` is a message for the user, in Chinese."""


class NotAParkFile(ParkFileError):
    pass


class NewerVersionError(ParkFileError):
    pass


class DamagedFileError(ParkFileError):
    pass


class ReadOnlyError(ParkFileError):
    pass


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), check_same_thread=False)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    if not read_only:
        # A rollback journal, not WAL: WAL needs shared memory, which network shares do not provide.
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def apply_migrations(conn: sqlite3.Connection, start: int, stop: int = SCHEMA_VERSION) -> None:
    """Run the migrations that take a file from version `start` to `stop`, each in one transaction."""
    for version in range(start, stop):
        conn.execute("BEGIN")
        try:
            for statement in MIGRATIONS[version]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {version + 1}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def backup_file(path: Path, label: str) -> Path:
    """Copy the (closed) file byte for byte beside itself, named with `label` and the time."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.stem}.{label}-{stamp}-{n}{path.suffix}")
    try:
        shutil.copy2(path, target)
    except OSError as exc:
        raise ParkFileError(f"升级数据格式前无法备份“{path.name}”：{exc.strerror or exc}。文件未被修改。") from exc
    return target


@dataclass
class ParkFile:
    """An open park file.

    Attributes:
        path: where the file is.
        conn: the file's sqlite3 connection.
        db: a sqlite-utils Database on that connection (made on first use: sqlite-utils is slow to import).
        read_only: True when opened read-only; writes then raise `ReadOnlyError`.
        migrated_from: the schema version the file had before this open migrated it, else None.
        backup: the copy written before a migration, else None.
    """

    path: Path
    conn: sqlite3.Connection
    read_only: bool = False
    migrated_from: int | None = None
    backup: Path | None = None
    lock: Any = field(default=None, repr=False)
    _db: Any = field(default=None, repr=False)

    @property
    def db(self) -> "sqlite_utils.Database":
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def close(self) -> None:
        self.conn.close()
        if self.lock is not None:
            self.lock.unlock()
            self.lock = None

    @contextmanager
    def transaction(self, action: str, source: str = "gui", batch_id: int | None = None) -> Iterator["Changes"]:
        """One transaction; changes made through the yielded `Changes` are written to the audit log.

        Nothing is written if the block raises.
        """
        if self.read_only:
            raise ReadOnlyError(f"文件“{self.path.name}”以只读方式打开，不能保存修改。")
        try:
            with self.db.atomic():
                yield Changes(self, action, source, batch_id)
        except sqlite3.OperationalError as exc:
            raise ParkFileError(_write_failure_message(self.path, exc)) from exc

    def update(self, table: str, key: dict[str, Any], changes: dict[str, Any], *, action: str = "edit",
               source: str = "gui") -> None:
        """Set `changes` on the row of `table` with primary key `key`, as one audited transaction."""
        with self.transaction(action, source) as tx:
            tx.update(table, key, changes)


def _write_failure_message(path: Path, exc: sqlite3.OperationalError) -> str:
    text = str(exc).lower()
    if "readonly" in text or "read-only" in text:
        reason = "文件为只读或所在文件夹不可写"
    elif "full" in text:
        reason = "磁盘空间已满"
    elif "i/o" in text or "disk" in text:
        reason = "写入磁盘失败（文件可能已被设为只读或被其他程序锁定，也可能是磁盘或网络故障）"
    elif "locked" in text or "busy" in text:
        reason = "文件正被其他程序使用"
    else:
        reason = str(exc)
    return f"无法保存到“{path}”：{reason}。原有内容未改变。"


def _audit_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    return str(value)


class Changes:
    """The writes of one transaction; each is recorded in `audit_log` with its old and new value."""

    def __init__(self, park: ParkFile, action: str, source: str, batch_id: int | None):
        self.park = park
        self.action = action
        self.source = source
        self.batch_id = batch_id
        self.at = _now()

    def log(self, table: str, key: dict[str, Any], field: str | None, old: Any, new: Any) -> None:
        self.park.conn.execute(
            "INSERT INTO audit_log (at, action, table_name, row_key, field, old_value, new_value, source, batch_id)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.at, self.action, table, json.dumps(key, ensure_ascii=False, sort_keys=True), field,
             _audit_text(old), _audit_text(new), self.source, self.batch_id),
        )

    def update(self, table: str, key: dict[str, Any], changes: dict[str, Any]) -> None:
        """Update one existing row; raises KeyError if there is none."""
        where = " AND ".join(f"{k} = ?" for k in key)
        cols = ", ".join(changes)
        old = self.park.conn.execute(f"SELECT {cols} FROM {table} WHERE {where}", tuple(key.values())).fetchone()
        if old is None:
            raise KeyError(f"{table} {key}")
        sets = ", ".join(f"{k} = ?" for k in changes)
        self.park.conn.execute(f"UPDATE {table} SET {sets} WHERE {where}",
                               (*changes.values(), *key.values()))
        for (name, new), before in zip(changes.items(), old):
            if before != new:
                self.log(table, key, name, before, new)

    def insert(self, table: str, row: dict[str, Any], key_fields: tuple[str, ...] = ("id",)) -> int:
        cols = ", ".join(row)
        marks = ", ".join("?" for _ in row)
        cur = self.park.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", tuple(row.values()))
        key = {k: row.get(k, cur.lastrowid) for k in key_fields}
        self.log(table, key, None, None, json.dumps(row, ensure_ascii=False))
        return cur.lastrowid

    def delete(self, table: str, key: dict[str, Any]) -> None:
        where = " AND ".join(f"{k} = ?" for k in key)
        cur = self.park.conn.execute(f"SELECT * FROM {table} WHERE {where}", tuple(key.values()))
        row = cur.fetchone()
        if row is None:
            raise KeyError(f"{table} {key}")
        old = dict(zip([d[0] for d in cur.description], row))
        self.park.conn.execute(f"DELETE FROM {table} WHERE {where}", tuple(key.values()))
        self.log(table, key, None, json.dumps(old, ensure_ascii=False), None)


def check_park_file(path: Path) -> None:
    """Raise a ParkFileError with a message for the user unless `path` looks like a park file."""
    path = Path(path)
    if not path.exists():
        raise ParkFileError(f"找不到文件“{path}”。")
    if path.is_dir():
        raise NotAParkFile(f"“{path}”是一个文件夹，不是园区数据文件。")
    with path.open("rb") as fh:
        header = fh.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise NotAParkFile(f"“{path.name}”不是园区数据文件（不是SQLite数据库）。文件未被修改。")


def open_park(path: Path | str, *, read_only: bool = False, lock: Any = None) -> ParkFile:
    """Open a park file, migrating it (after a backup copy) if its schema is older than this program's.

    Raises ParkFileError (or a subclass) with a message for the user; the file is then unchanged.
    """
    path = Path(path)
    check_park_file(path)
    # A journal left by a crash mid-write is "hot": only a read-write connection rolls it back, and a
    # read-only probe would fail on it and call a merely interrupted file damaged.
    recover = not read_only and path.with_name(path.name + "-journal").exists()
    try:
        conn = _connect(path, read_only=not recover)
    except sqlite3.DatabaseError as exc:
        raise DamagedFileError(f"文件“{path.name}”已损坏，无法读取（{exc}）。请从备份副本恢复。") from exc
    try:
        try:
            ok = conn.execute("PRAGMA quick_check").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            app = (conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone() or [None])[0] \
                if "meta" in tables else None
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise DamagedFileError(f"文件“{path.name}”已损坏，无法读取（{exc}）。请从备份副本恢复。") from exc
        if ok != "ok":
            raise DamagedFileError(f"文件“{path.name}”已损坏（完整性检查未通过：{ok}）。请从备份副本恢复。")
        if app != APP_ID:
            raise NotAParkFile(f"“{path.name}”不是园区数据文件。文件未被修改。")
        if version > SCHEMA_VERSION:
            raise NewerVersionError(
                f"“{path.name}”由较新版本的程序创建（数据版本{version}，本程序支持到{SCHEMA_VERSION}）。"
                "请升级程序后再打开。文件未被修改。")
    finally:
        conn.close()

    migrated_from = None
    backup = None
    if version < SCHEMA_VERSION:
        if read_only:
            return _migrated_in_memory(path, version, lock)
        backup = backup_file(path, f"v{version}-backup")
    conn = _connect(path, read_only=read_only)
    if backup is not None:
        apply_migrations(conn, version)
        migrated_from = version
    return ParkFile(path=path, conn=conn, read_only=read_only, migrated_from=migrated_from, backup=backup, lock=lock)


def _migrated_in_memory(path: Path, version: int, lock: Any) -> ParkFile:
    """An older file opened read-only: a copy in memory, migrated there, so that it can be read (a
    summary, a report, a second window) while the file itself stays exactly as it is."""
    disk = _connect(path, read_only=True)
    memory = sqlite3.connect(":memory:", check_same_thread=False)
    try:
        disk.backup(memory)
    finally:
        disk.close()
    apply_migrations(memory, version)
    memory.execute("PRAGMA foreign_keys = ON")
    return ParkFile(path=path, conn=memory, read_only=True, migrated_from=version, lock=lock)


def create_park(path: Path | str, template: Path | None = None) -> Path:
    """Create a new park file at `path` from the bundled template; refuses to overwrite."""
    path = Path(path)
    template = template or paths.template_path()
    if path.exists():
        raise ParkFileError(f"文件“{path}”已存在，未覆盖。")
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    try:
        shutil.copyfile(template, partial)
        partial.replace(path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ParkFileError(f"无法创建文件“{path}”：{exc.strerror or exc}。") from exc
    return path


def copy_to(park: ParkFile, target: Path) -> Path:
    """Write a consistent copy of an open park file to `target` (Save As)."""
    target = Path(target)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    out = sqlite3.connect(str(partial))
    try:
        park.conn.backup(out)
    except sqlite3.Error as exc:
        out.close()
        partial.unlink(missing_ok=True)
        raise ParkFileError(f"无法写入“{target}”：{exc}。") from exc
    out.close()
    partial.replace(target)
    return target


def new_empty_database(path: Path) -> sqlite3.Connection:
    """A new file with the newest schema and nothing else (used by the template builder)."""
    conn = sqlite3.connect(str(path))
    apply_migrations(conn, 0)
    conn.execute("INSERT INTO meta (key, value) VALUES ('app', ?)", (APP_ID,))
    conn.commit()
    return conn
