"""The open file's plan period as the screens use it: its years, its final year's status wording.

Every year a tab shows (columns, pickers, labels, charts) comes from here, never from a constant: a
file of 2026–2030 shows 2026…2030, one of 2021–2035 fifteen plan years. The status helpers give the final
wording (完成 / 基本完成 / 未完成) in the file's target year whatever models.plan still assumes.
"""

from __future__ import annotations

from models import plan
from models.period import Period, read_period



class NoPeriod:
    """The stand-in before a file is open (the tabs are built just before their first file loads): no
    years at all, so no year is ever assumed. Every tab replaces it with the file's Period on reload."""

    base = target = first = None
    length = 0
    years: tuple[int, ...] = ()
    plan_years: tuple[int, ...] = ()

    def __contains__(self, year: object) -> bool:
        return False

    def is_final(self, year: int | None) -> bool:
        return False

    def tau(self, year: int) -> float:
        raise ValueError("no park file is open")

    def label(self) -> str:
        return ""


NO_FILE = NoPeriod()


def period_of(session) -> Period | NoPeriod:
    """The period of the park file open in `session` (a ui.session.ParkSession), NO_FILE without one."""
    park = getattr(session, "park", None)
    if park is None:
        return NO_FILE
    try:
        return read_period(park.conn)
    except ValueError:
        return NO_FILE


def status_labels(status: str | None, year: int | None, period: Period | NoPeriod) -> tuple[str, str]:
    """(Chinese, English) label of `status` in `year`: the final wording in the period's target year."""
    status = status or "unassessed"
    if period.is_final(year) and status in plan.FINAL_STATUS_LABELS:
        return plan.FINAL_STATUS_LABELS[status]
    return plan.STATUS_LABELS.get(status, plan.STATUS_LABELS["unassessed"])


def statuses_for_year(year: int | None, period: Period | NoPeriod) -> tuple[str, ...]:
    """The statuses `year` can have, in display order: the final ones in the target year."""
    return plan.FINAL_STATUSES if period.is_final(year) else plan.STATUSES


def status_counts(series_list, year: int, period: Period | NoPeriod) -> dict[str, int]:
    """{status: number of indicators in it in `year`}, every status the year can have present (0 included)."""
    counts = {status: 0 for status in statuses_for_year(year, period)}
    for s in series_list:
        figures = s.years.get(year)
        status = (figures.status if figures is not None else None) or "unassessed"
        counts[status] = counts.get(status, 0) + 1
    return counts


def projection(series) -> float | None:
    """The indicator's projected target-year value (`projection`; `projection_2025` in older models)."""
    value = getattr(series, "projection", None)
    return value if value is not None else getattr(series, "projection_2025", None)

