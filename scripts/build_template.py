"""Build park.sqlite.template from scripts/plan_source.toml.

    python scripts/build_template.py [OUT]

The template is never edited by hand; tests rebuild it and compare with the committed one.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.db import new_empty_database  # noqa: E402
from models.plan import INDUSTRY_FIELDS, ZONE_FIELDS  # noqa: E402
from models.schema import YEARS  # noqa: E402

SOURCE = ROOT / "scripts" / "plan_source.toml"
DEFAULT_OUT = ROOT / "park.sqlite.template"


def build(out: Path = DEFAULT_OUT, source: Path = SOURCE) -> Path:
    plan = tomllib.loads(source.read_text(encoding="utf-8"))
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
        for park in zone["parks"]:
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
        ins("INSERT INTO plan_facts (code, seq, topic, name, value, unit, year, source)"
            " VALUES (?, ?, ?, ?, ?, ?, 2020, ?)",
            (fact["code"], seq, fact["topic"], fact["name"], fact["value"], fact["unit"], fact["source"]))
    conn.commit()
    conn.execute("VACUUM")
    conn.close()
    partial.replace(out)
    return out


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT
    print(build(target))
