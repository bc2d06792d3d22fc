"""The 规划基数 tab: every figure the plan states for 2020 as a series 2020–2025, by group.

The list shows, per figure, the plan's 2020 figure (with its qualifier 约/余/近), the value of each later
year (grey where it comes from the returns, i.e. no official value is entered) and the change from 2020
to 2025. The selected figure's years can be edited (official value and note, undoable) and are charted.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models import facts
from models.plan import YEARS
from ui.i18n import label
from ui.tabs.base import ParkTab
from widgets.chart_pages import ChartPages, titled_panel
from widgets.columns import TEXT, Column
from widgets.table_model import TableModel, select_quietly, table_view

LATER_YEARS = YEARS[1:]


class FactsTab(ParkTab):
    """The plan's 2020 figures by group, the selected figure's years (editable) and its chart.

    Attributes:
        model: one row per figure of the chosen group: name, group, unit, 2020 plan figure, 2021–2025
            values (derived ones grey), change 2025 − 2020 and in %.
        detail_model: the selected figure per year: from returns, official (editable 2021–2025), value used,
            change against 2020, note (editable).
        group_box: the group filter (all groups first).
        charts: {"series": ChartCanvas} — the selected figure's chart.
    """

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.series: list[facts.FactSeries] = []
        self._current: str | None = None

        self.group_box = QComboBox(self)
        self.group_box.addItem(self.tr("All groups"), None)
        for topic, pair in facts.TOPICS.items():
            self.group_box.addItem(label(pair), topic)
        self.group_box.currentIndexChanged.connect(self.reload)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Group:"), self))
        bar.addWidget(self.group_box)
        bar.addStretch(1)

        self.model = TableModel(
            [Column("name", self.tr("Figure"), TEXT, tooltip_key="source"), Column("group", self.tr("Group"), TEXT),
             Column("unit", self.tr("Unit"), TEXT), Column("plan", self.tr("2020 (plan)"), TEXT, sort_key="plan_value")]
            + [Column(str(year), str(year), unit_key="unit") for year in LATER_YEARS]
            + [Column("change", self.tr("Change 2025 − 2020"), unit_key="unit"),
               Column("change_pct", self.tr("Change (%)"), unit="%")], self)
        self.view, self.proxy = table_view(self.model, self, editable=False)
        self.view.selectionModel().currentRowChanged.connect(self.on_current_changed)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.view)

        self.detail_model = TableModel([
            Column("year", self.tr("Year"), TEXT, plain=True),
            Column("derived", self.tr("From returns"), unit_key="unit", derived=True),
            Column("official", self.tr("Official"), editable=True, unit_key="unit", minimum=0),
            Column("value", self.tr("Value used"), unit_key="unit"),
            Column("change", self.tr("Change against 2020"), unit_key="unit"),
            Column("note", self.tr("Note"), TEXT, editable=True),
        ], self)
        self.detail_model.commit = self.on_detail_edit
        self.detail_model.refused.connect(self.session.failed)
        self.detail_view, _ = table_view(self.detail_model, self, sortable=False)
        hint = QLabel(self.tr("2020 is the plan's figure. Grey: summed from the enterprises' returns (patents, "
                              "high-tech enterprises); an official figure replaces it. Double-click an official "
                              "figure or a note to enter it."), self)
        hint.setWordWrap(True)
        right, self.title, self.description = titled_panel(self, self.detail_view, hint)

        self.chart_tabs = ChartPages([("series", self.tr("Series 2020–2025"))], self)
        self.charts = self.chart_tabs.charts

        lower = QSplitter(Qt.Orientation.Horizontal, self)
        lower.addWidget(right)
        lower.addWidget(self.chart_tabs)
        lower.setSizes([560, 700])
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(top)
        outer.addWidget(lower)
        outer.setSizes([340, 420])
        layout = QVBoxLayout(self)
        layout.addWidget(outer)

    # -------------------------------------------------------------- data
    def current_series(self) -> facts.FactSeries | None:
        return next((s for s in self.series if s.code == self._current), None)

    def reload(self) -> None:
        park = self.session.park
        self.series = facts.fact_series(park.conn) if park else []
        topic = self.group_box.currentData()
        shown = [s for s in self.series if topic is None or s.topic == topic]
        if shown and self._current not in {s.code for s in shown}:
            self._current = shown[0].code
        rows = []
        for s in shown:
            diff, pct = s.change()
            plan_text = s.baseline_text() + (f"（{s.plan_text}）" if s.plan_text else "")
            row = {"code": s.code, "name": s.name, "group": label(facts.TOPICS.get(s.topic, (s.topic, s.topic))),
                   "unit": s.unit, "plan": plan_text, "plan_value": s.baseline, "change": diff, "change_pct": pct, "source": s.source,
                   "_derived": {str(y) for y in LATER_YEARS
                                if s.years[y].official is None and s.years[y].derived is not None}}
            row.update({str(y): s.years[y].value for y in LATER_YEARS})
            if s.years[YEARS[-1]].official is None:
                row["_derived"] |= {"change", "change_pct"} if diff is not None else set()
            rows.append(row)
        self.model.set_rows(rows)
        self.select_current()
        self.fill_detail()
        self.chart_tabs.redraw()

    def select_current(self) -> None:
        select_quietly(self.view, self.proxy, self.model, "code", self._current)

    def fill_detail(self) -> None:
        s = self.current_series()
        if s is None:
            self.title.setText("")
            self.description.setText("")
            self.detail_model.set_rows([])
            return
        self.title.setText(f"{s.name}（{s.unit}）  2020：{s.baseline_text()}"
                           + (f"（{s.plan_text}）" if s.plan_text else ""))
        self.description.setText(self.tr("From the plan: %1").replace("%1", s.source))
        rows = []
        for year in YEARS:
            y = s.years[year]
            diff = None if year == facts.BASE_YEAR or y.value is None else y.value - s.baseline
            rows.append({"year": year, "unit": s.unit, "derived": y.derived, "official": y.official, "value": y.value,
                         "change": diff, "note": y.note,
                         "_editable": {"note"} if year == facts.BASE_YEAR else None,
                         "_label": f"{s.name} {year}"})
        self.detail_model.set_rows(rows)

    # -------------------------------------------------------------- slots
    def on_current_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        code = self.model.row(self.proxy.mapToSource(current).row())["code"]
        if code != self._current:
            self._current = code
            self.fill_detail()
            self.chart_tabs.redraw()

    def on_detail_edit(self, row: int, key: str, value) -> bool:
        s = self.current_series()
        if s is None:
            return False
        year = self.detail_model.row(row)["year"]
        if key == "official":
            try:
                facts.check_official(s, year, value)
            except facts.FactEntryError as exc:
                self.session.failed.emit(self.tr("%1 Nothing was saved.").replace("%1", str(exc)))
                return False
        what = self.tr("official figure") if key == "official" else self.tr("note")
        return self.session.edit("fact_years", {"code": s.code, "year": year}, {key: value}, f"{s.name} {year}：{what}")

    def on_table_changed(self, table: str) -> None:
        if table in ("returns", "fact_years", "plan_facts"):
            self.reload()

    # -------------------------------------------------------------- charts
    def draw_charts(self) -> None:
        if self.session.park is None:
            return
        from models.report_plan import plot_fact

        def plot(fig):
            s = self.current_series()
            if s is not None:
                plot_fact(fig, s)

        self.chart_tabs.draw({"series": plot})
