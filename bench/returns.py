"""The window with a whole park's returns: 10,000 enterprises × 5 years = 50,000 returns, in-process.

Prints, each the median of RUNS (targets from issue 16 in brackets):
  open_ms            opening the file to a usable first tab (MainWindow.open_file, events processed) [≤ 800]
  open_returns_ms    the same with 企业报表 as the current tab (it then loads all 50,000 rows)
  sort_ms[column]    a click on a 企业报表 column header (sort + repaint)                        [≤ 150]
  filter_ms          a filter change (year, industry, zone; the search after its typing pause)    [≤ 50]
  reload_after_*_ms  the tab reload after an undo / an import of 10,000 returns (`changed("returns")`) [≤ 300]
  chart_draws        charts drawn after one edit of an official figure (产业 tab; 指标 tab)       [1]

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/returns.py [RUNS] [ENTERPRISES]
"""

from __future__ import annotations

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

YEARS = (2021, 2022, 2023, 2024, 2025)


def add_batch(park, year: int, enterprises: int) -> None:
    """Store one batch of `enterprises` returns of `year` directly (one executemany), as an import would."""
    from models.returns.importer import _INSERT_COLUMNS
    from tests.returns_data import row

    conn = park.conn
    sql = f"INSERT INTO returns ({', '.join(_INSERT_COLUMNS)}) VALUES ({', '.join('?' * len(_INSERT_COLUMNS))})"
    with conn:
        batch = conn.execute("INSERT INTO import_batches (created_at, files, accepted) VALUES (?, ?, ?)",
                             (f"{year + 1}-03-01T09:00:00", "[]", enterprises)).lastrowid
        values = []
        for n in range(1, enterprises + 1):
            r = row(n, year, revenue=1000 + n + year % 10, high_tech=n % 2, mnc_rd=0,
                    source_file=f"{year}年报表.xlsx", source_sheet="企业报表", source_row=n + 1)
            values.append((batch, *(r[k] for k in _INSERT_COLUMNS[1:])))
        conn.executemany(sql, values)


def build_park(path: Path, enterprises: int = 10_000, years=YEARS) -> int:
    """A park file holding `enterprises` returns for each year (one batch per year), inserted directly."""
    from models.store.db import open_park

    shutil.copyfile(ROOT / "park.sqlite.template", path)
    park = open_park(path)
    for year in years:
        add_batch(park, year, enterprises)
    stored = park.conn.execute("SELECT COUNT(*) FROM returns").fetchone()[0]
    park.close()
    return stored


def ms(seconds) -> str:
    """Milliseconds; a (wall, cpu) pair as "wall (cpu N)": on a shared machine the wall time includes
    waiting for a processor, the CPU time of this process does not."""
    if isinstance(seconds, tuple):
        return f"{seconds[0] * 1000:.0f} (cpu {seconds[1] * 1000:.0f})"
    return f"{seconds * 1000:.0f}"


class Clock:
    """Wall and CPU time of a block: `with Clock(times): ...` appends (wall, cpu) seconds to `times`."""

    def __init__(self, times: list):
        self.times = times

    def __enter__(self):
        self.wall, self.cpu = time.perf_counter(), time.process_time()

    def __exit__(self, *exc):
        self.times.append((time.perf_counter() - self.wall, time.process_time() - self.cpu))


def median(times: list) -> tuple[float, float]:
    return statistics.median(t[0] for t in times), statistics.median(t[1] for t in times)


def main(runs: int = 5, enterprises: int = 10_000) -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from ui.app import make_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.tabs.returns_tab import ReturnsTableModel
    from widgets.chart_canvas import ChartCanvas

    tmp = Path(tempfile.mkdtemp())
    os.environ.update(CHANGNING_DOCUMENTS=str(tmp / "docs"), CHANGNING_STATE_DIR=str(tmp / "state"),
                      XDG_CONFIG_HOME=str(tmp / "config"))
    park_path = tmp / "park.sqlite"
    start = time.perf_counter()
    stored = build_park(park_path, enterprises)
    print(f"returns={stored} (built in {time.perf_counter() - start:.1f} s)")

    app = make_application([])
    install_translators(app, "zh_CN")
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)

    def settle() -> None:
        QApplication.processEvents()

    def open_window(tab_index: int) -> tuple[MainWindow, tuple]:
        window = MainWindow(settings, "zh_CN")
        window.interactive = False
        window.show()
        settle()
        window.tabs.setCurrentIndex(tab_index)
        times: list = []
        with Clock(times):
            assert window.open_file(park_path)
            window.repaint()
            settle()
        return window, times[0]

    # the first open of the day also writes the daily backup copy: reported apart
    window, first = open_window(0)
    window.close()
    print(f"first_open_of_the_day_ms={ms(first)}  (includes the daily backup copy)")
    opens, opens_returns = [], []
    for _ in range(runs):
        window, seconds = open_window(0)
        opens.append(seconds)
        window.close()
        window, seconds = open_window(4)
        opens_returns.append(seconds)
        if _ < runs - 1:
            window.close()
    print(f"open_ms={ms(median(opens))}  (target <= 800; first tab 指标)")
    print(f"open_returns_ms={ms(median(opens_returns))}  (企业报表 current: all rows loaded)")

    tab = window.park_tabs[4]
    assert len(tab.model.all_rows) == stored
    sorts = {}
    for column, (key, _title, _kind) in enumerate(ReturnsTableModel.COLUMNS):
        times = []
        for order in [Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder] * runs:
            with Clock(times):
                tab.view.sortByColumn(column, order)
                tab.view.repaint()
                settle()
        firsts = times[:2]  # each direction's first sort works the order out; later ones reuse it
        sorts[key] = (median(times), max(firsts))
    print("sort_ms, median (first)  (target <= 150): " + ", ".join(
        f"{k}={v[0][0] * 1000:.0f}/cpu {v[0][1] * 1000:.0f} ({v[1][0] * 1000:.0f}/cpu {v[1][1] * 1000:.0f})"
        for k, v in sorts.items()))
    print(f"  worst column: wall {max(v[0][0] for v in sorts.values()) * 1000:.0f},"
          f" cpu {max(v[0][1] for v in sorts.values()) * 1000:.0f}; worst first sort: wall"
          f" {max(v[1][0] for v in sorts.values()) * 1000:.0f}, cpu {max(v[1][1] for v in sorts.values()) * 1000:.0f}")

    filters = []
    year_combo, industry_combo = tab.year_combo, tab.industry_combo
    for _ in range(runs):
        for combo, data in ((year_combo, 2024), (industry_combo, "人工智能产业"), (industry_combo, None),
                            (year_combo, None)):
            with Clock(filters):
                combo.setCurrentIndex(combo.findData(data) if data is not None else 0)
                tab.view.repaint()
                settle()
        for text in ("测试企业12", ""):
            tab.text_edit.setText(text)  # the search itself runs after the pause: time that part
            with Clock(filters):
                tab.search_timer.stop()
                tab.on_filter_changed()
                tab.view.repaint()
                settle()
    print(f"filter_ms={ms(median(filters))}  (target <= 50; worst wall {ms(max(t[0] for t in filters))})")

    # after an import or undo: undo the 2025 batch (10,000 returns go), then store it again as a new batch
    from models.returns.importer import undo_batch

    tab.view.sortByColumn(ReturnsTableModel.REVENUE, Qt.SortOrder.DescendingOrder)  # reloads after a sort
    undos, imports, full = [], [], []
    park = window.session.park
    for _ in range(runs):
        batch = park.conn.execute("SELECT MAX(id) FROM import_batches WHERE undone_at IS NULL").fetchone()[0]
        undo_batch(park, batch)
        with Clock(undos):
            window.session.changed.emit("returns")
            tab.view.repaint()
            settle()
        assert len(tab.model.all_rows) == stored - enterprises
        add_batch(park, 2025, enterprises)
        with Clock(imports):
            window.session.changed.emit("returns")
            tab.view.repaint()
            settle()
        assert len(tab.model.all_rows) == stored
        with Clock(full):
            tab.reload()
            tab.view.repaint()
            settle()
    print(f"reload_after_undo_ms={ms(median(undos))}  (target <= 300; {enterprises} returns undone,"
          " sorted by revenue)")
    print(f"reload_after_import_ms={ms(median(imports))}  (target <= 300; {enterprises} returns added)")
    print(f"full_reload_ms={ms(median(full))}  (every row read again: opening the file)")

    draws = []
    original = ChartCanvas.draw

    def counting(self, plot):
        draws.append(self)
        return original(self, plot)

    ChartCanvas.draw = counting
    try:
        for index in (1, 0):
            window.tabs.setCurrentIndex(index)
            settle()
            page = window.park_tabs[index]
            draws.clear()
            if index == 1:
                row = next(r for r in range(page.detail_model.rowCount())
                           if page.detail_model.row(r)["field"] == "revenue")
                page.commit_detail(row, "official", 123.0)
            else:
                page.commit_indicator(*_indicator_edit(page))
            settle()
            name = ("产业", "指标")[index]
            print(f"chart_draws_after_one_edit[{name}]={len(draws)}  (target 1)")
    finally:
        ChartCanvas.draw = original
    window.close()
    shutil.rmtree(tmp, ignore_errors=True)


def _indicator_edit(page) -> tuple:
    """(row, key, value) of an edit of an official figure in the 指标 tab's year table."""
    model = page.year_model
    row = next(r for r in range(model.rowCount()) if model.row(r).get("_id") == 2024)
    return row, "official", 75.0


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 5, int(sys.argv[2]) if len(sys.argv) > 2 else 10_000)
