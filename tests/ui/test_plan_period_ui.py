"""The window follows the open file's plan and period (issue 15): a 2026–2030 file (base year 2025) shows
2025…2030 in every year picker and column and names 2025 as its baseline, 2030 as its target; a
2021–2035 file shows sixteen years and stays usable; File ▸ 新建规划… creates a file from a definition
written here, lists a bad definition's problems, and File ▸ 规划设置… shows the period and each
indicator's 报表口径 in words."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt

from tests.conftest import TEMPLATE
from tests.period_park import make_period_park

H = Qt.Orientation.Horizontal
INDICATORS, INDUSTRIES, ZONES, TALENT, RETURNS, FACTS, TASKS = range(7)


def headers(model) -> list[str]:
    return [model.headerData(c, H) for c in range(model.columnCount())]


def combo_years(combo) -> list[int]:
    return [combo.itemData(i) for i in range(combo.count())]


@pytest.fixture
def open_window(new_window, qtbot):
    def make(path: Path):
        win = new_window()
        assert win.open_file(path)
        win.resize(1366, 768)
        win.show()
        qtbot.waitExposed(win)
        return win
    return make


@pytest.fixture
def window_2030(open_window, tmp_path):
    return open_window(make_period_park(tmp_path / "p15.sqlite", 2025, 2030, title="长宁园“十五五”规划"))


def test_indicators_tab_years_follow_the_file(window_2030):
    win = window_2030
    tab = win.park_tabs[INDICATORS]
    assert combo_years(tab.year_combo) == [2025, 2026, 2027, 2028, 2029, 2030]
    shown = headers(tab.table_model)
    assert "2025年基数" in shown and "2030年目标" in shown and "2030年预计" in shown
    assert not any("2020" in h for h in shown)
    # the selected indicator's yearly table: one row per year of the file, base year first
    assert [tab.year_model.row(r)["year"] for r in range(tab.year_model.rowCount())] == \
        ["2025", "2026", "2027", "2028", "2029", "2030"]
    assert tab.baseline_model.row(0)["item"] == "2025年基期值"
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2028))
    assert "2028年状态" in headers(tab.table_model)
    # a keep-pace indicator's period growth columns name the file's period
    tab.select_indicator("total_revenue")
    assert "2025–2030年年均增速%" in headers(tab.year_model)
    assert "全区2025–2030年年均增速%" in headers(tab.year_model)


def test_facts_tab_years_follow_the_file(window_2030):
    win = window_2030
    win.tabs.setCurrentIndex(FACTS)
    tab = win.park_tabs[FACTS]
    shown = headers(tab.model)
    assert shown[3:10] == ["2025年（规划）", "2026", "2027", "2028", "2029", "2030", "2030年较2025年变化"]
    assert [tab.detail_model.row(r)["year"] for r in range(tab.detail_model.rowCount())] == list(range(2025, 2031))
    assert "较2025年变化" in headers(tab.detail_model)
    assert tab.chart_tabs.tabText(0) == "2025—2030年序列"
    assert tab.hint.text().startswith("2025年为规划数")


def test_talent_tab_years_follow_the_file(window_2030):
    win = window_2030
    win.tabs.setCurrentIndex(TALENT)
    tab = win.park_tabs[TALENT]
    shown = headers(tab.model)
    assert shown[tab.FIRST_YEAR:] == ["2025", "2026", "2027", "2028", "2029", "2030", "2026–2030年合计"]
    assert "2025年以来累计" in headers(tab.detail_model)
    years = [tab.detail_model.row(r)["year"] for r in range(tab.detail_model.rowCount())]
    assert years == [2025, 2026, 2027, 2028, 2029, 2030, "2026–2030年合计"]
    assert "2025年高层次人才数" in tab.hint.text()


def test_other_year_pickers_follow_the_file(window_2030):
    win = window_2030
    for index in (INDUSTRIES, ZONES):
        win.tabs.setCurrentIndex(index)
        assert combo_years(win.park_tabs[index].year_box) == list(range(2025, 2031))
    win.tabs.setCurrentIndex(TASKS)
    assert combo_years(win.park_tabs[TASKS].year_box) == [2026, 2027, 2028, 2029, 2030]  # the plan's years
    win.tabs.setCurrentIndex(RETURNS)
    returns = win.park_tabs[RETURNS]
    assert combo_years(returns.year_combo)[1:] == list(range(2025, 2031))  # after "All"
    # the featured parks' year may run past the target year, not to a fixed 2035
    year_column = next(c for c in win.park_tabs[ZONES].parks_model.columns if c.key == "year")
    assert year_column.maximum == 2040


def test_opening_a_file_of_another_period_switches_back(window_2030, park_path):
    win = window_2030
    assert win.open_file(park_path)  # the built-in 2021–2025 plan
    tab = win.park_tabs[INDICATORS]
    assert combo_years(tab.year_combo) == [2020, 2021, 2022, 2023, 2024, 2025]
    assert "2020年基数" in headers(tab.table_model) and "2025年目标" in headers(tab.table_model)
    win.tabs.setCurrentIndex(TALENT)
    assert headers(win.park_tabs[TALENT].model)[-1] == "2021–2025年合计"


def test_fifteen_year_plan_stays_usable(open_window, qtbot, tmp_path):
    win = open_window(make_period_park(tmp_path / "long.sqlite", 2020, 2035))
    tab = win.park_tabs[INDICATORS]
    assert combo_years(tab.year_combo) == list(range(2020, 2036))
    assert len(tab.year_model.rows()) == 16
    win.tabs.setCurrentIndex(TALENT)
    talent = win.park_tabs[TALENT]
    shown = headers(talent.model)
    assert shown[talent.FIRST_YEAR:] == [str(y) for y in range(2020, 2036)] + ["2021–2035年合计"]
    # sixteen year columns do not fit 1366 pixels: the table scrolls sideways rather than squeezing them
    qtbot.waitUntil(lambda: talent.view.horizontalScrollBar().maximum() > 0)
    width = talent.view.fontMetrics().horizontalAdvance("2035")
    assert all(talent.view.columnWidth(c) > width for c in range(talent.FIRST_YEAR, talent.model.columnCount()))
    win.tabs.setCurrentIndex(FACTS)
    facts = win.park_tabs[FACTS]
    assert headers(facts.model)[3] == "2020年（规划）" and "2035年较2020年变化" in headers(facts.model)


# ---------------------------------------------------------------------------------------- 新建规划…
def write_definition_2030(path: Path) -> Path:
    """The built-in plan's definition moved to 2026–2030 (base year 2025) under another name."""
    from models.planning.plan_definition import definition_from_park, write_definition

    conn = sqlite3.connect(TEMPLATE)
    try:
        defn = definition_from_park(conn)
    finally:
        conn.close()
    write_definition(dataclasses.replace(defn, base_year=2025, target_year=2030, name="长宁园“十五五”规划"), path)
    return path


def test_new_plan_creates_and_opens_the_file(new_window, qtbot, tmp_path):
    win = new_window()
    definition = write_definition_2030(tmp_path / "十五五.xlsx")
    target = tmp_path / "p15.sqlite"
    win.on_new_plan()
    dialog = win.new_plan_dialog
    dialog.definition_edit.setText(str(definition))
    dialog.target_edit.setText(str(target))
    with qtbot.waitSignal(dialog.finished_creating, timeout=20000) as blocker:
        dialog.create_button.click()
    assert blocker.args == [True]
    assert target.exists() and dialog.created == target
    assert win.session.park is not None and win.session.park.path == target
    assert win.session.park.meta("plan_title") == "长宁园“十五五”规划"
    assert combo_years(win.park_tabs[INDICATORS].year_combo) == list(range(2025, 2031))


def test_new_plan_lists_a_bad_definitions_problems(new_window, qtbot, tmp_path):
    win = new_window()
    definition = write_definition_2030(tmp_path / "bad.xlsx")
    book = openpyxl.load_workbook(definition)
    sheet = book["指标"]
    kind = [c.value for c in sheet[1]].index("类型") + 1
    sheet.cell(row=3, column=kind, value="增长率")    # no such type
    sheet.cell(row=4, column=1, value=sheet.cell(row=2, column=1).value)  # a duplicate code
    book.save(definition)
    target = tmp_path / "never.sqlite"
    win.on_new_plan()
    dialog = win.new_plan_dialog
    dialog.definition_edit.setText(str(definition))
    dialog.target_edit.setText(str(target))
    with qtbot.waitSignal(dialog.finished_creating, timeout=20000) as blocker:
        dialog.create_button.click()
    assert blocker.args == [False]
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert any(p.startswith("工作表“指标”第3行“类型”列") for p in problems), problems
    assert any("第4行" in p and "代码" in p for p in problems), problems
    assert dialog.problems.isVisible() and f"共{len(problems)}处问题" in dialog.status.text()
    assert not target.exists() and dialog.isVisible() and win.session.park is None


def test_new_plan_asks_for_what_is_missing(new_window, tmp_path):
    win = new_window()
    win.on_new_plan()
    dialog = win.new_plan_dialog
    dialog.create_button.click()
    problems = [dialog.problems.item(i).text() for i in range(dialog.problems.count())]
    assert problems == ["请选择规划定义工作簿（.xlsx）。", "请选择新园区数据文件的保存位置。"]
    assert dialog.job is None


# ---------------------------------------------------------------------------------------- 规划设置
def test_plan_settings_show_the_period_and_derivations(window_2030):
    win = window_2030
    win.on_plan_settings()
    dialog = win.plan_settings_dialog
    assert dialog.summary["name"].text() == "长宁园“十五五”规划"
    assert dialog.summary["period"].text() == "2026—2030年（基期年2025年，目标年2030年）"
    assert dialog.summary["counts"].text().startswith("指标11项")
    rd = dialog.row("indicators", "rd_intensity")
    assert rd["kind"] == "期末值" and rd["direction"] == "越大越好" and rd["target"] == "4.5"
    # per_ref(rd_expense, district_gdp) / 100 in words
    assert rd["derivation"].endswith("合计 ÷ 参考序列 district_gdp ÷ 100")
    assert dialog.row("indicators", "foreign_work_permits")["derivation"] == "仅采用官方数据"
    assert dialog.row("indicators", "total_revenue")["ref_series"] == "district_gdp_growth，district_gdp"
    assert "基期值（2025年）" in headers(dialog.models["indicators"])
    assert dialog.models["industries"].rowCount() > 0 and dialog.models["zones"].rowCount() == 3
    assert not any(c.editable for m in dialog.models.values() for c in m.columns)


def test_screenshots_render_chinese(window_2030, tmp_path):
    """Each changed view drawn offscreen (kept under tmp_path; looked at once by hand when written)."""
    win = window_2030
    for index in (INDICATORS, TALENT, FACTS, INDUSTRIES, ZONES, TASKS):
        win.tabs.setCurrentIndex(index)
        assert win.grab().save(str(tmp_path / f"tab{index}.png"))
    win.on_plan_settings()
    assert win.plan_settings_dialog.grab().save(str(tmp_path / "settings.png"))
    win.on_new_plan()
    assert win.new_plan_dialog.grab().save(str(tmp_path / "new_plan.png"))


def test_new_plan_says_what_was_carried(new_window, qtbot, tmp_path, park_path):
    win = new_window()
    told = []
    win.inform = lambda title, text: told.append((title, text))
    definition = write_definition_2030(tmp_path / "十五五.xlsx")
    win.on_new_plan()
    dialog = win.new_plan_dialog
    dialog.definition_edit.setText(str(definition))
    dialog.target_edit.setText(str(tmp_path / "p15"))  # .sqlite is added
    dialog.previous_edit.setText(str(park_path))       # the built-in 2021–2025 plan's file
    with qtbot.waitSignal(dialog.finished_creating, timeout=20000):
        dialog.create_button.click()
    assert win.session.park.path == tmp_path / "p15.sqlite"
    assert [title for title, _ in told] == ["新建规划"]
    text = told[0][1]
    assert text.startswith("已为长宁园“十五五”规划创建“p15.sqlite”。")
    assert f"由上一规划文件“{park_path.name}”结转" in text


def test_final_status_wording_follows_the_target_year():
    from models.store.period import Period
    from models.planning.figures import statuses_for_year
    from models.store.plan import status_labels
    from ui.plan_period import NO_FILE

    period = Period(2025, 2030)
    assert status_labels("achieved", 2030, period=period) == ("完成", "Achieved")
    assert status_labels("achieved", 2029, period=period) == ("达成目标", "Target met")
    assert status_labels("achieved", 2025, period=Period(2020, 2025))[0] == "完成"
    assert statuses_for_year(2030, period) != statuses_for_year(2029, period)
    assert NO_FILE.years == () and 2025 not in NO_FILE and not NO_FILE.is_final(2025)
