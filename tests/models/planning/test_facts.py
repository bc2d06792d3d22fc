"""The plan's 2020 figures as series: derived patent and high-tech series against sums worked out by hand,
official values, change against 2020, checks, audit, summary and export."""

from __future__ import annotations

import json

import pytest

from models.planning import facts
from tests.models.planning.test_derive import add_batch, add_return


@pytest.fixture
def patent_returns(park):
    conn = park.conn
    b = add_batch(conn)
    add_return(conn, b, credit_code="A", name="甲", year=2023, patent_apps=40, invention_apps=10, patent_grants=20,
               invention_grants=5, high_tech=1)
    add_return(conn, b, credit_code="B", name="乙", year=2023, patent_apps=60, invention_apps=30, patent_grants=None,
               invention_grants=None, high_tech=0)
    add_return(conn, b, credit_code="C", name="丙", year=2023, high_tech=1)
    add_return(conn, b, credit_code="A", name="甲", year=2022, high_tech=0)
    conn.commit()
    return park


def by_code(conn):
    return {s.code: s for s in facts.fact_series(conn)}


def test_derived_patent_series_are_the_sums_of_the_returns(patent_returns):
    s = by_code(patent_returns.conn)
    assert s["patent_applications"].years[2023].derived == 100  # 40 + 60
    assert s["invention_applications"].years[2023].derived == 40  # 10 + 30
    assert s["invention_application_share"].years[2023].derived == pytest.approx(40.0)  # 40 / 100
    assert s["patent_grants"].years[2023].derived == 20  # B and C give none
    assert s["invention_grants"].years[2023].derived == 5
    assert s["invention_grant_share"].years[2023].derived == pytest.approx(25.0)  # 5 / 20
    assert s["high_tech_enterprises"].years[2023].derived == 2  # A and C
    assert s["high_tech_enterprises"].years[2022].derived == 0  # a return, marked 否
    # 2022's returns carry no patent figures: unknown, not 0
    assert s["patent_applications"].years[2022].derived is None
    assert s["invention_application_share"].years[2022].derived is None
    assert s["patent_applications"].years[2024].derived is None
    # a figure the returns do not carry is never derived
    assert all(y.derived is None for y in s["maker_spaces"].years.values())
    # the value used: derived while no official value; 2020 is the plan's figure
    assert s["patent_applications"].years[2023].value == 100
    assert s["patent_applications"].years[2020].value == 5506
    assert s["patent_applications"].baseline == 5506


def test_official_value_wins_and_change_against_2020(patent_returns):
    park = patent_returns
    diff = facts.set_year(park, "patent_applications", 2025, official=6000, note="区知识产权局")
    assert diff == {"official": (None, 6000.0), "note": (None, "区知识产权局")}
    s = by_code(park.conn)["patent_applications"]
    assert s.years[2025].value == 6000 and s.years[2025].official == 6000
    change, pct = s.change()
    assert change == 494  # 6000 − 5506
    assert pct == pytest.approx(494 / 5506 * 100)
    assert s.latest_year() == 2025
    facts.set_year(park, "patent_applications", 2023, official=120)
    assert by_code(park.conn)["patent_applications"].years[2023].value == 120  # official over derived 100
    rows = park.conn.execute("SELECT action, table_name, row_key, field, old_value, new_value FROM audit_log"
                             " WHERE table_name = 'fact_years' ORDER BY id").fetchall()
    assert rows[0][3:] == ("official", None, "6000")
    assert json.loads(rows[0][2]) == {"code": "patent_applications", "year": 2025}
    assert facts.set_year(park, "patent_applications", 2023, official=120) == {}  # nothing changed


@pytest.mark.parametrize("code, year, value, message", [
    ("patent_applications", 2020, 1, "2020年为规划基数（5,506件），不能修改"),
    ("patent_applications", 2023, -1, "“专利申请总量”2023年：数值不能为负数"),
    ("invention_grant_share", 2023, 101, "比例应在0—100之间"),
])
def test_bad_official_values_are_refused_and_nothing_is_written(park, code, year, value, message):
    before = park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    with pytest.raises(facts.FactEntryError, match=message):
        facts.set_year(park, code, year, official=value)
    assert park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before
    assert park.conn.execute("SELECT COUNT(*) FROM fact_years WHERE official IS NOT NULL").fetchone()[0] == 0


def test_qualifiers_are_shown_with_the_figure(park):
    s = by_code(park.conn)
    assert s["area"].baseline_text() == "约10.2"
    assert s["ai_enterprises"].baseline_text() == "200余"
    assert s["aviation_peripheral_enterprises"].baseline_text() == "近1,000"
    assert s["ai_district_share"].baseline_text() == "约33.33"
    assert s["tax"].baseline_text() == "91.7"


def test_series_are_in_topic_order(park):
    topics = [s.topic for s in facts.fact_series(park.conn)]
    assert topics == sorted(topics, key=list(facts.TOPICS).index)
    assert len(topics) == 33


def test_summary_json_facts_and_industry_groups(patent_returns):
    from models.planning.summary import build_summary

    data = build_summary(patent_returns.conn, "park.sqlite")
    entry = data["facts"]["invention_application_share"]
    assert {"name", "unit", "group", "qualifier", "baseline", "source", "years"} <= set(entry)
    assert entry["baseline"] == 46.7 and entry["unit"] == "%" and entry["group"] == "ip"
    assert entry["years"]["2023"] == {"value": 40, "derived": 40, "official": None}
    assert entry["years"]["2020"]["value"] == 46.7
    assert data["facts"]["ai_enterprises"]["qualifier"] == "余"
    assert data["industry_groups"]["时尚创意产业"] == {"plan_group": "featured", "plan_group_name": "重点特色产业",
                                                  "new_form": False, "three_plus_three": True}
    assert data["industry_groups"]["在线新经济"]["new_form"] is True
    assert "indicators" in data and "industries" in data  # the older keys stay


def test_export_has_the_facts_groups_parks_and_tasks_sheets(patent_returns, tmp_path):
    from openpyxl import load_workbook

    from models.output.export_xlsx import write_workbook

    facts.set_year(patent_returns, "patent_applications", 2025, official=6000)
    out = tmp_path / "export.xlsx"
    counts = write_workbook(patent_returns.conn, out)
    assert counts["规划基数"] == 33 * 6 and counts["产业分组"] == 11 and counts["其他园区"] == 5
    assert counts["重点任务"] == 72
    wb = load_workbook(out)
    rows = list(wb["规划基数"].iter_rows(values_only=True))
    header = rows[0]
    by = {(r[0], r[6]): dict(zip(header, r)) for r in rows[1:]}
    row = by[("patent_applications", 2025)]
    assert row["采用值"] == 6000 and row["较2020年变化"] == 494 and row["2020年规划数"] == "5,506"
    assert by[("patent_applications", 2023)]["报表汇总值"] == 100
    assert by[("ai_district_share", 2020)]["2020年规划数"] == "约33.33（三分之一）"
    groups = {r[0]: r[1:] for r in wb["产业分组"].iter_rows(min_row=2, values_only=True)}
    assert groups["在线新经济"] == ("先导产业（新业态新模式）", "否")
    assert groups["金融服务业"] == ("先导产业", "是")
