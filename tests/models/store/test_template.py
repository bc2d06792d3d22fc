"""park.sqlite.template: built by the script from the readable source, every figure from the seed text."""

from __future__ import annotations

import sqlite3
import tomllib

import pytest

from tests.conftest import ROOT, SEED, TEMPLATE


def dump(path) -> list[str]:
    conn = sqlite3.connect(str(path))
    try:
        lines = list(conn.iterdump())
        lines.append(f"user_version={conn.execute('PRAGMA user_version').fetchone()[0]}")
        return lines
    finally:
        conn.close()


def test_committed_template_is_what_the_script_builds(tmp_path):
    from scripts.build_template import build

    built = build(tmp_path / "built.sqlite")
    assert dump(built) == dump(TEMPLATE), "park.sqlite.template is stale: run python scripts/build_template.py"


def source_parts(text: str) -> list[str]:
    """A source is a seed sentence (parts joined by ……) or a table row (cells joined by ' | ')."""
    return text.split(" | ") if " | " in text else text.split("……")


def test_every_source_sentence_is_in_the_seed_text():
    seed = SEED.read_text(encoding="utf-8")
    conn = sqlite3.connect(str(TEMPLATE))
    sources = []
    for table, cols in [("indicators", "source, baseline_source"), ("industries", "source, source"),
                        ("zones", "source, source"), ("zone_parks", "source, source"),
                        ("talent_categories", "source, source"), ("plan_facts", "source, source")]:
        for a, b in conn.execute(f"SELECT {cols} FROM {table}"):
            sources += [s for s in (a, b) if s]
    assert len(sources) > 60
    missing = [part for s in sources for part in source_parts(s) if part not in seed]
    assert missing == []


def test_the_eleven_indicators_in_table_order(park):
    from models.store.plan import INDICATOR_CODES, indicators

    rows = indicators(park.conn)
    assert tuple(i.code for i in rows) == INDICATOR_CODES
    by_code = {i.code: i for i in rows}
    assert by_code["invention_patents_per_10k"].baseline == 74
    assert by_code["invention_patents_per_10k"].target == 95
    assert by_code["high_tech_enterprises"].baseline == 248
    assert by_code["high_tech_enterprises"].target == 480
    assert by_code["new_listed_companies"].kind == "cumulative"
    assert by_code["new_listed_companies"].target == 15
    assert by_code["foreign_work_permits"].target == 20000
    assert by_code["foreign_work_permits"].target_text == "五年累计新增20000"
    assert by_code["total_revenue"].kind == "keep_pace"
    assert by_code["total_revenue"].target is None
    assert by_code["total_revenue"].target_text == "与区经济发展保持同步"
    assert by_code["energy_per_value_added"].kind == "assigned"
    assert by_code["energy_per_value_added"].direction == "lower"
    assert by_code["rd_intensity"].baseline is None  # the plan gives no 2020 figure
    assert by_code["rd_intensity"].name == "全社会研发经费支出相当于全区生产总值比例"
    assert [i.code for i in rows if i.direction == "lower"] == ["energy_per_value_added"]


def test_industries_zones_talent_and_empty_reference_series(park):
    from models.store.plan import industries, talent_categories, zones

    inds = industries(park.conn)
    assert [i.name for i in inds if i.grp == "key"] == [
        "航空服务业", "互联网+生活性服务业", "时尚创意产业", "人工智能产业", "金融服务业", "生命健康产业"]
    assert [i.name for i in inds if i.grp == "traditional"] == ["现代贸易", "信息服务", "专业服务"]
    assert [i.name for i in inds if i.grp in ("pioneer", "other")] == ["在线新经济", "其他"]
    assert [z.name for z in zones(park.conn)] == ["东部中山公园片区", "中部虹桥片区", "西部临空片区"]
    west = [r[0] for r in park.conn.execute("SELECT name FROM zone_parks WHERE zone = '西部临空片区'")]
    assert "联影智慧医疗产业园" in west and "携程智慧出行产业园" in west
    talent = {c.code: c.baseline for c in talent_categories(park.conn)}
    assert (talent["academicians"], talent["high_level_experts"], talent["special_allowance"],
            talent["shanghai_leading"], talent["district_leading"]) == (8, 33, 32, 39, 29)
    assert park.conn.execute("SELECT COUNT(*) FROM reference_years WHERE value IS NOT NULL").fetchone()[0] == 0
    assert park.conn.execute("SELECT COUNT(*) FROM indicator_years WHERE official IS NOT NULL").fetchone()[0] == 0


@pytest.mark.parametrize("code, value", [("patent_applications", 5506), ("invention_grants", 718),
                                         ("maker_spaces", 11), ("enterprises_total", 9762)])
def test_plan_facts(park, code, value):
    assert park.conn.execute("SELECT value FROM plan_facts WHERE code = ?", (code,)).fetchone()[0] == value


def test_source_file_is_readable_toml():
    plan = tomllib.loads((ROOT / "scripts" / "plan_source.toml").read_text(encoding="utf-8"))
    assert len(plan["indicators"]) == 11
