"""Indicator charts, drawn on a given matplotlib Figure (the GUI and the printed report share them).

Labels are always Chinese: the printed report uses the same functions. No pyplot; get a Figure from
`models.mpl.new_figure()`.
"""

from __future__ import annotations

from .figures import IndicatorSeries
from .plan import STATUS_COLORS, STATUS_LABELS, STATUSES
from .progress import END, START
from .schema import YEARS

PLAN_COLOR = "#7a7a7a"
TARGET_COLOR = "#6a1b9a"
LINE_COLOR = "#455a64"


def _fmt(value: float) -> str:
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if 0 < abs(value) < 1:
        return f"{value:.3g}"  # 0.0495 stays 0.0495, not 0.05
    return f"{value:.2f}".rstrip("0").rstrip(".")


def plot_indicator(figure, series: IndicatorSeries, year: int | None = None, final: bool = False) -> None:
    """One indicator, 2020–2025: baseline, planned path, values coloured by status, projection, target.

    Cumulative indicators show running totals as bars against the planned running total. `year`, when
    given, is shaded as the year under assessment. `final` draws the final evaluation's chart instead
    (`plot_indicator_final`).
    """
    if final:
        plot_indicator_final(figure, series)
        return
    from matplotlib.lines import Line2D

    ind = series.indicator
    ax = figure.add_subplot(1, 1, 1)
    ax.set_title(f"{ind.name}（{ind.unit}）", fontsize=11)
    ax.set_xlim(START - 0.6, END + 0.6)
    ax.set_xticks(list(YEARS))
    ax.set_xticklabels([f"{y}年" for y in YEARS])
    ax.set_ylabel(ind.unit)
    ax.grid(axis="y", alpha=0.3)
    if year is not None:
        ax.axvspan(year - 0.45, year + 0.45, color="#fff3c4", alpha=0.6, zorder=0)

    handles = []
    if ind.kind == "cumulative":
        handles += _plot_cumulative(ax, series)
    else:
        handles += _plot_level(ax, series)

    shown = [f.status for f in series.years.values()
             if (f.cumulative if ind.kind == "cumulative" else f.value) is not None]
    for status in STATUSES:
        if status in shown:
            handles.append(Line2D([], [], marker="o", linestyle="", color=STATUS_COLORS[status],
                                  label=STATUS_LABELS[status][0]))
    has_data = any(f.value is not None for f in series.years.values())
    if not has_data and ind.target is None:
        ax.text(0.5, 0.5, "暂无数据", transform=ax.transAxes, ha="center", va="center", color=PLAN_COLOR,
                fontsize=12)
    if handles:
        ax.legend(handles=handles, fontsize=8, loc="best", framealpha=0.85)
    ax.margins(y=0.15)


def _plot_level(ax, series: IndicatorSeries) -> list:
    ind = series.indicator
    handles = []
    planned = [(y, f.planned) for y, f in series.years.items() if f.planned is not None]
    if planned:
        label = "市下达指标" if ind.kind == "assigned" else "计划路径"
        line, = ax.plot([p[0] for p in planned], [p[1] for p in planned], linestyle="--", marker=".",
                        color=PLAN_COLOR, label=label, zorder=2)
        handles.append(line)
    if ind.baseline is not None:
        base = ax.scatter([START], [ind.baseline], marker="s", s=60, facecolor="white", edgecolor="black",
                          label=f"2020年基数 {_fmt(ind.baseline)}", zorder=4)
        handles.append(base)
    known = [(y, f) for y, f in sorted(series.years.items()) if f.value is not None]
    if known:
        line, = ax.plot([y for y, _ in known], [f.value for _, f in known], color=LINE_COLOR, linewidth=1.5,
                        label="实际值", zorder=3)
        handles.append(line)
        ax.scatter([y for y, _ in known], [f.value for _, f in known], s=55, zorder=5,
                   c=[STATUS_COLORS[f.status] for _, f in known], edgecolors="white", linewidths=0.8)
        for y, f in known:
            ax.annotate(_fmt(f.value), (y, f.value), textcoords="offset points", xytext=(0, 8), ha="center",
                        fontsize=7, color=STATUS_COLORS[f.status])
            if ind.kind == "keep_pace" and f.growth is not None:
                ref = "—" if f.reference_growth is None else f"{f.reference_growth:.1f}%"
                ax.annotate(f"增速{f.growth:.1f}%\n区{ref}", (y, f.value), textcoords="offset points",
                            xytext=(0, -10), ha="center", va="top", fontsize=7, color=STATUS_COLORS[f.status])
    handles += _plot_projection(ax, series, [(y, f.value) for y, f in known])
    handles += _plot_target(ax, series)
    return handles


def _plot_cumulative(ax, series: IndicatorSeries) -> list:
    handles = []
    bars = [(y, f) for y, f in sorted(series.years.items()) if f.cumulative is not None]
    if bars:
        ax.bar([y for y, _ in bars], [f.cumulative for _, f in bars], width=0.6,
               color=[STATUS_COLORS[f.status] for _, f in bars], alpha=0.85, zorder=3)
        for y, f in bars:
            ax.annotate(_fmt(f.cumulative), (y, f.cumulative), textcoords="offset points", xytext=(0, 3),
                        ha="center", fontsize=7)
        from matplotlib.patches import Patch

        handles.append(Patch(color=LINE_COLOR, alpha=0.5, label="累计完成（柱）"))
    planned = [(y, f.planned) for y, f in series.years.items() if f.planned is not None]
    if planned:
        line, = ax.plot([p[0] for p in planned], [p[1] for p in planned], linestyle="--", marker=".",
                        color=PLAN_COLOR, label="计划累计", zorder=4)
        handles.append(line)
    totals = [(y, f.cumulative) for y, f in bars]
    handles += _plot_projection(ax, series, totals)
    handles += _plot_target(ax, series)
    ax.set_ylim(bottom=0)
    return handles


def _plot_projection(ax, series: IndicatorSeries, known: list[tuple[int, float]]) -> list:
    if series.projection_2025 is None or not known or known[-1][0] >= END:
        return []
    last_year, last_value = known[-1]
    line, = ax.plot([last_year, END], [last_value, series.projection_2025], linestyle=":", linewidth=2,
                    color=LINE_COLOR, label=f"预测2025年 {_fmt(series.projection_2025)}", zorder=3)
    ax.scatter([END], [series.projection_2025], marker="o", s=40, facecolor="white", edgecolor=LINE_COLOR,
               zorder=4)
    return [line]


def _plot_target(ax, series: IndicatorSeries) -> list:
    target = series.indicator.target
    if target is None:
        return []
    ax.axhline(target, color=TARGET_COLOR, linewidth=0.8, alpha=0.5, zorder=1)
    mark = ax.scatter([END], [target], marker="*", s=200, color=TARGET_COLOR, zorder=6,
                      label=f"2025年目标 {_fmt(target)}")
    return [mark]


# Final statuses (the plan's last year) and their colours; interim statuses keep STATUS_COLORS.
FINAL_COLORS = {"achieved": "#1b7f3b", "mostly_achieved": "#e0a100", "not_achieved": "#c62828",
                "unassessed": "#8a8a8a"}
FLOW_COLOR = "#90a4ae"
COUNT_UNITS = ("家", "个", "人次", "人")


def plot_indicator_final(figure, series: IndicatorSeries) -> None:
    """The final evaluation's chart of one indicator: the actual figures 2020–2025 against the planned path
    and the target, no projection; the 2025 point carries the final status's colour and label.

    Level and keep-pace indicators: the actual line against the planned path (the baseline the assessment
    uses, the office's where set). Cumulative indicators: each year's flow (当年新增, bars) and the running
    total (累计, line) against the planned running total. City-assigned: the value against the assigned line.
    """
    from matplotlib.lines import Line2D

    from .report_text import final_status_label

    ind = series.indicator
    final = series.years[END]
    status = final.status if final.status in FINAL_COLORS else "unassessed"
    color = FINAL_COLORS[status]
    ax = figure.add_subplot(1, 1, 1)
    ax.set_title(f"{ind.name}（{ind.unit}）", fontsize=11)
    ax.set_xlim(START - 0.6, END + 0.6)
    ax.set_xticks(list(YEARS))
    ax.set_xticklabels([f"{y}年" for y in YEARS])
    ax.set_ylabel(ind.unit)
    ax.grid(axis="y", alpha=0.3)
    handles = []
    baseline = getattr(series, "baseline", None)
    baseline = ind.baseline if baseline is None else baseline
    if ind.kind == "cumulative":
        flows = [(y, f.value) for y, f in sorted(series.years.items()) if y > START and f.value is not None]
        if flows:
            ax.bar([y for y, _ in flows], [v for _, v in flows], width=0.55, color=FLOW_COLOR, zorder=2)
            for y, v in flows:
                ax.annotate(_fmt(v), (y, v), textcoords="offset points", xytext=(0, 2), ha="center", va="bottom",
                            fontsize=7, color="#546e7a")
            from matplotlib.patches import Patch

            handles.append(Patch(color=FLOW_COLOR, label="当年新增（柱）"))
        planned = [(START, 0.0)] + [(y, f.planned) for y, f in sorted(series.years.items())
                                    if y > START and f.planned is not None]
        if len(planned) > 1:
            line, = ax.plot([p[0] for p in planned], [p[1] for p in planned], linestyle="--", marker=".",
                            color=PLAN_COLOR, label="计划累计", zorder=3)
            handles.append(line)
        totals = [(y, f.cumulative) for y, f in sorted(series.years.items()) if f.cumulative is not None]
        if totals:
            line, = ax.plot([y for y, _ in totals], [v for _, v in totals], color=LINE_COLOR, linewidth=1.6,
                            marker="o", markersize=4, label="累计", zorder=4)
            handles.append(line)
            for y, v in totals:
                ax.annotate(_fmt(v), (y, v), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=7,
                            color=LINE_COLOR)
        ax.set_ylim(bottom=0)
        final_value = final.cumulative
    else:
        if ind.kind == "assigned":
            assigned = [(y, f.assigned) for y, f in sorted(series.years.items()) if f.assigned is not None]
            if assigned:
                line, = ax.plot([p[0] for p in assigned], [p[1] for p in assigned], linestyle="--", marker=".",
                                color=PLAN_COLOR, label="市下达指标", zorder=2)
                handles.append(line)
        elif baseline is not None and ind.target is not None:
            line, = ax.plot([START, END], [baseline, ind.target], linestyle="--", marker=".", color=PLAN_COLOR,
                            label="计划路径", zorder=2)
            handles.append(line)
        if baseline is not None and ind.kind != "assigned":
            base = ax.scatter([START], [baseline], marker="s", s=60, facecolor="white", edgecolor="black",
                              label=f"2020年基期 {_fmt(baseline)}", zorder=5)
            handles.append(base)
        known = [(y, f.value) for y, f in sorted(series.years.items()) if f.value is not None]
        if known:
            line, = ax.plot([y for y, _ in known], [v for _, v in known], color=LINE_COLOR, linewidth=1.6,
                            marker="o", markersize=4, label="实际值", zorder=4)
            handles.append(line)
            for y, v in known:
                ax.annotate(_fmt(v), (y, v), textcoords="offset points", xytext=(0, 7), ha="center", fontsize=7,
                            color=LINE_COLOR)
        final_value = final.value
    if final_value is not None:
        ax.scatter([END], [final_value], s=90, color=color, edgecolors="white", linewidths=1, zorder=6)
        handles.append(Line2D([], [], marker="o", linestyle="", color=color,
                              label=f"{END}年：{final_status_label(status)}"))
    handles += _plot_target(ax, series)
    if final_value is None and not any(f.value is not None for f in series.years.values()):
        ax.text(0.5, 0.5, "暂无数据", transform=ax.transAxes, ha="center", va="center", color=PLAN_COLOR,
                fontsize=12)
    if ind.unit in COUNT_UNITS:  # whole numbers of enterprises, centres, permits: no 17.5 on the axis
        from matplotlib.ticker import MaxNLocator

        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    if handles:
        ax.legend(handles=handles, fontsize=8, loc="best", framealpha=0.85)
    ax.margins(y=0.15)
