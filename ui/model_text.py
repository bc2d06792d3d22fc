"""English for the Chinese messages `models` produce, when the window speaks English.

`models` write their messages in Chinese (the command line and the reports are Chinese). The window, in
English, passes them through `shown(message)`: a table of patterns (Chinese message → English template,
the quoted values and numbers carried over) turns the known ones into English; any other message is shown
as it is. Plan names inside the messages (files, sheets, enterprises, indicators) stay as written.

Covered: the import's cell messages (models.returns.cells), file-level import messages (models.returns.importer), the
places they name (“a.xlsx”工作表“企业报表”第3行) and the common ends (该文件未导入). Add a pattern here
when a new message should read in English.

Tables call `unit_text(unit)` for a unit shown on its own (a 单位 column: 家 → firms, 亿元 → 100M yuan)
and `target_text(text)` for an indicator's 目标 text (与区经济发展保持同步 → In step with the district's
economy, 五年累计新增15 → 15 more in five years); both give the text unchanged in Chinese. `gap_text`
does the same for models.planning.progress.gap_text (差1家 → 1 short).
"""

from __future__ import annotations

import re

from models.base.numfmt import UNIT_EN
from models.output.chart_words import QUALIFIERS, UNIT_WORDS, unit_english
from ui.i18n import is_chinese

_Q = r"“(?P<{}>[^”]*)”"


def _p(template: str) -> re.Pattern:
    """A pattern from a template whose {name} are quoted values (“…”) and <name> free text or numbers."""
    out, pos = [], 0
    for m in re.finditer(r"\{(\w+)\}|<(\w+)>", template):
        out.append(re.escape(template[pos:m.start()]))
        out.append(_Q.format(m.group(1)) if m.group(1) else rf"(?P<{m.group(2)}>.+?)")
        pos = m.end()
    out.append(re.escape(template[pos:]))
    return re.compile("".join(out))


# (Chinese message pattern, English) — matched whole, in this order; English uses {name} for the parts.
MESSAGES: list[tuple[re.Pattern, str]] = [
    (_p("{value}不是有效数字"), "“{value}” is not a valid number"),
    (_p("{value}不是数字"), "“{value}” is not a number"),
    (_p("{value}过大，不是有效数字"), "“{value}” is too large to be a valid number"),
    (_p("{value}是逻辑值，应填写数字"), "“{value}” is a logical value; enter a number"),
    (_p("{value}为负数，金额和数量不得为负"), "“{value}” is negative; amounts and quantities cannot be negative"),
    (_p("{value}超出范围，金额和数量不得超过10¹²（一万亿）"),
     "“{value}” is out of range; amounts and quantities cannot exceed 10¹² (one trillion)"),
    (_p("{value}为负数，人数和件数不得为负"), "“{value}” is negative; counts cannot be negative"),
    (_p("{value}不是整数，人数和件数须为整数"), "“{value}” is not a whole number; counts must be whole numbers"),
    (_p("{value}不是年份"), "“{value}” is not a year"),
    (_p("{value}应填“是”或“否”"), "“{value}”: enter “是” (yes) or “否” (no)"),
    (_p("{value}没有可见的文字"), "“{value}” has no visible text"),
    (_p("统一社会信用代码{value}应为18位（现为<n>位）"),
     "Credit code “{value}” must have 18 characters (it has {n})"),
    (_p("工作表缺少必填栏目{title}"), "The sheet lacks the required column “{title}”"),
    (_p("无法读取{file}：<reason>。"), "Cannot read “{file}”: {reason}."),
    (_p("{file}：该文件已于<date>作为第<batch>批导入。"),
     "“{file}”: this file was already imported on {date}, as batch {batch}."),
    (_p("{file}的工作表<sheets>只有表头，没有填报数据。该文件未导入。"),
     "The sheets {sheets} of “{file}” hold only the header, no data. The file was not imported."),
    (_p("企业<code>的<year>年度报表在本批中重复（另见<others>），均不导入"),
     "The {year} return of enterprise {code} appears more than once in this batch (see also {others}); "
     "none is imported"),
]
# A place prefixed to a message: “a.xlsx”工作表“企业报表”第3行：…
_PLACE = re.compile(r"^“(?P<file>[^”]*)”(?:工作表“(?P<sheet>[^”]*)”)?(?:第(?P<row>\d+)行)?[：:](?P<rest>.*)$", re.S)
_COLUMN = re.compile(r"^(?P<letter>[A-Z]+)列“(?P<title>[^”]*)”$")


def english(message: str) -> str:
    """The English of a models' Chinese message, or the message unchanged when it is not in the table."""
    text = message.strip()
    for pattern, english_text in MESSAGES:
        m = pattern.fullmatch(text)
        if m:
            return english_text.format(**m.groupdict())
    place = _PLACE.match(text)
    if place and place.group("rest") and english(place.group("rest")) != place.group("rest"):
        where = [f"“{place.group('file')}”"]
        if place.group("sheet"):
            where.append(f"sheet “{place.group('sheet')}”")
        if place.group("row"):
            where.append(f"row {place.group('row')}")
        return ", ".join(where) + ": " + english(place.group("rest"))
    return message


def column(label: str | None) -> str | None:
    """A column as the importer names it ("C列“营业收入（万元）”") in English ("column C “营业收入（万元）”")."""
    if not label or is_chinese():
        return label
    m = _COLUMN.fullmatch(label)
    return f"column {m.group('letter')} “{m.group('title')}”" if m else label


_CN_DIGITS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMBER_WORDS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _cn_number(text: str) -> int | None:
    """五 → 5, 十 → 10, 十五 → 15, 二十 → 20 (1…99), digits as they are; None otherwise."""
    if text.isdigit():
        return int(text)
    if text and all(ch in _CN_DIGITS for ch in text) and len(text) == 1:
        return _CN_DIGITS[text]
    m = re.fullmatch(r"([二三四五六七八九])?十([一二三四五六七八九])?", text)
    if m:
        return _CN_DIGITS.get(m.group(1) or "一", 1) * 10 + (_CN_DIGITS[m.group(2)] if m.group(2) else 0)
    return None


def _years(text: str) -> str:
    n = _cn_number(text)
    if n is None:
        return text + " years"
    return f"{_NUMBER_WORDS[n] if n < len(_NUMBER_WORDS) else n} year{'s' if n != 1 else ''}"


_NUM = r"(?P<n>[\d,.]+)(?P<unit>[^\d\s]*)"
# (target text pattern, English maker) — whole matches, in order; a bare number ("4.5", "480") stays as it is.
TARGETS: list[tuple[re.Pattern, object]] = [
    (re.compile(r"与区经济发展保持同步"), lambda m: "In step with the district's economy"),
    (re.compile(r"与(?P<what>.+?)(?:增长)?保持同步"), lambda m: f"In step with {m.group('what')}"),
    (re.compile(r"完成市下达指标"), lambda m: "Meet the target set by the city"),
    (re.compile(r"完成区下达指标"), lambda m: "Meet the target set by the district"),
    (re.compile(r"完成(?:上级)?下达(?:的)?指标"), lambda m: "Meet the assigned target"),
    (re.compile(r"(?P<y>[一二三四五六七八九十\d]+)年累计新增" + _NUM),
     lambda m: f"{m.group('n')}{_after(m.group('unit'))} more in {_years(m.group('y'))}"),
    (re.compile(r"累计新增" + _NUM), lambda m: f"{m.group('n')}{_after(m.group('unit'))} more in total"),
    (re.compile(r"(?:不低于|不少于|至少|≥)" + _NUM), lambda m: f"At least {m.group('n')}{_after(m.group('unit'))}"),
    (re.compile(r"(?:不高于|不超过|不多于|≤)" + _NUM), lambda m: f"At most {m.group('n')}{_after(m.group('unit'))}"),
    (re.compile(r"(?:达到|力争达到)" + _NUM), lambda m: f"Reach {m.group('n')}{_after(m.group('unit'))}"),
    (re.compile(r"(?:下降|降低)" + _NUM), lambda m: f"Down {m.group('n')}{_after(m.group('unit'))}"),
    (re.compile(r"(?:增长|提高)" + _NUM), lambda m: f"Up {m.group('n')}{_after(m.group('unit'))}"),
    (re.compile(r"保持稳定"), lambda m: "Hold steady"),
]


def _after(unit: str) -> str:
    """A unit after a number in English: "%" joined, a counted thing after a space, nothing for none."""
    if not unit:
        return ""
    if unit in ("%", "％"):
        return "%"
    english_unit = UNIT_EN[unit] if unit in UNIT_EN else unit_english(unit)  # a count stays bare: "1 short"
    return " " + english_unit if english_unit else ""


def target_english(text: str | None) -> str | None:
    """The English of an indicator's target text (see TARGETS); a number, or a text not in the table, as it
    is (a plan's own wording may stay Chinese)."""
    if not text:
        return text
    stripped = text.strip()
    for pattern, make in TARGETS:
        m = pattern.fullmatch(stripped)
        if m:
            return make(m)
    return text


_GAPS: list[tuple[re.Pattern, str]] = [
    (re.compile("达到目标"), "Target reached"),
    (re.compile("增速持平"), "Growth level with the district"),
    (re.compile(r"增速高出(?P<n>[\d,.]+)个百分点"), "Growth {n} pp above"),
    (re.compile(r"增速差(?P<n>[\d,.]+)个百分点"), "Growth {n} pp below"),
    (re.compile(r"超出目标" + _NUM), "{n}{unit} above target"),
    (re.compile(r"高于目标" + _NUM), "{n}{unit} above target"),
    (re.compile(r"低于目标" + _NUM), "{n}{unit} below target"),
    (re.compile(r"差" + _NUM), "{n}{unit} short"),
]


def gap_english(text: str | None) -> str | None:
    """The English of models.planning.progress.gap_text: 差1家 → 1 short, 超出目标2.3亿元 → 2.3 100M yuan above
    target, 增速差0.5个百分点 → Growth 0.5 pp below; anything else as it is."""
    if not text:
        return text
    for pattern, english_text in _GAPS:
        m = pattern.fullmatch(text.strip())
        if m:
            parts = m.groupdict()
            if "unit" in parts:
                parts["unit"] = _after(parts["unit"])
            return english_text.format(**parts)
    return text


def unit_text(unit: str | None) -> str:
    """A unit shown on its own in a table, in the window's language (家 / firms); "" for none.
    Fits widgets.columns.Column(format=unit_text): the row keeps the unit its numbers are formatted by."""
    return (unit if is_chinese() else unit_english(unit)) or ""


def unit_suffix(unit: str | None) -> str:
    """A unit after a name in a title, in the window's language: "（亿元）" in Chinese, " (100M yuan)" in
    English; "" for none."""
    if not unit:
        return ""
    return f"（{unit}）" if is_chinese() else f" ({unit_english(unit)})"


def target_text(text: str | None) -> str:
    """An indicator's target text in the window's language (五年累计新增15 / 15 more in five years)."""
    return (text if is_chinese() else target_english(text)) or ""


def gap_text(text: str | None) -> str:
    """A gap (models.planning.progress.gap_text) in the window's language (差1家 / 1 short); "" for none."""
    return (text if is_chinese() else gap_english(text)) or ""


# What a baseline figure stands for (models.planning.figures.BASELINE_CAVEATS), in English.
CAVEATS: dict[str, str] = {
    "规模以上企业口径": "Enterprises above designated size",
    "规划所列“15个外资研发中心”，暂作基期值，待区确认":
        "The plan's “15 foreign R&D centres”, taken as the baseline until the district confirms",
}


def caveat_text(text: str | None) -> str:
    """A baseline's basis (规模以上企业口径) in the window's language; an unknown one as it is; "" for none."""
    if not text or is_chinese():
        return text or ""
    return CAVEATS.get(text.strip(), text)


def qualified_text(value: float | None, qualifier: str | None) -> str:
    """A plan figure with its qualifier in the window's language: 约10.2 / about 10.2, 200余 / over 200."""
    from models.planning.facts import number_text, with_qualifier

    if is_chinese() or not qualifier or value is None or qualifier not in QUALIFIERS:
        return with_qualifier(value, qualifier)
    return f"{QUALIFIERS[qualifier]} {number_text(value)}"


def shown(message: str | None) -> str | None:
    """`message` in the window's language: as it is in Chinese, through `english` in English."""
    if message is None or is_chinese():
        return message
    return english(message)


__all__ = ["CAVEATS", "MESSAGES", "QUALIFIERS", "caveat_text", "qualified_text", "TARGETS", "UNIT_WORDS", "column", "english", "gap_english", "gap_text", "shown",
           "target_english", "target_text", "unit_english", "unit_suffix", "unit_text"]
