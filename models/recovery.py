"""Recovering from a park file that cannot be opened: find the newest good backup copy beside it (the daily
copies of models.backup and the copies made before migrations by models.db) and put it in the file's place,
keeping the damaged file under another name so that nothing is lost."""

from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from .backup import daily_backups
from .db import ParkFileError
from .schema import APP_ID


def backup_copies(path: Path) -> list[Path]:
    """Every backup copy of `path` beside it (daily and pre-migration), newest first (by modification time)."""
    path = Path(path)
    if not path.parent.is_dir():
        return []
    found = set(daily_backups(path))
    found.update(p for p in path.parent.glob(f"{path.stem}.v*-backup-*{path.suffix}") if p.is_file())
    return sorted(found, key=lambda p: (p.stat().st_mtime, p.name), reverse=True)


def is_good_copy(path: Path) -> bool:
    """True if `path` is a readable park file: SQLite, passes quick_check, says it is ours."""
    try:
        conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        if conn.execute("PRAGMA quick_check").fetchone()[0] != "ok":
            return False
        row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
        return row is not None and row[0] == APP_ID
    except sqlite3.Error:
        return False
    finally:
        conn.close()


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
