"""Reading figures typed by the office, and a right-aligned line-edit delegate for them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate

from models.cells import CellError, parse_number

MAX_FIGURE = 1e13


class EntryError(ValueError):
    """A typed figure was refused; `str(error)` says why, in the interface language."""


def read_number(text: Any) -> float | None:
    """The number in what the user typed: full-width digits, thousands separators, spaces and a
    trailing % allowed (models.cells reads the number, as it does for return cells); None if blank.

    Raises EntryError if it is not a usable number.
    """
    raw = text.strip().removesuffix("%").removesuffix("％") if isinstance(text, str) else text
    try:
        value = parse_number(raw)
    except CellError:
        raise EntryError(QCoreApplication.translate("NumberInput", "“%1” is not a number.")
                         .replace("%1", str(text).strip())) from None
    if value is not None and abs(value) > MAX_FIGURE:
        raise EntryError(QCoreApplication.translate("NumberInput", "“%1” is not a usable number.")
                         .replace("%1", str(text).strip()))
    return value


def parse_figure(text: str, *, whole: bool = False, negative: bool = False,
                 minimum: float | None = None, maximum: float | None = None) -> float | int | None:
    """The number in `text` (see `read_number`); None if blank.

    Raises EntryError for anything else: not a number, negative (unless `negative`), not whole when
    `whole` (counts), outside [minimum, maximum].
    """
    value = read_number(text)
    if value is None:
        return None
    if value < 0 and not negative:
        raise EntryError(QCoreApplication.translate("NumberInput", "A negative figure is not allowed here."))
    if whole:
        if not value.is_integer():
            raise EntryError(QCoreApplication.translate("NumberInput", "This is a count: enter a whole number."))
        value = int(value)
    if minimum is not None and value < minimum or maximum is not None and value > maximum:
        low = "" if minimum is None else f"{minimum:g}"
        high = "" if maximum is None else f"{maximum:g}"
        raise EntryError(QCoreApplication.translate("NumberInput", "Enter a number from %1 to %2.").replace("%1", low).replace("%2", high))
    return value


class NumberDelegate(QStyledItemDelegate):
    """Edits a cell in a right-aligned line edit; the model checks the text (see `parse_figure`)."""

    def createEditor(self, parent, option, index):
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor, index):
        value = index.data(Qt.ItemDataRole.EditRole)
        editor.setText("" if value is None else str(value))

    def setModelData(self, editor, model, index):
        model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)
