"""The table of the eleven indicators on the 指标 tab: one row per indicator, status for a chosen year."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from models.figures import IndicatorSeries
from models.plan import ALL_STATUSES, STATUS_COLORS, status_labels
from ui.i18n import label
from widgets.roles import BADGE_COLOR_ROLE, RAW_ROLE, SORT_ROLE
from widgets.simple_table import format_value


class IndicatorTableModel(QAbstractTableModel):
    """The indicators with their baseline (the one used), target, value and status in `year`, and 2025
    projection. Cumulative indicators show the year's flow (VALUE) and the running total (CUMULATIVE) the
    status goes with; the final year (2025) shows the gap to the target.

    Attributes:
        series: the models.figures.IndicatorSeries shown, in plan order.
        year: the year whose value and status are shown.
    """

    NAME, UNIT, BASELINE, TARGET, VALUE, CUMULATIVE, STATUS, PROJECTION, GAP = range(9)
    COLUMN_COUNT = 9

    def __init__(self, parent=None):
        super().__init__(parent)
        self.series: list[IndicatorSeries] = []
        self.year = 2020

    def set_series(self, series: list[IndicatorSeries], year: int) -> None:
        """Show new figures; a reset when the indicators differ, else only changed cells are signalled."""
        same = [s.code for s in series] == [s.code for s in self.series]
        year_changed = year != self.year
        if not same or year_changed:
            self.beginResetModel()
            self.series, self.year = series, year
            self.endResetModel()
            if year_changed:
                self.headerDataChanged.emit(Qt.Orientation.Horizontal, self.VALUE, self.GAP)
            return
        old, self.series = self.series, series
        for row in range(len(series)):
            for col in range(self.COLUMN_COUNT):
                if self._value(old[row], col) != self._value(series[row], col):
                    index = self.index(row, col)
                    self.dataChanged.emit(index, index)

    def code_at(self, row: int) -> str:
        return self.series[row].code

    def row_of(self, code: str) -> int:
        return next((i for i, s in enumerate(self.series) if s.code == code), -1)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.series)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def _value(self, s: IndicatorSeries, col: int):
        ind = s.indicator
        if col == self.NAME:
            return label((ind.name, ind.name_en))
        if col == self.UNIT:
            return ind.unit
        if col == self.BASELINE:
            return s.baseline
        if col == self.TARGET:
            return ind.target_text
        if col == self.VALUE:
            return s.years[self.year].value
        if col == self.STATUS:
            return s.years[self.year].status
        if col == self.CUMULATIVE:
            return s.years[self.year].cumulative
        if col == self.PROJECTION:
            return s.projection_2025
        if col == self.GAP:
            return s.years[self.year].gap_text or None
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.series):
            return None
        col = index.column()
        value = self._value(self.series[index.row()], col)
        if col == self.STATUS:
            if role == Qt.ItemDataRole.DisplayRole:
                return label(status_labels(value, self.year))
            if role == BADGE_COLOR_ROLE:
                return STATUS_COLORS[value]
            if role == SORT_ROLE:
                return ALL_STATUSES.index(value)
            if role == RAW_ROLE:
                return value
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if isinstance(value, float) and col in (self.VALUE, self.CUMULATIVE, self.PROJECTION):
                return format_value(round(value, 1 if abs(value) >= 100 else 4))
            return format_value(value)
        if role == SORT_ROLE:
            if col == self.NAME:
                return self.series[index.row()].indicator.seq
            return value if value is not None else "" if col in (self.TARGET, self.GAP) else float("-inf")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (self.BASELINE, self.VALUE, self.CUMULATIVE,
                                                                 self.PROJECTION):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col in (self.NAME, self.TARGET):
            return value
        if role == Qt.ItemDataRole.ToolTipRole and col == self.BASELINE:
            return self._baseline_tip(self.series[index.row()])
        return None

    def _baseline_tip(self, s: IndicatorSeries) -> str:
        if s.baseline_source == "office":
            tip = self.tr("Set by the office; the plan's figure: %1").replace(
                "%1", format_value(s.baseline_plan) if s.baseline_plan is not None else "—")
        else:
            tip = self.tr("The plan's figure")
        return tip + (f" · {s.baseline_caveat}" if s.baseline_caveat else "")

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        headers = [self.tr("Indicator"), self.tr("Unit"), self.tr("2020 baseline"), self.tr("2025 target"),
                   self.tr("Value %1").replace("%1", str(self.year)),
                   self.tr("Running total %1").replace("%1", str(self.year)),
                   self.tr("Status %1").replace("%1", str(self.year)), self.tr("Projected 2025"),
                   self.tr("Gap to the target")]
        return headers[section] if 0 <= section < len(headers) else None
