"""Importing a return, whole process, against its floor — a process that only reads the same file with
python-calamine and stores its rows with one executemany — at 10,000 and 100,000 data rows (issue 16:
at most 2 times the floor; a 100,000-row import's peak memory under 300 MB).

Each figure is the median over RUNS runs, the two commands run in turn (import, floor, import, floor …)
so that a change in the machine's speed reaches both; the ratio is worked out pair by pair. Peak memory is
the process's own maximum resident set (VmHWM; see MEASURED). Also printed: the stages of one import inside a
process (read and check, store, derive), to show where the time goes.

    .venv/bin/python bench/import.py [RUNS] [ROWS ...]
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.process_env import with_bytecode_kept  # noqa: E402

# Runs a command-line script (main.py, or the floor below) and prints its peak memory when it ends: the
# high-water mark of its own memory (VmHWM). Not getrusage's ru_maxrss: Linux carries into it the resident
# size of the process that started it (this one, which holds the 100,000-row workbook it wrote: 277 MB).
MEASURED = r'''
import resource, runpy, sys
script = sys.argv[1]
sys.argv = sys.argv[1:]


def peak_kb():
    try:
        with open("/proc/self/status") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


try:
    runpy.run_path(script, run_name="__main__")
finally:
    print(f"peak_rss_kb={peak_kb()}", file=sys.stderr)
'''

# The floor: read every cell with calamine, one executemany of the data rows into the returns table.
FLOOR = r'''
import sqlite3, sys
sys.path.insert(0, sys.argv[1])
from python_calamine import CalamineWorkbook
from models.store.return_form import COLUMNS
keys = [c.key for c in COLUMNS]
workbook = CalamineWorkbook.from_path(sys.argv[2])
rows = workbook.get_sheet_by_name(workbook.sheet_names[0]).to_python()
conn = sqlite3.connect(sys.argv[3])
batch = conn.execute("INSERT INTO import_batches (created_at, files) VALUES ('now', '[]')").lastrowid
values = [(batch, *(v if v != "" else None for v in row[:len(keys)])) for row in rows[1:]]
conn.executemany(f"INSERT INTO returns (batch_id, {', '.join(keys)}) VALUES ({', '.join('?' * (len(keys) + 1))})",
                 values)
conn.commit()
print(len(values))
'''


def write_return(path: Path, rows: int) -> None:
    sys.path.append(str(ROOT / "tests"))
    from returns_data import row, write_xlsxwriter

    write_xlsxwriter(path, (row(n, 2023, listed_year=2020 if n % 97 == 0 else None, high_tech=n % 2,
                                mnc_rd=0) for n in range(1, rows + 1)))


def run(cmd: list[str], env: dict) -> tuple[float, float, str]:
    """(wall seconds, peak MB, stdout) of one process."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - start
    peak = next((int(line.split("=")[1]) for line in done.stderr.splitlines() if line.startswith("peak_rss_kb=")), 0)
    if done.returncode not in (0,):
        raise SystemExit(f"{cmd[2:4]} failed ({done.returncode}): {done.stderr[-2000:]}")
    return wall, peak / 1024, done.stdout


def stages(source: Path, work: Path) -> dict[str, float]:
    """The stages of one import inside this process (seconds)."""
    from models.planning import derive
    from models.store.db import open_park
    from models.returns.importer import check_files, commit

    target = work / "stages.sqlite"
    shutil.copyfile(ROOT / "park.sqlite.template", target)
    park = open_park(target)
    park.db  # sqlite-utils is imported once per process: keep it out of the timing
    try:
        t0 = time.perf_counter()
        result = check_files(park.conn, [(source.name, source)])
        t1 = time.perf_counter()
        commit(park, result)
        t2 = time.perf_counter()
        derive.indicator_derived(park.conn)
        derive.group_derived(park.conn, "industry")
        derive.group_derived(park.conn, "zone")
        t3 = time.perf_counter()
    finally:
        park.close()
    return {"read_and_check": t1 - t0, "store": t2 - t1, "derive": t3 - t2}


def bench(rows: int, runs: int, work: Path, env: dict) -> None:
    source = work / f"returns_{rows}.xlsx"
    write_return(source, rows)
    floor_py = work / "floor.py"
    floor_py.write_text(FLOOR, encoding="utf-8")
    imports, floors, ratios, peaks, floor_peaks = [], [], [], [], []
    for n in range(runs + 1):  # the first pair warms the disk and bytecode caches and is not counted
        park = work / f"park_{n}.sqlite"
        shutil.copyfile(ROOT / "park.sqlite.template", park)
        wall, peak, _out = run([sys.executable, "-c", MEASURED, str(ROOT / "main.py"), "import", str(park),
                                str(source)], env)
        stored = _count(park)
        assert stored == rows, f"{stored} of {rows} rows stored"
        floor_park = work / f"floor_{n}.sqlite"
        shutil.copyfile(ROOT / "park.sqlite.template", floor_park)
        floor_wall, floor_peak, out = run([sys.executable, "-c", MEASURED, str(floor_py), str(ROOT), str(source),
                                            str(floor_park)], env)
        assert int(out.strip()) == rows
        if n:
            imports.append(wall)
            floors.append(floor_wall)
            ratios.append(wall / floor_wall)
            peaks.append(peak)
            floor_peaks.append(floor_peak)
        park.unlink()
        floor_park.unlink()
    parts = stages(source, work)
    print(f"rows={rows} runs={runs}")
    print(f"  import_process_s={statistics.median(imports):.2f}  floor_process_s={statistics.median(floors):.2f}"
          f"  (calamine read + one executemany)")
    print(f"  ratio={statistics.median(ratios):.2f}  (pair by pair {min(ratios):.2f}–{max(ratios):.2f};"
          " target <= 2)")
    print(f"  import_peak_rss_mb={max(peaks):.0f}  floor_peak_rss_mb={max(floor_peaks):.0f}  (target < 300 at 100,000 rows)")
    print("  in-process stages: " + ", ".join(f"{k}={v:.2f}s" for k, v in parts.items()))


def _count(path: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT COUNT(*) FROM returns").fetchone()[0]
    finally:
        conn.close()


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    sizes = [int(a) for a in sys.argv[2:]] or [10_000, 100_000]
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        env = dict(with_bytecode_kept(work), CHANGNING_STATE_DIR=str(work / "state"), CHANGNING_DOCUMENTS=str(work / "docs"),
                   XDG_CONFIG_HOME=str(work / "config"), PYTHONIOENCODING="utf-8")
        for rows in sizes:
            bench(rows, runs, work, env)


if __name__ == "__main__":
    main()
