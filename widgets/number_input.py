"""Reading figures typed by the office, and a right-aligned line-edit delegate for them.

A refused entry raises `EntryError`, which says what is wrong once: `reason` is the predicate alone
("不是数字", "数值过大") for a message that quotes the entry itself (widgets.table_model with a context), and `str(error)`
is one sentence with the entry quoted once and no closing full stop in Chinese ("“abc”不是数字"), for a
message that goes on with "，未保存。" (widgets.table_model).

Reading is unit-aware: pass the cell's unit (models.store.plan's units: "亿元", "%", "家" …) and a % sign is
accepted only where the unit is % (or 个百分点), the cell's own unit may be typed after the number
("12.5亿元" in a 亿元 cell) and another unit is refused. Without a unit (None) a trailing % is accepted, as
before units were passed in.
"""

from __future__ import annotations

import math
import re
import unicodedata
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLineEdit, QStyledItemDelegate

from models.returns.cells import CellError, parse_number
from models.base.numfmt import (
    COUNT_UNITS,
    UNIT_DECIMALS,
    format_number,
    is_count,
    is_percent,
)

MAX_FIGURE = 1e13
_PERCENT_UNITS = ("%", "个百分点")
# Units someone may type after a number, longest first so "吨标准煤/万元" is tried before "万元".
_KNOWN_UNITS = sorted(set(UNIT_DECIMALS) | COUNT_UNITS | {"亿", "万", "元"}, key=len, reverse=True)
# A number in scientific notation (1e20, 1.5E+03): not read by models.returns.cells, but clearly meant as a number.
_ARG_RE = re.compile(r"%([1-9])")
_SCIENTIFIC_RE = re.compile(r"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)[eE][+-]?[0-9]+", re.ASCII)


def fill(template: str, *args: str) -> str:
    """`template` with %1, %2 … replaced in one pass, so an argument holding "%2" stays as typed."""
    return _ARG_RE.sub(lambda m: args[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(args) else m.group(0),
                       template)


def _shown(text: Any) -> str:
    """The entry as the user typed it, stripped and shortened for a message."""
    if isinstance(text, float) and math.isfinite(text) and text.is_integer():
        shown = str(int(text))
    else:
        shown = str(text).strip()
    return shown if len(shown) <= 30 else shown[:29] + "…"


class EntryError(ValueError):
    """A typed figure was refused.

    Attributes:
        reason: what is wrong, without the entry and without closing punctuation ("不是数字"), in the
            interface language.
        entry: the entry as typed (stripped, shortened), or "" when the reason stands alone.
    `str(error)`: one sentence naming the entry once: "“abc”不是数字" (Chinese, no full stop, so a caller can
    go on with "，未保存。"), "“abc” is not a number." (English).
    """

    def __init__(self, reason: str, entry: str = ""):
        self.reason = reason
        self.entry = entry
        if entry:
            message = fill(QCoreApplication.translate("NumberInput", "“%1” %2."), entry, reason)
        else:
            message = fill(QCoreApplication.translate("NumberInput", "%1."), reason)
        super().__init__(message)


def _not_a_number(text: Any) -> EntryError:
    return EntryError(QCoreApplication.translate("NumberInput", "is not a number"), _shown(text))


def _too_large(text: Any) -> EntryError:
    return EntryError(QCoreApplication.translate("NumberInput", "is too large"), _shown(text))


def _strip_unit(text: str, unit: str | None, original: Any) -> str:
    """`text` without a unit typed after the number; EntryError if that unit does not belong here."""
    if text.endswith("%"):
        if unit is None or unit.strip() in _PERCENT_UNITS or is_percent(unit):
            return text[:-1].strip()
        reason = QCoreApplication.translate("NumberInput", "has a % sign, but the unit here is %1")
        raise EntryError(fill(reason, unit), _shown(original))
    if unit and unit.strip() and text.endswith(unit.strip()) and len(text) > len(unit.strip()):
        return text[:-len(unit.strip())].strip()
    if unit and unit.strip():
        for other in _KNOWN_UNITS:
            if text.endswith(other) and len(text) > len(other) and text[:-len(other)].strip()[-1:].isdigit():
                reason = QCoreApplication.translate("NumberInput", "does not match the unit here (%1)")
                raise EntryError(fill(reason, unit.strip()), _shown(original))
    return text


def read_number(text: Any, unit: str | None = None) -> float | None:
    """The number in what the user typed: full-width digits, thousands separators, spaces, scientific
    notation, and the cell's unit after the number allowed (models.returns.cells reads the number, as it does for
    return cells); None if blank.

    Raises EntryError if it is not a number ("不是数字": letters, nan, inf typed as words), too large
    ("数值过大": beyond ±MAX_FIGURE, 1e20, 1e400), or carries a unit that does not belong here (a % sign
    where the unit is not %).
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise _not_a_number(text)
    if isinstance(text, (int, float)):
        if isinstance(text, float) and math.isnan(text):
            raise _not_a_number(text)
        if math.isinf(text) or abs(text) > MAX_FIGURE:
            raise _too_large(text)
        return float(text)
    if not isinstance(text, str):
        raise _not_a_number(text)
    raw = unicodedata.normalize("NFKC", text).strip()
    if not raw:
        return None
    raw = _strip_unit(raw, unit, text)
    try:
        value = parse_number(raw)
    except CellError:
        compact = raw.replace(",", "").replace(" ", "")
        if _SCIENTIFIC_RE.fullmatch(compact) is None:
            raise _not_a_number(text) from None
        value = float(compact)  # the pattern admits only what float() reads; 1e400 is inf
    if value is None:  # only a unit or a % sign was typed
        raise _not_a_number(text)
    if not math.isfinite(value) or abs(value) > MAX_FIGURE:
        raise _too_large(text)
    return value


def _bound(value: float, unit: str | None) -> str:
    if unit:
        return format_number(value, unit)
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def parse_figure(text: str, *, unit: str | None = None, whole: bool = False, negative: bool = False,
                 minimum: float | None = None, maximum: float | None = None) -> float | int | None:
    """The number in `text` (see `read_number`); None if blank.

    Raises EntryError for anything else: not a number, too large, a unit not of this cell, negative
    (unless `negative`), not whole when `whole` or the unit is a count (家, 件, 人 …), outside
    [minimum, maximum].
    """
    value = read_number(text, unit)
    if value is None:
        return None
    entry = _shown(text)
    if value < 0 and not negative:
        raise EntryError(QCoreApplication.translate("NumberInput", "cannot be negative"), entry)
    if whole or is_count(unit):
        if not value.is_integer():
            raise EntryError(QCoreApplication.translate("NumberInput", "is not a whole number (this is a count)"),
                             entry)
        value = int(value)
    low = None if minimum is None else _bound(minimum, unit)
    high = None if maximum is None else _bound(maximum, unit)
    if low is not None and high is not None and not minimum <= value <= maximum:
        reason = QCoreApplication.translate("NumberInput", "must be between %1 and %2")
        raise EntryError(fill(reason, low, high), entry)
    if low is not None and value < minimum:
        raise EntryError(fill(QCoreApplication.translate("NumberInput", "must be at least %1"), low), entry)
    if high is not None and value > maximum:
        raise EntryError(fill(QCoreApplication.translate("NumberInput", "must be at most %1"), high), entry)
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
