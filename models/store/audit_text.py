"""Readable Chinese for the audit log (操作日志) and the import batches (导入批次), as the Excel export shows them.

The park file keeps its log in program terms: action codes ("edit", "undo_import"), table and field names
("indicator_years", "official"), record keys and whole rows as JSON, ISO times ("2026-12-01T11:00:33") and
internal codes ("platform"). A person reading the export sees instead:

    操作 修改 · 表 指标年度数据 · 记录 技术合同成交额 2023年 · 字段 官方数据 · 时间 2026-12-01 11:00

`audit_rows(conn)` and `batch_rows(conn)` give the rows of the two sheets, in the columns of
`AUDIT_COLUMNS` and `BATCH_COLUMNS`; the smaller functions (`format_time`, `action_name`, `table_name`,
`field_name`, `files_text`, `park_kind_name`, `record_text`, `value_text`) serve any other place that shows
the same things (the undo-import list, for one). No Qt here.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Mapping
from datetime import datetime
from pathlib import PureWindowsPath
from typing import Any

from .plan import (
    FIELD_LABELS,
    INDUSTRY_GROUPS,
    KIND_LABELS,
    PARK_STATUSES,
    TALENT_GROUPS,
)
from .return_form import COLUMNS as RETURN_COLUMNS

# Every action code passed to ParkFile.transaction()/update() in the code base (tests check the list).
ACTION_NAMES: dict[str, str] = {
    "edit": "修改",
    "insert": "新增",
    "delete": "删除",
    "undo": "撤销",
    "redo": "重做",
    "import": "导入企业报表",
    "undo_import": "撤销导入",
    "import_tasks": "导入重点任务",
    "clean_copy": "导出干净副本",
}
# Where a change came from (audit_log.source).
SOURCE_NAMES: dict[str, str] = {
    "gui": "界面录入",
    "import": "企业报表导入",
    "cli": "命令行",
}
TABLE_NAMES: dict[str, str] = {
    "meta": "文件信息",
    "indicators": "发展指标",
    "indicator_years": "指标年度数据",
    "reference_series": "参考数据",
    "reference_years": "参考数据年度值",
    "industries": "产业",
    "industry_years": "产业年度数据",
    "zones": "片区",
    "zone_years": "片区年度数据",
    "zone_parks": "片区项目",
    "talent_categories": "人才类别",
    "talent_years": "人才年度数据",
    "plan_facts": "规划数据",
    "audit_log": "操作日志",
    "import_batches": "导入批次",
    "returns": "企业报表",
    "returns_superseded": "被替换的企业报表",
    "official_imports": "官方数据导入",
    "fact_years": "规划基数年度数据",
    "unzoned_parks": "未划入片区的园区",
    "tasks": "重点任务",
    "task_years": "重点任务年度进展",
}
# Column names of the park file's tables.
FIELD_NAMES: dict[str, str] = {
    "id": "编号",
    "seq": "序号",
    "code": "代码",
    "name": "名称",
    "name_en": "英文名称",
    "short_name": "简称",
    "unit": "单位",
    "year": "年份",
    "field": "数据项",
    "value": "数值",
    "official": "官方数据",
    "official_source": "官方数据来源",
    "assigned": "市下达指标",
    "note": "备注",
    "source": "来源",
    "kind": "类型",
    "status": "状态",
    "zone": "片区",
    "industry": "产业",
    "grp": "分组",
    "goal": "发展目标",
    "role": "功能定位",
    "topic": "主题",
    "target": "目标值",
    "target_text": "目标",
    "baseline": "基期值",
    "baseline_source": "基期值来源",
    "direction": "方向",
    "key": "项目",
    "created_at": "导入时间",
    "user": "用户",
    "host": "计算机",
    "files": "文件",
    "accepted": "接受行数",
    "rejected": "拒绝行数",
    "conflicts": "冲突行数",
    "replaced": "替换行数",
    "undone_at": "撤销时间",
    "batch_id": "导入批次",
    "source_file": "来源文件",
    "source_sheet": "工作表",
    "source_row": "行号",
    "row_json": "原记录",
    "credit_code": "统一社会信用代码",
    "baseline_office": "办公室确定的基期值",
    "baseline_office_source": "办公室基期值来源",
    "file": "文件",
    "sha256": "文件校验值",
    "unchanged": "未变化单元格数",
    "plan_group": "规划产业分组",
    "plan_form": "新业态",
    "three_plus_three": "“3+3”产业",
    "qualifier": "限定词",
    "plan_text": "规划原文表述",
    "chapter": "章",
    "section": "节",
    "title": "标题",
    "text": "任务内容",
    "task_id": "任务编号",
    "evidence": "佐证材料",
    "derivation": "报表口径",
    "ref_series": "参照序列",
    "group_label": "产业分组名称",
}
# The columns of an enterprise return (tables returns, returns_superseded's rows) take the form's titles.
RETURN_FIELD_NAMES: dict[str, str] = {c.key: c.title for c in RETURN_COLUMNS}
_RETURN_TABLES = ("returns", "returns_superseded")
# The park kinds of 片区项目 (zone_parks.kind), as the 片区 tab names them.
PARK_KIND_NAMES: dict[str, str] = {"park": "园区", "platform": "平台", "cluster": "集聚区", "base": "基地"}
DIRECTION_NAMES: dict[str, str] = {"higher": "越高越好", "lower": "越低越好"}

# Values of these fields are codes with a Chinese name.
_VALUE_NAMES: dict[str, Mapping[str, str]] = {
    "kind": {**PARK_KIND_NAMES, **{k: v[0] for k, v in KIND_LABELS.items()}},
    "status": {k: v[0] for k, v in PARK_STATUSES.items()},
    "field": {k: v[0] for k, v in FIELD_LABELS.items()},
    "grp": {**{k: v[0] for k, v in INDUSTRY_GROUPS.items()}, **{k: v[0] for k, v in TALENT_GROUPS.items()}},
    "direction": DIRECTION_NAMES,
    "source": SOURCE_NAMES,
}
# The order in which a record's key names it: what, then which year, then which figure.
_KEY_ORDER = ("code", "industry", "zone", "credit_code", "name", "id", "batch_id", "key", "year", "field")
# Where the name of a `code` in each table is found: (table holding the names, tables whose rows use them).
_CODE_TABLES: dict[str, tuple[str, ...]] = {
    "indicators": ("indicators", "indicator_years"),
    "talent_categories": ("talent_categories", "talent_years"),
    "reference_series": ("reference_series", "reference_years"),
    "plan_facts": ("plan_facts",),
}
_ISO_TIME_RE = re.compile(r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:?\d{2}|Z)?")
_ROWS_RE = re.compile(r"(\d+) rows?")

AUDIT_COLUMNS = (("序号", "int"), ("时间", "text"), ("操作", "text"), ("表", "text"), ("记录", "text"),
                 ("字段", "text"), ("原值", "text"), ("新值", "text"), ("来源", "text"), ("批次", "int"))
BATCH_COLUMNS = (("批次", "int"), ("时间", "text"), ("用户", "text"), ("计算机", "text"), ("文件", "text"),
                 ("接受", "int"), ("拒绝", "int"), ("冲突", "int"), ("替换", "int"), ("撤销时间", "text"))


def format_time(iso: str | None) -> str:
    """An ISO time as people write it, to the minute: "2026-12-01T11:00:33" → "2026-12-01 11:00"; "" for
    None; text that is not a time is given back unchanged."""
    if iso is None:
        return ""
    text = str(iso).strip()
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return text
    if len(text) <= 10:  # a date alone
        return moment.strftime("%Y-%m-%d")
    return moment.strftime("%Y-%m-%d %H:%M")


def action_name(code: str | None) -> str:
    """The Chinese for an audit action code ("undo_import" → "撤销导入"); an unknown code as it is."""
    return ACTION_NAMES.get(code or "", code or "")


def source_name(code: str | None) -> str:
    return SOURCE_NAMES.get(code or "", code or "")


def table_name(table: str | None) -> str:
    """The Chinese for a table of the park file ("indicator_years" → "指标年度数据")."""
    return TABLE_NAMES.get(table or "", table or "")


def field_name(field: str | None, table: str | None = None) -> str:
    """The Chinese for a column of `table` ("official" → "官方数据"; "revenue" of returns → "营业收入（万元）");
    "" for None."""
    if table in _RETURN_TABLES and field in RETURN_FIELD_NAMES:
        return RETURN_FIELD_NAMES[field]
    return FIELD_NAMES.get(field or "", RETURN_FIELD_NAMES.get(field or "", field or ""))


def park_kind_name(kind: str | None) -> str:
    """The Chinese for a 片区项目 type code ("platform" → "平台"); "" for None."""
    return PARK_KIND_NAMES.get(kind or "", kind or "")


def files_text(files: Any) -> str:
    """The file names of a batch, as "a.xlsx、b.xlsx" (names without their folders, Windows or POSIX;
    the 企业报表 sheet keeps each row's full source): from import_batches.files (JSON of [{"file": …}]),
    or from a list of such dicts or of paths."""
    if isinstance(files, str):
        try:
            files = json.loads(files)
        except ValueError:
            return files
    if isinstance(files, dict):
        files = [files]
    if not isinstance(files, list):
        return "" if files is None else str(files)
    names = []
    for item in files:
        name = item.get("file") if isinstance(item, dict) else item
        if name:
            names.append(PureWindowsPath(str(name)).name or str(name))
    return "、".join(names)


def code_names(conn) -> dict[str, dict[Any, str]]:
    """For each table, the names of the codes (and 片区项目 ids) its rows use, read from the park file."""
    names: dict[str, dict[Any, str]] = {}
    for source, tables in _CODE_TABLES.items():
        try:
            found = dict(conn.execute(f"SELECT code, name FROM {source}").fetchall())
        except sqlite3.Error:  # a table this file does not have
            found = {}
        for table in tables:
            names[table] = found
    try:
        names["zone_parks"] = dict(conn.execute("SELECT id, name FROM zone_parks").fetchall())
    except sqlite3.Error:
        names["zone_parks"] = {}
    return names


def _plain(value: Any) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return str(value)


def _key_part(table: str, field: str, value: Any, names: Mapping[str, Mapping[Any, str]]) -> str:
    if value is None:
        return ""
    if field == "year":
        return f"{_plain(value)}年"
    if field in ("batch_id",) or (table == "import_batches" and field == "id"):
        return f"第{_plain(value)}批"
    if field == "code" or (table == "zone_parks" and field == "id"):
        found = names.get(table, {}).get(value)
        if found:
            return found
        if field == "id":
            return f"编号{_plain(value)}"
        return str(value)
    if field in _VALUE_NAMES:
        return _VALUE_NAMES[field].get(str(value), str(value))
    if field in ("industry", "zone", "credit_code", "name"):
        return str(value)
    return f"{field_name(field, table)}{_plain(value)}"


def record_text(table: str, row_key: Any, names: Mapping[str, Mapping[Any, str]] | None = None) -> str:
    """Which record a log row is about, in words: {"code": "tech_contract_turnover", "year": 2023} of
    indicator_years → "技术合同成交额 2023年"; {"batch_id": 3} of returns → "第3批". `names` (see
    `code_names`) turns codes into names; without it codes are shown as they are."""
    if isinstance(row_key, str):
        try:
            key = json.loads(row_key)
        except ValueError:
            return row_key
    else:
        key = row_key
    if not isinstance(key, dict):
        return "" if key is None else str(key)
    names = names or {}
    order = sorted(key, key=lambda k: _KEY_ORDER.index(k) if k in _KEY_ORDER else len(_KEY_ORDER))
    parts = [_key_part(table, k, key[k], names) for k in order]
    return " ".join(p for p in parts if p)


_BOOL_FIELDS = frozenset(c.key for c in RETURN_COLUMNS if c.kind == "bool")


def _field_value(field: str, value: Any) -> str:
    if value is None:
        return ""
    if field == "batch_id":
        return f"第{_plain(value)}批"
    if field in _BOOL_FIELDS and str(value) in ("0", "1", "0.0", "1.0"):
        return "是" if str(value).startswith("1") else "否"
    if field in _VALUE_NAMES:
        return _VALUE_NAMES[field].get(str(value), str(value))
    if field == "files":
        return files_text(value)
    if isinstance(value, str) and _ISO_TIME_RE.fullmatch(value.strip()):
        return format_time(value)
    return _plain(value)


def row_text(row: Mapping[str, Any], table: str | None = None) -> str:
    """A whole row of `table` (a record added or deleted) as "名称：新微智谷；类型：平台"; empty fields left out."""
    parts = []
    for key, value in row.items():
        if value is None or value == "" or key in ("id", "seq"):
            continue
        if key == "row_json" and isinstance(value, str):
            try:
                value = row_text(json.loads(value), "returns")
            except (ValueError, AttributeError):
                pass
        parts.append(f"{field_name(key, table)}：{_field_value(key, value)}")
    return "；".join(parts)


def value_text(table: str, field: str | None, value: str | None) -> str:
    """An old or new value of the log, readable: a code by its name ("platform" → "平台"), a time as
    "2026-12-01 11:00", a whole row as "名称：…；类型：…", a batch's files as "a.xlsx、b.xlsx",
    "300 rows" as "300行"; "" for None."""
    if value is None:
        return ""
    text = str(value)
    count = _ROWS_RE.fullmatch(text.strip())
    if count:
        return f"{count.group(1)}行"
    if field:
        return _field_value(field, text)
    stripped = text.strip()
    if stripped[:1] in "[{":
        try:
            data = json.loads(stripped)
        except ValueError:
            return text
        if isinstance(data, dict):
            return row_text(data, table)
        if isinstance(data, list):
            return files_text(data) if all(isinstance(d, (dict, str)) for d in data) else text
    if _ISO_TIME_RE.fullmatch(stripped):
        return format_time(stripped)
    return text


def audit_row(row: Iterable[Any], names: Mapping[str, Mapping[Any, str]] | None = None) -> tuple:
    """One audit_log row (id, at, action, table_name, row_key, field, old_value, new_value, source,
    batch_id) as the 操作日志 sheet shows it, in AUDIT_COLUMNS."""
    id_, at, action, table, row_key, field, old, new, source, batch_id = row
    return (id_, format_time(at), action_name(action), table_name(table), record_text(table, row_key, names),
            field_name(field, table), value_text(table, field, old), value_text(table, field, new), source_name(source),
            batch_id)


def batch_row(row: Iterable[Any]) -> tuple:
    """One import_batches row (id, created_at, user, host, files, accepted, rejected, conflicts, replaced,
    undone_at) as the 导入批次 sheet shows it, in BATCH_COLUMNS."""
    id_, created_at, user, host, files, accepted, rejected, conflicts, replaced, undone_at = row
    return (id_, format_time(created_at), user, host, files_text(files), accepted, rejected, conflicts, replaced,
            format_time(undone_at))


def audit_rows(conn) -> list[tuple]:
    """The 操作日志 sheet's rows, oldest first."""
    names = code_names(conn)
    rows = conn.execute("SELECT id, at, action, table_name, row_key, field, old_value, new_value, source,"
                        " batch_id FROM audit_log ORDER BY id").fetchall()
    _names_of_deleted_parks(rows, names.setdefault("zone_parks", {}))
    return [audit_row(r, names) for r in rows]


def _names_of_deleted_parks(rows: list[tuple], parks: dict[Any, str]) -> None:
    """A 片区项目 deleted since is still named in the log: by the whole row its insert or delete wrote."""
    for _id, _at, _action, table, row_key, _field, old, new, _source, _batch in rows:
        if table != "zone_parks":
            continue
        for text in (old, new):
            if not text or not text.startswith("{"):
                continue
            try:
                key, row = json.loads(row_key), json.loads(text)
            except ValueError:
                continue
            if isinstance(key, dict) and isinstance(row, dict) and row.get("name") and key.get("id") not in parks:
                parks[key.get("id")] = str(row["name"])


def batch_rows(conn) -> list[tuple]:
    """The 导入批次 sheet's rows, oldest first."""
    cur = conn.execute("SELECT id, created_at, user, host, files, accepted, rejected, conflicts, replaced,"
                       " undone_at FROM import_batches ORDER BY id")
    return [batch_row(r) for r in cur]
