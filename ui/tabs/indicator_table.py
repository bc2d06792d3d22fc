"""The table of the eleven indicators on the 指标 tab: one row per indicator, status for a chosen year —
a widgets.table_model.TableModel whose headers name the year."""

from __future__ import annotations

from PySide6.QtCore import Qt

from models.base.numfmt import figure_unit
from models.planning.figures import IndicatorSeries
from models.store.period import Period
from models.store.plan import ALL_STATUSES, STATUS_COLORS, status_labels
from ui.i18n import label
from ui.model_text import caveat_text, gap_text, target_text, unit_text
from ui.plan_period import NO_FILE, NoPeriod
from widgets.columns import BADGE, TEXT, Column, number_text
from widgets.roles import RAW_ROLE
from widgets.table_model import TableModel


class IndicatorTableModel(TableModel):
    """The indicators with their baseline (the one used), target, value and status in `year`, and the
    target year's projection, each number written the one way for the indicator's unit. Cumulative indicators show the
    year's flow (VALUE) and the running total (CUMULATIVE) the status goes with; the final (target) year
    shows the gap to the target. RAW_ROLE of a status cell is the status code.

    Attributes:
        series: the models.planning.figures.IndicatorSeries shown, in plan order.
        year: the year whose value and status are shown.
        period: the file's models.store.period.Period (the baseline and target headers name its years); set it
            before `set_series`.
    """

    NAME, UNIT, BASELINE, TARGET, VALUE, CUMULATIVE, STATUS, PROJECTION, GAP = range(9)
    COLUMN_COUNT = 9

    def __init__(self, parent=None):
        super().__init__((), parent)
        self.series: list[IndicatorSeries] = []
        self.period: Period | NoPeriod = NO_FILE
        self.year: int | None = None
        self._headers_for = self.period
        self.columns = self.year_columns(self.year)

    def year_columns(self, year: int) -> list[Column]:
        """The columns, their headers naming `year`."""
        return [
            Column("name", self.tr("Indicator"), TEXT, sort_key="seq"),
            Column("unit", self.tr("Unit"), TEXT, format=unit_text),
            Column("baseline", self.tr("%1 baseline").replace("%1", str(self.period.base)), unit_key="fmt_unit",
                   tooltip_key="baseline_tip"),
            Column("target", self.tr("%1 target").replace("%1", str(self.period.target)), TEXT,
                   format=target_text),
            Column("value", self.tr("Value %1").replace("%1", str(year)), unit_key="fmt_unit"),
            Column("cumulative", self.tr("Running total %1").replace("%1", str(year)), unit_key="fmt_unit"),
            Column("status", self.tr("Status %1").replace("%1", str(year)), BADGE, sort_key="status_order"),
            Column("projection", self.tr("Projected %1").replace("%1", str(self.period.target)), unit_key="fmt_unit"),
            Column("gap", self.tr("Gap to the target"), TEXT, format=gap_text),
        ]

    def set_series(self, series: list[IndicatorSeries], year: int) -> None:
        """Show new figures; a reset when the year changes (the headers name it) or the indicators differ,
        else only changed cells are signalled."""
        self.series = series
        rows = [self._row(s, year) for s in series]
        if year != self.year or self.period != self._headers_for:
            self.beginResetModel()
            self.year, self._headers_for = year, self.period
            self.columns, self._rows = self.year_columns(year), rows
            self.endResetModel()
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
            return
        self.set_rows(rows)

    def _row(self, s: IndicatorSeries, year: int) -> dict:
        ind = s.indicator
        figures = s.years.get(year)
        if figures is None:  # a year the figures do not cover (models not yet following the file's period)
            return {"_id": s.code, "seq": ind.seq, "name": label((ind.name, ind.name_en)), "unit": ind.unit,
                    "fmt_unit": figure_unit(ind.name, ind.unit), "baseline": s.baseline,
                    "baseline_tip": self._baseline_tip(s), "target": ind.target_text, "projection": s.projection,
                    "status_code": "unassessed", "status_order": ALL_STATUSES.index("unassessed")}
        return {
            "_id": s.code, "seq": ind.seq, "name": label((ind.name, ind.name_en)), "unit": ind.unit,
            "fmt_unit": figure_unit(ind.name, ind.unit),
            "baseline": s.baseline, "baseline_tip": self._baseline_tip(s), "target": ind.target_text,
            "value": figures.value, "cumulative": figures.cumulative, "projection": s.projection,
            "status": (label(status_labels(figures.status, year, period=self.period)), STATUS_COLORS[figures.status]),
            "status_code": figures.status, "status_order": ALL_STATUSES.index(figures.status),
            "gap": figures.gap_text or None,
        }

    def code_at(self, row: int) -> str:
        return self._rows[row]["_id"]

    def row_of(self, code: str) -> int:
        return next((i for i, r in enumerate(self._rows) if r["_id"] == code), -1)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role == RAW_ROLE and index.isValid() and index.column() == self.STATUS:
            return self._rows[index.row()]["status_code"]
        return super().data(index, role)

    def _baseline_tip(self, s: IndicatorSeries) -> str:
        if s.baseline_source == "office":
            plan = number_text(s.baseline_plan, s.indicator.unit) if s.baseline_plan is not None else "—"
            tip = self.tr("Set by the office; the plan's figure: %1").replace("%1", plan)
        else:
            tip = self.tr("The plan's figure")
        return tip + (f" · {caveat_text(s.baseline_caveat)}" if s.baseline_caveat else "")
