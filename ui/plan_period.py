"""The open file's plan period as the screens use it: its years, its final year's status wording.

Every year a tab shows (columns, pickers, labels, charts) comes from here, never from a constant: a
file of 2026–2030 shows 2026…2030, one of 2021–2035 fifteen plan years. The status helpers give the final
wording (完成 / 基本完成 / 未完成) in the file's target year: thin names for models' own, given the period.
"""

from __future__ import annotations

from models.planning import figures

from models.store import plan
from models.store.period import Period, read_period


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


# The status helpers are models' (models.store.plan.status_labels, models.planning.figures.statuses_for_year /
# status_counts); these names stay for older callers and pass the period on, NO_FILE included (never final).


def status_labels(status: str | None, year: int | None, period: Period | NoPeriod) -> tuple[str, str]:
    """(Chinese, English) label of `status` in `year`: models.store.plan.status_labels with the file's period."""
    return plan.status_labels(status, year, period=period)


def statuses_for_year(year: int | None, period: Period | NoPeriod) -> tuple[str, ...]:
    """The statuses `year` can have, in display order: models.planning.figures.statuses_for_year."""
    return figures.statuses_for_year(year, period)


def status_counts(series_list, year: int, period: Period | NoPeriod) -> dict[str, int]:
    """{status: number of indicators in it in `year`}: models.planning.figures.status_counts."""
    return figures.status_counts(series_list, year, period)


def projection(series) -> float | None:
    """The indicator's projected target-year value: `series.projection` (use it directly; this name stays
    for older callers)."""
    return series.projection
