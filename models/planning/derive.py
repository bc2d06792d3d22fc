"""Figures derived from accepted enterprise returns, per year (sums skip blanks).

Money in the returns is in 万元 and is given here in 亿元. A figure is None when no return of that year
gives it (never 0 for "nothing known"); a count over returns that exist but say 否 is 0.
"""

from __future__ import annotations

from typing import Any

from .derivation import Derivation, derive, parse
from ..store.period import Period, read_period
from ..store.plan import INDUSTRY_FIELDS

WAN_PER_YI = 10_000  # 万元 in one 亿元

# Each year's returns and its staff sums: all the talent tab derives per year (the indicators derive from
# their own 报表口径, models.planning.derivation).
_YEAR_SQL = "SELECT year, COUNT(*), SUM(employees), SUM(returnees), SUM(foreign_staff) FROM returns GROUP BY year"


def _yi(value: float | None) -> float | None:
    return None if value is None else value / WAN_PER_YI


def year_totals(conn) -> dict[int, dict[str, Any]]:
    """Each year's number of returns and sums of employees, returnees and foreign staff."""
    return {year: dict(returns=n, employees=employees, returnees=returnees, foreign_staff=foreign)
            for year, n, employees, returnees, foreign in conn.execute(_YEAR_SQL)}


def indicator_derivations(conn) -> dict[str, Derivation | None]:
    """{indicator code: its parsed 报表口径 (None: official figures only)}, parsed against the file's
    reference series; a text the app does not know raises derivation.DerivationError (Chinese)."""
    refs = {code for code, in conn.execute("SELECT code FROM reference_series")}
    return {code: parse(text, refs) for code, text in
            conn.execute("SELECT code, derivation FROM indicators ORDER BY seq")}


def indicator_derived(conn, period: Period | None = None) -> dict[str, dict[int, float | None]]:
    """{indicator code: {year: derived value or None}} for every indicator, over the file's period,
    each by its 报表口径 (`indicators.derivation`)."""
    period = read_period(conn) if period is None else period
    return derive(conn, indicator_derivations(conn), period.years)


def group_derived(conn, by: str) -> dict[str, dict[int, dict[str, float | None]]]:
    """Per industry (`by="industry"`) or zone (`by="zone"`): {name: {year: {field: value}}}.

    Fields are INDUSTRY_FIELDS: enterprises, revenue (亿元), tax (亿元), high_tech, rd_expense (亿元),
    employees. Names or years without returns are absent.
    """
    if by not in ("industry", "zone"):
        raise ValueError(by)
    out: dict[str, dict[int, dict[str, float | None]]] = {}
    sql = (f"SELECT {by}, year, COUNT(*), SUM(revenue), SUM(tax), SUM(high_tech = 1), SUM(rd_expense),"
           f" SUM(employees) FROM returns GROUP BY {by}, year")
    for name, year, n, revenue, tax, high_tech, rd, employees in conn.execute(sql):
        values = (n, _yi(revenue), _yi(tax), high_tech, _yi(rd), employees)
        out.setdefault(name, {})[year] = dict(zip(INDUSTRY_FIELDS, values))
    return out


def talent_derived(conn, period: Period | None = None) -> dict[str, dict[int, float | None]]:
    """Returnees and foreign residents among employees, summed from returns: {code: {year: value}} over the
    file's period."""
    years = (read_period(conn) if period is None else period).years
    totals = year_totals(conn)
    return {
        "returnees": {y: totals[y]["returnees"] if y in totals else None for y in years},
        "foreign_residents": {y: totals[y]["foreign_staff"] if y in totals else None for y in years},
    }


def _derivation_of(conn, code: str) -> Derivation | None:
    return indicator_derivations(conn).get(code)


def trace_columns(conn, code: str) -> tuple[str, ...]:
    """The return-form columns an indicator's 报表口径 reads (() for official figures only)."""
    d = _derivation_of(conn, code)
    return d.columns if d is not None else ()


def trace(conn, code: str, year: int) -> list[dict[str, Any]]:
    """The returns a derived indicator figure of `year` came from, with file, sheet, row and batch: those
    its 报表口径 reads (Derivation.columns, picked by Derivation.trace_where)."""
    d = _derivation_of(conn, code)
    if d is None:
        return []
    cols = d.columns
    sql = (f"SELECT credit_code, name, {', '.join(cols)}, source_file, source_sheet, source_row, batch_id"
           f" FROM returns WHERE year = ? AND ({d.trace_where()}) ORDER BY credit_code")
    cur = conn.execute(sql, (year,))
    names = [d[0] for d in cur.description]
    return [dict(zip(names, row)) for row in cur]
