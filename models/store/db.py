"""Opening, creating, migrating and writing park files.

A park file is a SQLite database whose `meta` table says `app = changning-plan` and whose
`PRAGMA user_version` is its schema version. Every write goes through `ParkFile.transaction()`, which
is one SQLite transaction that also records each change in `audit_log`.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path, PurePath, PureWindowsPath
from typing import TYPE_CHECKING, Any, Iterator
from urllib.parse import quote

from ..base import paths
from ..base.out_path import partial_file
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


class FileBusyError(ParkFileError):
    """The file is locked by another program or colleague (SQLite busy/locked): not damage; try again."""


class UntrustedFileError(ParkFileError):
    """The file's schema or values are not what this program writes (changed by hand or crafted)."""


# How long a connection waits for another writer to finish, and how long opening may read a file before
# it is given up on (a crafted file must not hang the window or a command). Tests shorten them.
BUSY_TIMEOUT_MS = 5000
OPEN_BUDGET_S = 10.0
OPEN_BUDGET_S_PER_MB = 0.2  # a big file on a slow share may take longer to read through once or twice


def open_budget(path: Path) -> float:
    """Seconds the checks at open may take for the file at `path` (more for a bigger file)."""
    try:
        size_mb = Path(path).stat().st_size / 1e6
    except OSError:
        size_mb = 0.0
    return round(OPEN_BUDGET_S + OPEN_BUDGET_S_PER_MB * size_mb, 1)

# SQLite primary result codes (sqlite3.h), for sorting errors into the user's problems.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_NOMEM, SQLITE_READONLY = 3, 5, 6, 7, 8
SQLITE_INTERRUPT, SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN = 9, 10, 11, 13, 14
SQLITE_AUTH, SQLITE_NOTADB = 23, 26
SQLITE_READONLY_ROLLBACK = SQLITE_READONLY | (3 << 8)


def _now() -> str:
    return datetime.now().isoformat(timespec="seconds")


def sqlite_uri(path: PurePath, mode: str = "ro") -> str:
    """The `file:` URI that opens `path` with SQLite in `mode` ("ro", "rw", "rwc").

    Pure (no file-system access), for POSIX and Windows paths alike: `C:\\a b\\x.sqlite` becomes
    `file:///C:/a%20b/x.sqlite`, the UNC path `\\\\server\\share\\x.sqlite` becomes
    `file:////server/share/x.sqlite` (the server in the path, not in the URI's authority, which Windows
    SQLite refuses), and `%`, `?`, `#`, spaces and non-ASCII letters are percent-encoded (UTF-8).
    A mapped drive stays a drive: never `resolve()` the path first (that turns `Z:` into its UNC path).
    """
    if isinstance(path, PureWindowsPath):
        text = str(path)
        if text.startswith("\\\\?\\UNC\\"):
            path = PureWindowsPath("\\\\" + text[8:])
        elif text.startswith("\\\\?\\"):
            path = PureWindowsPath(text[4:])
    posix = path.as_posix()
    if path.is_absolute() or posix.startswith("//"):
        if not posix.startswith("/"):
            posix = "/" + posix  # a drive letter: file:///C:/…
        prefix = "file://"
    else:
        prefix = "file:"
    return f"{prefix}{quote(posix, safe='/:')}?mode={mode}"


class _Budget:
    """A SQLite progress handler that interrupts the connection's statement once a deadline has passed.

    `arm(seconds)` starts the clock, `disarm()` stops it; while disarmed it never interrupts.
    """

    def __init__(self) -> None:
        self.deadline: float | None = None
        self.seconds = 0.0

    def arm(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds

    def disarm(self) -> None:
        self.deadline = None

    def __call__(self) -> int:
        return 1 if self.deadline is not None and time.monotonic() > self.deadline else 0


class ParkConnection(sqlite3.Connection):
    """A sqlite3 connection that keeps its query budget (`budget`, set by `_configure`)."""

    budget: "_Budget | None" = None


def _configure(conn: sqlite3.Connection) -> _Budget:
    """Settings every connection to a park file gets: nothing from the file's schema runs with more than
    innocuous functions, and a progress handler that `_Budget.arm` can make stop a long statement."""
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None and hasattr(sqlite3, "SQLITE_DBCONFIG_DEFENSIVE"):
        setconfig(sqlite3.SQLITE_DBCONFIG_DEFENSIVE, True)
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_MS)}")
    budget = _Budget()
    conn.set_progress_handler(budget, 10_000)
    if isinstance(conn, ParkConnection):
        conn.budget = budget
    return budget


def _connect(path: Path, read_only: bool) -> sqlite3.Connection:
    if read_only:
        conn = sqlite3.connect(sqlite_uri(Path(path).absolute(), "ro"), uri=True,
                               factory=ParkConnection)
    else:
        conn = sqlite3.connect(str(path), factory=ParkConnection)
    _configure(conn)
    conn.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        # A rollback journal, not WAL: WAL needs shared memory, which network shares do not provide.
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA synchronous = FULL")
    return conn


def connect_read_only(path: Path | str) -> sqlite3.Connection:
    """A read-only connection, with every park-file safety setting, to a file the window already opened
    (and so checked): for work on another thread, such as checking an import."""
    return _connect(Path(path), read_only=True)


def error_code(exc: BaseException) -> int | None:
    """SQLite's primary result code of `exc`, if it is a sqlite3 error that carries one."""
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def open_error(path: Path, exc: BaseException, budget_s: float | None = None) -> ParkFileError:
    """The ParkFileError (Chinese message naming the file) for a SQLite error met while opening or reading
    `path`. Sorted by SQLite's result code: only CORRUPT and NOTADB say the file is damaged."""
    name = Path(path).name
    code = error_code(exc)
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return FileBusyError(f"文件“{name}”正被其他程序或同事使用，请稍后重试。文件未被修改。")
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return DamagedFileError(f"文件“{name}”已损坏，无法读取（{exc}）。请从备份副本恢复。")
    if code == SQLITE_INTERRUPT:
        seconds = budget_s or OPEN_BUDGET_S
        return UntrustedFileError(f"读取文件“{name}”超过{seconds:g}秒仍未完成，已停止；文件可能被改动过，"
                                  "已拒绝打开。文件未被修改。")
    if code == SQLITE_CANTOPEN:
        return ParkFileError(f"无法打开文件“{path}”：路径过长、所在文件夹无法访问或没有权限。文件未被修改。")
    if code in (SQLITE_PERM, SQLITE_AUTH):
        return ParkFileError(f"无法打开文件“{path}”：没有访问权限。文件未被修改。")
    if code == SQLITE_READONLY:
        return ParkFileError(f"无法打开文件“{path}”：文件或所在文件夹为只读，无法完成读取前必需的恢复。"
                             "文件未被修改。")
    if code == SQLITE_FULL:
        return ParkFileError(f"无法打开文件“{path}”：磁盘空间已满。文件未被修改。")
    if code == SQLITE_IOERR:
        return ParkFileError(f"读取文件“{path}”失败：磁盘或网络故障，请稍后重试。文件未被修改。")
    if code == SQLITE_NOMEM:
        return ParkFileError(f"读取文件“{name}”时内存不足。文件未被修改。")
    return ParkFileError(f"无法打开文件“{path}”（SQLite错误：{getattr(exc, 'sqlite_errorname', '') or exc}）。"
                         "文件未被修改。")


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
        from ..base.out_path import os_reason

        target.unlink(missing_ok=True)
        raise ParkFileError(f"升级数据格式前无法在“{path.parent}”中备份“{path.name}”：{os_reason(exc)}。"
                            "文件未被修改。") from exc
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
    _savepoints: int = field(default=0, repr=False)

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
    def _atomic(self) -> Iterator[None]:
        """BEGIN … COMMIT, or a SAVEPOINT inside a transaction already open; rolled back if the block raises.

        Written out rather than taken from sqlite-utils' `atomic()`: importing sqlite-utils (and numpy
        with it) cost every batch command about 0.45 s of start-up."""
        conn = self.conn
        if conn.in_transaction:
            self._savepoints += 1
            name = f"park_sp{self._savepoints}"
            conn.execute(f"SAVEPOINT {name}")
            try:
                yield
            except BaseException:
                conn.execute(f"ROLLBACK TO {name}")
                conn.execute(f"RELEASE {name}")
                raise
            conn.execute(f"RELEASE {name}")
            return
        conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            conn.rollback()
            raise
        conn.commit()

    @contextmanager
    def transaction(self, action: str, source: str = "gui", batch_id: int | None = None) -> Iterator["Changes"]:
        """One transaction; changes made through the yielded `Changes` are written to the audit log.

        Nothing is written if the block raises.
        """
        if self.read_only:
            raise ReadOnlyError(f"文件“{self.path.name}”以只读方式打开，不能保存修改。")
        try:
            with self._atomic():
                yield Changes(self, action, source, batch_id)
        except sqlite3.OperationalError as exc:
            busy = error_code(exc) in (SQLITE_BUSY, SQLITE_LOCKED)
            raise (FileBusyError if busy else ParkFileError)(_write_failure_message(self.path, exc)) from exc

    def update(self, table: str, key: dict[str, Any], changes: dict[str, Any], *, action: str = "edit",
               source: str = "gui") -> None:
        """Set `changes` on the row of `table` with primary key `key`, as one audited transaction."""
        with self.transaction(action, source) as tx:
            tx.update(table, key, changes)


def _write_failure_message(path: Path, exc: sqlite3.Error) -> str:
    """Why a write to `path` failed, for the user (sorted by SQLite's result code, not its English text)."""
    code = error_code(exc)
    if code == SQLITE_READONLY:
        reason = "文件为只读或所在文件夹不可写"
    elif code == SQLITE_FULL:
        reason = "磁盘空间已满"
    elif code in (SQLITE_IOERR, SQLITE_CANTOPEN):
        reason = "写入磁盘失败（文件可能已被设为只读或被其他程序锁定，也可能是磁盘或网络故障）"
    elif code in (SQLITE_BUSY, SQLITE_LOCKED):
        reason = "文件正被其他程序或同事使用，请稍后重试"
    elif code in (SQLITE_PERM, SQLITE_AUTH):
        reason = "没有写入权限"
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

    def update(self, table: str, key: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
        """Update one existing row; returns the values it replaced ({field: old}). KeyError if there is none."""
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
        return dict(zip(changes, old))

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
    from ..base.out_path import length_problem, os_reason

    path = Path(path)
    problem = length_problem(path.absolute(), windows=os.name == "nt")
    if problem:
        raise ParkFileError(f"无法打开“{path}”：{problem}。")
    try:
        if not path.exists():
            raise ParkFileError(f"找不到文件“{path}”。")
        if path.is_dir():
            raise NotAParkFile(f"“{path}”是一个文件夹，不是园区数据文件。")
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise ParkFileError(f"无法打开文件“{path}”：{os_reason(exc)}。文件未被修改。") from exc
    if header != SQLITE_HEADER:
        raise NotAParkFile(f"“{path.name}”不是园区数据文件（不是SQLite数据库）。文件未被修改。")


def _sidecars(path: Path) -> list[Path]:
    """The rollback journal and WAL files beside `path` that SQLite would read with it."""
    return [p for p in (path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal")) if p.exists()]


def _header_says_wal(path: Path) -> bool:
    """True if the file's header says it is in WAL mode (opening it would then write beside it)."""
    try:
        with path.open("rb") as fh:
            head = fh.read(20)
    except OSError:
        return False
    return len(head) == 20 and (head[18] == 2 or head[19] == 2)


class _Snapshot:
    """A connection on which an untrusted park file is inspected, without writing anything beside it.

    The file itself is opened read-only when that reads it as it is. A journal left by an interrupted
    write ("hot": only a writer may roll it back) or a WAL file (which SQLite reads and would then write
    shared memory beside) make it read through a temporary copy of the file and its journal instead,
    rolled back or checkpointed there: the state any later open will see, and the file untouched.

    Attributes:
        conn: the connection (to the file, or to the temporary copy).
        copied: True when `conn` is on the temporary copy.
        budget: the connection's query budget.
    """

    def __init__(self, path: Path):
        self.path = path
        self.temp_dir: Path | None = None
        self.copied = False
        if _sidecars_wal(path) or _header_says_wal(path):
            self.conn = self._copy()
        else:
            self.conn = _connect(path, read_only=True)
            try:
                self.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            except sqlite3.OperationalError as exc:
                if getattr(exc, "sqlite_errorcode", None) != SQLITE_READONLY_ROLLBACK:
                    self.conn.close()
                    raise
                self.conn.close()
                self.conn = self._copy()
        budget = getattr(self.conn, "budget", None)
        self.budget = budget if budget is not None else _configure(self.conn)

    def _copy(self) -> sqlite3.Connection:
        try:
            self.temp_dir = Path(tempfile.mkdtemp(prefix="changning-open-"))
            target = self.temp_dir / "park.sqlite"
            for attempt in range(3):  # again if a writer changed the files while they were copied
                before = self._stamps()
                shutil.copyfile(self.path, target)
                for side in _sidecars(self.path):
                    shutil.copyfile(side, target.with_name("park.sqlite" + side.name[len(self.path.name):]))
                if self._stamps() == before or attempt == 2:
                    break
                for old in self.temp_dir.iterdir():
                    old.unlink()
        except OSError as exc:
            self.close()
            from ..base.out_path import os_reason

            raise ParkFileError(f"无法读取文件“{self.path}”：{os_reason(exc)}。文件未被修改。") from exc
        self.copied = True
        conn = sqlite3.connect(str(target), factory=ParkConnection)
        _configure(conn)
        return conn

    def _stamps(self) -> list[tuple[str, int, int]]:
        return [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for p in [self.path, *_sidecars(self.path)]]

    def to_memory(self) -> sqlite3.Connection:
        """A copy of what `conn` reads, in memory (the temporary copy is then no longer needed)."""
        memory = sqlite3.connect(":memory:", factory=ParkConnection)
        self.conn.backup(memory)
        return memory

    def close(self) -> None:
        conn = getattr(self, "conn", None)
        if conn is not None:
            conn.close()
        if self.temp_dir is not None:
            shutil.rmtree(self.temp_dir, ignore_errors=True)
            self.temp_dir = None


def _sidecars_wal(path: Path) -> bool:
    return path.with_name(path.name + "-wal").exists()


def _inspect(path: Path, snap: _Snapshot) -> int:
    """Check the park file read on `snap` before anything is written; returns its schema version.

    Raises a ParkFileError subclass: not a park file, from a newer program, its schema or a value not what
    this program writes (UntrustedFileError), or damaged (only when SQLite says so).
    """
    from . import park_check

    conn = snap.conn
    snap.budget.arm(open_budget(path))
    try:
        kinds = dict(conn.execute("SELECT name, type FROM sqlite_master WHERE name = 'meta'").fetchall())
        app = None
        if kinds.get("meta") == "table":
            app = (conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone() or [None])[0]
        if app != APP_ID:
            raise NotAParkFile(f"“{path.name}”不是园区数据文件。文件未被修改。")
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise NewerVersionError(
                f"“{path.name}”由较新版本的程序创建（数据版本{version}，本程序支持到{SCHEMA_VERSION}）。"
                "请升级程序后再打开。文件未被修改。")
        try:
            park_check.check_schema(conn, version)
        except park_check.SchemaMismatch as exc:
            raise UntrustedFileError(f"文件“{path.name}”{exc}，可能被改动过，已拒绝打开。文件未被修改。") from None
        ok = conn.execute("PRAGMA quick_check").fetchone()[0]
        if ok != "ok":
            raise DamagedFileError(f"文件“{path.name}”已损坏（完整性检查未通过：{ok}）。请从备份副本恢复。")
        try:
            park_check.check_values(conn, version)
        except park_check.BadValue as exc:
            raise UntrustedFileError(f"文件“{path.name}”{exc}，可能被改动过，已拒绝打开。文件未被修改。") from None
    except sqlite3.Error as exc:
        raise open_error(path, exc, snap.budget.seconds) from exc
    finally:
        snap.budget.disarm()
    return version


def open_park(path: Path | str, *, read_only: bool = False, lock: Any = None) -> ParkFile:
    """Open a park file, migrating it (after a backup copy) if its schema is older than this program's.

    Before anything is written the file is checked (`_inspect`): its schema must be exactly the one this
    program makes for its version (no trigger, view or extra object), its values of the right types and
    ranges. Raises ParkFileError (or a subclass) with a message for the user; the file is then unchanged
    and nothing is written beside it.
    """
    path = Path(path)
    check_park_file(path)
    try:
        snap = _Snapshot(path)
    except sqlite3.Error as exc:
        raise open_error(path, exc) from exc
    try:
        version = _inspect(path, snap)
        if read_only and (snap.copied or version < SCHEMA_VERSION):
            # Read from a copy in memory: the file keeps its journal (or WAL), or its older version.
            try:
                memory = snap.to_memory()
            except sqlite3.Error as exc:
                raise open_error(path, exc) from exc
            _configure(memory)
            if version < SCHEMA_VERSION:
                apply_migrations(memory, version)
            memory.execute("PRAGMA foreign_keys = ON")
            return ParkFile(path=path, conn=memory, read_only=True,
                            migrated_from=version if version < SCHEMA_VERSION else None, lock=lock)
    finally:
        snap.close()

    try:
        if not read_only and _sidecars(path):
            # Let SQLite roll the interrupted write back (or fold the WAL in) before a backup copy is made.
            settle = _connect(path, read_only=False)
            try:
                settle.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
            finally:
                settle.close()
        backup = None
        if version < SCHEMA_VERSION and not read_only:
            backup = backup_file(path, f"v{version}-backup")
        conn = _connect(path, read_only=read_only)
    except sqlite3.Error as exc:
        raise open_error(path, exc) from exc
    migrated_from = None
    if backup is not None:
        try:
            apply_migrations(conn, version)
        except sqlite3.Error as exc:
            conn.close()
            raise open_error(path, exc) from exc
        migrated_from = version
    return ParkFile(path=path, conn=conn, read_only=read_only, migrated_from=migrated_from, backup=backup, lock=lock)


def create_park(path: Path | str, template: Path | None = None) -> Path:
    """Create a new park file at `path` from the bundled template; refuses to overwrite."""
    from ..base.out_path import length_problem, os_reason, output_problem

    path = Path(path)
    template = template or paths.template_path()
    too_long = length_problem(path.absolute(), windows=os.name == "nt")
    if too_long:
        raise ParkFileError(f"无法创建文件“{path}”：{too_long}。请换一个较短的名称或文件夹。")
    try:
        if path.exists():
            raise ParkFileError(f"文件“{path}”已存在，未覆盖。")
        if not path.parent.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise ParkFileError(f"无法创建文件“{path}”：{os_reason(exc)}。") from exc
    problem = output_problem(path)
    if problem:
        raise ParkFileError(problem.replace("无法写入", "无法创建文件", 1))
    try:
        with partial_file(path) as partial:
            shutil.copyfile(template, partial)
    except OSError as exc:
        raise ParkFileError(f"无法创建文件“{path}”：{os_reason(exc)}。") from exc
    return path


def copy_to(park: ParkFile, target: Path) -> Path:
    """Write a consistent copy of an open park file to `target` (Save As)."""
    target = Path(target)
    try:
        with partial_file(target) as partial:
            partial.unlink(missing_ok=True)
            out = sqlite3.connect(str(partial))
            try:
                park.conn.backup(out)
            finally:
                out.close()
    except sqlite3.Error as exc:
        raise ParkFileError(f"无法写入“{target}”：{exc}。") from exc
    return target


def new_empty_database(path: Path) -> sqlite3.Connection:
    """A new file with the newest schema and nothing else (used by the template builder)."""
    conn = sqlite3.connect(str(path))
    apply_migrations(conn, 0)
    conn.execute("INSERT INTO meta (key, value) VALUES ('app', ?)", (APP_ID,))
    conn.commit()
    return conn
