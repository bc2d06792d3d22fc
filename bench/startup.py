"""Median time from process start to first paint: this application (`main.py --smoke`) against a bare
PySide6 window with the same tab bar (a QMainWindow holding a QTabWidget of five empty pages), measured in
the same run, alternately (issue 16: at most 1.5 times the bare window).

    .venv/bin/python bench/startup.py [RUNS]
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.process_env import with_bytecode_kept  # noqa: E402

BARE = r'''
import sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
from ui.startup import seconds_since_process_start
app = QApplication(sys.argv[:1])
window = QMainWindow()
tabs = QTabWidget(window)
for title in ("指标", "产业", "片区", "人才", "企业报表"):
    tabs.addTab(QWidget(tabs), title)
window.setCentralWidget(tabs)
class Watch(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print(f"first_paint_ms={round(seconds_since_process_start() * 1000)}", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watch = Watch()
window.installEventFilter(watch)
window.resize(1280, 800)
window.show()
app.exec()
'''


def first_paint(cmd: list[str], env: dict) -> int:
    out = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True).stdout
    return int(re.search(r"first_paint_ms=(\d+)", out).group(1))


def main(runs: int = 7) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        env = dict(with_bytecode_kept(Path(tmp)), QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   CHANGNING_DOCUMENTS=str(Path(tmp) / "docs"), CHANGNING_STATE_DIR=str(Path(tmp) / "state"),
                   XDG_CONFIG_HOME=str(Path(tmp) / "config"), CHANGNING_SETTINGS_DIR=str(Path(tmp) / "config"))
        park = Path(tmp) / "park.sqlite"
        subprocess.run([sys.executable, str(ROOT / "main.py"), "new", str(park)], env=env, check=True,
                       capture_output=True)
        app_cmd = [sys.executable, str(ROOT / "main.py"), "--smoke", str(park)]
        bare_cmd = [sys.executable, "-c", BARE, str(ROOT)]
        first_paint(app_cmd, env)  # warm the disk cache once for both (and compile the app, bench.process_env)
        first_paint(bare_cmd, env)
        app, bare = [], []
        for _ in range(runs):
            app.append(first_paint(app_cmd, env))
            bare.append(first_paint(bare_cmd, env))
    a, b = statistics.median(app), statistics.median(bare)
    print(f"runs={runs}")
    print(f"app_first_paint_ms_median={a:.0f}  (all: {app})")
    print(f"bare_window_first_paint_ms_median={b:.0f}  (all: {bare})")
    ratios = sorted(x / y for x, y in zip(app, bare))
    print(f"ratio={a / b:.2f}  (pair by pair: median {statistics.median(ratios):.2f}, {ratios[0]:.2f}–{ratios[-1]:.2f};"
          " target: at most 1.5)")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
