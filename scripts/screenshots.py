"""Screenshots of every tab with made-up sample data, for the README and the user guide.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [OUT_DIR] [--size=1366x768] [--lang=en]

Writes docs/screenshot-<tab>.png (indicators, industries, zones, talent, returns, facts, tasks) and
docs/screenshot-plan-settings.png (File ▸ 规划设置… of the tests' made-up 15th plan) from a copy
of the template with sample returns (scripts/screenshot_plan_tabs.py), official figures of the
indicators and industries, and task statuses. The default size is the office's small screen, 1366×768:
what fits there fits everywhere. Nothing here is real data.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = ("indicators", "industries", "zones", "talent", "returns", "facts", "tasks")
OFFICIAL = {  # made-up figures 2021–2024
    "rd_intensity": (3.92, 4.05, 4.18, 4.31),
    "invention_patents_per_10k": (78, 81, 85, 88.5),
    "tech_contract_turnover": (16.8, 18.2, 19.6, 20.4),
    "total_revenue": (1601.5, 1650.2, 1732.8, 1810.4),
    "total_tax": (95.3, 98.6, 102.4, 106.1),
    "high_tech_enterprises": (286, 331, 372, 410),
    "new_listed_companies": (2, 3, 4, 2),
    "returnee_foreign_share": (3.6, 3.8, 4.0, 4.2),
    "foreign_work_permits": (3100, 3600, 3900, 4100),
    "mnc_rd_centres": (15, 16, 16, 17),
    "energy_per_value_added": (0.031, 0.0302, 0.0295, 0.029),
}
REFERENCE = {"district_gdp_growth": (8.1, 3.2, 5.5, 5.0), "district_tax_growth": (6.0, -2.0, 4.0, 3.0)}


def sample_park(path: Path) -> None:
    from models.store.db import open_park
    from scripts.screenshot_plan_tabs import sample_park as plan_sample

    plan_sample(path)
    park = open_park(path)
    try:
        industries = [r[0] for r in park.conn.execute("SELECT name FROM industries ORDER BY seq")]
        zones = [r[0] for r in park.conn.execute("SELECT name FROM zones ORDER BY seq")]
        with park.transaction("edit", "screenshots") as tx:
            for code, values in OFFICIAL.items():
                for year, value in zip(range(2021, 2025), values):
                    tx.update("indicator_years", {"code": code, "year": year}, {"official": value})
            tx.update("indicator_years", {"code": "energy_per_value_added", "year": 2024}, {"assigned": 0.0295})
            for code, values in REFERENCE.items():
                for year, value in zip(range(2021, 2025), values):
                    tx.update("reference_years", {"code": code, "year": year}, {"value": value})
            for i, name in enumerate(industries):
                for year in range(2021, 2025):
                    base = 40 + 25 * (i % 5)
                    figures = {"revenue": base * (1 + 0.06 * (year - 2020)), "tax": base * 0.06,
                               "enterprises": 30 + 5 * i + year - 2020, "high_tech": 8 + i}
                    for fld, value in figures.items():
                        tx.update("industry_years", {"industry": name, "year": year, "field": fld},
                                  {"official": round(value, 2)})
            for i, name in enumerate(zones):
                for year in range(2021, 2025):
                    figures = {"revenue": 500 + 120 * i + 30 * (year - 2020), "tax": 30 + 6 * i,
                               "enterprises": 300 + 50 * i, "high_tech": 90 + 20 * i}
                    for fld, value in figures.items():
                        tx.update("zone_years", {"zone": name, "year": year, "field": fld}, {"official": value})
    finally:
        park.close()


def main(out_dir: Path, size: tuple[int, int] = (1366, 768), language: str = "zh_CN") -> list[Path]:
    from PySide6.QtCore import QSettings

    from ui.app import make_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    tmp = Path(tempfile.mkdtemp())
    park = tmp / "示例园区.sqlite"
    sample_park(park)
    app = make_application([])
    install_translators(app, language)
    win = MainWindow(QSettings(str(tmp / "s.ini"), QSettings.Format.IniFormat), language)
    win.interactive = False
    win.resize(*size)
    win.open_file(park)
    win.show()
    written = []
    for index, name in enumerate(NAMES):
        win.tabs.setCurrentIndex(index)
        for _ in range(5):
            app.processEvents()
        out = out_dir / f"screenshot-{name}.png"
        win.grab().save(str(out))
        written.append(out)
        print(out)
    win.close()
    written.append(plan_settings_shot(out_dir, tmp, size))
    shutil.rmtree(tmp, ignore_errors=True)
    return written


def plan_settings_shot(out_dir: Path, tmp: Path, size: tuple[int, int]) -> Path:
    """File ▸ 规划设置… of a park file made from the made-up 15th Five-Year Plan definition of the tests."""
    from PySide6.QtWidgets import QApplication

    from models.planning.plan_create import create_park
    from models.planning.plan_definition import read_definition
    from models.store.db import open_park
    from tests.plan_defs import fifteenth_plan_file
    from ui.plan_settings import PlanSettingsDialog

    path = tmp / "十五五.sqlite"
    create_park(path, read_definition(fifteenth_plan_file(tmp)))
    park = open_park(path, read_only=True)
    dialog = PlanSettingsDialog(park.conn)
    dialog.resize(size[0] - 200, size[1] - 120)
    dialog.show()
    for _ in range(5):
        QApplication.processEvents()
    out = out_dir / "screenshot-plan-settings.png"
    dialog.grab().save(str(out))
    dialog.close()
    park.close()
    print(out)
    return out


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    size, language = (1366, 768), "zh_CN"
    for a in sys.argv[1:]:
        if a.startswith("--size="):
            w, h = a.split("=", 1)[1].split("x")
            size = (int(w), int(h))
        elif a.startswith("--lang="):
            language = a.split("=", 1)[1]
    main(Path(args[0]) if args else ROOT / "docs", size, language)
