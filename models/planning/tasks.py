"""The plan's key tasks (重点任务): the register, per-year status / progress note / evidence, 责任单位.

Every task is one sentence of chapters 三 to 七, verbatim (`tasks`); per plan year (base+1 … target year
of the file's period) the office (or the responsible unit, through the 重点任务 sheet) records a status, a progress note and evidence
(`task_years`). Statuses are stored as codes (STATUSES) and shown in Chinese.

    python main.py import-tasks PATH FILE.xlsx

reads the 重点任务 sheet of the Excel export back (exit 0 every row accepted, 1 some rejected — the rest
imported —, 2 nothing imported); every change is one audited transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..store.period import Period, read_period

STATUSES = ("not_started", "in_progress", "done", "behind", "adjusted")
STATUS_LABELS = {
    "not_started": ("未启动", "Not started"),
    "in_progress": ("推进中", "In progress"),
    "done": ("已完成", "Done"),
    "behind": ("滞后", "Behind"),
    "adjusted": ("已调整", "Adjusted"),
}
STATUS_COLORS = {"not_started": "#8a8a8a", "in_progress": "#2f80c1", "done": "#1b7f3b", "behind": "#c62828",
                 "adjusted": "#e0a100"}
_YEAR_TITLE_RE = re.compile(r"^(\d{4})年(.+)$")  # a year column's title: 2023年状态
UNSET = "unset"  # a year without a status, in counts
UNSET_LABEL = ("未填报", "Not reported")
SHEET_NAME = "重点任务"
TEXT_LIMIT = 2000  # characters in a note, evidence or unit cell


class TaskEntryError(ValueError):
    """A value that cannot be stored; the message (Chinese) says why."""


@dataclass
class TaskYear:
    status: str | None = None
    note: str | None = None
    evidence: str | None = None


@dataclass
class Task:
    """One key task: where the plan sets it, its sentence, what it concerns, who answers for it, its years."""

    id: int
    code: str
    seq: int
    chapter: str
    section: str
    title: str | None
    text: str
    industry: str | None
    zone: str | None
    unit: str | None
    years: dict[int, TaskYear] = field(default_factory=dict)
    period: Period | None = None  # the park file's; a task's years are its plan years (base+1 … target)

    @property
    def source(self) -> str:
        """Where the plan sets it: chapter and section headings (as printed in the plan)."""
        return f"{self.chapter} {self.section}"

    def status(self, year: int) -> str | None:
        return self.years[year].status if year in self.years else None

    def concerns(self) -> str:
        return "、".join(x for x in (self.industry, self.zone) if x)


def status_label(code: str | None, lang: int = 0) -> str:
    if code is None or code == UNSET:
        return UNSET_LABEL[lang]
    return STATUS_LABELS[code][lang]


def parse_status(text: Any) -> str | None:
    """A status code from a code or its Chinese/English label; None for blank; raises TaskEntryError."""
    if text is None or str(text).strip() == "":
        return None
    value = str(text).strip()
    if value in STATUSES:
        return value
    for code, (zh, en) in STATUS_LABELS.items():
        if value == zh or value.lower() == en.lower():
            return code
    choices = "、".join(zh for zh, _ in STATUS_LABELS.values())
    raise TaskEntryError(f"状态“{value}”无效，应为{choices}之一")


def list_tasks(conn, *, status: str | None = None, year: int | None = None) -> list[Task]:
    """Every task in plan order; with `status` and `year`, only those with that status that year
    (`status` may be UNSET for tasks without one)."""
    period = read_period(conn)
    tasks: dict[int, Task] = {}
    for row in conn.execute("SELECT id, code, seq, chapter, section, title, text, industry, zone, unit"
                            " FROM tasks ORDER BY seq"):
        tasks[row[0]] = Task(*row, years={y: TaskYear() for y in period.plan_years}, period=period)
    for task_id, yr, st, note, evidence in conn.execute(
            "SELECT task_id, year, status, note, evidence FROM task_years"):
        if task_id in tasks and yr in tasks[task_id].years:
            tasks[task_id].years[yr] = TaskYear(st, note, evidence)
    out = list(tasks.values())
    if status is not None and year is not None:
        want = None if status == UNSET else status
        out = [t for t in out if t.status(year) == want]
    return out


def status_counts(tasks: list[Task], year: int) -> dict[str, int]:
    """{status code: number of tasks} for `year`, every status listed, plus UNSET."""
    counts = {s: 0 for s in (*STATUSES, UNSET)}
    for task in tasks:
        counts[task.status(year) or UNSET] += 1
    return counts


def clean_text(value: Any, what: str) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    if len(text) > TEXT_LIMIT:
        raise TaskEntryError(f"{what}超过{TEXT_LIMIT}字")
    return text or None


def year_changes(task: Task, year: int, *, status: Any = ..., note: Any = ..., evidence: Any = ...) -> dict[str, Any]:
    """The checked new values for one task-year (only the fields given); raises TaskEntryError."""
    if task.period is not None:
        if year not in task.period.plan_years:
            from ..returns.cells import outside_period

            raise TaskEntryError(outside_period(year, task.period, "年份", with_base=False))
    elif year not in task.years:
        raise TaskEntryError(f"年份{year}不在本规划期内")
    out: dict[str, Any] = {}
    if status is not ...:
        out["status"] = parse_status(status)
    if note is not ...:
        out["note"] = clean_text(note, "进展情况")
    if evidence is not ...:
        out["evidence"] = clean_text(evidence, "佐证材料")
    return out


def update_task(park, task_id: int, *, unit: Any = ..., years: dict[int, dict[str, Any]] | None = None,
                source: str = "gui", action: str = "edit") -> dict[str, tuple[Any, Any]]:
    """Set a task's 责任单位 and/or fields of its years as one audited transaction.

    `years` = {year: {"status"|"note"|"evidence": value}}. Returns {"unit" | "YEAR.field": (old, new)} for
    what changed (empty if nothing did). Raises TaskEntryError with a Chinese message; nothing is written then.
    """
    task = next((t for t in list_tasks(park.conn) if t.id == task_id), None)
    if task is None:
        raise TaskEntryError(f"没有编号为{task_id}的重点任务")
    diff = _task_diff(task, unit, years or {})
    if diff:
        with park.transaction(action, source) as tx:
            _apply(tx, task, diff)
    return diff


def _task_diff(task: Task, unit: Any, years: dict[int, dict[str, Any]]) -> dict[str, tuple[Any, Any]]:
    diff: dict[str, tuple[Any, Any]] = {}
    if unit is not ...:
        new_unit = clean_text(unit, "责任单位")
        if new_unit != task.unit:
            diff["unit"] = (task.unit, new_unit)
    for year, fields in years.items():
        new = year_changes(task, year, **fields)
        old = task.years[year]
        for key, value in new.items():
            if getattr(old, key) != value:
                diff[f"{year}.{key}"] = (getattr(old, key), value)
    return diff


def _apply(tx, task: Task, diff: dict[str, tuple[Any, Any]]) -> None:
    if "unit" in diff:
        tx.update("tasks", {"id": task.id}, {"unit": diff["unit"][1]})
    by_year: dict[int, dict[str, Any]] = {}
    for key, (_, new) in diff.items():
        if key != "unit":
            year, name = key.split(".")
            by_year.setdefault(int(year), {})[name] = new
    for year, changes in by_year.items():
        tx.update("task_years", {"task_id": task.id, "year": year}, changes)


# ---------------------------------------------------------------- the 重点任务 sheet (export and import back)

FIXED_COLUMNS = (  # (title, key, kind)
    ("编号", "code", "text"),
    ("章", "chapter", "text"),
    ("节", "section", "text"),
    ("任务", "text", "text"),
    ("涉及产业/片区", "concerns", "text"),
    ("责任单位", "unit", "text"),
)
YEAR_FIELDS = (("状态", "status"), ("进展情况", "note"), ("佐证材料", "evidence"))


def task_years(conn) -> tuple[int, ...]:
    """The years a task has a status: the file's plan years (base+1 … target)."""
    return read_period(conn).plan_years


def sheet_columns(period: Period) -> list[tuple[str, str]]:
    """(title, kind) of every column of the 重点任务 sheet: the task, then per plan year status, note, evidence."""
    cols = [(title, kind) for title, _, kind in FIXED_COLUMNS]
    for year in period.plan_years:
        cols += [(f"{year}年{title}", "text") for title, _ in YEAR_FIELDS]
    return cols


def sheet_rows(conn) -> list[tuple]:
    rows = []
    for t in list_tasks(conn):
        row: list[Any] = [t.code, t.chapter, t.section, t.text, t.concerns(), t.unit]
        for year in sorted(t.years):
            y = t.years[year]
            row += [status_label(y.status) if y.status else None, y.note, y.evidence]
        rows.append(tuple(row))
    return rows


@dataclass
class ImportResult:
    """What `import_tasks` did: rows read, rows accepted, changes written, and every rejection."""

    rows: int = 0
    accepted: int = 0
    changed: int = 0
    rejected: list[dict[str, Any]] = field(default_factory=list)  # {file, sheet, row, column, message}
    file_error: str | None = None

    @property
    def exit_code(self) -> int:
        if self.file_error or (self.rows and not self.accepted) or not self.rows:
            return 2
        return 1 if self.rejected else 0


def _letter(index: int) -> str:
    from ..returns.return_reader import column_letter

    return column_letter(index)


def _norm(title: Any) -> str:
    from ..returns.cells import normalise_title

    return normalise_title(str(title)) if title is not None else ""


def read_task_sheet(path: Path, shown: str) -> tuple[int, list[tuple[int, dict[str, tuple[int, Any]]]]]:
    """(header row, [(row number, {column key: (column index, value)})]) of the 重点任务 sheet.

    Column keys: "code", "unit" and "YEAR.status|note|evidence" for any year the titles name (the
    caller checks the year against the file's period); other columns are ignored.
    Raises TaskEntryError with the file's message.
    """
    from ..returns.workbook_guard import WorkbookRejected, check_workbook

    try:
        check_workbook(path, shown)
    except WorkbookRejected as exc:
        raise TaskEntryError(str(exc)) from None
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
    except Exception:
        raise TaskEntryError(f"无法打开“{shown}”：文件已损坏、加密或不是Excel工作簿。") from None
    try:
        if SHEET_NAME not in book.sheet_names:
            raise TaskEntryError(f"“{shown}”中没有名为“{SHEET_NAME}”的工作表。该文件未导入。")
        rows = book.get_sheet_by_name(SHEET_NAME).to_python(skip_empty_area=False)
    finally:
        try:
            book.close()
        except Exception:
            pass
    wanted = {_norm("编号"): "code", _norm("责任单位"): "unit"}
    fields = {_norm(title): key for title, key in YEAR_FIELDS}

    def key_of(value: Any) -> str | None:
        text = _norm(value)
        if text in wanted:
            return wanted[text]
        m = _YEAR_TITLE_RE.match(text)
        if m and m.group(2) in fields:
            return f"{int(m.group(1))}.{fields[m.group(2)]}"
        return None

    for r, row in enumerate(rows[:20]):
        cols = {k: c for c, v in enumerate(row) if (k := key_of(v)) is not None}
        if "code" in cols:
            break
    else:
        raise TaskEntryError(f"“{shown}”工作表“{SHEET_NAME}”前20行内没有含“编号”的表头。该文件未导入。")
    out = []
    for number, row in enumerate(rows[r + 1:], start=r + 2):
        cells = {key: (c, row[c] if c < len(row) else None) for key, c in cols.items()}
        if all(v in (None, "") for _, v in cells.values()):
            continue
        out.append((number, cells))
    return r + 1, out


def _cell_text(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value


def import_tasks(park, path: Path | str, display: str | None = None, *, dry_run: bool = False) -> ImportResult:
    """Read the 重点任务 sheet at `path` and store every accepted row in one audited transaction.

    A blank cell leaves what is stored unchanged. A row is rejected whole (with every reason) when its
    编号 is unknown or repeated, a status is not one of the five, or a text is too long.
    """
    path = Path(path)
    shown = display or path.name
    result = ImportResult()
    try:
        _header, rows = read_task_sheet(path, shown)
    except TaskEntryError as exc:
        result.file_error = str(exc)
        return result
    by_code = {t.code: t for t in list_tasks(park.conn)}
    seen: dict[str, int] = {}
    accepted: list[tuple[Task, dict[str, tuple[Any, Any]]]] = []
    titles = {"code": "编号", "unit": "责任单位"}
    field_titles = {key: title for title, key in YEAR_FIELDS}
    for key in {k for _number, cells in rows for k in cells if "." in k}:
        year, name = key.split(".")
        titles[key] = f"{year}年{field_titles[name]}"

    def reject(number: int, key: str, col: int, message: str) -> None:
        result.rejected.append({"file": shown, "sheet": SHEET_NAME, "row": number, "column": titles[key],
                                "message": f"“{shown}”工作表“{SHEET_NAME}”第{number}行{_letter(col)}列"
                                           f"“{titles[key]}”：{message}"})

    for number, cells in rows:
        result.rows += 1
        before = len(result.rejected)
        col, code = cells["code"]
        code = str(_cell_text(code)).strip() if code not in (None, "") else ""
        task = by_code.get(code)
        if not code:
            reject(number, "code", col, "编号为空，无法确定是哪项任务")
            continue
        if task is None:
            reject(number, "code", col, f"没有编号为“{code}”的重点任务")
            continue
        if code in seen:
            reject(number, "code", col, f"编号“{code}”与第{seen[code]}行重复，两行均未导入")
            accepted = [(t, d) for t, d in accepted if t.code != code]
            continue
        seen[code] = number
        unit: Any = ...
        years: dict[int, dict[str, Any]] = {}
        for key, (c, value) in cells.items():
            if key == "code" or value in (None, ""):
                continue  # blank: unchanged
            value = _cell_text(value)
            try:
                if key == "unit":
                    unit = clean_text(value, "责任单位")
                else:
                    year, name = key.split(".")
                    years.setdefault(int(year), {})[name] = value
                    year_changes(task, int(year), **{name: value})
            except TaskEntryError as exc:
                reject(number, key, c, str(exc))
        if len(result.rejected) > before:
            continue
        accepted.append((task, _task_diff(task, unit, years)))
    result.accepted = len(accepted)
    result.changed = sum(len(d) for _, d in accepted)
    if not dry_run and result.changed:
        with park.transaction("import_tasks", "import") as tx:
            for task, diff in accepted:
                if diff:
                    _apply(tx, task, diff)
    return result


def summary_section(conn) -> list[dict[str, Any]]:
    """`summary --json`'s "tasks": [{id, chapter, section, text, source, unit, status: {Y}, note: {Y}}]
    (plus code, title, industry, zone, evidence: {Y}); statuses as codes, None where not reported."""
    out = []
    for t in list_tasks(conn):
        out.append({
            "id": t.id, "code": t.code, "chapter": t.chapter, "section": t.section, "title": t.title,
            "text": t.text, "source": t.source, "unit": t.unit, "industry": t.industry, "zone": t.zone,
            "status": {str(y): t.years[y].status for y in sorted(t.years)},
            "note": {str(y): t.years[y].note for y in sorted(t.years)},
            "evidence": {str(y): t.years[y].evidence for y in sorted(t.years)},
        })
    return out


__all__ = [
    "STATUSES",
    "STATUS_LABELS",
    "task_years",
    "Task",
    "TaskEntryError",
    "TaskYear",
    "import_tasks",
    "list_tasks",
    "sheet_columns",
    "sheet_rows",
    "status_counts",
    "summary_section",
    "update_task",
]
