"""The open file's plan period as the screens use it.

Every year a tab shows (columns, pickers, labels, charts) comes from here, never from a constant: a
file of 2026–2030 shows 2026…2030, one of 2021–2035 fifteen plan years. The final year's status wording
comes from models (models.store.plan.status_labels, models.planning.figures.statuses_for_year), given
this period; NO_FILE has no final year.
"""

from __future__ import annotations

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
