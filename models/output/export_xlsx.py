"""Every table of a park file as one Excel workbook, with Chinese headers, number formats and frozen headers.

Sheets: 指标 (the eleven indicators), 指标年度 (their yearly figures and statuses), 参考数据, 产业, 片区,
片区项目, 人才, 企业报表 (the enterprises' returns), 导入批次 and 操作日志 (the audit log); then the plan's
规划基数, 产业分组, 其他园区 and 重点任务 (models/output/plan_export.py; 重点任务 is read back by `import-tasks`).

Written by the one workbook writer (models.base.xlsx_writer): text is always written as text (a cell beginning
with = + - @, an enterprise name like "=1+1", is a string with Excel's quote prefix, never a formula);
characters Excel cannot hold, left in older files, are dropped and listed on a last sheet 说明.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable, Iterable

from ..store import plan
from ..base.numfmt import figure_unit
from ..store.period import read_period
from ..store.plan import FIELD_LABELS, INDUSTRY_FIELDS
from ..base.xlsx_writer import FORMULA_STARTS, HEADER_FILL, NUMBER_FORMATS, UNIT, Table  # noqa: F401 (kept for callers)


class ExportError(Exception):
    """The workbook could not be written; `str(error)` is a message for the user, in Chinese."""


# One sheet of the workbook: its name, (header, kind) per column, its rows (tuples in column order) and, for
# UNIT columns, the unit a row's figures are formatted by (models.base.numfmt: a count whole, 亿元 2 decimals…).
Sheet = Table


def _status(status: str | None, final: bool) -> str:
    """The status in words; the final wording (完成 …) in the period's target year."""
    status = status or "unassessed"
    if final and status in plan.FINAL_STATUS_LABELS:
        return plan.FINAL_STATUS_LABELS[status][0]
    return plan.STATUS_LABELS.get(status, plan.STATUS_LABELS["unassessed"])[0]


def _pct(share: float | None) -> float | None:
    return None if share is None else share * 100.0


def indicator_sheets(conn) -> list[Sheet]:
    """指标 and 指标年度, with the file's period in the headings and its years as rows; each figure
    formatted by its indicator's unit (models.base.numfmt.figure_unit: 每万人… counts are ratios)."""
    from ..planning.figures import YearFigures, indicator_series

    period = read_period(conn)
    base, target = period.base, period.target
    series = indicator_series(conn)
    overview = Sheet("指标", [
        ("序号", "int"), ("代码", "text"), ("指标", "text"), ("单位", "text"), ("目标类型", "text"),
        ("方向", "text"), (f"{base}年基期", UNIT), (f"{target}年目标", UNIT), ("目标表述", "text"),
        (f"{target}年预计", UNIT), ("实现目标每年尚需", UNIT), ("最新数据年度", "year"), ("规划原文", "text"),
        ("规划基期值", UNIT), ("基期来源", "text"), ("基期口径", "text")], [],
        unit=lambda row: figure_unit(row[2], row[3]))
    yearly = Sheet("指标年度", [
        ("指标", "text"), ("单位", "text"), ("年度", "year"), ("采用值", UNIT), ("报表汇总值", UNIT),
        ("官方数值", UNIT), ("官方数据来源", "text"), ("市下达指标", UNIT), ("序时计划", UNIT),
        ("累计数", UNIT), ("完成进度（%）", "pct"), ("比上年增长（%）", "pct"), ("全区增速（%）", "pct"),
        ("状态", "text"), ("评估意见", "text"),
        ("当年新增", UNIT), ("累计", UNIT), ("差距", "text"), (f"{base}—{target}年年均增速（%）", "pct"),
        (f"全区{base}—{target}年年均增速（%）", "pct")], [],
        unit=lambda row: figure_unit(row[0], row[1]))
    for s in series:
        ind = s.indicator
        overview.rows.append((ind.seq, ind.code, ind.name, ind.unit, plan.KIND_LABELS[ind.kind][0],
                              "越高越好" if ind.direction == "higher" else "越低越好", s.baseline, ind.target,
                              ind.target_text, s.projection, s.needed_per_year, s.latest_year, ind.source,
                              s.baseline_plan, "区定" if s.baseline_source == "office" else "规划",
                              "；".join(t for t in (s.baseline_caveat, s.baseline_office_source) if t) or None))
        for year in period.years:
            f = s.years.get(year) or YearFigures(year=year)
            yearly.rows.append((ind.name, ind.unit, year, f.value, f.derived, f.official, f.official_source,
                                f.assigned, f.planned, f.cumulative, _pct(f.progress), f.growth,
                                f.reference_growth, _status(f.status, period.is_final(year)), f.note,
                                f.value if ind.kind == "cumulative" else None, f.cumulative, f.gap_text or None,
                                f.growth_period, f.district_growth_period))
    return [overview, yearly]


def reference_sheet(conn) -> Sheet:
    rows = conn.execute(
        "SELECT s.name, s.unit, y.year, y.value, y.source, y.note FROM reference_series s"
        " JOIN reference_years y ON y.code = s.code ORDER BY s.seq, y.year").fetchall()
    return Sheet("参考数据", [("序列", "text"), ("单位", "text"), ("年度", "year"), ("数值", UNIT),
                            ("来源", "text"), ("备注", "text")], rows, unit=lambda row: figure_unit(row[0], row[1]))


def _group_name(grp: str | None) -> str | None:
    """An industry's group in words (a group beyond the four known ones as it is stored)."""
    return plan.INDUSTRY_GROUPS[grp][0] if grp in plan.INDUSTRY_GROUPS else grp


def group_sheets(conn) -> list[Sheet]:
    """产业, 片区, 片区项目 and 人才, one row per year of the file's period. 企业数 (家) and 营业收入 (亿元)
    share a column: each cell is formatted by its row's unit (models.base.numfmt), counts whole."""
    from ..store.audit_text import park_kind_name
    from ..planning.groups import Cell, industry_series, talent_series, zone_series

    period = read_period(conn)
    empty = {fld: Cell() for fld in INDUSTRY_FIELDS}
    figure_cols = [("年度", "year"), ("项目", "text"), ("单位", "text"), ("采用值", UNIT), ("报表汇总值", UNIT),
                   ("官方数值", UNIT), ("备注", "text")]
    industries = Sheet("产业", [("产业", "text"), ("分组", "text"), *figure_cols], [],
                       unit=lambda row: figure_unit(row[3], row[4]))
    for s in industry_series(conn):
        for year in period.years:
            cells = s.years.get(year, empty)
            for fld in INDUSTRY_FIELDS:
                c = cells[fld]
                industries.rows.append((s.name, _group_name(s.grp), year, FIELD_LABELS[fld][0],
                                        FIELD_LABELS[fld][2], c.value, c.derived, c.official, c.note))
    zones = Sheet("片区", [("片区", "text"), *figure_cols], [], unit=lambda row: figure_unit(row[2], row[3]))
    for s in zone_series(conn):
        for year in period.years:
            cells = s.years.get(year, empty)
            for fld in INDUSTRY_FIELDS:
                c = cells[fld]
                zones.rows.append((s.name, year, FIELD_LABELS[fld][0], FIELD_LABELS[fld][2], c.value, c.derived,
                                   c.official, c.note))
    parks = Sheet("片区项目", [("片区", "text"), ("序号", "int"), ("名称", "text"), ("类型", "text"),
                             ("状态", "text"), ("年份", "year"), ("备注", "text")], [])
    for zone, seq, name, kind, status, year, note in conn.execute(
            "SELECT p.zone, p.seq, p.name, p.kind, p.status, p.year, p.note FROM zone_parks p"
            " JOIN zones z ON z.name = p.zone ORDER BY z.seq, p.seq"):
        parks.rows.append((zone, seq, name, park_kind_name(kind) or None,
                           plan.PARK_STATUSES[status][0] if status else None, year, note))
    # 人才 are counted one by one (人, 人次, 个): whole numbers, as the window shows them; a share in %
    # keeps its decimals (models.base.numfmt)
    talent = Sheet("人才", [("类别", "text"), ("分组", "text"), ("单位", "text"), ("年度", "year"),
                          ("采用值", UNIT), ("报表汇总值", UNIT), ("官方数值", UNIT), ("备注", "text")], [],
                   unit=lambda row: figure_unit(row[0], row[2]))
    for s in talent_series(conn):
        cat = s.category
        for year in period.years:
            c = s.years.get(year) or Cell()
            talent.rows.append((cat.name, plan.TALENT_GROUPS.get(cat.grp, (cat.grp,))[0], cat.unit, year, c.value, c.derived,
                                c.official, c.note))
    return [industries, zones, parks, talent]


_RETURN_KINDS = {"credit_code": "text", "text": "text", "year": "year", "industry": "text", "zone": "text",
                 "amount": "money", "count": "int", "bool": "bool", "listed_year": "year"}


def returns_sheet(conn, stream: bool = False) -> Sheet:
    from ..store.return_form import COLUMNS

    keys = [c.key for c in COLUMNS]
    columns = [(c.title, _RETURN_KINDS[c.kind]) for c in COLUMNS]
    columns += [("来源文件", "text"), ("工作表", "text"), ("行号", "int"), ("导入批次", "int")]
    rows = conn.execute(f"SELECT {', '.join(keys)}, source_file, source_sheet, source_row, batch_id FROM returns"
                        " ORDER BY year, credit_code")
    return Sheet("企业报表", columns, rows if stream else rows.fetchall())


_AUDIT_SELECT = ("SELECT id, at, action, table_name, row_key, field, old_value, new_value, source, batch_id"
                 " FROM audit_log")


def _audit_stream(conn):
    """The 操作日志 rows in words, read row by row (constant memory): 片区项目 deleted since are named from
    the rows their insert or delete wrote, gathered first."""
    from ..store.audit_text import _names_of_deleted_parks, audit_row, code_names

    names = code_names(conn)
    parks = conn.execute(_AUDIT_SELECT + " WHERE table_name = 'zone_parks'").fetchall()
    _names_of_deleted_parks(parks, names.setdefault("zone_parks", {}))
    for row in conn.execute(_AUDIT_SELECT + " ORDER BY id"):
        yield audit_row(row, names)


def log_sheets(conn, stream: bool = False) -> list[Sheet]:
    """导入批次 and 操作日志 as a person reads them (models.store.audit_text): Chinese action, table and field
    names, times as "2026-12-01 11:00", records and values in words — no JSON, no program codes.
    With `stream`, the log is read while it is written."""
    from ..store.audit_text import AUDIT_COLUMNS, BATCH_COLUMNS, batch_rows

    audit = _audit_stream(conn)
    return [Sheet("导入批次", list(BATCH_COLUMNS), batch_rows(conn)),
            Sheet("操作日志", list(AUDIT_COLUMNS), audit if stream else list(audit))]


def sheets(conn, stream: bool = False) -> list[Sheet]:
    """Every sheet of the export, in workbook order. With `stream`, the returns and the audit log are
    cursors read while writing (the connection must stay open and on this thread)."""
    from .plan_export import plan_sheets  # 规划基数, 产业分组, 其他园区, 重点任务

    return [*indicator_sheets(conn), reference_sheet(conn), *group_sheets(conn), returns_sheet(conn, stream),
            *log_sheets(conn, stream), *plan_sheets(conn)]


def write_workbook(conn, out: Path | str) -> dict[str, int]:
    """Write every sheet of the park file to `out`; see `write_sheets`."""
    return write_sheets(sheets(conn), out)


def export_sheets(sheet_list: Iterable[Sheet], out: Path | str,
                  progress: Callable[[int, int], None] | None = None):
    """Write the sheets to `out` with the one workbook writer (models.base.xlsx_writer: openpyxl write-only,
    text never a formula, characters Excel cannot hold dropped and listed on a 说明 sheet, atomic).

    Returns the writer (`counts`: data rows per sheet, `notes`: what was dropped). Raises ExportError.
    """
    from ..base.xlsx_writer import WriteError, write_tables

    from ..base.applog import get as log

    try:
        writer = write_tables(out, list(sheet_list), progress=progress)
    except WriteError as exc:
        log("export").warning("export to %s failed: %s", out, exc)
        raise ExportError(str(exc)) from exc
    log("export").info("exported %s: %s", out, ", ".join(f"{k} {v}" for k, v in writer.counts.items()))
    return writer


def write_sheets(sheet_list: list[Sheet], out: Path | str,
                 progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
    """Write the sheets to `out` (atomically: a failure leaves no file and an existing `out` unchanged).

    Reads nothing from the park file when the sheets hold their rows as lists, so it may run on a worker
    thread. `progress(done, total)` is called after each sheet. Returns {sheet name: number of data rows}
    (with 说明 last when text had to be changed). Raises ExportError with a message for the user.
    """
    return export_sheets(sheet_list, out, progress).counts


def export_file(path: Path | str, out: Path | str, progress: Callable[[int, int], None] | None = None):
    """Open the park file at `path` read-only (on its own connection: may run on a worker thread) and
    export it to `out`, reading the returns and the audit log as they are written (constant memory).
    Returns the writer (`counts`, `notes`)."""
    from ..store.db import open_park

    park = open_park(Path(path), read_only=True)
    try:
        return export_sheets(sheets(park.conn, stream=True), out, progress)
    finally:
        park.close()
