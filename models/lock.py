"""A lock beside a park file so that a second running instance knows the file is in use."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


def lock_path(park_path: Path) -> Path:
    return park_path.with_name(park_path.name + ".lock")


def try_lock(park_path: Path) -> QLockFile | None:
    """Take the lock of `park_path`; None if another running instance holds it.

    A lock left by a crashed instance is stale and taken over (QLockFile checks the process).
    """
    lock = QLockFile(str(lock_path(park_path)))
    lock.setStaleLockTime(0)
    if lock.tryLock(0):
        return lock
    if lock.removeStaleLockFile() and lock.tryLock(0):
        return lock
    return None
