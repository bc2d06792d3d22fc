"""The plan's assessment rules for one indicator: planned path, progress, status, projection.

Pure functions on numbers (no Qt, no SQL). Every rule takes the park file's `Period` (models.store.period):
the base year b and the target year e (2020 and 2025 for the built-in 14th Five-Year Plan). Notation of
the plan review: B = the base-year baseline, T = the target, A_t = the value used for year t,
tau = (t - b) / (e - b).

- Level targets: planned M_t = B + (T - B)·tau; progress p = (A_t - B) / (T - B) (the same formulas
  when lower is better). Status, first match wins: `unassessed` if A_t, B or T is missing; `achieved` if
  A_t >= T (A_t <= T when lower is better); `unassessed` if T == B (no progress can be measured);
  `on_track` if p >= tau; `slightly_behind` if p >= 0.9·tau; else `behind`.
- Cumulative targets: C_t = sum of the annual flows b+1..t (None if one is missing); planned
  C_t = T·tau; p = C_t / T; `achieved` if C_t >= T, then the same thresholds. The base year is before
  the period.
- Keep pace with the district: g_t = A_t / A_(t-1) - 1 against the district growth r_t (in percent),
  compared in percentage points: `on_track` if g >= r, `slightly_behind` if g >= r - 1, else `behind`.
- City-assigned target (lower is better): `on_track` if A_t <= assigned_t, `slightly_behind` if
  A_t <= 1.05·assigned_t, else `behind`.
- Projection to the target year: the average annual change of the known values (baseline included)
  extended from the latest year; for cumulative targets the average annual flow times the period's length. `needed_per_year` is the
  yearly change (level) or flow (cumulative) still needed from the latest year to reach T.

Any year, a level target whose value is at or beyond the target is `achieved`, with or without a
baseline (a plan that gives no base-year figure does not stop a met target from counting as met).

The final year (the target year, the plan's last) is assessed with the four final statuses instead:

    FINAL_STATUSES    achieved 完成 · mostly_achieved 基本完成 · not_achieved 未完成 · unassessed 无法评估

- Level: `achieved` if A >= T (A <= T when lower is better); `mostly_achieved` if p = (A - B)/(T - B) >= 0.9;
  else `not_achieved`. `unassessed` only when A (or T) is missing, or B is missing and A has not met T.
  (`level_status` in the target year applies these rules; `level_final_status` is the same thing by name.)
- Cumulative: C = sum of the flows b+1..e; `achieved` if C >= T, `mostly_achieved` if C >= 0.9·T,
  else `not_achieved` (`cumulative_status` in the target year, `cumulative_final_status`).
- Keep pace: the park's average annual growth over the period g = (A_e/A_b)^(1/(e-b)) - 1 against the
  district's r over the same years (`period_growth`, `district_period_growth`: from the district's level
  series if both b and e are there, else its e-b yearly growth rates compounded); both in percent:
  `achieved` if g >= r, `mostly_achieved` if g >= r - 1 percentage point, else `not_achieved`
  (`keep_pace_final_status`). Interim years keep their yearly comparison (`keep_pace_status`).
- City-assigned (lower is better): `achieved` if A <= the assigned value, `mostly_achieved` if
  A <= 1.05 × it, else `not_achieved` (`assigned_status(..., final=True)`, `assigned_final_status`).

Gap in the final year (`gap`, `gap_text`): how far the figure is from the target in the indicator's unit,
T - A (A - T when lower is better), T - C for cumulative targets, 0 once achieved; for keep-pace targets
r - g in percentage points. `gap_text` writes it as “差10家” (short of a higher-is-better target),
“超出目标2.3亿元” (a met higher-is-better target, by how much), “高于目标0.02吨标准煤/万元” (above a
lower-is-better target) / “低于目标…” (below it, met), “达到目标” (exactly on it).

Falling figures are written “下降1.9%”, never “增长-1.9%”: `change_text(-1.9)` == "下降1.9%".
"""

from __future__ import annotations

from typing import Mapping

from ..store.period import Period

SLIGHTLY_BEHIND_SHARE = 0.9     # p >= 0.9·tau is "slightly behind"
KEEP_PACE_TOLERANCE_PP = 1.0    # growth within 1 percentage point of the district's
ASSIGNED_TOLERANCE = 1.05       # up to 5 % above the assigned value
MOSTLY_ACHIEVED_SHARE = 0.9     # final year: p >= 0.9 (level) or C >= 0.9·T (cumulative) is "mostly achieved"
EPS = 1e-9                      # guards comparisons against float rounding (294.4 is not exact)


def tau(year: int, period: Period) -> float:
    """Share of the plan period elapsed at the end of `year` (0 in the base year, 1 in the target year)."""
    return period.tau(year)


def planned_level(baseline: float | None, target: float | None, year: int, period: Period) -> float | None:
    """M_t = B + (T - B)·tau, or None when B or T is missing."""
    if baseline is None or target is None:
        return None
    return baseline + (target - baseline) * period.tau(year)


def planned_cumulative(target: float | None, year: int, period: Period) -> float | None:
    """Planned C_t = T·tau, or None without a target."""
    return None if target is None else target * period.tau(year)


def cumulative(flows: Mapping[int, float | None], year: int, period: Period) -> float | None:
    """C_t = sum of the annual flows base+1..t; None up to the base year or when any of those flows is missing."""
    if year <= period.base:
        return None
    values = [flows.get(y) for y in range(period.base + 1, year + 1)]
    if any(v is None for v in values):
        return None
    return float(sum(values))


def level_progress(value: float | None, baseline: float | None, target: float | None) -> float | None:
    """p = (A - B) / (T - B); None when a figure is missing or T == B."""
    if value is None or baseline is None or target is None or target == baseline:
        return None
    return (value - baseline) / (target - baseline)


def cumulative_progress(total: float | None, target: float | None) -> float | None:
    """p = C_t / T; None when C_t or T is missing (or T is 0)."""
    if total is None or not target:
        return None
    return total / target


def _by_progress(p: float | None, year: int, period: Period) -> str:
    if p is None:
        return "unassessed"
    t = period.tau(year)
    if p >= t - EPS:
        return "on_track"
    if p >= SLIGHTLY_BEHIND_SHARE * t - EPS:
        return "slightly_behind"
    return "behind"


def is_final(year: int | None, period: Period) -> bool:
    """Whether `year` is the plan's last year (the target year), assessed with the final statuses."""
    return period.is_final(year)


def met_target(value: float | None, target: float | None, direction: str = "higher") -> bool:
    """A is at or beyond T (at or below it when lower is better); False when either is missing."""
    if value is None or target is None:
        return False
    return value <= target + EPS if direction == "lower" else value >= target - EPS


def level_final_status(value: float | None, baseline: float | None, target: float | None,
                       direction: str = "higher") -> str:
    """Final (target-year) status of a level target: achieved / mostly_achieved / not_achieved / unassessed."""
    if value is None or target is None:
        return "unassessed"
    if met_target(value, target, direction):
        return "achieved"
    if baseline is None:
        return "unassessed"
    p = level_progress(value, baseline, target)
    if p is not None and p >= MOSTLY_ACHIEVED_SHARE - EPS:
        return "mostly_achieved"
    return "not_achieved"


def level_status(value: float | None, baseline: float | None, target: float | None, year: int,
                 period: Period, direction: str = "higher") -> str:
    """Status of an end-of-period level target in `year` (see the module docstring); final in the target year."""
    if period.is_final(year):
        return level_final_status(value, baseline, target, direction)
    if met_target(value, target, direction):
        return "achieved"
    if value is None or baseline is None or target is None:
        return "unassessed"
    return _by_progress(level_progress(value, baseline, target), year, period)


def cumulative_final_status(total: float | None, target: float | None) -> str:
    """Final status of a cumulative target from C = sum of the flows base+1..target year."""
    if total is None or target is None:
        return "unassessed"
    if total >= target - EPS:
        return "achieved"
    if total >= MOSTLY_ACHIEVED_SHARE * target - EPS:
        return "mostly_achieved"
    return "not_achieved"


def cumulative_status(total: float | None, target: float | None, year: int, period: Period) -> str:
    """Status of a cumulative target from the running total C_t; final in the target year."""
    if period.is_final(year):
        return cumulative_final_status(total, target)
    if total is None or target is None or year <= period.base:
        return "unassessed"
    if total >= target - EPS:
        return "achieved"
    return _by_progress(cumulative_progress(total, target), year, period)


def growth_percent(current: float | None, previous: float | None) -> float | None:
    """(current / previous - 1) in percent; None when either is missing or previous is 0."""
    if current is None or previous is None or previous == 0:
        return None
    return (current / previous - 1.0) * 100.0


def reference_growth(growth: Mapping[int, float | None], level: Mapping[int, float | None],
                     year: int) -> float | None:
    """The district's growth r_t in percent: the growth series, else computed from the level series."""
    r = growth.get(year)
    if r is not None:
        return r
    return growth_percent(level.get(year), level.get(year - 1))


def keep_pace_status(park_growth: float | None, district_growth: float | None, *, final: bool = False) -> str:
    """Compare the park's growth with the district's, both in percent (percentage points apart): a year's
    growth (on_track / slightly_behind / behind), or with `final` the average annual growth over the
    period (achieved / mostly_achieved / not_achieved)."""
    if park_growth is None or district_growth is None:
        return "unassessed"
    met, close, short = (("achieved", "mostly_achieved", "not_achieved") if final
                         else ("on_track", "slightly_behind", "behind"))
    if park_growth >= district_growth - EPS:
        return met
    if park_growth >= district_growth - KEEP_PACE_TOLERANCE_PP - EPS:
        return close
    return short


def keep_pace_final_status(park_growth: float | None, district_growth: float | None) -> str:
    """Final status of a keep-pace target from the average annual growth over the period (percent)."""
    return keep_pace_status(park_growth, district_growth, final=True)


def period_growth(end_value: float | None, start_value: float | None, years: int) -> float | None:
    """Average annual growth in percent, ((end / start)^(1/years) - 1)·100; None when a figure is missing,
    the start is not positive or the end is negative."""
    if end_value is None or start_value is None or start_value <= 0 or end_value < 0 or years <= 0:
        return None
    return ((end_value / start_value) ** (1.0 / years) - 1.0) * 100.0


def district_period_growth(growth: Mapping[int, float | None], level: Mapping[int, float | None],
                           period: Period) -> float | None:
    """The district's average annual growth base..target in percent: from its level series when both ends
    are known, else its yearly growth rates base+1..target compounded (all of them needed), else None."""
    start, end = period.base, period.target
    by_level = period_growth(level.get(end), level.get(start), end - start)
    if by_level is not None:
        return by_level
    rates = [growth.get(y) for y in range(start + 1, end + 1)]
    if not rates or any(r is None for r in rates):
        return None
    factor = 1.0
    for r in rates:
        factor *= 1.0 + r / 100.0
    if factor < 0:
        return None
    return (factor ** (1.0 / (end - start)) - 1.0) * 100.0


def assigned_status(value: float | None, assigned: float | None, final: bool = False) -> str:
    """City-assigned target, lower is better: on_track / slightly_behind / behind, or with `final` the
    final statuses achieved / mostly_achieved / not_achieved (the same thresholds)."""
    if value is None or assigned is None:
        return "unassessed"
    met, close, short = (("achieved", "mostly_achieved", "not_achieved") if final
                         else ("on_track", "slightly_behind", "behind"))
    if value <= assigned + EPS:
        return met
    if value <= ASSIGNED_TOLERANCE * assigned + EPS:
        return close
    return short


def assigned_final_status(value: float | None, assigned: float | None) -> str:
    """Final status of a city-assigned target (lower is better)."""
    return assigned_status(value, assigned, final=True)


def gap(value: float | None, target: float | None, direction: str = "higher",
        status: str | None = None) -> float | None:
    """How far A (or C) is from T in the indicator's unit: T - A, or A - T when lower is better; 0 once the
    target is met (or `status` is achieved). None when a figure is missing. For keep-pace targets pass
    (park growth, district growth): the result is the shortfall in percentage points."""
    if status == "achieved":
        return 0.0
    if value is None or target is None:
        return None
    if met_target(value, target, direction):
        return 0.0
    return value - target if direction == "lower" else target - value


def _fmt(value: float, digits: int = 2) -> str:
    """A figure without trailing zeros ("2.3", "10", "0.021"), thousands grouped from 10 000 up."""
    if abs(value - round(value)) < 10 ** -(digits + 1):
        return f"{round(value):,}" if abs(value) >= 10_000 else f"{round(value)}"
    if abs(value) < 1:
        return f"{value:.3g}"
    text = f"{value:,.{digits}f}" if abs(value) >= 10_000 else f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".")


def gap_text(value: float | None, target: float | None, unit: str, direction: str = "higher") -> str:
    """The gap as the report writes it: “差10家”, “超出目标2.3亿元”, “高于目标0.02吨标准煤/万元”,
    “低于目标…”, “达到目标”; "" when a figure is missing. For a keep-pace target pass the growth rates
    (percent) and unit "个百分点": “增速差0.5个百分点” / “增速高出0.5个百分点”."""
    if value is None or target is None:
        return ""
    diff = value - target
    if abs(diff) <= EPS * max(1.0, abs(target)) or _fmt(abs(diff)) == "0":
        return "达到目标" if unit != "个百分点" else "增速持平"
    amount = f"{_fmt(abs(diff))}{unit}"
    if unit == "个百分点":
        amount = f"{abs(diff):.2f}".rstrip("0").rstrip(".") + unit
        return f"增速高出{amount}" if diff > 0 else f"增速差{amount}"
    if direction == "lower":
        return f"高于目标{amount}" if diff > 0 else f"低于目标{amount}"
    return f"超出目标{amount}" if diff > 0 else f"差{amount}"


def change_text(percent: float | None, digits: int = 1) -> str:
    """A change in percent as words: “增长1.9%”, “下降1.9%” (never “增长-1.9%”), “持平”; "" when None."""
    if percent is None:
        return ""
    shown = f"{abs(percent):.{digits}f}".rstrip("0").rstrip(".") if digits > 0 else f"{abs(percent):.0f}"
    if shown == "0":
        return "持平"
    return f"增长{shown}%" if percent > 0 else f"下降{shown}%"


def projection_level(values: Mapping[int, float | None], period: Period) -> tuple[float | None, int | None]:
    """(projected target-year value, latest known year) from the average annual change of the known values.

    `values` maps year -> value (the base year holding the baseline where no value was entered). The
    average annual change is (A_latest - A_first) / (latest - first) over the first and latest known years;
    with one known value there is no change to extend and the projection is None (unless it is the target
    year). Every indicator of the plan is a quantity that cannot fall below zero, so neither can its
    projection.
    """
    end = period.target
    known = sorted((y, v) for y, v in values.items() if v is not None and y in period)
    if not known:
        return None, None
    (first, a_first), (latest, a_latest) = known[0], known[-1]
    if latest == end:
        return a_latest, latest
    if latest == first:
        return None, latest
    slope = (a_latest - a_first) / (latest - first)
    return max(0.0, a_latest + slope * (end - latest)), latest


def projection_cumulative(flows: Mapping[int, float | None], period: Period) -> tuple[float | None, int | None]:
    """(projected total over the period, latest year with a flow): the average annual flow base+1.. times
    the period's length."""
    known = sorted((y, v) for y, v in flows.items() if v is not None and period.base < y <= period.target)
    if not known:
        return None, None
    average = sum(v for _, v in known) / len(known)
    return average * period.length, known[-1][0]


def needed_per_year_level(latest_value: float | None, latest_year: int | None,
                          target: float | None, period: Period) -> float | None:
    """The yearly change still needed from the latest year to reach T in the target year (None once the
    target year is known)."""
    end = period.target
    if latest_value is None or latest_year is None or target is None or latest_year >= end:
        return None
    return (target - latest_value) / (end - latest_year)


def needed_per_year_cumulative(total: float | None, latest_year: int | None,
                               target: float | None, period: Period) -> float | None:
    """The yearly flow still needed after the latest year for the period's total to reach T (>= 0)."""
    end = period.target
    if latest_year is None or target is None or latest_year >= end:
        return None
    done = 0.0 if total is None and latest_year <= period.base else total
    if done is None:
        return None
    return max(0.0, (target - done) / (end - latest_year))
