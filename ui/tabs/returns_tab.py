"""The 企业报表 tab: the stored returns of every enterprise, filterable by year, industry, zone and text,
and the collection of returns (回收情况: last year's enterprises that have not returned this year's form,
with the count and rate), exportable as an .xlsx list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import (QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt,
                            QT_TRANSLATE_NOOP)
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from models.schema import YEARS
from ui.tabs.base import ParkTab
from widgets.simple_table import SORT_ROLE, RowsModel, format_value

WATCHED_TABLES = ("returns", "import_batches", "industries", "zones")


class ReturnsTableModel(QAbstractTableModel):
    """The stored returns, one row per enterprise and year.

    Attributes:
        rows: tuples in the order of COLUMNS (keys of the `returns` table plus batch and source).
    Column constants CODE … SOURCE; SORT_ROLE gives the raw value for sorting; UserRole the row tuple.
    """

    CODE, NAME, YEAR, INDUSTRY, ZONE, REVENUE, TAX, EMPLOYEES, HIGH_TECH, BATCH, SOURCE = range(11)
    COLUMNS = (
        ("credit_code", QT_TRANSLATE_NOOP("ReturnsTableModel", "Credit code")),
        ("name", QT_TRANSLATE_NOOP("ReturnsTableModel", "Enterprise")),
        ("year", QT_TRANSLATE_NOOP("ReturnsTableModel", "Year")),
        ("industry", QT_TRANSLATE_NOOP("ReturnsTableModel", "Industry")),
        ("zone", QT_TRANSLATE_NOOP("ReturnsTableModel", "Zone")),
        ("revenue", QT_TRANSLATE_NOOP("ReturnsTableModel", "Revenue (10k yuan)")),
        ("tax", QT_TRANSLATE_NOOP("ReturnsTableModel", "Tax (10k yuan)")),
        ("employees", QT_TRANSLATE_NOOP("ReturnsTableModel", "Employees")),
        ("high_tech", QT_TRANSLATE_NOOP("ReturnsTableModel", "High-tech")),
        ("batch_id", QT_TRANSLATE_NOOP("ReturnsTableModel", "Batch")),
        ("source", QT_TRANSLATE_NOOP("ReturnsTableModel", "Source")),
    )
    SQL = ("SELECT credit_code, name, year, industry, zone, revenue, tax, employees, high_tech, batch_id,"
           " source_file || ' · ' || source_sheet || ' · ' || source_row FROM returns ORDER BY year DESC, credit_code")

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple] = []

    def load(self, conn) -> None:
        self.beginResetModel()
        self.rows = conn.execute(self.SQL).fetchall() if conn is not None else []
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        value = row[index.column()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == self.HIGH_TECH:
                if value is None:
                    return ""
                return QCoreApplication.translate("ReturnsTableModel", "Yes") if value else \
                    QCoreApplication.translate("ReturnsTableModel", "No")
            if col == self.YEAR:
                return str(value)
            return format_value(value)
        if role == SORT_ROLE:
            return value if value is not None else -1 if col in (self.REVENUE, self.TAX, self.EMPLOYEES) else ""
        if role == Qt.ItemDataRole.UserRole:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.REVENUE, self.TAX, self.EMPLOYEES,
                                                                 self.BATCH):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.COLUMNS):
            return QCoreApplication.translate("ReturnsTableModel", self.COLUMNS[section][1])
        return None


class ReturnsFilterProxy(QSortFilterProxyModel):
    """Keeps the returns of the chosen year, industry and zone (None = any) whose code or name holds `text`."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.year: int | None = None
        self.industry: str | None = None
        self.zone: str | None = None
        self.text = ""
        self.setSortRole(SORT_ROLE)

    def set_filter(self, *, year: int | None, industry: str | None, zone: str | None, text: str) -> None:
        self.beginFilterChange()
        self.year, self.industry, self.zone, self.text = year, industry, zone, text.strip().upper()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:
        row = self.sourceModel().rows[source_row]
        M = ReturnsTableModel
        if self.year is not None and row[M.YEAR] != self.year:
            return False
        if self.industry is not None and row[M.INDUSTRY] != self.industry:
            return False
        if self.zone is not None and row[M.ZONE] != self.zone:
            return False
        if self.text and self.text not in row[M.CODE] and self.text not in (row[M.NAME] or "").upper():
            return False
        return True


class ReturnsTab(ParkTab):
    """Stored returns with filters, and the collection of this year's returns.

    Attributes:
        model / proxy / view: the returns, filtered and sorted.
        year_combo, industry_combo, zone_combo, text_edit: the filters (data None = any).
        count_label: how many returns are shown.
        collection: the models.collection.Collection of the chosen year (latest year when any year is chosen).
        missing_model: last year's enterprises without a return this year; export_button writes it.
    """

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.collection = None
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.year_combo = QComboBox(self)
        self.industry_combo = QComboBox(self)
        self.zone_combo = QComboBox(self)
        self.text_edit = QLineEdit(self)
        self.text_edit.setPlaceholderText(self.tr("Credit code or name"))
        self.text_edit.setClearButtonEnabled(True)
        for text, widget in ((self.tr("Year"), self.year_combo), (self.tr("Industry"), self.industry_combo),
                             (self.tr("Zone"), self.zone_combo), (self.tr("Search"), self.text_edit)):
            filters.addWidget(QLabel(text, self))
            filters.addWidget(widget, 1 if widget is self.text_edit else 0)
        self.count_label = QLabel(self)
        filters.addWidget(self.count_label)
        layout.addLayout(filters)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.model = ReturnsTableModel(self)
        self.proxy = ReturnsFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = QTableView(splitter)
        self.view.setModel(self.proxy)
        self.view.setSortingEnabled(True)
        self.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().setVisible(False)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in ((0, 170), (1, 220), (2, 60), (3, 150), (4, 130)):
            self.view.setColumnWidth(col, width)

        box = QGroupBox(self.tr("Collection of returns"), splitter)
        box_layout = QVBoxLayout(box)
        top = QHBoxLayout()
        self.collection_label = QLabel(box)
        self.collection_label.setWordWrap(True)
        top.addWidget(self.collection_label, 1)
        self.export_button = QPushButton(self.tr("Export list…"), box)
        self.export_button.clicked.connect(self.on_export_missing)
        top.addWidget(self.export_button)
        box_layout.addLayout(top)
        self.missing_model = RowsModel([self.tr("Credit code"), self.tr("Enterprise"), self.tr("Industry"),
                                        self.tr("Zone"), self.tr("Last year's revenue (10k yuan)")], self)
        self.missing_view = QTableView(box)
        self.missing_view.setModel(self.missing_model)
        self.missing_view.verticalHeader().setVisible(False)
        self.missing_view.horizontalHeader().setStretchLastSection(True)
        self.missing_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        box_layout.addWidget(self.missing_view)
        splitter.addWidget(self.view)
        splitter.addWidget(box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        # No returns stored yet: the next step and its buttons instead of two empty tables.
        from widgets.empty_state import EmptyOr, EmptyState

        self.empty_state = EmptyState(
            self.tr("No enterprise returns yet. Send the return form to the enterprises, then import the "
                    "workbooks they fill in (or drop them on this window)."),
            self.tr("Import returns…"), self.tr("Export return form…"))
        self.empty_state.primary_clicked.connect(lambda: self._window_action("on_import"))
        self.empty_state.secondary_clicked.connect(lambda: self._window_action("on_export_form"))
        self.page = EmptyOr(splitter, self.empty_state, self)
        layout.addWidget(self.page, 1)

        self.year_combo.currentIndexChanged.connect(self.on_filter_changed)
        self.industry_combo.currentIndexChanged.connect(self.on_filter_changed)
        self.zone_combo.currentIndexChanged.connect(self.on_filter_changed)
        self.text_edit.textChanged.connect(self.on_filter_changed)

    def _window_action(self, slot: str) -> None:
        """Run the main window's returns action `slot` (File ▸ Import returns… / Export return form…)."""
        actions = getattr(self.window(), "returns_actions", None)
        if actions is not None:
            getattr(actions, slot)()

    # ------------------------------------------------------------------ loading
    def _fill_combo(self, combo: QComboBox, items: list[tuple[str, Any]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("All"), None)
        for text, data in items:
            combo.addItem(text, data)
        index = combo.findData(current) if current is not None else 0
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def reload(self) -> None:
        park = self.session.park
        conn = park.conn if park is not None else None
        self._fill_combo(self.year_combo, [(str(y), y) for y in YEARS])
        if conn is not None:
            self._fill_combo(self.industry_combo,
                             [(r[0], r[0]) for r in conn.execute("SELECT name FROM industries ORDER BY seq")])
            self._fill_combo(self.zone_combo,
                             [(r[0], r[0]) for r in conn.execute("SELECT name FROM zones ORDER BY seq")])
        self.model.load(conn)
        self.page.set_empty(self.model.rowCount() == 0)
        self.on_filter_changed()

    def on_table_changed(self, table: str) -> None:
        if table in WATCHED_TABLES:
            self.reload()

    def on_filter_changed(self, *args) -> None:
        self.proxy.set_filter(year=self.year_combo.currentData(), industry=self.industry_combo.currentData(),
                              zone=self.zone_combo.currentData(), text=self.text_edit.text())
        self.count_label.setText(self.tr("%1 of %2 returns").replace("%1", str(self.proxy.rowCount()))
                                 .replace("%2", str(self.model.rowCount())))
        self.update_collection()

    def collection_year(self) -> int | None:
        """The chosen year, else the latest year with returns."""
        year = self.year_combo.currentData()
        if year is not None:
            return int(year)
        years = [r[ReturnsTableModel.YEAR] for r in self.model.rows]
        return max(years) if years else None

    def update_collection(self) -> None:
        park = self.session.park
        year = self.collection_year()
        if park is None or year is None:
            self.collection = None
            self.collection_label.setText(self.tr("No returns stored yet."))
            self.missing_model.set_rows([])
            self.export_button.setEnabled(False)
            return
        from models.collection import collection_status

        status = self.collection = collection_status(park.conn, year)
        if not status.previous:
            text = self.tr("%1: no returns of %2 to compare with.").replace("%1", str(year)).replace(
                "%2", str(year - 1))
        else:
            text = (self.tr("%1: of the %2 enterprises that returned a form for %3, %4 have returned one "
                            "(%5%); %6 have not. %7 returned for the first time.")
                    .replace("%1", str(year)).replace("%2", str(status.previous)).replace("%3", str(year - 1))
                    .replace("%4", str(status.returned)).replace("%5", f"{status.rate:.1f}")
                    .replace("%6", str(len(status.missing))).replace("%7", str(status.new)))
        self.collection_label.setText(text)
        self.missing_model.set_rows([(m["credit_code"], m["name"], m["industry"], m["zone"], m["revenue"])
                                     for m in status.missing])
        self.missing_view.resizeColumnsToContents()
        self.export_button.setEnabled(bool(status.missing))

    # ------------------------------------------------------------------ export
    def on_export_missing(self) -> None:
        if self.collection is None or self.session.park is None:
            return
        start = self.session.park.path.parent / f"{self.collection.year}年未回收企业.xlsx"
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export list"), str(start),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.export_missing(Path(name))

    def export_missing(self, path: Path) -> Path | None:
        from models.collection import CollectionExportError, write_missing_xlsx

        try:
            written = write_missing_xlsx(path, self.collection)
        except CollectionExportError as exc:
            self.session.failed.emit(str(exc))
            return None
        window = self.window()
        if hasattr(window, "statusBar"):
            from ui.finished import announce

            announce(window, self.tr("Export list"), written,
                     self.tr("%1 enterprises").replace("%1", str(len(self.collection.missing))))
        return written
