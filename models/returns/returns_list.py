"""The stored returns as the 企业报表 tab lists them, read again only where they changed, and the
collection of returns worked out from that list.

A row is (credit code, name, year, industry, zone, revenue, tax, employees, high-tech, batch, source
file, source sheet, source row). Returns are only ever added or removed a batch at a time (an import, its
undo, a replacing import moving rows out of older batches), so each batch's count and sum of row ids tell
which batches to read again.
"""

from __future__ import annotations

import sqlite3
from itertools import groupby
from operator import itemgetter

from .collection import MISSING_COLUMNS, Collection

COLUMNS = ("credit_code", "name", "year", "industry", "zone", "revenue", "tax", "employees", "high_tech",
           "batch_id", "source_file", "source_sheet", "source_row")
CODE, NAME, YEAR, INDUSTRY, ZONE, REVENUE = range(6)
BATCH = COLUMNS.index("batch_id")
_SELECT = f"SELECT {', '.join(COLUMNS)} FROM returns"


def batch_signature(conn: sqlite3.Connection) -> dict[int, tuple[int, int]]:
    """{batch id: (number of stored returns, sum of their row ids)}: changes whenever a batch's rows do."""
    return {batch: (n, total) for batch, n, total in
            conn.execute("SELECT batch_id, COUNT(*), SUM(id) FROM returns GROUP BY batch_id")}


def in_list_order(rows: list[tuple]) -> list[tuple]:
    """Latest year first, then by credit code (sorted in place and returned)."""
    rows.sort(key=itemgetter(CODE))
    rows.sort(key=itemgetter(YEAR), reverse=True)
    return rows


def stored_returns(conn: sqlite3.Connection, batches=None) -> list[tuple]:
    """Every stored return (or those of `batches`), latest year first, then by credit code."""
    if batches is None:
        rows = conn.execute(_SELECT).fetchall()
    else:
        batches = sorted(batches)
        rows = conn.execute(f"{_SELECT} WHERE batch_id IN ({', '.join('?' * len(batches))})", batches).fetchall() \
            if batches else []
    return in_list_order(rows)


class ReturnsList:
    """The stored returns of one park file, kept current by `refresh`.

    Attributes:
        rows: the list (see the module docstring), latest year first, then by credit code.
        signature: `batch_signature` when last read.
    """

    def __init__(self) -> None:
        self.rows: list[tuple] = []
        self.signature: dict[int, tuple[int, int]] = {}
        self._by_year: dict[int, dict[str, tuple]] | None = None

    def load(self, conn: sqlite3.Connection | None) -> None:
        """Read every row."""
        self.signature = batch_signature(conn) if conn is not None else {}
        self.rows = stored_returns(conn) if conn is not None else []
        self._by_year = None

    def by_year(self) -> dict[int, dict[str, tuple]]:
        """{year: {credit code: row}} (made once per read)."""
        if self._by_year is None:  # the rows are in year order already: one group per year
            code = itemgetter(CODE)
            self._by_year = {}
            for year, group in groupby(self.rows, key=itemgetter(YEAR)):
                group = list(group)
                self._by_year[year] = dict(zip(map(code, group), group))
        return self._by_year

    def latest_year(self) -> int | None:
        """The latest year with stored returns."""
        return self.rows[0][YEAR] if self.rows else None

    def collection(self, year: int) -> Collection:
        """The collection of `year`'s returns (see `collection_from_rows`), from the rows by year."""
        return _collection(self.by_year(), year)

    def refresh(self, conn: sqlite3.Connection) -> bool:
        """Read again the rows of the batches that changed since the last read; False when none did."""
        signature = batch_signature(conn)
        changed = {b for b in signature.keys() | self.signature.keys() if signature.get(b) != self.signature.get(b)}
        if not changed:
            return False
        kept = [r for r in self.rows if r[BATCH] not in changed]
        self.rows = in_list_order(kept + stored_returns(conn, changed & signature.keys()))
        self.signature = signature
        self._by_year = None
        return True


def collection_from_rows(rows: list[tuple], year: int) -> Collection:
    """The collection of `year`'s returns (as models.returns.collection.collection_status gives it) worked out from
    the list's rows instead of the file: who of year − 1's enterprises returned a form in `year`."""
    by_year: dict[int, dict[str, tuple]] = {}
    for r in rows:
        if r[YEAR] in (year - 1, year):
            by_year.setdefault(r[YEAR], {})[r[CODE]] = r
    return _collection(by_year, year)


def _collection(by_year: dict[int, dict[str, tuple]], year: int) -> Collection:
    before, now = by_year.get(year - 1, {}), by_year.get(year, {})
    status = Collection(year)
    status.previous = len(before)
    status.returned = len(before.keys() & now.keys())
    status.new = len(now.keys() - before.keys())
    keys = [key for key, _title in MISSING_COLUMNS]
    picks = itemgetter(*(COLUMNS.index(key) for key in keys))
    status.missing = [dict(zip(keys, picks(before[code]))) for code in sorted(before.keys() - now.keys())]
    return status
