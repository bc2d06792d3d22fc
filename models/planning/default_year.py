"""The one year every tab opens on: the latest year with figures (issue 17).

Read from the park file with one query per table, without loading any series: opening a file stays as
light as the tabs that fill only when shown.
"""

from __future__ import annotations

import sqlite3

from ..store.period import read_period

# Where a figure of a year may be: the official figures of each table, and the enterprises' returns.
_QUERIES = (
    "SELECT MAX(year) FROM indicator_years WHERE official IS NOT NULL",
    "SELECT MAX(year) FROM industry_years WHERE official IS NOT NULL",
    "SELECT MAX(year) FROM zone_years WHERE official IS NOT NULL",
    "SELECT MAX(year) FROM talent_years WHERE official IS NOT NULL",
    "SELECT MAX(year) FROM returns",
)


def latest_year_with_figures(conn: sqlite3.Connection) -> int:
    """The latest year of the file's period (base … target) holding an official figure of an indicator,
    industry, zone or talent category, or an enterprise's return; the period's base year (which holds the
    plan's baselines) when the file has none yet. `figures.latest_year_with_data` asks this too."""
    period = read_period(conn)
    found = []
    for sql in _QUERIES:
        try:
            year = conn.execute(sql).fetchone()[0]
        except sqlite3.Error:  # a table this file does not have
            continue
        if year is not None:
            found.append(int(year))
    years = [y for y in found if y in period]
    return max(years) if years else period.base


__all__ = ["latest_year_with_figures"]
