"""A read-only table model over many rows (tens of thousands) that sorts and filters its own Python lists.

QSortFilterProxyModel sorts by asking `data()` of every row pair it compares (about a million Python calls
for 50,000 rows: seconds); here a sort is one `list.sort` on precomputed keys and a filter one pass of a
predicate over the rows, so the view is told only the result.
"""

from __future__ import annotations

import math
from itertools import compress, repeat
from operator import contains, eq, itemgetter
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from widgets.columns import plain_text
from widgets.roles import RAW_ROLE, SORT_ROLE

NUMBER, TEXT = "number", "text"
# roles as plain ints: comparing the int Qt passes with an enum member costs a Python call per cell
_DISPLAY, _ALIGN, _USER = (int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.TextAlignmentRole),
                           int(RAW_ROLE))
_SORT = int(SORT_ROLE)
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def _number_key(value: Any) -> Any:
    return -math.inf if value is None else value


def _text_key(value: Any) -> str:
    return "" if value is None else str(value)


class SortedRowsModel(QAbstractTableModel):
    """Rows (tuples) under fixed columns, sorted by `sort()` and filtered by `set_filter()`.

    Subclasses give `kinds` (NUMBER or TEXT per column: how it sorts, missing values first ascending) and
    may override `display()` and `alignment()`. A filter is a set of column values to equal and a text to
    find (ignoring case) in the `text_columns`, both worked out with C-level loops, or any predicate.

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
        self._orders: dict[tuple[int, bool], list[int]] = {}
        self.rows: list[tuple] = []
        self.sort_column = -1
        self.sort_order = Qt.SortOrder.AscendingOrder
        self.text_columns: tuple[int, ...] = tuple(i for i, kind in enumerate(self.kinds) if kind == TEXT)
        self._equals: dict[int, Any] = {}
        self._text = ""
        self._predicate: Callable[[tuple], bool] | None = None
        self._haystack: dict[int, str] | None = None

    # ------------------------------------------------------------------ content
    def set_rows(self, rows: Sequence[tuple]) -> None:
        """Replace every row; the current sort and filter are applied to the new rows."""
        self.beginResetModel()
        self._loaded = list(rows)
        self._orders = {}
        self._haystack = None
        self._sort_all()
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, equals: dict[int, Any] | None = None, text: str = "",
                   predicate: Callable[[tuple], bool] | None = None) -> None:
        """Show only the rows whose column values equal `equals` ({column: value}, None values ignored),
        whose `text_columns` hold `text` (ignoring case), and for which `predicate(row)` is true."""
        self.beginResetModel()
        self.set_filter_quietly(equals, text, predicate)
        self._apply_filter()
        self.endResetModel()

    def set_filter_quietly(self, equals: dict[int, Any] | None = None, text: str = "",
                           predicate: Callable[[tuple], bool] | None = None) -> None:
        """Set the filter without applying it: for a `set_rows` that follows."""
        self._equals = {c: v for c, v in (equals or {}).items() if v is not None}
        self._text = text.strip().upper()
        self._predicate = predicate

    def _haystacks(self) -> dict[int, str]:
        """{id(row): its text columns, upper case, joined}: made once per `set_rows`, on the first search."""
        if self._haystack is None:
            parts = []
            for column in self.text_columns:
                values = list(map(itemgetter(column), self._loaded))
                if not all(map(str.__instancecheck__, values)):
                    values = ["" if v is None else str(v) for v in values]
                parts.append(values)
            # one join, one upper() and one split for all rows: no Python call per row
            texts = "\x01".join(map("\x00".join, zip(*parts))).upper().split("\x01") if self._loaded else []
            self._haystack = dict(zip(map(id, self._loaded), texts))
        return self._haystack

    def _apply_filter(self) -> None:
        rows = self.all_rows
        for column, value in self._equals.items():
            rows = list(compress(rows, map(eq, map(itemgetter(column), rows), repeat(value))))
        if self._text:
            texts = map(self._haystacks().__getitem__, map(id, rows))
            rows = list(compress(rows, map(contains, texts, repeat(self._text))))
        if self._predicate is not None:
            rows = list(filter(self._predicate, rows))
        self.rows = rows

    def sort_keys(self, column: int) -> list | tuple[list, ...]:
        """The sort key of each loaded row in `column` (missing values first when ascending), or a tuple of
        such lists, most significant first (sorted by each in turn: no tuple made per row)."""
        return self._keys(column, self.kinds[column])

    def _keys(self, index: int, kind: str) -> list:
        """Sort keys of the loaded rows' element `index` as a NUMBER or TEXT."""
        values = list(map(itemgetter(index), self._loaded))
        if kind == NUMBER:
            return [-math.inf if v is None else v for v in values] if None in values else values
        if all(map(str.__instancecheck__, values)):
            return values
        return ["" if v is None else str(v) for v in values]

    def _order(self, column: int, descending: bool) -> list[int]:
        """Positions of the loaded rows in sorted order (stable), worked out once per column and direction."""
        order = self._orders.get((column, descending))
        if order is None:
            keys = self.sort_keys(column)
            if isinstance(keys, tuple):  # several key lists, most significant first: one stable pass each
                order = list(range(len(self._loaded)))
                for part in reversed(keys):
                    order.sort(key=part.__getitem__, reverse=descending)
            else:
                order = sorted(range(len(keys)), key=keys.__getitem__, reverse=descending)
            self._orders[(column, descending)] = order
        return order

    def _sort_all(self) -> None:
        if self.sort_column < 0:
            self.all_rows = list(self._loaded)
        else:
            order = self._order(self.sort_column, self.sort_order == Qt.SortOrder.DescendingOrder)
            self.all_rows = list(map(self._loaded.__getitem__, order))

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
            found: dict[int, int] = {}
            for item in before:  # a few: the current and selected cells
                if item is not None and id(item[0]) not in found:
                    try:
                        found[id(item[0])] = self.rows.index(item[0])
                    except ValueError:  # filtered out meanwhile
                        found[id(item[0])] = -1
            self.changePersistentIndexList(
                persistent, [self.index(found[id(b[0])], b[1]) if b is not None and found[id(b[0])] >= 0
                             else QModelIndex() for b in before])
        self.layoutChanged.emit()

    def row(self, index: int) -> tuple:
        return self.rows[index]

    # ------------------------------------------------------------------ what is shown
    def display(self, row: tuple, column: int) -> str:
        return plain_text(row[column])

    def alignment(self, column: int) -> int | None:
        return RIGHT if self.kinds[column] == NUMBER else None

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
        role = int(role)
        if role == _DISPLAY:
            return self.display(self.rows[r], c)
        if role == _ALIGN:
            return self.alignment(c)
        if role == _SORT:
            value = self.rows[r][c]
            return value if value is not None else "" if self.kinds[c] == TEXT else None
        if role == _USER:
            return self.rows[r]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None
