"""Generate the corpus of hostile park files in tests/data/bad_parks/.

    python scripts/make_bad_parks.py [OUT_DIR]

Each case is a park file (with a `-wal` beside it for the WAL cases) made from a copy of the template
(page size 512, vacuumed, to keep the committed files small) and then changed as an attacker or a
careless tool would. `cases.json` lists, per file: `{"file", "what", "refused" (true: every command
refuses it, exit 2; false: it is read correctly), "expect" (fragments of the message, all must appear),
"sidecars" (files beside it that belong to the case)}`.

Triggers in the corpus write a row `pwned…` into `meta` when they fire, so a test can see that none did.
Cases that need a process (a file locked by another program, a journal left by a killed writer) are
made at test time by tests/test_bad_parks.py.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models.returns.cells import make_credit_code  # noqa: E402
from models.store.schema import SCHEMA_VERSION  # noqa: E402

OUT = ROOT / "tests" / "data" / "bad_parks"
TEMPLATE = ROOT / "park.sqlite.template"
MARK = "INSERT INTO meta (key, value) VALUES ('pwned-' || hex(randomblob(4)), '{name}')"


@dataclass
class Case:
    file: str
    what: str
    make: Callable[[sqlite3.Connection], None] = field(repr=False)
    refused: bool = True
    expect: list[str] = field(default_factory=list)
    wal: Callable[[sqlite3.Connection], None] | None = field(default=None, repr=False)
    after: Callable[[Path], None] | None = field(default=None, repr=False)

    @property
    def sidecars(self) -> list[str]:
        return [self.file + "-wal"] if self.wal is not None else []


# ------------------------------------------------------------------------------------------ changes

def return_values(n: int = 1, **changes) -> dict:
    """A plausible stored return row (batch 1)."""
    values = {"batch_id": 1, "credit_code": make_credit_code(f"91310105MA{n:07d}"), "name": f"测试企业{n}有限公司",
              "year": 2023, "industry": "人工智能产业", "zone": "中部虹桥片区", "revenue": 1000.0, "tax": 100.0,
              "rd_expense": 50.0, "value_added": 400.0, "energy": 20.0, "employees": 100, "returnees": 3,
              "foreign_staff": 2, "invention_patents": 4, "patent_apps": 6, "invention_apps": 2, "patent_grants": 5,
              "invention_grants": 1, "tech_contract": 10.0, "high_tech": 1, "listed_year": None, "mnc_rd": 0,
              "source_file": "a.xlsx", "source_sheet": "企业报表", "source_row": 2}
    values.update(changes)
    return values


def add_return(conn: sqlite3.Connection, **changes) -> None:
    if conn.execute("SELECT COUNT(*) FROM import_batches WHERE id = 1").fetchone()[0] == 0:
        conn.execute("INSERT INTO import_batches (id, created_at, files) VALUES (1, '2024-03-01T10:00:00', '[]')")
    row = return_values(**changes)
    conn.execute(f"INSERT INTO returns ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", tuple(row.values()))


def tables(conn: sqlite3.Connection) -> list[str]:
    return [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]


def trigger_on_every_table(conn):
    for table in tables(conn):
        for event in ("INSERT", "UPDATE", "DELETE"):
            conn.execute(f"CREATE TRIGGER t_{table}_{event.lower()} AFTER {event} ON {table} "
                         f"BEGIN {MARK.format(name=table)}; END")


def trigger_multiplying_revenue(conn):
    conn.execute("CREATE TRIGGER t_ret AFTER INSERT ON returns BEGIN "
                 "UPDATE returns SET revenue = revenue * 10 WHERE id = new.id; "
                 f"{MARK.format(name='t_ret')}; END")


def trigger_emptying_audit_log(conn):
    conn.execute("CREATE TRIGGER t_audit AFTER INSERT ON audit_log BEGIN DELETE FROM audit_log; "
                 f"{MARK.format(name='t_audit')}; END")


def view_in_place_of_returns(conn):
    """`returns` renamed and a view of the same name in its place, with an INSTEAD OF trigger that sends
    the rows it is given elsewhere."""
    conn.execute("ALTER TABLE returns RENAME TO returns_kept")
    conn.execute("CREATE VIEW returns AS SELECT * FROM returns_kept")
    conn.execute("CREATE TRIGGER t_instead INSTEAD OF INSERT ON returns BEGIN "
                 f"{MARK.format(name='t_instead')}; END")


def view_in_place_of_a_table(conn):
    conn.execute("ALTER TABLE indicators RENAME TO indicators_kept")
    conn.execute("CREATE VIEW indicators AS SELECT * FROM indicators_kept")


def recursive_view_as_table(conn):
    """`reference_years` replaced by a view that would count to 10¹² before answering."""
    conn.execute("DROP TABLE reference_years")
    conn.execute("CREATE VIEW reference_years (code, year, value, source, note) AS "
                 "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000000000) "
                 "SELECT 'x', 2023, MAX(i), NULL, NULL FROM n")


def recursive_view_extra(conn):
    conn.execute("CREATE VIEW slow AS WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                 "SELECT COUNT(*) FROM n")


def set_declared(conn, table: str, old: str, new: str):
    """Change a CREATE TABLE statement in place (as a hex editor would), keeping the data."""
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    assert old in sql, (table, old)
    version = conn.execute("PRAGMA schema_version").fetchone()[0]
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("UPDATE sqlite_master SET sql = ? WHERE name = ?", (sql.replace(old, new, 1), table))
    conn.execute(f"PRAGMA schema_version = {version + 1}")
    conn.execute("PRAGMA writable_schema = OFF")


def wrong_column_type(conn):
    set_declared(conn, "returns", "revenue REAL", "revenue TEXT")


def check_removed(conn):
    set_declared(conn, "indicator_years", "CHECK (year BETWEEN 2020 AND 2025)", "")


def default_changed(conn):
    set_declared(conn, "audit_log", "source TEXT NOT NULL DEFAULT 'gui'",
                 "source TEXT NOT NULL DEFAULT (zeroblob(1000))")


def missing_table(conn):
    conn.execute("DROP TABLE reference_years")


def missing_column(conn):
    conn.execute("ALTER TABLE returns DROP COLUMN tax")


def extra_column(conn):
    conn.execute("ALTER TABLE indicators ADD COLUMN remark TEXT")


def extra_index(conn):
    conn.execute("CREATE INDEX evil ON returns (revenue)")


def extra_table(conn):
    conn.execute("CREATE TABLE stolen (x TEXT)")


def planner_statistics(conn):
    """ANALYZE's statistics, as a crafted file would carry them to steer query plans."""
    conn.execute("ANALYZE")
    conn.execute("UPDATE sqlite_stat1 SET stat = '1000000000 1'")


def generated_column(conn):
    conn.execute("ALTER TABLE indicators ADD COLUMN doubled REAL GENERATED ALWAYS AS (target * 2) VIRTUAL")


def user_version(n: int):
    def change(conn):
        conn.execute(f"PRAGMA user_version = {n}")
    return change


def text_in_real(conn):
    conn.execute("UPDATE indicator_years SET official = '八十五' WHERE code = 'rd_intensity' AND year = 2023")


def nan_as_text(conn):
    conn.execute("UPDATE talent_years SET official = 'NaN' WHERE rowid = (SELECT MIN(rowid) FROM talent_years)")


def huge_amount(conn):
    add_return(conn, revenue=1e308)


def infinite_amount(conn):
    add_return(conn, revenue=float("inf"))


def count_out_of_range(conn):
    add_return(conn, employees=10**14)


def fraction_count(conn):
    add_return(conn, patent_apps=2.5)


def blob_as_name(conn):
    add_return(conn, name=b"\x00\xff\xfe")


def invalid_utf8_name(conn):
    """An enterprise name whose bytes are not UTF-8 (stored as text): reading it would stop any program."""
    add_return(conn)
    conn.execute("UPDATE returns SET name = CAST(X'E4B8ADFF20E69687' AS TEXT) WHERE id = 1")


def v1_with_trigger(conn):
    """A version-1 file (its own schema, as an old program made it) that also carries a trigger."""
    for table in ("returns_superseded", "returns", "import_batches"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("PRAGMA user_version = 1")
    conn.execute("ALTER TABLE audit_log DROP COLUMN batch_id")
    conn.execute("ALTER TABLE audit_log DROP COLUMN source")
    conn.execute("CREATE TRIGGER t_v1 AFTER INSERT ON meta WHEN new.key NOT LIKE 'pwned%' BEGIN "
                 f"{MARK.format(name='t_v1')}; END")


def not_ours(conn):
    conn.execute("UPDATE meta SET value = 'other-program' WHERE key = 'app'")


def nothing(conn):
    pass


def cut_in_half(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def wal_with_value(conn):
    conn.execute("UPDATE indicator_years SET official = 4.25 WHERE code = 'rd_intensity' AND year = 2023")


def wal_with_trigger(conn):
    conn.execute(f"CREATE TRIGGER t_wal AFTER INSERT ON returns BEGIN {MARK.format(name='t_wal')}; END")


CASES: list[Case] = [
    Case("trigger_every_table.sqlite", "an AFTER INSERT/UPDATE/DELETE trigger on every table", trigger_on_every_table,
         expect=["触发器", "可能被改动过"]),
    Case("trigger_returns.sqlite", "a trigger multiplying every imported revenue by ten", trigger_multiplying_revenue,
         expect=["触发器“t_ret”"]),
    Case("trigger_audit_log.sqlite", "a trigger emptying the audit log", trigger_emptying_audit_log,
         expect=["触发器“t_audit”"]),
    Case("view_instead_of.sqlite", "returns replaced by a view with an INSTEAD OF trigger", view_in_place_of_returns,
         expect=["触发器“t_instead”"]),
    Case("view_for_table.sqlite", "indicators replaced by a view", view_in_place_of_a_table,
         expect=["表“indicators”被替换成了视图"]),
    Case("recursive_view_table.sqlite", "reference_years replaced by a view counting to 10¹²",
         recursive_view_as_table, expect=["表“reference_years”被替换成了视图"]),
    Case("recursive_view_extra.sqlite", "an extra view with an endless recursive CTE", recursive_view_extra,
         expect=["视图“slow”"]),
    Case("wrong_column_type.sqlite", "returns.revenue declared TEXT", wrong_column_type,
         expect=["returns", "revenue", "TEXT"]),
    Case("check_removed.sqlite", "indicator_years without its CHECK on the year", check_removed,
         expect=["indicator_years", "定义"]),
    Case("default_changed.sqlite", "audit_log.source with another default", default_changed,
         expect=["audit_log", "source"]),
    Case("missing_table.sqlite", "reference_years dropped", missing_table, expect=["缺少表“reference_years”"]),
    Case("missing_column.sqlite", "returns.tax dropped", missing_column, expect=["returns", "缺少列“tax”"]),
    Case("extra_column.sqlite", "a column added to indicators", extra_column, expect=["indicators", "remark"]),
    Case("generated_column.sqlite", "a generated column added to indicators", generated_column,
         expect=["indicators", "doubled"]),
    Case("extra_index.sqlite", "an index the program does not make", extra_index, expect=["索引“evil”"]),
    Case("planner_statistics.sqlite", "sqlite_stat1 (ANALYZE) steering query plans", planner_statistics,
         expect=["表“sqlite_stat1”"]),
    Case("extra_table.sqlite", "a table the program does not make", extra_table, expect=["表“stolen”"]),
    Case("user_version_0.sqlite", "user_version set to 0 on a current file", user_version(0),
         expect=["数据版本号为0"]),
    Case("user_version_1.sqlite", "user_version set to 1 on a current file", user_version(1),
         expect=["数据版本号为1", f"版本{SCHEMA_VERSION}"]),
    Case("user_version_-1.sqlite", "user_version set to -1", user_version(-1), expect=["数据版本号“-1”无效"]),
    Case("user_version_99.sqlite", "user_version set to 99", user_version(99), expect=["较新版本", "99"]),
    Case("text_in_real.sqlite", "Chinese text in indicator_years.official (REAL)", text_in_real,
         expect=["indicator_years", "official", "八十五"]),
    Case("nan_as_text.sqlite", "'NaN' stored as text in talent_years.official", nan_as_text,
         expect=["talent_years", "official", "NaN"]),
    Case("huge_amount.sqlite", "a revenue of 1e308", huge_amount, expect=["returns", "revenue", "第1行"]),
    Case("infinite_amount.sqlite", "an infinite revenue", infinite_amount, expect=["returns", "revenue", "inf"]),
    Case("count_out_of_range.sqlite", "10¹⁴ employees", count_out_of_range, expect=["returns", "employees"]),
    Case("fraction_count.sqlite", "2.5 patent applications", fraction_count, expect=["returns", "patent_apps"]),
    Case("blob_as_name.sqlite", "binary data as an enterprise name", blob_as_name,
         expect=["returns", "name", "二进制"]),
    Case("invalid_utf8_name.sqlite", "an enterprise name that is not UTF-8", invalid_utf8_name,
         expect=["returns", "name", "UTF-8"]),
    Case("v1_with_trigger.sqlite", "a version-1 file carrying a trigger (no migration backup may be made)",
         v1_with_trigger, expect=["触发器“t_v1”"]),
    Case("not_ours.sqlite", "a SQLite file of another program", not_ours, expect=["不是园区数据文件"]),
    Case("truncated.sqlite", "the second half of the file lost (damaged: the only case that is)", nothing,
         expect=["已损坏"], after=cut_in_half),
    Case("wal_with_value.sqlite", "a WAL file left beside it, holding a committed edit (read correctly)", nothing,
         refused=False, wal=wal_with_value),
    Case("wal_with_trigger.sqlite", "a WAL file left beside it that adds a trigger", nothing,
         expect=["触发器“t_wal”"], wal=wal_with_trigger),
]

# A child process makes the WAL: it commits in WAL mode and is killed before it can checkpoint.
_WAL_CHILD = textwrap.dedent("""
    import os, signal, sqlite3, sys
    sys.path.insert(0, {root!r})
    import scripts.make_bad_parks as m
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("BEGIN")
    getattr(m, sys.argv[2])(conn)
    conn.execute("COMMIT")
    os.kill(os.getpid(), signal.SIGKILL)
""")


def base(path: Path) -> None:
    """A compact copy of the template at `path`."""
    shutil.copyfile(TEMPLATE, path)
    conn = sqlite3.connect(str(path))
    conn.execute("PRAGMA page_size = 512")
    conn.execute("VACUUM")
    conn.close()


def build(case: Case, folder: Path) -> Path:
    path = folder / case.file
    for old in [path, *(folder / s for s in case.sidecars), path.with_name(path.name + "-shm")]:
        old.unlink(missing_ok=True)
    base(path)
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("BEGIN")
    case.make(conn)
    conn.execute("COMMIT")
    conn.close()
    if case.wal is not None:
        with tempfile.TemporaryDirectory() as tmp:
            script = Path(tmp) / "wal_child.py"
            script.write_text(_WAL_CHILD.format(root=str(ROOT)), encoding="utf-8")
            subprocess.run([sys.executable, str(script), str(path), case.wal.__name__], check=False)
        path.with_name(path.name + "-shm").unlink(missing_ok=True)
        assert path.with_name(path.name + "-wal").exists(), case.file
    if case.after is not None:
        case.after(path)
    return path


def manifest() -> list[dict]:
    out = []
    for case in CASES:
        item = {k: v for k, v in asdict(case).items() if k in ("file", "what", "refused", "expect")}
        item["sidecars"] = case.sidecars
        out.append(item)
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        build(case, out)
    (out / "cases.json").write_text(json.dumps(manifest(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    size = sum(p.stat().st_size for p in out.iterdir())
    print(f"{len(CASES)} cases written to {out} ({size // 1024} KB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
