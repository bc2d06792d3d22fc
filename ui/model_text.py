"""English for the Chinese messages `models` produce, when the window speaks English.

`models` write their messages in Chinese (the command line and the reports are Chinese). The window, in
English, passes them through `shown(message)`: a table of patterns (Chinese message → English template,
the quoted values and numbers carried over) turns the known ones into English; any other message is shown
as it is. Plan names inside the messages (files, sheets, enterprises, indicators) stay as written.

Covered: the import's cell messages (models.cells), file-level import messages (models.importer), the
places they name (“a.xlsx”工作表“企业报表”第3行) and the common ends (该文件未导入). Add a pattern here
when a new message should read in English.
"""

from __future__ import annotations

import re

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


def shown(message: str | None) -> str | None:
    """`message` in the window's language: as it is in Chinese, through `english` in English."""
    if message is None or is_chinese():
        return message
    return english(message)


__all__ = ["MESSAGES", "column", "english", "shown"]
