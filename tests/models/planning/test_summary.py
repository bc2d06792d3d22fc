"""The summary (models.planning.summary and `main.py summary`): JSON shape, nulls never 0, year choice, errors."""

from __future__ import annotations

import json

import pytest

from models.store.plan import INDICATOR_CODES
from models.planning.summary import build_summary, summary_text
from tests.conftest import run_main

YEAR_KEYS = {"value", "derived", "official", "planned", "status"}
ENTRY_KEYS = {"name", "unit", "kind", "direction", "baseline", "target", "target_text", "years", "projection_2025", "projection",
              "baseline_plan", "baseline_source", "baseline_office_source", "baseline_caveat", "official_only"}


def year_keys(kind: str, year: str) -> set[str]:
    """The keys of one year's figures: the base ones plus those of the kind and of the final year."""
    keys = set(YEAR_KEYS)
    if kind == "cumulative":
        keys.add("cumulative")
    if kind == "keep_pace":
        keys |= {"growth", "reference_growth"}
    if year == "2025":
        keys |= {"gap", "gap_text"} | ({"growth_period", "district_growth_period"} if kind == "keep_pace" else set())
    return keys


def set_official(conn, code, year, value):
    conn.execute("UPDATE indicator_years SET official = ? WHERE code = ? AND year = ?", (value, code, year))
    conn.commit()


def test_shape_of_a_fresh_file(park):
    data = build_summary(park.conn, "x.sqlite")
    assert data["file"] == "x.sqlite"
    assert data["year"] == 2020                     # only the plan's baselines are known
    assert list(data["indicators"]) == list(INDICATOR_CODES)
    for code, entry in data["indicators"].items():
        assert set(entry) == ENTRY_KEYS, code
        assert entry["kind"] in ("level", "cumulative", "keep_pace", "assigned")
        assert entry["direction"] in ("higher", "lower")
        assert list(entry["years"]) == ["2020", "2021", "2022", "2023", "2024", "2025"]
        for year, figures in entry["years"].items():
            assert set(figures) == year_keys(entry["kind"], year), (code, year)
            assert figures["derived"] is None and figures["official"] is None   # nothing entered: null, not 0
    rd = data["indicators"]["rd_intensity"]
    assert rd["baseline"] is None and rd["target"] == 4.5 and rd["years"]["2020"]["value"] is None
    assert rd["years"]["2023"]["planned"] is None and rd["years"]["2023"]["status"] == "unassessed"
    revenue = data["indicators"]["total_revenue"]
    assert revenue["kind"] == "keep_pace" and revenue["target"] is None and revenue["baseline"] == 1533.63
    energy = data["indicators"]["energy_per_value_added"]
    assert energy["kind"] == "assigned" and energy["direction"] == "lower"
    assert data["indicators"]["high_tech_enterprises"]["years"]["2021"]["planned"] == 294.4   # not 294.40000000000003
    json.dumps(data, allow_nan=False)               # plain JSON


def test_figures_status_and_projection(park):
    set_official(park.conn, "high_tech_enterprises", 2022, 331)
    set_official(park.conn, "new_listed_companies", 2021, 2)
    set_official(park.conn, "new_listed_companies", 2022, 4)
    data = build_summary(park.conn, "p")
    assert data["year"] == 2022                     # latest year with any value
    ht = data["indicators"]["high_tech_enterprises"]
    assert ht["years"]["2022"] == {"value": 331, "derived": None, "official": 331, "planned": 340.8,
                                   "status": "behind"}
    assert data["final"] is False   # p = 83/232 = 0.358 < 0.36
    # (331 - 248) / 2 = 41.5 a year from 2022 to 2025: 331 + 3 * 41.5
    assert ht["projection_2025"] == pytest.approx(455.5)
    listed = data["indicators"]["new_listed_companies"]
    # values are yearly flows; planned is the running total 15 * tau
    assert listed["years"]["2022"]["value"] == 4 and listed["years"]["2022"]["planned"] == 6
    assert listed["years"]["2022"]["status"] == "on_track"      # C = 6 = 15 * 0.4
    assert listed["projection_2025"] == 15                      # average flow 3 a year, five years
    assert build_summary(park.conn, "p", 2021)["year"] == 2021
    text = summary_text(data)
    assert "评估年份：2022" in text and "高新技术企业数（累计）" in text and "滞后" in text
    assert "状态汇总" in text


def test_summary_command(park_path):
    conn_path = str(park_path)
    import sqlite3

    conn = sqlite3.connect(conn_path)
    set_official(conn, "mnc_rd_centres", 2023, 16)
    conn.close()
    result = run_main("summary", conn_path, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["file"] == conn_path and data["year"] == 2023
    mnc = data["indicators"]["mnc_rd_centres"]["years"]["2023"]
    # 15 -> 17: planned 2023 = 15 + 2 * 0.6 = 16.2; p = 1/2 = 0.5 < 0.54 -> behind
    assert mnc == {"value": 16, "derived": None, "official": 16, "planned": 16.2, "status": "behind"}

    text = run_main("summary", conn_path, "--year", "2021")
    assert text.returncode == 0 and "评估年份：2021" in text.stdout and "跨国公司研发总部及研发中心" in text.stdout


def test_summary_command_refuses_what_it_cannot_open(tmp_path):
    missing = run_main("summary", str(tmp_path / "nope.sqlite"), "--json")
    assert missing.returncode == 2 and "找不到文件" in missing.stderr and missing.stdout == ""
    junk = tmp_path / "notes.sqlite"
    junk.write_text("not a database", encoding="utf-8")
    refused = run_main("summary", str(junk))
    assert refused.returncode == 2 and "不是园区数据文件" in refused.stderr
    assert junk.read_text(encoding="utf-8") == "not a database"


def test_summary_reads_a_version_1_file_without_changing_it(tmp_path):
    from tests.models.store.test_db import make_v1_file
    from tests.park_checks import digest

    folder = tmp_path / "files"
    folder.mkdir()
    path = folder / "old.sqlite"
    make_v1_file(path)
    before = digest(path)
    result = run_main("summary", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["year"] == 2021
    assert data["indicators"]["rd_intensity"]["years"]["2021"]["official"] == 3.2
    assert digest(path) == before
    assert [p.name for p in folder.iterdir()] == ["old.sqlite"]  # no backup, no journal left


def test_final_year_keys(park):
    conn = park.conn
    for code, year, value in [("high_tech_enterprises", 2025, 460), ("tech_contract_turnover", 2025, 22.3),
                              ("total_tax", 2025, 108), ("new_listed_companies", 2021, 3),
                              ("new_listed_companies", 2022, 3), ("new_listed_companies", 2023, 3),
                              ("new_listed_companies", 2024, 3), ("new_listed_companies", 2025, 2)]:
        set_official(conn, code, year, value)
    conn.execute("UPDATE reference_years SET value = 1000 WHERE code = 'district_tax' AND year = 2020")
    conn.execute("UPDATE reference_years SET value = 1200 WHERE code = 'district_tax' AND year = 2025")
    conn.execute("UPDATE indicators SET baseline_office = 300, baseline_office_source = '区统计局'"
                 " WHERE code = 'mnc_rd_centres'")
    conn.commit()
    data = build_summary(conn, "p")
    assert data["year"] == 2025 and data["final"] is True
    assert data["status_counts"] == {"achieved": 1, "mostly_achieved": 3, "not_achieved": 0, "unassessed": 7}
    ht = data["indicators"]["high_tech_enterprises"]
    assert (ht["baseline"], ht["baseline_plan"], ht["baseline_source"]) == (248, 248, "plan")
    assert ht["years"]["2025"]["status"] == "mostly_achieved"       # p = 212/232 = 0.914
    assert ht["years"]["2025"]["gap"] == 20 and ht["years"]["2025"]["gap_text"] == "差20家"
    tech = data["indicators"]["tech_contract_turnover"]["years"]["2025"]
    assert (tech["status"], tech["gap"], tech["gap_text"]) == ("achieved", 0, "超出目标1.3亿元")
    listed = data["indicators"]["new_listed_companies"]["years"]["2025"]
    assert (listed["value"], listed["cumulative"], listed["status"], listed["gap"]) == (2, 14, "mostly_achieved", 1)
    tax = data["indicators"]["total_tax"]
    assert tax["baseline_caveat"] == "规模以上企业口径"
    assert tax["years"]["2025"]["growth_period"] == pytest.approx(3.326301, abs=1e-6)     # (108/91.7)^0.2 - 1
    assert tax["years"]["2025"]["district_growth_period"] == pytest.approx(3.713729, abs=1e-6)  # 1.2^0.2 - 1
    assert tax["years"]["2025"]["status"] == "mostly_achieved"
    mnc = data["indicators"]["mnc_rd_centres"]
    assert (mnc["baseline"], mnc["baseline_plan"], mnc["baseline_source"]) == (300, 15, "office")
    assert mnc["baseline_office_source"] == "区统计局"
    assert data["indicators"]["rd_intensity"]["official_only"] is True
    text = summary_text(data)
    assert "规划期末，总结评估" in text and "基本完成" in text and "差20家" in text and "超出目标1.3亿元" in text
    assert "1,533.63（规模以上企业口径）" in text and "年均增长3.33%" in text
    assert "增长-" not in text
    json.dumps(data, allow_nan=False)
