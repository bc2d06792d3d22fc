"""Each indicator's figures per year of the plan's period (base year … target year), assembled from the park file and assessed.

`indicator_series(conn)` reads the indicators, their yearly rows (official value, source, note,
assigned value), the reference series and the figures derived from returns, and applies the rules of
`models.planning.progress` with the file's period (`models.store.period.read_period`). The value used for assessment is
the official value if present, else the derived one; for the base year the baseline is the fallback when
neither is present. Derived figures come from each indicator's 报表口径 (`models.planning.derive`).

Baselines: the baseline used (B) is the office's (`indicators.baseline_office`, schema v3) when set, else
the plan's (`indicators.baseline`); `IndicatorSeries.baseline`, `.baseline_plan`, `.baseline_source`
("office" / "plan") and `.baseline_note` say which, and `.baseline_caveat` gives the plan's caveat
(`baseline_caveat(code, builtin)`).

Official figures only: an indicator whose 报表口径 (`indicators.derivation`) is blank is assessed on
official figures only (nothing can be derived for it). The built-in plan also defines two indicators over
the whole district or from official statistics although returns give a figure for them
(BUILTIN_OFFICIAL_ONLY: R&D share, invention patents per 10,000 people): these too are assessed on official
figures only, the figure derived from returns staying in `derived` as a reference (报表口径参考值) that never
becomes `value`. `is_official_only(ind, builtin)` is the one rule.

What is the built-in plan's only (decided for issue 15): BASELINE_CAVEATS (规模以上企业口径 for revenue and
tax, “15个外资研发中心” for MNC R&D centres) and BUILTIN_OFFICIAL_ONLY are notes on the built-in plan's text,
keyed by its codes; they apply to a file only when it holds the built-in plan (`plan.is_builtin_plan`: its
meta plan_title and source_file), never to another plan that happens to reuse a code such as total_revenue.

The final year (the target year) carries the final statuses (see models.planning.progress), `gap` / `gap_text`, and for
keep-pace indicators `growth_period` / `district_growth_period` (average annual growth over the period,
percent). A keep-pace indicator follows the district series its `ref_series` names (the one whose unit is
"%" is the growth series, the other the level series); an assigned indicator's assigned values are
indicator_years.assigned, else the values of the series its `ref_series` names.
For cumulative indicators `value` is the year's flow (当年新增) and `cumulative` the running total (累计);
the status always goes with the running total.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import progress
from .derivation import reference_values
from .derive import indicator_derived
from ..store.period import Period, read_period
from ..store.plan import FINAL_STATUSES, STATUSES, Indicator, indicators, is_builtin_plan

# The built-in plan's indicators assessed on official figures only although returns give a figure (the plan
# defines them over the district / from statistics); any plan's indicator without 报表口径 is official-only too.
BUILTIN_OFFICIAL_ONLY = frozenset({"rd_intensity", "invention_patents_per_10k"})
REFERENCE_VALUE_LABEL = "报表口径参考值"  # how a returns-derived figure of an official-only indicator is named
# What the built-in plan's baseline figure stands for, shown wherever the baseline is shown or written (the
# built-in plan's file only).
BASELINE_CAVEATS = {
    "total_revenue": "规模以上企业口径",
    "total_tax": "规模以上企业口径",
    "mnc_rd_centres": "规划所列“15个外资研发中心”，暂作基期值，待区确认",
}



@dataclass
class YearFigures:
    """One indicator in one year.

    Attributes:
        year: the calendar year.
        value: the value used for assessment (official ?? derived; the base year falls back to the baseline).
        derived: the value derived from enterprise returns, or None.
        official, official_source, note, assigned: as the office entered them (None when empty).
        planned: the planned value (level) or planned running total (cumulative), else None.
        cumulative: the running total base+1..year of a cumulative indicator, else None.
        progress: p of the rules (level and cumulative), else None.
        growth: the park's growth over the previous year in percent (keep-pace), else None.
        reference_growth: the district's growth in percent (keep-pace), else None.
        status: one of models.store.plan.STATUSES (interim years) or FINAL_STATUSES (the target year).
        gap: final year only: the distance to the target in the indicator's unit (percentage points for
            keep-pace), 0 once achieved, None when it cannot be worked out (and in other years).
        gap_text: final year only: “差10家” / “超出目标2.3亿元” / … (models.planning.progress.gap_text), else "".
        growth_period, district_growth_period: final year of keep-pace indicators: the average annual
            growth over the period of the park and of the district, in percent, else None.
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
    gap: float | None = None
    gap_text: str = ""
    growth_period: float | None = None
    district_growth_period: float | None = None


@dataclass
class IndicatorSeries:
    """An indicator with its figures for the period's years and where it is heading.

    Attributes:
        indicator: the models.store.plan.Indicator.
        period: the park file's models.store.period.Period.
        years: {year: YearFigures} for base year … target year.
        projection: the projected target-year value (level) or total over the period (cumulative), else
            None.
        needed_per_year: the yearly change (level) or flow (cumulative) still needed to reach the
            target from the latest year, else None.
        latest_year: the latest year with a value, else None.
        baseline: the baseline used, B (the office's when set, else the plan's), or None.
        baseline_plan: the plan's baseline, or None.
        baseline_source: "office" or "plan" (also "plan" when neither gives one).
        baseline_office_source: the office's note on where its baseline comes from, or None.
        official_only: True when only official figures are assessed (`is_official_only`).
        caveat: the plan's caveat on its baseline ("" when none; BASELINE_CAVEATS, built-in plan only).
    """

    indicator: Indicator
    period: Period
    years: dict[int, YearFigures] = field(default_factory=dict)
    projection: float | None = None
    needed_per_year: float | None = None
    latest_year: int | None = None
    baseline: float | None = None
    baseline_plan: float | None = None
    baseline_source: str = "plan"
    baseline_office_source: str | None = None
    official_only: bool = False
    caveat: str = ""

    @property
    def baseline_caveat(self) -> str:
        """The plan's caveat on its baseline figure ("" when none): 规模以上企业口径, …"""
        return self.caveat

    @property
    def code(self) -> str:
        return self.indicator.code

    def latest(self) -> YearFigures | None:
        return self.years[self.latest_year] if self.latest_year is not None else None


def _year_rows(conn) -> dict[tuple[str, int], tuple]:
    sql = "SELECT code, year, official, official_source, note, assigned FROM indicator_years"
    return {(code, year): rest for code, year, *rest in conn.execute(sql)}


def baseline_caveat(code: str, builtin: bool) -> str:
    """The plan's caveat on an indicator's baseline ("" when none), e.g. 规模以上企业口径: the built-in plan's
    notes, so only when `builtin` (the file holds the built-in plan, plan.is_builtin_plan)."""
    return BASELINE_CAVEATS.get(code, "") if builtin else ""


def is_official_only(ind: Indicator, builtin: bool) -> bool:
    """Whether `ind` is assessed on official figures only: its 报表口径 is blank, or it is one of the built-in
    plan's BUILTIN_OFFICIAL_ONLY and the file (`builtin`) holds that plan."""
    return not (ind.derivation or "").strip() or (builtin and ind.code in BUILTIN_OFFICIAL_ONLY)


def _final_gap(ind: Indicator, f: YearFigures) -> None:
    """Fill gap / gap_text of the final year from its status and figures."""
    if ind.kind == "keep_pace":
        f.gap = progress.gap(f.growth_period, f.district_growth_period, "higher", f.status)
        if f.growth_period is not None and f.district_growth_period is not None:
            f.gap_text = progress.gap_text(f.growth_period, f.district_growth_period, "个百分点")
        return
    if ind.kind == "cumulative":
        actual, target, direction = f.cumulative, ind.target, "higher"
    elif ind.kind == "assigned":
        actual, target, direction = f.value, f.assigned, "lower"
    else:
        actual, target, direction = f.value, ind.target, ind.direction
    f.gap = progress.gap(actual, target, direction, f.status)
    f.gap_text = progress.gap_text(actual, target, ind.unit, direction)


def assess(ind: Indicator, rows: dict[int, tuple], derived: dict[int, float | None], period: Period,
           reference: tuple[dict, dict] | None = None, baseline_office: float | None = None,
           baseline_office_source: str | None = None, *, builtin: bool = False) -> IndicatorSeries:
    """Apply the rules to one indicator over `period`. `rows` maps year -> (official, source, note,
    assigned); `reference` is (growth series, level series) for keep-pace indicators (either may be
    empty); `baseline_office` is the office's baseline, used instead of the plan's when not None;
    `builtin`: the file holds the built-in plan (its notes and official-only indicators apply)."""
    series = IndicatorSeries(ind, period, baseline_plan=ind.baseline,
                             baseline_office_source=baseline_office_source,
                             official_only=is_official_only(ind, builtin),
                             caveat=baseline_caveat(ind.code, builtin))
    if baseline_office is not None:
        series.baseline, series.baseline_source = baseline_office, "office"
    else:
        series.baseline, series.baseline_source = ind.baseline, "plan"
    base = series.baseline
    for year in period.years:
        official, source, note, assigned = rows.get(year, (None, None, None, None))
        d = derived.get(year)
        value = official if (official is not None or series.official_only) else d
        if value is None and year == period.base and ind.kind != "cumulative":
            value = base
        series.years[year] = YearFigures(year=year, value=value, derived=d, official=official,
                                         official_source=source, note=note, assigned=assigned)
    flows = {y: f.value for y, f in series.years.items()}
    for year, f in series.years.items():
        final = period.is_final(year)
        if ind.kind == "level":
            f.planned = progress.planned_level(base, ind.target, year, period)
            f.progress = progress.level_progress(f.value, base, ind.target)
            f.status = progress.level_status(f.value, base, ind.target, year, period, ind.direction)
        elif ind.kind == "cumulative":
            f.planned = progress.planned_cumulative(ind.target, year, period)
            f.cumulative = progress.cumulative(flows, year, period)
            f.progress = progress.cumulative_progress(f.cumulative, ind.target) if year > period.base else None
            f.status = progress.cumulative_status(f.cumulative, ind.target, year, period)
        elif ind.kind == "keep_pace":
            previous = series.years[year - 1].value if year - 1 in series.years else None
            f.growth = progress.growth_percent(f.value, previous)
            if reference is not None:
                f.reference_growth = progress.reference_growth(reference[0], reference[1], year)
            if final:
                start = base if base is not None else series.years[period.base].value
                f.growth_period = progress.period_growth(f.value, start, period.length)
                if reference is not None:
                    f.district_growth_period = progress.district_period_growth(reference[0], reference[1], period)
                f.status = progress.keep_pace_final_status(f.growth_period, f.district_growth_period)
            else:
                f.status = progress.keep_pace_status(f.growth, f.reference_growth)
        elif ind.kind == "assigned":
            f.planned = f.assigned
            f.status = progress.assigned_status(f.value, f.assigned, final=final)
        if final:
            _final_gap(ind, f)
    known = [y for y, f in series.years.items() if f.value is not None]
    series.latest_year = max(known) if known else None
    if ind.kind == "cumulative":
        series.projection, _ = progress.projection_cumulative(flows, period)
        latest = series.latest_year
        total = series.years[latest].cumulative if latest is not None else None
        series.needed_per_year = progress.needed_per_year_cumulative(total, latest, ind.target, period)
    else:
        series.projection, _ = progress.projection_level(flows, period)
        latest = series.latest()
        series.needed_per_year = progress.needed_per_year_level(
            latest.value if latest else None, series.latest_year, ind.target, period)
    return series


def office_baselines(conn) -> dict[str, tuple[float | None, str | None]]:
    """{code: (office baseline, its source note)}; empty for a file without the v3 columns."""
    columns = {row[1] for row in conn.execute("PRAGMA table_info(indicators)")}
    if "baseline_office" not in columns:
        return {}
    return {code: (value, source) for code, value, source in
            conn.execute("SELECT code, baseline_office, baseline_office_source FROM indicators")}


def ref_series_codes(ind: Indicator) -> list[str]:
    """The reference-series codes an indicator's 参照序列 names, in order ([] when blank)."""
    return [c.strip() for c in (ind.ref_series or "").split(",") if c.strip()]


def _series_units(conn) -> dict[str, str | None]:
    return dict(conn.execute("SELECT code, unit FROM reference_series"))


def keep_pace_reference(conn, ind: Indicator, units: dict[str, str | None] | None = None
                        ) -> tuple[dict, dict] | None:
    """(growth series, level series) of the district series a keep-pace indicator follows: of the codes
    its ref_series names, the one whose unit is "%" gives growth, another one the level; either may be
    missing ({}). None when the indicator names no series."""
    codes = ref_series_codes(ind)
    if not codes:
        return None
    units = _series_units(conn) if units is None else units
    growth_code = next((c for c in codes if (units.get(c) or "").strip() == "%"), None)
    level_code = next((c for c in codes if c != growth_code), None)
    return (reference_values(conn, growth_code) if growth_code else {},
            reference_values(conn, level_code) if level_code else {})


def indicator_series(conn, period: Period | None = None) -> list[IndicatorSeries]:
    """Every indicator, in the plan table's order, with its figures for the file's period."""
    period = read_period(conn) if period is None else period
    rows = _year_rows(conn)
    derived = indicator_derived(conn, period)
    office = office_baselines(conn)
    units = _series_units(conn)
    builtin = is_builtin_plan(conn)
    out = []
    for ind in indicators(conn):
        reference = keep_pace_reference(conn, ind, units) if ind.kind == "keep_pace" else None
        by_year = {year: rows[(ind.code, year)] for year in period.years if (ind.code, year) in rows}
        if ind.kind == "assigned":
            by_year = _with_assigned_series(conn, ind, by_year, period)
        base, base_source = office.get(ind.code, (None, None))
        out.append(assess(ind, by_year, derived.get(ind.code, {}), period, reference, base, base_source,
                          builtin=builtin))
    return out


def _with_assigned_series(conn, ind: Indicator, by_year: dict[int, tuple], period: Period) -> dict[int, tuple]:
    """An assigned indicator's rows with the assigned value taken from its ref_series where the office
    entered none in indicator_years.assigned."""
    codes = ref_series_codes(ind)
    if not codes:
        return by_year
    values = reference_values(conn, codes[0])
    out = dict(by_year)
    for year in period.years:
        official, source, note, assigned = out.get(year, (None, None, None, None))
        if assigned is None and values.get(year) is not None:
            out[year] = (official, source, note, values[year])
    return out


def latest_year_with_data(conn, series_list: list[IndicatorSeries] | None = None) -> int | None:
    """The year every view opens on: `models.planning.default_year.latest_year_with_figures` (the latest year of the
    period with any official figure or return, else the base year), or a later year in which one of
    `series_list`'s indicators has a value."""
    from .default_year import latest_year_with_figures

    years = [latest_year_with_figures(conn)]
    years += [s.latest_year for s in series_list or () if s.latest_year is not None]
    return max(years)


def statuses_for_year(year: int | None, period: Period | None = None) -> tuple[str, ...]:
    """The statuses a year can have, in display order: FINAL_STATUSES in the target year, else STATUSES.

    Pass the file's period: without it the interim statuses (no year of a period is a constant in code)."""
    final = period is not None and year is not None and period.is_final(year)
    return FINAL_STATUSES if final else STATUSES


def status_counts(series_list: list[IndicatorSeries], year: int, period: Period | None = None) -> dict[str, int]:
    """{status: number of indicators in that status in `year`}, every status the year can have present
    (0 included): the four final statuses in the target year, the interim ones before. The period is the
    series' own unless given."""
    if period is None:
        if not series_list:
            return {}
        period = series_list[0].period
    counts = {status: 0 for status in statuses_for_year(year, period)}
    for s in series_list:
        status = s.years[year].status
        counts[status] = counts.get(status, 0) + 1
    return counts
