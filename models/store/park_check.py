"""Checks a park file from elsewhere before anything is read from it or written to it.

Park files are e-mailed between offices and kept on shares: they are untrusted input. Before a file is
used, its schema is compared with the one this program builds for the file's schema version (derived
here by running `schema.MIGRATIONS[:version]` on an in-memory database, so tables other parts of the
program add need no list kept by hand): every table, column (name, declared type, NOT NULL, default,
primary key, generated), index and the tables' CREATE statements, and nothing else — no trigger, no view,
no virtual table, and no `sqlite_stat1` (statistics ANALYZE would write, which steer SQLite's query plans:
a crafted one could make an ordinary query run for minutes; this program never runs ANALYZE). Then every typed column's values are checked for type and range.

Reading the schema runs nothing from it: only `sqlite_master` and the `pragma_table_xinfo` /
`pragma_index_list` / `pragma_index_xinfo` table functions of names that `sqlite_master` lists as tables.
Each function raises `SchemaMismatch` / `BadValue` with a Chinese message; the caller adds the file name.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass

from .schema import MIGRATIONS

AMOUNT_LIMIT = 1e12  # |x| of an amount (万元) and of any other REAL figure
COUNT_LIMIT = 10_000_000  # whole counts in a return: 0 … this
INTEGER_LIMIT = 10**12  # any other INTEGER column (ids, years, counters)

_KIND_NAMES = {"trigger": "触发器", "view": "视图", "index": "索引", "table": "表"}


class SchemaMismatch(Exception):
    """The file's schema is not the one this program makes; `str()` is a Chinese phrase naming the object."""


class BadValue(Exception):
    """A stored value has the wrong type or is out of range; `str()` names the table, row and column."""


@dataclass(frozen=True)
class Schema:
    """What a schema holds, in comparable form.

    Attributes:
        tables: table name -> tuple of (column, declared type, notnull, default, pk, hidden).
        table_sql: table name -> its CREATE TABLE statement, whitespace normalised.
        indexes: index name -> (table, unique, origin, partial, columns, normalised sql or None).
        others: (type, name) of every trigger, view and virtual table.
    """

    tables: dict
    table_sql: dict
    indexes: dict
    others: tuple


def normalise_sql(sql: str | None) -> str | None:
    if sql is None:
        return None
    return re.sub(r"\s+", " ", sql).strip()


def read_schema(conn: sqlite3.Connection) -> Schema:
    """The schema of the database on `conn`, read without running anything it defines."""
    master = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    tables, table_sql, indexes, others = {}, {}, {}, []
    for kind, name, _table, sql in master:
        if kind == "table" and (sql or "").lstrip()[:14].upper().startswith("CREATE VIRTUAL"):
            others.append(("virtual", name))
        elif kind in ("trigger", "view"):
            others.append((kind, name))
        elif kind == "table":
            tables[name] = tuple(conn.execute(
                'SELECT name, type, "notnull", dflt_value, pk, hidden FROM pragma_table_xinfo(?) ORDER BY cid',
                (name,)).fetchall())
            table_sql[name] = normalise_sql(sql)
    index_sql = {name: normalise_sql(sql) for kind, name, _t, sql in master if kind == "index"}
    for table in tables:
        for _seq, name, unique, origin, partial in conn.execute(
                'SELECT seq, name, "unique", origin, partial FROM pragma_index_list(?)', (table,)):
            columns = tuple(conn.execute(
                'SELECT seqno, cid, name, "desc", coll, "key" FROM pragma_index_xinfo(?) ORDER BY seqno',
                (name,)).fetchall())
            indexes[name] = (table, unique, origin, partial, columns, index_sql.get(name))
    # An index whose table is not a (known) table still shows in sqlite_master: count it as extra.
    for kind, name, table, _sql in master:
        if kind == "index" and name not in indexes:
            indexes[name] = (table, None, None, None, (), index_sql.get(name))
    return Schema(tables, table_sql, indexes, tuple(sorted(others)))


_ROWS_ONLY = {"INSERT", "UPDATE", "DELETE", "REPLACE", "WITH"}


@functools.cache
def expected_schema(version: int) -> Schema:
    """The schema this program builds for schema version `version` (0 … len(MIGRATIONS)).

    The current version's is read from the park file template installed with the program (the migrations'
    own schema, which tests/models/store/test_db.py checks): running the migrations, whose table rebuilds make
    SQLite parse its schema again and again, took 15 ms of every file's opening."""
    if not 0 <= version <= len(MIGRATIONS):
        raise ValueError(version)
    if version == len(MIGRATIONS):
        shipped = _template_schema(version)
        if shipped is not None:
            return shipped
    return migrated_schema(version)


def _template_schema(version: int) -> Schema | None:
    from ..base.paths import template_path

    try:
        conn = sqlite3.connect(f"{template_path().resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        if conn.execute("PRAGMA user_version").fetchone()[0] != version:
            return None
        return read_schema(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


@functools.cache
def migrated_schema(version: int) -> Schema:
    """The schema that running the first `version` migrations on an empty database gives."""
    conn = sqlite3.connect(":memory:")
    try:
        for step in MIGRATIONS[:version]:
            for statement in step:
                # the plan's rows (INSERT, UPDATE, WITH … INSERT) change no table's definition: left out, they
                # would take most of the time of every file's opening
                if (statement[:12].upper().split(None, 1) or [""])[0] not in _ROWS_ONLY:
                    conn.execute(statement)
        return read_schema(conn)
    finally:
        conn.close()


def first_difference(found: Schema, expected: Schema) -> str | None:
    """A Chinese phrase (to follow “文件“X””) naming the first object in which `found` differs from
    `expected`, else None."""
    for kind, name in found.others:
        if kind == "view" and name in expected.tables:
            return f"中的表“{name}”被替换成了视图"
        if kind == "virtual":
            return f"含有本软件不会创建的虚拟表“{name}”"
        return f"含有本软件不会创建的{_KIND_NAMES[kind]}“{name}”"
    for name in found.tables:
        if name not in expected.tables:
            return f"含有本软件不会创建的表“{name}”"
    for name in expected.tables:
        if name not in found.tables:
            return f"缺少表“{name}”"
    for name, columns in expected.tables.items():
        have = {c[0]: c for c in found.tables[name]}
        want = {c[0]: c for c in columns}
        for col in want:
            if col not in have:
                return f"中的表“{name}”缺少列“{col}”"
        for col in have:
            if col not in want:
                return f"中的表“{name}”含有本软件不会创建的列“{col}”"
        for col, spec in want.items():
            if (have[col][1] or "").upper() != (spec[1] or "").upper():
                return f"中的表“{name}”的列“{col}”类型为“{have[col][1]}”（应为“{spec[1]}”）"
            if have[col][2:] != spec[2:]:
                return f"中的表“{name}”的列“{col}”的定义（非空、默认值、主键或计算列）被改动"
        if found.table_sql[name] != expected.table_sql[name]:
            return f"中的表“{name}”的定义（约束或默认值）与本软件不符"
    for name in found.indexes:
        if name not in expected.indexes:
            return f"含有本软件不会创建的索引“{name}”"
    for name, spec in expected.indexes.items():
        if name not in found.indexes:
            return f"缺少索引“{name}”"
        if found.indexes[name] != spec:
            return f"中的索引“{name}”的定义与本软件不符"
    return None


def check_schema(conn: sqlite3.Connection, version: int) -> None:
    """Raise SchemaMismatch unless the schema on `conn` is exactly the one of `version`.

    `version` outside the known versions, or a schema that matches another known version (its
    `user_version` changed by hand), are reported as such.
    """
    found = read_schema(conn)
    known = len(MIGRATIONS)
    if not 0 <= version <= known:
        raise SchemaMismatch(f"的数据版本号“{version}”无效")
    claimed = expected_schema(version)
    problem = first_difference(found, claimed)
    if problem is None:
        return
    if found.others:  # a trigger or view is named as such, whatever the version says
        raise SchemaMismatch(problem)
    for other in range(known, -1, -1):
        if other != version and first_difference(found, expected_schema(other)) is None:
            raise SchemaMismatch(f"的数据版本号为{version}，但内容是版本{other}的格式")
    if version == 0:
        raise SchemaMismatch("的数据版本号为0，但含有数据表")
    raise SchemaMismatch(problem)


# ------------------------------------------------------------------------------------------- values

def _return_kinds() -> dict[str, str]:
    from .return_form import COLUMNS

    return {c.key: c.kind for c in COLUMNS}


# Tables whose `year` is a year of the plan: it must lie in the file's period (base … target year).
PERIOD_YEAR_TABLES = ("returns", "indicator_years", "reference_years", "industry_years", "zone_years",
                      "talent_years", "fact_years", "task_years")


def value_rule(table: str, column: str, declared: str, kinds: dict[str, str],
               period=None) -> tuple[str, str] | None:
    """(SQL condition that a good value meets, what it should be in Chinese) for one column, or None.

    With the file's `period` (models.store.period.Period), the `year` of PERIOD_YEAR_TABLES must lie in it.

    The conditions are false for a wrong type and NULL for NULL (allowed), and cheap: SQLite orders
    NULL < numbers < text < blobs, and a column's affinity has already turned numeric text into numbers
    (INTEGER, REAL) or numbers into text (TEXT), so a range test is a type test too.
    """
    q = '"' + column.replace('"', '""') + '"'
    kind = kinds.get(column) if table == "returns" else None
    affinity = declared.upper()
    whole = f"{q} = CAST({q} AS INTEGER)"
    if period is not None and column == "year" and table in PERIOD_YEAR_TABLES:
        return (f"({q} BETWEEN {int(period.base)} AND {int(period.target)} AND {whole})",
                f"本规划期内的年份（{period.base}—{period.target}年）")
    if kind == "count":
        return f"({q} BETWEEN 0 AND {COUNT_LIMIT} AND {whole})", f"0至{COUNT_LIMIT:,}之间的整数"
    if kind == "bool":
        return f"{q} IN (0, 1)", "0或1"
    if "INT" in affinity:
        return f"({q} BETWEEN -{INTEGER_LIMIT} AND {INTEGER_LIMIT} AND {whole})", "整数"
    if any(word in affinity for word in ("REAL", "FLOA", "DOUB")):
        return f"{q} BETWEEN -{AMOUNT_LIMIT:.0f} AND {AMOUNT_LIMIT:.0f}", "绝对值不超过10¹²的有限数值"
    if any(word in affinity for word in ("CHAR", "CLOB", "TEXT")):
        return f"{q} < X''", "文字"
    return None


def _shown(value) -> str:
    if isinstance(value, bytes):
        return f"{len(value)}字节的二进制数据"
    if isinstance(value, str):
        return f"“{value[:20]}…”（{len(value)}字）" if len(value) > 20 else f"“{value}”"
    return repr(value)


def check_values(conn: sqlite3.Connection, version: int) -> None:
    """Raise BadValue for the first stored value of a wrong type or out of range, or text that is not
    UTF-8 (which would stop any later read of it), in the tables of `version`'s schema."""
    kinds = _return_kinds()
    period = _period_or_none(conn)
    factory = conn.text_factory
    conn.text_factory = lenient_text  # a bad row is read to be named, whatever bytes it holds
    try:
        for table, columns in expected_schema(version).tables.items():
            _check_table(conn, table, columns, kinds, period)
        for table, columns in expected_schema(version).tables.items():
            texts = [c[0] for c in columns if "CHAR" in (c[1] or "").upper() or "CLOB" in (c[1] or "").upper()
                     or "TEXT" in (c[1] or "").upper()]
            if texts:
                _check_utf8(conn, table, texts)
    finally:
        conn.text_factory = factory


def lenient_text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def _period_or_none(conn: sqlite3.Connection):
    """The file's period, or None for a file whose meta does not hold one (before schema v4)."""
    from .period import read_period

    try:
        return read_period(conn)
    except (ValueError, sqlite3.Error):
        return None


def _check_table(conn: sqlite3.Connection, table: str, columns, kinds: dict[str, str], period=None) -> None:
    rules = [(c[0], r) for c in columns if (r := value_rule(table, c[0], c[1] or "", kinds, period)) is not None]
    if not rules:
        return
    qt = _quoted(table)
    where = " AND ".join(r[0] for _c, r in rules)
    names = ", ".join(_quoted(c) for c, _r in rules)
    row = conn.execute(f"SELECT rowid, {names} FROM {qt} WHERE NOT ({where}) LIMIT 1").fetchone()
    if row is None:
        return
    rowid, values = row[0], row[1:]
    for (column, (condition, wanted)), value in zip(rules, values):
        ok = conn.execute(f"SELECT {condition} FROM {qt} WHERE rowid = ?", (rowid,)).fetchone()[0]
        if ok is not None and not ok:
            raise BadValue(f"中表“{table}”第{rowid}行的“{column}”列为{_shown(value)}，应为{wanted}")
    raise BadValue(f"中表“{table}”第{rowid}行的数值不合规")


UTF8_CHUNK = 50_000


def _check_utf8(conn: sqlite3.Connection, table: str, texts: list[str]) -> None:
    """Raise BadValue naming the first text value of `table` that is not valid UTF-8.

    Fast: each text column of 50,000 rows at a time comes back as one byte string, the values joined by
    newlines (an ASCII byte between values, so that no two halves of a character can join into a valid
    one), and Python decodes it; only a chunk that fails is read value by value.
    """
    qt = _quoted(table)
    aggregates = ", ".join(f"CAST(group_concat({_quoted(c)}, X'0A') AS BLOB)" for c in texts)
    columns = ", ".join(_quoted(c) for c in texts)
    last = None
    while True:
        after = "" if last is None else f"WHERE rowid > {int(last)}"
        top, count, *blobs = conn.execute(
            f"SELECT max(r), COUNT(*), {aggregates} FROM "
            f"(SELECT rowid AS r, {columns} FROM {qt} {after} ORDER BY rowid LIMIT {UTF8_CHUNK})").fetchone()
        if not count:
            return
        for blob in blobs:
            try:
                (blob or b"").decode("utf-8")
            except UnicodeDecodeError:
                _name_bad_utf8(conn, table, texts, after)
        last = top


def _name_bad_utf8(conn: sqlite3.Connection, table: str, texts: list[str], after: str) -> None:
    factory = conn.text_factory
    conn.text_factory = bytes
    try:
        cur = conn.execute(f"SELECT rowid, {', '.join(_quoted(c) for c in texts)} FROM {_quoted(table)} {after}"
                           f" ORDER BY rowid LIMIT {UTF8_CHUNK}")
        for rowid, *values in cur:
            for column, value in zip(texts, values):
                if isinstance(value, bytes):
                    try:
                        value.decode("utf-8")
                    except UnicodeDecodeError:
                        raise BadValue(f"中表“{table}”第{rowid}行的“{column}”列含有无效的文字编码（不是UTF-8）") from None
    finally:
        conn.text_factory = factory


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'
