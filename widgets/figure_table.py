"""An editable table of figures: rows of values under column definitions, with optional totals rows.

The model never writes anywhere: a valid entry in an editable cell is emitted as `edit_requested`, and the
owner writes it (for instance through `ParkSession.edit`) and reloads the rows. A refused entry is emitted
as `rejected` with a message naming the row and column.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

from widgets.number_input import EntryError, parse_figure
from widgets.simple_table import SORT_ROLE, format_value

DERIVED_COLOR = QColor("#5f6b73")
TOTALS_ROLE = Qt.ItemDataRole.UserRole + 2


@dataclass(frozen=True)
class Column:
    """One column.

    Attributes:
        key: the row dict's key shown in this column.
        header: the column title (already translated).
        kind: "text", "number" or "count" (whole numbers) — how an entry is read.
        editable: whether the cell can be edited (totals rows never are).
        derived: shown in grey: a figure computed from returns, not typed.
        negative: whether negative numbers are allowed.
        minimum, maximum: bounds for numbers, or None.
        decimals: digits shown after the point for numbers (None: as many as needed, up to 4).
        tooltip_key: the row dict's key holding this cell's tooltip, if any.
    """

    key: str
    header: str
    kind: str = "text"
    editable: bool = False
    derived: bool = False
    negative: bool = False
    minimum: float | None = None
    maximum: float | None = None
    decimals: int | None = None
    tooltip_key: str | None = None
    unit: str | None = None  # the figure's unit (models.plan): a % sign only where it is %, counts whole


class FigureTableModel(QAbstractTableModel):
    """Rows (dicts) under `Column`s; rows whose "_totals" is true are totals rows (bold, never edited).

    A row may hold "_editable": a set of keys editable in that row (default: every editable column),
    "_kind": {key: kind} overriding a column's kind for that row, "_derived": keys shown grey in that row
    (figures computed from returns), and "_label": how messages name the row
    (default: the first column's text).

    Signals:
        edit_requested(int, str, object): row index, column key and the entered value (None = cleared).
        rejected(str): an entry was refused; the message names row, column and reason.
    """

    edit_requested = Signal(int, str, object)
    rejected = Signal(str)

    def __init__(self, columns: Sequence[Column], parent=None):
        super().__init__(parent)
        self.columns = list(columns)
        self._rows: list[dict[str, Any]] = []
        self.formatters: dict[str, Callable[[Any], str]] = {}

    # -------------------------------------------------------------- data in
    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        self.beginResetModel()
        self._rows = [dict(r) for r in rows]
        self.endResetModel()

    def row(self, index: int) -> dict[str, Any]:
        return self._rows[index]

    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def column_index(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    # -------------------------------------------------------------- Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.columns):
            return self.columns[section].header
        return None

    def _editable(self, row: dict, column: Column) -> bool:
        if not column.editable or row.get("_totals"):
            return False
        allowed = row.get("_editable")
        return allowed is None or column.key in allowed

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._editable(self._rows[index.row()], self.columns[index.column()]):
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        value = row.get(column.key)
        if role == Qt.ItemDataRole.DisplayRole:
            if column.key in self.formatters:
                return self.formatters[column.key](value)
            if column.decimals is not None and isinstance(value, (int, float)) and not isinstance(value, bool):
                return f"{value:,.{column.decimals}f}"
            return format_value(value)
        if role == Qt.ItemDataRole.EditRole:
            if value is None:
                return ""
            if isinstance(value, float) and value.is_integer():
                return str(int(value))
            return str(value)
        if role == SORT_ROLE:
            return value if value is not None else (float("-inf") if column.kind != "text" else "")
        if role == TOTALS_ROLE:
            return bool(row.get("_totals"))
        if role == Qt.ItemDataRole.TextAlignmentRole and column.kind != "text":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row.get("_totals"):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and (column.derived or column.key in row.get("_derived", ())):
            return QBrush(DERIVED_COLOR)
        if role == Qt.ItemDataRole.BackgroundRole and self._editable(row, column):
            return QBrush(QColor("#fffbe6"))
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip_key:
            return row.get(column.tooltip_key)
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if not self._editable(row, column):
            return False
        try:
            parsed = self.parse(column, value, row.get("_kind", {}).get(column.key))
        except EntryError as exc:
            label = row.get("_label") or format_value(row.get(self.columns[0].key))
            self.rejected.emit(self.tr("%1, %2: %3 Nothing was saved.")
                               .replace("%1", label).replace("%2", column.header).replace("%3", str(exc)))
            return False
        current = row.get(column.key)
        if parsed == current:
            return True
        self.edit_requested.emit(index.row(), column.key, parsed)
        return True

    @staticmethod
    def parse(column: Column, value: Any, kind: str | None = None) -> Any:
        """The stored value for an entry in `column` (numbers checked, text stripped, blank = None).

        `kind` overrides the column's kind for one row (a row may hold "_kind": {key: kind}).
        """
        kind = kind or column.kind
        if kind == "text":
            text = "" if value is None else str(value).strip()
            return text or None
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        return parse_figure("" if value is None else value, unit=column.unit, whole=kind == "count",
                            negative=column.negative, minimum=column.minimum, maximum=column.maximum)


class TotalsLastProxy(QSortFilterProxyModel):
    """Sorts by SORT_ROLE and keeps totals rows (TOTALS_ROLE) at the bottom in either order."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)

    def lessThan(self, left, right) -> bool:
        lt, rt = left.data(TOTALS_ROLE), right.data(TOTALS_ROLE)
        if lt or rt:
            descending = self.sortOrder() == Qt.SortOrder.DescendingOrder
            if lt and rt:  # totals rows keep their own order
                return (left.row() < right.row()) != descending
            return rt != descending  # a totals row is "greater" when ascending, "less" when descending
        a, b = left.data(SORT_ROLE), right.data(SORT_ROLE)
        try:
            return a < b
        except TypeError:
            return str(a) < str(b)


class ChoiceDelegate(QStyledItemDelegate):
    """Edits a cell with a drop-down of (text, value) choices; the model receives the value."""

    def __init__(self, choices: Sequence[tuple[str, Any]], parent=None):
        super().__init__(parent)
        self.choices = list(choices)

    def createEditor(self, parent, option, index):
        box = QComboBox(parent)
        for text, value in self.choices:
            box.addItem(text, value)
        return box

    def setEditorData(self, editor, index):
        current = index.data(Qt.ItemDataRole.EditRole)
        found = editor.findData(current if current != "" else None)
        editor.setCurrentIndex(max(found, 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
