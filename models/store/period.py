"""The plan's period, as a park file holds it: base year B and target year T (meta base_year / target_year).

Every rule uses these years, never constants: tau = (t - B) / (T - B); cumulative sums run over
B+1 … T; the final year is T; keep-pace growth is annualised over T - B years.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

MAX_LENGTH = 15  # years from base to target a plan may span


@dataclass(frozen=True)
class Period:
    """Base year (the year before the plan's first, holding the baselines) and target year (the last)."""

    base: int
    target: int

    def __post_init__(self) -> None:
        if self.target <= self.base:
            raise ValueError(f"target year {self.target} is not after base year {self.base}")

    @property
    def length(self) -> int:
        """Years from base to target (5 for a five-year plan)."""
        return self.target - self.base

    @property
    def years(self) -> tuple[int, ...]:
        """Base year … target year, the years a park file holds figures for."""
        return tuple(range(self.base, self.target + 1))

    @property
    def plan_years(self) -> tuple[int, ...]:
        """The plan's own years, base+1 … target (flows, cumulative sums, tasks)."""
        return tuple(range(self.base + 1, self.target + 1))

    @property
    def first(self) -> int:
        return self.base + 1

    def tau(self, year: int) -> float:
        """Share of the period elapsed at the end of `year` (0 in the base year, 1 in the target year)."""
        return (year - self.base) / self.length

    def __contains__(self, year: object) -> bool:
        return isinstance(year, int) and self.base <= year <= self.target

    def is_final(self, year: int | None) -> bool:
        return year == self.target

    def label(self) -> str:
        """The plan's years as people write them: 2021–2025."""
        return f"{self.first}–{self.target}"


def read_period(conn: sqlite3.Connection) -> Period:
    """The period a park file's meta holds (schema v4 and later always have both years)."""
    rows = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('base_year', 'target_year')"))
    try:
        return Period(int(rows["base_year"]), int(rows["target_year"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError("the park file's meta has no valid base_year / target_year") from exc
