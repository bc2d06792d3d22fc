"""A park file for any plan period, for tests: the committed template (the built-in plan's indicators,
industries, zones, talent, facts and tasks) with meta base_year / target_year set to the period asked for
and every year table's empty rows moved to that period's years.

    make_period_park(tmp_path / "p.sqlite", 2025, 2030)   # a 15th Five-Year Plan, 2026–2030
    make_period_park(tmp_path / "q.sqlite", 2020, 2035)   # a 15-year plan, 2021–2035

The output, UI and core tests share it (issue 15).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.conftest import TEMPLATE

# year table: its key columns besides the year (the template holds one empty row per key and year)
YEAR_TABLES = {
    "indicator_years": ("code",),
    "reference_years": ("code",),
    "industry_years": ("industry", "field"),
    "zone_years": ("zone", "field"),
    "talent_years": ("code",),
    "fact_years": ("code",),
    "task_years": ("task_id",),  # plan years only (base+1 … target)
}


def make_period_park(path: Path | str, base: int, target: int, *, title: str | None = None) -> Path:
    """Copy the template to `path` with the period base…target: meta base_year, target_year and period
    (“2026–2030”), and the year tables' rows for those years (all empty, as in the template)."""
    if target <= base:
        raise ValueError("target year must be after base year")
    path = Path(path)
    shutil.copyfile(TEMPLATE, path)
    conn = sqlite3.connect(path)
    try:
        with conn:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'base_year'", (str(base),))
            conn.execute("UPDATE meta SET value = ? WHERE key = 'target_year'", (str(target),))
            conn.execute("UPDATE meta SET value = ? WHERE key = 'period'", (f"{base + 1}–{target}",))
            if title is not None:
                conn.execute("UPDATE meta SET value = ? WHERE key = 'plan_title'", (title,))
            for table, keys in YEAR_TABLES.items():
                cols = ", ".join(keys)
                distinct = conn.execute(f"SELECT DISTINCT {cols} FROM {table}").fetchall()
                conn.execute(f"DELETE FROM {table}")
                first = base + 1 if table == "task_years" else base
                marks = ", ".join("?" * (len(keys) + 1))
                conn.executemany(f"INSERT INTO {table} ({cols}, year) VALUES ({marks})",
                                 [(*key, year) for key in distinct for year in range(first, target + 1)])
    finally:
        conn.close()
    return path
