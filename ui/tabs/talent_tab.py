"""The 人才 tab: per year 2020–2025 the talent counts, work permits, returnees and foreign residents and
the talent programmes, each derived from returns where it can be and with an official figure beside it."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout

from models import groups
from models.plan import TALENT_GROUPS, YEARS
from ui.i18n import label
from ui.tabs.base import ParkTab
from ui.tabs.industries_tab import table_view
from widgets.chart_pages import ChartPages, titled_panel
from widgets.figure_table import Column, FigureTableModel

FLOW_GROUPS = ("flow", "programme")  # yearly numbers that add up over the plan period


class TalentTab(ParkTab):
    """Talent categories by year (overview), the selected category's yearly figures, and three charts.

    The work permits are the indicator `foreign_work_permits`: their official figure is edited in
    `indicator_years`, every other category's in `talent_years`.

    Attributes:
        model: one row per talent category: name, group, unit, the value of each year, 2021–2025 total.
        detail_model: the selected category per year (derived, official, value, source, cumulative,
            planned cumulative, note) and a 2021–2025 totals row.
        charts: {"permits" | "share" | "counts" | "programmes": ChartCanvas}.
    """

    NAME, GROUP, UNIT = range(3)
    FIRST_YEAR = 3  # column of 2020; 2021..2025 follow
    D_YEAR, D_DERIVED, D_OFFICIAL, D_VALUE, D_SOURCE, D_CUMULATIVE, D_PLANNED, D_NOTE = range(8)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.series: list[groups.TalentSeries] = []
        self._current: str | None = None

        self.model = FigureTableModel(
            [Column("label", self.tr("Category")), Column("group", self.tr("Talent group")), Column("unit", self.tr("Unit"))]
            + [Column(str(year), str(year), "number") for year in YEARS]
            + [Column("total", self.tr("2021–2025 total"), "number")], self)
        self.view, self.proxy = table_view(self.model, self)
        self.view.setEditTriggers(self.view.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentRowChanged.connect(self.on_current_changed)

        self.detail_model = FigureTableModel([
            Column("year", self.tr("Year")),
            Column("derived", self.tr("From returns"), "count", derived=True),
            Column("official", self.tr("Official"), "count", editable=True),
            Column("value", self.tr("Value used"), "number"),
            Column("source", self.tr("Source")),
            Column("cumulative", self.tr("Cumulative since 2020"), "number"),
            Column("planned", self.tr("Planned cumulative"), "number"),
            Column("note", self.tr("Note"), "text", editable=True),
        ], self)
        self.detail_model.formatters["year"] = str
        self.detail_model.edit_requested.connect(self.on_detail_edit)
        self.detail_model.rejected.connect(self.session.failed)
        self.detail_view, _ = table_view(self.detail_model, self, sortable=False)
        hint = QLabel(self.tr("Grey: summed from the enterprises' returns. Double-click an official figure or a "
                              "note to enter it. 2020 high-level talent counts default to the plan's figures."), self)
        hint.setWordWrap(True)
        right, self.title, self.description = titled_panel(self, self.detail_view, hint)

        self.chart_tabs = ChartPages([(name, title) for name, title, _plot in self.chart_pages()], self)
        self.charts = self.chart_tabs.charts

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(right)
        lower.addWidget(self.chart_tabs)
        lower.setStretchFactor(0, 1)
        lower.setStretchFactor(1, 1)
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(self.view)
        outer.addWidget(lower)
        outer.setStretchFactor(0, 2)
        outer.setStretchFactor(1, 3)
        lower.setSizes([560, 700])
        outer.setSizes([320, 430])
        layout = QVBoxLayout(self)
        layout.addWidget(outer)

    # -------------------------------------------------------------- data
    def current_series(self) -> groups.TalentSeries | None:
        return next((s for s in self.series if s.code == self._current), None)

    def reload(self) -> None:
        park = self.session.park
        self.series = groups.talent_series(park.conn) if park else []
        self._permits = groups.permits_path(park.conn, self.series) if park else None
        self._share = groups.returnee_share(park.conn) if park else None
        if self._current is None and self.series:
            self._current = self.series[0].code
        rows = []
        for s in self.series:
            cat = s.category
            row = {"code": cat.code, "label": label((cat.name, cat.name_en)), "group": label(TALENT_GROUPS[cat.grp]),
                   "unit": cat.unit, "total": self.five_year_total(s)}
            row.update({str(year): s.years[year].value for year in YEARS})
            rows.append(row)
        self.model.set_rows(rows)
        self.select_current()
        self.fill_detail()
        self.chart_tabs.redraw()  # the shown chart now, the others when shown

    @staticmethod
    def five_year_total(series: groups.TalentSeries) -> float | None:
        """The 2021–2025 sum for yearly flows (permits, programmes); None for stocks and while incomplete."""
        if series.category.grp not in FLOW_GROUPS:
            return None
        values = [series.years[year].value for year in YEARS[1:]]
        known = [v for v in values if v is not None]
        return sum(known) if known else None

    def select_current(self) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row(row)["code"] == self._current:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                selection = self.view.selectionModel()
                selection.blockSignals(True)
                selection.setCurrentIndex(index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                                          | QItemSelectionModel.SelectionFlag.Rows)
                selection.blockSignals(False)
                return

    def source_text(self, cell: groups.Cell) -> str:
        if cell.official is not None:
            return self.tr("official")
        if cell.derived is not None:
            return self.tr("returns")
        if cell.fallback is not None:
            return self.tr("plan (2020)")
        return ""

    def fill_detail(self) -> None:
        series = self.current_series()
        if series is None:
            self.title.setText("")
            self.description.setText("")
            self.detail_model.set_rows([])
            return
        cat = series.category
        self.title.setText(f"{label((cat.name, cat.name_en))}（{cat.unit}）")
        self.description.setText(self.tr("From the plan: %1").replace("%1", cat.source))
        permits = series.code == groups.PERMITS_CODE
        rows = []
        for year in YEARS:
            cell = series.years[year]
            rows.append({"year": year, "derived": cell.derived, "official": cell.official, "value": cell.value,
                         "source": self.source_text(cell), "note": cell.note,
                         "cumulative": self._permits["cumulative"][year] if permits else None,
                         "planned": self._permits["planned"][year] if permits else None})
        total = self.five_year_total(series)
        rows.append({"year": self.tr("2021–2025 total"), "value": total, "_totals": True,
                     "planned": self._permits["target"] if permits else None})
        self.detail_model.set_rows(rows)

    # -------------------------------------------------------------- slots
    def on_current_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        code = self.model.row(self.proxy.mapToSource(current).row())["code"]
        if code != self._current:
            self._current = code
            self.fill_detail()

    def on_detail_edit(self, row: int, key: str, value) -> None:
        series = self.current_series()
        if series is None:
            return
        year = self.detail_model.row(row)["year"]
        what = self.tr("official figure") if key == "official" else self.tr("note")
        self.session.edit(series.table, series.key(year), {key: value}, f"{series.category.name} {year}：{what}")

    def on_table_changed(self, table: str) -> None:
        if table in ("returns", "talent_years", "indicator_years", "talent_categories", "indicators"):
            self.reload()

    # -------------------------------------------------------------- charts
    def chart_pages(self):
        from models import group_charts as gc

        return [
            ("permits", self.tr("Work permits against the 20,000 path"),
             lambda fig: gc.plot_work_permits(fig, self._permits)),
            ("share", self.tr("Returnee and foreign share"), lambda fig: gc.plot_returnee_share(fig, self._share)),
            ("counts", self.tr("High-level talent"), lambda fig: gc.plot_talent_counts(fig, self.series)),
            ("programmes", self.tr("Talent programmes"),
             lambda fig: gc.plot_talent_counts(fig, self.series, ("programme",))),
        ]

    def draw_charts(self) -> None:
        """Draw the chart page on show now and the others when their page is opened."""
        if self.session.park is None:
            return
        self.chart_tabs.draw({name: plot for name, _title, plot in self.chart_pages()})
