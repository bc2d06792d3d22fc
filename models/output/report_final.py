"""The final evaluation report (…“十四五”规划实施情况总结评估报告) as format-neutral content.

Every year it names is the park file's period (`ReportData.period`: base year, target year — the year
assessed — and the plan's years base+1 … target); the plan's short name (“十四五”) comes from its meta.

The report is a title, cover rows and a list of numbered sections, each a list of blocks: `Paragraph`,
`Table`, `Chart` (a `plot(figure)` drawing on a matplotlib figure) and `IndicatorItem` (one indicator's
heading, chart and comment). `models.output.report` lays the blocks out on A4 PDF pages and `models.output.report_docx`
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
from .page_text import plot_table
from .report_groups import FIGURE_COLUMNS, group_charts, group_rows
from .report_page import SECTION_TITLES, date_text
from ..store.plan import FIELD_LABELS
from ..store.plan import FINAL_STATUSES
from ..planning.progress import period_growth
from ..store.plan import industry_group_short

SECTION_NUMBERS = "一二三四五六七八九十"
SUB_NUMBERS = "一二三四五六七八九十"


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
    plan = meta.get("plan_title") or f"{meta.get('park_name', '')}规划"
    return f"{plan}实施情况总结评估报告"


def used_baseline(series) -> float | None:
    """The base-year figure the assessment uses: the office's baseline where set, else the plan's."""
    return series.baseline


def baseline_note(series) -> str:
    """What the plan's baseline figure stands for (规模以上企业口径, …) when it is the one used, else ""."""
    if series.baseline_source == "plan" and series.baseline is not None:
        return series.baseline_caveat
    return ""


def _end(series) -> int:
    """The year the final evaluation assesses: the series' target year."""
    return rt.series_period(series).target


def final_status(series) -> str:
    status = series.years[_end(series)].status
    return status if status in rt.FINAL_ENDINGS else "unassessed"


def indicator_sentence(series, label: str = "规划") -> str:
    """The past-tense sentence on one indicator's period (`models.output.report_text.final_comment`); `label` is the
    plan's short name (“十四五”)."""
    ind = series.indicator
    period = rt.series_period(series)
    f = series.years[period.target]
    note = baseline_note(series)
    return rt.final_comment(
        ind.name, ind.unit, ind.kind, final_status(series), direction=ind.direction,
        baseline=used_baseline(series), value=f.value, target=ind.target,
        gap_text=f.gap_text if final_status(series) != "achieved" else "",
        progress=f.progress if ind.kind == "level" else None, cumulative=f.cumulative,
        flows={y: series.years[y].value for y in period.plan_years}, growth=f.growth_period,
        district_growth=f.district_growth_period, assigned=f.assigned,
        baseline_note=note if len(note) <= SHORT_NOTE else "", period=period, label=label)


def indicator_paragraphs(series, label: str = "规划") -> list[str]:
    """The sentence; the figure from returns of an indicator assessed on official figures only (报表口径参考值);
    the office's baseline where it replaced the plan's; then the office's note of the target year (评估意见)."""
    from ..planning.figures import REFERENCE_VALUE_LABEL

    ind = series.indicator
    period = rt.series_period(series)
    base, end = period.base, period.target
    f = series.years[end]
    lines = [indicator_sentence(series, label)]
    extra = []
    if series.official_only and f.derived is not None:
        extra.append(f"企业报表汇总的{end}年{REFERENCE_VALUE_LABEL}为{rt.with_unit(f.derived, ind.unit, ind.name)}，仅供参考，不作评估依据")
    if series.baseline_source == "office" and series.baseline is not None:
        plan = "" if series.baseline_plan is None else f"（规划所列为{rt.with_unit(series.baseline_plan, ind.unit, ind.name)}）"
        source = f"，来源：{series.baseline_office_source}" if series.baseline_office_source else ""
        extra.append(f"{base}年基期值采用评估部门核定的{rt.with_unit(series.baseline, ind.unit, ind.name)}{plan}{source}")
    elif ind.kind in ("level", "keep_pace") and len(baseline_note(series)) > SHORT_NOTE:
        extra.append(f"{base}年基期值{rt.with_unit(series.baseline, ind.unit, ind.name)}为{baseline_note(series)}")
    if extra:
        lines.append("说明：" + "；".join(extra) + "。")
    note = (f.note or "").strip()
    if note:
        lines.append(f"评估意见：{note}")
    return lines


SHORT_NOTE = 10  # a baseline caveat up to this long is written beside the figure, a longer one in a note


def _value_cell(series) -> str:
    ind, f = series.indicator, series.years[_end(series)]
    if ind.kind == "cumulative":
        return f"累计{rt.number(f.cumulative, unit=ind.unit, name=ind.name)}\n当年新增{rt.number(f.value, unit=ind.unit, name=ind.name)}"
    if ind.kind == "keep_pace":
        growth = f.growth_period
        return rt.number(f.value, unit=ind.unit, name=ind.name) + (f"\n年均{rt.change(growth)}" if growth is not None else "")
    return rt.number(f.value, unit=ind.unit, name=ind.name)


def _target_cell(series) -> str:
    ind, f = series.indicator, series.years[_end(series)]
    if ind.kind == "cumulative":
        return f"累计{rt.number(ind.target, unit=ind.unit, name=ind.name)}"
    if ind.kind == "keep_pace":
        district = f.district_growth_period
        return "与全区同步" + (f"\n全区年均\n{rt.change(district)}" if district is not None else "")
    if ind.kind == "assigned":
        return "市下达指标" + (f"\n{rt.number(f.assigned, unit=ind.unit, name=ind.name)}" if f.assigned is not None else "")
    return rt.number(ind.target, unit=ind.unit, name=ind.name) if ind.target is not None else ind.target_text


def _baseline_cell(series) -> str:
    ind = series.indicator
    if ind.kind in ("cumulative", "assigned"):
        return "—"
    text = rt.number(used_baseline(series), unit=ind.unit, name=ind.name)
    if series.baseline_source == "office" and series.baseline is not None:
        return f"{text}\n（区核定）"
    note = baseline_note(series)
    if note and len(note) <= SHORT_NOTE:
        return f"{text}\n（{note[:4]}\n{note[4:]}）" if len(note) > 5 else f"{text}\n（{note}）"
    if note:  # a long caveat is written out in the indicator's 说明 line
        return f"{text}\n（{'待确认' if '待' in note else '见说明'}）"
    return text


def _gap_cell(series) -> str:
    return series.years[_end(series)].gap_text or "—"


def completion_header(period) -> tuple[str, ...]:
    """The completion table's header: 序号, 指标, 单位, {base}年基期, {target}年目标, {target}年实际, 完成情况, 差距."""
    return ("序号", "指标", "单位", f"{period.base}年\n基期", f"{period.target}年\n目标", f"{period.target}年\n实际",
            "完成\n情况", "差距")


def completion_rows(series_list) -> list[tuple[str, ...]]:
    """One row per indicator: 序号, 指标, 单位, 基期, 目标, 目标年实际, 完成情况, 差距."""
    rows = []
    for s in series_list:
        ind = s.indicator
        rows.append((str(ind.seq), ind.name, ind.unit, _baseline_cell(s), _target_cell(s), _value_cell(s),
                     rt.final_status_label(final_status(s)), _gap_cell(s)))
    return rows


def final_counts(series_list) -> dict[str, int]:
    counts = {status: 0 for status in FINAL_STATUSES}
    for s in series_list:
        counts[final_status(s)] += 1
    return counts


def rules_note(period) -> str:
    """The note under the completion table: how each kind of indicator is judged, in the period's years."""
    base, first, end = period.base, period.first, period.target
    return ("注：完成情况按以下规则判定。期末值指标：" f"{end}年实际达到目标为完成，完成目标进度（实际较基期的增量占目标较基期增量的比例）"
            f"达到90%为基本完成；累计指标：{first}—{end}年累计数达到目标为完成，达到目标的90%为基本完成；与全区同步指标："
            f"{base}—{end}年年均增速不低于全区同期年均增速为完成，低于不超过1个百分点为基本完成；市下达指标：不高于下达值为完成，"
            f"超出不超过5%为基本完成；其余为未完成。{end}年数据缺失，或缺少基期值且未达到目标的，为无法评估。"
            f"累计指标同时列出{end}年当年新增数和{rt.years_word(period)}累计数，完成情况按累计数判定。")


# ---------------------------------------------------------------------------------------------- sections
def section_foreword(data) -> Section:
    meta = data.meta
    plan = meta.get("plan_title", "")
    issued = meta.get("issued", "")
    base, end = data.period.base, data.period.target
    text = (f"《{plan}》" + (f"于{issued}印发" if issued else "") + f"，确定了{base + 1}—{end}年园区发展的主要指标和重点任务。"
            f"本报告以{base}年为基期、{end}年为目标年，依据园区企业年度报表汇总数据和统计部门等发布的官方数据，"
            f"对规划{len(data.series)}项主要指标的完成情况逐项进行总结评估，并对重点产业、三大片区和人才工作"
            f"{base}年与{end}年的情况进行比较。")
    return Section("评估依据和范围", [Paragraph(text)])


def section_overview(data) -> Section:
    counts = final_counts(data.series)
    unmet = [s.indicator.name for s in data.series if final_status(s) == "not_achieved"]
    blocks = [Paragraph(rt.final_count_text(counts, unmet))]
    unassessed = [s.indicator.name for s in data.series if final_status(s) == "unassessed"]
    if unassessed:
        blocks.append(Paragraph(f"无法评估的指标为：{'、'.join(unassessed)}，需补充{data.period.target}年数据或"
                                f"{data.period.base}年基期值后再作评价。"))
    return Section("总体评价", blocks)


def section_completion(data) -> Section:
    counts = final_counts(data.series)
    table = Table(completion_header(data.period), completion_rows(data.series),
                  widths=(0.05, 0.25, 0.08, 0.11, 0.11, 0.12, 0.09, 0.19),
                  align=("center", "left", "center", "right", "right", "right", "center", "right"),
                  title=f"{plan_name(data)}主要指标完成情况（{data.period.base}—{data.period.target}年）",
                  key="completion")
    count_line = "完成情况统计：" + "，".join(f"{rt.final_status_label(s)}{counts[s]}项" for s in FINAL_STATUSES)
    return Section("主要指标完成情况", [table, Paragraph(count_line), Paragraph(rules_note(data.period), "note")])


def plan_name(data) -> str:
    """The plan as a heading names it: “十四五”规划 (its short name and 规划), or 规划."""
    label = rt.plan_label(data.meta)
    return label if label == "规划" else f"{label}规划"


INDICATOR_AXES_RECT = (0.085, 0.11, 0.895, 0.79)


def section_indicators(data) -> Section:
    from .charts import plot_indicator

    items = []
    for i, s in enumerate(data.series):
        number = SUB_NUMBERS[i] if i < 10 else SUB_NUMBERS[9] + SUB_NUMBERS[i - 10]
        chart = Chart(partial(plot_indicator, series=s, year=data.period.target, final=True), height=0.31,
                      manual=True, axes_rect=INDICATOR_AXES_RECT)
        items.append(IndicatorItem(f"（{number}）{s.indicator.name}", chart,
                                   indicator_paragraphs(s, rt.plan_label(data.meta)), s.code))
    return Section("各项指标完成情况", items)


def _compare_rows(series_list, total: dict | None, period,
                  fields=("revenue", "tax", "enterprises")) -> list[tuple[str, ...]]:
    base, end = period.base, period.target
    rows = []
    named = [(s.name, {f: (s.years[base][f].value, s.years[end][f].value) for f in fields}) for s in series_list]
    if total is not None:
        named.append(("合计", {f: (total[base][f].value, total[end][f].value) for f in fields}))
    for name, figures in named:
        row = [name]
        for f in fields:
            a, b = figures[f]
            row += [rt.number(a, unit=FIELD_LABELS[f][2]), rt.number(b, unit=FIELD_LABELS[f][2])]
            if f != "enterprises":
                row.append(_growth_cell(period_growth(b, a, period.length)))
        rows.append(tuple(row))
    return rows


def _growth_cell(growth: float | None) -> str:
    """Average annual growth as a table cell: "3.3%", "下降1.9%", "—"."""
    if growth is None:
        return "—"
    words = rt.change(growth)
    return words.removeprefix("增长")


def compare_header(period) -> tuple[str, ...]:
    """营业收入, 纳税总额 (with their average annual growth) and 企业数 in the base and the target year."""
    base, end = f"{period.base}年", f"{period.target}年"
    return (f"营业收入\n{base}", f"营业收入\n{end}", "年均\n增长", f"纳税总额\n{base}", f"纳税总额\n{end}", "年均\n增长",
            f"企业数\n{base}", f"企业数\n{end}")


def _group_sentence(label: str, series_list, total, period, head: str) -> str:
    base, end, n = period.base, period.target, period.length
    a, b = total[base]["revenue"].value, total[end]["revenue"].value
    if a is None or b is None:
        return f"{label}{base}年或{end}年营业收入数据暂缺，暂不作比较。"
    text = f"{head}{label}营业收入{rt.movement(a, b, '亿元')}，年均{rt.change(period_growth(b, a, n))}"
    ta, tb = total[base]["tax"].value, total[end]["tax"].value
    if ta is not None and tb is not None:
        text += f"；纳税总额{rt.movement(ta, tb, '亿元')}，年均{rt.change(period_growth(tb, ta, n))}"
    return text + "。"


def _growth_note(period) -> str:
    return f"注：营业收入、纳税总额单位为亿元，企业数单位为家；年均增长为{period.base}—{period.target}年年均增速。"


def _compare_blocks(data, series, column: str, title: str, subject: str, key: str) -> list:
    """An industries' or zones' section's sentence, its table of the base and target years and the table's note."""
    from ..planning import groups

    total = groups.totals(series)
    table = Table((column,) + compare_header(data.period), _compare_rows(series, None, data.period),
                  widths=(0.2,) + (0.1,) * 8, align=("left",) + ("right",) * 8,
                  title=f"{title}（{data.period.base}年、{data.period.target}年）",
                  total_row=_compare_rows([], total, data.period)[0], key=key)
    return [Paragraph(_group_sentence(subject, series, total, data.period, rt.period_head(rt.plan_label(data.meta)))),
            table, Paragraph(_growth_note(data.period), "note")]


def section_industries(data) -> Section | None:
    if "industries" not in data.parts:
        return None
    from . import group_charts as gc
    from ..planning import groups

    series = groups.industry_series(data.conn)
    return Section("重点产业发展", [
        *_compare_blocks(data, series, "产业", "重点产业主要指标", "园区各产业", "industries"),
        Chart(partial(gc.plot_industry_shares, series_list=series, group_short=industry_group_short(data.conn))),
        Chart(partial(gc.plot_key_vs_rest, series_list=series))])


def section_zones(data) -> Section | None:
    if "zones" not in data.parts:
        return None
    from . import group_charts as gc
    from ..planning import groups

    series = groups.zone_series(data.conn)
    return Section("三大片区建设", [
        *_compare_blocks(data, series, "片区", "三大片区主要指标", "三大片区", "zones"),
        Chart(partial(gc.plot_zones, zones=series))])


def section_talent(data) -> Section | None:
    if "talent" not in data.parts:
        return None
    from . import group_charts as gc
    from ..planning import groups

    talent = groups.talent_series(data.conn)
    base, end = data.period.base, data.period.target
    rows = []
    for s in talent:
        c = s.category
        a, b = s.years[base].value, s.years[end].value
        if c.grp == "flow":
            flows = [s.years[y].value for y in data.period.plan_years]
            total = None if any(v is None for v in flows) else sum(flows)
            rows.append((c.name, c.unit, rt.number(a, unit=c.unit), rt.number(b, unit=c.unit),
                         rt.number(total, unit=c.unit), "—"))
        else:
            growth = period_growth(b, a, data.period.length) if c.grp != "share" else None
            rows.append((c.name, c.unit, rt.number(a, unit=c.unit), rt.number(b, unit=c.unit), "—",
                         _growth_cell(growth)))
    table = Table(("类别", "单位", f"{base}年", f"{end}年", f"{base + 1}—{end}年\n累计", "年均增长"), rows,
                  widths=(0.38, 0.1, 0.13, 0.13, 0.14, 0.12), align=("left", "center", "right", "right", "right", "right"),
                  title=f"人才工作主要数据（{base}年、{end}年）", key="talent")
    return Section("人才工作", [
        table,
        Chart(partial(gc.plot_work_permits, path=groups.permits_path(data.conn, talent))),
        Chart(partial(gc.plot_returnee_share, share=groups.returnee_share(data.conn)))])


def plan_blocks(conn, year: int) -> list:
    """规划基数 (the base year against `year`) and 重点任务 (count per status and every task's status of `year`)."""
    from ..planning import facts, tasks
    from ..store.period import read_period
    from .report_plan import fact_rows

    period = read_period(conn)
    series_list = facts.fact_series(conn)
    fact_table = Table(("分组", "项目", "单位", f"{period.base}年\n规划数", f"{year}年", "变化", "变化\n（%）"),
                       fact_rows(series_list, year), widths=(0.12, 0.34, 0.08, 0.12, 0.12, 0.11, 0.11),
                       align=("left", "left", "center", "right", "right", "right", "right"),
                       title=f"规划基数：{period.base}年与{year}年对照", key="facts")
    task_list = tasks.list_tasks(conn)
    task_year = year if year in period.plan_years else period.target
    counts = tasks.status_counts(task_list, task_year)
    count_text = "，".join(f"{tasks.status_label(code)}{n}项" for code, n in counts.items() if n)
    task_table = Table(("编号", "任务", "涉及", "责任单位", "状态"),
                       [(t.code, t.text, t.concerns(), t.unit or "", tasks.status_label(t.status(task_year)))
                        for t in task_list],
                       widths=(0.08, 0.6, 0.1, 0.12, 0.1), align=("left", "left", "left", "left", "center"),
                       title=f"重点任务{task_year}年推进情况", key="tasks")
    return [fact_table,
            Paragraph("注：带*的数值为企业报表汇总值（无官方数值时采用）；约、余、近依规划原文。", "note"),
            Paragraph(f"规划确定的{len(task_list)}项重点任务，截至{task_year}年：{count_text}。"),
            task_table]


def section_plan(data) -> Section | None:
    if "plan" not in data.parts:
        return None
    return Section("规划基数与重点任务", plan_blocks(data.conn, data.period.target))


# Each builder returns a Section or None (left out); the sections are numbered in this order.
SECTION_BUILDERS: list[Callable] = [
    section_foreword, section_overview, section_completion, section_indicators, section_industries, section_zones,
    section_talent, section_plan,
]


def period_text(period) -> str:
    """The plan's years as the cover prints them: 2021–2025."""
    return period.label()


def build(data) -> Document:
    """The final report's content from `models.output.report.ReportData` (reads the group figures from `data.conn`)."""
    sections = [s for s in (builder(data) for builder in SECTION_BUILDERS) if s is not None]
    for i, section in enumerate(sections):
        section.number = SECTION_NUMBERS[i]
    meta = data.meta
    title = final_title(meta)
    cover = [
        ("园区", meta.get("park_name", "")),
        ("规划期", period_text(data.period)),
        ("评估基期", f"{data.period.base}年"),
        ("评估年度", f"{data.period.target}年（规划期末）"),
        ("数据更新日期", date_text(data.figures_date)),
        ("数据文件", data.file_label),
        ("生成日期", date_text(date.today().isoformat())),
    ]
    return Document(title=title, cover_rows=cover, header=title, sections=sections, subject=data.file_label)


# ---------------------------------------------------------------------------------------------- interim years
def build_interim(data) -> Document:
    """A monitoring report of an interim year as a Document (for Word): the same table, charts with their
    projection, comments and group parts as the PDF monitoring report (`models.output.report.pages`)."""
    from .charts import plot_indicator

    year = data.year
    base, end = data.period.base, data.period.target
    header = ("序号", "指标", "单位", f"{base}年\n基期", f"{end}年\n目标", f"{year}年\n数值", f"{year}年\n序时计划", "状态",
              f"{end}年\n预计")
    rows = []
    for s in data.series:
        ind, f = s.indicator, s.years[year]
        if ind.kind == "cumulative":
            value = f"累计{rt.number(f.cumulative, unit=ind.unit, name=ind.name)}\n当年新增{rt.number(f.value, unit=ind.unit, name=ind.name)}"
        else:
            value = rt.number(f.value, unit=ind.unit, name=ind.name)
        unit = ind.unit
        target = rt.number(ind.target, unit=unit, name=ind.name) if ind.target is not None else ind.target_text
        rows.append((str(ind.seq), ind.name, unit, rt.number(s.baseline, unit=unit, name=ind.name), target, value,
                     rt.number(f.planned, unit=unit, name=ind.name), rt.status_label(f.status),
                     rt.number(s.projection, unit=unit, name=ind.name)))
    table = Table(header, rows, widths=(0.05, 0.25, 0.08, 0.1, 0.12, 0.12, 0.1, 0.09, 0.09),
                  align=("center", "left", "center", "right", "right", "right", "right", "center", "right"),
                  title=f"主要发展指标完成情况（{year}年）", key="completion")
    counts = "，".join(f"{rt.status_label(k)}{n}项" for k, n in data.counts.items())
    sections = [Section(f"主要发展指标完成情况（{year}年）", [table, Paragraph(f"{year}年指标状态统计：{counts}。"),
                        Paragraph(f"注：累计类指标的完成状态按{data.period.first}年以来累计数判定；“与区同步”类指标按当年增速与"
                                  "全区增速比较。", "note")])]
    items = []
    for i, s in enumerate(data.series):
        number = SUB_NUMBERS[i] if i < 10 else SUB_NUMBERS[9] + SUB_NUMBERS[i - 10]
        chart = Chart(partial(plot_indicator, series=s, year=year), height=0.31, manual=True,
                      axes_rect=INDICATOR_AXES_RECT)
        items.append(IndicatorItem(f"（{number}）{s.indicator.name}", chart, rt.indicator_comment(s, year), s.code))
    sections.append(Section(SECTION_TITLES["indicators"], items))
    for part in data.parts[1:]:
        if part == "plan":
            sections.append(Section(SECTION_TITLES[part], plan_blocks(data.conn, year)))
            continue
        blocks = []
        if part in ("industries", "zones"):
            from ..planning import groups

            series = groups.industry_series(data.conn) if part == "industries" else groups.zone_series(data.conn)
            body, total = group_rows(series, year, with_group=part == "industries",
                                          group_short=industry_group_short(data.conn))
            head = ["产业", "分组"] if part == "industries" else ["片区"]
            head += [h for h, _ in FIGURE_COLUMNS]
            if part == "industries":
                head.append("占园区营收\n比重（%）")
            widths = ((0.2, 0.1) if part == "industries" else (0.25,)) + (0.1,) * (len(head) - (2 if part == "industries" else 1))
            align = ("left", "left")[: 2 if part == "industries" else 1] + ("right",) * (len(head) - (2 if part == "industries" else 1))
            what = "产业" if part == "industries" else "片区"
            blocks.append(Table(tuple(head), body, widths=widths, align=align, title=f"{year}年各{what}主要指标",
                                total_row=total, key=part))
        charts = group_charts(data.conn, part, year)
        blocks += [Chart(plot) for plot in charts if getattr(plot, "func", None) is not plot_table]
        sections.append(Section(SECTION_TITLES[part], blocks))
    for i, section in enumerate(sections):
        section.number = SECTION_NUMBERS[i]
    meta = data.meta
    title = f"{meta.get('plan_title', '')}{year}年度实施情况监测报告"
    cover = [("园区", meta.get("park_name", "")), ("规划期", period_text(data.period)), ("报告年度", f"{year}年"),
             ("数据更新日期", date_text(data.figures_date)), ("数据文件", data.file_label),
             ("生成日期", date_text(date.today().isoformat()))]
    return Document(title=title, cover_rows=cover, header=title, sections=sections, subject=data.file_label)


def document(data) -> Document:
    """The report's content: the final evaluation in the plan's last year, else the year's monitoring report."""
    return build(data) if data.final else build_interim(data)
