"""Screenshots of the 规划基数 and 重点任务 tabs with sample data, for the README.

    QT_QPA_PLATFORM=offscreen python scripts/screenshot_plan_tabs.py [OUT_DIR]

Writes docs/screenshot-facts.png and docs/screenshot-tasks.png from a copy of the template with made-up
returns (patents, high-tech), a few official figures and task statuses. Nothing here is real data.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def sample_park(path: Path) -> None:
    from models.planning import facts, tasks
    from models.store.db import open_park
    from models.store.return_form import COLUMNS

    shutil.copyfile(ROOT / "park.sqlite.template", path)
    park = open_park(path)
    conn = park.conn
    conn.execute("INSERT INTO import_batches (created_at, files) VALUES ('2024-03-01T09:00:00', '[]')")
    batch = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
    for year, scale in ((2021, 1.0), (2022, 1.1), (2023, 1.25)):
        for n in range(60):
            row = {c.key: None for c in COLUMNS}
            row.update(credit_code=f"C{n:04d}", name=f"示例企业{n}", year=year, industry="人工智能产业",
                       zone="西部临空片区", batch_id=batch, high_tech=1 if n % 3 else 0,
                       patent_apps=int((20 + n % 7) * scale), invention_apps=int((9 + n % 5) * scale),
                       patent_grants=int((10 + n % 4) * scale), invention_grants=int((3 + n % 3) * scale))
            conn.execute(f"INSERT INTO returns ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                         tuple(row.values()))
    conn.commit()
    for code, year, value in (("high_tech_enterprises", 2021, 286), ("high_tech_enterprises", 2022, 331),
                              ("high_tech_enterprises", 2023, 372), ("enterprises_total", 2023, 10480),
                              ("tax", 2023, 102.4)):
        facts.set_year(park, code, year, official=value)
    statuses = ("in_progress", "done", "in_progress", "behind", "not_started", "in_progress", "adjusted")
    for i, t in enumerate(tasks.list_tasks(conn)):
        tasks.update_task(park, t.id, unit="区科委" if t.chapter.startswith("三") else None,
                          years={2023: {"status": statuses[i % len(statuses)],
                                        "note": "按计划推进" if i % 4 == 0 else None}})
    park.close()


def main(out_dir: Path) -> None:
    from PySide6.QtCore import QSettings

    from ui.app import make_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp())
    park = tmp / "示例园区.sqlite"
    sample_park(park)
    app = make_application([])
    install_translators(app, "zh_CN")
    win = MainWindow(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat), "zh_CN")
    win.interactive = False
    win.resize(1400, 860)
    win.open_file(park)
    win.show()
    for index, name, pick in ((5, "facts", "patent_applications"), (6, "tasks", None)):
        win.tabs.setCurrentIndex(index)
        tab = win.park_tabs[index]
        if name == "facts":
            row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r)["code"] == pick)
            tab.view.setCurrentIndex(tab.proxy.mapFromSource(tab.model.index(row, 0)))
        else:
            tab.year_box.setCurrentIndex(tab.year_box.findData(2023))
        for _ in range(5):
            app.processEvents()
        win.grab().save(str(out_dir / f"screenshot-{name}.png"))
        print(out_dir / f"screenshot-{name}.png")
    win.close()
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs")
