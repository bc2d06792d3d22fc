"""Recovering from a park file that cannot be opened: find the newest good backup copy beside it (the daily
copies of models.backup and the copies made before migrations by models.db) and put it in the file's place,
keeping the damaged file under another name so that nothing is lost."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from . import db
from .backup import daily_backups
from .db import ParkFileError


def backup_copies(path: Path) -> list[Path]:
    """Every backup copy of `path` beside it (daily and pre-migration), newest first (by modification time)."""
    path = Path(path)
    if not path.parent.is_dir():
        return []
    found = set(daily_backups(path))
    found.update(p for p in path.parent.glob(f"{path.stem}.v*-backup-*{path.suffix}") if p.is_file())
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def is_good_copy(path: Path) -> bool:
    """True if `path` is a park file that `db.open_park` would open: SQLite, passes quick_check, says it
    is ours, and its schema and values are exactly what this program writes (a copy lying beside the file
    is no more trusted than the file)."""
    path = Path(path)
    try:
        db.check_park_file(path)
        snap = db._Snapshot(path)
    except (ParkFileError, sqlite3.Error, OSError):
        return False
    try:
        db._inspect(path, snap)
        return True
    except (ParkFileError, sqlite3.Error):
        return False
    finally:
        snap.close()


INTEGRITY_BUDGET_S = 120.0


def fails_integrity_check(path: Path) -> bool:
    """True only when `path`, opened alone (read-only, its journal rolled back on a temporary copy), is
    not a SQLite database or fails `PRAGMA integrity_check`. A file SQLite cannot read for any other
    reason (locked by a colleague, a share gone, no permission, a check that takes too long) is not
    called damaged: False."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        with path.open("rb") as fh:
            if fh.read(len(db.SQLITE_HEADER)) != db.SQLITE_HEADER:
                return True
    except OSError:
        return False
    snap = None
    try:
        snap = db._Snapshot(path)
        snap.budget.arm(INTEGRITY_BUDGET_S)
        rows = snap.conn.execute("PRAGMA integrity_check").fetchall()
        return rows != [("ok",)]
    except sqlite3.Error as exc:
        return db.error_code(exc) in (db.SQLITE_CORRUPT, db.SQLITE_NOTADB)
    except (ParkFileError, OSError):
        return False
    finally:
        if snap is not None:
            snap.close()


def newest_good_backup(path: Path) -> Path | None:
    """The newest backup copy of `path` that is itself a good park file, or None."""
    return next((copy for copy in backup_copies(path) if is_good_copy(copy)), None)


def damaged_name(path: Path, now: datetime | None = None) -> Path:
    """Where a damaged file is kept when a backup is restored in its place."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.damaged-{stamp}{path.suffix}")


def restore_backup(path: Path, backup: Path, now: datetime | None = None) -> Path:
    """Put a copy of `backup` at `path`; the damaged file moves to `damaged_name(path)`, which is returned.

    The backup itself is left as it is. Raises ParkFileError (Chinese message) if a step fails; the files
    are then as they were.
    """
    path, backup = Path(path), Path(backup)
    kept = damaged_name(path, now)
    partial = path.with_name(path.name + ".restoring")
    try:
        shutil.copyfile(backup, partial)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ParkFileError(f"无法从备份“{backup.name}”恢复：{exc.strerror or exc}。文件未被修改。") from exc
    try:
        if path.exists():
            path.replace(kept)
        journal = path.with_name(path.name + "-journal")
        if journal.exists():  # belongs to the damaged file; it must not be applied to the restored copy
            journal.replace(kept.with_name(kept.name + "-journal"))
        partial.replace(path)
    except OSError as exc:
        if kept.exists() and not path.exists():
            kept.replace(path)
        partial.unlink(missing_ok=True)
        raise ParkFileError(f"无法从备份“{backup.name}”恢复：{exc.strerror or exc}。文件未被修改。") from exc
    return kept
