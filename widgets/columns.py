"""One description of a table column, and the text a cell shows — for every table model of the app.

Numbers are written the one way for their unit (models.base.numfmt.format_number): counts whole (8, not 8.00),
亿元 with 2 decimals, 万元 whole, % with 2, 吨标准煤/万元 with 4. A column gives its unit, or the row gives
it (`unit_key`: a table of figures in different units, one per row). Where no unit is known the number is
written as needed, up to 4 decimals (0.029, 1,533.6).

Qt-free: no PySide6 here, so the texts can be checked without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from models.base.numfmt import format_number, format_value, is_count

TEXT, NUMBER, COUNT, BADGE = "text", "number", "count", "badge"
KINDS = (TEXT, NUMBER, COUNT, BADGE)


@dataclass(frozen=True)
class Column:
    """One column of a table.

    Attributes:
        key: the row's key shown in this column.
        header: the column title (already translated).
        kind: TEXT, NUMBER, COUNT (whole numbers) or BADGE (a (text, colour) pair painted as a badge).
        editable: whether its cells can be edited (never in a totals row; a row may narrow it, "_editable").
        unit: the figure's unit (models.store.plan's units: "亿元", "%", "家" …): how it is shown and read — a %
            sign is accepted only where the unit is %, counts are whole.
        unit_key: the row's key holding this cell's unit, when the rows are figures in different units.
        minimum, maximum: bounds for an entry; a minimum of 0 refuses negatives ("不能为负数"), no
            minimum allows them.
        whole: entries must be whole numbers (as for a COUNT).
        show_unit: write the unit after the number ("4.50%") — for a column whose header does not say it.
        plain: whole numbers without thousands separators (years, row and batch numbers).
        derived: shown grey: a figure computed from the returns, not typed (a row may add "_derived").
        tooltip_key: the row's key holding the cell's tooltip (TEXT cells show their whole text anyway).
        sort_key: the row's key holding the value this column sorts by (default: the shown value).
        choices: ((text, value), …): the value is stored, the text shown; edited with a drop-down.
        format: a function giving the shown text of a value, where none of the above fits.
    """

    key: str
    header: str
    kind: str = NUMBER
    editable: bool = False
    unit: str | None = None
    unit_key: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    whole: bool = False
    show_unit: bool = False
    plain: bool = False
    derived: bool = False
    tooltip_key: str | None = None
    sort_key: str | None = None
    choices: tuple[tuple[str, Any], ...] | None = None
    format: Callable[[Any], str] | None = None

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")

    @property
    def numeric(self) -> bool:
        return self.kind in (NUMBER, COUNT)

    def unit_for(self, row: Mapping[str, Any]) -> str | None:
        """The unit of this column's cell in `row`."""
        if self.unit_key is not None and row.get(self.unit_key):
            return row.get(self.unit_key)
        return self.unit

    def whole_for(self, row: Mapping[str, Any]) -> bool:
        """Whether an entry in `row` must be a whole number (a count)."""
        kind = row.get("_kind", {}).get(self.key, self.kind)
        return self.whole or kind == COUNT or is_count(self.unit_for(row))


def plain_number(value: float) -> str:
    """A number whose unit is not known: as many decimals as needed, up to 4, thousands separated."""
    if isinstance(value, int) or (float(value).is_integer() and abs(value) < 1e15):
        return f"{int(value):,}"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def plain_text(value: Any) -> str:
    """A value whose unit is not known: numbers as needed (`plain_number`), "" when missing, text as it is."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    return plain_number(value)


def number_text(value: Any, unit: str | None = None, *, whole: bool = False, show_unit: bool = False) -> str:
    """How a table shows a figure of `unit`: models.base.numfmt's way ("1,533.63", "14", "4.50"), "" if missing;
    with `show_unit` the unit follows ("4.50%"); text is shown as it is."""
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if unit:
        return format_value(value, unit, missing="") if show_unit else format_number(value, unit, missing="")
    if whole:
        return format_number(value, decimals=0, missing="")
    return plain_number(value)


def cell_text(column: Column, row: Mapping[str, Any]) -> str:
    """The text `row`'s cell in `column` shows."""
    value = row.get(column.key)
    if column.format is not None:
        return column.format(value)
    if value is None:
        return ""
    if column.kind == BADGE:
        return str(value[0]) if isinstance(value, (tuple, list)) else str(value)
    if column.choices is not None:
        return next((text for text, choice in column.choices if choice == value), str(value))
    if column.plain and isinstance(value, (int, float)) and not isinstance(value, bool) \
            and float(value).is_integer():
        return str(int(value))
    if column.kind == TEXT:
        return str(value)
    return number_text(value, column.unit_for(row), whole=column.whole_for(row), show_unit=column.show_unit)


def sort_value(column: Column, row: Mapping[str, Any]) -> Any:
    """What `row`'s cell in `column` sorts by: numbers as numbers (missing first), texts as shown."""
    if column.sort_key is not None:
        value = row.get(column.sort_key)
    elif column.kind == BADGE:
        value = cell_text(column, row)
    else:
        value = row.get(column.key)
    if value is None:
        return float("-inf") if column.numeric else ""
    if column.choices is not None and column.sort_key is None:
        return cell_text(column, row)
    return value


def columns_from_headers(headers: Sequence[str], plain: Sequence[str] = ()) -> list[Column]:
    """Columns for rows given as tuples (keys "0", "1" …): a read-only list of plain values."""
    return [Column(str(i), h, NUMBER, plain=h in plain) for i, h in enumerate(headers)]
