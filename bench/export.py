"""Time and peak memory of `main.py export` on a park file holding 250,000 returns (50,000 enterprises ×
five years), run as its own process as the office runs it; targets (issue 11): under 30 s and 500 MB.

    .venv/bin/python bench/export.py [RETURNS] [RUNS]

Prints the rows, the time of each run, the median, and the peak resident memory of the export process
(ru_maxrss of the child). The park file is built by SQL (no import), in a temporary folder.
"""

from __future__ import annotations

import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.store.return_form import COLUMNS  # noqa: E402
from tests.returns_data import INDUSTRIES, ZONES, code  # noqa: E402

KEYS = [c.key for c in COLUMNS]


def build(path: Path, returns: int) -> None:
    shutil.copyfile(ROOT / "park.sqlite.template", path)
    conn = sqlite3.connect(path)
    years = (2021, 2022, 2023, 2024, 2025)
    enterprises = max(1, returns // len(years))
    with conn:
        conn.execute("INSERT INTO import_batches (id, created_at, files) VALUES (1, '2026-01-01', '[]')")
        marks = ", ".join("?" * (len(KEYS) + 4))
        sql = (f"INSERT INTO returns (batch_id, {', '.join(KEYS)}, source_file, source_sheet, source_row)"
               f" VALUES ({marks})")

        def rows():
            made = 0
            for year in years:
                for n in range(enterprises):
                    if made >= returns:
                        return
                    made += 1
                    name = f"=测试企业{n}有限公司" if n % 1000 == 0 else f"测试企业{n}有限公司"
                    yield (1, code(n), name, year, INDUSTRIES[n % 4], ZONES[n % 3], 1000.5 + n, 100.25 + n,
                           50.0 + n, 400.0 + n, 20.0 + n, 100 + n % 900, 3, 2, 4, 6, 2, 5, 1, 10.0 * n, n % 2,
                           None, 0, f"企业{n % 500}.xlsx", "企业报表", 2 + n % 200)

        conn.executemany(sql, rows())
    conn.close()


def main() -> None:
    returns = int(sys.argv[1]) if len(sys.argv) > 1 else 250_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    with tempfile.TemporaryDirectory() as tmp:
        park = Path(tmp) / "park.sqlite"
        t0 = time.perf_counter()
        build(park, returns)
        print(f"built {returns} returns in {time.perf_counter() - t0:.1f} s ({park.stat().st_size / 1e6:.0f} MB)")
        times = []
        for run in range(runs):
            out = Path(tmp) / f"export{run}.xlsx"
            start = time.perf_counter()
            proc = subprocess.run([sys.executable, str(ROOT / "main.py"), "export", str(park), "--out", str(out)],
                                  capture_output=True, text=True, encoding="utf-8",
                                  env={**os.environ, "PYTHONIOENCODING": "utf-8"})
            elapsed = time.perf_counter() - start
            if proc.returncode != 0:
                raise SystemExit(proc.stderr)
            times.append(elapsed)
            print(f"run {run + 1}: {elapsed:.1f} s, {out.stat().st_size / 1e6:.0f} MB written")
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_kb = usage.ru_maxrss  # largest child: an export run
        cpu = (usage.ru_utime + usage.ru_stime) / runs
        print(f"export of {returns} returns: median {statistics.median(times):.1f} s wall (target < 30 s), "
              f"{cpu:.1f} s CPU per run, peak memory {peak_kb / 1024:.0f} MB (target < 500 MB); "
              f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")


if __name__ == "__main__":
    main()
