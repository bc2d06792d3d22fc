"""The rejected rows of an import as a workbook to send back to the enterprises.

Laid out like the return form (sheet 企业报表, the form's column titles from models.store.return_form.COLUMNS)
with each rejected row's cells as the enterprise gave them, plus a 问题说明 column saying where the row came
from and every reason it was rejected. Corrected, the sheet can be imported again as it is (the reader
ignores 问题说明). Files rejected whole are listed on a second sheet 未导入的文件. Written by the one
workbook writer (models.base.xlsx_writer): text stays text, characters Excel cannot hold are dropped (说明 sheet).

`main.py import ... --rejected-xlsx OUT.xlsx` and the review dialog's 保存被拒行… write the same workbook.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..store.return_form import COLUMNS, SHEET_NAME

PROBLEM_TITLE = "问题说明"
FILES_SHEET = "未导入的文件"


def rejected_rows(result) -> list[tuple[tuple[str, str, int], dict[str, Any], list[str]]]:
    """((file, sheet, row), cells, reasons) for every rejected row of a CheckResult, in file/sheet/row order."""
    reasons: dict[tuple[str, str, int], list[str]] = {}
    for p in result.rejected:
        if p.sheet is None or p.row is None:
            continue
        reasons.setdefault((p.file, p.sheet, p.row), []).append(f"{p.column}：{p.message}" if p.column else p.message)
    keys = sorted(set(reasons) | set(result.rejected_cells), key=lambda k: (k[0], k[1], k[2]))
    return [(key, result.rejected_cells.get(key, {}), reasons.get(key, [])) for key in keys]


def _cell(value: Any) -> Any:
    if isinstance(value, bool):  # a logical cell as the user typed it (TRUE/FALSE), not 1/0
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)  # calamine reads 2023 as 2023.0
    if value == "":
        return None
    return value


def write_rejected_xlsx(path: Path | str, result):
    """Write the rejected rows of `result` (a models.returns.importer.CheckResult) to `path`; returns the writer
    (counts, notes). Raises models.base.xlsx_writer.WriteError with a Chinese message naming the file."""
    from ..base.xlsx_writer import Table, write_tables

    columns = [(c.title, "raw") for c in COLUMNS] + [(PROBLEM_TITLE, "text")]
    keys = [c.key for c in COLUMNS]

    def rows():
        for (file, sheet, row), cells, reasons in rejected_rows(result):
            where = f"来源：“{file}”工作表“{sheet}”第{row}行。"
            yield [_cell(cells.get(k)) for k in keys] + [where + "；".join(reasons)]

    widths = {len(keys): 80}
    tables = [Table(SHEET_NAME, columns, rows(), widths=widths)]
    if result.files_rejected:
        tables.append(Table(FILES_SHEET, [("文件", "text"), ("说明", "text")],
                            [(p.file, p.message) for p in result.files_rejected], widths={1: 100}))
    return write_tables(path, tables)
