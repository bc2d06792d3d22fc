"""One way of writing numbers, by unit: tables, charts, the report and the Excel export all call this.

The rules (issue 17):

========================  ==========  ==============================================
unit                      decimals    example
========================  ==========  ==============================================
亿元, 元                    2           1,533.63亿元
万元                        0           12,346万元
家 个 件 项 人 人次 名 …      0           14家 (a projection of 13.75 is still 14)
%                          2           4.50%
个百分点                    2           0.07个百分点
吨标准煤/万元               4           0.0290吨标准煤/万元
吨标准煤, 万人, 平方公里 …   2           10.20平方公里
年                         0           2025 (never 2,025)
anything else              2 (0 for a Python int)
========================  ==========  ==============================================

- Decimals are fixed (1,533.60, not 1,533.6) so a column reads evenly; rounding is half up (四舍五入)
  on the decimal digits as written (2.675 → 2.68), and -0.00 prints as 0.00.
- Thousands are always separated with a comma from 1,000 up ("1,533.63"), in Chinese and in English.
- A number and its unit are joined without a space in Chinese ("85件") and with a no-break space
  (U+00A0) in English ("85\u00a0patents" never wraps); the minus sign is "-".
- A missing figure is "—".
- Excel: `excel_format(unit)` is the number format showing the same decimals ("#,##0.00" for 亿元).
- Changes: `growth_text` for a growth rate (增长1.90% / 下降1.90% / 持平 — never 增长-1.90%),
  `points_text` for a change of a percentage (提高0.07个百分点 / 降低0.07个百分点), `change_text` picks
  between them from the unit, `difference_text` for an absolute change (增加3家 / 减少12.30亿元).

Pure Python: no Qt, no matplotlib.
"""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

MISSING = "—"
NBSP = "\u00a0"
PERCENT = "%"
POINTS = "个百分点"

COUNT_UNITS = frozenset({"家", "个", "件", "项", "人", "人次", "名", "户", "次", "篇", "座", "所", "位", "部"})
UNIT_DECIMALS: dict[str, int] = {
    "亿元": 2,
    "元": 2,
    "万元": 0,
    PERCENT: 2,
    "％": 2,
    POINTS: 2,
    "吨标准煤/万元": 4,
    "吨标准煤": 2,
    "万人": 2,
    "平方公里": 2,
    "万平方米": 2,
    "倍": 2,
    "年": 0,
    "件/万人": 1,
    **{unit: 0 for unit in COUNT_UNITS},
}
# Units whose figures are not grouped by thousands (a year is 2025, not 2,025).
UNGROUPED_UNITS = frozenset({"年"})

# The English for a unit, written after the number with a no-break space ("" = the number alone).
UNIT_EN: dict[str, str] = {
    "亿元": "100M yuan",
    "元": "yuan",
    "万元": "10k yuan",
    PERCENT: "%",
    "％": "%",
    POINTS: "percentage points",
    "吨标准煤/万元": "tce/10k yuan",
    "吨标准煤": "tce",
    "万人": "10k people",
    "平方公里": "km²",
    "万平方米": "10k m²",
    "倍": "times",
    "年": "",
    "件/万人": "per 10k people",
    "家": "",
    "个": "",
    "件": "",
    "项": "",
    "人": "people",
    "人次": "person-times",
    "名": "people",
    "户": "households",
    "次": "times",
    "篇": "",
    "座": "",
    "所": "",
    "位": "people",
    "部": "",
}


def decimals_for(unit: str | None, value: object = None) -> int:
    """How many decimals a figure in `unit` shows (see the table in the module's docstring)."""
    unit = (unit or "").strip()
    if unit in UNIT_DECIMALS:
        return UNIT_DECIMALS[unit]
    if isinstance(value, int) and not isinstance(value, bool):
        return 0
    return 2


def figure_unit(name: str | None, unit: str | None) -> str:
    """The unit a named figure is formatted by. A count unit of a per-capita figure is a ratio, not a count:
    每万人发明专利拥有量 is 93.5 件 per 10,000 people, shown 93.5, never rounded to 94 like a count of 件."""
    unit = (unit or "").strip()
    if (name or "").startswith("每万人") and unit in COUNT_UNITS:
        return f"{unit}/万人"
    return unit


def is_count(unit: str | None) -> bool:
    """True for units of things counted one by one (家, 件, 人 …): shown whole, projections too."""
    return (unit or "").strip() in COUNT_UNITS


def is_percent(unit: str | None) -> bool:
    return (unit or "").strip() in (PERCENT, "％")


def _finite(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)


def round_half_up(value: float, decimals: int) -> Decimal:
    """`value` rounded half up to `decimals` places, from its shortest decimal form (2.675 → 2.68)."""
    try:
        exact = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        result = exact.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    except (InvalidOperation, ValueError):  # astronomically large: no rounding needed at this size
        result = Decimal(repr(value))
    return result if result else abs(result)  # -0.00 → 0.00


def format_number(value: float | None, unit: str | None = None, *, decimals: int | None = None,
                  missing: str = MISSING) -> str:
    """The figure alone, written the one way for its unit: "1,533.63", "14", "4.50"; `missing` if None.

    `decimals` overrides the unit's rule (use it only where the unit is not known).
    """
    if not _finite(value):
        return missing
    places = decimals_for(unit, value) if decimals is None else decimals
    rounded = round_half_up(value, places)
    if (unit or "").strip() in UNGROUPED_UNITS:
        return f"{rounded:.{places}f}"
    return f"{rounded:,.{places}f}"


def excel_format(unit: str | None, value: object = None) -> str:
    """The Excel number format that shows a figure of `unit` the same way: "#,##0.00" for 亿元,
    "#,##0" for 万元 and counts, "#,##0.0000" for 吨标准煤/万元, "0" for years (the cell keeps its number)."""
    places = decimals_for(unit, value)
    if (unit or "").strip() in UNGROUPED_UNITS:
        return "0"
    return "#,##0" + ("." + "0" * places if places else "")


def unit_text(unit: str | None, language: str = "zh") -> str:
    """The unit as written after a number in `language` ("zh" or "en")."""
    unit = (unit or "").strip()
    if language == "en":
        return UNIT_EN.get(unit, unit)
    return unit


def format_value(value: float | None, unit: str | None, *, language: str = "zh",
                 missing: str = MISSING) -> str:
    """The figure with its unit, never broken across lines: "1,533.63亿元", "4.50%", "14家";
    in English "1,533.63\u00a0100M yuan", "4.50%", "14"; `missing` (no unit) if None."""
    if not _finite(value):
        return missing
    number = format_number(value, unit)
    suffix = unit_text(unit, language)
    if not suffix:
        return number
    if language == "en" and suffix not in (PERCENT, "％"):
        return number + NBSP + suffix.replace(" ", NBSP)
    return number + suffix


def format_share(share: float | None, *, missing: str = MISSING) -> str:
    """A share given as a fraction (0.524) as a percentage: "52.40%"."""
    return format_value(share * 100 if _finite(share) else None, PERCENT, missing=missing)


def _sign(value: float, unit: str | None) -> int:
    """The sign of `value` after rounding it as it is printed (0 when it prints as zero)."""
    rounded = round_half_up(value, decimals_for(unit, value))
    return (rounded > 0) - (rounded < 0)


_WORDS = {
    # what changes: (up, down, unchanged) in Chinese and in English
    "growth": (("增长", "下降", "持平"), ("up ", "down ", "unchanged")),
    "points": (("提高", "降低", "持平"), ("up ", "down ", "unchanged")),
    "amount": (("增加", "减少", "持平"), ("up ", "down ", "unchanged")),
}


def _change(value: float | None, unit: str, words: str, language: str, missing: str) -> str:
    if not _finite(value):
        return missing
    zh, en = _WORDS[words]
    up, down, same = en if language == "en" else zh
    sign = _sign(value, unit)
    if sign == 0:
        return same
    text = format_value(abs(value), unit, language=language)
    return (up if sign > 0 else down) + text


def growth_text(rate: float | None, *, language: str = "zh", missing: str = MISSING) -> str:
    """A growth rate in per cent (1.9 for 1.9%): "增长1.90%", "下降1.90%", "持平" when it rounds to 0."""
    return _change(rate, PERCENT, "growth", language, missing)


def points_text(points: float | None, *, language: str = "zh", missing: str = MISSING) -> str:
    """A change of a percentage, in percentage points: "提高0.07个百分点", "降低0.07个百分点", "持平"."""
    return _change(points, POINTS, "points", language, missing)


def difference_text(delta: float | None, unit: str, *, language: str = "zh", missing: str = MISSING) -> str:
    """An absolute change in `unit`: "增加3家", "减少12.30亿元", "持平". For a unit of % this is a change
    in percentage points ("提高0.07个百分点")."""
    if is_percent(unit):
        return points_text(delta, language=language, missing=missing)
    return _change(delta, unit, "amount", language, missing)


def change_text(old: float | None, new: float | None, unit: str | None, *, language: str = "zh",
                missing: str = MISSING) -> str:
    """How a figure moved from `old` to `new`: a percentage moves in percentage points ("提高0.07个百分点"),
    anything else by its growth rate ("增长1.90%", "下降1.90%"); `missing` when either is missing or `old`
    is 0 (no rate can be given)."""
    if not (_finite(old) and _finite(new)):
        return missing
    if is_percent(unit):
        return points_text(new - old, language=language, missing=missing)
    if old == 0:
        return missing
    return growth_text((new - old) / abs(old) * 100, language=language, missing=missing)


def needed_per_year_text(points: float | None, unit: str | None, *, language: str = "zh",
                         missing: str = MISSING) -> str:
    """What must be added each year to reach a target, in the indicator's terms: a percentage needs
    "0.07个百分点", other units their own ("23家", "1.25亿元")."""
    return format_value(points, POINTS if is_percent(unit) else unit, language=language, missing=missing)


def json_number(value: float | None, decimals: int = 6) -> float | int | None:
    """A figure for JSON: rounded to hide float noise (294.40000000000003), whole numbers as int."""
    if value is None:
        return None
    value = round(float(value), decimals)
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


__all__ = [
    "json_number",
    "figure_unit",
    "COUNT_UNITS",
    "MISSING",
    "NBSP",
    "PERCENT",
    "POINTS",
    "UNIT_DECIMALS",
    "UNIT_EN",
    "change_text",
    "decimals_for",
    "difference_text",
    "excel_format",
    "format_number",
    "format_share",
    "format_value",
    "growth_text",
    "is_count",
    "is_percent",
    "needed_per_year_text",
    "points_text",
    "round_half_up",
    "unit_text",
]
