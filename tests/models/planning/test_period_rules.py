"""The rules follow the park file's period, not 2020–2025 (issue 15): a made-up 15th Five-Year Plan file
(base 2025, target 2030: the plan years 2026–2030) and a 15-year one (base 2020, target 2035), both built
from the template by tests/period_park.make_period_park. Every expected number is worked out by hand."""

from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from models.planning import official, tasks
from models.store.db import open_park
from models.planning.figures import indicator_series, statuses_for_year
from models.returns.importer import import_paths
from models.store.period import Period
from models.store.plan import FINAL_STATUSES, STATUSES, status_labels
from tests.conftest import run_main
from tests.period_park import make_period_park
from tests.returns_data import row, write_openpyxl

FIFTEENTH = Period(2025, 2030)
LONG = Period(2020, 2035)


@pytest.fixture
def park_2030(tmp_path):
    park = open_park(make_period_park(tmp_path / "p2030.sqlite", 2025, 2030, title="某园区“十五五”规划"))
    yield park
    park.close()


@pytest.fixture
def park_2035(tmp_path):
    park = open_park(make_period_park(tmp_path / "p2035.sqlite", 2020, 2035))
    yield park
    park.close()


def set_official(conn, code, values):
    for year, value in values.items():
        n = conn.execute("UPDATE indicator_years SET official = ? WHERE code = ? AND year = ?",
                         (value, code, year)).rowcount
        assert n == 1, (code, year)  # the row of every year of the period is there
    conn.commit()


def set_reference(conn, code, values):
    for year, value in values.items():
        conn.execute("UPDATE reference_years SET value = ? WHERE code = ? AND year = ?", (value, code, year))
    conn.commit()


def series_of(conn, code):
    return next(s for s in indicator_series(conn) if s.code == code)


# ------------------------------------------------------------------------------------------ level, tau
def test_level_target_planned_path_and_status_use_the_files_period(park_2030, park_2035):
    # high_tech_enterprises: B = 248, T = 480, T - B = 232.
    # 2026–2030 file, 2028: tau = (2028 - 2025) / 5 = 0.6; planned 248 + 232·0.6 = 387.2;
    # 400 gives p = 152/232 = 0.655 >= 0.6: on track.
    set_official(park_2030.conn, "high_tech_enterprises", {2028: 400})
    s = series_of(park_2030.conn, "high_tech_enterprises")
    assert sorted(s.years) == [2025, 2026, 2027, 2028, 2029, 2030]
    assert s.years[2028].planned == pytest.approx(387.2)
    assert s.years[2028].progress == pytest.approx(152 / 232)
    assert s.years[2028].status == "on_track"
    # 2021–2035 file (base 2020), 2028: tau = (2028 - 2020) / 15 = 0.5333; planned 248 + 232·8/15 = 371.733;
    # 360 gives p = 112/232 = 0.4828: below 0.5333 but at least 0.9·0.5333 = 0.48: slightly behind.
    set_official(park_2035.conn, "high_tech_enterprises", {2028: 360})
    s = series_of(park_2035.conn, "high_tech_enterprises")
    assert min(s.years) == 2020 and max(s.years) == 2035
    assert s.years[2028].planned == pytest.approx(248 + 232 * 8 / 15)
    assert s.years[2028].status == "slightly_behind"
    # the base year holds the baseline; nothing before it
    assert s.years[2020].value == 248 and 2019 not in s.years


def test_a_lower_is_better_level_indicator(park_2030):
    # energy made a level target: B = 0.5, T = 0.4 (lower is better), T - B = -0.1.
    # 2027: tau = 0.4, planned 0.5 - 0.1·0.4 = 0.46; 0.46 gives p = (0.46 - 0.5)/(-0.1) = 0.4 >= 0.4: on track.
    # 2030 (final): 0.405 gives p = 0.095/0.1 = 0.95 >= 0.9: mostly achieved, 0.005 above the target.
    conn = park_2030.conn
    conn.execute("UPDATE indicators SET kind = 'level', direction = 'lower', baseline = 0.5, target = 0.4"
                 " WHERE code = 'energy_per_value_added'")
    conn.commit()
    set_official(conn, "energy_per_value_added", {2027: 0.46, 2030: 0.405})
    s = series_of(conn, "energy_per_value_added")
    assert s.years[2027].planned == pytest.approx(0.46)
    assert s.years[2027].status == "on_track"
    assert s.years[2030].status == "mostly_achieved"
    assert s.years[2030].gap == pytest.approx(0.005)
    assert s.years[2030].gap_text == "高于目标0.005吨标准煤/万元"


# ------------------------------------------------------------------------------------------ cumulative
def test_cumulative_sums_run_from_base_plus_one(park_2030, park_2035):
    # new_listed_companies, T = 15. 2026–2030 file: flows 2026 = 2, 2027 = 4 (the base year's 9 is
    # before the period and never counted): C_2027 = 6, planned 15·0.4 = 6: on track; projected total:
    # average flow 3 a year × 5 years = 15.
    set_official(park_2030.conn, "new_listed_companies", {2025: 9, 2026: 2, 2027: 4})
    s = series_of(park_2030.conn, "new_listed_companies")
    assert s.years[2026].cumulative == 2
    assert s.years[2027].cumulative == 6
    assert s.years[2027].planned == pytest.approx(6)
    assert s.years[2027].status == "on_track"
    assert s.projection == pytest.approx(15)
    # needed: (15 - 6) / (2030 - 2027) = 3 a year
    assert s.needed_per_year == pytest.approx(3)
    # 2021–2035 file (base 2020): the same flows in 2021 and 2022: C_2022 = 6; planned 15·2/15 = 2;
    # projected total 3 × 15 = 45.
    set_official(park_2035.conn, "new_listed_companies", {2020: 9, 2021: 2, 2022: 4})
    s = series_of(park_2035.conn, "new_listed_companies")
    assert s.years[2022].cumulative == 6
    assert s.years[2022].planned == pytest.approx(2)
    assert s.projection == pytest.approx(45)


def test_final_statuses_are_given_in_the_target_year(park_2030):
    # flows 2026..2030 = 2, 4, 3, 3, 2: C = 14 < 15 but >= 0.9·15 = 13.5: mostly achieved (基本完成).
    # high_tech 2030 = 480 = T: achieved (完成); 2029 is an interim year.
    conn = park_2030.conn
    set_official(conn, "new_listed_companies", {2026: 2, 2027: 4, 2028: 3, 2029: 3, 2030: 2})
    set_official(conn, "high_tech_enterprises", {2029: 470, 2030: 480})
    listed = series_of(conn, "new_listed_companies")
    assert listed.years[2030].cumulative == 14
    assert listed.years[2030].status == "mostly_achieved"
    assert listed.years[2030].gap_text == "差1家"
    ht = series_of(conn, "high_tech_enterprises")
    assert ht.years[2030].status == "achieved"
    assert status_labels("achieved", 2030, FIFTEENTH)[0] == "完成"
    assert status_labels("achieved", 2029, FIFTEENTH)[0] == "达成目标"
    assert status_labels("achieved", 2025, FIFTEENTH)[0] == "达成目标"   # 2025 is this plan's base year
    assert statuses_for_year(2030, FIFTEENTH) == FINAL_STATUSES
    assert statuses_for_year(2025, FIFTEENTH) == STATUSES


# ------------------------------------------------------------------------------------------ keep pace
def _keep_pace_file(conn, period: Period, district_growth: float, park_end: float):
    """total_revenue with B = 100 and its target-year value; the district's growth the same every year."""
    conn.execute("UPDATE indicators SET baseline = 100 WHERE code = 'total_revenue'")
    conn.commit()
    set_official(conn, "total_revenue", {period.target: park_end})
    set_reference(conn, "district_gdp_growth", {y: district_growth for y in period.plan_years})


def test_keep_pace_growth_is_annualised_over_the_period(park_2030, park_2035):
    # 2026–2030: park 100 -> 161.051 = 100·1.1^5: g = 10 % a year; the district's 9 % five times
    # compounded: r = 9 %. g >= r: achieved.
    _keep_pace_file(park_2030.conn, FIFTEENTH, 9.0, 161.051)
    f = series_of(park_2030.conn, "total_revenue").years[2030]
    assert f.growth_period == pytest.approx(10.0, abs=1e-6)
    assert f.district_growth_period == pytest.approx(9.0)
    assert f.status == "achieved"
    # 2021–2035: the same 100 -> 161.051 over 15 years: ln 1.61051 = 0.476551, /15 = 0.0317701,
    # e^0.0317701 = 1.032280: g = 3.2280 %; the district's 4 % fifteen times: r = 4 %.
    # g < r but g >= r - 1 = 3: mostly achieved.
    _keep_pace_file(park_2035.conn, LONG, 4.0, 161.051)
    f = series_of(park_2035.conn, "total_revenue").years[2035]
    assert f.growth_period == pytest.approx(3.2280, abs=1e-3)
    assert f.district_growth_period == pytest.approx(4.0)
    assert f.status == "mostly_achieved"


def test_keep_pace_follows_the_series_its_ref_series_names(park_2030):
    # total_tax made to follow the GDP series instead of the tax ones: GDP level 1000 (2025) -> 1500
    # (2030): r = 1.5^(1/5) - 1 = 8.447 %; park tax 100 -> 161.051: g = 10 %: achieved.
    conn = park_2030.conn
    conn.execute("UPDATE indicators SET baseline = 100, ref_series = 'district_gdp,district_gdp_growth'"
                 " WHERE code = 'total_tax'")
    conn.commit()
    set_official(conn, "total_tax", {2030: 161.051})
    set_reference(conn, "district_gdp", {2025: 1000, 2030: 1500})
    set_reference(conn, "district_tax", {2025: 1000, 2030: 5000})   # would give 37.97 %: not used
    f = series_of(conn, "total_tax").years[2030]
    assert f.district_growth_period == pytest.approx(8.447, abs=1e-3)
    assert f.status == "achieved"
    # without any ref_series there is no district figure: unassessed
    conn.execute("UPDATE indicators SET ref_series = NULL WHERE code = 'total_tax'")
    conn.commit()
    assert series_of(conn, "total_tax").years[2030].status == "unassessed"


def test_assigned_values_come_from_the_ref_series_when_not_entered(park_2035):
    # energy (assigned, lower is better) names a series holding the city's assigned values: 0.40 in 2030.
    # 0.41 <= 1.05 × 0.40 = 0.42: slightly behind; an assigned value entered for 2030 (0.45) wins: on track.
    conn = park_2035.conn
    conn.execute("INSERT INTO reference_series (code, seq, name, unit, name_en)"
                 " VALUES ('energy_assigned', 9, '市下达能耗值', '吨标准煤/万元', 'Assigned energy')")
    conn.executemany("INSERT INTO reference_years (code, year) VALUES ('energy_assigned', ?)",
                     [(y,) for y in LONG.years])
    conn.execute("UPDATE indicators SET ref_series = 'energy_assigned' WHERE code = 'energy_per_value_added'")
    conn.commit()
    set_reference(conn, "energy_assigned", {2030: 0.40})
    set_official(conn, "energy_per_value_added", {2030: 0.41})
    f = series_of(conn, "energy_per_value_added").years[2030]
    assert f.assigned == pytest.approx(0.40)
    assert f.status == "slightly_behind"
    conn.execute("UPDATE indicator_years SET assigned = 0.45 WHERE code = 'energy_per_value_added' AND year = 2030")
    conn.commit()
    assert series_of(conn, "energy_per_value_added").years[2030].status == "on_track"


# ------------------------------------------------------------------------------------------ years outside
def test_returns_outside_the_period_are_rejected_naming_it(park_2030, tmp_path):
    path = write_openpyxl(tmp_path / "r.xlsx", [row(1, year=2026), row(2, year=2031), row(3, year=2025),
                                                row(4, year=2024)])
    outcome = import_paths(park_2030, [str(path)])
    assert outcome.report["accepted"] == 2          # 2026 and the base year 2025
    messages = {(p["row"], p["message"]) for p in outcome.report["rejected"]}
    assert (3, "报告年度2031不在本规划期（2026—2030年，含基期2025年）内") in messages
    assert (5, "报告年度2024不在本规划期（2026—2030年，含基期2025年）内") in messages
    years = [y for y, in park_2030.conn.execute("SELECT year FROM returns ORDER BY year")]
    assert years == [2025, 2026]


def test_official_figures_outside_the_period_are_rejected(park_2030, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = official.SHEET
    ws.append(["代码", "名称", "2026", "2031年"])
    ws.append(["high_tech_enterprises", "高新技术企业", 300, 310])
    path = tmp_path / "official.xlsx"
    wb.save(path)
    result = official.check_workbook_file(park_2030.conn, path)
    assert result.accepted == 1
    (problem,) = result.rejected
    assert (problem.row, problem.column) == (2, "D列“2031”")
    assert "年份2031不在本规划期（2026—2030年，含基期2025年）内" in problem.message
    # the written template's year columns are the file's: 2025 … 2030
    out = tmp_path / "template.xlsx"
    official.write_template(park_2030.conn, out)
    from openpyxl import load_workbook

    header = [c.value for c in next(load_workbook(out)[official.SHEET].iter_rows(max_row=1))]
    assert header[3:9] == ["2025", "2026", "2027", "2028", "2029", "2030"]


def test_task_years_outside_the_period_are_rejected(park_2030, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.title = tasks.SHEET_NAME
    ws.append(["编号", "2027年状态", "2031年状态"])
    ws.append(["3.1.1", "done", "done"])
    ws.append(["3.1.2", "in_progress", None])
    path = tmp_path / "tasks.xlsx"
    wb.save(path)
    result = tasks.import_tasks(park_2030, path, display="任务.xlsx")
    assert result.accepted == 1                      # 3.1.2 only: a row with a bad cell is rejected whole
    (problem,) = result.rejected
    assert problem["row"] == 2 and problem["column"] == "2031年状态"
    assert "年份2031不在本规划期（2026—2030年）内" in problem["message"]
    t = next(t for t in tasks.list_tasks(park_2030.conn) if t.code == "3.1.2")
    assert sorted(t.years) == [2026, 2027, 2028, 2029, 2030] and t.years[2027].status == "in_progress"


# ------------------------------------------------------------------------------------------ summary --json
def test_summary_json_names_the_plan_and_the_target_years_projection(park_2030):
    # high_tech: base 2025 = 248 (baseline), 2026 = 300, 2027 = 330: average change (330 - 248)/2 = 41 a
    # year, projected 2030 = 330 + 41·3 = 453.
    set_official(park_2030.conn, "high_tech_enterprises", {2026: 300, 2027: 330})
    path = str(park_2030.path)
    park_2030.close()
    result = run_main("summary", path, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["plan"] == {"name": "某园区“十五五”规划", "park": "长宁园", "base_year": 2025, "target_year": 2030}
    assert data["year"] == 2027 and data["final"] is False
    ht = data["indicators"]["high_tech_enterprises"]
    assert list(ht["years"]) == ["2025", "2026", "2027", "2028", "2029", "2030"]
    assert ht["projection"] == pytest.approx(453)
    assert ht["projection_2025"] == ht["projection"]     # the old key keeps the shape, same value
    text = run_main("summary", path)
    assert "2025年基期值" in text.stdout and "2030年目标" in text.stdout and "2030年预计" in text.stdout
    refused = run_main("summary", path, "--year", "2031")
    assert refused.returncode == 2
    assert "评估年份2031不在本规划期（2026—2030年，含基期2025年）内" in refused.stderr
