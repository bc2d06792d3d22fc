"""File ▸ Export official figures table… and File ▸ Import official figures… (the 官方数据 workbook).

`OfficialActions(window)` adds both actions to the window's File menu (before `window.file_extras_anchor`).
The work is in models.planning.official: the export writes the sheet prefilled with the file's official figures
(read on the GUI thread, written by a ui.jobs job); the import checks the workbook off the GUI thread
(a job on its own read-only connection), shows what it would change and what it rejected (file, sheet,
row, column), and stores it as one batch — one entry on the window's undo stack (Edit ▸ Undo puts every
old value back in one audited transaction).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import QFileDialog

if TYPE_CHECKING:
    from ui.jobs import Job


# The tables an official import may change: the tabs that show them reload.
CHANGED_TABLES = ("indicators", "indicator_years", "reference_years", "talent_years")


class OfficialImportCommand(QUndoCommand):
    """One official-figures import on the undo stack: undo writes the old values back, redo the new ones,
    each as one audited transaction of the same batch."""

    def __init__(self, session, batch_id: int, changes: list, text: str):
        super().__init__(text)
        self.session, self.batch_id, self.changes = session, batch_id, changes
        self._already_applied = True  # stored before the push

    def _write(self, undo: bool) -> None:
        from models.planning import official
        from models.store.db import ParkFileError

        try:
            (official.undo if undo else official.redo)(self.session.park, self.batch_id, self.changes)
        except ParkFileError as exc:
            self.session.failed.emit(str(exc))
            self.setObsolete(True)  # not written: the stack drops the command rather than disagree with the file
            return
        for table in {c.table for c in self.changes}:
            self.session.changed.emit(table)

    def redo(self) -> None:
        if self._already_applied:
            self._already_applied = False
            return
        self._write(undo=False)

    def undo(self) -> None:
        self._write(undo=True)


class OfficialActions(QObject):
    """The window's official-figures actions.

    Attributes:
        window: the main window.
        action_export, action_import: the File menu actions.
        last_result: the models.planning.official.CheckResult of the latest import (for tests and the status bar).
    Signals:
        import_finished(object): an import ended; the batch id stored, or None (nothing stored).
    """

    import_finished = Signal(object)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.last_result = None
        menu, anchor = window.file_menu, window.file_extras_anchor
        self.action_export = QAction(self.tr("Export official figures table…"), self)
        self.action_export.triggered.connect(self.on_export)
        self.action_import = QAction(self.tr("Import official figures…"), self)
        self.action_import.triggered.connect(self.on_import)
        for action in (self.action_export, self.action_import):
            menu.insertAction(anchor, action)
        menu.insertSeparator(anchor)

    # ------------------------------------------------------------------ export
    def on_export(self) -> Job | None:
        park = self.window.session.park
        if park is None:
            return None
        from models.planning.official import SHEET

        start = str(park.path.parent / f"{SHEET}.xlsx")
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export official figures table"), start,
                                              self.tr("Excel workbooks (*.xlsx)"))
        return self.export(Path(name)) if name else None

    def export(self, path: Path) -> Job:
        """Write the 官方数据 workbook of the open file to `path` as a job (the rows are read here, on the GUI
        thread); when written, the window says where. Returns the job (its `result` is then the path)."""
        from models.output.export_xlsx import write_sheets
        from models.planning.official import template_sheet
        from ui.jobs import export_job

        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        sheet = template_sheet(self.window.session.park.conn)
        return export_job(self.window, self.tr("Export official figures table"),
                          lambda progress: write_sheets([sheet], path, progress), path,
                          detail=lambda counts: self.tr("%1 rows").replace("%1", str(len(sheet.rows))))

    # ------------------------------------------------------------------ import
    def on_import(self) -> None:
        park = self.window.session.park
        if park is None:
            return
        name, _ = QFileDialog.getOpenFileName(self.window, self.tr("Import official figures"),
                                              str(park.path.parent), self.tr("Excel workbooks (*.xlsx *.xlsm)"))
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path, confirm: bool = True) -> Job | None:
        """Check `path` as a job (on its own read-only connection to the park file), then on the GUI thread
        show the account and store it (after the user agrees when `confirm`) as one undoable batch.
        `import_finished(batch id or None)` follows. Returns the job, or None when nothing can be imported."""
        session = self.window.session
        if session.park is None or session.read_only:
            return None
        park_path = Path(session.park.path)
        from ui.jobs import Job

        def check(progress):
            import sqlite3

            from models.planning import official
            from models.store.db import connect_read_only, open_error

            try:
                conn = connect_read_only(park_path)
            except sqlite3.Error as exc:
                raise open_error(park_path, exc) from exc
            try:
                return official.check_workbook_file(conn, path)
            except sqlite3.Error as exc:
                raise open_error(park_path, exc) from exc
            finally:
                conn.close()

        job = Job(self.window, self.tr("Import official figures"), check,
                  lambda result: self.import_finished.emit(self.store(path, park_path, result, confirm)),
                  text=self.tr("Reading the official figures…"))
        job.failed.connect(lambda message: self.import_finished.emit(None))
        job.cancelled.connect(lambda: self.import_finished.emit(None))
        return job.start()

    def store(self, path: Path, park_path: Path, result, confirm: bool = True) -> int | None:
        """Show the account of a check and store it (GUI thread, one transaction); the batch id, or None."""
        from models.planning import official
        from models.store.db import ParkFileError

        session = self.window.session
        if session.park is None or session.park.path != park_path or session.read_only:
            return None  # another file was opened meanwhile
        title = self.tr("Import official figures")
        self.last_result = result
        lines = official.summary_lines(result, dry_run=True, batch_id=None)
        if result.error is not None or not result.changes:
            self.window.inform(title, "\n".join(lines))
            return None
        if confirm and not self.window.ask(title, "\n".join(lines[-30:]) + "\n\n" + self.tr("Store these figures?")):
            return None
        try:
            batch = official.commit(session.park, result, official.file_sha256(path))
        except ParkFileError as exc:
            session.failed.emit(str(exc))
            return None
        text = self.tr("Import official figures from %1").replace("%1", path.name)
        session.undo_stack.push(OfficialImportCommand(session, batch, result.changes, text))
        for table in {c.table for c in result.changes}:
            session.changed.emit(table)
        self.window.statusBar().showMessage(
            self.tr("%1 official figures stored, %2 unchanged, %3 rejected.").replace("%1", str(result.accepted))
            .replace("%2", str(result.unchanged)).replace("%3", str(len(result.rejected))), 8000)
        return batch
