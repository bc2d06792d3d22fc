"""The park file's schema, as the list of migrations that builds it.

`MIGRATIONS[i]` takes a file from schema version i to i + 1; a new file runs all of them, so the
newest schema is always the sum of the migrations. Append to the list; never edit a released step.
"""

from __future__ import annotations

from .plan_v3_data import V3_PLAN_DATA

APP_ID = "changning-plan"

_V1 = [
    """CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)""",
    """CREATE TABLE indicators (
        code TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        unit TEXT NOT NULL,
        target_text TEXT NOT NULL,
        target REAL,
        baseline REAL,
        kind TEXT NOT NULL CHECK (kind IN ('level', 'cumulative', 'keep_pace', 'assigned')),
        direction TEXT NOT NULL CHECK (direction IN ('higher', 'lower')),
        source TEXT NOT NULL,
        baseline_source TEXT
    )""",
    """CREATE TABLE indicator_years (
        code TEXT NOT NULL REFERENCES indicators(code),
        year INTEGER NOT NULL CHECK (year BETWEEN 2020 AND 2025),
        official REAL,
        official_source TEXT,
        assigned REAL,
        note TEXT,
        PRIMARY KEY (code, year)
    )""",
    """CREATE TABLE reference_series (
        code TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        unit TEXT NOT NULL
    )""",
    """CREATE TABLE reference_years (
        code TEXT NOT NULL REFERENCES reference_series(code),
        year INTEGER NOT NULL CHECK (year BETWEEN 2020 AND 2025),
        value REAL,
        source TEXT,
        note TEXT,
        PRIMARY KEY (code, year)
    )""",
    """CREATE TABLE industries (
        name TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        name_en TEXT NOT NULL,
        grp TEXT NOT NULL CHECK (grp IN ('key', 'traditional', 'pioneer', 'other')),
        goal TEXT NOT NULL,
        source TEXT NOT NULL
    )""",
    """CREATE TABLE industry_years (
        industry TEXT NOT NULL REFERENCES industries(name),
        year INTEGER NOT NULL CHECK (year BETWEEN 2020 AND 2025),
        field TEXT NOT NULL,
        official REAL,
        note TEXT,
        PRIMARY KEY (industry, year, field)
    )""",
    """CREATE TABLE zones (
        name TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        short_name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        role TEXT NOT NULL,
        source TEXT NOT NULL
    )""",
    """CREATE TABLE zone_parks (
        id INTEGER PRIMARY KEY,
        zone TEXT NOT NULL REFERENCES zones(name),
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        status TEXT CHECK (status IN ('planned', 'building', 'built', 'operating')),
        year INTEGER,
        note TEXT,
        source TEXT
    )""",
    """CREATE TABLE zone_years (
        zone TEXT NOT NULL REFERENCES zones(name),
        year INTEGER NOT NULL CHECK (year BETWEEN 2020 AND 2025),
        field TEXT NOT NULL,
        official REAL,
        note TEXT,
        PRIMARY KEY (zone, year, field)
    )""",
    """CREATE TABLE talent_categories (
        code TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT NOT NULL,
        unit TEXT NOT NULL,
        grp TEXT NOT NULL CHECK (grp IN ('count', 'flow', 'share', 'programme')),
        baseline REAL,
        source TEXT NOT NULL
    )""",
    """CREATE TABLE talent_years (
        code TEXT NOT NULL REFERENCES talent_categories(code),
        year INTEGER NOT NULL CHECK (year BETWEEN 2020 AND 2025),
        official REAL,
        note TEXT,
        PRIMARY KEY (code, year)
    )""",
    """CREATE TABLE plan_facts (
        code TEXT PRIMARY KEY,
        seq INTEGER NOT NULL,
        topic TEXT NOT NULL,
        name TEXT NOT NULL,
        value REAL NOT NULL,
        unit TEXT NOT NULL,
        year INTEGER NOT NULL,
        source TEXT NOT NULL
    )""",
    """CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        action TEXT NOT NULL,
        table_name TEXT NOT NULL,
        row_key TEXT NOT NULL,
        field TEXT,
        old_value TEXT,
        new_value TEXT
    )""",
]

# The returns table as released in v2, frozen: a new form column is a new step with ALTER TABLE.
_V2_RETURNS = """CREATE TABLE returns (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES import_batches(id),
    credit_code TEXT,
    name TEXT,
    year INTEGER,
    industry TEXT,
    zone TEXT,
    revenue REAL,
    tax REAL,
    rd_expense REAL,
    value_added REAL,
    energy REAL,
    employees INTEGER,
    returnees INTEGER,
    foreign_staff INTEGER,
    invention_patents INTEGER,
    patent_apps INTEGER,
    invention_apps INTEGER,
    patent_grants INTEGER,
    invention_grants INTEGER,
    tech_contract REAL,
    high_tech INTEGER,
    listed_year INTEGER,
    mnc_rd INTEGER,
    source_file TEXT,
    source_sheet TEXT,
    source_row INTEGER,
    UNIQUE (credit_code, year)
)"""

# Version 2: enterprise returns and the batches they came in; the audit log says where a change came from.
_V2 = [
    "ALTER TABLE audit_log ADD COLUMN source TEXT NOT NULL DEFAULT 'gui'",
    "ALTER TABLE audit_log ADD COLUMN batch_id INTEGER",
    """CREATE TABLE import_batches (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        user TEXT,
        host TEXT,
        files TEXT NOT NULL,
        accepted INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        conflicts INTEGER NOT NULL DEFAULT 0,
        replaced INTEGER NOT NULL DEFAULT 0,
        undone_at TEXT
    )""",
    _V2_RETURNS,
    "CREATE INDEX returns_year ON returns(year)",
    "CREATE INDEX returns_batch ON returns(batch_id)",
    """CREATE TABLE returns_superseded (
        id INTEGER PRIMARY KEY,
        batch_id INTEGER NOT NULL REFERENCES import_batches(id),
        credit_code TEXT NOT NULL,
        year INTEGER NOT NULL,
        row_json TEXT NOT NULL
    )""",
]

# Version 3 (released at stop 20; each area adds its own list, the lead concatenates them at merge).
# Final evaluation: the baseline the office sets beside the plan's (with where it comes from), and the
# source of talent figures brought in from the statistics bureau's spreadsheets.
_V3_FINAL = [
    "ALTER TABLE indicators ADD COLUMN baseline_office REAL",
    "ALTER TABLE indicators ADD COLUMN baseline_office_source TEXT",
    "ALTER TABLE talent_years ADD COLUMN source TEXT",
    # One row per import of official figures (main.py import-official, File ▸ 导入官方数据…); its
    # audit_log rows carry source 'official' and batch_id = this id.
    """CREATE TABLE official_imports (
        id INTEGER PRIMARY KEY,
        created_at TEXT NOT NULL,
        user TEXT,
        host TEXT,
        file TEXT NOT NULL,
        sha256 TEXT,
        accepted INTEGER NOT NULL DEFAULT 0,
        rejected INTEGER NOT NULL DEFAULT 0,
        unchanged INTEGER NOT NULL DEFAULT 0,
        undone_at TEXT
    )""",
]

# Version 3 (released at stop 20; several parts, each with its own list, concatenated into _V3).
# Facts, industry groups, parks without a zone and the plan's key tasks. The DDL below is followed by
# `V3_PLAN_DATA` (models/store/plan_v3_data.py, literal SQL generated from scripts/plan_source.toml by
# scripts/build_template.py): it gives a file that already holds the plan (a v1/v2 park file) the
# plan's v3 rows — new 2020 facts, fact and task years, industry groups, parks, tasks. On the empty
# database the template builder starts from it inserts nothing (its statements select from rows
# that are not there yet), and the builder writes the same rows from the TOML.
_V3_FACTS = [
    "ALTER TABLE plan_facts ADD COLUMN qualifier TEXT",  # 约 / 余 / 近, shown with the figure
    "ALTER TABLE plan_facts ADD COLUMN plan_text TEXT",  # the plan's own words (三分之一, 两百余家)
    """CREATE TABLE fact_years (
        code TEXT NOT NULL REFERENCES plan_facts(code),
        year INTEGER NOT NULL CHECK (year BETWEEN 2020 AND 2025),
        official REAL,
        note TEXT,
        PRIMARY KEY (code, year)
    )""",
    ("ALTER TABLE industries ADD COLUMN plan_group TEXT"
     " CHECK (plan_group IN ('traditional', 'featured', 'pioneer', 'other'))"),
    "ALTER TABLE industries ADD COLUMN plan_form TEXT",  # 'new_form': 在线新经济, the pioneers' new form
    ("ALTER TABLE industries ADD COLUMN three_plus_three INTEGER NOT NULL DEFAULT 0"
     " CHECK (three_plus_three IN (0, 1))"),
    """CREATE TABLE unzoned_parks (
        id INTEGER PRIMARY KEY,
        seq INTEGER NOT NULL,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        industry TEXT,
        status TEXT CHECK (status IN ('planned', 'building', 'built', 'operating')),
        year INTEGER,
        note TEXT,
        source TEXT
    )""",
    """CREATE TABLE tasks (
        id INTEGER PRIMARY KEY,
        code TEXT NOT NULL UNIQUE,
        seq INTEGER NOT NULL,
        chapter TEXT NOT NULL,
        section TEXT NOT NULL,
        title TEXT,
        text TEXT NOT NULL,
        industry TEXT,
        zone TEXT,
        unit TEXT
    )""",
    """CREATE TABLE task_years (
        task_id INTEGER NOT NULL REFERENCES tasks(id),
        year INTEGER NOT NULL CHECK (year BETWEEN 2021 AND 2025),
        status TEXT CHECK (status IN ('not_started', 'in_progress', 'done', 'behind', 'adjusted')),
        note TEXT,
        evidence TEXT,
        PRIMARY KEY (task_id, year)
    )""",
    *V3_PLAN_DATA,
]
_V3 = [*_V3_FINAL, *_V3_FACTS]



def _rebuilt(table: str, columns: str) -> list[str]:
    """Literal SQL replacing `table` by one with `columns` (same column order), keeping its rows."""
    return [f"CREATE TABLE {table}_v4 ({columns})",
            f"INSERT INTO {table}_v4 SELECT * FROM {table}",
            f"DROP TABLE {table}",
            f"ALTER TABLE {table}_v4 RENAME TO {table}"]


# Version 4: the plan is data (issue 15). The period lives in meta (base_year, target_year), so the
# tables whose years were CHECKed against 2020–2025 are rebuilt with any year; the code checks a year
# against the file's period. Indicators say how they are derived from returns (报表口径, models.planning.derivation)
# and which reference series they follow (参照序列); an industry group a definition names beyond the
# four known ones is kept as its label; a task keeps the sentence it came from.
_YEAR = "year INTEGER NOT NULL CHECK (year BETWEEN 1900 AND 2200)"
_V4_DDL = [
    "ALTER TABLE indicators ADD COLUMN derivation TEXT",
    "ALTER TABLE indicators ADD COLUMN ref_series TEXT",
    "ALTER TABLE industries ADD COLUMN group_label TEXT",
    "ALTER TABLE tasks ADD COLUMN source TEXT",
    *_rebuilt("indicator_years", f"""
        code TEXT NOT NULL REFERENCES indicators(code),
        {_YEAR},
        official REAL,
        official_source TEXT,
        assigned REAL,
        note TEXT,
        PRIMARY KEY (code, year)
    """),
    *_rebuilt("reference_years", f"""
        code TEXT NOT NULL REFERENCES reference_series(code),
        {_YEAR},
        value REAL,
        source TEXT,
        note TEXT,
        PRIMARY KEY (code, year)
    """),
    *_rebuilt("industry_years", f"""
        industry TEXT NOT NULL REFERENCES industries(name),
        {_YEAR},
        field TEXT NOT NULL,
        official REAL,
        note TEXT,
        PRIMARY KEY (industry, year, field)
    """),
    *_rebuilt("zone_years", f"""
        zone TEXT NOT NULL REFERENCES zones(name),
        {_YEAR},
        field TEXT NOT NULL,
        official REAL,
        note TEXT,
        PRIMARY KEY (zone, year, field)
    """),
    *_rebuilt("talent_years", f"""
        code TEXT NOT NULL REFERENCES talent_categories(code),
        {_YEAR},
        official REAL,
        note TEXT,
        source TEXT,
        PRIMARY KEY (code, year)
    """),
    *_rebuilt("fact_years", f"""
        code TEXT NOT NULL REFERENCES plan_facts(code),
        {_YEAR},
        official REAL,
        note TEXT,
        PRIMARY KEY (code, year)
    """),
    *_rebuilt("task_years", f"""
        task_id INTEGER NOT NULL REFERENCES tasks(id),
        {_YEAR},
        status TEXT CHECK (status IN ('not_started', 'in_progress', 'done', 'behind', 'adjusted')),
        note TEXT,
        evidence TEXT,
        PRIMARY KEY (task_id, year)
    """),
]
_HAS_PLAN = "EXISTS (SELECT 1 FROM meta WHERE key = 'app')"
# What version 4 gives a file that holds the built-in plan (every v1–v3 file does); on the empty
# database the template builder starts from it does nothing, and the builder runs it again once the
# plan's rows are in (scripts/build_template.py), so a migrated file and a new one agree.
V4_PLAN_DATA = [
    f"INSERT OR IGNORE INTO meta (key, value) SELECT 'base_year', '2020' WHERE {_HAS_PLAN}",
    f"INSERT OR IGNORE INTO meta (key, value) SELECT 'target_year', '2025' WHERE {_HAS_PLAN}",
    f"INSERT OR IGNORE INTO meta (key, value) SELECT 'source_file', '000_49581f62cfd03bd6.txt' WHERE {_HAS_PLAN}",
    *(f"UPDATE indicators SET derivation = '{d}' WHERE code = '{code}'" for code, d in (
        ("rd_intensity", "per_ref(rd_expense, district_gdp) / 100"),
        ("invention_patents_per_10k", "per_ref(invention_patents, resident_population)"),
        ("tech_contract_turnover", "sum(tech_contract) / 10000"),
        ("total_revenue", "sum(revenue) / 10000"),
        ("total_tax", "sum(tax) / 10000"),
        ("high_tech_enterprises", "count_yes(high_tech)"),
        ("new_listed_companies", "count_year(listed_year)"),
        ("returnee_foreign_share", "share(returnees + foreign_staff, employees)"),
        ("mnc_rd_centres", "count_yes(mnc_rd)"),
        ("energy_per_value_added", "ratio(energy, value_added)"),
    )),
    "UPDATE indicators SET ref_series = 'district_gdp_growth,district_gdp' WHERE code = 'total_revenue'",
    "UPDATE indicators SET ref_series = 'district_tax_growth,district_tax' WHERE code = 'total_tax'",
    "UPDATE tasks SET source = text WHERE source IS NULL",
]
_V4 = [*_V4_DDL, *V4_PLAN_DATA]

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3, _V4]
SCHEMA_VERSION = len(MIGRATIONS)
