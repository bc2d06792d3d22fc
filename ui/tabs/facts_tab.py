"""The 规划基数 tab: every figure the plan states for its base year as a series over the file's period, by group.

The list shows, per figure, the plan's base-year figure (with its qualifier 约/余/近), the value of each later
year (grey where it comes from the returns, i.e. no official value is entered) and the change from the base
year to the target year (the years are the open file's, models.store.period). The selected figure's years can be edited (official value and note, undoable) and are charted.
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

from models.planning import facts
from ui.i18n import is_chinese, label
from ui.model_text import qualified_text, unit_suffix, unit_text
from ui.plan_period import NO_FILE, period_of
from ui.tabs.base import ParkTab, chart_language
from widgets.chart_pages import ChartPages, titled_panel
from widgets.columns import TEXT, Column
from widgets.table_model import TableModel, select_quietly, table_view


class FactsTab(ParkTab):
    """The plan's base-year figures by group, the selected figure's years (editable) and its chart.

    Attributes:
        period: the open file's models.store.period.Period; the columns and rows follow its years.
        model: one row per figure of the chosen group: name, group, unit, base-year plan figure, the plan
            years' values (derived ones grey), change target − base year and in %.
        detail_model: the selected figure per year: from returns, official (editable in the plan years),
            value used, change against the base year, note (editable).
        group_box: the group filter (all groups first).
        charts: {"series": ChartCanvas} — the selected figure's chart.
    """

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.series: list[facts.FactSeries] = []
        self.period = NO_FILE
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

        self.model = TableModel(self.list_columns(), self)
        self.view, self.proxy = table_view(self.model, self, editable=False)
        self.view.selectionModel().currentRowChanged.connect(self.on_current_changed)
        top = QWidget(self)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(bar)
        top_layout.addWidget(self.view)

        self.detail_model = TableModel(self.detail_columns(), self)
        self.detail_model.commit = self.on_detail_edit
        self.detail_model.refused.connect(self.session.failed)
        self.detail_view, _ = table_view(self.detail_model, self, sortable=False)
        self.hint = hint = QLabel(self.hint_text(), self)
        hint.setWordWrap(True)
        right, self.title, self.description = titled_panel(self, self.detail_view, hint)

        self.chart_tabs = ChartPages([("series", self.series_title())], self)
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

    # -------------------------------------------------------------- the period's texts
    def list_columns(self) -> list[Column]:
        base = self.period.base
        return ([Column("name", self.tr("Figure"), TEXT, tooltip_key="source"), Column("group", self.tr("Group"), TEXT),
                 Column("unit", self.tr("Unit"), TEXT, format=unit_text),
                 Column("plan", self.tr("%1 (plan)").replace("%1", str(base)), TEXT, sort_key="plan_value")]
                + [Column(str(year), str(year), unit_key="unit") for year in self.period.plan_years]
                + [Column("change", self.tr("Change %1 − %2").replace("%1", str(self.period.target))
                          .replace("%2", str(base)), unit_key="unit"),
                   Column("change_pct", self.tr("Change (%)"), unit="%")])

    def detail_columns(self) -> list[Column]:
        return [
            Column("year", self.tr("Year"), TEXT, plain=True),
            Column("derived", self.tr("From returns"), unit_key="unit", derived=True),
            Column("official", self.tr("Official"), editable=True, unit_key="unit", minimum=0),
            Column("value", self.tr("Value used"), unit_key="unit"),
            Column("change", self.tr("Change against %1").replace("%1", str(self.period.base)), unit_key="unit"),
            Column("note", self.tr("Note"), TEXT, editable=True),
        ]

    def hint_text(self) -> str:
        return self.tr("%1 is the plan's figure. Grey: summed from the enterprises' returns (patents, "
                       "high-tech enterprises); an official figure replaces it. Double-click an official "
                       "figure or a note to enter it.").replace("%1", str(self.period.base))

    def series_title(self) -> str:
        return self.tr("Series %1–%2").replace("%1", str(self.period.base)).replace("%2", str(self.period.target))

    def follow_period(self) -> None:
        """Columns, hint and chart title for the open file's period (only when it differs from the last one)."""
        period = period_of(self.session)
        if period == self.period:
            return
        self.period = period
        self.model.set_columns(self.list_columns())
        self.detail_model.set_columns(self.detail_columns())
        self.hint.setText(self.hint_text())
        self.chart_tabs.set_title("series", self.series_title())

    # -------------------------------------------------------------- data
    def current_series(self) -> facts.FactSeries | None:
        return next((s for s in self.series if s.code == self._current), None)

    def reload(self) -> None:
        park = self.session.park
        self.follow_period()
        self.series = facts.fact_series(park.conn) if park else []
        topic = self.group_box.currentData()
        shown = [s for s in self.series if topic is None or s.topic == topic]
        if shown and self._current not in {s.code for s in shown}:
            self._current = shown[0].code
        rows = []
        later = self.period.plan_years
        for s in shown:
            diff, pct = s.change(self.period.target) if self.period.target in s.years else (None, None)
            plan_text = qualified_text(s.baseline, s.qualifier) + (f"（{s.plan_text}）" if s.plan_text else "")
            row = {"code": s.code, "name": s.name, "group": label(facts.TOPICS.get(s.topic, (s.topic, s.topic))),
                   "unit": s.unit, "plan": plan_text, "plan_value": s.baseline, "change": diff, "change_pct": pct, "source": s.source,
                   "_derived": {str(y) for y in later if y in s.years
                                and s.years[y].official is None and s.years[y].derived is not None}}
            row.update({str(y): s.years[y].value for y in later if y in s.years})
            final = s.years.get(self.period.target)
            if final is None or final.official is None:
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
        if is_chinese():
            base = f"{self.period.base}：{s.baseline_text()}" + (f"（{s.plan_text}）" if s.plan_text else "")
        else:
            base = f"{self.period.base}: {qualified_text(s.baseline, s.qualifier)}" + (f" ({s.plan_text})" if s.plan_text else "")
        self.title.setText(f"{s.name}{unit_suffix(s.unit)}  {base}")
        self.description.setText(self.tr("From the plan: %1").replace("%1", s.source))
        rows = []
        for year in self.period.years:
            y = s.years.get(year)
            if y is None:  # a year the figures do not cover yet
                rows.append({"year": year, "unit": s.unit, "_editable": set(), "_label": f"{s.name} {year}"})
                continue
            base = year == self.period.base
            diff = None if base or y.value is None or s.baseline is None else y.value - s.baseline
            rows.append({"year": year, "unit": s.unit, "derived": y.derived, "official": y.official, "value": y.value,
                         "change": diff, "note": y.note,
                         "_editable": {"note"} if base else None,
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
        from models.output.report_plan import plot_fact

        def plot(fig):
            s = self.current_series()
            if s is not None:
                plot_fact(fig, s, language=chart_language())

        self.chart_tabs.draw({"series": plot})
