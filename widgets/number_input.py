"""Reading figures typed by the office, and a right-aligned line-edit delegate for them."""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate

MAX_FIGURE = 1e13


class EntryError(ValueError):
    """A typed figure was refused; `str(error)` says why, in the interface language."""


def parse_figure(text: str, *, whole: bool = False, negative: bool = False,
                 minimum: float | None = None, maximum: float | None = None) -> float | int | None:
    """The number in `text` (full-width digits, thousands separators and spaces allowed); None if blank.

    Raises EntryError for anything else: not a number, negative (unless `negative`), not whole when
    `whole` (counts), outside [minimum, maximum].
    """
    cleaned = unicodedata.normalize("NFKC", str(text)).strip().replace(",", "").replace(" ", "")
    if cleaned == "":
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise EntryError(QCoreApplication.translate("NumberInput", "“%1” is not a number.").replace("%1", str(text).strip())) from None
    if value != value or abs(value) == float("inf") or abs(value) > MAX_FIGURE:
        raise EntryError(QCoreApplication.translate("NumberInput", "“%1” is not a usable number.").replace("%1", str(text).strip()))
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
