"""A read-only table model over many rows (tens of thousands) that sorts and filters its own Python lists.

QSortFilterProxyModel sorts by asking `data()` of every row pair it compares (about a million Python calls
for 50,000 rows: seconds); here a sort is one `list.sort` on precomputed keys and a filter one pass of a
predicate over the rows, so the view is told only the result.
"""

from __future__ import annotations

import math
from operator import itemgetter
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from widgets.simple_table import SORT_ROLE, format_value

NUMBER, TEXT = "number", "text"


def _number_key(value: Any) -> Any:
    return -math.inf if value is None else value


def _text_key(value: Any) -> str:
    return "" if value is None else str(value)


class SortedRowsModel(QAbstractTableModel):
    """Rows (tuples) under fixed columns, sorted by `sort()` and filtered by `set_filter()`.

    Subclasses give `kinds` (NUMBER or TEXT per column: how it sorts, missing values first ascending) and
    may override `display()` and `alignment()`.

    Attributes:
        all_rows: every row, in the current sort order (the order given to `set_rows` when unsorted).
        rows: the rows shown: `all_rows` that pass the filter, in the same order.
        sort_column / sort_order: the current sort (-1: none).
    """

    def __init__(self, headers: Sequence[str], kinds: Sequence[str], parent=None):
        super().__init__(parent)
        self.headers = list(headers)
        self.kinds = list(kinds)
        self.all_rows: list[tuple] = []
        self._loaded: list[tuple] = []
        self.rows: list[tuple] = []
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self._predicate: Callable[[tuple], bool] | None = None

    # ------------------------------------------------------------------ content
    def set_rows(self, rows: Sequence[tuple]) -> None:
        """Replace every row; the current sort and filter are applied to the new rows."""
        self.beginResetModel()
        self._loaded = list(rows)
        self._sort_all()
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, predicate: Callable[[tuple], bool] | None) -> None:
        """Show only the rows for which `predicate(row)` is true (None: every row)."""
        self.beginResetModel()
        self._predicate = predicate
        self._apply_filter()
        self.endResetModel()

    def set_filter_quietly(self, predicate: Callable[[tuple], bool] | None) -> None:
        """Set the filter without applying it: for a `set_rows` that follows."""
        self._predicate = predicate

    def _apply_filter(self) -> None:
        self.rows = self.all_rows if self._predicate is None else list(filter(self._predicate, self.all_rows))

    def sort_key(self, column: int) -> Callable[[tuple], Any]:
        get = itemgetter(column)
        if self.kinds[column] == NUMBER:
            return lambda row: _number_key(get(row))
        return lambda row: _text_key(get(row))

    def _sort_all(self) -> None:
        self.all_rows = list(self._loaded)
        if self.sort_column < 0:
            return
        self.all_rows.sort(key=self.sort_key(self.sort_column),
                           reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Qt's sort request (a header click): reorder, keeping selected rows selected; -1: unsorted."""
        column = column if 0 <= column < len(self.headers) else -1
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        before = [(self.rows[i.row()], i.column()) if 0 <= i.row() < len(self.rows) else None for i in persistent]
        self.sort_column, self.sort_order = column, order
        self._sort_all()
        self._apply_filter()
        if persistent:
            where = {id(row): n for n, row in enumerate(self.rows)}
            self.changePersistentIndexList(
                persistent, [self.index(where[id(b[0])], b[1]) if b is not None and id(b[0]) in where
                             else QModelIndex() for b in before])
        self.layoutChanged.emit()

    def row(self, index: int) -> tuple:
        return self.rows[index]

    # ------------------------------------------------------------------ what is shown
    def display(self, row: tuple, column: int) -> str:
        return format_value(row[column])

    def alignment(self, column: int) -> int | None:
        if self.kinds[column] == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    # ------------------------------------------------------------------ Qt
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if not 0 <= r < len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(self.rows[r], c)
        if role == SORT_ROLE:
            value = self.rows[r][c]
            return value if value is not None else "" if self.kinds[c] == TEXT else None
        if role == Qt.ItemDataRole.UserRole:
            return self.rows[r]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(c)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None
