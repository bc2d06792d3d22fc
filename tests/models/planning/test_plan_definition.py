"""The plan definition (models.planning.plan_definition, models.planning.plan_create): reading and checking a definition
workbook, writing one, the built-in plan's round trip, new park files for made-up plans, and carrying
baselines from the previous plan's file."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from models.planning.plan_create import CarryReport, PlanCreateError, carry_source_text, create_park
from models.planning.plan_definition import (DefinitionError, PlanDefinition, definition_from_park, read_definition,
                                    write_definition)
from tests.conftest import TEMPLATE
from tests.plan_defs import (fifteen_year_plan, fifteen_year_plan_file, fifteenth_plan, fifteenth_plan_file,
                             write_definition_book)


def _dump(path: Path) -> dict[str, list]:
    conn = sqlite3.connect(path)
    try:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        out = {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
        out["user_version"] = conn.execute("PRAGMA user_version").fetchall()
        return out
    finally:
        conn.close()


def _template_definition() -> PlanDefinition:
    conn = sqlite3.connect(TEMPLATE)
    try:
        return definition_from_park(conn)
    finally:
        conn.close()


def _problems(tmp_path: Path, sheets: dict) -> list[tuple]:
    path = write_definition_book(tmp_path / "def.xlsx", sheets)
    with pytest.raises(DefinitionError) as info:
        read_definition(path)
    return [(p.sheet, p.row, p.column, p.message) for p in info.value.problems]


# ------------------------------------------------------------------------------------------- round trip
def test_built_in_plan_round_trips_through_the_workbook_table_for_table(tmp_path):
    defn = _template_definition()
    assert (defn.base_year, defn.target_year, len(defn.indicators), len(defn.tasks)) == (2020, 2025, 11, 72)
    book = write_definition(defn, tmp_path / "plan.xlsx")
    again = read_definition(book)
    assert again == defn
    create_park(tmp_path / "new.sqlite", again)
    assert _dump(tmp_path / "new.sqlite") == _dump(TEMPLATE)


def test_written_workbook_has_the_issue_sheets_columns_notes_and_drop_downs(tmp_path):
    from openpyxl import load_workbook

    from models.planning.derivation import EXAMPLES

    book = load_workbook(write_definition(_template_definition(), tmp_path / "plan.xlsx"))
    assert book.sheetnames == ["规划", "指标", "参考序列", "产业", "片区", "特色园区", "人才", "规划基数", "重点任务", "说明"]
    header = [c.value for c in book["指标"][1]]
    assert header[:11] == ["代码", "名称", "单位", "类型", "方向", "基期值", "目标值", "目标说明", "来源", "报表口径", "参照序列"]
    assert [c.value for c in book["重点任务"][1]][:4] == ["章", "节", "任务", "来源"]
    notes = [str(c.value) for row in book["说明"].iter_rows() for c in row if c.value]
    assert all(example in notes for example in EXAMPLES)
    assert "越小越好" in notes and "同步增长" in notes
    lists = {str(dv.sqref)[0]: dv.formula1 for dv in book["指标"].data_validations.dataValidation}
    assert "期末值" in lists["D"] and "越小越好" in lists["E"]
    assert book["规划"]["B4"].value == 2020 and book["规划"]["B5"].value == 2025


# ------------------------------------------------------------------------------------------- made-up plans
def test_fifteenth_plan_makes_a_2026_2030_file(tmp_path):
    defn = read_definition(fifteenth_plan_file(tmp_path))
    assert (defn.base_year, defn.target_year) == (2025, 2030)  # 目标年 written " 2030 " as text
    kinds = {i.code: (i.kind, i.direction) for i in defn.indicators}
    assert kinds["energy_per_value_added"] == ("level", "lower")
    assert {k for k, _d in kinds.values()} == {"level", "cumulative", "keep_pace", "assigned"}
    path = tmp_path / "p15.sqlite"
    report = create_park(path, defn)
    assert report.lines() == []
    conn = sqlite3.connect(path)
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    assert (meta["base_year"], meta["target_year"], meta["period"]) == ("2025", "2030", "2026–2030")
    assert meta["plan_title"] == "虹湾科学园“十五五”发展规划" and meta["park_name"] == "虹湾科学园"
    # one row per year 2025…2030: 10 indicators × 6 years; 6 industries × 6 years × 6 fields
    assert conn.execute("SELECT COUNT(*), MIN(year), MAX(year) FROM indicator_years").fetchone() == (60, 2025, 2030)
    assert conn.execute("SELECT COUNT(*) FROM industry_years").fetchone() == (6 * 6 * 6,)
    assert conn.execute("SELECT COUNT(*) FROM zone_years").fetchone() == (2 * 6 * 6,)
    assert conn.execute("SELECT COUNT(*), MIN(year), MAX(year) FROM task_years").fetchone() == (4 * 5, 2026, 2030)
    assert conn.execute("SELECT COUNT(*) FROM fact_years WHERE year = 2025").fetchone() == (2,)
    groups = {r[0]: r[1:] for r in conn.execute(
        "SELECT name, grp, plan_group, group_label, three_plus_three FROM industries")}
    assert groups["集成电路设计"] == ("key", "featured", None, 1)
    assert groups["数字医疗"] == ("key", "pioneer", None, 1)      # Y
    assert groups["低空经济"] == ("pioneer", "pioneer", None, 0)
    assert groups["商贸服务"] == ("traditional", "traditional", None, 0)  # 0
    assert groups["绿色低碳"] == ("other", "other", "新兴产业", 0)
    talent = dict(conn.execute("SELECT code, grp FROM talent_categories"))
    assert talent == {"academicians": "count", "work_permits": "flow", "returnee_share": "share",
                      "programme_entrants": "programme"}
    assert conn.execute("SELECT code FROM tasks ORDER BY seq").fetchall() == [("1.1.1",), ("1.1.2",), ("1.2.1",),
                                                                             ("2.1.1",)]
    assert conn.execute("SELECT zone, name, kind FROM zone_parks ORDER BY seq").fetchall() == [
        ("北部科创片区", "芯港小镇", "park"), ("南部数智片区", "数智谷", "cluster")]
    assert conn.execute("SELECT name, kind FROM unzoned_parks").fetchall() == [("医学创新中心", "platform")]
    assert conn.execute("SELECT value, qualifier, year FROM plan_facts WHERE code = 'enterprises_total'").fetchone() \
        == (12000, "约", 2025)
    row = conn.execute("SELECT derivation, ref_series, baseline, baseline_source FROM indicators"
                       " WHERE code = 'total_revenue'").fetchone()
    assert row == ("sum(revenue) / 10000", "district_gdp_growth,district_gdp", 2100, "指标表第2行")
    conn.close()
    from models.store.db import open_park

    open_park(path, read_only=True).close()  # the app's own checks accept it


def test_fifteen_year_plan_and_the_header_row_form_of_the_plan_sheet(tmp_path):
    defn = read_definition(fifteen_year_plan_file(tmp_path))
    assert (defn.name, defn.base_year, defn.target_year) == ("滨江园远景规划（2021—2035年）", 2020, 2035)
    path = tmp_path / "p35.sqlite"
    create_park(path, defn)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(DISTINCT year), MIN(year), MAX(year) FROM reference_years").fetchone() \
        == (16, 2020, 2035)
    assert conn.execute("SELECT COUNT(*), MIN(year), MAX(year) FROM task_years").fetchone() == (15, 2021, 2035)
    assert dict(conn.execute("SELECT key, value FROM meta"))["period"] == "2021–2035"
    conn.close()


def test_cells_are_read_leniently(tmp_path):
    sheets = fifteenth_plan()
    sheets["规划"][3][1] = "２０２５"                  # full-width digits
    sheets["指标"][1][5] = " 4.6 "                    # a number as text with spaces
    sheets["指标"][1][3] = " level "                  # a code instead of the Chinese name
    sheets["指标"][2][10] = "district_gdp_growth，district_gdp"  # full-width comma
    sheets["指标"].insert(3, [None] * 11)             # a blank row
    sheets["产业"][1][2] = "1"
    sheets["人才"][1][3] = "高层次人才"                # models.store.plan.TALENT_GROUPS' label
    sheets["人才"][0][0] = "代码 "                    # a trailing space in a title
    sheets["产业"][0][2] = '是否"3+3"'                # straight quotes
    defn = read_definition(write_definition_book(tmp_path / "d.xlsx", sheets))
    assert defn.base_year == 2025
    ind = {i.code: i for i in defn.indicators}
    assert ind["rd_intensity"].baseline == 4.6 and ind["rd_intensity"].kind == "level"
    assert ind["total_revenue"].ref_series == ("district_gdp_growth", "district_gdp")
    assert len(defn.indicators) == 10
    assert defn.industries[0].three_plus_three is True
    assert defn.talent[0].grp == "count"


# ------------------------------------------------------------------------------------------- errors
def _edit(change) -> dict:
    sheets = fifteenth_plan()
    change(sheets)
    return sheets


@pytest.mark.parametrize("change, where, words", [
    (lambda s: s.pop("片区"), ("片区", None, None), "缺少此工作表"),
    (lambda s: [r.pop(3) for r in s["人才"]], ("人才", 1, "分类"), "缺少此列"),
    (lambda s: s["规划"].pop(2), ("规划", None, "园区"), "缺少此项"),
    (lambda s: s["指标"][3].__setitem__(0, "rd_intensity"), ("指标", 4, "代码"), "与第2行重复"),
    (lambda s: s["指标"][3].__setitem__(1, "园区总收入"), ("指标", 4, "名称"), "与第3行重复"),
    (lambda s: s["参考序列"][2].__setitem__(0, "district_gdp"), ("参考序列", 3, "代码"), "重复"),
    (lambda s: s["产业"][3].__setitem__(0, "数字医疗"), ("产业", 4, "名称"), "重复"),
    (lambda s: s["指标"][2].__setitem__(3, "增长型"), ("指标", 3, "类型"), "“增长型”不是可用的类型"),
    (lambda s: s["指标"][2].__setitem__(4, "越高越好"), ("指标", 3, "方向"), "不是可用的方向"),
    (lambda s: s["指标"][1].__setitem__(6, None), ("指标", 2, "目标值"), "期末值指标须填写目标值"),
    (lambda s: s["指标"][5].__setitem__(6, ""), ("指标", 6, "目标值"), "累计值指标须填写目标值"),
    (lambda s: s["规划"][4].__setitem__(1, 2025), ("规划", 5, "目标年"), "目标年2025须晚于基期年2025"),
    (lambda s: s["规划"][4].__setitem__(1, 2041), ("规划", 5, "目标年"), "超过15年"),
    (lambda s: s["规划"][3].__setitem__(1, "二〇二五"), ("规划", 4, "基期年"), "不是年份"),
    (lambda s: s["指标"][1].__setitem__(9, "avg(revenue)"), ("指标", 2, "报表口径"), "不是本软件提供的口径"),
    (lambda s: s["指标"][1].__setitem__(9, "sum(salary)"), ("指标", 2, "报表口径"), "“salary”不是可用于 sum 的报表列"),
    (lambda s: s["指标"][1].__setitem__(9, "per_ref(rd_expense, city_gdp)"), ("指标", 2, "报表口径"),
     "参考序列“city_gdp”不在"),
    (lambda s: s["指标"][2].__setitem__(10, "district_gdp_growth,city_gdp"), ("指标", 3, "参照序列"),
     "“city_gdp”不在“参考序列”工作表中"),
    (lambda s: s["指标"][3].__setitem__(10, ""), ("指标", 4, "参照序列"), "同步增长指标须填写"),
    (lambda s: s["特色园区"][2].__setitem__(1, "东部片区"), ("特色园区", 3, "片区"), "“东部片区”不在“片区”工作表中"),
    (lambda s: s["指标"][1].__setitem__(5, "约4.6"), ("指标", 2, "基期值"), "“约4.6”不是数值"),
    (lambda s: s["指标"][1].__setitem__(6, "五"), ("指标", 2, "目标值"), "“五”不是数值"),
    (lambda s: s["规划基数"][2].__setitem__(4, None), ("规划基数", 3, "基期值"), "须填写基期值"),
    (lambda s: s["规划基数"][2].__setitem__(4, "十八"), ("规划基数", 3, "基期值"), "不是数值"),
    (lambda s: s["人才"][2].__setitem__(3, "外籍"), ("人才", 3, "分类"), "不是可用的分类"),
    (lambda s: s["产业"][2].__setitem__(2, "也许"), ("产业", 3, "是否“3+3”"), "应为 是 或 否"),
])
def test_each_error_names_sheet_row_and_column(tmp_path, change, where, words):
    problems = _problems(tmp_path, _edit(change))
    hits = [p for p in problems if p[:3] == where and words in p[3]]
    assert hits, problems


def test_every_error_is_reported_at_once_in_chinese(tmp_path):
    def change(s):
        s["指标"][2][3] = "增长型"
        s["指标"][1][6] = None
        s["特色园区"][1][1] = "无此片区"
        s["规划基数"][1][4] = None
    path = write_definition_book(tmp_path / "bad.xlsx", _edit(change))
    with pytest.raises(DefinitionError) as info:
        read_definition(path)
    assert len(info.value.problems) == 4
    text = str(info.value)
    assert text.splitlines()[0] == "规划定义“bad.xlsx”有4处问题，未创建文件："
    assert "工作表“指标”第3行“类型”列：“增长型”不是可用的类型" in text
    assert "工作表“特色园区”第2行“片区”列" in text


def test_a_file_that_is_not_a_workbook_is_a_definition_error(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("代码,名称\n", encoding="utf-8")
    with pytest.raises(DefinitionError) as info:
        read_definition(path)
    assert "x.xlsx" in str(info.value)


def test_create_park_never_overwrites(tmp_path):
    path = tmp_path / "p.sqlite"
    path.write_bytes(b"keep")
    with pytest.raises(PlanCreateError, match="已存在"):
        create_park(path, read_definition(fifteenth_plan_file(tmp_path)))
    assert path.read_bytes() == b"keep"
    assert not (tmp_path / "p.sqlite.partial").exists()


def test_a_failed_insert_leaves_nothing(tmp_path):
    defn = read_definition(fifteenth_plan_file(tmp_path))
    bad = replace(defn, talent=(*defn.talent, defn.talent[0]))  # a duplicate key: the insert fails
    with pytest.raises(sqlite3.IntegrityError):
        create_park(tmp_path / "p.sqlite", bad)
    assert list(tmp_path.glob("p.sqlite*")) == []


# ------------------------------------------------------------------------------------------- --baseline-from
def _complete_2025_file(tmp_path: Path) -> Path:
    """The built-in template with the office's 2025 official figures entered."""
    old = tmp_path / "14th.sqlite"
    shutil.copyfile(TEMPLATE, old)
    conn = sqlite3.connect(old)
    with conn:
        conn.executemany("UPDATE indicator_years SET official = ? WHERE code = ? AND year = 2025", [
            (4.8, "rd_intensity"), (2050.5, "total_revenue"), (110.25, "total_tax"), (501, "high_tech_enterprises"),
            (4, "new_listed_companies"), (0.031, "energy_per_value_added"), (4100, "foreign_work_permits")])
        conn.executemany("UPDATE reference_years SET value = ? WHERE code = ? AND year = 2025", [
            (2300, "district_gdp"), (5.1, "district_gdp_growth"), (260, "district_tax")])
        conn.execute("UPDATE fact_years SET official = 11800 WHERE code = 'enterprises_total' AND year = 2025")
    conn.close()
    return old


def test_baseline_from_carries_the_old_target_year_values(tmp_path):
    old = _complete_2025_file(tmp_path)
    sheets = fifteenth_plan()
    sheets["规划基数"][1][4] = None  # enterprises_total: left blank, the old file gives it
    defn = read_definition(write_definition_book(tmp_path / "d.xlsx", sheets), facts_may_be_blank=True)
    path = tmp_path / "p15.sqlite"
    report = create_park(path, defn, old)
    assert isinstance(report, CarryReport) and report.year == 2025
    carried = {(c.what, c.code): c.value for c in report.carried}
    assert carried == {
        ("指标", "rd_intensity"): 4.8, ("指标", "total_revenue"): 2050.5, ("指标", "total_tax"): 110.25,
        ("指标", "high_tech_enterprises"): 501, ("指标", "new_listed_companies"): 4,
        ("指标", "energy_per_value_added"): 0.031, ("指标", "foreign_work_permits"): 4100,
        ("参考序列", "district_gdp"): 2300, ("参考序列", "district_gdp_growth"): 5.1,
        ("参考序列", "district_tax"): 260, ("规划基数", "enterprises_total"): 11800}
    not_carried = {(n.what, n.code): n.reason for n in report.not_carried}
    assert not_carried == {
        ("指标", "returnee_foreign_share"): "上一规划文件中2025年没有数据",
        ("指标", "carbon_per_value_added"): "上一规划文件中没有此代码",
        ("指标", "tech_contract_turnover"): "上一规划文件中2025年没有数据",
        ("参考序列", "district_tax_growth"): "上一规划文件中2025年没有数据",
        ("参考序列", "assigned_carbon"): "上一规划文件中没有此代码"}
    note = carry_source_text("14th.sqlite", 2025)
    assert note == "由上一规划文件14th.sqlite的2025年数据结转"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT baseline, baseline_source FROM indicators WHERE code = 'total_revenue'").fetchone() \
        == (2050.5, note)
    # not carried: the definition's own baseline stays
    assert conn.execute("SELECT baseline, baseline_source FROM indicators WHERE code = 'returnee_foreign_share'"
                        ).fetchone() == (4.2, "指标表第6行")
    assert conn.execute("SELECT year, value, source FROM reference_years WHERE code = 'district_gdp'"
                        " AND value IS NOT NULL").fetchall() == [(2025, 2300, note)]
    assert conn.execute("SELECT value FROM plan_facts WHERE code = 'enterprises_total'").fetchone() == (11800,)
    assert conn.execute("SELECT value FROM plan_facts WHERE code = 'incubators'").fetchone() == (18,)  # its own
    conn.close()
    lines = report.lines()
    assert lines[0] == "由上一规划文件“14th.sqlite”结转11项，未结转5项。"
    assert "  已结转 指标 total_revenue（园区总收入）：2025年数据 2050.5 作为新基期值" in lines


def test_a_blank_plan_figure_the_old_file_cannot_give_is_an_error(tmp_path):
    sheets = fifteenth_plan()
    sheets["规划基数"][2][4] = None  # incubators: not in the old file
    defn = read_definition(write_definition_book(tmp_path / "d.xlsx", sheets), facts_may_be_blank=True)
    with pytest.raises(DefinitionError) as info:
        create_park(tmp_path / "p.sqlite", defn, _complete_2025_file(tmp_path))
    assert [(p.sheet, p.row, p.column) for p in info.value.problems] == [("规划基数", 3, "基期值")]
    assert not (tmp_path / "p.sqlite").exists()


def test_baseline_from_a_file_that_is_not_a_park_file(tmp_path):
    bad = tmp_path / "old.sqlite"
    bad.write_text("not sqlite", encoding="utf-8")
    with pytest.raises(PlanCreateError, match="无法读取上一规划文件"):
        create_park(tmp_path / "p.sqlite", read_definition(fifteenth_plan_file(tmp_path)), bad)
    assert not (tmp_path / "p.sqlite").exists()


def test_fifteen_year_plan_rows_are_distinct_from_the_fifteenth(tmp_path):
    """The two made-up plans differ from Changning's industries and zones (what the issue asks)."""
    built_in = _template_definition()
    for sheets in (fifteenth_plan(), fifteen_year_plan()):
        names = {r[0] for r in sheets["产业"][1:]} | {r[0] for r in sheets["片区"][1:]}
        assert not names & ({i.name for i in built_in.industries if i.name != "其他"} | {z.name for z in built_in.zones})
