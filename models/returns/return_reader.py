"""Reading filled return forms with python-calamine: find the return sheets, their header rows and columns.

`read_returns(path)` is the one entry point. It returns a `ReadResult` with, for each sheet that carries a
return header, the column of each form field and the raw cell values of every non-blank row; cells are
checked later (models.returns.importer, with models.returns.cells). A workbook with no recognisable return sheet, or one
that cannot be opened, raises `ReturnFileError` whose str() is a Chinese message naming the file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cells import normalise_title
from ..store.return_form import COLUMNS, FORM_VERSION, MARKER_SHEET

HEADER_SCAN_ROWS = 20  # workbook_guard.HEADER_ROWS allows as many rows up to the header
MIN_TITLES = 3  # a row naming at least this many form columns (one being the credit code) is a header


class ReturnFileError(Exception):
    """A workbook that cannot be read as a return. `str(error)` is the Chinese message, naming the file."""


def _title_keys() -> dict[str, str]:
    keys: dict[str, str] = {}
    for column in COLUMNS:
        keys[normalise_title(column.title)] = column.key
    for column in COLUMNS:  # the title without its unit, e.g. 营业收入 for 营业收入（万元）
        bare = column.title.split("（")[0]
        keys.setdefault(normalise_title(bare), column.key)
    return keys


TITLE_KEYS = _title_keys()
# columns the app itself adds beside the form: the rejected-rows workbook's 问题说明 (models.returns.rejected_xlsx)
IGNORED_TITLES = frozenset({normalise_title("问题说明")})


def column_letter(index: int) -> str:
    """Excel column letters of a 0-based column index (0 -> A, 26 -> AA)."""
    letters = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass
class SheetData:
    """One return sheet of a workbook.

    Attributes:
        name: the sheet's name.
        header_row: the 1-based row number of the header.
        columns: form column key -> 0-based column index on the sheet.
        rows: (1-based row number, raw cell values) for every row below the header that is not blank.
        missing: keys of required form columns the header lacks.
    """

    name: str
    header_row: int
    columns: dict[str, int]
    rows: list[tuple[int, list[Any]]] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)


@dataclass
class ReadResult:
    """What `read_returns` found in one workbook.

    Attributes:
        path: the file read.
        sheets: its return sheets (at least one).
        warnings: remarks for the user (extra columns ignored, a different form version…), in Chinese.
        cells: number of cells read (for the benchmark).
    """

    path: Path
    sheets: list[SheetData]
    warnings: list[str] = field(default_factory=list)
    cells: int = 0


def find_header(rows: list[list[Any]]) -> tuple[int, dict[str, int], list[tuple[int, str, str]]] | None:
    """(0-based row index, {key: column index}, [(column index, ignored title, why)]) of the header row among the
    first HEADER_SCAN_ROWS rows, or None when no row names the credit code and MIN_TITLES form columns."""
    best = None
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found: dict[str, int] = {}
        unknown: list[tuple[int, str, str]] = []
        for c, value in enumerate(row):
            if value is None or value == "":
                continue
            title = normalise_title(value)
            key = TITLE_KEYS.get(title)
            if key is None:
                if title not in IGNORED_TITLES:
                    unknown.append((c, str(value).strip(), "不是报表栏目"))
            elif key not in found:
                found[key] = c
            else:  # the same column twice: the first is read
                unknown.append((c, str(value).strip(), f"与{column_letter(found[key])}列重复"))
        if "credit_code" in found and len(found) >= MIN_TITLES and (best is None or len(found) > len(best[1])):
            best = (r, found, unknown)
    return best


def _is_blank_row(row: list[Any]) -> bool:
    """No value in the row: only '', None or text of spaces (a 0 is a value)."""
    first = next(filter(None, row), None)  # the first truthy cell, found at C speed
    if first is None:
        return row.count("") + row.count(None) == len(row)
    if not isinstance(first, str) or first.strip():
        return False
    for value in row:
        if value is not None and value != "" and (not isinstance(value, str) or value.strip()):
            return False
    return True


def read_returns(path: Path | str, display: str | None = None) -> ReadResult:
    """Read every return sheet of the workbook at `path`; `display` is the file's name in messages.

    Raises ReturnFileError (Chinese message naming the file) when the workbook cannot be opened or has
    no sheet with a recognisable return header.
    """
    path = Path(path)
    shown = display or path.name
    from .workbook_guard import MAX_ROWS, WorkbookRejected, check_workbook

    try:  # before any parser sees the bytes: bombs, entities, renamed/legacy/encrypted files (issue 8)
        guard = check_workbook(path, shown)
    except WorkbookRejected as exc:
        raise ReturnFileError(str(exc)) from None
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except Exception as exc:  # calamine raises its own errors and OSError; all mean "cannot open"
        raise ReturnFileError(f"无法打开“{shown}”：文件已损坏、加密或不是Excel工作簿（{_short(exc)}）。") from None
    result = ReadResult(path=path, sheets=[])
    hidden = [s for s, state in guard.sheets.items() if state != "visible"]
    own_marker_only = hidden == [MARKER_SHEET]  # our template's hidden version sheet is no news to the user
    result.warnings.extend(n for n in guard.notes if not (own_marker_only and MARKER_SHEET in n))
    problems: list[str] = []
    try:
        names = list(workbook.sheet_names)
        for name in names:
            try:
                rows = workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
            except Exception as exc:
                problems.append(f"工作表“{name}”无法读取（{_short(exc)}）")
                continue
            header = find_header(rows)
            if header is None:
                continue
            r, columns, unknown = header
            for c, title, reason in unknown:
                result.warnings.append(f"“{shown}”工作表“{name}”第{r + 1}行{column_letter(c)}列“{title}”"
                                       f"{reason}，已忽略。")
            sheet = SheetData(name=name, header_row=r + 1, columns=columns)
            sheet.missing = [c.key for c in COLUMNS if c.required and c.key not in columns]
            width = max(columns.values()) + 1
            for offset, row in enumerate(rows[r + 1:], start=r + 2):
                cells = row if len(row) == width else row[:width]  # no copy of a row that is already as wide
                if not _is_blank_row(cells):
                    if len(cells) < width:
                        cells = cells + [None] * (width - len(cells))
                    sheet.rows.append((offset, cells))
            if len(sheet.rows) > MAX_ROWS:
                raise ReturnFileError(
                    f"“{shown}”的工作表“{name}”第{r + 1}行表头下有{len(sheet.rows)}行数据，超过导入上限{MAX_ROWS}行。"
                    "请分成几个文件导入。该文件未导入。")
            result.cells += len(sheet.rows) * width
            result.sheets.append(sheet)
        version = _form_version(workbook, names)
        if version is not None and version != FORM_VERSION:
            result.warnings.append(f"“{shown}”使用的报表版本为{version}，当前版本为{FORM_VERSION}，请核对栏目。")
    finally:
        try:
            workbook.close()
        except Exception:
            pass
    if not result.sheets:
        detail = "；".join(problems)
        raise ReturnFileError(
            f"“{shown}”中没有可识别的企业报表工作表（前{HEADER_SCAN_ROWS}行内未找到含“统一社会信用代码”等栏目的表头）"
            + (f"：{detail}" if detail else "") + "。该文件未导入。")
    return result


def _form_version(workbook: Any, names: list[str]) -> str | None:
    """The form version written by models.returns.return_template in its hidden marker sheet, if present."""
    if MARKER_SHEET not in names:
        return None
    try:
        rows = workbook.get_sheet_by_name(MARKER_SHEET).to_python()
        for row in rows:
            if len(row) >= 2 and row[0] == "form_version":
                value = row[1]
                return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)
    except Exception:
        return None
    return None


def _short(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text if len(text) <= 120 else text[:119] + "…"
