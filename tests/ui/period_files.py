"""Park files for another plan period, for the window's tests (until tests/period_park.py is merged).

`make_period_file(path, base, target)` copies park.sqlite.template, sets meta base_year / target_year /
period, and moves every year row by (base − 2020): a 2026–2030 file holds the template's figures as
2026…2030. A longer period keeps the moved rows (2021–2035: rows 2020…2025, later years empty).
"""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from tests.conftest import TEMPLATE

YEAR_TABLES = ("indicator_years", "reference_years", "industry_years", "zone_years", "talent_years", "fact_years",
               "task_years")


def make_period_file(path: Path, base: int, target: int, title: str | None = None) -> Path:
    shutil.copyfile(TEMPLATE, path)
    delta = base - 2020
    conn = sqlite3.connect(path)
    with conn:
        for key, value in (("base_year", base), ("target_year", target), ("period", f"{base + 1}–{target}")):
            conn.execute("UPDATE meta SET value = ? WHERE key = ?", (str(value), key))
        if title is not None:
            conn.execute("UPDATE meta SET value = ? WHERE key = 'plan_title'", (title,))
        if delta:
            for table in YEAR_TABLES:
                # through 19xx: (code, year) is unique and the new years may overlap the old ones
                conn.execute(f"UPDATE {table} SET year = year - 100")
                conn.execute(f"UPDATE {table} SET year = year + 100 + ?", (delta,))
    conn.close()
    return path
