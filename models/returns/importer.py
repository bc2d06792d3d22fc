"""Importing filled return forms into a park file: check every row, then store a batch in one transaction.

    result = check_files(conn, sources)          # read and validate; touches nothing
    outcome = commit(park, result, replace=...)  # one transaction, one import_batches record
    undo_batch(park, batch_id)                   # removes a batch exactly, restoring what it replaced

Every row is accepted or rejected on its own with all its reasons (file, sheet, row, column, Chinese
message). Two rows of one enterprise-year in a batch are both rejected. A row for an enterprise-year already
stored is a conflict: skipped unless `replace`, and then the stored row is kept in `returns_superseded`
so that undoing the batch restores it. Outliers (a figure more than fivefold off the same enterprise's
previous year, a credit code whose name differs from the stored one) are reported, not rejected.
"""

from __future__ import annotations

from functools import partial
import getpass
import hashlib
import json
import os
import socket
import sqlite3
from collections import namedtuple
from dataclasses import dataclass, field
from itertools import compress
from operator import attrgetter, gt
from pathlib import Path
from typing import Any, Callable, Iterable

from . import cells
from .cells import CellError
from ..base.collector import while_paused
from ..base.problems import Problem
from ..store.return_form import COLUMNS, CROSS_RULES, SHEET_NAME
from .return_reader import ReturnFileError, column_letter, read_returns

KEYS = tuple(c.key for c in COLUMNS)
TITLES = {c.key: c.title for c in COLUMNS}
NUMERIC_KEYS = tuple(c.key for c in COLUMNS if c.kind in ("amount", "count"))
OUTLIER_FACTOR = 5.0
# a change is looked at only where both years' values reach this (issue 16): 1 → 13 people is no news
OUTLIER_MIN = {"count": 20, "amount": 100.0}
KINDS = {c.key: c.kind for c in COLUMNS}
FIELDS = (*KEYS, "source_file", "source_sheet", "source_row")
_INSERT_COLUMNS = ("batch_id", *FIELDS)


class ReturnRow(namedtuple("_ReturnRow", FIELDS)):
    """One accepted row: the form's values (KEYS order), then the file, sheet and row it came from — the
    returns table's own column order (batch_id aside), so that it is stored as it is.

    A tuple, not a dict: a 100,000-row import keeps every row until it is stored, and a dict of 25 entries
    takes four times a tuple's memory (about 90 MB more at its peak). Read by name — row.credit_code in
    the hot loops (C speed), or row["credit_code"] as a dict is read.
    """

    __slots__ = ()

    def __getitem__(self, key):
        if key.__class__ is str:
            return getattr(self, key)
        return tuple.__getitem__(self, key)


_new_row = tuple.__new__
_numeric_values = attrgetter(*NUMERIC_KEYS)


class ImportCancelled(Exception):
    """The user cancelled; nothing was written."""


class ImportFailed(Exception):
    """The batch could not be stored or undone; str() is a Chinese message and nothing was written."""


class Progress:
    """Receives the progress of a check or a commit and may ask it to stop (the GUI passes its own,
    tests may pass a fake). `step(done, total, text)` is called now and then; `cancelled()` is polled."""

    def step(self, done: int, total: int, text: str = "") -> None:
        pass

    def cancelled(self) -> bool:
        return False



@dataclass
class Conflict:
    """A checked row whose enterprise-year is already stored."""

    file: str
    sheet: str
    row: int
    credit_code: str
    year: int
    name: str
    stored_name: str
    stored_batch: int

    def as_dict(self, action: str) -> dict[str, Any]:
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "credit_code": self.credit_code,
                "year": self.year, "name": self.name, "stored_name": self.stored_name,
                "stored_batch": self.stored_batch, "action": action}


@dataclass
class Outlier:
    """An enterprise-year worth a second look (reported, never rejected): its figures that changed more
    than fivefold from the year before, where both values are large enough to matter, and a name that
    differs from the stored one.

    Attributes:
        column: the title of the first flagged figure (or 企业名称); message: every flagged item, in Chinese.
        name: the enterprise's name; figures: one dict per flagged figure (column, title, before, now, factor);
        factor: the largest change (now/before or before/now) — the lines are ranked by it, largest first.
    """

    file: str
    sheet: str
    row: int
    credit_code: str
    year: int
    column: str | None
    message: str
    name: str = ""
    figures: list[dict[str, Any]] = field(default_factory=list)
    factor: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        return {"file": self.file, "sheet": self.sheet, "row": self.row, "credit_code": self.credit_code,
                "year": self.year, "column": self.column, "message": self.message, "name": self.name,
                "figures": self.figures, "factor": self.factor}


@dataclass
class SourceFile:
    """A workbook of the batch: its name as given, where it is, its SHA-256 and how many rows it had."""

    file: str
    path: Path
    sha256: str = ""
    rows: int = 0


@dataclass
class CheckResult:
    """What checking a batch of files found (nothing stored yet).

    Attributes:
        files: the workbooks read (rejected ones included, with their hash when readable).
        accepted: valid rows (ReturnRow: form values plus source_file/source_sheet/source_row), conflicts
            included.
        conflicts: accepted rows whose enterprise-year is stored already (keyed to the same rows).
        rejected: every reason of every rejected row.
        rejected_rows: how many rows were rejected.
        files_rejected: workbooks rejected whole (sheet and row None).
        outliers: figures worth a second look.
        warnings: remarks (extra columns ignored…).
        total_rows: rows read.
    """

    files: list[SourceFile] = field(default_factory=list)
    accepted: list[ReturnRow] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    rejected_rows: int = 0
    files_rejected: list[Problem] = field(default_factory=list)
    outliers: list[Outlier] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    total_rows: int = 0
    cells: int = 0
    # the cells of each rejected row as given ({form key: raw value}), by (file, sheet, row): the rejected-
    # rows workbook (models.returns.rejected_xlsx) writes them back for the enterprise to correct
    rejected_cells: dict[tuple[str, str, int], dict[str, Any]] = field(default_factory=dict)
    # files whose SHA-256 an earlier batch (not undone) imported: {file, sha256, batch, date, message}
    already_imported: list[dict[str, Any]] = field(default_factory=list)

    def conflict_keys(self) -> set[tuple[str, int]]:
        return {(c.credit_code, c.year) for c in self.conflicts}

    def rows_to_store(self, replace: bool) -> list[ReturnRow]:
        if replace or not self.conflicts:
            return self.accepted
        skip = self.conflict_keys()
        return [r for r in self.accepted if (r.credit_code, r.year) not in skip]


@dataclass
class CommitResult:
    """What a commit stored: the batch id (None when nothing was stored), rows inserted, rows replaced."""

    batch_id: int | None
    inserted: int
    replaced: int
    skipped: int
    reason: str = ""


# ------------------------------------------------------------------------------------------ files

def gather_sources(args: Iterable[str]) -> tuple[list[tuple[str, Path]], list[Problem]]:
    """The workbooks named by files and folders as given (a folder means every .xlsx in it), each with
    its name for messages; plus a Problem for each argument that names nothing to import."""
    sources: list[tuple[str, Path]] = []
    problems: list[Problem] = []
    for arg in args:
        arg = str(arg)
        path = Path(arg)
        if path.is_dir():
            found = sorted(p for p in path.iterdir()
                           if p.is_file() and p.suffix.lower() == ".xlsx" and not p.name.startswith("~$"))
            if not found:
                problems.append(Problem(arg, None, None, None, f"文件夹“{arg}”中没有.xlsx文件。"))
            sources.extend((os.path.join(arg, p.name), p) for p in found)
        elif path.exists():
            sources.append((arg, path))
        else:
            problems.append(Problem(arg, None, None, None, f"找不到文件“{arg}”。"))
    return sources, problems


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


# ------------------------------------------------------------------------------------------ checking

def _parsers(conn: sqlite3.Connection) -> dict[str, Any]:
    from ..store.period import read_period
    from ..store.plan import industries, zones

    period = read_period(conn)
    return {
        "period": period,
        "credit_code": cells.parse_credit_code,
        "text": cells.parse_text,
        "year": cells.report_year_parser(period),
        "industry": cells.industry_choices(i.name for i in industries(conn)).lookup,
        "zone": cells.zone_choices(z.name for z in zones(conn)).lookup,
        "amount": cells.parse_amount,
        "count": cells.parse_count,
        "bool": cells.parse_bool,
    }


@while_paused  # a 100,000-row check makes millions of objects and keeps them
def check_files(conn: sqlite3.Connection, sources: Iterable[tuple[str, Path]], *,
                progress: Progress | None = None, problems: Iterable[Problem] = ()) -> CheckResult:
    """Read and check the workbooks `sources` ((name as given, path) pairs) against the park file on
    `conn` (read only). Raises ImportCancelled if `progress` asks to stop."""
    progress = progress or Progress()
    sources = list(sources)
    result = CheckResult(files_rejected=list(problems))
    parsers = _parsers(conn)
    seen: dict[tuple[str, int], list[tuple[dict[str, Any] | None, Problem]]] = {}
    total = len(sources)
    for n, (shown, path) in enumerate(sources):
        if progress.cancelled():
            raise ImportCancelled()
        progress.step(n, total, shown)
        source = SourceFile(shown, Path(path))
        result.files.append(source)
        try:
            data = read_returns(path, shown)  # the guard inside runs before anything reads the whole file
            source.sha256 = sha256_of(Path(path))
        except ReturnFileError as exc:
            result.files_rejected.append(Problem(shown, None, None, None, str(exc)))
            continue
        except OSError as exc:
            result.files_rejected.append(Problem(shown, None, None, None,
                                                 f"无法读取“{shown}”：{exc.strerror or exc}。"))
            continue
        result.warnings.extend(data.warnings)
        if not any(sheet.rows for sheet in data.sheets):
            names = "、".join(f"“{sheet.name}”" for sheet in data.sheets)
            result.files_rejected.append(Problem(shown, None, None, None,
                                                 f"“{shown}”的工作表{names}只有表头，没有填报数据。该文件未导入。"))
            continue
        result.cells += data.cells
        for sheet in data.sheets:
            source.rows += len(sheet.rows)
            _check_sheet(result, shown, sheet, parsers, seen, progress)  # frees the sheet's raw cells
    progress.step(total, total, "")
    _reject_duplicates(result, seen)
    _find_conflicts_and_outliers(conn, result)
    _find_already_imported(conn, result)
    return result


def _parse_column(kind: str, parse, col: list[Any], label: str, required: bool,
                  errors: dict[int, list[tuple[str | None, str]]], years: tuple[int, int] | None = None) -> list[Any]:
    """Parse one column's cells; errors by row index. Fast paths: the whole column at C speed (a year
    column within `years`, the period's base and target year)."""
    fast = cells.fast_column(kind, col, years)
    if fast is not None:
        return fast
    try:
        parsed = list(map(parse, col))
        failed: set[int] = set()
    except CellError:
        parsed, failed = [], set()
        for i, value in enumerate(col):
            try:
                parsed.append(parse(value))
            except CellError as exc:
                parsed.append(None)
                failed.add(i)
                errors.setdefault(i, []).append((label, exc.message))
    if required and None in parsed:
        for i, value in enumerate(parsed):
            if value is None and i not in failed:
                errors.setdefault(i, []).append((label, "必填项为空"))
    return parsed


def _check_sheet(result: CheckResult, shown: str, sheet, parsers: dict[str, Any],
                 seen: dict, progress: Progress) -> None:
    """Check a sheet column by column (fast), then put each row together with all its reasons."""
    n = len(sheet.rows)
    if not n:
        return
    by_column = list(zip(*(raw for _rownum, raw in sheet.rows)))  # one C-speed transpose (rows are padded)
    errors: dict[int, list[tuple[str | None, str]]] = {}
    columns: dict[str, list[Any]] = {}
    labels: dict[str, str] = {}
    for column in COLUMNS:
        if progress.cancelled():
            raise ImportCancelled()
        idx = sheet.columns.get(column.key)
        if idx is None:
            continue
        label = labels[column.key] = f"{column_letter(idx)}列“{column.title}”"
        col = list(by_column[idx])
        if column.kind == "listed_year":
            years = columns.get("year") or [None] * n
            parse = partial(cells.parse_listed_year, latest=parsers["period"].target)
            try:
                columns[column.key] = list(map(parse, col, years))
            except CellError:
                parsed = []
                for i, (value, year) in enumerate(zip(col, years)):
                    try:
                        parsed.append(parse(value, year))
                    except CellError as exc:
                        parsed.append(None)
                        errors.setdefault(i, []).append((label, exc.message))
                columns[column.key] = parsed
        else:
            period = parsers["period"]
            columns[column.key] = _parse_column(column.kind, parsers[column.kind], col, label, column.required, errors,
                                                (period.base, period.target))
            if column.kind == "text":
                _note_invisible(result, shown, sheet, col, label)
            elif column.kind in ("industry", "zone"):
                _note_lenient_names(result, shown, sheet, col, label, parsers[column.kind])
    by_column = col = None  # the raw cells' transposed copy: freed before the rows are put together (peak memory)
    for parts, whole, message in CROSS_RULES:
        if whole not in columns:
            continue
        totals = columns[whole]
        part_cols = [columns[p] for p in parts if p in columns]
        if None not in totals and all(None not in pc for pc in part_cols):  # all given: at C speed
            sums = list(map(sum, zip(*part_cols)))
            candidates = list(compress(range(n), map(gt, sums, totals)))
        else:
            candidates = range(n)
        for i in candidates:
            values = (totals[i], *(pc[i] for pc in part_cols))
            total, given = values[0], [v for v in values[1:] if v is not None]
            if total is not None and given and sum(given) > total:
                errors.setdefault(i, []).append(
                    (labels.get(parts[0]), f"{message}（{'+'.join(map(str, given))}＞{total}）"))
    missing = [(None, f"工作表缺少必填栏目“{TITLES[k]}”") for k in sheet.missing]
    if missing:
        for i in range(n):
            errors.setdefault(i, []).extend(missing)
    code_label = labels.get("credit_code")
    name = sheet.name
    for i in sorted(errors):  # the cells of the rows to send back, as given
        rownum, raw = sheet.rows[i]
        _keep_rejected_cells(result, shown, name, rownum, sheet.columns, raw)
    rownums = [rownum for rownum, _raw in sheet.rows]
    sheet.rows = []  # the raw cells: freed before the rows are put together (a 100,000-row import's peak memory)
    blank = [None] * n
    all_columns = [columns.get(k, blank) for k in KEYS]
    accepted, rejected = result.accepted, result.rejected
    for i, (values_tuple, rownum) in enumerate(zip(zip(*all_columns), rownums)):
        values = _new_row(ReturnRow, (*values_tuple, shown, name, rownum))
        key = (values.credit_code, values.year)
        row_errors = errors.get(i)
        if row_errors:
            result.rejected_rows += 1
            for label, message in row_errors:
                rejected.append(Problem(shown, name, rownum, label, message))
            if key[0] is not None and key[1] is not None:
                seen.setdefault(key, []).append((None, (shown, name, rownum), code_label))
        else:
            accepted.append(values)
            seen.setdefault(key, []).append((values, (shown, name, rownum), code_label))
    result.total_rows += n


def _keep_rejected_cells(result: CheckResult, shown: str, sheet: str, rownum: int, columns: dict[str, int],
                         raw: list[Any]) -> None:
    result.rejected_cells[(shown, sheet, rownum)] = {key: raw[idx] for key, idx in columns.items()}


def _find_already_imported(conn: sqlite3.Connection, result: CheckResult) -> None:
    """Name each file of the batch whose SHA-256 an earlier batch still in place imported."""
    digests = {f.sha256 for f in result.files if f.sha256}
    if not digests:
        return
    earlier: dict[str, tuple[int, str]] = {}
    for batch_id, created_at, files in conn.execute(
            "SELECT id, created_at, files FROM import_batches WHERE undone_at IS NULL ORDER BY id"):
        try:
            listed = json.loads(files)
        except (TypeError, ValueError):
            continue
        for item in listed if isinstance(listed, list) else ():
            digest = item.get("sha256") if isinstance(item, dict) else None
            if digest in digests and digest not in earlier:
                earlier[digest] = (batch_id, str(created_at or "")[:10])
    for f in result.files:
        if f.sha256 in earlier:
            batch_id, date = earlier[f.sha256]
            result.already_imported.append({
                "file": f.file, "sha256": f.sha256, "batch": batch_id, "date": date,
                "message": f"“{f.file}”：该文件已于{date}作为第{batch_id}批导入。"})


def _note_invisible(result: CheckResult, shown: str, sheet, col: list[Any], label: str) -> None:
    """A note for each text cell from which invisible characters (zero-width, BOM …) were removed."""
    if not cells.INVISIBLE_TEXT_RE.search("\n".join([v for v in col if type(v) is str])):
        return  # the usual case, found at C speed
    for (rownum, _raw), value in zip(sheet.rows, col):
        removed = cells.invisible_count(value)
        if removed:
            result.warnings.append(f"“{shown}”工作表“{sheet.name}”第{rownum}行{label}：已删除{removed}个"
                                   "不可见字符（零宽字符、BOM等）。")


def _note_lenient_names(result: CheckResult, shown: str, sheet, col: list[Any], label: str, lookup) -> None:
    """One note per name of the column read through an alias or a unique prefix (cells.Choices.matched)."""
    matched = getattr(getattr(lookup, "__self__", None), "matched", None)
    if not matched:
        return
    rows: dict[str, list[int]] = {}
    for (rownum, _raw), value in zip(sheet.rows, col):
        if type(value) is str and value in matched:
            rows.setdefault(value, []).append(rownum)
    for value, found in rows.items():
        name, how = matched[value]
        listed = "、".join(map(str, found[:10])) + (f"等{len(found)}行" if len(found) > 10 else "")
        why = "按别名表" if how == "别名" else "按名称开头唯一匹配"
        result.warnings.append(f"“{shown}”工作表“{sheet.name}”{label}：“{value}”{why}视为“{name}”（第{listed}行）。")


def _reject_duplicates(result: CheckResult, seen: dict) -> None:
    dropped: set[int] = set()
    for (code, year), entries in seen.items():
        if len(entries) < 2:
            continue
        places = [place for _values, place, _label in entries]
        for i, (values, (f, s, r), label) in enumerate(entries):
            others = "、".join(f"“{pf}”工作表“{ps}”第{pr}行" for j, (pf, ps, pr) in enumerate(places) if j != i)
            result.rejected.append(Problem(f, s, r, label,
                                           f"企业{code}的{year}年度报表在本批中重复（另见{others}），均不导入"))
            if values is not None:
                dropped.add(id(values))
                result.rejected_rows += 1
                result.rejected_cells[(f, s, r)] = {k: values[k] for k in KEYS}
    if dropped:
        result.accepted = [v for v in result.accepted if id(v) not in dropped]
    result.rejected.sort(key=lambda p: (p.file, p.sheet or "", p.row or 0))


def _find_conflicts_and_outliers(conn: sqlite3.Connection, result: CheckResult) -> None:
    if not result.accepted:
        return
    years = sorted({r.year for r in result.accepted})
    wanted = sorted(set(years) | {y - 1 for y in years})
    marks = ",".join("?" for _ in wanted)
    cols = ", ".join(NUMERIC_KEYS)
    stored: dict[tuple[str, int], tuple] = {}
    for row in conn.execute(f"SELECT credit_code, year, name, batch_id, {cols} FROM returns"
                            f" WHERE year IN ({marks})", wanted):
        stored[(row[0], row[1])] = row
    names = {code: name for code, name, _y in
             conn.execute("SELECT credit_code, name, MAX(year) FROM returns GROUP BY credit_code")}
    batch = {(r.credit_code, r.year): r for r in result.accepted}
    outliers = []
    for r in result.accepted:
        code, year = r.credit_code, r.year
        old = stored.get((code, year))
        if old is not None:
            result.conflicts.append(Conflict(r.source_file, r.source_sheet, r.source_row, code, year,
                                             r.name, old[2], old[3]))
        prev = batch.get((code, year - 1))
        if prev is not None:
            prev_values = _numeric_values(prev)
        else:
            old_prev = stored.get((code, year - 1))
            prev_values = list(old_prev[4:]) if old_prev is not None else None
        outlier = outlier_for(r, prev_values, names.get(code))
        if outlier is not None:
            outliers.append(outlier)
    outliers.sort(key=lambda o: (-o.factor, o.credit_code, o.year))
    result.outliers.extend(outliers)


def outlier_for(r: ReturnRow, prev_values: list[Any] | tuple | None, stored_name: str | None) -> Outlier | None:
    """The one line of an accepted row `r` worth a second look, or None: its figures (NUMERIC_KEYS order in
    `prev_values`, the same enterprise's year before) that changed more than OUTLIER_FACTOR-fold where both
    values reach OUTLIER_MIN of their kind, and a name differing from `stored_name`."""
    code, year = r.credit_code, r.year
    figures: list[dict[str, Any]] = []
    parts: list[str] = []
    if prev_values is not None:
        for key, before, now in zip(NUMERIC_KEYS, prev_values, _numeric_values(r)):
            floor = OUTLIER_MIN[KINDS[key]]
            if now is None or before is None or now < floor or before < floor:
                continue
            factor = max(now / before, before / now)
            if factor > OUTLIER_FACTOR:
                figures.append({"column": key, "title": TITLES[key], "before": before, "now": now,
                                "factor": round(factor, 2)})
        figures.sort(key=lambda f: -f["factor"])
        parts = [f"{f['title']}由{year - 1}年的{_fmt(f['before'])}变为{_fmt(f['now'])}"
                 f"（{'增至' if f['now'] > f['before'] else '降至'}{_ratio(f['now'] / f['before'])}）" for f in figures]
    if stored_name is not None and stored_name != r.name:
        parts.append(f"企业名称“{r.name}”与已存的“{stored_name}”不同")
    if not parts:
        return None
    column = figures[0]["title"] if figures else TITLES["name"]
    message = "；".join(parts) + ("。变化超过" + f"{OUTLIER_FACTOR:g}倍，请核对。" if figures else "，请核对。")
    return Outlier(r.source_file, r.source_sheet, r.source_row, code, year, column, message,
                   r.name, figures, figures[0]["factor"] if figures else 0.0)


def _ratio(ratio: float) -> str:
    return f"{ratio:.1f}倍" if ratio >= 1 else f"{ratio:.1%}"


def _fmt(value: float) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.2f}".rstrip("0").rstrip(".")


# ------------------------------------------------------------------------------------------ storing

def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


@while_paused
def commit(park, result: CheckResult, *, replace: bool = False, atomic: bool = False,
           progress: Progress | None = None) -> CommitResult:
    """Store the accepted rows of `result` as one batch, in one transaction with one import_batches record.

    Conflicts are skipped unless `replace` (the stored rows then go to returns_superseded). With `atomic`,
    any rejected row or file means nothing is stored. Raises ImportFailed (nothing written) or
    ImportCancelled (nothing written).
    """
    progress = progress or Progress()
    if atomic and (result.rejected_rows or result.files_rejected):
        return CommitResult(None, 0, 0, 0, "atomic")
    rows = result.rows_to_store(replace)
    skipped = 0 if replace else len(result.conflicts)
    if not rows:
        return CommitResult(None, 0, 0, skipped, "empty")
    files = [{"file": f.file, "sha256": f.sha256, "rows": f.rows} for f in result.files]
    conn = park.conn
    replaced = 0
    try:
        with park.transaction("import", source="import") as tx:
            cur = conn.execute(
                "INSERT INTO import_batches (created_at, user, host, files, accepted, rejected, conflicts, replaced)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (tx.at, _user(), socket.gethostname(), json.dumps(files, ensure_ascii=False), len(rows),
                 result.rejected_rows, len(result.conflicts), len(result.conflicts) if replace else 0))
            batch_id = cur.lastrowid
            tx.batch_id = batch_id
            tx.log("import_batches", {"id": batch_id}, None, None, json.dumps(files, ensure_ascii=False))
            if replace and result.conflicts:
                replaced = _supersede(conn, tx, batch_id, result.conflicts)
            if progress.cancelled():
                raise ImportCancelled()
            progress.step(0, len(rows), "")
            conn.executemany(
                f"INSERT INTO returns ({', '.join(_INSERT_COLUMNS)}) VALUES ({', '.join('?' * len(_INSERT_COLUMNS))})",
                ((batch_id, *r) for r in rows))  # a generator: no second copy of every row
            # One audit row for the batch's returns: each stored row carries batch_id and its source
            # file/sheet/row, so the batch record and the rows say what came from where.
            tx.log("returns", {"batch_id": batch_id}, None, None, f"{len(rows)} rows")
            progress.step(len(rows), len(rows), "")
            if progress.cancelled():
                raise ImportCancelled()
    except sqlite3.IntegrityError as exc:
        raise ImportFailed(f"导入未完成：园区数据文件中的企业报表已被修改（{exc}），请重新检查后再导入。"
                           "原有内容未改变。") from exc
    except sqlite3.DatabaseError as exc:
        raise ImportFailed(f"导入未完成：{exc}。原有内容未改变。") from exc
    except Exception as exc:
        from ..store.db import ParkFileError

        if isinstance(exc, ParkFileError):
            raise ImportFailed(str(exc)) from exc
        raise
    from ..base.applog import get as log

    log("import").info("batch %s into %s: %d rows stored, %d replaced, %d skipped, %d rejected; files %s",
                       batch_id, park.path.name, len(rows), replaced, skipped, result.rejected_rows,
                       ", ".join(f"{f['file']} ({f['sha256'][:12]})" for f in files if f.get("sha256")))
    return CommitResult(batch_id, len(rows), replaced, skipped)


def _supersede(conn: sqlite3.Connection, tx, batch_id: int, conflicts: list[Conflict]) -> int:
    """Move the stored rows the batch replaces into returns_superseded (whole rows, as JSON)."""
    wanted = {(c.credit_code, c.year) for c in conflicts}
    years = sorted({year for _code, year in wanted})
    cur = conn.execute(f"SELECT * FROM returns WHERE year IN ({','.join('?' * len(years))})", years)
    names = [d[0] for d in cur.description]
    code_i, year_i = names.index("credit_code"), names.index("year")
    saved = [(batch_id, row[code_i], row[year_i], json.dumps(dict(zip(names, row)), ensure_ascii=False))
             for row in cur if (row[code_i], row[year_i]) in wanted]
    conn.executemany("INSERT INTO returns_superseded (batch_id, credit_code, year, row_json) VALUES (?, ?, ?, ?)",
                     saved)
    conn.executemany("DELETE FROM returns WHERE credit_code = ? AND year = ?", [(s[1], s[2]) for s in saved])
    tx.log("returns_superseded", {"batch_id": batch_id}, None, None, f"{len(saved)} rows")
    return len(saved)


# ------------------------------------------------------------------------------------------ batches

def batches(conn: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every import batch, newest first, with its files decoded."""
    cur = conn.execute("SELECT id, created_at, user, host, files, accepted, rejected, conflicts, replaced,"
                       " undone_at FROM import_batches ORDER BY id DESC")
    names = [d[0] for d in cur.description]
    out = []
    for row in cur:
        item = dict(zip(names, row))
        try:
            item["files"] = json.loads(item["files"])
        except (TypeError, ValueError):
            item["files"] = []
        out.append(item)
    return out


def undo_batch(park, batch_id: int) -> int:
    """Remove the rows of batch `batch_id` and restore the rows it replaced, in one transaction.

    Returns the number of rows removed. Raises ImportFailed (nothing written) when the batch does not
    exist, is already undone, or rows of it were replaced by a later batch that is still in place.
    """
    conn = park.conn
    row = conn.execute("SELECT undone_at FROM import_batches WHERE id = ?", (batch_id,)).fetchone()
    if row is None:
        raise ImportFailed(f"没有第{batch_id}批导入记录。")
    if row[0] is not None:
        raise ImportFailed(f"第{batch_id}批导入已于{row[0]}撤销。")
    later = [r[0] for r in conn.execute(
        "SELECT DISTINCT s.batch_id FROM returns_superseded s JOIN import_batches b ON b.id = s.batch_id"
        " WHERE b.undone_at IS NULL AND json_extract(s.row_json, '$.batch_id') = ? ORDER BY s.batch_id",
        (batch_id,))]
    if later:
        ids = "、".join(f"第{b}批" for b in later)
        raise ImportFailed(f"第{batch_id}批导入的部分数据已被{ids}替换，请先撤销{ids}。")
    try:
        with park.transaction("undo_import", source="import", batch_id=batch_id) as tx:
            removed = conn.execute("DELETE FROM returns WHERE batch_id = ?", (batch_id,)).rowcount
            restored = []
            for code, year, text in conn.execute(
                    "SELECT credit_code, year, row_json FROM returns_superseded WHERE batch_id = ? ORDER BY id",
                    (batch_id,)).fetchall():
                values = json.loads(text)
                cols = ", ".join(values)
                conn.execute(f"INSERT INTO returns ({cols}) VALUES ({', '.join('?' * len(values))})",
                             tuple(values.values()))
                restored.append((code, year, text))
            conn.execute("DELETE FROM returns_superseded WHERE batch_id = ?", (batch_id,))
            conn.execute("UPDATE import_batches SET undone_at = ? WHERE id = ?", (tx.at, batch_id))
            tx.log("import_batches", {"id": batch_id}, "undone_at", None, tx.at)
            tx.log("returns", {"batch_id": batch_id}, None, f"{removed} rows", None)
            for code, year, text in restored:
                tx.log("returns", {"credit_code": code, "year": year}, None, None, text)
    except sqlite3.DatabaseError as exc:
        raise ImportFailed(f"撤销导入未完成：{exc}。原有内容未改变。") from exc
    return removed


# ------------------------------------------------------------------------------------------ one call

@dataclass
class ImportOutcome:
    """A whole import as the command line runs it: the check, what was stored, the report and exit code."""

    check: CheckResult
    stored: CommitResult
    dry_run: bool
    replace: bool
    exit_code: int = 0
    report: dict[str, Any] = field(default_factory=dict)


def exit_code_for(result: CheckResult, stored_rows: int, replace: bool) -> int:
    """0: every row accepted (and stored); 1: some rejected or skipped; 2: nothing could be imported."""
    if stored_rows == 0:
        return 2
    if result.rejected_rows or result.files_rejected or (result.conflicts and not replace):
        return 1
    return 0


def make_report(result: CheckResult, stored_rows: int, replace: bool) -> dict[str, Any]:
    action = "replaced" if replace else "skipped"
    return {
        "accepted": stored_rows,
        "rejected": [p.as_dict() for p in result.rejected],
        "conflicts": [c.as_dict(action) for c in result.conflicts],
        "files_rejected": [{"file": p.file, "message": p.message} for p in result.files_rejected],
        "outliers": [o.as_dict() for o in result.outliers],
        "warnings": list(result.warnings),
        "already_imported": list(result.already_imported),
    }


def import_paths(park, args: Iterable[str], *, dry_run: bool = False, replace: bool = False,
                 atomic: bool = False, progress: Progress | None = None,
                 before_commit: Callable[[CheckResult], None] | None = None) -> ImportOutcome:
    """Check the files and folders `args` (as given on the command line) and, unless `dry_run`, store them.
    `before_commit(result)` runs after the check and before anything is stored (an exception stops it)."""
    sources, problems = gather_sources(args)
    result = check_files(park.conn, sources, progress=progress, problems=problems)
    if before_commit is not None:
        before_commit(result)
    if dry_run:
        would = 0 if atomic and (result.rejected_rows or result.files_rejected) else len(result.rows_to_store(replace))
        stored = CommitResult(None, 0, 0, 0 if replace else len(result.conflicts), "dry_run")
        count = would
    else:
        stored = commit(park, result, replace=replace, atomic=atomic, progress=progress)
        count = stored.inserted
    return ImportOutcome(result, stored, dry_run, replace, exit_code_for(result, count, replace),
                         make_report(result, count, replace))


def summary_lines(outcome: ImportOutcome) -> list[str]:
    """A short Chinese account of an import for the terminal."""
    r = outcome.check
    lines = [item["message"] for item in r.already_imported]
    lines += [p.where() + "：" + p.message for p in r.files_rejected]
    lines += [f"{p.where()}：{p.message}" for p in r.rejected]
    lines += [f"“{c.file}”工作表“{c.sheet}”第{c.row}行：企业{c.credit_code}的{c.year}年度报表已存在"
              f"（第{c.stored_batch}批），" + ("已替换" if outcome.replace else "已跳过") for c in r.conflicts]
    lines += [f"“{o.file}”工作表“{o.sheet}”第{o.row}行 {o.name}（{o.credit_code}）{o.year}年：{o.message}"
              for o in r.outliers]
    lines += r.warnings
    verb = "可导入" if outcome.dry_run else "已导入"
    count = outcome.report["accepted"]
    batch = f"（第{outcome.stored.batch_id}批）" if outcome.stored.batch_id else ""
    lines.append(f"共读取{r.total_rows}行：{verb}{count}行{batch}，拒绝{r.rejected_rows}行，"
                 f"冲突{len(r.conflicts)}行，文件被拒{len(r.files_rejected)}个。")
    if outcome.stored.reason == "atomic":
        lines.append("因使用--atomic且有被拒绝的行，本批未导入任何数据。")
    return lines


__all__ = ["SHEET_NAME", "check_files", "commit", "undo_batch", "batches", "import_paths", "gather_sources",
           "ImportCancelled", "ImportFailed", "Progress", "CheckResult", "CommitResult", "ImportOutcome"]
