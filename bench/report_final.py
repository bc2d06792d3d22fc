"""Median time to produce the final evaluation report (2025) as PDF and as Word, from a park file with known
2025 figures (tests/models/output/test_report_final.py), each run a fresh process as the office would run it:

    main.py report PATH --final --out OUT.pdf        main.py report PATH --final --out OUT.docx

Wall time and the CPU time of the child process are printed (the CPU time is the steadier number on a
shared machine).

    .venv/bin/python bench/report_final.py [RUNS]
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


def make_file(folder: Path) -> Path:
    from models.store.db import open_park
    from tests.models.output.test_report_final import fill_2025

    path = folder / "bench2025.sqlite"
    shutil.copyfile(ROOT / "park.sqlite.template", path)
    park = open_park(path)
    fill_2025(park)
    park.close()
    return path


def timed(cmd: list[str], env: dict, runs: int) -> tuple[float, float]:
    whole, cpu = [], []
    for _ in range(runs):
        start = time.perf_counter()
        before = os.times()
        subprocess.run(cmd, env=env, check=True, capture_output=True)
        after = os.times()
        whole.append(time.perf_counter() - start)
        cpu.append(after.children_user - before.children_user + after.children_system - before.children_system)
    return statistics.median(whole), statistics.median(cpu)


def main(runs: int = 3) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        env = dict(with_bytecode_kept(tmp), CHANGNING_STATE_DIR=str(tmp / "state"))
        os.environ["CHANGNING_STATE_DIR"] = env["CHANGNING_STATE_DIR"]
        park = make_file(tmp)
        base = [sys.executable, str(ROOT / "main.py"), "report", str(park), "--final", "--out"]
        subprocess.run(base + [str(tmp / "warm.pdf")], env=env, check=True, capture_output=True)  # font and bytecode caches
        print(f"runs={runs}")
        for suffix in ("pdf", "docx"):
            out = tmp / f"final.{suffix}"
            wall, cpu = timed(base + [str(out)], env, runs)
            print(f"final_{suffix}_median_s={wall:.2f} (cpu {cpu:.2f}) size_kb={out.stat().st_size // 1024}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
