"""The fixed words of the charts in English, and the English of units standing alone.

Every chart function takes `language` ("zh" by default: the printed report stays Chinese). A chart writes
its Chinese text through `t(text, language, **fields)`, which looks the text up in `EN` when the window is
in English (one table for every chart: indicators, industries, zones, talent, plan figures). Plan names
(industries, zones, talent categories, plan figures) are not in the table; `plan_name` gives a name's
English where the plan file has one, else the name as written.

Units: `unit_english` (亿元 → 100M yuan, 家 → firms) for a unit standing alone (an axis label, a 单位
column of the window's tables), `with_unit` for a unit after a name in a label ("营业收入（亿元）" /
"Revenue (100M yuan)").
"""

from __future__ import annotations

from ..base.numfmt import UNIT_EN

# Chinese text → English; {year}, {first}, {last}, {n} … are filled in by `t`.
EN: dict[str, str] = {
    # indicators (models.output.charts)
    "市下达指标": "Assigned by the city", "计划路径": "Planned path", "实际值": "Actual", "计划累计": "Planned total",
    "累计完成（柱）": "Running total (bars)", "暂无数据": "No data yet", "年": "", "{year}年基数": "{year} baseline",
    "预测{year}年": "{year} projected", "{year}年目标": "{year} target",
    # industries
    "营业收入": "Revenue", "纳税总额": "Tax",
    "{name}：营业收入、纳税总额及同比增长": "{name}: revenue, tax and year-on-year growth",
    "营业收入同比增长（%）": "Revenue growth (%)", "纳税总额同比增长（%）": "Tax growth (%)",
    "同比增长（%）": "Year-on-year growth (%)",
    "占园区营业收入比重（%）": "Share of park revenue (%)", "各产业营业收入占比": "Share of park revenue by industry",
    "“3+3”重点产业": "“3+3” key industries", "其他产业": "Other industries",
    "“3+3”重点产业与其他产业营业收入（标注为重点产业占比）":
        "Revenue of the “3+3” key industries and the others (labels: key industries' share)",
    # zones
    "三大片区比较（{first}—{last}年）": "The zones compared ({first}–{last})", "三大片区比较": "The zones compared",
    # talent
    "当年发放": "Issued in the year", "序时累计目标": "Planned running total", "实际累计": "Actual running total",
    "{span}年累计目标": "{span}-year cumulative target", "累计目标": "Cumulative target",
    "外国人来华工作许可：累计数与序时目标": "Work permits for foreigners: running total against the planned path",
    "占比（%）": "Share (%)", "目标": "Target",
    "从业人员中留学归国人员和外籍常住人员占比": "Returnees and foreign residents among employees",
    "高层次人才数量（{year}年为规划基数）": "High-level talent ({year}: the plan's baseline)",
    "高层次人才数量": "High-level talent", "（{first}—{last}年）": " ({first}–{last})",
    # plan figures (models.output.report_plan.plot_fact)
    "规划数（{year}年，{figure}）": "Plan figure ({year}, {figure})", "官方数值": "Official figure",
    "报表汇总值": "Sum of the returns", "{year}年以来暂无数据": "No data since {year}",
}

# A list of names or units: 、 in Chinese, a comma in English.
LIST_SEPARATOR = {"zh": "、", "en": ", "}


def t(text: str, language: str = "zh", **fields) -> str:
    """`text` in `language` (its English from `EN`, or the text itself), its {fields} filled in."""
    return (EN.get(text, text) if language == "en" else text).format(**fields)


# A unit standing alone (an axis label, a 单位 column): the thing counted, where numfmt.UNIT_EN (written after
# a number) leaves a count bare ("14").
UNIT_WORDS: dict[str, str] = {
    "家": "firms",
    "个": "units",
    "件": "items",
    "项": "items",
    "篇": "papers",
    "座": "buildings",
    "所": "institutions",
    "部": "units",
    "年": "year",
    "个百分点": "pp",
    "件/万人": "items per 10k people",
}
# The plan's qualifiers of a base-year figure (models.planning.facts.with_qualifier): 约10.2, 200余, 近1,000.
QUALIFIERS: dict[str, str] = {"约": "about", "余": "over", "近": "nearly"}


def unit_english(unit: str | None) -> str | None:
    """The English of a unit standing alone: 亿元 → 100M yuan, 家 → firms, 人次 → person-times, % → %,
    吨标准煤/万元 → tce/10k yuan, 件/万人 → items/10k people; an unknown unit as it is."""
    if not unit:
        return unit
    text = unit.strip()
    if text in UNIT_WORDS:
        return UNIT_WORDS[text]
    if UNIT_EN.get(text):
        return UNIT_EN[text]
    if "/" in text and text not in UNIT_EN:
        parts = [unit_english(part) for part in text.split("/")]
        if all(parts):
            return "/".join(parts)
    return unit


def unit_label(unit: str | None, language: str = "zh") -> str:
    """A unit standing alone (an axis label) in `language`: 亿元 / 100M yuan, 家 / firms; "" for none."""
    return (unit_english(unit) if language == "en" else unit) or ""


def with_unit(name: str, unit: str | None, language: str = "zh") -> str:
    """A name with its unit: "营业收入（亿元）" in Chinese, "Revenue (100M yuan)" in English — where a count's
    unit (家, 个 …) is left out, as the indicator chart titles do ("High-tech enterprises")."""
    if not unit:
        return name
    if language != "en":
        return f"{name}（{unit}）"
    english = UNIT_EN.get(unit.strip(), unit_english(unit))
    return f"{name} ({english})" if english else name


def plan_name(name: str, name_en: str | None, language: str = "zh") -> str:
    """A plan's name (industry, zone, talent category) in `language`: its English where the plan file gives
    one, else the name as written (plan names may stay Chinese)."""
    return (name_en or name) if language == "en" else name


def qualified(value_text: str, qualifier: str | None, language: str = "zh") -> str | None:
    """A plan figure with its qualifier in English (about 10.2, over 200); None when there is none to give."""
    if language != "en" or not qualifier or qualifier not in QUALIFIERS:
        return None
    return f"{QUALIFIERS[qualifier]} {value_text}"


__all__ = ["EN", "LIST_SEPARATOR", "QUALIFIERS", "UNIT_WORDS", "plan_name", "qualified", "t", "unit_english",
           "unit_label", "with_unit"]
