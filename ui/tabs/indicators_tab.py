"""The 指标 tab: the eleven indicators, their status for a chosen year, each one's yearly figures and
chart, and the district reference series, with official figures edited in place (undoable)."""

from __future__ import annotations

import importlib.util
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QPoint, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QMenu, QSplitter,
                               QTabWidget, QTableView, QVBoxLayout, QWidget)

from models.store import plan
from models.store import rows as park_rows
from models.planning.figures import status_counts, statuses_for_year
from models.store.plan import status_labels
from ui.i18n import is_chinese, label
from ui.model_text import caveat_text, gap_text, target_text, unit_suffix, unit_text
from ui.plan_period import NO_FILE, period_of
from ui.tabs.base import ParkTab
from ui.tabs.indicator_table import IndicatorTableModel
from widgets.chart_canvas import ChartCanvas
from widgets.columns import BADGE, TEXT, Column
from widgets.roles import SORT_ROLE
from widgets.status_badge import StatusBadgeDelegate
from widgets.table_model import TableModel

WATCHED_TABLES = ("indicator_years", "reference_years", "indicators", "returns", "import_batches")


def _table(parent: QWidget, model, sortable: bool = False) -> QTableView:
    view = QTableView(parent)
    if sortable:
        proxy = QSortFilterProxyModel(view)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    else:
        view.setModel(model)
    view.setItemDelegate(StatusBadgeDelegate(view))
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setStretchLastSection(True)
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    return view


class IndicatorsTab(ParkTab):
    """Indicators with status per year; the selected one's yearly figures and chart; reference series.

    Attributes:
        year_combo: the year whose status the strip and the indicator table show.
        status_chips: {status: QLabel} of the summary strip.
        table_model: the IndicatorTableModel of the eleven indicators (also `model`).
        year_model: the TableModel of the selected indicator's years.
        period: the open file's models.store.period.Period (its years fill the year picker and the tables).
        baseline_model: the TableModel of its base-year baseline: the plan's figure, the office's
            (editable, used when set; undoable and audited like any figure), its source and basis.
        reference_model: the TableModel of the selected reference series' years.
        chart: the ChartCanvas of the selected indicator.
        series: the models.planning.figures.IndicatorSeries last loaded.
        current_code: the code of the selected indicator.
    """

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.series: list = []
        self.period = NO_FILE
        self.current_code: str | None = None
        self._year_chosen = False
        self._charts_active = False
        self._year_columns_for: str | None = None
        self._baseline_columns_for: str | None = None
        self._reference_columns_for: str | None = None

        layout = QVBoxLayout(self)
        strip = QHBoxLayout()
        strip.addWidget(QLabel(self.tr("Year:"), self))
        self.year_combo = QComboBox(self)
        self._fill_years()
        self.year_combo.currentIndexChanged.connect(self.on_year_chosen)
        strip.addWidget(self.year_combo)
        strip.addSpacing(12)
        self.status_chips: dict[str, QLabel] = {}
        for status in plan.ALL_STATUSES:
            chip = QLabel(self)
            chip.setStyleSheet(f"QLabel {{ background: {plan.STATUS_COLORS[status]}; color: white;"
                               " border-radius: 9px; padding: 2px 10px; }")
            strip.addWidget(chip)
            self.status_chips[status] = chip
        self.no_data_label = QLabel(self.tr("No data yet"), self)
        self.no_data_label.setStyleSheet("QLabel { color: #666; }")
        self.no_data_label.hide()
        strip.addWidget(self.no_data_label)
        strip.addStretch(1)
        layout.addLayout(strip)

        # First start: no figure of any year yet beyond the plan's baselines — say what to do first.
        from widgets.empty_state import EmptyState

        self.first_steps = EmptyState(
            self.tr("No figures yet. Import the enterprises' returns, or the official figures; figures can also "
                    "be typed into the tables below."),
            self.tr("Import returns…"), self.tr("Import official figures…"), self)
        self.first_steps.layout().setContentsMargins(12, 6, 12, 6)
        self.first_steps.layout().setSpacing(6)
        self.first_steps.setSizePolicy(self.first_steps.sizePolicy().horizontalPolicy(),
                                       self.first_steps.sizePolicy().Policy.Maximum)
        self.first_steps.primary_clicked.connect(lambda: self._window_action("returns_actions", "on_import"))
        self.first_steps.secondary_clicked.connect(lambda: self._window_action("official_actions", "on_import"))
        self.first_steps.hide()
        layout.addWidget(self.first_steps)

        outer = QSplitter(Qt.Orientation.Vertical, self)
        self.table_model = IndicatorTableModel(self)
        self.model = self.table_model  # every tab's main table is `model` (the window tests read it)
        self.table_view = _table(outer, self.table_model, sortable=True)
        self.table_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table_view.horizontalHeader().setSectionResizeMode(
            IndicatorTableModel.NAME, QHeaderView.ResizeMode.Stretch)
        self.table_view.horizontalHeader().setStretchLastSection(False)
        self.table_view.selectionModel().currentRowChanged.connect(self.on_indicator_selected)
        outer.addWidget(self.table_view)

        lower = QSplitter(Qt.Orientation.Horizontal, outer)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.year_caption = QLabel(left)
        self.year_caption.setWordWrap(True)
        left_layout.addWidget(self.year_caption)
        # The base-year baseline: the plan's figure beside the one the office sets (used when set), with its source.
        self.baseline_model = TableModel(parent=self)
        self.baseline_model.commit = self.commit_baseline
        self.baseline_model.refused.connect(self.session.failed)
        self.baseline_view = _table(left, self.baseline_model)
        self.baseline_view.horizontalHeader().setStretchLastSection(True)
        self.baseline_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.baseline_view.verticalHeader().setDefaultSectionSize(28)
        self.baseline_view.setFixedHeight(self.baseline_view.horizontalHeader().sizeHint().height() + 28
                                          + 2 * self.baseline_view.frameWidth()
                                          + self.baseline_view.horizontalScrollBar().sizeHint().height())
        left_layout.addWidget(self.baseline_view)
        self.year_model = TableModel(parent=self)
        self.year_model.commit = self.commit_indicator
        self.year_model.refused.connect(self.session.failed)
        self.year_view = _table(left, self.year_model)
        self.year_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.year_view.customContextMenuRequested.connect(self.on_year_context_menu)
        left_layout.addWidget(self.year_view, 1)

        # At 1366×768 the yearly figures and the reference data do not both fit under the eleven
        # indicators: they share the space as two pages.
        self.lower_pages = QTabWidget(lower)
        self.lower_pages.setDocumentMode(True)
        group = QWidget(self.lower_pages)
        group_layout = QVBoxLayout(group)
        group_layout.setContentsMargins(0, 4, 0, 0)
        self.reference_combo = QComboBox(group)
        self.reference_combo.currentIndexChanged.connect(self.on_reference_chosen)
        group_layout.addWidget(self.reference_combo)
        self.reference_model = TableModel(parent=self)
        self.reference_model.commit = self.commit_reference
        self.reference_model.refused.connect(self.session.failed)
        self.reference_view = _table(group, self.reference_model)
        group_layout.addWidget(self.reference_view)
        self.lower_pages.addTab(left, self.tr("Yearly figures"))
        self.lower_pages.addTab(group, self.tr("Reference data"))
        lower.addWidget(self.lower_pages)

        self.chart = ChartCanvas(lower, width=6.0, height=4.0)
        lower.addWidget(self.chart)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        outer.addWidget(lower)
        outer.setStretchFactor(0, 2)
        outer.setStretchFactor(1, 3)
        outer.setSizes([370, 530])
        self.outer_splitter = outer
        self._split_by_user = False
        outer.splitterMoved.connect(lambda *_: setattr(self, "_split_by_user", True))
        lower.setSizes([560, 520])
        self.table_view.verticalHeader().setDefaultSectionSize(28)
        layout.addWidget(outer, 1)

    # Widest a text column of the indicator table may grow (pixels); a longer text is elided, its whole
    # text in the cell's tooltip.
    TEXT_COLUMN_MAX = {IndicatorTableModel.TARGET: 240, IndicatorTableModel.GAP: 160}

    def _fit_columns(self) -> None:
        """Every column but the indicator's name as wide as its header and cells (the name takes the room
        left), the target and gap texts at most TEXT_COLUMN_MAX wide: no header is clipped at 1366×768."""
        view = self.table_view
        header = view.horizontalHeader()
        for column in range(self.table_model.columnCount()):
            if column == IndicatorTableModel.NAME:
                continue
            view.resizeColumnToContents(column)
            needed = max(header.sectionSize(column), header.sectionSizeHint(column))
            header.resizeSection(column, min(needed, self.TEXT_COLUMN_MAX.get(column, needed)))

    def _fit_indicator_table(self) -> None:
        """Give the indicator table the height of all its rows (the eleven indicators, no scrolling), the
        rest to the selected indicator's figures and chart; its columns fitted (`_fit_columns`)."""
        view = self.table_view
        rows = self.table_model.rowCount()
        if not rows:
            return
        self._fit_columns()
        wanted = (view.horizontalHeader().sizeHint().height() + rows * view.verticalHeader().defaultSectionSize()
                  + 2 * view.frameWidth() + 2)
        if self._split_by_user:
            return
        total = sum(self.outer_splitter.sizes()) or 900
        lower = max(total - wanted, 300)
        self.outer_splitter.setSizes([total - lower, lower])

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit_indicator_table()

    def _window_action(self, actions: str, slot: str) -> None:
        """Run the main window's `actions`.`slot` (the empty state's buttons: the File menu's imports)."""
        owner = getattr(self.window(), actions, None)
        if owner is not None:
            getattr(owner, slot)()

    def has_figures(self, year: int | None = None) -> bool:
        """Whether any indicator has a value after the plan's baseline year (in `year` if given)."""
        years = [year] if year is not None else self.period.plan_years
        return any(s.years[y].value is not None for s in self.series for y in years if y in s.years)

    def _fill_years(self) -> None:
        """The year picker holds the file's years, base … target (refilled when another period opens)."""
        years = list(self.period.years)
        if [self.year_combo.itemData(i) for i in range(self.year_combo.count())] == years:
            return
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in years:
            self.year_combo.addItem(str(year), year)
        self.year_combo.blockSignals(False)
        self._year_chosen = False
        self._year_columns_for = None  # the keep-pace columns name the period

    # ------------------------------------------------------------------ loading
    def reload(self) -> None:
        park = self.session.park
        self.period = period_of(self.session)
        self.table_model.period = self.period
        self._fill_years()
        if park is None:
            self.series = []
            self.table_model.set_series([], self.year)
            self.year_model.set_rows([])
            self.baseline_model.set_rows([])
            self.reference_model.set_rows([])
            return
        from models.planning.figures import indicator_series, latest_year_with_data

        self.series = indicator_series(park.conn)
        if not self._year_chosen:
            latest = latest_year_with_data(park.conn, self.series)
            latest = latest if latest in self.period else self.period.base
            self.year_combo.blockSignals(True)
            self.year_combo.setCurrentIndex(self.year_combo.findData(latest))
            self.year_combo.blockSignals(False)
        self.table_model.set_series(self.series, self.year)
        self._update_strip()
        self._fit_indicator_table()
        self.first_steps.setVisible(not self.has_figures() and not park.read_only)
        if self.current_code is None or self.table_model.row_of(self.current_code) < 0:
            self.current_code = self.series[0].code if self.series else None
        self._select_current()
        self._show_indicator()
        self._load_reference_list()
        self._show_reference()

    def on_table_changed(self, table: str) -> None:
        if table in WATCHED_TABLES:
            self.reload()

    def draw_charts(self) -> None:
        self._charts_active = True
        self._draw_chart()

    @property
    def year(self) -> int:
        data = self.year_combo.currentData()
        return int(data) if data is not None else self.period.base

    def current_series(self):
        return next((s for s in self.series if s.code == self.current_code), None)

    def _update_strip(self) -> None:
        shown = statuses_for_year(self.year, self.period)
        counts = status_counts(self.series, self.year, self.period) if self.series else {s: 0 for s in shown}
        # no statuses counted on a year without figures (an empty file shows 暂无数据, not "符合预期 3")
        empty = not self.has_figures() or (self.year != self.period.base and not self.has_figures(self.year))
        self.no_data_label.setVisible(empty)
        for status, chip in self.status_chips.items():
            chip.setVisible(status in shown and not empty)
            chip.setText(f"{label(status_labels(status, self.year, period=self.period))} {counts.get(status, 0)}")

    def _select_current(self) -> None:
        row = self.table_model.row_of(self.current_code) if self.current_code else -1
        if row < 0:
            return
        proxy = self.table_view.model()
        index = proxy.mapFromSource(self.table_model.index(row, 0))
        selection = self.table_view.selectionModel()
        if selection.currentIndex().row() != index.row():
            selection.blockSignals(True)
            selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            selection.blockSignals(False)
            self.table_view.viewport().update()

    # ------------------------------------------------------------------ the selected indicator
    def _indicator_columns(self, ind: plan.Indicator, official_only: bool = False) -> list[Column]:
        share = ind.unit == "%"
        span = f"{self.period.base}–{self.period.target}"
        cumulative = ind.kind == "cumulative"
        columns = [Column("year", self.tr("Year"), TEXT),
                   Column("planned", self.tr("Assigned by the city") if ind.kind == "assigned"
                          else self.tr("Planned (running total)") if cumulative
                          else self.tr("Planned"))]
        if ind.kind == "assigned":
            columns = columns[:1] + [Column("assigned", self.tr("Assigned by the city"), editable=True, minimum=0)]
        derived = (self.tr("Reference value from returns") if official_only
                   else self.tr("Derived from returns (yearly flow)") if cumulative
                   else self.tr("Derived from returns"))
        columns += [Column("derived", derived),
                    Column("official", self.tr("Official (yearly flow)") if cumulative
                           else self.tr("Official"), editable=True, minimum=0, maximum=100 if share else None)]
        if cumulative:  # the running total sits beside the status it decides
            columns.append(Column("cumulative", self.tr("Running total")))
        if ind.kind == "keep_pace":
            columns += [Column("growth", self.tr("Growth %")), Column("reference_growth", self.tr("District growth %")),
                        Column("growth_period", self.tr("Average annual growth %1 %").replace("%1", span)),
                        Column("district_growth_period",
                               self.tr("District average annual growth %1 %").replace("%1", span))]
        columns += [Column("status", self.tr("Status"), BADGE),
                    Column("gap", self.tr("Gap to the target"), TEXT, format=gap_text),
                    Column("official_source", self.tr("Source"), TEXT, editable=True),
                    Column("note", self.tr("Assessment note"), TEXT, editable=True)]
        return columns

    def _baseline_columns(self, ind: plan.Indicator) -> list[Column]:
        return [Column("item", self.tr("Baseline"), TEXT),
                Column("plan", self.tr("Plan's figure")),
                Column("office", self.tr("Office's figure"), editable=True, minimum=0,
                       maximum=100 if ind.unit == "%" else None),
                Column("used", self.tr("Used"), TEXT),
                Column("source", self.tr("Source of the office's figure"), TEXT, editable=True),
                Column("caveat", self.tr("Basis"), TEXT, format=caveat_text)]

    def _show_baseline(self, s) -> None:
        ind = s.indicator
        if self._baseline_columns_for != ind.code:
            self._baseline_columns_for = ind.code
            self.baseline_model.set_columns(self._baseline_columns(ind))
            self.baseline_model.set_rows([])
        self.baseline_model.context = label((ind.name, ind.name_en))
        self.baseline_model.read_only = self.session.read_only
        office = s.baseline if s.baseline_source == "office" else None
        if s.baseline is None:
            used = self.tr("none")
        elif s.baseline_source == "office":
            used = self.tr("office's: %1").replace("%1", f"{s.baseline:,.6g}")
        else:
            used = self.tr("plan's: %1").replace("%1", f"{s.baseline:,.6g}")
        self.baseline_model.set_rows([{"_id": ind.code, "item": self.tr("%1 baseline").replace("%1", str(self.period.base)), "plan": s.baseline_plan,
                                       "office": office, "used": used, "source": s.baseline_office_source,
                                       "caveat": s.baseline_caveat or None}])
        self.baseline_view.resizeColumnsToContents()

    def _show_indicator(self) -> None:
        s = self.current_series()
        if s is None:
            self.year_model.set_rows([])
            self.baseline_model.set_rows([])
            self.year_caption.setText("")
            return
        ind = s.indicator
        self._show_baseline(s)
        columns = self._indicator_columns(ind, s.official_only)
        if self._year_columns_for != ind.code:
            self._year_columns_for = ind.code
            self.year_model.set_columns(columns)
            self.year_model.set_rows([])
        self.year_model.context = label((ind.name, ind.name_en))
        self.year_model.read_only = self.session.read_only
        rows = []
        for year in self.period.years:  # every year of the file's period, figures or not
            f = s.years.get(year)
            if f is None:
                rows.append({"_id": year, "year": str(year)})
                continue
            rows.append({"_id": year, "year": str(year), "planned": _round(f.planned), "assigned": f.assigned,
                         "cumulative": f.cumulative, "derived": _round(f.derived), "official": f.official,
                         "growth": _round(f.growth, 2), "reference_growth": _round(f.reference_growth, 2),
                         "growth_period": _round(f.growth_period, 2),
                         "district_growth_period": _round(f.district_growth_period, 2),
                         "status": (label(status_labels(f.status, year, period=self.period)), plan.STATUS_COLORS[f.status]),
                         "gap": f.gap_text or None,
                         "official_source": f.official_source, "note": f.note})
        self.year_model.set_rows(rows)
        self.year_view.resizeColumnsToContents()
        from models.base.numfmt import figure_unit, needed_per_year_text

        unit = unit_suffix(ind.unit)
        caption = f"{label((ind.name, ind.name_en))}{unit} · {label(plan.KIND_LABELS[ind.kind])}"
        caption += " · " + self.tr("Target: %1").replace("%1", target_text(ind.target_text))
        if s.official_only:
            caption += " · " + self.tr("assessed on official figures only")
        if s.needed_per_year is not None:
            # on a line of its own: a wrapped caption never parts the figure from its unit ("0.19个百分点")
            caption += "\n" + self.tr("Needed per year from %1: %2").replace("%1", str(s.latest_year)) \
                .replace("%2", needed_per_year_text(s.needed_per_year, figure_unit(ind.name, ind.unit),
                                                    language="zh" if is_chinese() else "en"))
        self.year_caption.setText(caption)
        self.year_caption.setToolTip(caption.replace("\n", " · "))
        self._draw_chart()

    def _draw_chart(self) -> None:
        s = self.current_series()
        if not self._charts_active or s is None:
            return
        from models.output.charts import plot_indicator

        year, language = self.year, "zh" if is_chinese() else "en"
        self.chart.draw(lambda figure: plot_indicator(figure, s, year, language=language))

    def on_indicator_selected(self, current, previous=None) -> None:
        if not current.isValid():
            return
        source = self.table_view.model().mapToSource(current)
        code = self.table_model.code_at(source.row())
        if code != self.current_code:
            self.current_code = code
            self._show_indicator()

    def select_indicator(self, code: str) -> None:
        """Select an indicator by code (as a click on its row does)."""
        self.current_code = code
        self._select_current()
        self._show_indicator()

    def on_year_chosen(self, _index: int) -> None:
        self._year_chosen = True
        self.table_model.set_series(self.series, self.year)
        self._fit_columns()
        self._update_strip()
        self._select_current()
        self._draw_chart()

    def commit_indicator(self, row: int, key: str, value: Any) -> bool:
        s = self.current_series()
        if s is None:
            return False
        year = self.year_model.row(row)["_id"]
        header = self.year_model.columns[self.year_model.column_of(key)].header
        text = self.tr("Edit %1 %2 %3").replace("%1", label((s.indicator.name, s.indicator.name_en))) \
            .replace("%2", str(year)).replace("%3", header)
        return self.session.edit("indicator_years", {"code": s.code, "year": year}, {key: value}, text)

    def commit_baseline(self, row: int, key: str, value: Any) -> bool:
        """Store the office's baseline or its source (undoable, audited); clearing it falls back to the plan's."""
        s = self.current_series()
        if s is None:
            return False
        column = {"office": "baseline_office", "source": "baseline_office_source"}[key]
        header = self.baseline_model.columns[self.baseline_model.column_of(key)].header
        text = self.tr("Edit %1 %3 baseline (%2)").replace("%1", label((s.indicator.name, s.indicator.name_en))) \
            .replace("%2", header).replace("%3", str(self.period.base))
        return self.session.edit("indicators", {"code": s.code}, {column: value}, text)

    # ------------------------------------------------------------------ trace
    def trace_available(self) -> bool:
        """Whether the trace dialog (ui.trace_dialog, written separately) is part of this build."""
        try:
            return importlib.util.find_spec("ui.trace_dialog") is not None
        except (ImportError, ValueError):
            return False

    def year_context_menu(self, index) -> QMenu | None:
        """The menu of a cell of the yearly table: "Trace sources" on derived figures, when available."""
        if not index.isValid() or self.year_model.columns[index.column()].key != "derived":
            return None
        if not self.trace_available() or self.session.park is None:
            return None
        year = self.year_model.row(index.row())["_id"]
        menu = QMenu(self)
        action = menu.addAction(self.tr("Trace sources"))
        action.triggered.connect(lambda: self.show_trace(year))
        return menu

    def on_year_context_menu(self, pos: QPoint) -> None:
        menu = self.year_context_menu(self.year_view.indexAt(pos))
        if menu is not None:
            menu.popup(self.year_view.viewport().mapToGlobal(pos))

    def show_trace(self, year: int) -> None:
        from ui.trace_dialog import show_trace

        show_trace(self, self.session.park, self.current_code, year)

    # ------------------------------------------------------------------ reference series
    def _load_reference_list(self) -> None:
        park = self.session.park
        rows = park_rows.reference_series(park.conn)
        codes = [r[0] for r in rows]
        if codes == [self.reference_combo.itemData(i) for i in range(self.reference_combo.count())]:
            return
        current = self.reference_combo.currentData()
        self.reference_combo.blockSignals(True)
        self.reference_combo.clear()
        for code, name, name_en, unit in rows:
            self.reference_combo.addItem(f"{label((name, name_en))}{unit_suffix(unit)}", code)
        self.reference_combo.setCurrentIndex(max(0, self.reference_combo.findData(current)))
        self.reference_combo.blockSignals(False)

    def _show_reference(self) -> None:
        park = self.session.park
        code = self.reference_combo.currentData()
        if park is None or code is None:
            self.reference_model.set_rows([])
            return
        _code, name, name_en, unit = next(r for r in park_rows.reference_series(park.conn) if r[0] == code)
        # Growth rates may fall below zero (not below -100 %); levels cannot be negative.
        minimum = -100 if unit == "%" else 0
        columns = [Column("year", self.tr("Year"), TEXT),
                   Column("value", self.tr("Value (%1)").replace("%1", unit_text(unit)), editable=True, minimum=minimum),
                   Column("source", self.tr("Source"), TEXT, editable=True),
                   Column("note", self.tr("Note"), TEXT, editable=True)]
        if self._reference_columns_for != code:
            self._reference_columns_for = code
            self.reference_model.set_columns(columns)
            self.reference_model.set_rows([])
        self.reference_model.context = label((name, name_en))
        self.reference_model.read_only = self.session.read_only
        rows = [{"_id": year, "year": str(year), "value": value, "source": source, "note": note}
                for year, value, source, note in park_rows.reference_years(park.conn, code)]
        self.reference_model.set_rows(rows)
        self.reference_view.resizeColumnsToContents()

    def on_reference_chosen(self, _index: int) -> None:
        self._show_reference()

    def commit_reference(self, row: int, key: str, value: Any) -> bool:
        code = self.reference_combo.currentData()
        year = self.reference_model.row(row)["_id"]
        text = self.tr("Edit %1 %2").replace("%1", self.reference_combo.currentText()).replace("%2", str(year))
        return self.session.edit("reference_years", {"code": code, "year": year}, {key: value}, text)


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)
