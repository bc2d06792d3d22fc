"""The plan's v3 data: new 2020 figures with qualifiers, industry groups, parks without a zone and the
key tasks — all verbatim from the plan — and the migration that gives a v2 file the same rows."""

from __future__ import annotations

import re
import sqlite3

from tests.conftest import ROOT, SEED, TEMPLATE

TASK_CHAPTERS = "三四五六七"  # innovation, industries, space, talent+environment, safeguards


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def template_rows(sql: str) -> list[tuple]:
    conn = sqlite3.connect(str(TEMPLATE))
    try:
        return list(conn.execute(sql))
    finally:
        conn.close()


def test_every_task_text_title_chapter_and_section_is_in_the_plan_verbatim():
    seed = seed_text()
    lines = {ln.strip() for ln in seed.splitlines()}
    rows = template_rows("SELECT code, chapter, section, title, text FROM tasks ORDER BY seq")
    assert len(rows) >= 36  # "some dozens"
    for code, chapter, section, title, text in rows:
        assert text in seed, code
        assert text.endswith("。")
        assert chapter in lines and section in lines, code  # headings are lines of their own
        if title:
            assert any(ln.startswith(f"{title}。") and text in ln for ln in lines), code  # its paragraph's lead
    assert len({r[4] for r in rows}) == len(rows)


def test_every_section_of_the_task_chapters_has_a_task():
    seed = seed_text()
    body = seed[seed.index("三、提升科技创新策源能力"):]
    sections = []
    chapter = None
    for line in (ln.strip() for ln in body.splitlines()):
        if re.match(f"^[{TASK_CHAPTERS}]、", line):
            chapter = line
        elif chapter and re.match(r"^\([一二三四五六]\)", line):
            sections.append((chapter, line))
    assert len(sections) == 15
    with_tasks = set(template_rows("SELECT DISTINCT chapter, section FROM tasks"))
    assert [s for s in sections if s not in with_tasks] == []
    chapters = [r[0] for r in template_rows("SELECT DISTINCT chapter FROM tasks ORDER BY seq")]
    assert [c[0] for c in chapters] == list(TASK_CHAPTERS)


def test_tasks_name_their_industry_or_zone():
    rows = {code: (industry, zone) for code, industry, zone in
            template_rows("SELECT code, industry, zone FROM tasks")}
    assert rows["4.1.2"] == ("现代贸易", None)
    assert rows["4.3.9"] == ("在线新经济", None)
    assert rows["5.3.1"] == (None, "西部临空片区")
    industries = {r[0] for r in template_rows("SELECT name FROM industries")}
    zones = {r[0] for r in template_rows("SELECT name FROM zones")}
    assert {i for i, _ in rows.values() if i} <= industries
    assert {z for _, z in rows.values() if z} == zones
    assert template_rows("SELECT COUNT(*) FROM task_years")[0][0] == len(rows) * 5


def test_new_plan_figures_with_their_qualifiers():
    seed = seed_text()
    facts = {r[0]: r[1:] for r in template_rows(
        "SELECT code, value, unit, qualifier, plan_text, source FROM plan_facts")}
    assert len(facts) == 33
    assert facts["base_airlines_shanghai_share"][:3] == (60, "%", None)
    assert facts["aviation_key_enterprises"][:4] == (100, "家", "余", "百余家")
    assert facts["aviation_peripheral_enterprises"][:4] == (1000, "家", "近", "近千家")
    assert facts["ai_enterprises"][:4] == (200, "家", "余", "两百余家")
    assert facts["ai_district_share"][:4] == (33.33, "%", "约", "三分之一")
    assert facts["internet_top20"][0] == 3
    assert facts["ecommerce_demo_enterprises"][0] == 9
    assert facts["invention_patents_per_10k_increase"][:2] == (35, "件")
    assert facts["area"][2] == "约"
    for code, (_, _, _, plan_text, source) in facts.items():
        assert source in seed, code
        if plan_text:
            assert plan_text in source, code
    assert template_rows("SELECT COUNT(*) FROM fact_years")[0][0] == 33 * 6


def test_industry_groups_as_chapter_4_draws_them_and_the_3_plus_3_mark():
    rows = template_rows("SELECT name, plan_group, plan_form, three_plus_three, grp FROM industries ORDER BY seq")
    groups = {}
    for name, group, _, _, _ in rows:
        groups.setdefault(group, []).append(name)
    assert groups == {
        "featured": ["航空服务业", "互联网+生活性服务业", "时尚创意产业"],
        "pioneer": ["人工智能产业", "金融服务业", "生命健康产业", "在线新经济"],
        "traditional": ["现代贸易", "信息服务", "专业服务"],
        "other": ["其他"],
    }
    assert [r[0] for r in rows if r[3]] == ["航空服务业", "互联网+生活性服务业", "时尚创意产业",
                                            "人工智能产业", "金融服务业", "生命健康产业"]
    assert [r[0] for r in rows if r[2]] == ["在线新经济"]
    # the older grouping (and with it the "3+3" subtotal) is unchanged
    assert [r[0] for r in rows if r[4] == "key"] == [r[0] for r in rows if r[3]]


def test_parks_the_plan_names_outside_the_zone_lists():
    seed = seed_text()
    unzoned = template_rows("SELECT name, source FROM unzoned_parks ORDER BY seq")
    assert [r[0] for r in unzoned] == ["生命健康产业园", "长宁金融园", "西郊国际金融产业园", "东华大学科技园",
                                       "上海工程技术大学科技园"]
    cores = template_rows("SELECT zone, name, source FROM zone_parks WHERE kind = 'core' ORDER BY seq")
    assert [r[:2] for r in cores] == [("中部虹桥片区", "虹桥国际贸易中心"), ("中部虹桥片区", "虹桥经济技术开发区"),
                                      ("西部临空片区", "虹桥临空经济示范区")]
    for name, source in unzoned + [r[1:] for r in cores]:
        assert name in source and source in seed


def test_generated_v3_data_module_is_current():
    from scripts.build_template import load_plan, v3_module_text

    text = (ROOT / "models" / "store" / "plan_v3_data.py").read_text(encoding="utf-8")
    assert text == v3_module_text(load_plan()), "run python scripts/build_template.py"


def make_v2_file(path, plan):
    """A version-2 park file as the v2 template builder made it (the rows without `since = 3`)."""
    from models.store import db as parkdb
    from models.store.plan import INDUSTRY_FIELDS

    conn = sqlite3.connect(str(path))
    parkdb.apply_migrations(conn, 0, 2)
    conn.execute("INSERT INTO meta VALUES ('app', 'changning-plan')")
    for seq, ind in enumerate(plan["industries"], 1):
        conn.execute("INSERT INTO industries VALUES (?, ?, ?, ?, ?, ?)",
                     (ind["name"], seq, ind["name_en"], ind["grp"], ind["goal"], ind["source"]))
        conn.execute("INSERT INTO industry_years (industry, year, field) VALUES (?, 2021, ?)",
                     (ind["name"], INDUSTRY_FIELDS[0]))
    seq = 0
    for zseq, zone in enumerate(plan["zones"], 1):
        conn.execute("INSERT INTO zones VALUES (?, ?, ?, ?, ?, ?)",
                     (zone["name"], zseq, zone["short_name"], zone["name_en"], zone["role"], zone["source"]))
        for park in zone["parks"]:
            if park.get("since") != 3:
                seq += 1
                conn.execute("INSERT INTO zone_parks (zone, seq, name, kind, source) VALUES (?, ?, ?, ?, ?)",
                             (zone["name"], seq, park["name"], park["kind"], park["source"]))
    for fseq, fact in enumerate(plan["facts"], 1):
        if fact.get("since") != 3:
            conn.execute("INSERT INTO plan_facts VALUES (?, ?, ?, ?, ?, ?, 2020, ?)",
                         (fact["code"], fseq, fact["topic"], fact["name"], fact["value"], fact["unit"],
                          fact["source"]))
    conn.commit()
    conn.close()


def test_a_v2_file_migrated_gets_the_plans_v3_rows(tmp_path):
    from models.store.db import open_park
    from scripts.build_template import load_plan

    path = tmp_path / "v2.sqlite"
    make_v2_file(path, load_plan())
    park = open_park(path)
    try:
        assert park.migrated_from == 2
        queries = [
            "SELECT * FROM tasks ORDER BY id",
            "SELECT * FROM task_years ORDER BY task_id, year",
            "SELECT * FROM plan_facts ORDER BY seq",
            "SELECT * FROM fact_years ORDER BY code, year",
            "SELECT name, plan_group, plan_form, three_plus_three FROM industries ORDER BY seq",
            "SELECT zone, seq, name, kind, source FROM zone_parks ORDER BY seq",
            "SELECT * FROM unzoned_parks ORDER BY seq",
        ]
        for sql in queries:
            assert list(park.conn.execute(sql)) == template_rows(sql), sql
    finally:
        park.close()
