"""Yearly figures of the plan's industries, zones and talent categories, as the office uses them.

For each industry and zone, year of the file's period (base … target) and field of `plan.INDUSTRY_FIELDS`: the figure derived from
the returns (`derive.group_derived`, money in 亿元), the official figure the office entered
(`industry_years` / `zone_years`), the value used (official if present, else derived) and the note.
For each talent category and year likewise (`talent_years`); a category whose code is also an indicator's
is that indicator's figures (`indicator_years`: the built-in plan's yearly work permits, the indicator
`foreign_work_permits`), returnees and foreign residents are derived from returns, and the base-year
high-level talent counts fall back to the plan's baseline.

Also: totals over industries or zones, year-on-year growth, each industry's share of park revenue,
the "3+3" key industries against the rest, the cumulative work-permit path against its target (the
indicator PERMITS_CODE's), the returnee and foreign share against its target (the indicator SHARE_CODE's),
and `summary_sections()` for `summary --json`. A missing figure is None, never 0.

PERMITS_CODE and SHARE_CODE are the built-in plan's codes (decided for issue 15): in a file that has no
such indicator (another plan) the work-permit path and the share simply do not apply — they give no years
and no target, so no chart or table row is drawn from them; a file that has them (a plan that reuses the
codes) gets them with its own targets and period.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..store import plan
from .derive import group_derived, indicator_derived, talent_derived
from ..store.period import read_period
from ..store.plan import INDUSTRY_FIELDS

PERMITS_CODE = "foreign_work_permits"
SHARE_CODE = "returnee_foreign_share"
DERIVED_TALENT = ("returnees", "foreign_residents")
# Fields that count enterprises or people: entered as whole numbers.
COUNT_FIELDS = ("enterprises", "high_tech", "employees")


def _num(value: float | None) -> float | int | None:
    """A figure for JSON: rounded to 6 decimals (hides float noise), whole numbers as int."""
    if value is None:
        return None
    value = round(float(value), 6)
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


@dataclass
class Cell:
    """One figure of one year: derived from returns, official (entered), the value used, and a note."""

    derived: float | None = None
    official: float | None = None
    note: str | None = None
    fallback: float | None = None  # the plan's baseline, used for the base year when neither is there

    @property
    def value(self) -> float | None:
        if self.official is not None:
            return self.official
        if self.derived is not None:
            return self.derived
        return self.fallback

    def as_json(self) -> dict:
        return {"value": _num(self.value), "derived": _num(self.derived), "official": _num(self.official)}


@dataclass
class GroupSeries:
    """One industry or zone: its names, group (industries only) and {year: {field: Cell}}."""

    name: str
    name_en: str
    grp: str | None
    years: dict[int, dict[str, Cell]] = field(default_factory=dict)

    def values(self, fld: str) -> dict[int, float | None]:
        return {year: self.years[year][fld].value for year in sorted(self.years)}


@dataclass
class TalentSeries:
    """One talent category: its plan row (`plan.TalentCategory`) and {year: Cell}.

    `table` and `key` say where the official figure is stored (talent_years, or indicator_years when the
    category's code is also an indicator's, `from_indicator`: the built-in plan's work permits).
    """

    category: plan.TalentCategory
    years: dict[int, Cell] = field(default_factory=dict)
    from_indicator: bool = False

    @property
    def code(self) -> str:
        return self.category.code

    @property
    def table(self) -> str:
        return "indicator_years" if self.from_indicator else "talent_years"

    def key(self, year: int) -> dict:
        return {"code": self.code, "year": year}

    def values(self) -> dict[int, float | None]:
        return {year: self.years[year].value for year in sorted(self.years)}


# ---------------------------------------------------------------------------------------------- cache
_cache: list = [None, None, {}]  # [connection, its stamp, {what: derived figures}]: the last file read


def _stamp(conn) -> tuple[int, int]:
    """Changes when the file does: this connection's writes (total_changes) or another's (data_version)."""
    return conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]


def cached(conn, what: str, compute, *args):
    """`compute(conn, *args)`, computed once while the park file is unchanged (per connection).

    The yearly sums over the returns (`derive.group_derived`, `talent_derived`, `indicator_derived`) were
    worked out again by each table and chart that needs them: a report asked for them four times."""
    stamp = _stamp(conn)
    if _cache[0] is not conn or _cache[1] != stamp:
        _cache[:] = [conn, stamp, {}]
    key = (what, args)
    if key not in _cache[2]:
        _cache[2][key] = compute(conn, *args)
    return _cache[2][key]


def _series(conn, by: str) -> list[GroupSeries]:
    if by == "industry":
        rows = [(i.name, i.name_en, i.grp) for i in plan.industries(conn)]
        table, col = "industry_years", "industry"
    else:
        rows = [(z.name, z.name_en, None) for z in plan.zones(conn)]
        table, col = "zone_years", "zone"
    derived = cached(conn, "group_derived", group_derived, by)
    stored: dict[tuple, tuple] = {}
    for name, year, fld, official, note in conn.execute(f"SELECT {col}, year, field, official, note FROM {table}"):
        stored[(name, year, fld)] = (official, note)
    years = read_period(conn).years
    out = []
    for name, name_en, grp in rows:
        series = GroupSeries(name, name_en, grp)
        for year in years:
            d = derived.get(name, {}).get(year, {})
            series.years[year] = {}
            for fld in INDUSTRY_FIELDS:
                official, note = stored.get((name, year, fld), (None, None))
                series.years[year][fld] = Cell(derived=d.get(fld), official=official, note=note)
        out.append(series)
    return out


def industry_series(conn) -> list[GroupSeries]:
    """Every industry of the plan, in table order, with its yearly figures."""
    return _series(conn, "industry")


def zone_series(conn) -> list[GroupSeries]:
    """Every zone of the plan, in table order, with its yearly figures."""
    return _series(conn, "zone")


def _sum(values) -> float | None:
    known = [v for v in values if v is not None]
    return sum(known) if known else None


@dataclass
class Total(Cell):
    """A totals-row figure: sums of the rows' derived and official figures; its value is the sum of the
    rows' values (each official ?? derived), which can differ from both."""

    used: float | None = None

    @property
    def value(self) -> float | None:
        return self.used


def _years_of(series: list) -> list[int]:
    """The years the series hold (the file's period), in order."""
    return sorted(series[0].years) if series else []


def totals(series: list[GroupSeries]) -> dict[int, dict[str, Total]]:
    """Per year and field, the sums over `series` (None when no row has a figure)."""
    out: dict[int, dict[str, Total]] = {}
    for year in _years_of(series):
        out[year] = {}
        for fld in INDUSTRY_FIELDS:
            cells = [s.years[year][fld] for s in series]
            out[year][fld] = Total(derived=_sum(c.derived for c in cells), official=_sum(c.official for c in cells),
                                   used=_sum(c.value for c in cells))
    return out


def growth(values: dict[int, float | None]) -> dict[int, float | None]:
    """Year-on-year growth in percent: (v_t / v_(t-1) − 1) · 100; None when either is missing or v_(t-1) is 0."""
    years = sorted(values)
    out: dict[int, float | None] = {years[0]: None} if years else {}
    for year in years[1:]:
        now, before = values.get(year), values.get(year - 1)
        out[year] = None if now is None or before in (None, 0) else (now / before - 1) * 100
    return out


def revenue_shares(series: list[GroupSeries]) -> dict[str, dict[int, float | None]]:
    """Each industry's share (%) of park revenue per year; park revenue = the sum over all industries.

    None where the industry has no revenue figure or the year has none at all.
    """
    out: dict[str, dict[int, float | None]] = {s.name: {} for s in series}
    for year in _years_of(series):
        total = _sum(s.years[year]["revenue"].value for s in series)
        for s in series:
            v = s.years[year]["revenue"].value
            out[s.name][year] = None if v is None or not total else v / total * 100
    return out


def key_vs_rest(series: list[GroupSeries], fld: str = "revenue") -> dict[str, dict[int, float | None]]:
    """The "3+3" key industries' summed `fld` against all other industries': {"key"|"rest": {year: value}}."""
    out = {"key": {}, "rest": {}}
    for year in _years_of(series):
        out["key"][year] = _sum(s.years[year][fld].value for s in series if s.grp == "key")
        out["rest"][year] = _sum(s.years[year][fld].value for s in series if s.grp != "key")
    return out


# ---------------------------------------------------------------------------------------------- talent
def _indicator_codes(conn) -> set[str]:
    return {code for code, in conn.execute("SELECT code FROM indicators")}


def talent_series(conn) -> list[TalentSeries]:
    """Every talent category in table order with its yearly figures (see the module docstring)."""
    derived = cached(conn, "talent_derived", talent_derived)
    stored = {(code, year): (official, note)
              for code, year, official, note in conn.execute("SELECT code, year, official, note FROM talent_years")}
    indicator_codes = _indicator_codes(conn)
    from_indicators = {(code, year): (official, note) for code, year, official, note in conn.execute(
        "SELECT code, year, official, note FROM indicator_years")}
    period = read_period(conn)
    out = []
    for category in plan.talent_categories(conn):
        shared = category.code in indicator_codes
        series = TalentSeries(category, from_indicator=shared)
        for year in period.years:
            official, note = (from_indicators if shared else stored).get((category.code, year), (None, None))
            cell = Cell(derived=derived.get(category.code, {}).get(year), official=official, note=note)
            if year == period.base and category.grp == "count":
                cell.fallback = category.baseline
            series.years[year] = cell
        out.append(series)
    return out


def _indicator_row(conn, code: str):
    return conn.execute("SELECT target, baseline FROM indicators WHERE code = ?", (code,)).fetchone() or (None, None)


def permits_path(conn, series: list[TalentSeries] | None = None) -> dict:
    """Cumulative work permits since the base year b against the planned path C_t = T·(t − b)/(e − b)
    (the period b … e; T is the indicator PERMITS_CODE's target: 20,000 in the built-in plan).

    Returns {"target", "yearly": {year: permits}, "cumulative": {year: C or None}, "planned": {year: C}}.
    The base year: cumulative and planned are 0 there. The cumulative figure of year t is None when any
    year b+1..t has no figure (a gap would understate it). A plan without the permits talent category
    gives no years (and no target).
    """
    period = read_period(conn)
    target = _indicator_row(conn, PERMITS_CODE)[0]
    series = series if series is not None else talent_series(conn)
    permits = next((s for s in series if s.code == PERMITS_CODE), None)
    if permits is None:
        return {"target": None, "yearly": {}, "cumulative": {}, "planned": {}}
    yearly = {year: permits.years[year].value for year in period.years}
    cumulative: dict[int, float | None] = {period.base: 0}
    running: float | None = 0
    for year in period.plan_years:
        running = None if running is None or yearly[year] is None else running + yearly[year]
        cumulative[year] = running
    planned = {year: None if target is None else target * period.tau(year) for year in period.years}
    return {"target": target, "yearly": yearly, "cumulative": cumulative, "planned": planned}


def returnee_share(conn) -> dict:
    """The returnee and foreign-resident share of employees (%) per year against its target.

    The value is the indicator's: official if entered, else derived from returns (base year: the baseline).
    Returns {"target", "values": {year: %}, "derived": {...}, "official": {...}}; a plan without the
    indicator SHARE_CODE gives no years and no target.
    """
    if SHARE_CODE not in _indicator_codes(conn):
        return {"target": None, "values": {}, "derived": {}, "official": {}}
    target, baseline = _indicator_row(conn, SHARE_CODE)
    period = read_period(conn)
    derived = cached(conn, "indicator_derived", indicator_derived).get(SHARE_CODE, {})
    official = {year: value for year, value in conn.execute(
        "SELECT year, official FROM indicator_years WHERE code = ?", (SHARE_CODE,))}
    values = {}
    for year in period.years:
        cell = Cell(derived=derived.get(year), official=official.get(year),
                    fallback=baseline if year == period.base else None)
        values[year] = cell.value
    return {"target": target, "values": values, "derived": dict(derived),
            "official": {y: official.get(y) for y in period.years}}


# ---------------------------------------------------------------------------------------------- summary
def _group_json(series: list[GroupSeries]) -> dict:
    return {s.name: {"years": {str(year): {fld: s.years[year][fld].as_json() for fld in INDUSTRY_FIELDS}
                               for year in sorted(s.years)}} for s in series}


def summary_sections(conn) -> dict:
    """The "industries", "zones" and "talent" parts of `summary --json` (money in 亿元, missing = null)."""
    talent = {}
    for s in talent_series(conn):
        talent[s.code] = {"name": s.category.name, "unit": s.category.unit,
                          "years": {str(year): s.years[year].as_json() for year in sorted(s.years)}}
    return {"industries": _group_json(industry_series(conn)), "zones": _group_json(zone_series(conn)),
            "talent": talent}


# ---------------------------------------------------------------------------------------------- like for like
LIKE_FIELDS = ("revenue", "tax", "high_tech", "rd_expense", "employees")  # INDUSTRY_FIELDS but the count
_MONEY = ("revenue", "tax", "rd_expense")


@dataclass
class LikeForLike:
    """Year-on-year change of `year` over the same enterprises: those that returned a form in both years.

    When some of last year's enterprises have not returned this year's form, the plain change (this
    year's sum against last year's) mixes growth with missing returns; this compares like with like.

    Attributes:
        year: the year compared with year − 1.
        previous: enterprises with a return of year − 1 (the whole park).
        both: of those, how many returned a form of `year` too.
        groups: {industry or zone: {field: (sum of year − 1, sum of year)}} over the enterprises of `both`,
            grouped by their industry or zone of `year`; money in 亿元. Groups without such enterprises are
            absent.
        group_rates: {industry or zone: collection rate (%)} of the group's enterprises of year − 1 (by
            their industry or zone then).
    """

    year: int
    previous: int = 0
    both: int = 0
    groups: dict[str, dict[str, tuple[float | None, float | None]]] = field(default_factory=dict)
    group_rates: dict[str, float] = field(default_factory=dict)

    @property
    def rate(self) -> float | None:
        """回收率: share of year − 1's enterprises that returned a form of `year`, in percent."""
        return None if not self.previous else 100.0 * self.both / self.previous

    @property
    def incomplete(self) -> bool:
        """Some of year − 1's enterprises have not returned a form of `year`."""
        return bool(self.previous) and self.both < self.previous

    def figures(self, name: str, fld: str) -> tuple[float | None, float | None]:
        return self.groups.get(name, {}).get(fld, (None, None))

    def growth(self, name: str, fld: str) -> float | None:
        """Like-for-like growth (%) of `name`'s `fld`; None when either sum is missing or last year's is 0."""
        before, now = self.figures(name, fld)
        return None if now is None or before in (None, 0) else (now / before - 1) * 100

    def total(self, fld: str) -> tuple[float | None, float | None]:
        """(year − 1, year) sums of `fld` over every group."""
        pairs = [g[fld] for g in self.groups.values() if fld in g]
        return _sum(p[0] for p in pairs), _sum(p[1] for p in pairs)

    def total_growth(self, fld: str) -> float | None:
        before, now = self.total(fld)
        return None if now is None or before in (None, 0) else (now / before - 1) * 100


def like_for_like(conn, by: str, year: int) -> LikeForLike:
    """The like-for-like comparison of `year` with year − 1 per industry (`by="industry"`) or zone."""
    if by not in ("industry", "zone"):
        raise ValueError(by)
    out = LikeForLike(year)
    sums = ", ".join(f"SUM(p.{f} = 1), SUM(c.{f} = 1)" if f == "high_tech" else f"SUM(p.{f}), SUM(c.{f})"
                     for f in LIKE_FIELDS)
    sql = (f"SELECT c.{by}, COUNT(*), {sums} FROM returns c"
           f" JOIN returns p ON p.credit_code = c.credit_code AND p.year = ? WHERE c.year = ? GROUP BY c.{by}")
    for name, n, *values in conn.execute(sql, (year - 1, year)):
        out.both += n
        figures = {}
        for i, fld in enumerate(LIKE_FIELDS):
            before, now = values[2 * i], values[2 * i + 1]
            if fld in _MONEY:
                before, now = (None if v is None else v / 10_000 for v in (before, now))
            figures[fld] = (before, now)
        figures["enterprises"] = (n, n)
        out.groups[name] = figures
    rates = (f"SELECT p.{by}, COUNT(*), COUNT(c.id) FROM returns p"
             f" LEFT JOIN returns c ON c.credit_code = p.credit_code AND c.year = ? WHERE p.year = ? GROUP BY p.{by}")
    for name, previous, returned in conn.execute(rates, (year, year - 1)):
        out.previous += previous
        out.group_rates[name] = 100.0 * returned / previous
    return out


def _pct(value: float) -> str:
    return f"{value:.1f}%"


def like_for_like_sentence(lfl: LikeForLike, name: str | None, fld: str = "revenue") -> str:
    """A Chinese sentence for a table note or the report: the year's 回收率 and the like-for-like growth of
    `name`'s `fld` (the whole park when `name` is None); "" when the year's returns are complete or there is
    nothing to compare."""
    if not lfl.incomplete:
        return ""
    label = plan.FIELD_LABELS[fld][0]
    text = (f"{lfl.year}年报表回收率{_pct(lfl.rate)}（{lfl.year - 1}年报送的{lfl.previous:,}家企业中"
            f"{lfl.both:,}家已报送），同比变化受未报送企业影响")
    change = lfl.total_growth(fld) if name is None else lfl.growth(name, fld)
    if change is None:
        return text + "。"
    return text + f"；按两年均报送的企业同口径比较，{name or '全园区'}{label}同比{'增长' if change >= 0 else '下降'}" \
        f"{_pct(abs(change))}。"
