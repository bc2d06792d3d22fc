"""Collection of returns (回收情况): which enterprises that returned a form last year have not returned
one this year, with the count and the rate; and that list written as an .xlsx."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


MISSING_COLUMNS = (("credit_code", "统一社会信用代码"), ("name", "企业名称"), ("industry", "所属产业"),
                   ("zone", "所属片区"), ("revenue", "上年营业收入（万元）"))


class CollectionExportError(Exception):
    """The list could not be written; str() is a Chinese message naming the file."""


@dataclass
class Collection:
    """How many of last year's enterprises returned a form in `year`.

    Attributes:
        year: the year looked at; previous: how many enterprises returned a form in year - 1.
        returned: how many of those returned one in `year` too.
        missing: the others (dicts with MISSING_COLUMNS keys, last year's figures), by credit code.
        new: enterprises returning in `year` that had not in year - 1.
    """

    year: int
    previous: int = 0
    returned: int = 0
    new: int = 0
    missing: list[dict[str, Any]] = field(default_factory=list)

    @property
    def rate(self) -> float | None:
        """Share of last year's enterprises that returned a form this year, in percent (None if none)."""
        return None if not self.previous else 100.0 * self.returned / self.previous


def collection_status(conn, year: int) -> Collection:
    status = Collection(year)
    status.previous = conn.execute("SELECT COUNT(*) FROM returns WHERE year = ?", (year - 1,)).fetchone()[0]
    status.returned = conn.execute(
        "SELECT COUNT(*) FROM returns p JOIN returns c ON c.credit_code = p.credit_code AND c.year = ?"
        " WHERE p.year = ?", (year, year - 1)).fetchone()[0]
    status.new = conn.execute(
        "SELECT COUNT(*) FROM returns c WHERE c.year = ? AND NOT EXISTS"
        " (SELECT 1 FROM returns p WHERE p.credit_code = c.credit_code AND p.year = ?)", (year, year - 1)).fetchone()[0]
    cols = ", ".join(f"p.{key}" for key, _title in MISSING_COLUMNS)
    cur = conn.execute(
        f"SELECT {cols} FROM returns p WHERE p.year = ? AND NOT EXISTS"
        " (SELECT 1 FROM returns c WHERE c.credit_code = p.credit_code AND c.year = ?) ORDER BY p.credit_code",
        (year - 1, year))
    status.missing = [dict(zip((k for k, _t in MISSING_COLUMNS), row)) for row in cur]
    return status


def write_missing_xlsx(path: Path | str, status: Collection) -> Path:
    """Write the enterprises that have not returned a form in `status.year` to an .xlsx (replacing it),
    through the one workbook writer (names always text, never formulas)."""
    from ..base.xlsx_writer import Table, WriteError, write_tables

    path = Path(path)
    rate = "—" if status.rate is None else f"{status.rate:.1f}%"
    title = (f"{status.year}年度报表回收情况：{status.year - 1}年报表企业{status.previous}家，"
             f"已回收{status.returned}家，未回收{len(status.missing)}家，回收率{rate}")
    kinds = {"revenue": "money"}
    table = Table(f"{status.year}年未回收", [(title_, kinds.get(key, "text")) for key, title_ in MISSING_COLUMNS],
                  ([item[key] for key, _title in MISSING_COLUMNS] for item in status.missing), title=title,
                  widths={0: 24, 1: 36, 2: 20, 3: 20, 4: 20})
    try:
        write_tables(path, [table])
    except WriteError as exc:
        raise CollectionExportError(str(exc)) from exc
    return path
