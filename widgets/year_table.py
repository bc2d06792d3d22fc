"""An editable table model over rows of named fields (typically one row per year), with validation.

The model does not write anywhere itself: a valid edit is handed to the `commit(row, key, value)`
callback (which writes through the session and its undo stack); a bad entry is refused with a message
(`refused` signal) and nothing is handed on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from widgets.number_input import EntryError, fill, read_number
from widgets.simple_table import SORT_ROLE, format_value
from widgets.status_badge import BADGE_COLOR_ROLE

NUMBER, TEXT, BADGE = "number", "text", "badge"


@dataclass(frozen=True)
class Column:
    """One column: the row field `key`, its header, what it holds and the range allowed when edited.

    `kind` is NUMBER, TEXT or BADGE (a (text, colour) pair painted by widgets.status_badge).
    """

    key: str
    header: str
    kind: str = NUMBER
    editable: bool = False
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None  # the figure's unit (models.plan), so a % sign is accepted only where it is %


def edit_text(value: Any) -> str:
    """The text an editor starts from: numbers plain (no separators), None empty."""
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.12g}"
    return str(value)


class EditableRowsModel(QAbstractTableModel):
    """Rows of fields shown in `columns`; editable columns are validated and handed to `commit`.

    Attributes:
        columns: the Column list.
        context: words naming what the table is about (an indicator), put in refusal messages.
        commit: callback(row index, key, value) -> bool that stores a valid edit.
        read_only: True makes every column read-only.
    Signals:
        refused(str): a bad entry was refused; the message is for the user and nothing was stored.
    """

    refused = Signal(str)

    def __init__(self, columns: Sequence[Column] = (), parent=None):
        super().__init__(parent)
        self.columns: list[Column] = list(columns)
        self._rows: list[dict[str, Any]] = []
        self.context = ""
        self.commit: Callable[[int, str, Any], bool] | None = None
        self.read_only = False

    # ------------------------------------------------------------------ contents
    def set_columns(self, columns: Sequence[Column]) -> None:
        self.beginResetModel()
        self.columns = list(columns)
        self.endResetModel()

    def set_rows(self, rows: Sequence[dict[str, Any]]) -> None:
        """Replace the rows; when only values changed, signal just the changed cells."""
        rows = [dict(r) for r in rows]
        same_shape = len(rows) == len(self._rows) and all(
            a.get("_id") == b.get("_id") for a, b in zip(rows, self._rows))
        if not same_shape:
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

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.columns) if c.key == key)

    # ------------------------------------------------------------------ Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable and not self.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        col = self.columns[index.column()]
        value = self._rows[index.row()].get(col.key)
        if col.kind == BADGE:
            text, color = value if value else ("", None)
            if role == Qt.ItemDataRole.DisplayRole:
                return text
            if role == BADGE_COLOR_ROLE:
                return color
            if role == SORT_ROLE:
                return text
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return format_value(value)
        if role == Qt.ItemDataRole.EditRole:
            return edit_text(value)
        if role == SORT_ROLE:
            return value if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind == NUMBER:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and col.kind == TEXT and value:
            return str(value)
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        col = self.columns[index.column()]
        if not col.editable or self.read_only:
            return False
        try:
            new = self.validate(col, value)
        except EntryError as exc:
            self.refused.emit(self.refusal(index, value, exc.reason))
            return False
        if new == self._rows[index.row()].get(col.key):
            return True
        if self.commit is None or not self.commit(index.row(), col.key, new):
            return False
        if 0 <= index.row() < len(self._rows):
            self._rows[index.row()][col.key] = new
            self.dataChanged.emit(index, index)
        return True

    # ------------------------------------------------------------------ validation
    def validate(self, col: Column, value: Any) -> Any:
        """The value to store for an entry in `col`; raises EntryError with the reason."""
        if col.kind == TEXT:
            text = "" if value is None else str(value).strip()
            return text or None
        number = read_number(value, col.unit)
        if number is None:
            return None
        low, high = col.minimum, col.maximum
        if low is not None and high is not None and not low <= number <= high:
            raise EntryError(self.tr("it must be between %1 and %2")
                             .replace("%1", format_value(low)).replace("%2", format_value(high)))
        if low == 0 and number < 0:
            raise EntryError(self.tr("it cannot be negative"))
        if low is not None and number < low:
            raise EntryError(self.tr("it must be at least %1").replace("%1", format_value(low)))
        if high is not None and number > high:
            raise EntryError(self.tr("it must be at most %1").replace("%1", format_value(high)))
        return number

    def refusal(self, index: QModelIndex, value: Any, reason: str) -> str:
        row_label = self.data(self.index(index.row(), 0))
        text = self.tr("%1 %2, %3: “%4” was not saved: %5.")
        # one pass: an entry such as "%5" is quoted as typed, not replaced by the reason
        return fill(text, self.context, str(row_label), self.columns[index.column()].header, str(value).strip(),
                    reason).strip()
