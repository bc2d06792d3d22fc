"""The report's section on the plan's base-year figures and key tasks, and the chart of one figure's series.

`plot_fact(figure, series)` draws one plan figure over the plan's years (the 规划基数 tab and the report share
it). `plan_pages(conn, year, page_cls)` gives the section's pages for models/output/report.py — each a `page_cls(title,
draw, manual=True, heading=…)`: the base-year figures against `year` (the latest year with any value by default),
the count of tasks per status, and the task table. Nothing here reads the park file while drawing.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from ..planning import facts, tasks
from ..base.numfmt import format_number
from ..store.period import read_period
from .report_text import series_period

PLAN_COLOR = "#8a8a8a"
VALUE_COLOR = "#2f80c1"
DERIVED_COLOR = "#b0bec5"
FACT_ROWS_PER_PAGE = 34
TASK_ROWS_PER_PAGE = 26
TASK_TEXT_WIDTH = 46  # half-width characters of a task's text in the table


def _short(text: str, width: int) -> str:
    out, used = "", 0
    for ch in text:
        w = 2 if ord(ch) > 0x2E7F else 1
        if used + w > width - 2:
            return out + "…"
        out += ch
        used += w
    return out


def plot_fact(figure, series: facts.FactSeries, language: str = "zh") -> None:
    """One plan figure: the base year's plan figure (grey), official values (blue) and values derived from the
    returns (light, hatched) per year; a dashed line at the base year's level. Unknown years are left empty.
    `language="en"` writes the chart's words in English (models.output.chart_words); the figure's name stays."""
    from .chart_words import qualified, t, unit_label, with_unit
    from .charts import year_axis

    ax = figure.add_subplot(111)
    unit = series.unit
    period = series_period(series)
    xs_plan, xs_off, ys_off, xs_der, ys_der = [period.base], [], [], [], []
    for year in period.plan_years:
        y = series.years[year]
        if y.official is not None:
            xs_off.append(year)
            ys_off.append(y.official)
        elif y.derived is not None:
            xs_der.append(year)
            ys_der.append(y.derived)
    baseline = qualified(facts.number_text(series.baseline), series.qualifier, language) or series.baseline_text()
    ax.bar(xs_plan, [series.baseline], 0.6, color=PLAN_COLOR,
           label=t("规划数（{year}年，{figure}）", language, year=period.base, figure=baseline))
    if xs_off:
        ax.bar(xs_off, ys_off, 0.6, color=VALUE_COLOR, label=t("官方数值", language))
    if xs_der:
        ax.bar(xs_der, ys_der, 0.6, color=DERIVED_COLOR, hatch="//", edgecolor="#78909c",
               label=t("报表汇总值", language))
    ax.axhline(series.baseline, color=PLAN_COLOR, linestyle="--", linewidth=0.8)
    for x, v in zip([*xs_plan, *xs_off, *xs_der], [series.baseline, *ys_off, *ys_der]):
        ax.text(x, v, format_number(v, unit), ha="center", va="bottom", fontsize=8)
    year_axis(ax, period.years, language)
    ax.set_ylabel(unit_label(unit, language))
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    ax.set_title(with_unit(series.name, unit, language), fontsize=11)
    top = max([series.baseline, *ys_off, *ys_der])
    ax.set_ylim(0, top * 1.3 if top > 0 else 1)
    ax.legend(loc="upper left", fontsize=8, frameon=False, ncol=3)
    if not xs_off and not xs_der:
        ax.text(0.5, 0.5, t("{year}年以来暂无数据", language, year=period.first), transform=ax.transAxes, ha="center", va="center", fontsize=11,
                color=PLAN_COLOR)


def fact_rows(series_list: list[facts.FactSeries], year: int) -> list[tuple]:
    """(group, name, unit, base-year plan figure, value of `year`, change, change %) as text, per figure."""
    rows = []
    for s in series_list:
        value = s.years[year].value
        diff, pct = s.change(year) if year != series_period(s).base else (None, None)
        source = "" if value is None or s.years[year].official is not None else "*"
        rows.append((facts.TOPICS.get(s.topic, (s.topic,))[0], _short(s.name, 30), s.unit, s.baseline_text(),
                     format_number(value, s.unit) + source if value is not None else "—",
                     ("+" if diff and diff > 0 else "") + format_number(diff, s.unit) if diff is not None else "—",
                     ("+" if pct and pct > 0 else "") + format_number(pct, "%") if pct is not None else "—"))
    return rows


def latest_fact_year(series_list: list[facts.FactSeries], target: int | None = None) -> int | None:
    """The latest year any figure has a value for, else the plan's target year (`target`, or the figures' own)."""
    years = [s.latest_year() for s in series_list]
    known = [y for y in years if y is not None]
    if known:
        return max(known)
    return target if target is not None or not series_list else series_period(series_list[0]).target


def _table(figure, title: str, columns, rows, note: str = "") -> None:
    from .page_text import plot_table

    plot_table(figure, title, columns, rows)
    if note:
        figure.text(0.0, 0.01, note, fontsize=7.5, color="#555555", ha="left", va="bottom")


def _in_body(plot: Callable) -> Callable:
    """A page body drawing `plot` on a subfigure placed in the page's body rectangle (the layout engine's
    rect, which models.output.report.render sets below the header and heading). Subfigures fill their grid cell
    whole, so the margins are rows and columns of their own (as in models.output.report._indicator_page)."""
    def draw(fig) -> None:
        from matplotlib.gridspec import GridSpec

        left, bottom, width, height = fig.get_layout_engine().get()["rect"]
        grid = GridSpec(3, 3, figure=fig, height_ratios=[1 - bottom - height, height, bottom],
                        width_ratios=[left, width, 1 - left - width], hspace=0, wspace=0)
        slot = fig.add_subfigure(grid[1, 1])
        slot.patch.set_visible(False)
        plot(slot)
    return draw


def plan_pages(conn, year: int | None, page_cls: Callable, heading: str = "规划基数与重点任务") -> list:
    """The pages of the section (facts table, task counts, task table), as `page_cls(title, draw, heading=)`."""
    period = read_period(conn)
    series_list = facts.fact_series(conn)
    fact_year = year if year is not None and year > period.base else latest_fact_year(series_list, period.target)
    task_year = fact_year if fact_year in period.plan_years else period.target
    task_list = tasks.list_tasks(conn)
    pages = []
    columns = [("分组", 0.0, "left"), ("项目", 0.11, "left"), ("单位", 0.49, "left"),
               (f"{period.base}年\n规划数", 0.66, "right"),
               (f"{fact_year}年", 0.78, "right"), ("变化", 0.9, "right"), ("变化\n（%）", 1.0, "right")]
    rows = fact_rows(series_list, fact_year)
    for i in range(0, len(rows), FACT_ROWS_PER_PAGE):
        head = heading if i == 0 else ""
        plot = partial(_table, title=f"规划基数：{period.base}年与{fact_year}年对照", columns=columns,
                       rows=rows[i:i + FACT_ROWS_PER_PAGE], note="* 报表汇总值（无官方数值时采用）；约、余、近依规划原文。")
        pages.append(page_cls("规划基数", _in_body(plot), manual=True, heading=head))
    pages.append(page_cls("重点任务", _in_body(partial(plot_task_counts, task_list=task_list, year=task_year)),
                          manual=True))
    task_cols = [("编号", 0.0, "left"), ("任务", 0.07, "left"), ("涉及", 0.62, "left"), ("责任单位", 0.76, "left"),
                 (f"{task_year}年\n状态", 1.0, "right")]
    task_rows = [(t.code, _short(t.text, TASK_TEXT_WIDTH), _short(t.concerns(), 12), _short(t.unit or "", 14),
                  tasks.status_label(t.status(task_year))) for t in task_list]
    for i in range(0, len(task_rows), TASK_ROWS_PER_PAGE):
        part = task_rows[i:i + TASK_ROWS_PER_PAGE]
        plot = partial(_table, title=f"重点任务{task_year}年推进情况（{part[0][0]}—{part[-1][0]}）",
                       columns=task_cols, rows=part)
        pages.append(page_cls("重点任务", _in_body(plot), manual=True))
    return pages


def plot_task_counts(figure, task_list: list[tasks.Task], year: int) -> None:
    """Count per status of `year`: a table by chapter (rows) and status (columns), and a bar per status."""
    statuses = [*tasks.STATUSES, tasks.UNSET]
    chapters: dict[str, list[tasks.Task]] = {}
    for t in task_list:
        chapters.setdefault(t.chapter, []).append(t)
    top, bottom = figure.subfigures(2, 1, height_ratios=[1, 1], hspace=0.08)
    for sub in (top, bottom):
        sub.patch.set_visible(False)
    xs = [0.42 + i * 0.095 for i in range(len(statuses))]
    columns = [("章", 0.0, "left")] + [(tasks.status_label(s), x, "right") for s, x in zip(statuses, xs)]
    columns.append(("合计", 1.0, "right"))
    rows = []
    for chapter, items in chapters.items():
        c = tasks.status_counts(items, year)
        rows.append((_short(chapter, 26), *(str(c[s]) for s in statuses), str(len(items))))
    total = tasks.status_counts(task_list, year)
    rows.append(("合计", *(str(total[s]) for s in statuses), str(len(task_list))))
    from .page_text import plot_table

    plot_table(top, f"重点任务{year}年状态统计（项）", columns, rows)
    ax = bottom.add_subplot(111)
    labels = [tasks.status_label(s) for s in statuses]
    colors = [tasks.STATUS_COLORS.get(s, "#cfd8dc") for s in statuses]
    values = [total[s] for s in statuses]
    ax.bar(labels, values, color=colors)
    for i, v in enumerate(values):
        ax.text(i, v, str(v), ha="center", va="bottom", fontsize=9)
    ax.set_ylabel("项")
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    ax.set_title(f"{year}年各状态任务数（共{len(task_list)}项）", fontsize=11)
