"""Median time to import a 10,000-row return (read, validate, store, derive) against python-calamine's raw
cell read of the same file, in the same run; plus peak memory of one import.

    .venv/bin/python bench/import.py [ROWS] [RUNS]
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.append(str(ROOT / "tests"))

from models import derive  # noqa: E402
from models.db import open_park  # noqa: E402
from models.importer import check_files, commit  # noqa: E402
from returns_data import row, write_xlsxwriter  # noqa: E402


def raw_read(path: Path) -> int:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    cells = 0
    for name in workbook.sheet_names:
        for line in workbook.get_sheet_by_name(name).to_python():
            cells += len(line)
    workbook.close()
    return cells


def import_once(template: Path, source: Path, work: Path, parts: dict[str, list[float]] | None = None) -> int:
    """One import on a fresh copy of the template; `parts` collects the time of each stage."""
    target = work / "park.sqlite"
    shutil.copyfile(template, target)
    park = open_park(target)
    park.db  # sqlite-utils is imported once per process, not per import: keep it out of the timing
    try:
        t0 = time.perf_counter()
        result = check_files(park.conn, [(source.name, source)])
        t1 = time.perf_counter()
        stored = commit(park, result)
        t2 = time.perf_counter()
        derive.indicator_derived(park.conn)
        derive.group_derived(park.conn, "industry")
        derive.group_derived(park.conn, "zone")
        t3 = time.perf_counter()
        if parts is not None:
            for key, value in (("read_and_check", t1 - t0), ("store", t2 - t1), ("derive", t3 - t2)):
                parts.setdefault(key, []).append(value)
        return stored.inserted
    finally:
        park.close()


def guard_time(source: Path) -> float:
    from models.workbook_guard import check_workbook

    start = time.perf_counter()
    check_workbook(source)
    return time.perf_counter() - start


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        source = work / "returns.xlsx"
        write_xlsxwriter(source, (row(n, 2023, listed_year=2020 if n % 97 == 0 else None)
                                  for n in range(1, rows + 1)))
        template = ROOT / "park.sqlite.template"
        raw_times, import_times, guard_times = [], [], []
        parts: dict[str, list[float]] = {}
        for _ in range(runs):
            guard_times.append(guard_time(source))
            start = time.perf_counter()
            cells = raw_read(source)
            raw_times.append(time.perf_counter() - start)
            before = sum(len(v) for v in parts.values())
            stored = import_once(template, source, work, parts)  # times only read+check, store and derive,
            assert sum(len(v) for v in parts.values()) == before + 3  # not copying and opening the park file
            import_times.append(sum(v[-1] for v in parts.values()))
            assert stored == rows, stored
        tracemalloc.start()
        import_once(template, source, work)
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    raw, imp = statistics.median(raw_times), statistics.median(import_times)
    print(f"rows={rows} cells={cells} runs={runs}")
    print(f"calamine_raw_read_s={raw:.3f}")
    print(f"import_s={imp:.3f}  (read + validate + store + derive)")
    print("  of which " + ", ".join(f"{k}={statistics.median(v):.3f}" for k, v in parts.items())
          + f"; the workbook guard (issue 8) alone={statistics.median(guard_times):.3f}")
    print(f"ratio={imp / raw:.2f}  (target <= 3)")
    print(f"peak_traced_memory_mb={peak / 1024 / 1024:.1f}")


if __name__ == "__main__":
    main()
