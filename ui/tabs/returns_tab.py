"""The 企业报表 tab: the stored returns of every enterprise, filterable by year, industry, zone and text,
and the collection of returns (回收情况: last year's enterprises that have not returned this year's form,
with the count and rate), exportable as an .xlsx list."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView,
                               QLabel, QLineEdit, QPushButton, QSplitter, QTableView, QVBoxLayout, QWidget)

from models.store import plan
from models.returns.returns_list import ReturnsList
from ui.plan_period import period_of
from ui.tabs.base import ParkTab
from widgets.columns import plain_text as format_value
from widgets.table_model import RowsModel
from widgets.sorted_rows import NUMBER, RIGHT, TEXT, SortedRowsModel

WATCHED_TABLES = ("returns", "import_batches", "industries", "zones")
SEARCH_PAUSE_MS = 200  # the search box filters after this much quiet


class ReturnsTableModel(SortedRowsModel):
    """The stored returns, one row per enterprise and year, sorted and filtered in its own lists.

    Attributes:
        rows: the tuples shown (models.returns.returns_list.COLUMNS: the columns below, the source as file, sheet, row).
        stored: the models.returns.returns_list.ReturnsList they come from.
    Column constants CODE … SOURCE; SORT_ROLE gives the raw value; UserRole the row tuple.
    """

    CODE, NAME, YEAR, INDUSTRY, ZONE, REVENUE, TAX, EMPLOYEES, HIGH_TECH, BATCH, SOURCE = range(11)
    COLUMNS = (
        ("credit_code", QT_TRANSLATE_NOOP("ReturnsTableModel", "Credit code"), TEXT),
        ("name", QT_TRANSLATE_NOOP("ReturnsTableModel", "Enterprise"), TEXT),
        ("year", QT_TRANSLATE_NOOP("ReturnsTableModel", "Year"), NUMBER),
        ("industry", QT_TRANSLATE_NOOP("ReturnsTableModel", "Industry"), TEXT),
        ("zone", QT_TRANSLATE_NOOP("ReturnsTableModel", "Zone"), TEXT),
        ("revenue", QT_TRANSLATE_NOOP("ReturnsTableModel", "Revenue (10k yuan)"), NUMBER),
        ("tax", QT_TRANSLATE_NOOP("ReturnsTableModel", "Tax (10k yuan)"), NUMBER),
        ("employees", QT_TRANSLATE_NOOP("ReturnsTableModel", "Employees"), NUMBER),
        ("high_tech", QT_TRANSLATE_NOOP("ReturnsTableModel", "High-tech"), NUMBER),
        ("batch_id", QT_TRANSLATE_NOOP("ReturnsTableModel", "Batch"), NUMBER),
        ("source", QT_TRANSLATE_NOOP("ReturnsTableModel", "Source"), TEXT),
    )

    def __init__(self, parent=None):
        super().__init__([QCoreApplication.translate("ReturnsTableModel", title) for _key, title, _kind in self.COLUMNS],
                         [kind for _key, _title, kind in self.COLUMNS], parent)
        self._yes = QCoreApplication.translate("ReturnsTableModel", "Yes")
        self._no = QCoreApplication.translate("ReturnsTableModel", "No")
        self.stored = ReturnsList()
        self.text_columns = (self.CODE, self.NAME)

    def load(self, conn) -> None:
        """Read every stored return."""
        self.stored.load(conn)
        self.set_rows(self.stored.rows)

    def refresh(self, conn) -> bool:
        """Read again only the batches whose returns changed (an import, an undo); False if none did."""
        if not self.stored.refresh(conn):
            return False
        self.set_rows(self.stored.rows)
        return True

    def sort_keys(self, column: int):
        if column == self.SOURCE:  # file, sheet, then row number as a number
            file, sheet, row = self.SOURCE, self.SOURCE + 1, self.SOURCE + 2
            return (self._keys(file, TEXT), self._keys(sheet, TEXT), self._keys(row, NUMBER))
        return super().sort_keys(column)

    def display(self, row: tuple, column: int) -> str:
        value = row[column]
        if column == self.SOURCE:  # as the file stores it: nothing when any part is missing
            parts = row[self.SOURCE:self.SOURCE + 3]
            return "" if None in parts else " · ".join(map(str, parts))
        if column == self.HIGH_TECH:
            return "" if value is None else self._yes if value else self._no
        if column == self.YEAR:
            return str(value)
        return format_value(value)

    def alignment(self, column: int) -> int | None:
        return RIGHT if column in (self.REVENUE, self.TAX, self.EMPLOYEES, self.BATCH) else None

    def set_returns_filter(self, *, year: int | None, industry: str | None, zone: str | None, text: str,
                           quietly: bool = False) -> None:
        """Keep the returns of `year`, `industry` and `zone` (None = any) whose credit code or name holds
        `text` (ignoring case)."""
        (self.set_filter_quietly if quietly else self.set_filter)(
            {self.YEAR: year, self.INDUSTRY: industry, self.ZONE: zone}, text)


class ReturnsTab(ParkTab):
    """Stored returns with filters, and the collection of this year's returns.

    Attributes:
        model / view: the returns, filtered and sorted (in the model's own lists).
        year_combo, industry_combo, zone_combo, text_edit: the filters (data None = any).
        count_label: how many returns are shown.
        collection: the models.returns.collection.Collection of the chosen year (latest year when any year is chosen).
        missing_model: last year's enterprises without a return this year; export_button writes it.
    """

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.collection = None
        self._latest_year: int | None = None
        self._collection_key: tuple | None = None
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
        self.view = QTableView(splitter)
        self.view.setModel(self.model)
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
        for col in range(5, self.model.columnCount() - 1):  # the figures: their headers never clipped
            self.view.setColumnWidth(col, max(header.sectionSizeHint(col) + 8, 90))

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
        self.search_timer = QTimer(self)
        self.search_timer.setSingleShot(True)
        self.search_timer.setInterval(SEARCH_PAUSE_MS)
        self.search_timer.timeout.connect(self.on_filter_changed)
        self.text_edit.textChanged.connect(self.on_text_edited)

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
        """Read everything again (a file opened, industries or zones changed)."""
        park = self.session.park
        conn = park.conn if park is not None else None
        self._fill_combo(self.year_combo, [(str(y), y) for y in period_of(self.session).years])
        if conn is not None:
            self._fill_combo(self.industry_combo, [(i.name, i.name) for i in plan.industries(conn)])
            self._fill_combo(self.zone_combo, [(z.name, z.name) for z in plan.zones(conn)])
        self.search_timer.stop()
        self.apply_filter(quietly=True)
        self.model.load(conn)
        self._after_load()

    def refresh_returns(self) -> None:
        """After an import or an undo: read again only the batches that changed (the sort and filter stay)."""
        park = self.session.park
        if park is None:
            self.reload()
            return
        if self.model.refresh(park.conn):
            self._after_load()

    def _after_load(self) -> None:
        self.page.set_empty(self.model.rowCount() == 0)
        self._latest_year = self.model.stored.latest_year()
        self._collection_key = None
        self.update_count()
        self.update_collection()

    def on_table_changed(self, table: str) -> None:
        if table in ("returns", "import_batches"):
            self.refresh_returns()
        elif table in WATCHED_TABLES:
            self.reload()

    def apply_filter(self, quietly: bool = False) -> None:
        self.model.set_returns_filter(year=self.year_combo.currentData(), industry=self.industry_combo.currentData(),
                                      zone=self.zone_combo.currentData(), text=self.text_edit.text(), quietly=quietly)

    def on_text_edited(self, _text: str) -> None:
        """Typing in the search box filters once the typing pauses (SEARCH_PAUSE_MS), not at each key."""
        self.search_timer.start()

    def on_filter_changed(self, *args) -> None:
        self.search_timer.stop()
        self.apply_filter()
        self.update_count()
        self.update_collection()

    def update_count(self) -> None:
        self.count_label.setText(self.tr("%1 of %2 returns").replace("%1", str(len(self.model.rows)))
                                 .replace("%2", str(len(self.model.all_rows))))

    def collection_year(self) -> int | None:
        """The chosen year, else the latest year with returns."""
        year = self.year_combo.currentData()
        if year is not None:
            return int(year)
        return self._latest_year

    def update_collection(self) -> None:
        """The collection of the collection year's returns (computed again only when that year or the data changed)."""
        park = self.session.park
        year = self.collection_year()
        if self._collection_key == (id(park), year):
            return
        self._collection_key = (id(park), year)
        if park is None or year is None:
            self.collection = None
            self.collection_label.setText(self.tr("No returns stored yet."))
            self.missing_model.set_rows([])
            self.export_button.setEnabled(False)
            return
        status = self.collection = self.model.stored.collection(year)
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
        if self.missing_model.rowCount():
            self.missing_view.resizeColumnsToContents()
        else:  # no rows to measure: the headers' own widths, never squeezed to nothing
            header = self.missing_view.horizontalHeader()
            for col in range(self.missing_model.columnCount() - 1):
                self.missing_view.setColumnWidth(col, max(header.sectionSizeHint(col), 120))
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

    def export_missing(self, path: Path):
        """Write the list of enterprises without a return as a ui.jobs job; the job."""
        from models.returns.collection import write_missing_xlsx
        from ui.jobs import export_job

        collection = self.collection
        detail = self.tr("%1 enterprises").replace("%1", str(len(collection.missing)))
        return export_job(self.window(), self.tr("Export list"),
                          lambda progress: write_missing_xlsx(path, collection), path, detail=lambda _: detail)
