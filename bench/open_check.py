"""Time of opening a park file with N stored returns (default 250,000): the schema check, quick_check and
the value check that every open runs before anything is read (read-only and read-write), median of runs.

    .venv/bin/python bench/open_check.py [ROWS] [RUNS]
"""

from __future__ import annotations

import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.store import db  # noqa: E402
from scripts.make_bad_parks import return_values  # noqa: E402


def fill(path: Path, rows: int) -> None:
    conn = sqlite3.connect(str(path))
    conn.execute("INSERT INTO import_batches (id, created_at, files) VALUES (1, '2024-03-01T10:00:00', '[]')")
    cols = list(return_values())

    def rows_of(n: int):
        row = return_values(n // 6 + 1, year=2020 + n % 6, name=f"企业{n // 6 + 1}")
        return tuple(row[c] for c in cols)

    conn.executemany(f"INSERT INTO returns ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                     (rows_of(n) for n in range(rows)))
    conn.commit()
    conn.close()


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 250_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.sqlite"
        shutil.copyfile(ROOT / "park.sqlite.template", path)
        fill(path, rows)
        size = path.stat().st_size
        for read_only in (True, False):
            times = []
            for _ in range(runs):
                t0 = time.perf_counter()
                db.open_park(path, read_only=read_only).close()
                times.append(time.perf_counter() - t0)
            print(f"open_park read_only={read_only}: {statistics.median(times):.2f} s median of {runs} "
                  f"({rows:,} returns, {size / 1e6:.0f} MB; budget {db.open_budget(path):g} s)")


if __name__ == "__main__":
    main()
