"""Units, target texts and gaps in the tables follow the window's language: English words in English
(100M yuan, firms, "In step with the district's economy", "20 short"), the plan's Chinese in Chinese —
while the numbers keep being written by the Chinese unit the rows hold."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.tabs.test_industries_tab import add_returns
from ui.tabs.indicator_table import IndicatorTableModel

FACTS = 5  # index of the 规划基数 tab


def open_window(qtbot, settings, park_path, language):
    from ui.app import make_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    # 2025 (the target year): 460 high-tech enterprises against the plan's 480 → 差20家.
    from models.store.db import open_park

    park = open_park(park_path)
    park.conn.execute("UPDATE indicator_years SET official = 460 WHERE code = 'high_tech_enterprises' AND year = 2025")
    park.conn.commit()
    park.close()

    app = make_application([])
    install_translators(app, language)
    win = MainWindow(settings, language)
    win.interactive = False
    qtbot.addWidget(win)
    assert win.open_file(park_path)
    win.show()
    qtbot.waitExposed(win)
    return app, win


@pytest.fixture(params=["en", "zh_CN"])
def window_in(request, qtbot, settings, park_path):
    from ui.i18n import install_translators

    app, win = open_window(qtbot, settings, park_path, request.param)
    try:
        yield request.param, win
    finally:
        win.close()
        install_translators(app, "zh_CN")


def cell(model, code, column):
    return model.index(model.row_of(code), column).data(Qt.ItemDataRole.DisplayRole)


def column_of(model, key):
    return next(i for i, c in enumerate(model.columns) if c.key == key)


EXPECTED = {  # language → {indicator: (unit cell, target cell)}, and the 2025 gap of high_tech_enterprises
    "en": {"total_revenue": ("100M yuan", "In step with the district's economy"),
           "new_listed_companies": ("firms", "15 more in five years"),
           "foreign_work_permits": ("person-times", "20000 more in five years"),
           "energy_per_value_added": ("tce/10k yuan", "Meet the target set by the city"),
           "gap": "20 short"},
    "zh_CN": {"total_revenue": ("亿元", "与区经济发展保持同步"),
              "new_listed_companies": ("家", "五年累计新增15"),
              "foreign_work_permits": ("人次", "五年累计新增20000"),
              "energy_per_value_added": ("吨标准煤/万元", "完成市下达指标"),
              "gap": "差20家"},
}


def test_indicator_table_units_targets_and_gap(window_in):
    language, window = window_in
    window.tabs.setCurrentIndex(0)
    tab = window.park_tabs[0]
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2025))
    model = tab.table_model
    expected = EXPECTED[language]
    for code in ("total_revenue", "new_listed_companies", "foreign_work_permits", "energy_per_value_added"):
        assert (cell(model, code, IndicatorTableModel.UNIT), cell(model, code, IndicatorTableModel.TARGET)) \
            == expected[code], code
    assert cell(model, "high_tech_enterprises", IndicatorTableModel.GAP) == expected["gap"]   # 480 − 460
    # the row keeps the Chinese unit its numbers are written by: 460 firms is "460", not "460.00"
    assert cell(model, "high_tech_enterprises", IndicatorTableModel.VALUE) == "460"
    assert model.row(model.row_of("total_revenue"))["unit"] == "亿元"

    # the year table of the selected indicator: the gap in 2025, the caption's unit and target
    tab.select_indicator("high_tech_enterprises")
    years = tab.year_model
    row_2025 = next(r for r in range(years.rowCount()) if years.row(r)["year"] == "2025")
    assert years.index(row_2025, column_of(years, "gap")).data() == expected["gap"]
    tab.select_indicator("new_listed_companies")
    caption = tab.year_caption.text()
    if language == "en":
        assert " (firms)" in caption and "15 more in five years" in caption, caption
    else:
        assert "（家）" in caption and "五年累计新增15" in caption, caption


def test_unit_columns_of_the_group_talent_and_facts_tabs(window_in):
    language, window = window_in
    english = language == "en"
    add_returns(window)

    industries = window.park_tabs[1]
    window.tabs.setCurrentIndex(1)
    detail = industries.detail_model
    units = {detail.row(r)["field"]: detail.index(r, column_of(detail, "unit")).data()
             for r in range(detail.rowCount())}
    assert units["revenue"] == ("100M yuan" if english else "亿元")
    assert units["enterprises"] == ("firms" if english else "家")

    talent = window.park_tabs[3]
    window.tabs.setCurrentIndex(3)
    model = talent.model
    permits = next(r for r in range(model.rowCount()) if model.row(r)["code"] == "foreign_work_permits")
    assert model.index(permits, column_of(model, "unit")).data() == ("person-times" if english else "人次")
    assert model.row(permits)["unit"] == "人次"              # the row keeps the unit its numbers follow
    talent.view.setCurrentIndex(talent.proxy.mapFromSource(model.index(permits, 0)))
    assert talent.title.text().endswith(" (person-times)" if english else "（人次）")

    facts = window.park_tabs[FACTS]
    window.tabs.setCurrentIndex(FACTS)
    model = facts.model
    shown = {model.row(r)["unit"]: model.index(r, column_of(model, "unit")).data() for r in range(model.rowCount())}
    assert shown["家"] == ("firms" if english else "家")
    assert shown["亿元"] == ("100M yuan" if english else "亿元")
    plan = {model.row(r)["code"]: model.row(r)["plan"] for r in range(model.rowCount())}
    assert plan["area"] == ("about 10.2" if english else "约10.2")                  # the plan's 约10.2
    assert plan["ai_enterprises"] == ("over 200（两百余家）" if english else "200余（两百余家）")  # its words stay
    area = next(r for r in range(model.rowCount()) if model.row(r)["code"] == "area")
    facts.view.setCurrentIndex(facts.proxy.mapFromSource(model.index(area, 0)))
    title = facts.title.text()
    assert title.endswith("2020: about 10.2" if english else "2020：约10.2"), title


def test_baseline_basis_in_the_window_language(window_in):
    language, window = window_in
    window.tabs.setCurrentIndex(0)
    tab = window.park_tabs[0]
    tab.select_indicator("total_revenue")
    model = tab.baseline_model
    basis = model.index(0, column_of(model, "caveat")).data()
    assert basis == ("Enterprises above designated size" if language == "en" else "规模以上企业口径")
    tip = tab.table_model.index(tab.table_model.row_of("total_revenue"), IndicatorTableModel.BASELINE) \
        .data(Qt.ItemDataRole.ToolTipRole)
    assert tip.endswith(" · " + basis), tip


def test_status_helpers_without_a_file_never_use_the_final_wording():
    from models.store.period import Period
    from models.store.plan import STATUSES
    from models.planning.figures import status_counts, statuses_for_year
    from models.store.plan import status_labels
    from ui.plan_period import NO_FILE

    assert status_labels("achieved", 2025, period=NO_FILE) == ("达成目标", "Target met")   # no file: no final year
    assert statuses_for_year(2025, NO_FILE) == STATUSES
    assert status_counts([], 2025, NO_FILE) == dict.fromkeys(STATUSES, 0)
    assert status_labels("achieved", 2030, period=Period(2025, 2030)) == ("完成", "Achieved")
    assert status_labels(None, 2030, period=Period(2025, 2030)) == ("无法评估", "Not assessable")
