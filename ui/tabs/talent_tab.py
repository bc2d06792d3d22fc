"""The 人才 tab: per year of the file's period the talent counts, work permits, returnees and foreign residents and
the talent programmes, each derived from returns where it can be and with an official figure beside it
(the list, the detail, the edit path and the charts are ui.tabs.group_tab.GroupTab's)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout

from models.planning import groups
from models.store.plan import TALENT_GROUPS
from ui.i18n import label
from ui.model_text import unit_suffix, unit_text
from ui.tabs.base import chart_language
from ui.tabs.group_tab import GroupTab
from widgets.chart_pages import titled_panel
from widgets.columns import TEXT, Column

FLOW_GROUPS = ("flow", "programme")  # yearly numbers that add up over the plan period


class TalentTab(GroupTab):
    """Talent categories by year (overview), the selected category's yearly figures, and four charts.

    The work permits are the indicator `foreign_work_permits`: their official figure is edited in
    `indicator_years`, every other category's in `talent_years`.

    Attributes:
        model: one row per talent category: name, group, unit, the value of each year of the period, the
            plan years' total.
        detail_model: the selected category per year (derived, official, value, source, cumulative,
            planned cumulative, note) and a totals row of the plan years.
        charts: {"permits" | "share" | "counts" | "programmes": ChartCanvas}.
    """

    NAME, GROUP, UNIT = range(3)
    FIRST_YEAR = 3  # column of the base year; the plan years follow
    D_YEAR, D_DERIVED, D_OFFICIAL, D_VALUE, D_SOURCE, D_CUMULATIVE, D_PLANNED, D_NOTE = range(8)
    watched = ("returns", "talent_years", "indicator_years", "talent_categories", "indicators")
    list_key = "code"

    def list_columns(self) -> list[Column]:
        return ([Column("label", self.tr("Category"), TEXT), Column("group", self.tr("Talent group"), TEXT),
                 Column("unit", self.tr("Unit"), TEXT, format=unit_text)]
                + [Column(str(year), str(year), unit_key="unit") for year in self.period.years]
                + [Column("total", self.total_text(), unit_key="unit")])

    def total_text(self) -> str:
        return self.tr("%1 total").replace("%1", f"{self.period.first}–{self.period.target}")

    def detail_columns(self) -> list[Column]:
        unit = "unit"  # the row's unit: the category's (人, 人次 …)
        return [
            Column("year", self.tr("Year"), TEXT, plain=True),
            Column("derived", self.tr("From returns"), unit_key=unit, derived=True),
            Column("official", self.tr("Official"), editable=True, unit_key=unit, minimum=0),
            Column("value", self.tr("Value used"), unit_key=unit),
            Column("source", self.tr("Source"), TEXT),
            Column("cumulative", self.tr("Cumulative since %1").replace("%1", str(self.period.base)), unit_key=unit),
            Column("planned", self.tr("Planned cumulative"), unit_key=unit),
            Column("note", self.tr("Note"), TEXT, editable=True),
        ]

    def build_layout(self) -> None:
        self.hint = hint = QLabel(self.hint_text(), self)
        hint.setWordWrap(True)
        right, self.title, self.description = titled_panel(self, self.detail_view, hint)
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

    def hint_text(self) -> str:
        return self.tr("Grey: summed from the enterprises' returns. Double-click an official figure or a "
                       "note to enter it. %1 high-level talent counts default to the plan's figures.") \
            .replace("%1", str(self.period.base))

    def follow_period(self) -> None:
        super().follow_period()
        self.hint.setText(self.hint_text())

    # -------------------------------------------------------------- data
    def key_of(self, series) -> str:
        return series.code

    def load_series(self, conn) -> list[groups.TalentSeries]:
        series = groups.talent_series(conn)
        self._permits = groups.permits_path(conn, series)
        self._share = groups.returnee_share(conn)
        return series

    def list_rows(self) -> list[dict]:
        rows = []
        for s in self.series:
            cat = s.category
            row = {"code": cat.code, "label": label((cat.name, cat.name_en)), "group": label(TALENT_GROUPS[cat.grp]),
                   "unit": cat.unit, "total": self.five_year_total(s)}
            row.update({str(year): s.years[year].value for year in self.period.years if year in s.years})
            rows.append(row)
        return rows

    def five_year_total(self, series: groups.TalentSeries) -> float | None:
        """The plan years' sum for yearly flows (permits, programmes); None for stocks and while incomplete."""
        if series.category.grp not in FLOW_GROUPS:
            return None
        values = [series.years[year].value for year in self.period.plan_years if year in series.years]
        known = [v for v in values if v is not None]
        return sum(known) if known else None

    def source_text(self, cell: groups.Cell) -> str:
        if cell.official is not None:
            return self.tr("official")
        if cell.derived is not None:
            return self.tr("returns")
        if cell.fallback is not None:
            return self.tr("plan (%1)").replace("%1", str(self.period.base))
        return ""

    def fill_detail(self) -> None:
        series = self.current_series()
        if series is None:
            self.title.setText("")
            self.description.setText("")
            self.detail_model.set_rows([])
            return
        cat = series.category
        self.title.setText(f"{label((cat.name, cat.name_en))}{unit_suffix(cat.unit)}")
        self.description.setText(self.tr("From the plan: %1").replace("%1", cat.source))
        permits = series.code == groups.PERMITS_CODE  # the path permits_path drew: that indicator's only
        rows = []
        for year in self.period.years:
            cell = series.years.get(year)
            if cell is None:  # a year the figures do not cover yet
                rows.append({"year": year, "unit": cat.unit, "_editable": set()})
                continue
            rows.append({"year": year, "unit": cat.unit, "derived": cell.derived,
                         "official": cell.official, "value": cell.value, "source": self.source_text(cell), "note": cell.note,
                         "cumulative": self._permits["cumulative"].get(year) if permits else None,
                         "planned": self._permits["planned"].get(year) if permits else None})
        total = self.five_year_total(series)
        rows.append({"year": self.total_text(), "unit": cat.unit, "value": total, "_totals": True,
                     "planned": self._permits["target"] if permits else None})
        self.detail_model.set_rows(rows)

    def edit_detail(self, series, row: dict, key: str, value) -> bool:
        year = row["year"]
        return self.session.edit(series.table, series.key(year), {key: value},
                                 f"{series.category.name} {year}：{self.what_edited(key)}")

    def draw_charts(self) -> None:
        """Draw the chart page on show now and the others when their page is opened (not without a file)."""
        if self.session.park is not None:
            super().draw_charts()

    # -------------------------------------------------------------- charts
    def chart_pages(self):
        from models.output import group_charts as gc

        return [
            ("permits", self.tr("Work permits against the planned path"),
             lambda fig: gc.plot_work_permits(fig, self._permits, language=chart_language())),
            ("share", self.tr("Returnee and foreign share"), lambda fig: gc.plot_returnee_share(fig, self._share,
                                                                                          language=chart_language())),
            ("counts", self.tr("High-level talent"), lambda fig: gc.plot_talent_counts(fig, self.series, language=chart_language())),
            ("programmes", self.tr("Talent programmes"),
             lambda fig: gc.plot_talent_counts(fig, self.series, ("programme",), language=chart_language())),
        ]
