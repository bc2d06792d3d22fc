"""Indicator charts, drawn on a given matplotlib Figure (the GUI and the printed report share them).

Labels are Chinese unless `language="en"` (the window in English; see models.output.chart_words): the
printed report uses the same functions in Chinese. No pyplot; get a Figure from
`models.output.mpl.new_figure()`.
"""

from __future__ import annotations

from ..planning.figures import IndicatorSeries
from ..base.numfmt import figure_unit, format_number, format_value, unit_text
from ..store.plan import STATUS_COLORS, STATUS_LABELS, STATUSES
from .chart_words import t, unit_label
from .report_text import series_period

PLAN_COLOR = "#7a7a7a"
TARGET_COLOR = "#6a1b9a"
LINE_COLOR = "#455a64"


def _fmt(value: float, unit: str | None = None) -> str:
    """A figure as every chart label writes it: the one formatter by unit (models.base.numfmt) — 0.0290 for
    吨标准煤/万元, 14 for a count (projections too), 1,533.63 for 亿元."""
    return format_number(value, unit)


# Labels in English (the window in English) come from the one table of models.output.chart_words;
# the printed report stays Chinese.
_t = t


def year_labels(years, language: str = "zh") -> tuple[list[str], dict]:
    """The tick labels of a year axis and their text properties, readable however long the plan: "2021年"
    up to seven years, "2021" up to eleven, and beyond (a 15-year plan) "2021" turned 45° in a smaller
    type so that sixteen labels do not run into one another."""
    years = list(years)
    if len(years) <= 7:
        return [f"{y}{_t('年', language)}" for y in years], {}
    if len(years) <= 11:
        return [str(y) for y in years], {"fontsize": 8.5}
    return [str(y) for y in years], {"fontsize": 7.5, "rotation": 45, "ha": "right", "rotation_mode": "anchor"}


def year_axis(ax, years, language: str = "zh") -> None:
    """An x axis over `years` (a plan's base … target year): one tick a year, labelled by `year_labels`."""
    years = list(years)
    ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    labels, props = year_labels(years, language)
    ax.set_xticks(years, labels, **props)


def chart_title(ind, language: str = "zh") -> str:
    """The chart's title: "技术合同成交额（亿元）", in English "Technology contract turnover (100M yuan)"."""
    if language == "en":
        unit = unit_text(ind.unit, "en")
        name = ind.name_en or ind.name
        return f"{name} ({unit})" if unit else name
    return f"{ind.name}（{ind.unit}）"


def _actual_line(ax, series: IndicatorSeries, points: list[tuple[int, float]], label: str):
    """The line of actual values (or running totals), each point labelled by the indicator's unit; a label
    at the target year sits beside the target's star, not under it. Returns the line for the legend."""
    ind = series.indicator
    unit = figure_unit(ind.name, ind.unit)
    line, = ax.plot([y for y, _ in points], [v for _, v in points], color=LINE_COLOR, linewidth=1.6,
                    marker="o", markersize=4, label=label, zorder=4)
    for y, v in points:
        beside = _label_beside_target(series, y)
        ax.annotate(_fmt(v, unit), (y, v), textcoords="offset points", xytext=(-9, 4) if beside else (0, 7),
                    ha="right" if beside else "center", fontsize=7, color=LINE_COLOR, zorder=7)
    return line


def _label_beside_target(series: IndicatorSeries, year: int) -> bool:
    """The year's label would sit under the target year's star: put it to the left of its point instead."""
    return year == series_period(series).target and series.indicator.target is not None


def plot_indicator(figure, series: IndicatorSeries, year: int | None = None, final: bool = False,
                   language: str = "zh") -> None:
    """One indicator over its plan's period (base … target year): baseline, planned path, values coloured by status, projection, target.

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
    ax.set_title(chart_title(ind, language), fontsize=11)
    year_axis(ax, series_period(series).years, language)
    ax.set_ylabel(unit_label(ind.unit, language))  # 家 → firms: a count's unit is left out after numbers only
    ax.grid(axis="y", alpha=0.3)
    if year is not None:
        ax.axvspan(year - 0.45, year + 0.45, color="#fff3c4", alpha=0.6, zorder=0)

    handles = []
    if ind.kind == "cumulative":
        handles += _plot_cumulative(ax, series, language)
    else:
        handles += _plot_level(ax, series, language)

    shown = [f.status for f in series.years.values()
             if (f.cumulative if ind.kind == "cumulative" else f.value) is not None]
    for status in STATUSES:
        if status in shown:
            handles.append(Line2D([], [], marker="o", linestyle="", color=STATUS_COLORS[status],
                                  label=STATUS_LABELS[status][1 if language == "en" else 0]))
    has_data = any(f.value is not None for f in series.years.values())
    if not has_data and ind.target is None:
        ax.text(0.5, 0.5, _t("暂无数据", language), transform=ax.transAxes, ha="center", va="center", color=PLAN_COLOR,
                fontsize=12)
    if handles:
        ax.legend(handles=handles, fontsize=8, loc="best", framealpha=0.85)
    ax.margins(y=0.15)


def _plot_level(ax, series: IndicatorSeries, language: str = "zh") -> list:
    ind = series.indicator
    handles = []
    planned = [(y, f.planned) for y, f in series.years.items() if f.planned is not None]
    if planned:
        label = _t("市下达指标" if ind.kind == "assigned" else "计划路径", language)
        line, = ax.plot([p[0] for p in planned], [p[1] for p in planned], linestyle="--", marker=".",
                        color=PLAN_COLOR, label=label, zorder=2)
        handles.append(line)
    if ind.baseline is not None:
        base_year = series_period(series).base
        base = ax.scatter([base_year], [ind.baseline], marker="s", s=60, facecolor="white", edgecolor="black",
                          label=f"{_t('{year}年基数', language, year=base_year)} "
                                f"{_fmt(ind.baseline, figure_unit(ind.name, ind.unit))}", zorder=4)
        handles.append(base)
    known = [(y, f) for y, f in sorted(series.years.items()) if f.value is not None]
    if known:
        line, = ax.plot([y for y, _ in known], [f.value for _, f in known], color=LINE_COLOR, linewidth=1.5,
                        label=_t("实际值", language), zorder=3)
        handles.append(line)
        ax.scatter([y for y, _ in known], [f.value for _, f in known], s=55, zorder=5,
                   c=[STATUS_COLORS[f.status] for _, f in known], edgecolors="white", linewidths=0.8)
        for y, f in known:
            beside = _label_beside_target(series, y)
            ax.annotate(_fmt(f.value, figure_unit(ind.name, ind.unit)), (y, f.value), textcoords="offset points",
                        xytext=(-9, 4) if beside else (0, 8), ha="right" if beside else "center",
                        fontsize=7, color=STATUS_COLORS[f.status], zorder=7)
            if ind.kind == "keep_pace" and f.growth is not None:
                ref = format_value(f.reference_growth, "%")
                text = (f"growth {format_value(f.growth, '%')}\ndistrict {ref}" if language == "en"
                        else f"增速{format_value(f.growth, '%')}\n区{ref}")
                ax.annotate(text, (y, f.value), textcoords="offset points",
                            xytext=(0, -10), ha="center", va="top", fontsize=7, color=STATUS_COLORS[f.status])
    handles += _plot_projection(ax, series, [(y, f.value) for y, f in known], language)
    handles += _plot_target(ax, series, language)
    return handles


def _plot_cumulative(ax, series: IndicatorSeries, language: str = "zh") -> list:
    ind = series.indicator
    handles = []
    bars = [(y, f) for y, f in sorted(series.years.items()) if f.cumulative is not None]
    if bars:
        ax.bar([y for y, _ in bars], [f.cumulative for _, f in bars], width=0.6,
               color=[STATUS_COLORS[f.status] for _, f in bars], alpha=0.85, zorder=3)
        for y, f in bars:
            beside = _label_beside_target(series, y)
            ax.annotate(_fmt(f.cumulative, figure_unit(ind.name, ind.unit)), (y, f.cumulative), textcoords="offset points",
                        xytext=(-9, 3) if beside else (0, 3), ha="right" if beside else "center", fontsize=7,
                        zorder=7)
        from matplotlib.patches import Patch

        handles.append(Patch(color=LINE_COLOR, alpha=0.5, label=_t("累计完成（柱）", language)))
    planned = [(y, f.planned) for y, f in series.years.items() if f.planned is not None]
    if planned:
        line, = ax.plot([p[0] for p in planned], [p[1] for p in planned], linestyle="--", marker=".",
                        color=PLAN_COLOR, label=_t("计划累计", language), zorder=4)
        handles.append(line)
    totals = [(y, f.cumulative) for y, f in bars]
    handles += _plot_projection(ax, series, totals, language)
    handles += _plot_target(ax, series, language)
    ax.set_ylim(bottom=0)
    return handles


def _plot_projection(ax, series: IndicatorSeries, known: list[tuple[int, float]], language: str = "zh") -> list:
    end = series_period(series).target
    projected = series.projection
    if projected is None or not known or known[-1][0] >= end:
        return []
    last_year, last_value = known[-1]
    unit = figure_unit(series.indicator.name, series.indicator.unit)
    line, = ax.plot([last_year, end], [last_value, projected], linestyle=":", linewidth=2, color=LINE_COLOR,
                    label=f"{_t('预测{year}年', language, year=end)} {_fmt(projected, unit)}", zorder=3)
    ax.scatter([end], [projected], marker="o", s=40, facecolor="white", edgecolor=LINE_COLOR, zorder=4)
    return [line]


def _plot_target(ax, series: IndicatorSeries, language: str = "zh") -> list:
    target = series.indicator.target
    if target is None:
        return []
    ax.axhline(target, color=TARGET_COLOR, linewidth=0.8, alpha=0.5, zorder=1)
    end = series_period(series).target
    mark = ax.scatter([end], [target], marker="*", s=200, color=TARGET_COLOR, zorder=6,
                      label=f"{_t('{year}年目标', language, year=end)} "
                            f"{_fmt(target, figure_unit(series.indicator.name, series.indicator.unit))}")
    return [mark]


# Final statuses (the plan's last year) and their colours; interim statuses keep STATUS_COLORS.
FINAL_COLORS = {"achieved": "#1b7f3b", "mostly_achieved": "#e0a100", "not_achieved": "#c62828",
                "unassessed": "#8a8a8a"}
FLOW_COLOR = "#90a4ae"
COUNT_UNITS = ("家", "个", "人次", "人")


def plot_indicator_final(figure, series: IndicatorSeries) -> None:
    """The final evaluation's chart of one indicator: the actual figures base … target year against the planned
    path and the target, no projection; the target year's point carries the final status's colour and label.

    Level and keep-pace indicators: the actual line against the planned path (the baseline the assessment
    uses, the office's where set). Cumulative indicators: each year's flow (当年新增, bars) and the running
    total (累计, line) against the planned running total. City-assigned: the value against the assigned line.
    """
    from matplotlib.lines import Line2D

    from .report_text import final_status_label

    ind = series.indicator
    period = series_period(series)
    base, end = period.base, period.target
    final = series.years[end]
    status = final.status if final.status in FINAL_COLORS else "unassessed"
    color = FINAL_COLORS[status]
    ax = figure.add_subplot(1, 1, 1)
    ax.set_title(chart_title(ind), fontsize=11)
    year_axis(ax, period.years)
    ax.set_ylabel(ind.unit)
    ax.grid(axis="y", alpha=0.3)
    handles = []
    baseline = getattr(series, "baseline", None)
    baseline = ind.baseline if baseline is None else baseline
    if ind.kind == "cumulative":
        flows = [(y, f.value) for y, f in sorted(series.years.items()) if y > base and f.value is not None]
        if flows:
            ax.bar([y for y, _ in flows], [v for _, v in flows], width=0.55, color=FLOW_COLOR, zorder=2)
            for y, v in flows:
                ax.annotate(_fmt(v, figure_unit(ind.name, ind.unit)), (y, v), textcoords="offset points", xytext=(0, 2), ha="center", va="bottom",
                            fontsize=7, color="#546e7a")
            from matplotlib.patches import Patch

            handles.append(Patch(color=FLOW_COLOR, label="当年新增（柱）"))
        planned = [(base, 0.0)] + [(y, f.planned) for y, f in sorted(series.years.items())
                                    if y > base and f.planned is not None]
        if len(planned) > 1:
            line, = ax.plot([p[0] for p in planned], [p[1] for p in planned], linestyle="--", marker=".",
                            color=PLAN_COLOR, label="计划累计", zorder=3)
            handles.append(line)
        totals = [(y, f.cumulative) for y, f in sorted(series.years.items()) if f.cumulative is not None]
        if totals:
            handles.append(_actual_line(ax, series, totals, "累计"))
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
            line, = ax.plot([base, end], [baseline, ind.target], linestyle="--", marker=".", color=PLAN_COLOR,
                            label="计划路径", zorder=2)
            handles.append(line)
        if baseline is not None and ind.kind != "assigned":
            mark = ax.scatter([base], [baseline], marker="s", s=60, facecolor="white", edgecolor="black",
                              label=f"{base}年基期 {_fmt(baseline, figure_unit(ind.name, ind.unit))}", zorder=5)
            handles.append(mark)
        known = [(y, f.value) for y, f in sorted(series.years.items()) if f.value is not None]
        if known:
            handles.append(_actual_line(ax, series, known, "实际值"))
        final_value = final.value
    if final_value is not None:
        ax.scatter([end], [final_value], s=90, color=color, edgecolors="white", linewidths=1, zorder=6)
        handles.append(Line2D([], [], marker="o", linestyle="", color=color,
                              label=f"{end}年：{final_status_label(status)}"))
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
