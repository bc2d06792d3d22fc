"""Each indicator's figures per year 2020–2025, assembled from the park file and assessed.

`indicator_series(conn)` reads the indicators, their yearly rows (official value, source, note,
assigned value), the reference series and the figures derived from returns, and applies the rules of
`models.progress`. The value used for assessment is the official value if present, else the derived one;
for 2020 the plan's baseline is the fallback when neither is present.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import progress
from .derive import indicator_derived, reference_values
from .plan import STATUSES, Indicator, indicators
from .schema import YEARS

# The district reference each keep-pace indicator follows: (growth series, level series).
KEEP_PACE_REFERENCE = {
    "total_revenue": ("district_gdp_growth", "district_gdp"),
    "total_tax": ("district_tax_growth", "district_tax"),
}


@dataclass
class YearFigures:
    """One indicator in one year.

    Attributes:
        year: the calendar year.
        value: the value used for assessment (official ?? derived; 2020 falls back to the baseline).
        derived: the value derived from enterprise returns, or None.
        official, official_source, note, assigned: as the office entered them (None when empty).
        planned: the planned value (level) or planned running total (cumulative), else None.
        cumulative: the running total 2021..year of a cumulative indicator, else None.
        progress: p of the rules (level and cumulative), else None.
        growth: the park's growth over the previous year in percent (keep-pace), else None.
        reference_growth: the district's growth in percent (keep-pace), else None.
        status: one of models.plan.STATUSES.
    """

    year: int
    value: float | None = None
    derived: float | None = None
    official: float | None = None
    official_source: str | None = None
    note: str | None = None
    assigned: float | None = None
    planned: float | None = None
    cumulative: float | None = None
    progress: float | None = None
    growth: float | None = None
    reference_growth: float | None = None
    status: str = "unassessed"


@dataclass
class IndicatorSeries:
    """An indicator with its figures for 2020–2025 and where it is heading.

    Attributes:
        indicator: the models.plan.Indicator.
        years: {year: YearFigures} for 2020–2025.
        projection_2025: the projected 2025 value (level) or five-year total (cumulative), else None.
        needed_per_year: the yearly change (level) or flow (cumulative) still needed to reach the
            target from the latest year, else None.
        latest_year: the latest year with a value, else None.
    """

    indicator: Indicator
    years: dict[int, YearFigures] = field(default_factory=dict)
    projection_2025: float | None = None
    needed_per_year: float | None = None
    latest_year: int | None = None

    @property
    def code(self) -> str:
        return self.indicator.code

    def latest(self) -> YearFigures | None:
        return self.years[self.latest_year] if self.latest_year is not None else None


def _year_rows(conn) -> dict[tuple[str, int], tuple]:
    sql = "SELECT code, year, official, official_source, note, assigned FROM indicator_years"
    return {(code, year): rest for code, year, *rest in conn.execute(sql)}


def assess(ind: Indicator, rows: dict[int, tuple], derived: dict[int, float | None],
           reference: tuple[dict, dict] | None = None) -> IndicatorSeries:
    """Apply the rules to one indicator. `rows` maps year -> (official, source, note, assigned);
    `reference` is (growth series, level series) for keep-pace indicators."""
    series = IndicatorSeries(ind)
    for year in YEARS:
        official, source, note, assigned = rows.get(year, (None, None, None, None))
        d = derived.get(year)
        value = official if official is not None else d
        if value is None and year == progress.START and ind.kind != "cumulative":
            value = ind.baseline
        series.years[year] = YearFigures(year=year, value=value, derived=d, official=official,
                                         official_source=source, note=note, assigned=assigned)
    flows = {y: f.value for y, f in series.years.items()}
    for year, f in series.years.items():
        if ind.kind == "level":
            f.planned = progress.planned_level(ind.baseline, ind.target, year)
            f.progress = progress.level_progress(f.value, ind.baseline, ind.target)
            f.status = progress.level_status(f.value, ind.baseline, ind.target, year, ind.direction)
        elif ind.kind == "cumulative":
            f.planned = progress.planned_cumulative(ind.target, year)
            f.cumulative = progress.cumulative(flows, year)
            f.progress = progress.cumulative_progress(f.cumulative, ind.target) if year > progress.START else None
            f.status = progress.cumulative_status(f.cumulative, ind.target, year)
        elif ind.kind == "keep_pace":
            previous = series.years[year - 1].value if year - 1 in series.years else None
            f.growth = progress.growth_percent(f.value, previous)
            if reference is not None:
                f.reference_growth = progress.reference_growth(reference[0], reference[1], year)
            f.status = progress.keep_pace_status(f.growth, f.reference_growth)
        elif ind.kind == "assigned":
            f.planned = f.assigned
            f.status = progress.assigned_status(f.value, f.assigned)
    known = [y for y, f in series.years.items() if f.value is not None]
    series.latest_year = max(known) if known else None
    if ind.kind == "cumulative":
        series.projection_2025, _ = progress.projection_cumulative(flows)
        latest = series.latest_year
        total = series.years[latest].cumulative if latest is not None else None
        series.needed_per_year = progress.needed_per_year_cumulative(total, latest, ind.target)
    else:
        series.projection_2025, _ = progress.projection_level(flows)
        latest = series.latest()
        series.needed_per_year = progress.needed_per_year_level(
            latest.value if latest else None, series.latest_year, ind.target)
    return series


def indicator_series(conn) -> list[IndicatorSeries]:
    """Every indicator, in the plan table's order, with its figures for 2020–2025."""
    rows = _year_rows(conn)
    derived = indicator_derived(conn)
    out = []
    for ind in indicators(conn):
        reference = None
        if ind.code in KEEP_PACE_REFERENCE:
            growth_code, level_code = KEEP_PACE_REFERENCE[ind.code]
            reference = (reference_values(conn, growth_code), reference_values(conn, level_code))
        by_year = {year: rows[(ind.code, year)] for year in YEARS if (ind.code, year) in rows}
        out.append(assess(ind, by_year, derived.get(ind.code, {}), reference))
    return out


def latest_year_with_data(conn, series_list: list[IndicatorSeries] | None = None) -> int | None:
    """The latest year in which any indicator has a value (2020 counts the plan's baselines)."""
    series_list = indicator_series(conn) if series_list is None else series_list
    years = [s.latest_year for s in series_list if s.latest_year is not None]
    return max(years) if years else None


def status_counts(series_list: list[IndicatorSeries], year: int) -> dict[str, int]:
    """{status: number of indicators in that status in `year`}, every status present (0 included)."""
    counts = {status: 0 for status in STATUSES}
    for s in series_list:
        counts[s.years[year].status] += 1
    return counts
