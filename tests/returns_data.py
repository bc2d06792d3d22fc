"""Building filled return workbooks for tests and the benchmark: rows of form values written with
openpyxl or XlsxWriter, with the header anywhere, columns in any order, retyped titles, extra columns."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Sequence

from models.returns.cells import make_credit_code
from models.store.return_form import COLUMNS, SHEET_NAME

KEYS = [c.key for c in COLUMNS]
TITLES = {c.key: c.title for c in COLUMNS}
INDUSTRIES = ("航空服务业", "人工智能产业", "金融服务业", "信息服务")
ZONES = ("东部中山公园片区", "中部虹桥片区", "西部临空片区")


def code(n: int) -> str:
    """A valid credit code numbered n."""
    return make_credit_code(f"91310105MA{n:07d}")


def row(n: int, year: int = 2023, **changes: Any) -> dict[str, Any]:
    """A valid return row for enterprise n: every figure worked out from n so tests can sum by hand."""
    values = {
        "credit_code": code(n), "name": f"测试企业{n}有限公司", "year": year,
        "industry": INDUSTRIES[n % len(INDUSTRIES)], "zone": ZONES[n % len(ZONES)],
        "revenue": 1000 + n, "tax": 100 + n, "rd_expense": 50 + n, "value_added": 400 + n, "energy": 20 + n,
        "employees": 100 + n, "returnees": 3, "foreign_staff": 2, "invention_patents": 4, "patent_apps": 6,
        "invention_apps": 2, "patent_grants": 5, "invention_grants": 1, "tech_contract": 10 * n,
        "high_tech": "是" if n % 2 else "否", "listed_year": None, "mnc_rd": "否",
    }
    values.update(changes)
    return values


def write_openpyxl(path: Path, rows: Iterable[dict[str, Any]], *, keys: Sequence[str] = KEYS,
                   titles: dict[str, str] | None = None, header_row: int = 1, sheet: str = SHEET_NAME,
                   extra: dict[str, Any] | None = None, before: Sequence[Sequence[Any]] = ()) -> Path:
    """Write rows with openpyxl; `titles` overrides header titles, `extra` adds columns (title: value),
    `before` puts rows above the header (which then sits on `header_row`)."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for r, line in enumerate(before, start=1):
        for c, value in enumerate(line, start=1):
            ws.cell(row=r, column=c, value=value)
    header = [(titles or {}).get(k, TITLES[k]) for k in keys] + list((extra or {}).keys())
    for c, title in enumerate(header, start=1):
        ws.cell(row=header_row, column=c, value=title)
    for r, values in enumerate(rows, start=header_row + 1):
        line = [values.get(k) for k in keys] + list((extra or {}).values())
        for c, value in enumerate(line, start=1):
            if value is not None:
                ws.cell(row=r, column=c, value=value)
    wb.save(path)
    return path


def write_xlsxwriter(path: Path, rows: Iterable[dict[str, Any]], *, keys: Sequence[str] = KEYS,
                     titles: dict[str, str] | None = None, header_row: int = 1, sheet: str = SHEET_NAME,
                     extra: dict[str, Any] | None = None) -> Path:
    """The same with XlsxWriter (another writer: shared strings, its own number and text cells)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(sheet)
    header = [(titles or {}).get(k, TITLES[k]) for k in keys] + list((extra or {}).keys())
    ws.write_row(header_row - 1, 0, header)
    for r, values in enumerate(rows, start=header_row):
        line = [values.get(k) for k in keys] + list((extra or {}).values())
        for c, value in enumerate(line):
            if value is None:
                continue
            if isinstance(value, str):
                ws.write_string(r, c, value)
            else:
                ws.write_number(r, c, value)
    wb.close()
    return path
