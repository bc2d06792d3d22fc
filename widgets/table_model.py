"""The one table model of the application, its totals-last sorting proxy and the view factory.

`TableModel` shows rows (dicts) under `widgets.columns.Column`s: numbers written the one way for their
unit, totals rows bold and last, derived figures grey, status badges, tooltips, a sort value per cell
(roles in widgets.roles). Editable cells are read through widgets.number_input (models.returns.cells underneath)
and checked against the column's unit and bounds; the model never writes anywhere itself: a valid entry
goes to `commit(row index, key, value) -> bool` (which writes through the session and its undo stack), a
refused one is announced by `refused(message)` — one sentence naming the row, the column and the reason:
“技术合同成交额 2023年“官方数据”：“abc”不是数字，未保存。”, “人工智能，企业数：“13.75”不是整数（此项为个数），未保存。”.

A row may hold, besides its fields:
    "_id": what the row stands for (rows with the same ids keep their place; only changed cells repaint),
    "_totals": true for a totals row (bold, never edited, kept last),
    "_editable": the keys editable in this row (default: every editable column),
    "_kind": {key: kind} overriding a column's kind in this row (a count among figures),
    "_derived": keys shown grey in this row,
    "_label": how messages name the row (default: the first column's text).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QStyledItemDelegate, QTableView, QWidget

from widgets.columns import BADGE, TEXT, Column, cell_text, sort_value
from widgets.number_input import EntryError, NumberDelegate, fill, parse_figure
from widgets.roles import BADGE_COLOR_ROLE, RAW_ROLE, SORT_ROLE, TOTALS_ROLE
from widgets.status_badge import StatusBadgeDelegate

DERIVED_COLOR = QColor("#5f6b73")
EDITABLE_BACKGROUND = QColor("#fffbe6")
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def edit_text(value: Any) -> str:
    """The text an editor starts from: numbers plain (no separators, no float noise), None empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else f"{value:.12g}"
    return str(value)


class TableModel(QAbstractTableModel):
    """Rows (dicts) under `columns`; editable cells checked and handed to `commit`.

    Attributes:
        columns: the Column list.
        context: words naming what the whole table is about (an indicator); when set, refusal messages
            read “<context> <row>年“<column>”：…” (the rows are years), else “<row>，<column>：…”.
        commit: callback(row index, key, value) -> bool that stores a valid entry; without it nothing is
            editable.
        read_only: True makes every cell read-only (a file opened read-only).
    Signals:
        refused(str): an entry was refused; the message is for the user and nothing was stored.
    """

    refused = Signal(str)

    def __init__(self, columns: Sequence[Column] = (), parent=None):
        super().__init__(parent)
        self.columns: list[Column] = list(columns)
        self._rows: list[dict[str, Any]] = []
        self.context = ""
        self.commit: Callable[[int, str, Any], bool] | None = None
        self.read_only = False
        self._bold = QFont()
        self._bold.setBold(True)

    # ------------------------------------------------------------------ contents
    def set_columns(self, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.endResetModel()

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Replace the rows. When the rows stand for the same things ("_id"), only changed cells are
        signalled (the selection and the editor stay); otherwise the model is reset."""
        rows = [dict(r) for r in rows]
        same = len(rows) == len(self._rows) and bool(rows) and all(
            "_id" in a and a.get("_id") == b.get("_id") for a, b in zip(rows, self._rows))
        if not same:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()
            return
        old, self._rows = self._rows, rows
        for r, (before, after) in enumerate(zip(old, rows)):
            for c, col in enumerate(self.columns):
                if before.get(col.key) != after.get(col.key):
                    index = self.index(r, c)
                    self.dataChanged.emit(index, index)

    def row(self, index: int) -> dict[str, Any]:
        return self._rows[index]

    def rows(self) -> list[dict[str, Any]]:
        return list(self._rows)

    def column_of(self, key: str) -> int:
        """The index of the column showing `key`."""
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    column_index = column_of

    def text(self, row: int, key: str) -> str:
        """The text shown in row `row`, column `key`."""
        return cell_text(self.columns[self.column_of(key)], self._rows[row])

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.columns) \
                and role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.columns[section].header
        return None

    def editable(self, row: dict[str, Any], column: Column) -> bool:
        """Whether `row`'s cell in `column` can be edited now."""
        if not column.editable or self.read_only or self.commit is None or row.get("_totals"):
            return False
        allowed = row.get("_editable")
        return allowed is None or column.key in allowed

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.editable(self._rows[index.row()], self.columns[index.column()]):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cell_text(column, row)
        value = row.get(column.key)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(value)
        if role == SORT_ROLE:
            return sort_value(column, row)
        if role == TOTALS_ROLE:
            return bool(row.get("_totals"))
        if role == RAW_ROLE:
            return value
        if role == BADGE_COLOR_ROLE:
            return value[1] if column.kind == BADGE and value else None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column.kind != TEXT and column.kind != BADGE and column.choices is None \
                    and isinstance(value, (int, float)) and not isinstance(value, bool):
                return _RIGHT
            return None
        if role == Qt.ItemDataRole.FontRole:
            return self._bold if row.get("_totals") else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column.derived or column.key in row.get("_derived", ()):
                return QBrush(DERIVED_COLOR)
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(EDITABLE_BACKGROUND) if self.editable(row, column) else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if column.tooltip_key:
                return row.get(column.tooltip_key)
            if column.kind == TEXT and value:   # the text as shown (its English in English), whole where elided
                return cell_text(column, row)
            return None
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self._rows[index.row()]
        column = self.columns[index.column()]
        if not self.editable(row, column):
            return False
        try:
            new = self.parse(column, value, row)
        except EntryError as exc:
            self.refused.emit(self.refusal(index.row(), column, exc))
            return False
        if new == row.get(column.key):
            return True
        if not self.commit(index.row(), column.key, new):
            return False
        if 0 <= index.row() < len(self._rows) and self._rows[index.row()] is row:
            row[column.key] = new
            self.dataChanged.emit(index, index)
        return True

    # ------------------------------------------------------------------ reading entries
    @staticmethod
    def parse(column: Column, value: Any, row: dict[str, Any] | None = None) -> Any:
        """The value to store for an entry in `column` (numbers read and checked, text stripped, blank
        None); raises EntryError with the reason."""
        row = row or {}
        kind = row.get("_kind", {}).get(column.key, column.kind)
        if column.choices is not None:
            return None if value in ("", None) else value
        if kind in (TEXT, BADGE):
            text = "" if value is None else str(value).strip()
            return text or None
        low = column.minimum
        return parse_figure(value, unit=column.unit_for(row), whole=column.whole_for(row),
                            negative=low is None or low < 0, minimum=None if low == 0 else low,
                            maximum=column.maximum)

    def refusal(self, row: int, column: Column, error: EntryError) -> str:
        """The one sentence saying that an entry in `row`, `column` was refused, and why."""
        data = self._rows[row]
        label = data.get("_label") or (cell_text(self.columns[0], data) if self.columns else "")
        if self.context:
            text = self.tr("%1 %2, %3: “%4” was not saved: %5.")
            return fill(text, self.context, str(label), column.header, error.entry, error.reason).strip()
        return fill(self.tr("%1, %2: %3 Nothing was saved."), str(label), column.header, str(error))


class RowsModel(TableModel):
    """A read-only list of rows given as tuples under plain headers (review lists, batches, traces).

    Numbers are shown as needed (up to 4 decimals, thousands separated) and sort as numbers; headers named
    in `plain_columns` (years, row numbers, batch numbers) show whole numbers without separators.
    `row(i)` gives the tuple back.
    """

    def __init__(self, headers: Sequence[str], parent=None, plain_columns: Sequence[str] = ()):
        super().__init__([Column(str(i), h, plain=h in plain_columns) for i, h in enumerate(headers)], parent)
        self._tuples: list[tuple] = []

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:  # type: ignore[override]
        self._tuples = [tuple(r) for r in rows]
        super().set_rows([{str(i): v for i, v in enumerate(r)} for r in self._tuples])

    def row(self, index: int) -> tuple:  # type: ignore[override]
        return self._tuples[index]


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
        current = index.data(RAW_ROLE)
        editor.setCurrentIndex(max(editor.findData(current), 0))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class TableDelegate(StatusBadgeDelegate):
    """Badges painted, numbers edited in a right-aligned line edit."""

    createEditor = NumberDelegate.createEditor
    setEditorData = NumberDelegate.setEditorData
    setModelData = NumberDelegate.setModelData


def table_view(model: TableModel, parent: QWidget | None, *, sortable: bool = True, editable: bool = True,
               fit_columns: bool = True) -> tuple[QTableView, TotalsLastProxy | None]:
    """A table on `model` the way every table of the app looks and behaves: rows selected whole, one at
    a time, numbers edited by typing or double-click (when `editable`), badges painted, columns with a
    drop-down for their `choices`, no row numbers, no word wrap; with `sortable`, sorted by clicking a
    header through a TotalsLastProxy (returned, else None)."""
    view = QTableView(parent)
    proxy = None
    if sortable:
        proxy = TotalsLastProxy(view)
        proxy.setSourceModel(model)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    else:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setItemDelegate(TableDelegate(view))
    for i, column in enumerate(model.columns):
        if column.choices is not None:
            view.setItemDelegateForColumn(i, ChoiceDelegate(column.choices, view))
    if editable:
        view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
    else:
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    if fit_columns:
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view, proxy


def select_quietly(view, proxy, model: TableModel, key: str, value: Any) -> bool:
    """Make the row whose `key` is `value` the view's current, selected row without emitting selection
    signals (a reload putting the selection back, not the user choosing); False if there is no such row."""
    from PySide6.QtCore import QItemSelectionModel

    for row in range(model.rowCount()):
        if model.row(row).get(key) == value:
            selection = view.selectionModel()
            selection.blockSignals(True)
            selection.setCurrentIndex(proxy.mapFromSource(model.index(row, 0)),
                                      QItemSelectionModel.SelectionFlag.ClearAndSelect
                                      | QItemSelectionModel.SelectionFlag.Rows)
            selection.blockSignals(False)
            return True
    return False
