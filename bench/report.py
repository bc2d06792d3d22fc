"""Median time to produce the full summary report PDF (every part) from a park file with figures.

Each run is a fresh process (`main.py report PATH --out OUT --parts all`), as the office would run it,
and the time inside the process to write the PDF is also printed (start-up and imports excluded).

    .venv/bin/python bench/report.py [RUNS]
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

IN_PROCESS = r'''
import sys, time
sys.path.insert(0, sys.argv[1])
from models import report
from models.db import open_park
park = open_park(sys.argv[2], read_only=True)
data = report.load(park.conn, "bench.sqlite", None, report.PARTS)
start = time.perf_counter()
report.write_pdf(data, sys.argv[3])
print(time.perf_counter() - start)
'''


def make_file(folder: Path) -> Path:
    from models.db import open_park
    from tests.models import known_figures

    path = folder / "bench.sqlite"
    shutil.copyfile(ROOT / "park.sqlite.template", path)
    park = open_park(path)
    known_figures.fill(park)
    park.close()
    return path


def main(runs: int = 5) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, CHANGNING_STATE_DIR=str(tmp / "state"))
        os.environ["CHANGNING_STATE_DIR"] = env["CHANGNING_STATE_DIR"]
        park = make_file(tmp)
        out = tmp / "report.pdf"
        cmd = [sys.executable, str(ROOT / "main.py"), "report", str(park), "--out", str(out), "--parts", "all"]
        subprocess.run(cmd, env=env, check=True, capture_output=True)  # warm the font cache and disk cache
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
        print(f"pages={count} runs={runs}")
        print(f"report_command_median_s={statistics.median(whole):.2f} (cpu {statistics.median(cpu):.2f})")
        print(f"write_pdf_median_s={statistics.median(inside):.2f}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5)
