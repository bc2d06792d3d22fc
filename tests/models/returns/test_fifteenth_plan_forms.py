"""The forms written for another plan's file (issue 15): a made-up 15th Five-Year Plan (2026–2030,
tests.plan_defs) made into a park file from its definition. The return form's help names that plan's
industries and zones and nothing of Changning's; the 官方数据 workbook has its years 2025…2030 and a
市下达值 row for its assigned indicator (or none when the indicator's 参照序列 holds the assigned values);
a filled workbook imports and the statuses follow the rules with the numbers worked out below.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from models.planning import official
from models.store.db import open_park
from models.planning.figures import indicator_series
from models.planning.plan_create import create_park
from models.planning.plan_definition import definition_from_rows
from models.store.return_form import INSTRUCTIONS_SHEET, SHEET_NAME
from models.returns.return_template import write_template_for
from tests.plan_defs import fifteenth_plan

CARBON = "carbon_per_value_added"
CHANGNING = ("东部中山公园片区", "中部虹桥片区", "西部临空片区", "临空", "虹桥", "中山公园", "航空服务业", "金融服务业",
             "东部/中部/西部")


def _park(tmp_path: Path, own_assigned_row: bool = False):
    """The 15th plan's park file, opened; with `own_assigned_row` its assigned indicator names no 参照序列."""
    sheets = fifteenth_plan()
    if own_assigned_row:
        row = next(r for r in sheets["指标"] if r[0] == CARBON)
        row[10] = ""
    path = tmp_path / "hongwan.sqlite"
    create_park(path, definition_from_rows(sheets))
    return open_park(path)


def _cells(path: Path) -> list[str]:
    book = load_workbook(path)
    out = []
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is not None:
                    out.append(str(cell.value))
                if cell.comment is not None:
                    out.append(cell.comment.text)
        out += [dv.prompt or "" for dv in ws.data_validations.dataValidation]
    return out


def test_return_form_help_names_the_plans_zones_and_industries(tmp_path):
    park = _park(tmp_path)
    try:
        out = write_template_for(park.conn, tmp_path / "form.xlsx")
    finally:
        park.close()
    notes = load_workbook(out)[INSTRUCTIONS_SHEET]
    rows = {r[0]: r for r in notes.iter_rows(min_row=5, values_only=True) if r[0]}
    # the zones begin with 北部/南部, not 东部/中部/西部: no note that a prefix may be left out
    assert rows["所属片区"][3] == "从下拉列表中选择本园区的片区：北部科创片区、南部数智片区。"
    assert rows["所属产业"][3] == ("从下拉列表中选择企业所属产业（本园区的产业：集成电路设计、数字医疗、低空经济、"
                               "商贸服务、绿色低碳、其他）。")
    assert rows["报告年度"][3] == "填报数据所属年度，2025至2030之间的整数。"
    header = load_workbook(out)[SHEET_NAME]["E1"]
    assert header.value == "所属片区" and "北部科创片区" in header.comment.text
    text = " ".join(_cells(out))
    assert "南部数智片区" in text
    assert [name for name in CHANGNING if name in text] == []


def _sheet_rows(path: Path) -> list[tuple]:
    return list(load_workbook(path)[official.SHEET].iter_rows(values_only=True))


def test_official_template_years_and_the_assigned_row(tmp_path):
    park = _park(tmp_path)
    try:
        official.write_template(park.conn, tmp_path / "a.xlsx")
    finally:
        park.close()
    rows = _sheet_rows(tmp_path / "a.xlsx")
    assert rows[0] == ("代码", "名称", "单位", "2025", "2026", "2027", "2028", "2029", "2030", "来源", "备注")
    codes = [r[0] for r in rows[1:]]
    # 参照序列 assigned_carbon holds the assigned values: that series' row, no carbon_per_value_added_assigned
    assert not any(c.endswith("_assigned") for c in codes)
    assert "energy_per_value_added_assigned" not in codes
    series_row = next(r for r in rows if r[0] == "assigned_carbon")
    assert series_row[-1] == "单位增加值二氧化碳排放的市下达值"
    # another plan's file carries none of the built-in plan's notes
    revenue = next(r for r in rows if r[0] == "total_revenue")
    assert revenue[-1] == "2025年栏为基期值"
    # its talent category work_permits is not an indicator: a row of its own; foreign_work_permits is the indicator
    assert codes.count("foreign_work_permits") == 1 and "work_permits" in codes

    (tmp_path / "own").mkdir()
    park = _park(tmp_path / "own", own_assigned_row=True)
    try:
        official.write_template(park.conn, tmp_path / "b.xlsx")
    finally:
        park.close()
    rows = _sheet_rows(tmp_path / "b.xlsx")
    own = [r for r in rows if r[0].endswith("_assigned")]
    assert [(r[0], r[1], r[2], r[-1]) for r in own] == [
        (CARBON + "_assigned", "单位增加值二氧化碳排放（市下达值）", "吨/万元", "市下达的单位增加值二氧化碳排放控制值")]
    assert next(r for r in rows if r[0] == "assigned_carbon")[-1] is None


def _fill(path: Path, values: dict[str, dict[int, float]]) -> Path:
    book = load_workbook(path)
    ws = book[official.SHEET]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        for year, value in values.get(row[0].value, {}).items():
            row[header.index(str(year))].value = value
    book.save(path)
    return path


@pytest.mark.parametrize("own_assigned_row", [True, False])
def test_import_official_of_the_filled_template_and_statuses(tmp_path, own_assigned_row):
    park = _park(tmp_path, own_assigned_row)
    try:
        out = tmp_path / "official.xlsx"
        official.write_template(park.conn, out)
        assigned_row = CARBON + "_assigned" if own_assigned_row else "assigned_carbon"
        _fill(out, {CARBON: {2026: 0.50, 2027: 0.45},
                    assigned_row: {2026: 0.52, 2027: 0.40},
                    "foreign_work_permits": {2026: 5000, 2027: 6000},
                    "tech_contract_turnover": {2025: 26}})
        result = official.check_workbook_file(park.conn, out)
        assert result.rejected == [] and result.error is None
        assert result.accepted == 7
        official.commit(park, result)
        conn = park.conn
        stored = dict(((c, y), (o, a)) for c, y, o, a in conn.execute(
            "SELECT code, year, official, assigned FROM indicator_years WHERE code = ?", (CARBON,)))
        refs = dict(conn.execute("SELECT year, value FROM reference_years WHERE code = 'assigned_carbon'"))
        if own_assigned_row:
            assert stored[(CARBON, 2026)] == (0.50, 0.52) and stored[(CARBON, 2027)] == (0.45, 0.40)
            assert refs[2026] is None
        else:
            assert stored[(CARBON, 2026)] == (0.50, None)
            assert (refs[2026], refs[2027]) == (0.52, 0.40)
        assert conn.execute("SELECT baseline_office FROM indicators WHERE code = 'tech_contract_turnover'"
                            ).fetchone()[0] == 26

        series = {s.code: s for s in indicator_series(conn)}
        carbon = series[CARBON]
        # 0.50 ≤ 0.52: on track; 0.45 > 1.05 · 0.40 = 0.42: behind
        assert (carbon.years[2026].assigned, carbon.years[2026].status) == (0.52, "on_track")
        assert (carbon.years[2027].assigned, carbon.years[2027].status) == (0.40, "behind")
        assert carbon.official_only  # no 报表口径
        permits = series["foreign_work_permits"]
        # C = 5000 + 6000 = 11000 of 25000: p = 0.44 ≥ τ = (2027 − 2025)/5 = 0.4; planned 25000 · 0.4 = 10000
        assert permits.years[2027].cumulative == 11000
        assert permits.years[2027].planned == pytest.approx(10000)
        assert permits.years[2027].status == "on_track"
        # 5000 of 25000 = 0.2 = τ(2026): on track
        assert permits.years[2026].status == "on_track"
        # the office's baseline 26 (not the plan's 25) is B: planned 2027 = 26 + (40 − 26) · 0.4 = 31.6
        tech = series["tech_contract_turnover"]
        assert tech.baseline == 26 and tech.baseline_source == "office"
        assert tech.years[2027].planned == pytest.approx(31.6)
        # none of the built-in plan's caveats or official-only codes applies to this plan
        assert series["total_revenue"].baseline_caveat == ""
        assert not series["rd_intensity"].official_only
    finally:
        park.close()


def test_zone_help_names_only_the_prefixes_that_fit():
    from models.store.return_form import COLUMNS_BY_KEY, column_help

    zone = COLUMNS_BY_KEY["zone"]
    assert column_help(zone, zones=["东部科技片区", "北部片区"]) == \
        "从下拉列表中选择本园区的片区：东部科技片区、北部片区（可省略“东部”）。"
    assert column_help(zone, zones=["西部"]) == "从下拉列表中选择本园区的片区：西部。"  # nothing would be left
    assert column_help(zone) == "从下拉列表中选择企业所属片区。"   # the neutral wording of the docs


def test_no_year_is_final_without_a_period():
    from models.planning.figures import statuses_for_year
    from models.store.plan import STATUSES, status_labels

    assert statuses_for_year(2025) == STATUSES
    assert status_labels("achieved", 2025)[0] == "达成目标"
