"""Writing the empty return form (an .xlsx) that the office sends to enterprises, with openpyxl.

The form is driven by `models.store.return_form.COLUMNS`: sheet 企业报表 with one titled column per form
column (drop-down lists for industry, zone and 是/否, Excel data validation for numbers, years, the credit
code's length and the cross-column rules), a frozen header, widths that fit the titles; sheet 填报说明
explaining every column; and a hidden sheet holding the form version and the drop-down lists.
The bounds of the data validation are those the importer applies (models.store.return_form: COUNT_MAX,
AMOUNT_MAX, TEXT_MAX). Names from a park file are written as text, never as formulas (models.base.xlsx_writer).
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..store.return_form import (AMOUNT_MAX, COLUMNS, COUNT_MAX, CROSS_RULES, FORM_VERSION, INSTRUCTIONS_SHEET,
                          LISTED_YEAR_MIN, MARKER_SHEET, SHEET_NAME, TEXT_MAX, column_help, kind_note)
from ..store.period import Period, read_period
from ..base.xlsx_writer import WriteError, clean_text, save_book, set_text

DATA_ROWS = 20_000  # rows below the header that carry the data validation
PROMPT_MAX = 255  # characters Excel allows in a data validation's input message
BOOL_VALUES = ("是", "否")


class TemplateError(Exception):
    """The form could not be written; str() is a Chinese message naming the file."""


def _display_width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


def instruction_rows(period: Period | None = None, industries: Iterable[str] | None = None,
                     zones: Iterable[str] | None = None) -> list[tuple[str, str, str, str]]:
    """(title, required, how to fill in, explanation) for every form column, in form order; the year's
    with the period's years when `period` is given, 所属产业 / 所属片区 naming `industries` / `zones` (a park
    file's) when given, else the neutral wording of the docs."""
    industries = list(industries) if industries is not None else None
    zones = list(zones) if zones is not None else None
    return [(c.title, "必填" if c.required else "选填", kind_note(c.kind, period),
             column_help(c, period, industries, zones)) for c in COLUMNS]


def cross_rule_lines() -> list[str]:
    return [f"{message}。" for _parts, _whole, message in CROSS_RULES]


def write_template(path: Path | str, industries: Iterable[str], zones: Iterable[str],
                   year: int | None = None, *, period: Period) -> Path:
    """Write the form to `path` (replacing it); `industries` and `zones` are the canonical names; the
    报告年度 is checked against `period` (the park file's: base year … target year), or is `year` when
    given (which must lie in the period)."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    path = Path(path)
    industries, zones = list(industries), list(zones)
    if year is not None and year not in period:
        from .cells import outside_period

        raise TemplateError(outside_period(year, period) + "。")
    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    letters = {c.key: get_column_letter(i + 1) for i, c in enumerate(COLUMNS)}
    bold = Font(bold=True)
    required_fill = PatternFill("solid", fgColor="FFF2CC")
    optional_fill = PatternFill("solid", fgColor="E2EFDA")
    last = DATA_ROWS + 1

    def help_text(column) -> str:
        """The column's help (naming the file's industries and zones) without characters a sheet cannot hold."""
        return clean_text(column_help(column, period, industries, zones))[0]

    for i, column in enumerate(COLUMNS, start=1):
        cell = ws.cell(row=1, column=i, value=column.title)
        cell.font = bold
        cell.fill = required_fill if column.required else optional_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=False)
        cell.comment = Comment(f"{'必填' if column.required else '选填'}。{help_text(column)}", "填报说明")
        ws.column_dimensions[letters[column.key]].width = max(10, _display_width(column.title) + 4)
    ws.freeze_panes = "C2"
    ws.column_dimensions[letters["credit_code"]].width = 24
    ws.column_dimensions[letters["name"]].width = 30
    # credit codes stay text (no scientific form, no lost leading zeros)
    ws.column_dimensions[letters["credit_code"]].number_format = "@"

    lists = wb.create_sheet(MARKER_SHEET)
    lists.sheet_state = "hidden"
    lists["A1"], lists["B1"] = "form_version", FORM_VERSION
    lists["A2"], lists["B2"] = "year", year
    lists["C1"], lists["D1"], lists["E1"] = "industries", "zones", "bool"
    for r, name in enumerate(industries, start=2):
        set_text(lists.cell(row=r, column=3), name)
    for r, name in enumerate(zones, start=2):
        set_text(lists.cell(row=r, column=4), name)
    for r, name in enumerate(BOOL_VALUES, start=2):
        lists.cell(row=r, column=5, value=name)

    def add(validation: DataValidation, key: str, title: str, message: str) -> None:
        validation.error = message
        validation.errorTitle = title
        validation.showErrorMessage = True
        prompt = help_text(COLUMNS_BY_TITLE[title])
        validation.prompt = prompt if len(prompt) <= PROMPT_MAX else prompt[:PROMPT_MAX - 1] + "…"
        validation.showInputMessage = False
        ws.add_data_validation(validation)
        validation.add(f"{letters[key]}2:{letters[key]}{last}")

    ref = f"'{MARKER_SHEET}'!$%s$2:$%s$%d"
    year_low, year_high = (year, year) if year is not None else (period.base, period.target)
    for column in COLUMNS:
        L = letters[column.key]
        if column.kind == "credit_code":
            add(DataValidation(type="textLength", operator="equal", formula1="18"), column.key, column.title,
                "统一社会信用代码应为18位。")
        elif column.kind == "year":
            add(DataValidation(type="whole", operator="between", formula1=str(year_low), formula2=str(year_high)),
                column.key, column.title,
                f"报告年度应为{year}。" if year is not None else f"报告年度应为{year_low}至{year_high}之间的整数。")
        elif column.kind == "industry":
            add(DataValidation(type="list", formula1=ref % ("C", "C", len(industries) + 1)), column.key,
                column.title, "请从下拉列表中选择所属产业。")
        elif column.kind == "zone":
            add(DataValidation(type="list", formula1=ref % ("D", "D", len(zones) + 1)), column.key,
                column.title, "请从下拉列表中选择所属片区。")
        elif column.kind == "bool":
            add(DataValidation(type="list", formula1=ref % ("E", "E", 3), allow_blank=True), column.key,
                column.title, "请填“是”或“否”。")
        elif column.kind == "amount":
            add(DataValidation(type="decimal", operator="between", formula1="0", formula2=f"{AMOUNT_MAX:.0f}",
                               allow_blank=True),
                column.key, column.title, "请填写0至10¹²（一万亿）之间的数字。")
        elif column.kind == "text":
            add(DataValidation(type="textLength", operator="lessThanOrEqual", formula1=str(TEXT_MAX)),
                column.key, column.title, f"请填写不超过{TEXT_MAX}个字的文字。")
        elif column.kind == "count":
            parts = [rule for rule in CROSS_RULES if column.key in rule[0]]
            if parts:
                rule_parts, whole, message = parts[0]
                total = "+".join(f"N({letters[k]}2)" for k in rule_parts)
                formula = (f"AND(ISNUMBER({L}2),{L}2>=0,{L}2<={COUNT_MAX},INT({L}2)={L}2,"
                           f"OR(ISBLANK({letters[whole]}2),{total}<={letters[whole]}2))")
                add(DataValidation(type="custom", formula1=formula, allow_blank=True), column.key, column.title,
                    f"请填写0至{COUNT_MAX:,}之间的整数；{message}。")
            else:
                add(DataValidation(type="whole", operator="between", formula1="0", formula2=str(COUNT_MAX),
                                   allow_blank=True),
                    column.key, column.title, f"请填写0至{COUNT_MAX:,}之间的整数。")
        elif column.kind == "listed_year":
            year_ref = f"{letters['year']}2"
            formula = f"AND(INT({L}2)={L}2,{L}2>={LISTED_YEAR_MIN},OR(ISBLANK({year_ref}),{L}2<={year_ref}))"
            add(DataValidation(type="custom", formula1=formula, allow_blank=True), column.key, column.title,
                f"上市年份应为{LISTED_YEAR_MIN}年至报告年度之间的整数，未上市留空。")

    notes = wb.create_sheet(INSTRUCTIONS_SHEET)
    heading = "企业年度报表填报说明" + (f"（{year}年度）" if year is not None else "")
    notes["A1"] = heading
    notes["A1"].font = Font(bold=True, size=14)
    notes["A2"] = (f"请在“{SHEET_NAME}”工作表中每家企业每个年度填写一行，不要修改表头。"
                   "金额单位为万元；黄色表头为必填栏目，绿色为选填栏目。")
    header = ("栏目", "是否必填", "填写要求", "说明")
    for i, text in enumerate(header, start=1):
        notes.cell(row=4, column=i, value=text).font = bold
    for r, values in enumerate(instruction_rows(period, industries, zones), start=5):
        for i, text in enumerate(values, start=1):
            cell = notes.cell(row=r, column=i)
            set_text(cell, text)  # the help names the file's industries and zones: written as text, cleaned
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    r = 5 + len(COLUMNS) + 1
    notes.cell(row=r, column=1, value="栏目间的校验").font = bold
    for line in cross_rule_lines() + [f"上市年份须在{LISTED_YEAR_MIN}年至报告年度之间。",
                                      "同一企业同一年度只填一行。"]:
        r += 1
        notes.cell(row=r, column=1, value=line)
    r += 2
    notes.cell(row=r, column=1, value="可选产业").font = bold
    set_text(notes.cell(row=r, column=2), "、".join(industries))
    notes.cell(row=r + 1, column=1, value="可选片区").font = bold
    set_text(notes.cell(row=r + 1, column=2), "、".join(zones))
    for letter, width in zip("ABCD", (28, 10, 36, 60)):
        notes.column_dimensions[letter].width = width
    notes.freeze_panes = "A5"

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        save_book(wb, path)
    except WriteError as exc:
        raise TemplateError(str(exc)) from exc
    except OSError as exc:
        from ..base.xlsx_writer import write_error_message

        raise TemplateError(write_error_message(path, exc)) from exc
    return path


COLUMNS_BY_TITLE = {c.title: c for c in COLUMNS}


def form_of(conn) -> tuple[list[str], list[str], Period]:
    """What the form of the park file open on `conn` needs: its industries, zones and period (read now, so
    the form may be written elsewhere, e.g. on a worker thread)."""
    from ..store.plan import industries, zones

    return [i.name for i in industries(conn)], [z.name for z in zones(conn)], read_period(conn)


def write_template_for(conn, path: Path | str, year: int | None = None) -> Path:
    """Write the form with the industries, zones and period of the park file open on `conn`."""
    names, places, period = form_of(conn)
    return write_template(path, names, places, year, period=period)
