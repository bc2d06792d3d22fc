"""Plan objects read from a park file: indicators, industries, zones, talent categories, facts.

Labels that the command line and the printed report need in Chinese (status names, groups, fields)
are kept here in both languages, as (Chinese, English) pairs.
"""

from __future__ import annotations

from dataclasses import dataclass

from .period import Period

INDICATOR_CODES = (
    "rd_intensity", "invention_patents_per_10k", "tech_contract_turnover", "total_revenue", "total_tax",
    "high_tech_enterprises", "new_listed_companies", "returnee_foreign_share", "foreign_work_permits",
    "mnc_rd_centres", "energy_per_value_added",
)
KINDS = ("level", "cumulative", "keep_pace", "assigned")
KIND_LABELS = {
    "level": ("期末值", "End-of-period level"),
    "cumulative": ("累计值", "Cumulative over the period"),
    "keep_pace": ("与区同步", "Keep pace with the district"),
    "assigned": ("市下达指标", "City-assigned target"),
}
STATUSES = ("achieved", "on_track", "slightly_behind", "behind", "unassessed")  # interim years
FINAL_STATUSES = ("achieved", "mostly_achieved", "not_achieved", "unassessed")  # the target year (models.planning.progress)
# The plan's last year (the target year): achieved / mostly_achieved / not_achieved / unassessed (models.planning.progress).
ALL_STATUSES = ("achieved", "mostly_achieved", "on_track", "slightly_behind", "behind", "not_achieved",
                "unassessed")
STATUS_LABELS = {
    "achieved": ("达成目标", "Target met"),
    "on_track": ("符合预期", "On track"),
    "slightly_behind": ("略有滞后", "Slightly behind"),
    "behind": ("滞后", "Behind"),
    "unassessed": ("无法评估", "Not assessable"),
    "mostly_achieved": ("基本完成", "Mostly achieved"),
    "not_achieved": ("未完成", "Not achieved"),
}
# The final year's wording: 完成 / 基本完成 / 未完成 / 无法评估 (use status_label(status, year)).
FINAL_STATUS_LABELS = {
    "achieved": ("完成", "Achieved"),
    "mostly_achieved": ("基本完成", "Mostly achieved"),
    "not_achieved": ("未完成", "Not achieved"),
    "unassessed": ("无法评估", "Not assessable"),
}
STATUS_COLORS = {
    "achieved": "#1b7f3b",
    "on_track": "#2f80c1",
    "slightly_behind": "#e0a100",
    "behind": "#c62828",
    "unassessed": "#8a8a8a",
    "mostly_achieved": "#e0a100",
    "not_achieved": "#c62828",
}


def status_labels(status: str | None, year: int | None = None, period: Period | None = None, *,
                  final: bool | None = None) -> tuple[str, str]:
    """(Chinese, English) label of a status; the final wording (完成 …) in the plan's last year: when
    `final` is true, or when `period` is given and `year` is its target year (without either, the interim
    wording: no year of a period is a constant in code)."""
    status = status or "unassessed"
    if final is None:
        final = period is not None and year is not None and period.is_final(year)
    if final and status in FINAL_STATUS_LABELS:
        return FINAL_STATUS_LABELS[status]
    return STATUS_LABELS.get(status, STATUS_LABELS["unassessed"])
INDUSTRY_GROUPS = {
    "key": ("“3+3”重点产业", "“3+3” key industries"),
    "traditional": ("传统优势产业", "Traditional strengths"),
    "pioneer": ("先导产业", "Pioneer industry"),
    "other": ("其他", "Other"),
}
# The groups chapter 4 of the plan draws (industries.plan_group), apart from the “3+3” mark.
PLAN_GROUPS = {
    "traditional": ("传统优势产业", "Traditional strengths"),
    "featured": ("重点特色产业", "Key featured industries"),
    "pioneer": ("先导产业", "Pioneer industries"),
    "other": ("其他", "Other"),
}
NEW_FORM_LABEL = ("新业态新模式", "New form of business")
THREE_PLUS_THREE_LABEL = ("“3+3”重点产业", "“3+3” key industry")
# Per-industry and per-zone yearly figures derived from returns (money in 亿元 once derived).
INDUSTRY_FIELDS = ("enterprises", "revenue", "tax", "high_tech", "rd_expense", "employees")
ZONE_FIELDS = INDUSTRY_FIELDS
FIELD_LABELS = {
    "enterprises": ("企业数", "Enterprises", "家"),
    "revenue": ("营业收入", "Revenue", "亿元"),
    "tax": ("纳税总额", "Tax", "亿元"),
    "high_tech": ("高新技术企业", "High-tech enterprises", "家"),
    "rd_expense": ("研发经费支出", "R&D spending", "亿元"),
    "employees": ("从业人员", "Employees", "人"),
}
PARK_STATUSES = {
    "planned": ("规划中", "Planned"),
    "building": ("建设中", "Under construction"),
    "built": ("已建成", "Built"),
    "operating": ("已运营", "Operating"),
}
TALENT_GROUPS = {
    "count": ("高层次人才", "High-level talent"),
    "flow": ("外国人来华工作许可", "Work permits"),
    "share": ("留学归国与外籍人员", "Returnees and foreign staff"),
    "programme": ("人才计划", "Talent programmes"),
}


@dataclass(frozen=True)
class Indicator:
    """One of the plan's headline indicators, as the park file holds it.

    `derivation` is its 报表口径 text (models.planning.derivation; None: official figures only); `ref_series` its
    参照序列, comma-separated reference-series codes (keep_pace: the district series it keeps pace with;
    assigned: the series holding the assigned values)."""

    code: str
    seq: int
    name: str
    name_en: str
    unit: str
    target_text: str
    target: float | None
    baseline: float | None
    kind: str
    direction: str
    source: str
    baseline_source: str | None
    derivation: str | None = None
    ref_series: str | None = None


@dataclass(frozen=True)
class Industry:
    name: str
    seq: int
    name_en: str
    grp: str
    goal: str
    source: str


@dataclass(frozen=True)
class Zone:
    name: str
    seq: int
    short_name: str
    name_en: str
    role: str
    source: str


@dataclass(frozen=True)
class TalentCategory:
    code: str
    seq: int
    name: str
    name_en: str
    unit: str
    grp: str
    baseline: float | None
    source: str


@dataclass(frozen=True)
class IndustryPlanGroup:
    """An industry's place in chapter 4: its group, whether it is the pioneers' new form, the “3+3” mark."""

    name: str
    seq: int
    plan_group: str | None
    plan_form: str | None
    three_plus_three: int

    @property
    def group_label(self) -> tuple[str, str]:
        return PLAN_GROUPS.get(self.plan_group or "other", PLAN_GROUPS["other"])

    def short_zh(self) -> str:
        """The group in a table cell or legend: 传统优势, 重点特色·3+3, 先导·3+3, 先导·新业态."""
        text = self.group_label[0].removesuffix("产业")
        if self.plan_form == "new_form":
            text += "·新业态"
        if self.three_plus_three:
            text += "·3+3"
        return text

    def label_zh(self) -> str:
        """E.g. 先导产业（新业态新模式） or 重点特色产业 · “3+3”."""
        text = self.group_label[0]
        if self.plan_form == "new_form":
            text += f"（{NEW_FORM_LABEL[0]}）"
        return text


# The built-in plan (the Changning Park's 14th Five-Year Plan), known by its meta plan_title and source_file:
# a file made from it (the template, a migrated v1–v3 file, or `new --plan` from its plan-template) says so;
# notes and rules that belong to that plan's text (figures.BASELINE_CAVEATS, …) apply to it only.
BUILTIN_PLAN_TITLE = "上海张江高新技术产业开发区长宁园“十四五”规划"
BUILTIN_SOURCE_FILE = "000_49581f62cfd03bd6.txt"


def is_builtin_plan(conn) -> bool:
    """Whether the park file on `conn` holds the built-in plan (its meta plan_title and source_file)."""
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('plan_title', 'source_file')"))
    return meta.get("plan_title") == BUILTIN_PLAN_TITLE and meta.get("source_file") == BUILTIN_SOURCE_FILE


def _rows(conn, cls, table: str, order: str = "seq"):
    cols = ", ".join(cls.__dataclass_fields__)
    return [cls(*row) for row in conn.execute(f"SELECT {cols} FROM {table} ORDER BY {order}")]


def indicators(conn) -> list[Indicator]:
    return _rows(conn, Indicator, "indicators")


def industries(conn) -> list[Industry]:
    return _rows(conn, Industry, "industries")


def zones(conn) -> list[Zone]:
    return _rows(conn, Zone, "zones")


def talent_categories(conn) -> list[TalentCategory]:
    return _rows(conn, TalentCategory, "talent_categories")


def industry_plan_groups(conn) -> list[IndustryPlanGroup]:
    return _rows(conn, IndustryPlanGroup, "industries")


def industry_group_short(conn) -> dict[str, str]:
    """{industry: its chapter-4 group and marks, short (IndustryPlanGroup.short_zh)}."""
    return {g.name: g.short_zh() for g in industry_plan_groups(conn)}


UNZONED_PARK_FIELDS = ("id", "seq", "name", "kind", "industry", "status", "year", "note", "source")


def unzoned_parks(conn) -> list[dict]:
    """The parks the plan names in no zone (`unzoned_parks`), in the plan's order, as dicts."""
    cols = ", ".join(UNZONED_PARK_FIELDS)
    return [dict(zip(UNZONED_PARK_FIELDS, row))
            for row in conn.execute(f"SELECT {cols} FROM unzoned_parks ORDER BY seq, id")]


__all__ = [
    "INDICATOR_CODES", "KINDS", "STATUSES", "FINAL_STATUSES", "ALL_STATUSES", "STATUS_LABELS",
    "FINAL_STATUS_LABELS", "status_labels", "Indicator", "Industry", "Zone",
    "TalentCategory", "indicators", "industries", "zones", "talent_categories", "PLAN_GROUPS",
    "IndustryPlanGroup", "industry_plan_groups", "industry_group_short", "unzoned_parks", "is_builtin_plan",
]
