"""File ▸ Import returns…, Export return form…, Undo import…, and .xlsx files dropped on the window.

`ReturnsActions(window)` adds the three actions to the window's File menu (before
`window.file_extras_anchor`) and watches the window for dropped files. The work is in ui.import_dialog
(import), models.returns.return_template (form) and models.returns.importer (undo).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QInputDialog, QLabel,
                               QTableView, QVBoxLayout, QWidget)

DROPPABLE = (".xlsx", ".xlsm")


class UndoImportDialog(QDialog):
    """Lists the import batches (newest first) so one can be undone.

    Attributes:
        batches: the batches shown (dicts from models.returns.importer.batches).
        view / model: the list; the selected row's batch is `selected_batch()`.
    """

    def __init__(self, batches: list[dict], parent: QWidget | None = None):
        from models.store.audit_text import files_text, format_time
        from widgets.table_model import RowsModel

        super().__init__(parent)
        self.setWindowTitle(self.tr("Undo import"))
        self.resize(860, 420)
        self.batches = batches
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Choose the import to undo. Its rows are removed and the returns it "
                                        "replaced are restored."), self))
        self.model = RowsModel([self.tr("Batch"), self.tr("Time"), self.tr("User"), self.tr("Files"),
                                self.tr("Rows"), self.tr("Undone")], self)
        self.model.set_rows([(b["id"], format_time(b["created_at"]), b["user"], files_text(b["files"]),
                              b["accepted"], format_time(b["undone_at"])) for b in batches])
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.resizeColumnsToContents()
        layout.addWidget(self.view)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.undo_button = buttons.addButton(self.tr("&Undo import"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.view.selectionModel().selectionChanged.connect(self._update)
        first = next((i for i, b in enumerate(batches) if not b["undone_at"]), None)
        if first is not None:
            self.view.selectRow(first)
        self._update()

    def selected_batch(self) -> dict | None:
        rows = self.view.selectionModel().selectedRows()
        return self.batches[rows[0].row()] if rows else None

    def _update(self, *args) -> None:
        batch = self.selected_batch()
        self.undo_button.setEnabled(batch is not None and not batch["undone_at"])


class ReturnsActions(QObject):
    """The window's returns actions and drop target.

    Attributes:
        window: the main window; controller: its ui.import_dialog.ImportController (made on first use).
        action_import, action_export_form, action_undo_import: the File menu actions.
    Signals: none (the controller's imported/cancelled/failed say what happened).
    """

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self._controller = None
        menu, anchor = window.file_menu, window.file_extras_anchor
        self.action_import = QAction(self.tr("&Import returns…"), self)
        self.action_import.triggered.connect(self.on_import)
        self.action_export_form = QAction(self.tr("Export return &form…"), self)
        self.action_export_form.triggered.connect(self.on_export_form)
        self.action_undo_import = QAction(self.tr("Undo i&mport…"), self)
        self.action_undo_import.triggered.connect(self.on_undo_import)
        for action in (self.action_import, self.action_export_form, self.action_undo_import):
            menu.insertAction(anchor, action)
        menu.insertSeparator(anchor)
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    @property
    def controller(self):
        if self._controller is None:
            from ui.import_dialog import ImportController

            self._controller = ImportController(self.window)
        return self._controller

    # ------------------------------------------------------------------ drop
    @staticmethod
    def dropped_paths(mime) -> list[str]:
        """Local .xlsx files and folders among the dropped URLs."""
        out = []
        if mime is None or not mime.hasUrls():
            return out
        for url in mime.urls():
            if not url.isLocalFile():
                continue
            path = Path(url.toLocalFile())
            if path.is_dir() or path.suffix.lower() in DROPPABLE:
                out.append(str(path))
        return out

    def eventFilter(self, watched, event) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if self.window.session.park is not None and self.dropped_paths(event.mimeData()):
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            paths = self.dropped_paths(event.mimeData())
            if paths:
                event.acceptProposedAction()
                self.controller.start(paths)
                return True
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------------ actions
    def on_import(self) -> None:
        if self.window.session.park is None:
            return
        names, _ = QFileDialog.getOpenFileNames(self.window, self.tr("Import returns"),
                                                str(self.window.session.park.path.parent),
                                                self.tr("Excel workbooks (*.xlsx *.xlsm)"))
        if names:
            self.controller.start(names)

    def on_export_form(self):
        park = self.window.session.park
        if park is None:
            return None
        from models.store.return_form import SHEET_NAME

        year = self.ask_form_year(park.conn)
        if year is False:
            return None
        start = str(park.path.parent / f"{SHEET_NAME}{year or ''}.xlsx")
        name, _ = QFileDialog.getSaveFileName(self.window, self.tr("Export return form"), start,
                                              self.tr("Excel workbooks (*.xlsx)"))
        if not name:
            return None
        return self.export_form(Path(name), year)

    def ask_form_year(self, conn) -> int | None | bool:
        """The report year the form is for (None: any year), or False if the user cancelled.

        Offered: the file's years; first the year after the latest year with returns (the next
        collection), else the plan's first year.
        """
        from models.store.period import read_period
        from models.store.rows import latest_return_year

        period = read_period(conn)
        latest = latest_return_year(conn)
        suggested = min(max((latest or period.base) + 1, period.first), period.target)
        choices = [str(y) for y in period.years] + [self.tr("Any year")]
        text, ok = QInputDialog.getItem(self.window, self.tr("Export return form"),
                                        self.tr("Report year the form is for:"), choices,
                                        period.years.index(suggested), False)
        if not ok:
            return False
        return int(text) if text.isdigit() else None

    def export_form(self, path: Path, year: int | None = None):
        """Write the return form to `path` as a ui.jobs job (the industries and zones read here); the job."""
        from models.returns.return_template import form_of, write_template
        from ui.jobs import export_job

        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        industries, zones, period = form_of(self.window.session.park.conn)
        return export_job(self.window, self.tr("Export return form"),
                          lambda progress: write_template(path, industries, zones, year, period=period), path)

    def on_undo_import(self) -> None:
        park = self.window.session.park
        if park is None:
            return
        from models.returns.importer import batches

        found = batches(park.conn)
        if not found:
            self.window.inform(self.tr("Undo import"), self.tr("No returns have been imported into this file."))
            return
        dialog = UndoImportDialog(found, self.window)
        dialog.finished.connect(lambda code: self._on_undo_chosen(dialog, code))
        self.undo_dialog = dialog
        dialog.open()

    def _on_undo_chosen(self, dialog: UndoImportDialog, code: int) -> None:
        batch = dialog.selected_batch()
        dialog.deleteLater()
        self.undo_dialog = None
        if code == QDialog.DialogCode.Accepted and batch is not None:
            self.undo(batch["id"])

    def undo(self, batch_id: int) -> bool:
        from models.returns.importer import ImportFailed, undo_batch

        try:
            removed = undo_batch(self.window.session.park, batch_id)
        except ImportFailed as exc:
            self.window.warn(self.tr("Undo import"), str(exc))
            return False
        self.window.session.changed.emit("returns")
        self.window.statusBar().showMessage(
            self.tr("Import %1 undone: %2 rows removed.").replace("%1", str(batch_id)).replace("%2", str(removed)),
            8000)
        return True
