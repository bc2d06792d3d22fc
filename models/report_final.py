"""The final evaluation report (“十四五”规划实施情况总结评估报告) as format-neutral content.

The report is a title, cover rows and a list of numbered sections, each a list of blocks: `Paragraph`,
`Table`, `Chart` (a `plot(figure)` drawing on a matplotlib figure) and `IndicatorItem` (one indicator's
heading, chart and comment). `models.report` lays the blocks out on A4 PDF pages and `models.report_docx`
writes them to Word, so both formats carry the same headings, figures and sentences.

Sections come from `SECTION_BUILDERS`, in order: each `builder(data)` returns a `Section` (its title
without number) or None to leave it out; numbers (一、二、…) are given at assembly. Another part of the
app adds its own section by inserting a builder into the list.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import partial

from . import report_text as rt
from .progress import END, START

SECTION_NUMBERS = "一二三四五六七八九十"
SUB_NUMBERS = "一二三四五六七八九十"
# The plan's 2020 revenue and tax are the above-scale enterprises' figures (the plan's own sentence says so).
ABOVE_SCALE_CODES = ("total_revenue", "total_tax")
ABOVE_SCALE = "规模以上企业口径"


@dataclass
class Paragraph:
    """Body text (`style` "body") or a small note under a table or chart ("note")."""

    text: str
    style: str = "body"


@dataclass
class Table:
    """A table: header cells, rows of cell texts (a "\\n" breaks a cell's line), relative column widths and
    alignments ("left"/"right"/"center"); `total_row` is set off by a rule; `title` goes above it."""

    header: tuple[str, ...]
    rows: list[tuple[str, ...]]
    widths: tuple[float, ...]
    align: tuple[str, ...]
    title: str = ""
    total_row: tuple[str, ...] | None = None
    key: str = ""  # what the table holds ("completion", "industries"…), for tests and readers


@dataclass
class Chart:
    """A chart drawn by `plot(figure)`; `height` is its share of the A4 page's height in the PDF.
    `manual` charts place their own axes (`axes_rect`, fractions of the chart's area): no layout engine."""

    plot: Callable[[object], None]
    height: float = 0.36
    manual: bool = False
    axes_rect: tuple[float, float, float, float] | None = None
    caption: str = ""


@dataclass
class IndicatorItem:
    """One indicator: its sub-heading, chart and comment paragraphs (the sentence, then the office's note)."""

    heading: str
    chart: Chart
    paragraphs: list[str]
    code: str = ""


@dataclass
class Section:
    title: str
    blocks: list = field(default_factory=list)
    number: str = ""  # "一", given at assembly

    @property
    def heading(self) -> str:
        return f"{self.number}、{self.title}" if self.number else self.title


@dataclass
class Document:
    """The whole report: cover title and rows, running header text, and the numbered sections."""

    title: str
    cover_rows: list[tuple[str, str]]
    header: str
    sections: list[Section]
    subject: str = ""


# ---------------------------------------------------------------------------------------------- figures
def final_title(meta: dict[str, str]) -> str:
    """The cover title: the file's `final_report_title` if set, else the plan's title followed by
    实施情况总结评估报告 (上海张江高新技术产业开发区长宁园“十四五”规划实施情况总结评估报告)."""
    custom = (meta.get("final_report_title") or "").strip()
    if custom:
        return custom
    plan = meta.get("plan_title") or f"{meta.get('park_name', '')}“十四五”规划"
    return f"{plan}实施情况总结评估报告"


def used_baseline(series) -> float | None:
    """The 2020 figure the assessment uses: the office's baseline where set, else the plan's."""
    value = getattr(series, "baseline", None)
    return value if value is not None else series.indicator.baseline


def baseline_source(series) -> str:
    return getattr(series, "baseline_source", None) or "plan"


def baseline_note(series) -> str:
    """规模以上企业口径 for the plan's 2020 revenue and tax (they cover above-scale enterprises only)."""
    if series.indicator.code in ABOVE_SCALE_CODES and baseline_source(series) == "plan" and used_baseline(series) is not None:
        return ABOVE_SCALE
    return ""


def final_status(series) -> str:
    status = series.years[END].status
    return status if status in rt.FINAL_STATUSES else "unassessed"


def final_gap(series) -> float | None:
    return getattr(series.years[END], "gap", None)


def period_growth(series) -> tuple[float | None, float | None]:
    """(park, district) average annual growth 2020–2025 in percent, as `models.figures` worked it out."""
    f = series.years[END]
    park = getattr(f, "growth_period", getattr(series, "growth_period", None))
    district = getattr(f, "district_growth_period", getattr(series, "district_growth_period", None))
    return park, district


def average_growth(start: float | None, end: float | None, years: int = END - START) -> float | None:
    """Average annual growth in percent, (end / start)^(1/years) − 1; None when either is missing or start <= 0."""
    if start is None or end is None or start <= 0 or end < 0:
        return None
    return ((end / start) ** (1 / years) - 1) * 100


def indicator_sentence(series) -> str:
    """The past-tense sentence on one indicator's five years (`models.report_text.final_comment`)."""
    ind = series.indicator
    f = series.years[END]
    growth, district = period_growth(series)
    return rt.final_comment(
        ind.name, ind.unit, ind.kind, final_status(series), direction=ind.direction,
        baseline=used_baseline(series), value=f.value, target=ind.target, gap=final_gap(series),
        progress=f.progress if ind.kind == "level" else None, cumulative=f.cumulative,
        flows={y: series.years[y].value for y in range(START + 1, END + 1)}, growth=growth,
        district_growth=district, assigned=f.assigned, baseline_note=baseline_note(series))


def indicator_paragraphs(series) -> list[str]:
    """The sentence, then the office's note of 2025 (评估意见), when there is one."""
    lines = [indicator_sentence(series)]
    note = (series.years[END].note or "").strip()
    if note:
        lines.append(f"评估意见：{note}")
    return lines


def _value_cell(series) -> str:
    ind, f = series.indicator, series.years[END]
    if ind.kind == "cumulative":
        return f"累计{rt.number(f.cumulative)}\n当年新增{rt.number(f.value)}"
    if ind.kind == "keep_pace":
        growth, _ = period_growth(series)
        return rt.number(f.value) + (f"\n年均{rt.change(growth)}" if growth is not None else "")
    return rt.number(f.value)


def _target_cell(series) -> str:
    ind = series.indicator
    if ind.kind == "cumulative":
        return f"累计{rt.number(ind.target)}"
    if ind.kind == "keep_pace":
        _, district = period_growth(series)
        text = "与全区同步"
        return text + (f"\n（全区年均{rt.change(district)}）" if district is not None else "")
    if ind.kind == "assigned":
        assigned = series.years[END].assigned
        return "市下达指标" + (f"\n{rt.number(assigned)}" if assigned is not None else "")
    return rt.number(ind.target) if ind.target is not None else ind.target_text


def _baseline_cell(series) -> str:
    ind = series.indicator
    if ind.kind in ("cumulative", "assigned"):
        return "—"
    text = rt.number(used_baseline(series))
    note = baseline_note(series)
    return f"{text}\n（{note}）" if note else text


COMPLETION_HEADER = ("序号", "指标", "单位", "2020年\n基期", "2025年\n目标", "2025年\n实际", "完成\n情况", "差距")


def completion_rows(series_list) -> list[tuple[str, ...]]:
    """One row per indicator: 序号, 指标, 单位, 基期, 目标, 2025年实际, 完成情况, 差距."""
    rows = []
    for s in series_list:
        ind = s.indicator
        rows.append((str(ind.seq), ind.name, ind.unit, _baseline_cell(s), _target_cell(s), _value_cell(s),
                     rt.final_status_label(final_status(s)), rt.gap_text(final_gap(s), ind.unit, ind.direction, ind.kind)))
    return rows


def final_counts(series_list) -> dict[str, int]:
    counts = {status: 0 for status in rt.FINAL_STATUSES}
    for s in series_list:
        counts[final_status(s)] += 1
    return counts


RULES_NOTE = ("注：完成情况按以下规则判定。期末值指标：2025年实际达到目标为完成，完成目标进度（实际较基期的增量占目标较基期增量的比例）"
              "达到90%为基本完成；累计指标：2021—2025年累计数达到目标为完成，达到目标的90%为基本完成；与全区同步指标："
              "2020—2025年年均增速不低于全区同期年均增速为完成，低于不超过1个百分点为基本完成；市下达指标：不高于下达值为完成，"
              "超出不超过5%为基本完成；其余为未完成。2025年数据缺失，或缺少基期值且未达到目标的，为无法评估。"
              "累计指标同时列出2025年当年新增数和五年累计数，完成情况按累计数判定。")


# ---------------------------------------------------------------------------------------------- sections
def section_foreword(data) -> Section:
    meta = data.meta
    plan = meta.get("plan_title", "")
    issued = meta.get("issued", "")
    text = (f"《{plan}》" + (f"于{issued}印发" if issued else "") + f"，确定了{START + 1}—{END}年园区发展的主要指标和重点任务。"
            f"本报告以{START}年为基期、{END}年为目标年，依据园区企业年度报表汇总数据和统计部门等发布的官方数据，"
            f"对规划{len(data.series)}项主要指标的完成情况逐项进行总结评估，并对重点产业、三大片区和人才工作"
            f"{START}年与{END}年的情况进行比较。")
    return Section("评估依据和范围", [Paragraph(text)])


def section_overview(data) -> Section:
    counts = final_counts(data.series)
    unmet = [s.indicator.name for s in data.series if final_status(s) == "not_achieved"]
    blocks = [Paragraph(rt.final_count_text(counts, unmet))]
    unassessed = [s.indicator.name for s in data.series if final_status(s) == "unassessed"]
    if unassessed:
        blocks.append(Paragraph(f"无法评估的指标为：{'、'.join(unassessed)}，需补充{END}年数据或{START}年基期值后再作评价。"))
    return Section("总体评价", blocks)


def section_completion(data) -> Section:
    counts = final_counts(data.series)
    table = Table(COMPLETION_HEADER, completion_rows(data.series),
                  widths=(0.05, 0.27, 0.09, 0.12, 0.13, 0.13, 0.09, 0.12),
                  align=("center", "left", "center", "right", "right", "right", "center", "right"),
                  title=f"“十四五”规划主要指标完成情况（{START}—{END}年）", key="completion")
    count_line = "完成情况统计：" + "，".join(f"{rt.final_status_label(s)}{counts[s]}项" for s in rt.FINAL_STATUSES)
    return Section("主要指标完成情况", [table, Paragraph(count_line), Paragraph(RULES_NOTE, "note")])


INDICATOR_AXES_RECT = (0.085, 0.11, 0.895, 0.79)


def section_indicators(data) -> Section:
    from .charts import plot_indicator

    items = []
    for i, s in enumerate(data.series):
        number = SUB_NUMBERS[i] if i < 10 else SUB_NUMBERS[9] + SUB_NUMBERS[i - 10]
        chart = Chart(partial(plot_indicator, series=s, year=END, final=True), height=0.31, manual=True,
                      axes_rect=INDICATOR_AXES_RECT)
        items.append(IndicatorItem(f"（{number}）{s.indicator.name}", chart, indicator_paragraphs(s), s.code))
    return Section("各项指标完成情况", items)


def _compare_rows(series_list, total: dict | None, fields=("revenue", "tax", "enterprises")) -> list[tuple[str, ...]]:
    rows = []
    named = [(s.name, {f: (s.years[START][f].value, s.years[END][f].value) for f in fields}) for s in series_list]
    if total is not None:
        named.append(("合计", {f: (total[START][f].value, total[END][f].value) for f in fields}))
    for name, figures in named:
        row = [name]
        for f in fields:
            a, b = figures[f]
            row += [rt.number(a), rt.number(b)]
            if f != "enterprises":
                row.append(_growth_cell(average_growth(a, b)))
        rows.append(tuple(row))
    return rows


def _growth_cell(growth: float | None) -> str:
    """Average annual growth as a table cell: "3.3%", "下降1.9%", "—"."""
    if growth is None:
        return "—"
    words = rt.change(growth)
    return words.removeprefix("增长")


COMPARE_HEADER = ("营业收入\n2020年", "营业收入\n2025年", "年均\n增长", "纳税总额\n2020年", "纳税总额\n2025年", "年均\n增长",
                  "企业数\n2020年", "企业数\n2025年")


def _group_sentence(label: str, series_list, total) -> str:
    a, b = total[START]["revenue"].value, total[END]["revenue"].value
    if a is None or b is None:
        return f"{label}{START}年或{END}年营业收入数据暂缺，暂不作比较。"
    text = f"“十四五”期间，{label}营业收入{rt.movement(a, b, '亿元')}，年均{rt.change(average_growth(a, b))}"
    ta, tb = total[START]["tax"].value, total[END]["tax"].value
    if ta is not None and tb is not None:
        text += f"；纳税总额{rt.movement(ta, tb, '亿元')}，年均{rt.change(average_growth(ta, tb))}"
    return text + "。"


def section_industries(data) -> Section | None:
    if "industries" not in data.parts:
        return None
    from . import group_charts as gc
    from . import groups

    series = groups.industry_series(data.conn)
    total = groups.totals(series)
    table = Table(("产业",) + COMPARE_HEADER, _compare_rows(series, None),
                  widths=(0.2,) + (0.1,) * 8, align=("left",) + ("right",) * 8,
                  title=f"重点产业主要指标（{START}年、{END}年）", total_row=_compare_rows([], total)[0], key="industries")
    return Section("重点产业发展", [
        Paragraph(_group_sentence("园区各产业", series, total)), table,
        Paragraph("注：营业收入、纳税总额单位为亿元，企业数单位为家；年均增长为2020—2025年年均增速。", "note"),
        Chart(partial(gc.plot_industry_shares, series_list=series)),
        Chart(partial(gc.plot_key_vs_rest, series_list=series))])


def section_zones(data) -> Section | None:
    if "zones" not in data.parts:
        return None
    from . import group_charts as gc
    from . import groups

    series = groups.zone_series(data.conn)
    total = groups.totals(series)
    table = Table(("片区",) + COMPARE_HEADER, _compare_rows(series, None),
                  widths=(0.2,) + (0.1,) * 8, align=("left",) + ("right",) * 8,
                  title=f"三大片区主要指标（{START}年、{END}年）", total_row=_compare_rows([], total)[0], key="zones")
    return Section("三大片区建设", [
        Paragraph(_group_sentence("三大片区", series, total)), table,
        Paragraph("注：营业收入、纳税总额单位为亿元，企业数单位为家；年均增长为2020—2025年年均增速。", "note"),
        Chart(partial(gc.plot_zones, zones=series))])


def section_talent(data) -> Section | None:
    if "talent" not in data.parts:
        return None
    from . import group_charts as gc
    from . import groups

    talent = groups.talent_series(data.conn)
    rows = []
    for s in talent:
        c = s.category
        a, b = s.years[START].value, s.years[END].value
        if c.grp == "flow":
            flows = [s.years[y].value for y in range(START + 1, END + 1)]
            total = None if any(v is None for v in flows) else sum(flows)
            rows.append((c.name, c.unit, rt.number(a), rt.number(b), rt.number(total), "—"))
        else:
            growth = average_growth(a, b) if c.grp != "share" else None
            rows.append((c.name, c.unit, rt.number(a), rt.number(b), "—", _growth_cell(growth)))
    table = Table(("类别", "单位", "2020年", "2025年", "2021—2025年\n累计", "年均增长"), rows,
                  widths=(0.38, 0.1, 0.13, 0.13, 0.14, 0.12), align=("left", "center", "right", "right", "right", "right"),
                  title=f"人才工作主要数据（{START}年、{END}年）", key="talent")
    return Section("人才工作", [
        table,
        Chart(partial(gc.plot_work_permits, path=groups.permits_path(data.conn, talent))),
        Chart(partial(gc.plot_returnee_share, share=groups.returnee_share(data.conn)))])


# Each builder returns a Section or None (left out); the sections are numbered in this order.
SECTION_BUILDERS: list[Callable] = [
    section_foreword, section_overview, section_completion, section_indicators, section_industries, section_zones,
    section_talent,
]


def _date_text(stamp: str | None) -> str:
    from .report import _date_text as text

    return text(stamp)


def build(data) -> Document:
    """The final report's content from `models.report.ReportData` (reads the group figures from `data.conn`)."""
    sections = [s for s in (builder(data) for builder in SECTION_BUILDERS) if s is not None]
    for i, section in enumerate(sections):
        section.number = SECTION_NUMBERS[i]
    meta = data.meta
    title = final_title(meta)
    cover = [
        ("园区", meta.get("park_name", "")),
        ("规划期", meta.get("period", "")),
        ("评估基期", f"{START}年"),
        ("评估年度", f"{END}年（规划期末）"),
        ("数据更新日期", _date_text(data.figures_date)),
        ("数据文件", data.file_label),
        ("生成日期", _date_text(date.today().isoformat())),
    ]
    return Document(title=title, cover_rows=cover, header=title, sections=sections, subject=data.file_label)
