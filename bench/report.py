"""Median time to produce the full summary report PDF (every part) from a park file with figures and a whole
year of returns (ENTERPRISES returns of 2023, default 10,000, as a whole park's year; issue 16: under 2 s).

Each run is a fresh process (`main.py report PATH --out OUT --parts all`), as the office would run it,
and the time inside the process to write the PDF is also printed (start-up and imports excluded).

    .venv/bin/python bench/report.py [RUNS] [ENTERPRISES]
"""

from __future__ import annotations

import os
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

IN_PROCESS = r'''
import sys, time
sys.path.insert(0, sys.argv[1])
from models.output import report
from models.store.db import open_park
park = open_park(sys.argv[2], read_only=True)
data = report.load(park.conn, "bench.sqlite", None, report.PARTS)
start = time.perf_counter()
report.write_pdf(data, sys.argv[3])
print(time.perf_counter() - start)
'''


def make_file(folder: Path, enterprises: int = 10_000) -> Path:
    from bench.returns import add_batch
    from models.store.db import open_park
    from tests import known_figures

    path = folder / "bench.sqlite"
    shutil.copyfile(ROOT / "park.sqlite.template", path)
    park = open_park(path)
    known_figures.fill(park)
    if enterprises:
        add_batch(park, 2023, enterprises)
    park.close()
    return path


def main(runs: int = 5, enterprises: int = 10_000) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = dict(with_bytecode_kept(tmp), CHANGNING_STATE_DIR=str(tmp / "state"))
        os.environ["CHANGNING_STATE_DIR"] = env["CHANGNING_STATE_DIR"]
        park = make_file(tmp, enterprises)
        out = tmp / "report.pdf"
        cmd = [sys.executable, str(ROOT / "main.py"), "report", str(park), "--out", str(out), "--parts", "all"]
        subprocess.run(cmd, env=env, check=True, capture_output=True)  # warm the font, disk and bytecode caches
        whole, inside, cpu = [], [], []
        for _ in range(runs):
            start = time.perf_counter()
            before = os.times()
            subprocess.run(cmd, env=env, check=True, capture_output=True)
            after = os.times()
            whole.append(time.perf_counter() - start)
            cpu.append(after.children_user - before.children_user + after.children_system - before.children_system)
            result = subprocess.run([sys.executable, "-c", IN_PROCESS, str(ROOT), str(park), str(out)], env=env,
                                    check=True, capture_output=True, text=True)
            inside.append(float(result.stdout.strip().splitlines()[-1]))
        pages = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True).stdout
        count = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:")), "?")
        print(f"pages={count} runs={runs} returns={enterprises}")
        print(f"report_command_median_s={statistics.median(whole):.2f} (cpu {statistics.median(cpu):.2f})")
        print(f"write_pdf_median_s={statistics.median(inside):.2f}")


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:3]))
