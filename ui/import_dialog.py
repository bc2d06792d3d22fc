"""Importing returns from the window: File ▸ Import returns… (or .xlsx files dropped on the window), the
check that reads them off the GUI thread (a ui.jobs.Job), the review dialog, and the commit.

The check opens its own read-only connection to the park file and gets the file list beforehand; it
never touches a widget, a Qt model or the window's connection. Its result comes back to a callback. Nothing
is written until the user presses Import in the review dialog; cancelling leaves the file untouched.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QButtonGroup, QDialog, QDialogButtonBox, QLabel, QRadioButton, QTableView, QTabWidget,
                               QVBoxLayout, QWidget)

from ui.jobs import PROGRESS_DELAY_MS, Job, JobProgress
from ui.model_text import column as model_column
from ui.model_text import shown as model_text
from widgets.table_model import RowsModel


def check_job_fn(park_path: Path, sources: list[tuple[str, Path]], problems: list):
    """The import check as a job's function: reads and checks the files on the worker thread, on its own
    read-only connection to `park_path` (never the window's), and returns the CheckResult."""
    park_path = Path(park_path)

    def check(progress: JobProgress):
        from models.store.db import connect_read_only, open_error
        from models.returns.importer import check_files

        try:
            conn = connect_read_only(park_path)
        except sqlite3.Error as exc:
            raise open_error(park_path, exc) from exc
        try:
            return check_files(conn, sources, progress=progress, problems=problems)
        except sqlite3.Error as exc:
            raise open_error(park_path, exc) from exc
        finally:
            conn.close()

    return check


class ReviewModel(RowsModel):
    """A review list: column 0 holds a file as given (shown by its name, the full path as the tooltip); the
    last column holds a message, shown whole (wrapped) and as the tooltip, never cut."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        if index.column() == 0 and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = self.row(index.row())[0]
            if not value:
                return ""
            return Path(str(value)).name if role == Qt.ItemDataRole.DisplayRole else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.columnCount() - 1:
            value = self.row(index.row())[index.column()]
            return None if value is None else str(value)
        return super().data(index, role)


def _shown(value: Any) -> str:
    """A cell of a rejected row as text for the list (it may hold anything the enterprise typed)."""
    from models.base.xlsx_writer import as_text

    return "" if value is None else as_text(value)


def _table(model: RowsModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setSortingEnabled(False)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.horizontalHeader().setStretchLastSection(True)
    view.verticalHeader().setVisible(False)
    return view


class ReviewDialog(QDialog):
    """Shows what a check found before anything is stored: accepted rows, rejected rows with reasons,
    conflicts (with the choice to replace or skip them), outliers, and files rejected or warnings.

    Attributes:
        result: the CheckResult shown.
        tabs: the lists, one tab each; models: {name: RowsModel} for "accepted", "rejected", "conflicts",
            "outliers", "notes".
        replace_button / skip_button: the choice for conflicts (skip is the default).
        import_button: stores the batch (disabled when there is nothing to store).
    """

    def __init__(self, result, parent: QWidget | None = None):
        super().__init__(parent)
        self.result = result
        self.setWindowTitle(self.tr("Review import"))
        self.resize(960, 600)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs)
        self.models: dict[str, RowsModel] = {}
        self.views: dict[str, QTableView] = {}

        file_, sheet, row_ = self.tr("File"), self.tr("Sheet"), self.tr("Row")
        code, name, year = self.tr("Credit code"), self.tr("Enterprise"), self.tr("Year")
        self._add("accepted", self.tr("Accepted (%1)"), [file_, sheet, row_, code, name, year],
                  [(r.source_file, r.source_sheet, r.source_row, r.credit_code, r.name, r.year)
                   for r in result.accepted])
        cells = result.rejected_cells
        self._add("rejected", self.tr("Rejected (%1)"),
                  [file_, sheet, row_, code, name, self.tr("Column"), self.tr("Reason")],
                  [(p.file, p.sheet, p.row, _shown(cells.get((p.file, p.sheet, p.row), {}).get("credit_code")),
                    _shown(cells.get((p.file, p.sheet, p.row), {}).get("name")), model_column(p.column),
                    model_text(p.message))
                   for p in result.rejected])
        self._add("conflicts", self.tr("Conflicts (%1)"),
                  [file_, sheet, row_, code, name, year, self.tr("Stored name"), self.tr("Stored batch")],
                  [(c.file, c.sheet, c.row, c.credit_code, c.name, c.year, c.stored_name, c.stored_batch)
                   for c in result.conflicts])
        self._add("outliers", self.tr("To check (%1)"), [file_, sheet, row_, code, name, year, self.tr("Note")],
                  [(o.file, o.sheet, o.row, o.credit_code, o.name, o.year, o.message) for o in result.outliers])
        notes = [(a["file"], model_text(a["message"])) for a in result.already_imported]
        notes += [(p.file, model_text(p.message)) for p in result.files_rejected]
        notes += [("", model_text(w)) for w in result.warnings]
        self._add("notes", self.tr("Files and warnings (%1)"), [file_, self.tr("Message")], notes)

        conflict_box = QWidget(self)
        box_layout = QVBoxLayout(conflict_box)
        box_layout.setContentsMargins(0, 0, 0, 0)
        box_layout.addWidget(QLabel(self.tr("Returns already stored for the same enterprise and year:"), conflict_box))
        self.skip_button = QRadioButton(self.tr("Skip them (keep the stored returns)"), conflict_box)
        self.replace_button = QRadioButton(self.tr("Replace the stored returns (undo of this import restores them)"),
                                           conflict_box)
        self.skip_button.setChecked(True)
        group = QButtonGroup(conflict_box)
        group.addButton(self.skip_button)
        group.addButton(self.replace_button)
        box_layout.addWidget(self.skip_button)
        box_layout.addWidget(self.replace_button)
        conflict_box.setVisible(bool(result.conflicts))
        layout.addWidget(conflict_box)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.import_button = buttons.addButton(self.tr("&Import"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_rejected_button = buttons.addButton(self.tr("Save rejected rows…"),
                                                      QDialogButtonBox.ButtonRole.ActionRole)
        self.save_rejected_button.setEnabled(bool(result.rejected_rows or result.files_rejected))
        self.save_rejected_button.clicked.connect(self.on_save_rejected)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.skip_button.toggled.connect(self.update_summary)
        self.update_summary()
        self.tabs.setCurrentIndex(self.attention_tab())
        self.tabs.currentChanged.connect(self._fit_rows)

    def _fit_rows(self, index: int) -> None:
        """Rows as tall as their wrapped messages, once a list is shown at its real width."""
        view = self.tabs.widget(index)
        if isinstance(view, QTableView) and view.model().rowCount() <= 2000:
            QTimer.singleShot(0, view.resizeRowsToContents)

    def attention_tab(self) -> int:
        """The list that needs attention first: rejected rows, then conflicts, then figures to check; else
        files rejected and warnings when nothing was accepted; else the accepted rows."""
        order = ["accepted", "rejected", "conflicts", "outliers", "notes"]
        for key in ("rejected", "conflicts", "outliers"):
            if self.models[key].rowCount():
                return order.index(key)
        if self.result.files_rejected or (self.models["notes"].rowCount() and not self.models["accepted"].rowCount()):
            return order.index("notes")
        return 0

    def _add(self, key: str, title: str, headers: list[str], rows: list[tuple[Any, ...]]) -> None:
        model = ReviewModel(headers, self, plain_columns=(self.tr("Row"), self.tr("Year")))
        model.set_rows(rows)
        self.models[key] = model
        view = _table(model, self.tabs)
        view.setWordWrap(True)
        view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.views[key] = view
        view.resizeColumnsToContents()
        # the message column takes what is left of the view (stretched) and wraps, never cut
        view.setColumnWidth(model.columnCount() - 1, 240)
        if len(rows) <= 2000:  # wrapped messages: rows as tall as their text (costly only for huge lists)
            view.resizeRowsToContents()
            view.horizontalHeader().sectionResized.connect(lambda *_args, v=view: v.resizeRowsToContents())
        self.tabs.addTab(view, title.replace("%1", str(len(rows))))

    def on_save_rejected(self) -> str | None:
        """Ask where, then write the rejected rows as a workbook laid out like the return form."""
        from PySide6.QtWidgets import QFileDialog

        start = self.rejected_start_path()
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save rejected rows"), str(start),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if not name:
            return None
        return self.save_rejected(Path(name))

    def rejected_start_path(self) -> Path:
        """Beside the first file of the batch: 被拒行.xlsx."""
        first = self.result.files[0].path if self.result.files else Path.home() / "x"
        return Path(first).parent / "被拒行.xlsx"

    def save_rejected(self, path: Path) -> str | None:
        """Write the rejected-rows workbook to `path` (the same as `import --rejected-xlsx`); the path or None."""
        from PySide6.QtWidgets import QMessageBox

        from models.returns.rejected_xlsx import write_rejected_xlsx
        from models.base.xlsx_writer import WriteError

        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        try:
            write_rejected_xlsx(path, self.result)
        except WriteError as exc:
            if self.isVisible() and getattr(self.parent(), "interactive", True):
                QMessageBox.warning(self, self.tr("Save rejected rows"), str(exc))
            self.saved_message = str(exc)
            return None
        self.saved_message = self.tr("Rejected rows written to %1").replace("%1", str(path))
        self.update_summary()
        self.summary.setText(self.summary.text() + "\n\n" + self.saved_message)
        window = self.parent()
        if window is not None and hasattr(window, "statusBar"):
            from ui.finished import announce

            announce(window, self.tr("Save rejected rows"), path)
        return str(path)

    @property
    def replace(self) -> bool:
        return self.replace_button.isChecked()

    def to_store(self) -> int:
        return len(self.result.rows_to_store(self.replace))

    def update_summary(self) -> None:
        r = self.result
        n = self.to_store()
        text = (self.tr("%1 rows read: %2 will be imported, %3 rejected, %4 conflicts, %5 to check, "
                        "%6 files rejected.")
                .replace("%1", str(r.total_rows)).replace("%2", str(n)).replace("%3", str(r.rejected_rows))
                .replace("%4", str(len(r.conflicts))).replace("%5", str(len(r.outliers)))
                .replace("%6", str(len(r.files_rejected))))
        if n == 0:
            text += "\n" + self.tr("Nothing can be imported.")
        notices = [model_text(a["message"]) for a in r.already_imported]  # named before anything else
        self.summary.setText("\n".join([*notices, text]))
        self.import_button.setEnabled(n > 0)


class ImportController(QObject):
    """Runs an import for the window: the check as a ui.jobs.Job (progress after 600 ms, Cancel), review,
    commit.

    Attributes:
        window: the main window (session, messages, `interactive`).
        job: the running check (ui.jobs.Job), else None.
        review: the open ReviewDialog, else None.
        progress_delay_ms: how long the check runs before its progress dialog shows.
        progress_class: the JobProgress class handed to the check (tests may pass their own).
    Signals:
        checked(object): the check finished (CheckResult); the review dialog is open.
        imported(int): a batch was stored (its id); `session.changed("returns")` was emitted.
        cancelled(): the user cancelled; nothing was written.
        failed(str): the import could not be done; the message was shown.
    """

    checked = Signal(object)
    imported = Signal(int)
    cancelled = Signal()
    failed = Signal(str)

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.job: Job | None = None
        self.review: ReviewDialog | None = None
        self.progress_delay_ms = PROGRESS_DELAY_MS
        self.progress_class: type[JobProgress] | None = None

    @property
    def busy(self) -> bool:
        return self.job is not None or self.review is not None

    @property
    def progress_dialog(self):
        """The check's progress dialog while it is shown, else None."""
        return self.job.dialog if self.job is not None else None

    def start(self, args: list[str]) -> bool:
        """Check the files and folders `args`; False when no file is open or an import is under way."""
        from models.returns.importer import gather_sources

        park = self.window.session.park
        if park is None or self.busy:
            return False
        if park.read_only:
            self.window.warn(self.tr("Import returns"), self.tr("The file is open read-only."))
            return False
        sources, problems = gather_sources(args)
        park_path = park.path
        self.job = Job(self.window, self.tr("Import returns"), check_job_fn(park_path, sources, problems),
                       lambda result: self.on_checked(result, park_path),
                       text=self.tr("Reading and checking returns…"), on_failed=self.on_failed,
                       on_cancelled=self.on_cancelled, delay_ms=self.progress_delay_ms,
                       progress_class=self.progress_class)
        self.job.start()
        return True

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def on_cancelled(self) -> None:
        self.job = None
        self.cancelled.emit()

    def on_failed(self, message: str) -> None:
        self.job = None
        self.failed.emit(message)

    def on_checked(self, result, park_path: Path) -> None:
        self.job = None
        park = self.window.session.park
        if park is None or park.path != park_path:  # another file was opened meanwhile
            self.cancelled.emit()
            return
        self.review = ReviewDialog(result, self.window)
        self.review.finished.connect(self.on_review_finished)
        self.review.open()
        self.checked.emit(result)

    def on_review_finished(self, code: int) -> None:
        review, self.review = self.review, None
        if review is None:
            return
        review.deleteLater()
        if code == QDialog.DialogCode.Accepted:
            self.commit(review.result, review.replace)
        else:
            self.cancelled.emit()

    def commit(self, result, replace: bool) -> int | None:
        """Store the checked batch (GUI thread, one transaction); emits session.changed("returns")."""
        from PySide6.QtGui import QGuiApplication

        from models.returns.importer import ImportFailed, commit

        session = self.window.session
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            stored = commit(session.park, result, replace=replace)
        except ImportFailed as exc:
            QGuiApplication.restoreOverrideCursor()
            self.window.warn(self.tr("Import returns"), str(exc))
            self.failed.emit(str(exc))
            return None
        QGuiApplication.restoreOverrideCursor()
        if stored.batch_id is None:
            return None
        session.imported(stored.batch_id, self.tr("Import returns (batch %1)").replace("%1", str(stored.batch_id)))
        self.window.statusBar().showMessage(
            self.tr("Imported %1 rows (batch %2).").replace("%1", str(stored.inserted))
            .replace("%2", str(stored.batch_id)), 8000)
        self.imported.emit(stored.batch_id)
        return stored.batch_id
