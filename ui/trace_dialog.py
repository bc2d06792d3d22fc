"""Where a derived indicator figure came from: the returns rows summed, their files and import batches.

`show_trace(parent, park, code, year)` opens (non-modal) and returns a `TraceDialog`.
"""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QTableView, QTabWidget, QVBoxLayout, QWidget

from models.store.return_form import COLUMNS_BY_KEY
from widgets.table_model import RowsModel


class TraceDialog(QDialog):
    """The returns behind one derived figure.

    Attributes:
        code, year: the indicator and year traced.
        rows: what models.planning.derive.trace returned (dicts).
        rows_model: one line per return (code, name, the summed columns, file, sheet, row, batch).
        batches_model: the import batches those rows came in (id, time, user, files).
    """

    def __init__(self, park, code: str, year: int, parent: QWidget | None = None):
        from models.planning import derive
        from models.store import rows

        super().__init__(parent)
        self.code, self.year = code, year
        self.rows = derive.trace(park.conn, code, year)
        name = rows.indicator_name(park.conn, code)
        self.setWindowTitle(self.tr("Sources of a derived figure"))
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        columns = derive.trace_columns(park.conn, code)  # what its 报表口径 reads
        title = name or code
        if not columns:
            text = self.tr("%1 is not derived from enterprise returns.").replace("%1", title)
        else:
            text = (self.tr("%1, %2: derived from %3 returns (columns: %4).").replace("%1", title)
                    .replace("%2", str(year)).replace("%3", str(len(self.rows)))
                    .replace("%4", "、".join(COLUMNS_BY_KEY[c].title for c in columns)))
        self.summary = QLabel(text, self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        tabs = QTabWidget(self)
        layout.addWidget(tabs)

        headers = [self.tr("Credit code"), self.tr("Enterprise")] + [COLUMNS_BY_KEY[c].title for c in columns] + [
            self.tr("File"), self.tr("Sheet"), self.tr("Row"), self.tr("Batch")]
        self.rows_model = RowsModel(headers, self, plain_columns=(
            self.tr("Row"), self.tr("Batch"), COLUMNS_BY_KEY["listed_year"].title))
        self.rows_model.set_rows([(r["credit_code"], r["name"], *(r[c] for c in columns), r["source_file"],
                                   r["source_sheet"], r["source_row"], r["batch_id"]) for r in self.rows])
        tabs.addTab(self._view(self.rows_model), self.tr("Returns (%1)").replace("%1", str(len(self.rows))))

        batches = rows.batches(park.conn, sorted({r["batch_id"] for r in self.rows}))
        self.batches_model = RowsModel([self.tr("Batch"), self.tr("Time"), self.tr("User"), self.tr("Computer"),
                                        self.tr("Files")], self)
        self.batches_model.set_rows(batches)
        tabs.addTab(self._view(self.batches_model), self.tr("Import batches (%1)").replace("%1", str(len(batches))))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _view(self, model: RowsModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setStretchLastSection(True)
        view.setAlternatingRowColors(True)
        view.resizeColumnsToContents()
        return view


def show_trace(parent: QWidget | None, park, code: str, year: int) -> TraceDialog:
    """Open the sources of indicator `code`'s derived figure of `year` (non-modal); returns the dialog."""
    dialog = TraceDialog(park, code, year, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
