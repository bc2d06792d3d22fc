"""Build park.sqlite.template from scripts/plan_source.toml.

    python scripts/build_template.py [OUT]

The template is never edited by hand; tests rebuild it and compare with the committed one.

It also writes models/store/plan_v3_data.py: the literal SQL with which schema version 3 gives an existing
park file the plan's rows that version 3 added (the TOML's rows marked `since = 3`, industry groups,
qualifiers, fact and task years, the key tasks). The template is built the same way — the rows older
versions had, then those statements — so a migrated file and a new one hold the same plan.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.store.db import new_empty_database  # noqa: E402
from models.store.plan import INDUSTRY_FIELDS, ZONE_FIELDS  # noqa: E402
from models.store.period import Period  # noqa: E402
from models.store.schema import V4_PLAN_DATA  # noqa: E402

SOURCE = ROOT / "scripts" / "plan_source.toml"
DEFAULT_OUT = ROOT / "park.sqlite.template"
V3_MODULE = ROOT / "models" / "store" / "plan_v3_data.py"
HAS_PLAN = "EXISTS (SELECT 1 FROM meta WHERE key = 'app')"


def _sql(value) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, (int, float)):
        return repr(value)
    return "'" + str(value).replace("'", "''") + "'"


def task_rows(plan: dict) -> list[dict]:
    """The key tasks in plan order, each with id, code (chapter.section.n), chapter, section, title, text."""
    chapters = "一二三四五六七八九"
    rows = []
    for sec in plan["task_sections"]:
        ch_no = chapters.index(sec["chapter"][0]) + 1
        sec_no = chapters.index(sec["section"][1]) + 1
        for n, task in enumerate(sec["tasks"], 1):
            rows.append({"id": len(rows) + 1, "code": f"{ch_no}.{sec_no}.{n}", "seq": len(rows) + 1,
                         "chapter": sec["chapter"], "section": sec["section"], "title": task.get("title"),
                         "text": task["text"], "industry": task.get("industry"), "zone": task.get("zone")})
    return rows


def plan_period(plan: dict) -> Period:
    return Period(int(plan["meta"]["base_year"]), int(plan["meta"]["target_year"]))


def v3_statements(plan: dict) -> list[str]:
    """Literal SQL giving a file that holds the plan (v2) the plan's v3 rows; a no-op on an empty file."""
    YEARS = plan_period(plan).years
    out = []
    for seq, fact in enumerate(plan["facts"], 1):
        if fact.get("since") == 3:
            out.append("INSERT INTO plan_facts (code, seq, topic, name, value, unit, year, source, qualifier,"
                       " plan_text) SELECT " + ", ".join(_sql(v) for v in (
                           fact["code"], seq, fact["topic"], fact["name"], fact["value"], fact["unit"], YEARS[0],
                           fact["source"], fact.get("qualifier"), fact.get("plan_text")))
                       + f" WHERE {HAS_PLAN}")
        elif fact.get("qualifier") or fact.get("plan_text"):
            out.append(f"UPDATE plan_facts SET qualifier = {_sql(fact.get('qualifier'))},"
                       f" plan_text = {_sql(fact.get('plan_text'))} WHERE code = {_sql(fact['code'])}")
    years = ", ".join(f"({y})" for y in YEARS)
    out.append(f"WITH y(year) AS (VALUES {years}) INSERT INTO fact_years (code, year)"
               " SELECT f.code, y.year FROM plan_facts f, y ORDER BY f.seq, y.year")
    for ind in plan["industries"]:
        out.append(f"UPDATE industries SET plan_group = {_sql(ind['plan_group'])},"
                   f" plan_form = {_sql(ind.get('plan_form'))},"
                   f" three_plus_three = {_sql(ind['three_plus_three'])} WHERE name = {_sql(ind['name'])}")
    for zone in plan["zones"]:
        for park in zone["parks"]:
            if park.get("since") == 3:
                out.append("INSERT INTO zone_parks (zone, seq, name, kind, source) SELECT "
                           f"{_sql(zone['name'])}, (SELECT COALESCE(MAX(seq), 0) + 1 FROM zone_parks),"
                           f" {_sql(park['name'])}, {_sql(park['kind'])}, {_sql(park['source'])}"
                           f" WHERE EXISTS (SELECT 1 FROM zones WHERE name = {_sql(zone['name'])})")
    for seq, park in enumerate(plan["unzoned_parks"], 1):
        out.append("INSERT INTO unzoned_parks (seq, name, kind, industry, source) SELECT " + ", ".join(
            _sql(v) for v in (seq, park["name"], park["kind"], park.get("industry"), park["source"]))
            + f" WHERE {HAS_PLAN}")
    for task in task_rows(plan):
        cols = ("id", "code", "seq", "chapter", "section", "title", "text", "industry", "zone")
        out.append(f"INSERT INTO tasks ({', '.join(cols)}) SELECT "
                   + ", ".join(_sql(task[c]) for c in cols) + f" WHERE {HAS_PLAN}")
    task_years = ", ".join(f"({y})" for y in YEARS[1:])
    out.append(f"WITH y(year) AS (VALUES {task_years}) INSERT INTO task_years (task_id, year)"
               " SELECT t.id, y.year FROM tasks t, y ORDER BY t.id, y.year")
    return out


def v3_module_text(plan: dict) -> str:
    lines = ['"""Generated by scripts/build_template.py from scripts/plan_source.toml: do not edit.',
             "",
             "Schema version 3's data step (see models/store/schema.py): literal SQL that gives a park file",
             "holding the plan the rows version 3 added. Each statement selects from rows an empty file",
             'does not have, so on the empty database the template is built from it inserts nothing.',
             '"""', "", "V3_PLAN_DATA: list[str] = ["]
    for stmt in v3_statements(plan):
        lines.append(f"    {stmt!r},")
    lines.append("]")
    return "\n".join(lines) + "\n"


def load_plan(source: Path = SOURCE) -> dict:
    return tomllib.loads(source.read_text(encoding="utf-8"))


def build(out: Path = DEFAULT_OUT, source: Path = SOURCE) -> Path:
    plan = load_plan(source)
    YEARS = plan_period(plan).years
    partial = out.with_name(out.name + ".partial")
    partial.unlink(missing_ok=True)
    conn = new_empty_database(partial)
    ins = conn.execute
    for key, value in plan["meta"].items():
        ins("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
    for seq, ind in enumerate(plan["indicators"], 1):
        ins("INSERT INTO indicators (code, seq, name, name_en, unit, target_text, target, baseline, kind,"
            " direction, source, baseline_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ind["code"], seq, ind["name"], ind["name_en"], ind["unit"], ind["target_text"], ind.get("target"),
             ind.get("baseline"), ind["kind"], ind["direction"], ind["source"], ind.get("baseline_source")))
        for year in YEARS:
            ins("INSERT INTO indicator_years (code, year) VALUES (?, ?)", (ind["code"], year))
    for seq, ref in enumerate(plan["reference"], 1):
        ins("INSERT INTO reference_series (code, seq, name, name_en, unit) VALUES (?, ?, ?, ?, ?)",
            (ref["code"], seq, ref["name"], ref["name_en"], ref["unit"]))
        for year in YEARS:
            ins("INSERT INTO reference_years (code, year) VALUES (?, ?)", (ref["code"], year))
    for seq, ind in enumerate(plan["industries"], 1):
        ins("INSERT INTO industries (name, seq, name_en, grp, goal, source) VALUES (?, ?, ?, ?, ?, ?)",
            (ind["name"], seq, ind["name_en"], ind["grp"], ind["goal"], ind["source"]))
        for year in YEARS:
            for fld in INDUSTRY_FIELDS:
                ins("INSERT INTO industry_years (industry, year, field) VALUES (?, ?, ?)", (ind["name"], year, fld))
    park_seq = 0
    for seq, zone in enumerate(plan["zones"], 1):
        ins("INSERT INTO zones (name, seq, short_name, name_en, role, source) VALUES (?, ?, ?, ?, ?, ?)",
            (zone["name"], seq, zone["short_name"], zone["name_en"], zone["role"], zone["source"]))
        for park in (p for p in zone["parks"] if p.get("since") != 3):
            park_seq += 1
            ins("INSERT INTO zone_parks (zone, seq, name, kind, source) VALUES (?, ?, ?, ?, ?)",
                (zone["name"], park_seq, park["name"], park["kind"], park["source"]))
        for year in YEARS:
            for fld in ZONE_FIELDS:
                ins("INSERT INTO zone_years (zone, year, field) VALUES (?, ?, ?)", (zone["name"], year, fld))
    for seq, cat in enumerate(plan["talent"], 1):
        ins("INSERT INTO talent_categories (code, seq, name, name_en, unit, grp, baseline, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (cat["code"], seq, cat["name"], cat["name_en"], cat["unit"], cat["grp"], cat.get("baseline"),
             cat["source"]))
        for year in YEARS:
            ins("INSERT INTO talent_years (code, year) VALUES (?, ?)", (cat["code"], year))
    for seq, fact in enumerate(plan["facts"], 1):
        if fact.get("since") == 3:
            continue
        ins("INSERT INTO plan_facts (code, seq, topic, name, value, unit, year, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (fact["code"], seq, fact["topic"], fact["name"], fact["value"], fact["unit"], YEARS[0], fact["source"]))
    for stmt in v3_statements(plan):  # what version 3 adds, exactly as a migrated file gets it
        ins(stmt)
    for stmt in V4_PLAN_DATA:  # and what version 4 adds
        ins(stmt)
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    partial.replace(out)
    return out


def write_v3_module(source: Path = SOURCE, out: Path = V3_MODULE) -> Path:
    out.write_text(v3_module_text(load_plan(source)), encoding="utf-8")
    return out


if __name__ == "__main__":
    print(write_v3_module())
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    print(build(target))
