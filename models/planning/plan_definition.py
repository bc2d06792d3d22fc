"""A plan definition: everything a park file's plan is made of (issue 15), as data and as a workbook.

`PlanDefinition` holds the plan's name, park, period and publication, and one small frozen dataclass
per row of each kind: indicators, reference series, industries, zones, featured parks, talent
categories, plan figures (规划基数) and key tasks. It comes from

    read_definition(path)        a definition workbook an office filled in (checked: every problem is
                                 collected and raised together as DefinitionError, in Chinese, naming
                                 the sheet, the row and the column);
    definition_from_park(conn)   what a park file holds (for `plan-template` and the 规划设置 view);

and `write_definition(defn, out)` writes it as such a workbook. `models.planning.plan_create.create_park` makes a
park file from one.

The workbook: sheets 规划 (two columns 项目/内容, or one header row and one data row), 指标, 参考序列,
产业, 片区, 特色园区, 人才, 规划基数, 重点任务, with the column titles of `SHEETS` (extra columns after
them, e.g. 英文名称, are written so that the built-in plan round-trips, and are optional on reading),
and a 说明 sheet explaining every column.
"""

from __future__ import annotations

import datetime as _dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .derivation import EXAMPLES, FORMS, DerivationError, parse
from ..store.period import MAX_LENGTH, Period
from ..store.plan import TALENT_GROUPS

# ------------------------------------------------------------------------------------------- names
PLAN_SHEET = "规划"
NOTES_SHEET = "说明"
KINDS = ("level", "cumulative", "keep_pace", "assigned")
KIND_NAMES = {"level": "期末值", "cumulative": "累计值", "keep_pace": "同步增长", "assigned": "下达指标"}
_KIND_ALIASES = {"期末": "level", "期末值指标": "level", "累计": "cumulative", "累计新增": "cumulative",
                 "五年累计": "cumulative", "同步": "keep_pace", "与区同步": "keep_pace", "保持同步": "keep_pace",
                 "下达": "assigned", "市下达指标": "assigned", "完成下达指标": "assigned"}
DIRECTION_NAMES = {"higher": "越大越好", "lower": "越小越好"}
# 产业 分组: the three groups chapter 4 of a plan draws; any other text is kept as the group's label.
INDUSTRY_GROUP_NAMES = {"traditional": "传统优势产业", "featured": "重点特色产业", "pioneer": "先导产业",
                        "other": "其他"}
NEW_FORM = "new_form"
PARK_KIND_NAMES = {"park": "特色园区", "cluster": "集聚区", "platform": "功能性平台", "base": "基地",
                   "core": "片区核心", "university_park": "大学科技园"}
_PARK_KIND_ALIASES = {"园区": "park", "平台": "platform", "核心区": "core"}
TALENT_GROUP_NAMES = {"count": "存量", "flow": "流量", "share": "占比", "programme": "计划"}
FACT_TOPICS = {"economy": "经济实力", "enterprises": "科技企业", "industries": "重点产业",
               "institutions": "研发机构", "carriers": "双创平台", "ip": "知识产权"}
PLAN_KEYS = ("规划名称", "园区", "基期年", "目标年", "发布日期", "来源文件")
PLAN_EXTRA_KEYS = ("英文名称",)

# sheet: (the columns, every one required; extra columns written after them, optional)
SHEETS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "指标": (("代码", "名称", "单位", "类型", "方向", "基期值", "目标值", "目标说明", "来源", "报表口径", "参照序列"),
           ("英文名称", "基期值来源")),
    "参考序列": (("代码", "名称", "单位"), ("英文名称",)),
    "产业": (("名称", "分组", "是否“3+3”"), ("英文名称", "功能定位", "新业态新模式", "来源")),
    "片区": (("名称", "简称", "功能定位"), ("英文名称", "来源")),
    "特色园区": (("名称", "片区", "类型"), ("产业", "来源")),
    "人才": (("代码", "名称", "单位", "分类"), ("英文名称", "基期值", "来源")),
    "规划基数": (("代码", "名称", "单位", "分组", "基期值", "限定词", "来源"), ("规划原文",)),
    "重点任务": (("章", "节", "任务", "来源"), ("编号", "标题", "产业", "片区", "责任单位")),
}
SHEET_ORDER = (PLAN_SHEET, *SHEETS)


# ------------------------------------------------------------------------------------------- the data
@dataclass(frozen=True)
class IndicatorDef:
    """One headline indicator. `ref_series`: codes of 参照序列; `derivation`: the 报表口径 text or None."""

    code: str
    name: str
    unit: str
    kind: str                      # level / cumulative / keep_pace / assigned
    direction: str                 # higher / lower
    baseline: float | None
    target: float | None
    target_text: str
    source: str
    derivation: str | None = None
    ref_series: tuple[str, ...] = ()
    name_en: str = ""
    baseline_source: str | None = None
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ReferenceDef:
    """A district or city series the plan is measured against (district GDP, its growth, …)."""

    code: str
    name: str
    unit: str
    name_en: str = ""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class IndustryDef:
    """An industry: its chapter group (`plan_group`, with `group_label` for a group beyond the known
    ones), the “3+3” mark, and for the built-in plan its English name, goal, new form and source."""

    name: str
    plan_group: str                # traditional / featured / pioneer / other
    three_plus_three: bool
    group_label: str | None = None
    name_en: str = ""
    goal: str = ""
    plan_form: str | None = None   # 'new_form' (新业态新模式) or None
    source: str = ""
    row: int = field(default=0, compare=False)

    @property
    def grp(self) -> str:
        """The older grouping kept for the “3+3” subtotal: key / traditional / pioneer / other."""
        if self.three_plus_three:
            return "key"
        return self.plan_group if self.plan_group in ("traditional", "pioneer") else "other"


@dataclass(frozen=True)
class ZoneDef:
    name: str
    short_name: str
    role: str
    name_en: str = ""
    source: str = ""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class ParkDef:
    """A featured park; `zone` None for one the plan places in no zone (kept in unzoned_parks)."""

    name: str
    zone: str | None
    kind: str
    industry: str | None = None
    source: str = ""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class TalentDef:
    code: str
    name: str
    unit: str
    grp: str                       # count / flow / share / programme
    name_en: str = ""
    baseline: float | None = None
    source: str = ""
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class FactDef:
    """A figure the plan states for its base year (规划基数); `baseline` None only while a previous
    plan's file may still give it (new --baseline-from)."""

    code: str
    name: str
    unit: str
    topic: str
    baseline: float | None
    qualifier: str | None = None
    source: str = ""
    plan_text: str | None = None
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class TaskDef:
    chapter: str
    section: str
    text: str
    source: str | None = None
    code: str | None = None
    title: str | None = None
    industry: str | None = None
    zone: str | None = None
    unit: str | None = None
    row: int = field(default=0, compare=False)


@dataclass(frozen=True)
class PlanDefinition:
    """A whole plan. Attributes as the 规划 sheet names them, plus one tuple per row kind."""

    name: str
    park: str
    base_year: int
    target_year: int
    published: str = ""
    source_file: str = ""
    name_en: str = ""
    indicators: tuple[IndicatorDef, ...] = ()
    references: tuple[ReferenceDef, ...] = ()
    industries: tuple[IndustryDef, ...] = ()
    zones: tuple[ZoneDef, ...] = ()
    parks: tuple[ParkDef, ...] = ()
    talent: tuple[TalentDef, ...] = ()
    facts: tuple[FactDef, ...] = ()
    tasks: tuple[TaskDef, ...] = ()

    @property
    def period(self) -> Period:
        return Period(self.base_year, self.target_year)


# ------------------------------------------------------------------------------------------- errors
@dataclass(frozen=True)
class Problem:
    """One thing wrong with a definition workbook: where (sheet, row, column title) and what."""

    sheet: str
    row: int | None
    column: str | None
    message: str

    def __str__(self) -> str:
        where = f"工作表“{self.sheet}”"
        if self.row:
            where += f"第{self.row}行"
        if self.column:
            where += f"“{self.column}”列"
        return f"{where}：{self.message}"


class DefinitionError(Exception):
    """A definition workbook that cannot be used; `problems` lists every problem found, str() all of them."""

    def __init__(self, problems: list[Problem], file: str = ""):
        self.problems = list(problems)
        self.file = file
        head = f"规划定义“{file}”有{len(self.problems)}处问题，未创建文件：" if file else "规划定义有问题："
        super().__init__("\n".join([head, *(str(p) for p in self.problems)]))


# ------------------------------------------------------------------------------------------- cells
_QUOTES = str.maketrans("", "", "“”\"'「」‘’ \u3000\t:：*")


def _key(title: Any) -> str:
    """A column title as compared: NFKC, no spaces or quotes (是否“3+3” = 是否"3+3" = 是否 3+3)."""
    return unicodedata.normalize("NFKC", str(title or "")).translate(_QUOTES)


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _text(value: Any) -> str:
    """A cell as text: stripped; whole numbers without '.0'; dates as 2021年9月16日."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, _dt.datetime | _dt.date):
        return f"{value.year}年{value.month}月{value.day}日"
    return str(value).strip()


def _code(value: Any) -> str:
    """A code cell: stripped, full-width letters and digits folded (case kept)."""
    return unicodedata.normalize("NFKC", _text(value)).strip()


def _word(value: Any) -> str:
    """A keyword cell (type, direction, code …): stripped, full-width folded, lower case."""
    return unicodedata.normalize("NFKC", _text(value)).strip().lower()


class _CellError(ValueError):
    pass


def _number(value: Any) -> float | None:
    """A number cell: a number, or text such as ' 1,533.63 ' / '４.５'; None when blank."""
    if _blank(value):
        return None
    if isinstance(value, bool):
        raise _CellError(f"“{_text(value)}”不是数值")
    if isinstance(value, int | float):
        number = float(value)
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip().replace(",", "")
        try:
            number = float(text)
        except ValueError:
            raise _CellError(f"“{str(value).strip()}”不是数值") from None
    if not math.isfinite(number):
        raise _CellError(f"“{_text(value)}”不是有限的数值")
    return number


def _year(value: Any) -> int:
    if _blank(value):
        raise _CellError("未填写年份")
    text = _word(value).removesuffix("年")
    try:
        number = float(text)
    except ValueError:
        raise _CellError(f"“{_text(value)}”不是年份") from None
    if not number.is_integer() or not 1900 <= number <= 2200:
        raise _CellError(f"“{_text(value)}”不是1900至2200之间的年份")
    return int(number)


_YES = {"是", "y", "yes", "1", "true", "√", "✓", "是的"}
_NO = {"否", "n", "no", "0", "false", "", "×"}


def _yes(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    word = _word(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        word = _word(_text(value))
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise _CellError(f"“{_text(value)}”应为 是 或 否")


def _lookup(value: Any, names: dict[str, str], extra: dict[str, str] | None = None) -> str | None:
    """The code a cell names: a code itself, or its Chinese name (names: {code: name})."""
    word = _word(value)
    if word in names:
        return word
    for code, name in names.items():
        if word == _word(name):
            return code
    return (extra or {}).get(word)


def _codes(value: Any) -> tuple[str, ...]:
    text = unicodedata.normalize("NFKC", _text(value))
    return tuple(p.strip() for p in re.split(r"[,;、，；\s]+", text) if p.strip())


def _fmt_number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


# ------------------------------------------------------------------------------------------- reading
class _Reader:
    """Collects problems while turning the workbook's rows into definition rows."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def add(self, sheet: str, row: int | None, column: str | None, message: str) -> None:
        self.problems.append(Problem(sheet, row, column, message))

    def table(self, sheet: str, rows: list[list[Any]] | None) -> list[tuple[int, dict[str, Any]]]:
        """The data rows of a sheet as (row number, {column title: cell}); problems for missing columns."""
        if rows is None:
            self.add(sheet, None, None, "缺少此工作表")
            return []
        required, extra = SHEETS[sheet]
        header_at = next((i for i, r in enumerate(rows) if any(not _blank(c) for c in r)), None)
        if header_at is None:
            for title in required:
                self.add(sheet, None, title, "缺少此列（工作表为空，没有表头）")
            return []
        header = rows[header_at]
        wanted = {_key(t): t for t in (*required, *extra)}
        columns: dict[str, int] = {}
        for i, cell in enumerate(header):
            title = wanted.get(_key(cell))
            if title is not None and title not in columns:
                columns[title] = i
        missing = [t for t in required if t not in columns]
        for title in missing:
            self.add(sheet, header_at + 1, title, "表头中缺少此列")
        if missing:
            return []
        out = []
        for i in range(header_at + 1, len(rows)):
            row = rows[i]
            cells = {t: (row[c] if c < len(row) else None) for t, c in columns.items()}
            if all(_blank(v) for v in cells.values()):
                continue
            out.append((i + 1, {t: (v.strip() if isinstance(v, str) else v) for t, v in cells.items()}))
        return out

    def cell(self, sheet: str, row: int, column: str, convert, value: Any, default=None):
        try:
            return convert(value)
        except _CellError as exc:
            self.add(sheet, row, column, str(exc))
            return default

    def unique(self, sheet: str, column: str, rows: list[tuple[int, str]]) -> None:
        seen: dict[str, int] = {}
        for row, value in rows:
            if not value:
                self.add(sheet, row, column, "未填写")
            elif value in seen:
                self.add(sheet, row, column, f"“{value}”与第{seen[value]}行重复")
            else:
                seen[value] = row


def _plan_sheet(reader: _Reader, rows: list[list[Any]] | None) -> dict[str, tuple[int, Any]]:
    """{key: (row, value)} from the 规划 sheet, in either of its two forms."""
    sheet = PLAN_SHEET
    if rows is None:
        reader.add(sheet, None, None, "缺少此工作表")
        return {}
    keys = {_key(k): k for k in (*PLAN_KEYS, *PLAN_EXTRA_KEYS)}
    found: dict[str, tuple[int, Any]] = {}
    header_at = next((i for i, r in enumerate(rows) if any(not _blank(c) for c in r)), None)
    header = rows[header_at] if header_at is not None else []
    if sum(_key(c) in keys for c in header) >= 2:  # one header row and one data row
        data_at = next((i for i in range(header_at + 1, len(rows)) if any(not _blank(c) for c in rows[i])), None)
        for i, cell in enumerate(header):
            key = keys.get(_key(cell))
            if key and key not in found:
                value = rows[data_at][i] if data_at is not None and i < len(rows[data_at]) else None
                found[key] = ((data_at or header_at) + 1, value)
    else:  # 项目 / 内容
        for i, row in enumerate(rows):
            key = keys.get(_key(row[0])) if row else None
            if key and key not in found:
                found[key] = (i + 1, row[1] if len(row) > 1 else None)
    for key in PLAN_KEYS:
        if key not in found:
            reader.add(sheet, None, key, "缺少此项")
    return found


def _sheet_rows(path: Path) -> dict[str, list[list[Any]]]:
    """Every sheet's cells (python-calamine), after the workbook guard; DefinitionError if unreadable."""
    from ..returns.workbook_guard import WorkbookRejected, check_workbook

    try:
        check_workbook(path, path.name)
    except WorkbookRejected as exc:
        raise DefinitionError([Problem(path.name, None, None, str(exc))], path.name) from None
    except OSError as exc:
        raise DefinitionError([Problem(path.name, None, None, f"无法读取：{exc.strerror or exc}")], path.name) \
            from None
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        try:
            by_key = {}
            for name in book.sheet_names:
                by_key.setdefault(_key(name), book.get_sheet_by_name(name).to_python(skip_empty_area=False))
            return by_key
        finally:
            book.close()
    except Exception as exc:  # calamine raises its own errors; all mean "cannot read"
        raise DefinitionError([Problem(path.name, None, None, f"文件已损坏或不是Excel工作簿（{exc}）")],
                              path.name) from None


def read_definition(path: Path | str, *, facts_may_be_blank: bool = False) -> PlanDefinition:
    """The plan definition in the workbook at `path`; DefinitionError listing every problem.

    `facts_may_be_blank`: a 规划基数 row may leave 基期值 blank (a previous plan's file will give it:
    `new --baseline-from`); `models.planning.plan_create.create_park` then checks that one was found.
    """
    path = Path(path)
    sheets = _sheet_rows(path)
    try:
        return definition_from_rows({name: sheets.get(_key(name)) for name in SHEET_ORDER},
                                    facts_may_be_blank=facts_may_be_blank)
    except DefinitionError as exc:
        raise DefinitionError(exc.problems, path.name) from None


def definition_from_rows(sheets: dict[str, list[list[Any]] | None], *,
                         facts_may_be_blank: bool = False) -> PlanDefinition:
    """The definition from each sheet's cells (None for a missing sheet); DefinitionError if wrong."""
    r = _Reader()
    plan = _plan_sheet(r, sheets.get(PLAN_SHEET))

    def plan_value(key: str, convert=_text, default: Any = ""):
        if key not in plan:
            return default
        row, value = plan[key]
        return r.cell(PLAN_SHEET, row, key, convert, value, default)

    name = plan_value("规划名称")
    park = plan_value("园区")
    for key, value in (("规划名称", name), ("园区", park)):
        if key in plan and not value:
            r.add(PLAN_SHEET, plan[key][0], key, "未填写")
    base = plan_value("基期年", _year, None)
    target = plan_value("目标年", _year, None)
    if base is not None and target is not None:
        if target <= base:
            r.add(PLAN_SHEET, plan["目标年"][0], "目标年", f"目标年{target}须晚于基期年{base}")
        elif target - base > MAX_LENGTH:
            r.add(PLAN_SHEET, plan["目标年"][0], "目标年",
                  f"规划期{base}—{target}年共{target - base}年，超过{MAX_LENGTH}年")

    # 参考序列 first: 指标 names them.
    sheet = "参考序列"
    refs = []
    rows = r.table(sheet, sheets.get(sheet))
    r.unique(sheet, "代码", [(n, _code(c["代码"])) for n, c in rows])
    for n, c in rows:
        refs.append(ReferenceDef(_code(c["代码"]), _text(c["名称"]), _text(c["单位"]), _text(c.get("英文名称")), n))
        if not _text(c["名称"]):
            r.add(sheet, n, "名称", "未填写")
    ref_codes = {x.code for x in refs}
    ref_units = {x.code: x.unit for x in refs}

    sheet = "指标"
    indicators = []
    rows = r.table(sheet, sheets.get(sheet))
    r.unique(sheet, "代码", [(n, _code(c["代码"])) for n, c in rows])
    r.unique(sheet, "名称", [(n, _text(c["名称"])) for n, c in rows])
    for n, c in rows:
        kind = _lookup(c["类型"], KIND_NAMES, _KIND_ALIASES)
        if kind is None:
            r.add(sheet, n, "类型", f"“{_text(c['类型'])}”不是可用的类型（{_choices(KIND_NAMES)}）"
                  if not _blank(c["类型"]) else f"未填写（{_choices(KIND_NAMES)}）")
        direction = "higher" if _blank(c["方向"]) else _lookup(c["方向"], DIRECTION_NAMES)
        if direction is None:
            r.add(sheet, n, "方向", f"“{_text(c['方向'])}”不是可用的方向（{_choices(DIRECTION_NAMES)}）")
        baseline = r.cell(sheet, n, "基期值", _number, c["基期值"])
        target_value = r.cell(sheet, n, "目标值", _number, c["目标值"])
        if kind in ("level", "cumulative") and _blank(c["目标值"]):
            r.add(sheet, n, "目标值", f"{KIND_NAMES[kind]}指标须填写目标值")
        derivation = _text(c["报表口径"]) or None
        if derivation:
            try:
                parse(derivation, ref_codes)
            except DerivationError as exc:
                r.add(sheet, n, "报表口径", str(exc))
        series = _codes(c["参照序列"])
        for code in series:
            if code not in ref_codes:
                r.add(sheet, n, "参照序列", f"“{code}”不在“参考序列”工作表中")
        if kind == "keep_pace" and not series:
            r.add(sheet, n, "参照序列", "同步增长指标须填写所比照的全区序列代码（参考序列中的增长率或总量序列）")
        target_text = _text(c["目标说明"]) or _fmt_number(target_value)
        indicators.append(IndicatorDef(
            code=_code(c["代码"]), name=_text(c["名称"]), unit=_text(c["单位"]), kind=kind or "level",
            direction=direction or "higher", baseline=baseline, target=target_value, target_text=target_text,
            source=_text(c["来源"]), derivation=derivation, ref_series=series, name_en=_text(c.get("英文名称")),
            baseline_source=(_text(c.get("基期值来源")) or (_text(c["来源"]) if baseline is not None else "")) or None,
            row=n))
    del ref_units

    sheet = "产业"
    industries = []
    rows = r.table(sheet, sheets.get(sheet))
    r.unique(sheet, "名称", [(n, _text(c["名称"])) for n, c in rows])
    for n, c in rows:
        group = _lookup(c["分组"], INDUSTRY_GROUP_NAMES, {"": "other"})
        label = None
        if group is None:
            group, label = "other", _text(c["分组"])
        three = r.cell(sheet, n, "是否“3+3”", _yes, c["是否“3+3”"], False)
        new_form = r.cell(sheet, n, "新业态新模式", _yes, c.get("新业态新模式"), False)
        industries.append(IndustryDef(_text(c["名称"]), group, bool(three), label, _text(c.get("英文名称")),
                                      _text(c.get("功能定位")), NEW_FORM if new_form else None,
                                      _text(c.get("来源")), n))

    sheet = "片区"
    zones = []
    rows = r.table(sheet, sheets.get(sheet))
    r.unique(sheet, "名称", [(n, _text(c["名称"])) for n, c in rows])
    for n, c in rows:
        zones.append(ZoneDef(_text(c["名称"]), _text(c["简称"]) or _text(c["名称"]), _text(c["功能定位"]),
                             _text(c.get("英文名称")), _text(c.get("来源")), n))
    zone_names = {z.name for z in zones}
    industry_names = {i.name for i in industries}

    sheet = "特色园区"
    parks = []
    for n, c in r.table(sheet, sheets.get(sheet)):
        if not _text(c["名称"]):
            r.add(sheet, n, "名称", "未填写")
        zone = _text(c["片区"]) or None
        if zone is not None and zone not in zone_names:
            r.add(sheet, n, "片区", f"“{zone}”不在“片区”工作表中")
        kind = _lookup(c["类型"], PARK_KIND_NAMES, _PARK_KIND_ALIASES) or _text(c["类型"]) or "park"
        industry = _text(c.get("产业")) or None
        if industry is not None and industry not in industry_names:
            r.add(sheet, n, "产业", f"“{industry}”不在“产业”工作表中")
        parks.append(ParkDef(_text(c["名称"]), zone, kind, industry, _text(c.get("来源")), n))

    sheet = "人才"
    talent = []
    rows = r.table(sheet, sheets.get(sheet))
    r.unique(sheet, "代码", [(n, _code(c["代码"])) for n, c in rows])
    labels = {code: label[0] for code, label in TALENT_GROUPS.items()}
    for n, c in rows:
        grp = _lookup(c["分类"], TALENT_GROUP_NAMES) or _lookup(c["分类"], labels)
        if grp is None:
            r.add(sheet, n, "分类", f"“{_text(c['分类'])}”不是可用的分类（{_choices(TALENT_GROUP_NAMES)}）")
        if not _text(c["名称"]):
            r.add(sheet, n, "名称", "未填写")
        talent.append(TalentDef(_code(c["代码"]), _text(c["名称"]), _text(c["单位"]), grp or "count",
                                _text(c.get("英文名称")), r.cell(sheet, n, "基期值", _number, c.get("基期值")),
                                _text(c.get("来源")), n))

    sheet = "规划基数"
    facts = []
    rows = r.table(sheet, sheets.get(sheet))
    r.unique(sheet, "代码", [(n, _code(c["代码"])) for n, c in rows])
    for n, c in rows:
        value = r.cell(sheet, n, "基期值", _number, c["基期值"])
        if _blank(c["基期值"]) and not facts_may_be_blank:
            r.add(sheet, n, "基期值", "规划基数须填写基期值")
        topic = _lookup(c["分组"], FACT_TOPICS) or _text(c["分组"]) or "economy"
        facts.append(FactDef(_code(c["代码"]), _text(c["名称"]), _text(c["单位"]), topic, value,
                             _text(c["限定词"]) or None, _text(c["来源"]), _text(c.get("规划原文")) or None, n))

    sheet = "重点任务"
    tasks = []
    for n, c in r.table(sheet, sheets.get(sheet)):
        for column in ("章", "任务"):  # a chapter without sections leaves 节 blank
            if not _text(c[column]):
                r.add(sheet, n, column, "未填写")
        tasks.append(TaskDef(_text(c["章"]), _text(c["节"]), _text(c["任务"]), _text(c["来源"]) or None,
                             _text(c.get("编号")) or None, _text(c.get("标题")) or None,
                             _text(c.get("产业")) or None, _text(c.get("片区")) or None,
                             _text(c.get("责任单位")) or None, n))
    r.unique(sheet, "编号", [(t.row, t.code) for t in tasks if t.code])

    if r.problems:
        raise DefinitionError(r.problems)
    return PlanDefinition(
        name=name, park=park, base_year=base, target_year=target, published=plan_value("发布日期"),
        source_file=plan_value("来源文件"), name_en=plan_value("英文名称"), indicators=tuple(indicators),
        references=tuple(refs), industries=tuple(industries), zones=tuple(zones), parks=tuple(parks),
        talent=tuple(talent), facts=tuple(facts), tasks=tuple(tasks))


def _choices(names: dict[str, str]) -> str:
    return "、".join(f"{code}/{name}" for code, name in names.items())


# ------------------------------------------------------------------------------------------- a park file's
def definition_from_park(conn) -> PlanDefinition:
    """The definition a park file holds (open on `conn`): what `plan-template --park` writes."""
    from ..store.period import read_period

    meta = dict(conn.execute("SELECT key, value FROM meta"))
    period = read_period(conn)
    q = conn.execute
    indicators = tuple(
        IndicatorDef(code, name, unit, kind, direction, baseline, target, target_text or "", source or "",
                     derivation or None, _codes(ref_series), name_en or "", baseline_source)
        for code, name, unit, kind, direction, baseline, target, target_text, source, derivation, ref_series,
        name_en, baseline_source in q(
            "SELECT code, name, unit, kind, direction, baseline, target, target_text, source, derivation,"
            " ref_series, name_en, baseline_source FROM indicators ORDER BY seq"))
    references = tuple(ReferenceDef(*row) for row in q(
        "SELECT code, name, unit, name_en FROM reference_series ORDER BY seq"))
    industries = tuple(
        IndustryDef(name, plan_group or "other", bool(three), group_label, name_en or "", goal or "", plan_form,
                    source or "")
        for name, plan_group, three, group_label, name_en, goal, plan_form, source in q(
            "SELECT name, plan_group, three_plus_three, group_label, name_en, goal, plan_form, source"
            " FROM industries ORDER BY seq"))
    zones = tuple(ZoneDef(name, short or "", role or "", name_en or "", source or "") for name, short, role,
                  name_en, source in q("SELECT name, short_name, role, name_en, source FROM zones ORDER BY seq"))
    parks = tuple(ParkDef(name, zone, kind, None, source or "") for name, zone, kind, source in q(
        "SELECT name, zone, kind, source FROM zone_parks ORDER BY seq, id"))
    parks += tuple(ParkDef(name, None, kind, industry, source or "") for name, kind, industry, source in q(
        "SELECT name, kind, industry, source FROM unzoned_parks ORDER BY seq, id"))
    talent = tuple(TalentDef(code, name, unit, grp, name_en or "", baseline, source or "")
                   for code, name, unit, grp, name_en, baseline, source in q(
                       "SELECT code, name, unit, grp, name_en, baseline, source FROM talent_categories"
                       " ORDER BY seq"))
    facts = tuple(FactDef(code, name, unit, topic, value, qualifier, source or "", plan_text)
                  for code, name, unit, topic, value, qualifier, source, plan_text in q(
                      "SELECT code, name, unit, topic, value, qualifier, source, plan_text FROM plan_facts"
                      " ORDER BY seq"))
    tasks = tuple(TaskDef(chapter, section, text, source, code, title, industry, zone, unit)
                  for chapter, section, text, source, code, title, industry, zone, unit in q(
                      "SELECT chapter, section, text, source, code, title, industry, zone, unit FROM tasks"
                      " ORDER BY seq, id"))
    return PlanDefinition(
        name=meta.get("plan_title", ""), park=meta.get("park_name", ""), base_year=period.base,
        target_year=period.target, published=meta.get("issued", "") or "",
        source_file=meta.get("source_file", "") or "", name_en=meta.get("plan_title_en", "") or "",
        indicators=indicators, references=references, industries=industries, zones=zones, parks=parks,
        talent=talent, facts=facts, tasks=tasks)


# ------------------------------------------------------------------------------------------- writing
def sheet_rows(defn: PlanDefinition) -> dict[str, list[list[Any]]]:
    """Each data sheet's rows (header first) as the workbook holds them; also read back by the tests."""
    out: dict[str, list[list[Any]]] = {}

    def header(sheet: str) -> list[Any]:
        required, extra = SHEETS[sheet]
        return [*required, *extra]

    out["指标"] = [header("指标")] + [
        [i.code, i.name, i.unit, KIND_NAMES[i.kind], DIRECTION_NAMES[i.direction], i.baseline, i.target,
         i.target_text, i.source, i.derivation or "", ",".join(i.ref_series), i.name_en, i.baseline_source or ""]
        for i in defn.indicators]
    out["参考序列"] = [header("参考序列")] + [[x.code, x.name, x.unit, x.name_en] for x in defn.references]
    out["产业"] = [header("产业")] + [
        [x.name, x.group_label or INDUSTRY_GROUP_NAMES.get(x.plan_group, x.plan_group),
         "是" if x.three_plus_three else "否", x.name_en, x.goal, "是" if x.plan_form == NEW_FORM else "否", x.source]
        for x in defn.industries]
    out["片区"] = [header("片区")] + [[x.name, x.short_name, x.role, x.name_en, x.source] for x in defn.zones]
    out["特色园区"] = [header("特色园区")] + [
        [x.name, x.zone or "", PARK_KIND_NAMES.get(x.kind, x.kind), x.industry or "", x.source] for x in defn.parks]
    out["人才"] = [header("人才")] + [
        [x.code, x.name, x.unit, TALENT_GROUP_NAMES.get(x.grp, x.grp), x.name_en, x.baseline, x.source]
        for x in defn.talent]
    out["规划基数"] = [header("规划基数")] + [
        [x.code, x.name, x.unit, FACT_TOPICS.get(x.topic, x.topic), x.baseline, x.qualifier or "", x.source,
         x.plan_text or ""] for x in defn.facts]
    out["重点任务"] = [header("重点任务")] + [
        [x.chapter, x.section, x.text, x.source or "", x.code or "", x.title or "", x.industry or "",
         x.zone or "", x.unit or ""] for x in defn.tasks]
    return out


def plan_rows(defn: PlanDefinition) -> list[list[Any]]:
    """The 规划 sheet: 项目 / 内容."""
    return [["项目", "内容"], ["规划名称", defn.name], ["园区", defn.park], ["基期年", defn.base_year],
            ["目标年", defn.target_year], ["发布日期", defn.published], ["来源文件", defn.source_file],
            ["英文名称", defn.name_en]]


COLUMN_NOTES: dict[str, dict[str, str]] = {
    PLAN_SHEET: {
        "规划名称": "规划的全称，如“上海张江高新技术产业开发区长宁园“十五五”规划”。",
        "园区": "园区简称，如“长宁园”。",
        "基期年": "规划基数所在的年份（如“十五五”规划为2025）。",
        "目标年": "规划期末年份，须晚于基期年，规划期不超过15年。",
        "发布日期": "规划印发日期，文字，如“2026年9月16日”。",
        "来源文件": "规划文本的文件名，便于追溯。",
        "英文名称": "（选填）规划的英文名称。",
    },
    "指标": {
        "代码": "指标代码，英文字母、数字和下划线，不可重复；官方数据表和报表按此代码对应。",
        "名称": "指标名称，不可重复。",
        "单位": "如 %、亿元、家、件。",
        "类型": "level/期末值、cumulative/累计值、keep_pace/同步增长、assigned/下达指标。",
        "方向": "higher/越大越好 或 lower/越小越好；留空按越大越好。",
        "基期值": "基期年的数值（可留空，由办公室补录或由上一规划文件结转）。",
        "目标值": "目标年的目标（期末值、累计值指标必填；累计值为规划期内累计新增）。",
        "目标说明": "规划原文中的目标写法，如“五年累计新增15”；留空则取目标值。",
        "来源": "规划原文中的出处（指标表的行或句子）。",
        "报表口径": "该指标如何由企业报表计算，须为下方所列形式之一；留空表示仅采用官方数据。",
        "参照序列": "同步增长指标：所比照的全区序列代码（参考序列中单位为%的为增长率序列，否则为总量序列），"
                "可填多个，以逗号分隔；下达指标：保存下达值的序列代码；其他指标留空。",
        "英文名称": "（选填）",
        "基期值来源": "（选填）基期值的出处；留空则取“来源”。",
    },
    "参考序列": {"代码": "序列代码，小写英文字母、数字和下划线，不可重复。", "名称": "如“全区生产总值”。",
             "单位": "增长率序列填 %。", "英文名称": "（选填）"},
    "产业": {"名称": "产业名称，不可重复；企业报表的“所属产业”从中选择。",
           "分组": "传统优势产业、重点特色产业、先导产业，或其他文字（按其他分组，保留原文）。",
           "是否“3+3”": "是/否（也可填 Y/N、1/0）。", "英文名称": "（选填）", "功能定位": "（选填）发展目标。",
           "新业态新模式": "（选填）是/否。", "来源": "（选填）规划原文。"},
    "片区": {"名称": "片区全称，不可重复；企业报表的“所在片区”从中选择。", "简称": "图表中使用的短名。",
           "功能定位": "规划对片区的定位。", "英文名称": "（选填）", "来源": "（选填）规划原文。"},
    "特色园区": {"名称": "园区、平台、集聚区等的名称。", "片区": "所属片区，须为“片区”表中的名称；留空表示不属于任何片区。",
             "类型": "、".join(PARK_KIND_NAMES.values()) + "，或其他文字。", "产业": "（选填）相关产业，须为“产业”表中的名称。",
             "来源": "（选填）规划原文。"},
    "人才": {"代码": "人才类别代码，不可重复。", "名称": "如“两院院士”。", "单位": "如 人、人次、%。",
           "分类": "count/存量、flow/流量、share/占比、programme/计划（也可填"
                 + "、".join(v[0] for v in TALENT_GROUPS.values()) + "）。",
           "英文名称": "（选填）", "基期值": "（选填）基期年的数值。", "来源": "（选填）规划原文。"},
    "规划基数": {"代码": "代码，不可重复。", "名称": "如“累计入驻企业”。", "单位": "如 家、亿元。",
             "分组": "、".join(FACT_TOPICS.values()) + "，或其他文字。", "基期值": "基期年的数值（必填）。",
             "限定词": "约、余、近等，随数值显示。", "来源": "规划原文。", "规划原文": "（选填）规划中的写法，如“三分之一”。"},
    "重点任务": {"章": "如“三、提升科技创新策源能力”。", "节": "如“(一)强化创新策源主体建设”。", "任务": "任务内容。",
             "来源": "规划原文出处。", "编号": "（选填）如 3.1.1；留空则按章节顺序编号。", "标题": "（选填）",
             "产业": "（选填）", "片区": "（选填）", "责任单位": "（选填）"},
}


def notes_rows() -> list[list[str]]:
    """The 说明 sheet: every sheet's columns explained, the 报表口径 forms, the type and direction names."""
    rows: list[list[str]] = [["工作表", "列", "必填列", "说明"]]
    for sheet in SHEET_ORDER:
        required, extra = (PLAN_KEYS, PLAN_EXTRA_KEYS) if sheet == PLAN_SHEET else SHEETS[sheet]
        for title in (*required, *extra):
            rows.append([sheet, title, "是" if title in required else "否", COLUMN_NOTES[sheet].get(title, "")])
    rows.append([])
    rows.append(["报表口径", "形式", "", "说明"])
    for form, (args, zh, _en) in FORMS.items():
        rows.append(["报表口径", f"{form}({args})", "", zh])
    rows.append(["报表口径", "… / N 或 … * N", "", "结果除以或乘以正数N，如金额以万元合计、以亿元显示：sum(revenue) / 10000"])
    for example in EXAMPLES:
        rows.append(["报表口径示例", example, "", ""])
    rows.append([])
    for code, name in KIND_NAMES.items():
        rows.append(["类型", code, name, ""])
    for code, name in DIRECTION_NAMES.items():
        rows.append(["方向", code, name, ""])
    rows.append(["同步增长", "", "", "同步增长指标须填写参照序列，状态按规划期年均增速与所比照的全区序列比较。"])
    return rows


def write_definition(defn: PlanDefinition, out: Path | str) -> Path:
    """Write `defn` as a definition workbook at `out` (written beside, then moved into place).

    Raises models.base.xlsx_writer.WriteError (Chinese) when it cannot be written.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    from ..base.xlsx_writer import HEADER_FILL, save_book, set_text

    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor=HEADER_FILL)
    wb = Workbook()
    first = wb.active

    def put(ws, rows: list[list[Any]], widths: dict[int, int] | None = None) -> None:
        for r, row in enumerate(rows, start=1):
            for c, value in enumerate(row, start=1):
                cell = ws.cell(row=r, column=c)
                if isinstance(value, int | float) and not isinstance(value, bool):
                    cell.value = value
                elif value is not None and value != "":
                    set_text(cell, value)
                if r == 1:
                    cell.font, cell.fill = bold, fill
        ncols = max((len(r) for r in rows), default=0)
        for c in range(1, ncols + 1):
            longest = max((_width(_text(r[c - 1])) for r in rows if c <= len(r)), default=8)
            ws.column_dimensions[get_column_letter(c)].width = (widths or {}).get(c, min(max(longest + 2, 8), 60))
        ws.freeze_panes = "A2"

    first.title = PLAN_SHEET
    put(first, plan_rows(defn), {1: 12, 2: 70})
    data = sheet_rows(defn)
    for sheet in SHEETS:
        ws = wb.create_sheet(sheet)
        put(ws, data[sheet])
        header = data[sheet][0]

        def validate(title: str, values: list[str], ws=ws, header=header) -> None:
            col = get_column_letter(header.index(title) + 1)
            dv = DataValidation(type="list", formula1='"' + ",".join(values) + '"', allow_blank=True)
            dv.error = f"请从列表中选择：{'、'.join(values)}"
            dv.add(f"{col}2:{col}2000")
            ws.add_data_validation(dv)

        if sheet == "指标":
            validate("类型", list(KIND_NAMES.values()) + list(KIND_NAMES))
            validate("方向", list(DIRECTION_NAMES.values()) + list(DIRECTION_NAMES))
        elif sheet == "产业":
            validate("是否“3+3”", ["是", "否"])
            validate("新业态新模式", ["是", "否"])
        elif sheet == "人才":
            validate("分类", list(TALENT_GROUP_NAMES.values()) + list(TALENT_GROUP_NAMES))
    notes = wb.create_sheet(NOTES_SHEET)
    put(notes, notes_rows(), {1: 14, 2: 44, 3: 10, 4: 90})
    for row in notes.iter_rows(min_row=2):
        row[3].alignment = Alignment(wrap_text=True, vertical="top")
    return save_book(wb, Path(out))


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in text)


__all__ = [
    "DefinitionError", "FactDef", "IndicatorDef", "IndustryDef", "ParkDef", "PlanDefinition", "Problem",
    "ReferenceDef", "SHEETS", "TalentDef", "TaskDef", "ZoneDef", "definition_from_park", "definition_from_rows",
    "read_definition", "write_definition",
]
