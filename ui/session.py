"""The open park file shared by the main window and its tabs, with undoable edits."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from models.store import rows
from models.store.db import ParkFile, ParkFileError


class EditCommand(QUndoCommand):
    """Sets fields of one row; undo sets the old values back. Each direction is one audited transaction.

    An undo or redo that cannot be written (a file turned read-only, a full disk) makes the command obsolete:
    QUndoStack then drops it, so the stack never says "undone" while the file still holds the edit."""

    def __init__(self, session: "ParkSession", table: str, key: dict[str, Any], new: dict[str, Any],
                 old: dict[str, Any], text: str):
        super().__init__(text)
        self.session, self.table, self.key, self.new, self.old = session, table, key, new, old
        self._already_applied = True  # ParkSession.edit writes before pushing, so a failure pushes nothing

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
            return
        if not self.session.write(self.table, self.key, self.new, action="redo"):
            self.setObsolete(True)

    def undo(self) -> None:
        if not self.session.write(self.table, self.key, self.old, action="undo"):
            self.setObsolete(True)


class InsertCommand(QUndoCommand):
    """Adds one row (`row` holds its key, e.g. the id it was given); undo deletes it, redo adds it back."""

    def __init__(self, session: "ParkSession", table: str, row: dict[str, Any], key_fields: tuple[str, ...],
                 text: str, inserted: bool = True):
        super().__init__(text)
        self.session, self.table, self.row, self.key_fields = session, table, row, key_fields
        self.inserted = inserted  # False: this command deletes `row` (DeleteCommand)
        self._already_applied = True

    def _add(self) -> None:
        if self.session.write_rows(self.table, insert=self.row, key_fields=self.key_fields, action="redo" if
                                   self.inserted else "undo") is None:
            self.setObsolete(True)  # not written: the stack drops the command rather than disagree with the file

    def _remove(self) -> None:
        key = {k: self.row[k] for k in self.key_fields}
        if self.session.write_rows(self.table, delete=key, action="undo" if self.inserted else "redo") is None:
            self.setObsolete(True)

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
            return
        self._add() if self.inserted else self._remove()

    def undo(self) -> None:
        self._remove() if self.inserted else self._add()


class ImportCommand(QUndoCommand):
    """One stored batch of returns. Undo removes the batch and puts back what it replaced (one transaction,
    models.returns.importer.undo_batch) once the user has confirmed (ParkSession.undo asks); the command then
    leaves the stack: an import is not redone from here, it is imported again."""

    def __init__(self, session: "ParkSession", batch_id: int, text: str):
        super().__init__(text)
        self.session, self.batch_id = session, batch_id

    def redo(self) -> None:
        pass  # stored by the import before the push

    def undo(self) -> None:
        self.session.undo_import(self.batch_id)
        self.setObsolete(True)  # removed whether or not it could be undone: the stack never claims it


class ParkSession(QObject):
    """The park file open in the window.

    Attributes:
        park: the open ParkFile, or None.
        undo_stack: every edit and import made in this session, for Edit ▸ Undo/Redo.
        confirm: asked `confirm(text)` before an import is undone (the window sets a dialog); None: no asking.
    Signals:
        opened(): a (different) park file is now open; everything should reload.
        changed(str): rows of the named table changed (an edit, an undo, an import).
        failed(str): a write failed; the message is for the user and nothing was written.
        lock_lost(): a write was refused because someone took the file's lock over since it was opened
            (this computer slept, or lost the network, before the window's refresh noticed).
    """

    opened = Signal()
    changed = Signal(str)
    failed = Signal(str)
    lock_lost = Signal()

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.park: ParkFile | None = None
        self.undo_stack = QUndoStack(self)
        self.confirm: Callable[[str], bool] | None = None

    def set_park(self, park: ParkFile | None) -> None:
        if self.park is not None and self.park is not park:
            self.park.close()
        self.park = park
        self.undo_stack.clear()
        self.opened.emit()

    @property
    def read_only(self) -> bool:
        return self.park is None or self.park.read_only

    def _still_ours(self) -> bool:
        """True when the file's lock (if any) is still this window's; else `lock_lost` and nothing written."""
        lock = self.park.lock if self.park is not None else None
        if lock is None or lock.is_mine():
            return True
        self.lock_lost.emit()
        return False

    def undo(self) -> None:
        """Edit ▸ Undo: the last step on the stack; undoing an import is confirmed first."""
        index = self.undo_stack.index()
        command = self.undo_stack.command(index - 1) if index > 0 else None
        if isinstance(command, ImportCommand) and self.confirm is not None and not self.confirm(command.text()):
            return
        self.undo_stack.undo()

    def imported(self, batch_id: int, text: str) -> None:
        """A batch of returns was stored: it becomes a step of Edit ▸ Undo."""
        self.undo_stack.push(ImportCommand(self, batch_id, text))
        self.changed.emit("returns")

    def undo_import(self, batch_id: int) -> int | None:
        """Remove an import batch (one transaction); emits `changed` (returns the rows removed) or `failed`."""
        from models.returns.importer import ImportFailed, undo_batch

        if not self._still_ours():
            return None
        try:
            removed = undo_batch(self.park, batch_id)
        except ImportFailed as exc:
            self.failed.emit(str(exc))
            return None
        self.changed.emit("returns")
        return removed

    def edit(self, table: str, key: dict[str, Any], changes: dict[str, Any], text: str) -> bool:
        """Apply an edit through the undo stack; False (and `failed` emitted) if it could not be written."""
        if self.park is None:
            return False
        old = rows.read_fields(self.park.conn, table, key, changes)
        if old is None:
            return False
        if old == changes:
            return True
        if not self.write(table, key, changes, action="edit"):
            return False
        self.undo_stack.push(EditCommand(self, table, key, dict(changes), old, text))
        return True

    def insert(self, table: str, row: dict[str, Any], text: str, key_fields: tuple[str, ...] = ("id",)) -> int | None:
        """Add a row through the undo stack; returns its rowid, or None (and `failed` emitted)."""
        if self.park is None:
            return None
        rowid = self.write_rows(table, insert=row, key_fields=key_fields, action="insert")
        if rowid is None:
            return None
        full = dict(row)
        if "id" in key_fields and "id" not in full:
            full["id"] = rowid
        self.undo_stack.push(InsertCommand(self, table, full, key_fields, text))
        return rowid

    def delete(self, table: str, key: dict[str, Any], text: str) -> bool:
        """Remove a row through the undo stack (undo puts it back whole); False if it could not be done."""
        if self.park is None:
            return False
        row = rows.read_row(self.park.conn, table, key)
        if row is None:
            return False
        if self.write_rows(table, delete=key, action="delete") is None:
            return False
        self.undo_stack.push(InsertCommand(self, table, row, tuple(key), text, inserted=False))
        return True

    def write_rows(self, table: str, *, insert: dict[str, Any] | None = None, delete: dict[str, Any] | None = None,
                   key_fields: tuple[str, ...] = ("id",), action: str) -> int | None:
        """Insert or delete one row as one audited transaction; emits `changed` (returns the rowid, 0 for a
        delete) or `failed` (returns None)."""
        if not self._still_ours():
            return None
        try:
            with self.park.transaction(action, "gui") as tx:
                result = tx.insert(table, insert, key_fields) if insert is not None else 0
                if delete is not None:
                    tx.delete(table, delete)
        except ParkFileError as exc:
            self.failed.emit(str(exc))
            return None
        self.changed.emit(table)
        return result

    def write(self, table: str, key: dict[str, Any], changes: dict[str, Any], action: str) -> bool:
        """One audited transaction; emits `changed`, or `failed` with the user's message."""
        if not self._still_ours():
            return False
        try:
            self.park.update(table, key, changes, action=action, source="gui")
        except ParkFileError as exc:
            self.failed.emit(str(exc))
            return False
        self.changed.emit(table)
        return True
