"""The plan's assessment rules for one indicator: planned path, progress, status, projection.

Pure functions on numbers (no Qt, no SQL). Notation of the plan review: B = 2020 baseline, T = 2025
target, A_t = the value used for year t, tau = (t - 2020) / 5.

- Level targets: planned M_t = B + (T - B)·tau; progress p = (A_t - B) / (T - B) (the same formulas
  when lower is better). Status, first match wins: `unassessed` if A_t, B or T is missing; `achieved` if
  A_t >= T (A_t <= T when lower is better); `unassessed` if T == B (no progress can be measured);
  `on_track` if p >= tau; `slightly_behind` if p >= 0.9·tau; else `behind`.
- Five-year cumulative targets: C_t = sum of the annual flows 2021..t (None if one is missing); planned
  C_t = T·tau; p = C_t / T; `achieved` if C_t >= T, then the same thresholds. 2020 is before the period.
- Keep pace with the district: g_t = A_t / A_(t-1) - 1 against the district growth r_t (in percent),
  compared in percentage points: `on_track` if g >= r, `slightly_behind` if g >= r - 1, else `behind`.
- City-assigned target (lower is better): `on_track` if A_t <= assigned_t, `slightly_behind` if
  A_t <= 1.05·assigned_t, else `behind`.
- Projection to 2025: the average annual change of the known values (baseline included) extended from
  the latest year; for cumulative targets the average annual flow times five. `needed_per_year` is the
  yearly change (level) or flow (cumulative) still needed from the latest year to reach T.
"""

from __future__ import annotations

from typing import Mapping

START, END = 2020, 2025
PERIOD = END - START
SLIGHTLY_BEHIND_SHARE = 0.9     # p >= 0.9·tau is "slightly behind"
KEEP_PACE_TOLERANCE_PP = 1.0    # growth within 1 percentage point of the district's
ASSIGNED_TOLERANCE = 1.05       # up to 5 % above the assigned value
EPS = 1e-9                      # guards comparisons against float rounding (294.4 is not exact)


def tau(year: int) -> float:
    """Share of the plan period elapsed at the end of `year` (0 in 2020, 1 in 2025)."""
    return (year - START) / PERIOD


def planned_level(baseline: float | None, target: float | None, year: int) -> float | None:
    """M_t = B + (T - B)·tau, or None when B or T is missing."""
    if baseline is None or target is None:
        return None
    return baseline + (target - baseline) * tau(year)


def planned_cumulative(target: float | None, year: int) -> float | None:
    """Planned C_t = T·tau, or None without a target."""
    return None if target is None else target * tau(year)


def cumulative(flows: Mapping[int, float | None], year: int) -> float | None:
    """C_t = sum of the annual flows 2021..t; None for 2020 or when any of those flows is missing."""
    if year <= START:
        return None
    values = [flows.get(y) for y in range(START + 1, year + 1)]
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


def _by_progress(p: float | None, year: int) -> str:
    if p is None:
        return "unassessed"
    t = tau(year)
    if p >= t - EPS:
        return "on_track"
    if p >= SLIGHTLY_BEHIND_SHARE * t - EPS:
        return "slightly_behind"
    return "behind"


def level_status(value: float | None, baseline: float | None, target: float | None, year: int,
                 direction: str = "higher") -> str:
    """Status of an end-of-period level target in `year` (see the module docstring)."""
    if value is None or baseline is None or target is None:
        return "unassessed"
    met = value <= target + EPS if direction == "lower" else value >= target - EPS
    if met:
        return "achieved"
    return _by_progress(level_progress(value, baseline, target), year)


def cumulative_status(total: float | None, target: float | None, year: int) -> str:
    """Status of a five-year cumulative target from the running total C_t."""
    if total is None or target is None or year <= START:
        return "unassessed"
    if total >= target - EPS:
        return "achieved"
    return _by_progress(cumulative_progress(total, target), year)


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


def keep_pace_status(park_growth: float | None, district_growth: float | None) -> str:
    """Compare the park's growth with the district's, both in percent (percentage points apart)."""
    if park_growth is None or district_growth is None:
        return "unassessed"
    if park_growth >= district_growth - EPS:
        return "on_track"
    if park_growth >= district_growth - KEEP_PACE_TOLERANCE_PP - EPS:
        return "slightly_behind"
    return "behind"


def assigned_status(value: float | None, assigned: float | None) -> str:
    """City-assigned target, lower is better."""
    if value is None or assigned is None:
        return "unassessed"
    if value <= assigned + EPS:
        return "on_track"
    if value <= ASSIGNED_TOLERANCE * assigned + EPS:
        return "slightly_behind"
    return "behind"


def projection_level(values: Mapping[int, float | None]) -> tuple[float | None, int | None]:
    """(projected 2025 value, latest known year) from the average annual change of the known values.

    `values` maps year -> value (2020 holding the baseline where no value was entered). The average
    annual change is (A_latest - A_first) / (latest - first) over the first and latest known years;
    with one known value there is no change to extend and the projection is None (unless it is 2025).
    Every indicator of the plan is a quantity that cannot fall below zero, so neither can its projection.
    """
    known = sorted((y, v) for y, v in values.items() if v is not None and START <= y <= END)
    if not known:
        return None, None
    (first, a_first), (latest, a_latest) = known[0], known[-1]
    if latest == END:
        return a_latest, latest
    if latest == first:
        return None, latest
    slope = (a_latest - a_first) / (latest - first)
    return max(0.0, a_latest + slope * (END - latest)), latest


def projection_cumulative(flows: Mapping[int, float | None]) -> tuple[float | None, int | None]:
    """(projected five-year total, latest year with a flow): the average annual flow 2021.. times five."""
    known = sorted((y, v) for y, v in flows.items() if v is not None and START < y <= END)
    if not known:
        return None, None
    average = sum(v for _, v in known) / len(known)
    return average * PERIOD, known[-1][0]


def needed_per_year_level(latest_value: float | None, latest_year: int | None,
                          target: float | None) -> float | None:
    """The yearly change still needed from the latest year to reach T in 2025 (None once 2025 is known)."""
    if latest_value is None or latest_year is None or target is None or latest_year >= END:
        return None
    return (target - latest_value) / (END - latest_year)


def needed_per_year_cumulative(total: float | None, latest_year: int | None,
                               target: float | None) -> float | None:
    """The yearly flow still needed after the latest year for the five-year total to reach T (>= 0)."""
    if latest_year is None or target is None or latest_year >= END:
        return None
    done = 0.0 if total is None and latest_year <= START else total
    if done is None:
        return None
    return max(0.0, (target - done) / (END - latest_year))
