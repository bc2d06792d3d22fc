"""The park file's schema, as the list of migrations that builds it.

`MIGRATIONS[i]` takes a file from schema version i to i + 1; a new file runs all of them, so the
newest schema is always the sum of the migrations. Append to the list; never edit a released step.
"""

from __future__ import annotations

from .return_form import returns_table_sql

YEARS = tuple(range(2020, 2026))
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
    returns_table_sql(),
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

# Version 3 (unreleased, shared: each area adds its own list, the lead concatenates them at merge).
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
_V3 = _V3_FINAL

MIGRATIONS: list[list[str]] = [_V1, _V2, _V3]
SCHEMA_VERSION = len(MIGRATIONS)
