"""A read-only table model over a list of rows, for lists that need no editing."""

from __future__ import annotations

from typing import Any, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1


class RowsModel(QAbstractTableModel):
    """Rows of plain values under a header; `set_rows` replaces them all.

    Numbers are shown formatted and sort as numbers (SORT_ROLE); None shows as an empty cell. Columns
    named in `plain_columns` (years, row numbers, batch numbers) show whole numbers without separators.
    """

    def __init__(self, headers: Sequence[str], parent=None, plain_columns: Sequence[str] = ()):
        super().__init__(parent)
        self._headers = list(headers)
        self._plain = {i for i, h in enumerate(self._headers) if h in plain_columns}
        self._rows: list[Sequence[Any]] = []

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        self.beginResetModel()
        self._rows = [tuple(r) for r in rows]
        self.endResetModel()

    def row(self, index: int) -> Sequence[Any]:
        return self._rows[index]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        value = self._rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if index.column() in self._plain and isinstance(value, (int, float)) and float(value).is_integer():
                return str(int(value))
            return format_value(value)
        if role == SORT_ROLE:
            return value if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and isinstance(value, (int, float)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._headers[section]
        return None


def format_value(value: Any) -> str:
    """A figure as the office reads it: no trailing zeros, thousands separated, empty for missing."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return f"{int(value):,}"
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    return str(value)
