"""Official figures in bulk: the 官方数据 workbook the office fills from the statistics bureau's tables.

`write_template(conn, out)` writes sheet 官方数据 with the columns

    代码 · 名称 · 单位 · 2020 · 2021 · 2022 · 2023 · 2024 · 2025 · 来源 · 备注

(one column per year of the file's period, base year … target year; 2020–2025 for the built-in plan)
and one row per indicator (the base-year column is its baseline: the office's if set, else the plan's), per
reference series of the file (the built-in plan's: district_gdp, district_gdp_growth, resident_population,
district_tax, district_tax_growth; a series in "%" is a growth rate and may be negative), one 市下达值 row per
indicator of type assigned (code `<indicator code>_assigned`, stored in indicator_years.assigned: the
built-in plan's `energy_per_value_added_assigned`) unless the indicator's 参照序列 names a reference series,
whose row then carries the assigned values, and per talent category (a category whose code is also an
indicator's — the built-in plan's work permits, `foreign_work_permits` — is that indicator's row, so it is
not repeated), prefilled with the file's current official values. Text cells are written as text, never
formulas. The 备注 of an indicator says “仅按官方统计数据评估” when returns give a figure that is not assessed
(figures.is_official_only with a 报表口径), and gives the built-in plan's caveat on its baseline.

`check_workbook_file(conn, path)` reads such a workbook back: rows are found by 代码 and columns by their
year titles (2020, "2020" or "2020年"), in any order (a filled cell of a year outside the file's period is
rejected with a message naming the period); blank cells change nothing; every value is checked as
the same figure typed in the window would be (models.returns.cells reads the number; not negative; shares at most
100 %; growth rates at least −100 %; talent counts whole). A bad cell is rejected with its file, sheet, row
and column; the rest of the row still counts. 来源, when filled, becomes the source of every value the row
changes (for the base-year column of an indicator: the source of the office's baseline). 备注 is for the reader
and is not imported.

`commit(park, result)` writes every change as ONE audited transaction with one `official_imports` record
(file, SHA-256, counts): its audit_log rows carry source 'official' and batch_id = that record's id, so the
log says which workbook each change came from. `undo(park, batch, changes)` writes the old values back,
again as one audited transaction, and marks the record undone. The window wraps both in one QUndoCommand.

`run_cli` is `main.py import-official PATH FILE.xlsx [--dry-run] [--report-json OUT]`: exit 0 when every
filled cell was accepted, 1 when some were rejected, 2 when nothing could be used (no readable sheet 官方数据,
no 代码 column, or no valid cell at all). The report JSON is
{"accepted": N, "rejected": [{"file", "sheet", "row", "column", "message"}], "unchanged": N} — accepted
counts the cells that change a figure, unchanged the valid cells equal to what the file already holds.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..returns import cells
from ..returns.cells import CellError
from ..base.problems import Problem
from ..store.return_form import YEAR_MAX, YEAR_MIN
from ..store.period import Period, read_period

SHEET = "官方数据"
CODE_TITLE, NAME_TITLE, UNIT_TITLE, SOURCE_TITLE, NOTE_TITLE = "代码", "名称", "单位", "来源", "备注"


def headers(period: Period) -> tuple[str, ...]:
    """The 官方数据 sheet's header titles for a file's period."""
    return (CODE_TITLE, NAME_TITLE, UNIT_TITLE, *(str(y) for y in period.years), SOURCE_TITLE, NOTE_TITLE)
ASSIGNED_SUFFIX = "_assigned"  # an assigned indicator's 市下达值 row: energy_per_value_added_assigned


def assigned_code(indicator_code: str) -> str:
    """The code of the 市下达值 row of an assigned indicator."""
    return indicator_code + ASSIGNED_SUFFIX


# The plan's figures (规划基数) share codes with indicators and talent categories (high_tech_enterprises),
# so their rows carry this prefix: fact.enterprises_total.
FACT_PREFIX = "fact."
MAX_FIGURE = 1e13
HEADER_SCAN_ROWS = 10
AUDIT_ACTION, AUDIT_SOURCE = "import-official", "official"


class OfficialFileError(Exception):
    """The workbook cannot be used at all; `str(error)` is the Chinese message naming the file."""


@dataclass
class Target:
    """Where one row's figures are stored and how a value is checked.

    kind: "indicator" (indicator_years.official; base year -> indicators.baseline_office), "reference"
    (reference_years.value), "assigned" (indicator_years.assigned of the indicator `of`), "talent"
    (talent_years.official) or "fact" (fact_years.official).
    of: for "assigned", the assigned indicator's code.
    """

    code: str
    name: str
    unit: str
    kind: str
    minimum: float = 0.0
    maximum: float | None = None
    whole: bool = False
    note: str = ""
    of: str = ""


@dataclass
class Change:
    """One stored field changed by the import: table, row key, field, old and new value."""

    table: str
    key: dict[str, Any]
    field: str
    old: Any
    new: Any



@dataclass
class CheckResult:
    """What a workbook would change: the changes, the accepted and unchanged cell counts, the problems."""

    file: str
    changes: list[Change] = field(default_factory=list)
    accepted: int = 0
    unchanged: int = 0
    rejected: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    error: str | None = None  # the whole file could not be used

    def report(self) -> dict[str, Any]:
        return {"accepted": self.accepted, "rejected": [p.as_dict() for p in self.rejected],
                "unchanged": self.unchanged}

    @property
    def exit_code(self) -> int:
        if self.error is not None or self.accepted + self.unchanged == 0:
            return 2
        return 1 if self.rejected else 0


# ---------------------------------------------------------------------------------------------- rows
def _has_table(conn, table: str) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)).fetchone() is not None


def _has_column(conn, table: str, column: str) -> bool:
    return any(r[1] == column for r in conn.execute(f"PRAGMA table_info({table})"))


def _assigned_rows(conn) -> list[tuple[str, str, str]]:
    """(code, name, unit) of every assigned indicator whose assigned values have their own 市下达值 row (its
    参照序列 names no reference series of the file), in plan order."""
    refs = {code for code, in conn.execute("SELECT code FROM reference_series")}
    return [(code, name, unit) for code, name, unit, ref_series in conn.execute(
                "SELECT code, name, unit, ref_series FROM indicators WHERE kind = 'assigned' ORDER BY seq")
            if not any(c.strip() in refs for c in (ref_series or "").split(","))]


def _assigned_series(conn) -> dict[str, str]:
    """{reference-series code: name of the assigned indicator whose assigned values it holds}."""
    refs = {code for code, in conn.execute("SELECT code FROM reference_series")}
    out: dict[str, str] = {}
    for name, ref_series in conn.execute(
            "SELECT name, ref_series FROM indicators WHERE kind = 'assigned' ORDER BY seq"):
        first = next((c.strip() for c in (ref_series or "").split(",") if c.strip() in refs), None)
        if first is not None:
            out.setdefault(first, name)
    return out


def targets(conn) -> list[Target]:
    """Every row of the 官方数据 sheet, in order: indicators, reference series, assigned values, talent, facts."""
    from .figures import baseline_caveat, is_official_only
    from ..store.plan import indicators, is_builtin_plan

    base = read_period(conn).base
    builtin = is_builtin_plan(conn)
    out = []
    indicator_codes = set()
    for ind in indicators(conn):
        indicator_codes.add(ind.code)
        notes = [f"{base}年栏为基期值"]
        if baseline_caveat(ind.code, builtin):
            notes.append(baseline_caveat(ind.code, builtin))
        if ind.kind == "cumulative":
            notes.append("累计指标：各年填当年新增")
        if is_official_only(ind, builtin) and (ind.derivation or "").strip():
            notes.append("仅按官方统计数据评估")
        out.append(Target(ind.code, ind.name, ind.unit, "indicator", 0.0, 100.0 if ind.unit == "%" else None,
                          note="；".join(notes)))
    assigned_by = _assigned_series(conn)
    for code, name, unit in conn.execute("SELECT code, name, unit FROM reference_series ORDER BY seq"):
        growth = (unit or "").strip() == "%"  # a "%" series is a growth rate (issue 15)
        note = "增长率，下降填负数" if growth else ""
        if code in assigned_by:
            note = f"{assigned_by[code]}的市下达值" + (f"；{note}" if note else "")
        out.append(Target(code, name, unit, "reference", -100.0 if growth else 0.0, note=note))
    codes = indicator_codes | {t.code for t in out}
    for code, name, unit in _assigned_rows(conn):
        if assigned_code(code) in codes:
            continue  # a code the plan already uses for something else: no row rather than a clash
        out.append(Target(assigned_code(code), f"{name}（市下达值）", unit, "assigned",
                          note=f"市下达的{name.removesuffix('指标')}控制值", of=code))
    for code, name, unit in conn.execute("SELECT code, name, unit FROM talent_categories ORDER BY seq"):
        if code in indicator_codes:
            continue  # the same figures as the indicator's row (the built-in plan's foreign_work_permits)
        out.append(Target(code, name, unit, "talent", whole=True))
    if _has_table(conn, "fact_years"):
        from ..base.numfmt import is_count

        for code, name, unit, qualifier in conn.execute(
                "SELECT code, name, unit, qualifier FROM plan_facts ORDER BY seq"):
            note = f"规划基数：{base}年栏为规划所列数据" + (f"（{qualifier}）" if qualifier else "") + "，不可修改"
            out.append(Target(FACT_PREFIX + code, name, unit, "fact", 0.0, 100.0 if unit == "%" else None,
                              whole=is_count(unit), note=note))
    return out


def _current(conn) -> dict[str, dict]:
    """{code: {"values": {year: current official value}, "sources": {year: source}}} of every row."""
    base_year = read_period(conn).base
    out: dict[str, dict] = {}
    office = {}
    if _has_column(conn, "indicators", "baseline_office"):
        office = {c: (v, s) for c, v, s in conn.execute(
            "SELECT code, baseline_office, baseline_office_source FROM indicators")}
    plan_base = dict(conn.execute("SELECT code, baseline FROM indicators"))
    own_rows = {code for code, _name, _unit in _assigned_rows(conn)}
    for code, year, official, source, assigned in conn.execute(
            "SELECT code, year, official, official_source, assigned FROM indicator_years"):
        entry = out.setdefault(code, {"values": {}, "sources": {}})
        if year == base_year:
            base, base_source = office.get(code, (None, None))
            entry["values"][year] = base if base is not None else plan_base.get(code)
            entry["sources"][year] = base_source
        else:
            entry["values"][year] = official
            entry["sources"][year] = source
        if code in own_rows:
            out.setdefault(assigned_code(code), {"values": {}, "sources": {}})["values"][year] = assigned
    for code, year, value, source in conn.execute("SELECT code, year, value, source FROM reference_years"):
        entry = out.setdefault(code, {"values": {}, "sources": {}})
        entry["values"][year], entry["sources"][year] = value, source
    talent_source = _has_column(conn, "talent_years", "source")
    sql = "SELECT code, year, official, " + ("source" if talent_source else "NULL") + " FROM talent_years"
    talent_base = dict(conn.execute("SELECT code, baseline FROM talent_categories"))
    for code, year, official, source in conn.execute(sql):
        entry = out.setdefault(code, {"values": {}, "sources": {}})
        if official is None and year == base_year:
            official = talent_base.get(code)
        entry["values"][year], entry["sources"][year] = official, source
    if _has_table(conn, "fact_years"):
        plan_value = dict(conn.execute("SELECT code, value FROM plan_facts"))
        for code, year, official in conn.execute("SELECT code, year, official FROM fact_years"):
            entry = out.setdefault(FACT_PREFIX + code, {"values": {}, "sources": {}})
            entry["values"][year] = plan_value.get(code) if year == base_year else official
    return out


def _common_source(sources: dict[int, str | None]) -> str | None:
    """The source shared by every year that has one, else None (a mixed row is left blank)."""
    found = {s for s in sources.values() if s}
    return found.pop() if len(found) == 1 else None


def template_rows(conn) -> list[tuple]:
    """The rows of the 官方数据 sheet in HEADERS order, prefilled with the file's current official values."""
    current = _current(conn)
    years = read_period(conn).years
    rows = []
    for t in targets(conn):
        entry = current.get(t.code, {"values": {}, "sources": {}})
        values = [entry["values"].get(y) for y in years]
        rows.append((t.code, t.name, t.unit, *values, _common_source(entry["sources"]), t.note or None))
    return rows


def template_sheet(conn):
    """The 官方数据 sheet (an xlsx_writer.Table), its rows read now: writing it reads nothing more from `conn`
    (so it may be written on another thread)."""
    from ..base.xlsx_writer import Table

    columns = [(CODE_TITLE, "text"), (NAME_TITLE, "text"), (UNIT_TITLE, "text"),
               *((str(y), "num") for y in read_period(conn).years), (SOURCE_TITLE, "text"), (NOTE_TITLE, "text")]
    return Table(SHEET, columns, template_rows(conn))


def write_template(conn, out: Path | str) -> int:
    """Write the 官方数据 workbook to `out` (atomically); returns the number of rows. Raises
    xlsx_writer.WriteError with a message for the user."""
    from ..base.xlsx_writer import write_tables

    sheet = template_sheet(conn)
    write_tables(out, [sheet])
    return len(sheet.rows)


# ---------------------------------------------------------------------------------------------- reading
def _year_title(value: Any) -> int | None:
    """The year a header cell names (2020, 2020.0, "2020", "2020年"), any year a park file may hold (the
    caller checks it against the file's period)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        if isinstance(value, float) and not (math.isfinite(value) and value.is_integer()):
            return None
        year = int(value)
    else:
        try:
            text = cells.normalise_text(value).removesuffix("年").removesuffix("年度").strip()
        except CellError:
            return None
        if not text.isdigit():
            return None
        year = int(text)
    return year if YEAR_MIN <= year <= YEAR_MAX else None


def _title(value: Any) -> str:
    try:
        return cells.normalise_text(value) if value is not None else ""
    except CellError:
        return ""


def find_header(rows: list[list[Any]]) -> tuple[int, int, dict[int, int], int | None] | None:
    """(header row index, 代码 column, {year: column}, 来源 column) of the first row holding 代码 and a year."""
    for r, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        code_col = next((c for c, v in enumerate(row) if _title(v) == CODE_TITLE), None)
        if code_col is None:
            continue
        years: dict[int, int] = {}
        for c, v in enumerate(row):
            year = _year_title(v)
            if year is not None and year not in years:
                years[year] = c
        source_col = next((c for c, v in enumerate(row) if _title(v) == SOURCE_TITLE), None)
        if years:
            return r, code_col, years, source_col
    return None


def _check_value(t: Target, raw: Any) -> float | None:
    """The value of a filled cell, checked as the window checks a typed figure; raises CellError."""
    if isinstance(raw, str):
        raw = raw.strip().removesuffix("%").removesuffix("％")
    number = cells.parse_number(raw)
    if number is None:
        return None
    if abs(number) > MAX_FIGURE:
        raise CellError(f"“{cells._show(raw)}”过大，不是可用的数字")
    if number < t.minimum:
        if t.minimum == 0:
            raise CellError(f"“{cells._show(raw)}”为负数，该项不得为负")
        raise CellError(f"“{cells._show(raw)}”小于{t.minimum:g}，增长率不能低于-100%")
    if t.maximum is not None and number > t.maximum:
        raise CellError(f"“{cells._show(raw)}”大于{t.maximum:g}，比例不能超过{t.maximum:g}%")
    if t.whole:
        if not number.is_integer():
            raise CellError(f"“{cells._show(raw)}”不是整数，{t.unit}数须为整数")
        return int(number)
    return number


def _store(t: Target, year: int, period: Period) -> tuple[str, dict[str, Any], str, str | None]:
    """(table, key, value field, source field or None) where a row's figure of `year` is stored."""
    if t.kind == "indicator":
        if year == period.base:
            return "indicators", {"code": t.code}, "baseline_office", "baseline_office_source"
        return "indicator_years", {"code": t.code, "year": year}, "official", "official_source"
    if t.kind == "reference":
        return "reference_years", {"code": t.code, "year": year}, "value", "source"
    if t.kind == "assigned":
        return "indicator_years", {"code": t.of, "year": year}, "assigned", None
    if t.kind == "fact":
        return "fact_years", {"code": t.code.removeprefix(FACT_PREFIX), "year": year}, "official", None
    return "talent_years", {"code": t.code, "year": year}, "official", "source"


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    return a == b


def _stored(conn, table: str, key: dict[str, Any], fld: str) -> Any:
    where = " AND ".join(f"{k} = ?" for k in key)
    row = conn.execute(f"SELECT {fld} FROM {table} WHERE {where}", tuple(key.values())).fetchone()
    return None if row is None else row[0]


def _read_rows(path: Path, shown: str) -> list[list[Any]]:
    from ..returns.workbook_guard import WorkbookRejected, check_workbook

    try:
        guard = check_workbook(path, shown)
    except WorkbookRejected as exc:
        raise OfficialFileError(str(exc)) from None
    if SHEET not in guard.sheets:
        names = "、".join(f"“{n}”" for n in guard.sheets) or "无"
        raise OfficialFileError(f"“{shown}”中没有工作表“{SHEET}”（现有工作表：{names}）。"
                                "请使用“导出官方数据表”生成的表格填写。")
    from python_calamine import CalamineWorkbook

    try:
        workbook = CalamineWorkbook.from_path(str(path))
        try:
            return workbook.get_sheet_by_name(SHEET).to_python(skip_empty_area=False)
        finally:
            workbook.close()
    except Exception as exc:  # calamine raises its own errors and OSError; all mean "cannot read"
        raise OfficialFileError(f"无法读取“{shown}”的工作表“{SHEET}”：文件已损坏或不是Excel工作簿（{exc}）。") from None


def check_workbook_file(conn, path: Path | str, display: str | None = None) -> CheckResult:
    """Read the 官方数据 sheet of `path` and work out what it would change (nothing is written)."""
    from ..returns.return_reader import column_letter

    path = Path(path)
    shown = display or path.name
    result = CheckResult(file=shown)
    try:
        rows = _read_rows(path, shown)
    except OfficialFileError as exc:
        result.error = str(exc)
        return result
    period = read_period(conn)
    header = find_header(rows)
    if header is None:
        result.error = (f"“{shown}”工作表“{SHEET}”前{HEADER_SCAN_ROWS}行内没有含“{CODE_TITLE}”和年份"
                        f"（{period.base}—{period.target}）栏目的表头，未导入任何数据。")
        return result
    r0, code_col, year_cols, source_col = header
    missing = [str(y) for y in period.years if y not in year_cols]
    if missing:
        result.warnings.append(f"“{shown}”工作表“{SHEET}”没有{'、'.join(missing)}年的栏目，这些年份未导入。")
    by_code = {t.code: t for t in targets(conn)}
    seen: dict[str, int] = {}
    planned: dict[tuple, Any] = {}
    for r, row in enumerate(rows[r0 + 1:], start=r0 + 2):
        if all(cells.is_blank(v) for v in row):
            continue
        raw_code = row[code_col] if code_col < len(row) else None
        code_label = f"{column_letter(code_col)}列“{CODE_TITLE}”"
        if cells.is_blank(raw_code):
            if any(not cells.is_blank(row[c]) for c in year_cols.values() if c < len(row)):
                result.rejected.append(Problem(shown, SHEET, r, code_label, "代码为空，无法确定是哪一项数据，本行未导入"))
            continue
        code = _title(raw_code)
        t = by_code.get(code)
        if t is None:
            result.rejected.append(Problem(shown, SHEET, r, code_label,
                                           f"代码“{cells._show(raw_code)}”不是本园区数据文件中的指标、参考数据、人才类别或规划基数，本行未导入"))
            continue
        if code in seen:
            result.rejected.append(Problem(shown, SHEET, r, code_label,
                                           f"代码“{code}”与第{seen[code]}行重复，本行未导入"))
            continue
        seen[code] = r
        source = None
        if source_col is not None and source_col < len(row) and not cells.is_blank(row[source_col]):
            source = _title(row[source_col])
        for year, c in sorted(year_cols.items()):
            raw = row[c] if c < len(row) else None
            if cells.is_blank(raw):
                continue  # a blank cell changes nothing
            label = f"{column_letter(c)}列“{year}”"
            if year not in period:
                result.rejected.append(Problem(shown, SHEET, r, label,
                                               f"{t.name}：{cells.outside_period(year, period, '年份')}，未导入"))
                continue
            try:
                value = _check_value(t, raw)
            except CellError as exc:
                result.rejected.append(Problem(shown, SHEET, r, label, f"{t.name}：{exc.message}，未导入"))
                continue
            table, key, fld, source_fld = _store(t, year, period)
            current = _current_value(conn, t, year, table, key, fld, period)
            if _same(current, value):
                result.unchanged += 1
                continue
            if t.kind == "fact" and year == period.base:
                result.rejected.append(Problem(shown, SHEET, r, label, f"{t.name}：{year}年为规划所列数据"
                                               f"（{cells._show(current)}{t.unit}），不可修改，未导入"))
                continue
            result.accepted += 1
            old = _stored(conn, table, key, fld)
            planned[(table, tuple(key.items()), fld)] = Change(table, key, fld, old, value)
            if source_fld is not None and source is not None:
                old_source = _stored(conn, table, key, source_fld)
                if old_source != source:
                    planned[(table, tuple(key.items()), source_fld)] = Change(table, key, source_fld, old_source, source)
    result.changes = list(planned.values())
    return result


def _current_value(conn, t: Target, year: int, table: str, key: dict, fld: str, period: Period) -> Any:
    """The figure a cell is compared with: what the template would have prefilled."""
    if t.kind == "fact" and year == period.base:
        return _stored(conn, "plan_facts", {"code": key["code"]}, "value")
    value = _stored(conn, table, key, fld)
    if value is None and year == period.base:
        if t.kind == "indicator":
            value = _stored(conn, "indicators", {"code": t.code}, "baseline")
        elif t.kind == "talent":
            value = _stored(conn, "talent_categories", {"code": t.code}, "baseline")
    return value


# ---------------------------------------------------------------------------------------------- writing
def apply_changes(park, changes: list[Change], *, action: str, batch_id: int | None, undo: bool = False) -> None:
    """Write `changes` (their old values when `undo`) as one audited transaction of batch `batch_id`.

    Raises models.store.db.ParkFileError (nothing written) when the file cannot be written.
    """
    with park.transaction(action, AUDIT_SOURCE, batch_id) as tx:
        for ch in (reversed(changes) if undo else changes):
            tx.update(ch.table, ch.key, {ch.field: ch.old if undo else ch.new})
        if batch_id is not None and park.conn.execute(
                "SELECT 1 FROM official_imports WHERE id = ?", (batch_id,)).fetchone() is not None:
            tx.update("official_imports", {"id": batch_id}, {"undone_at": tx.at if undo else None})


def commit(park, result: CheckResult, sha256: str | None = None) -> int | None:
    """Store the changes of a checked workbook as one batch (one transaction, one `official_imports`
    record); returns the batch id, or None when there is nothing to store. Raises ParkFileError.

    Each change's `old` becomes the value the store replaced: a figure edited in the window after the check
    (the check runs beside the window) is what undoing the batch writes back, not the value the check saw."""
    if result.error is not None or not result.changes:
        return None
    import getpass
    import socket

    try:
        user = getpass.getuser()
    except Exception:
        user = ""
    with park.transaction(AUDIT_ACTION, AUDIT_SOURCE) as tx:
        cur = park.conn.execute(
            "INSERT INTO official_imports (created_at, user, host, file, sha256, accepted, rejected, unchanged)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (tx.at, user, socket.gethostname(), result.file, sha256, result.accepted, len(result.rejected),
             result.unchanged))
        tx.batch_id = cur.lastrowid
        tx.log("official_imports", {"id": tx.batch_id}, None, None, result.file)
        for ch in result.changes:
            ch.old = tx.update(ch.table, ch.key, {ch.field: ch.new})[ch.field]
        return tx.batch_id


def undo(park, batch_id: int, changes: list[Change]) -> None:
    """Write back the old values of a batch's `changes` and mark it undone (one audited transaction)."""
    apply_changes(park, changes, action="undo", batch_id=batch_id, undo=True)


def redo(park, batch_id: int, changes: list[Change]) -> None:
    """Write the batch's new values again after an undo (one audited transaction)."""
    apply_changes(park, changes, action="redo", batch_id=batch_id, undo=False)


def batch_changes(conn, batch_id: int) -> list[Change]:
    """The changes of a stored batch, read back from the audit log (for undoing it from the command line)."""
    out = []
    for table, key, fld, old, new in conn.execute(
            "SELECT table_name, row_key, field, old_value, new_value FROM audit_log WHERE source = ? AND"
            " batch_id = ? AND action = ? AND table_name != 'official_imports' ORDER BY id",
            (AUDIT_SOURCE, batch_id, AUDIT_ACTION)):
        out.append(Change(table, json.loads(key), fld, _from_audit(fld, old), _from_audit(fld, new)))
    return out


def _from_audit(fld: str, text: str | None) -> Any:
    if text is None or fld.endswith("source"):
        return text
    try:
        return float(text)
    except ValueError:
        return text


def file_sha256(path: Path) -> str | None:
    import hashlib

    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def summary_lines(result: CheckResult, dry_run: bool, batch_id: int | None) -> list[str]:
    """A short Chinese account of an import for the terminal or the window."""
    if result.error is not None:
        return [result.error]
    lines = [f"{p.where()}：{p.message}" for p in result.rejected]
    lines += result.warnings
    verb = "可更新" if dry_run else "已更新"
    batch = f"（第{batch_id}批）" if batch_id else ""
    lines.append(f"“{result.file}”：{verb}{result.accepted}个数值{batch}，未变化{result.unchanged}个，"
                 f"拒绝{len(result.rejected)}个。")
    return lines


__all__ = ["SHEET", "headers", "ASSIGNED_SUFFIX", "assigned_code", "Target", "Change", "Problem", "CheckResult", "OfficialFileError",
           "targets", "template_rows", "write_template", "check_workbook_file", "commit", "undo", "redo", "batch_changes",
           "summary_lines", "file_sha256"]
