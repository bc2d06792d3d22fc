"""The Chinese sentences of the printed report, generated from the figures.

`indicator_comment()` gives the two-line comment under each indicator's chart, for example
"截至2023年，每万人发明专利拥有量为85件，完成目标进度52.4%，低于序时进度60%，进度滞后。" and a second line
with the projection to the target year. `number()` formats a figure the way the report prints it.

No year is a constant here: a series' years are its plan's period (`series_period`), and the words for the
plan (“十四五”) come from the park file's meta (`plan_label`).
"""

from __future__ import annotations

import re

from ..store.plan import FINAL_STATUS_LABELS, STATUS_LABELS
from ..base.numfmt import (POINTS, figure_unit, format_number, format_share, format_value, growth_text,
                     needed_per_year_text)
from ..store.period import Period
from ..store.plan import FINAL_STATUSES


def series_period(series) -> Period:
    """The period of an indicator's (or a group's) series: its own `period` when it has one, else the first
    and last of the years it holds figures for (base … target)."""
    period = getattr(series, "period", None)
    if period is not None:
        return period
    years = series.years if hasattr(series, "years") else series
    return Period(min(years), max(years))


_QUOTED = re.compile(r"[“\"]([^”\"]{1,12})[”\"]")


def plan_label(meta: dict) -> str:
    """The plan's short name as people say it (“十四五”, with its quotes): meta `plan_label` when the file
    has one, else the quoted part of the plan's title, else 规划 (“规划期间”)."""
    label = (meta.get("plan_label") or "").strip()
    if not label:
        found = _QUOTED.search(meta.get("plan_title") or "")
        label = found.group(1) if found else ""
    if not label:
        return "规划"
    return "“" + label.strip("“”\"") + "”"


_DIGITS = "零一二三四五六七八九"


def chinese_count(n: int) -> str:
    """A small count in Chinese numerals, as in 五年 / 十年 / 十五年 (1–99)."""
    if n < 10:
        return _DIGITS[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else _DIGITS[tens]) + "十" + (_DIGITS[ones] if ones else "")


def years_word(period: Period) -> str:
    """How many years the plan runs, in words: 五年 for 2021–2025, 十五年 for 2021–2035."""
    return chinese_count(period.length) + "年"


# How the sentence ends for each status ({target}: the plan's target year).
STATUS_ENDINGS = {
    "achieved": "已达成{target}年目标。",
    "on_track": "进度符合预期。",
    "slightly_behind": "进度略有滞后。",
    "behind": "进度滞后。",
    "unassessed": "暂无法评估。",
}


def number(value: float | None, digits: int = 2, unit: str | None = None, name: str | None = None) -> str:
    """A figure as printed. With its `unit`, the one way of writing numbers (models.base.numfmt: 亿元 2 decimals,
    万元 and counts whole, % 2 decimals, 吨标准煤/万元 4 decimals, thousands separated). Without a unit (a
    figure whose unit the caller does not know): whole numbers without decimals, others to `digits`
    places without trailing zeros, three significant digits below 1. "—" when missing."""
    if value is None:
        return "—"
    if unit is not None:  # a per-capita figure in a count unit (每万人…, 件) is a ratio: models.base.numfmt
        return format_number(value, figure_unit(name, unit))
    if abs(value - round(value)) < 10 ** -(digits + 1):
        return f"{round(value):,}"
    if abs(value) < 1:
        return f"{value:.3g}"  # small figures (energy per value added) keep three significant digits
    return f"{value:,.{digits}f}".rstrip("0").rstrip(".")


def with_unit(value: float | None, unit: str, name: str | None = None) -> str:
    """A figure followed by its unit, written the one way for the unit ("85件", "4.20%", "22.30亿元"; the
    figure `name`d 每万人… in 件 is a ratio, "93.5件"); "—" without unit when missing."""
    if value is None:
        return format_value(value, unit)
    return number(value, unit=unit, name=name) + unit


def percent(share: float | None) -> str:
    """A share (0.524) as a percentage with two decimals ("52.40%")."""
    return format_share(share)


def compare(a: float, b: float) -> str:
    """高于 / 低于 / 持平于: how `a` stands against `b` (after rounding to what is printed)."""
    if round(a, 4) > round(b, 4):
        return "高于"
    if round(a, 4) < round(b, 4):
        return "低于"
    return "持平于"


def status_label(status: str | None) -> str:
    return STATUS_LABELS.get(status or "unassessed", STATUS_LABELS["unassessed"])[0]


def _first_line(series, year: int) -> str:
    ind = series.indicator
    period = series_period(series)
    fig = series.years[year]
    status = fig.status or "unassessed"
    if year == period.base:  # the plan's baseline year: nothing to assess yet
        if fig.value is None:
            return f"{period.base}年为规划基期，{ind.name}暂无数据。"
        return f"{period.base}年为规划基期，{ind.name}为{with_unit(fig.value, ind.unit, ind.name)}。"
    head = f"截至{year}年，{ind.name}"
    if ind.kind == "cumulative":
        total = fig.cumulative
        if total is None:
            return f"{head}累计数暂缺，{STATUS_ENDINGS['unassessed']}"
        flow = with_unit(fig.value, ind.unit, ind.name)
        text = (f"{head}累计{with_unit(total, ind.unit, ind.name)}（当年新增{flow}，{years_word(period)}目标"
                f"{with_unit(ind.target, ind.unit, ind.name)}）")
    else:
        if fig.value is None:
            return f"{head}暂无数据，{STATUS_ENDINGS['unassessed']}"
        text = f"{head}为{with_unit(fig.value, ind.unit, ind.name)}"
    if status == "unassessed" and ind.kind == "level" and (ind.baseline is None or ind.target is None):
        missing = f"{period.base}年基期值" if ind.baseline is None else f"{period.target}年目标值"
        return f"{text}，缺少{missing}，{STATUS_ENDINGS['unassessed']}"
    if ind.kind in ("level", "cumulative") and fig.progress is not None and year > period.base:
        elapsed = period.tau(year)
        text += f"，完成目标进度{percent(fig.progress)}，{compare(fig.progress, elapsed)}序时进度{percent(elapsed)}"
    elif ind.kind == "keep_pace":
        if fig.growth is not None:
            text += f"，比上年{growth_text(fig.growth)}"
            if fig.reference_growth is not None:
                text += f"，{compare(fig.growth, fig.reference_growth)}全区增速{with_unit(fig.reference_growth, '%')}"
    elif ind.kind == "assigned":
        if fig.assigned is not None:
            text += f"，市下达指标为{with_unit(fig.assigned, ind.unit, ind.name)}"
    return f"{text}，{STATUS_ENDINGS.get(status, STATUS_ENDINGS['unassessed']).format(target=period.target)}"


def _second_line(series, year: int) -> str:
    ind = series.indicator
    if ind.kind not in ("level", "cumulative") or ind.target is None:
        return ""
    period = series_period(series)
    projected = series.projection
    # The projection extends the latest known figures: it belongs to a report on that year (or later).
    if year >= period.target or projected is None or series.latest_year is None or series.latest_year > year:
        return ""
    what = f"{years_word(period)}累计" if ind.kind == "cumulative" else f"{period.target}年"
    text = f"按现有趋势，预计{what}达到{with_unit(projected, ind.unit, ind.name)}"
    reached = projected >= ind.target if ind.direction == "higher" else projected <= ind.target
    text += "，可以完成目标" if reached else f"，{'未达' if ind.direction == 'higher' else '高于'}目标{with_unit(ind.target, ind.unit, ind.name)}"
    needed = series.needed_per_year
    if needed is not None and not reached:
        if ind.kind == "cumulative":
            text += f"；完成目标今后每年需新增{with_unit(needed, ind.unit, ind.name)}"
        else:
            verb = "提高" if needed >= 0 else "降低"  # a percentage rises by 个百分点 ("每年需提高0.07个百分点")
            amount = (needed_per_year_text(abs(needed), ind.unit) if ind.unit in ("%", "％")
                      else with_unit(abs(needed), ind.unit, ind.name))
            text += f"；完成目标今后每年需{verb}{amount}"
    return text + "。"


def indicator_comment(series, year: int) -> list[str]:
    """The comment printed under an indicator's chart: the status sentence, the projection sentence
    (when there is one) and the office's own assessment note of that year (when present).

    `series` is a `models.planning.figures.IndicatorSeries`.
    """
    lines = [_first_line(series, year)]
    second = _second_line(series, year)
    if second:
        lines.append(second)
    note = (series.years[year].note or "").strip()
    if note:
        lines.append(f"评估意见：{note}")
    return lines


# ---------------------------------------------------------------------------------------------- final evaluation
# The plan's last year is assessed for good: the final statuses (models.planning.progress) and how a report words them.
FINAL_ENDINGS = {
    "achieved": "完成目标。",
    "mostly_achieved": "基本完成目标。",
    "not_achieved": "未完成目标。",
    "unassessed": "无法评估。",
}


def period_head(label: str = "规划") -> str:
    """How a final sentence on the whole period begins: "“十四五”期间，"."""
    return f"{label}期间，"


def final_status_label(status: str | None) -> str:
    """完成 / 基本完成 / 未完成 / 无法评估."""
    return FINAL_STATUS_LABELS.get(status or "unassessed", FINAL_STATUS_LABELS["unassessed"])[0]


def change(percent_value: float | None, digits: int = 2) -> str:
    """A rate of change in words: "增长3.30%", "下降1.90%" (never "增长-1.90%"), "持平"; "—" when missing
    (models.base.numfmt.growth_text; `digits` is kept for callers)."""
    return growth_text(percent_value)


def movement(start: float | None, end: float | None, unit: str, start_note: str = "", name: str | None = None) -> str:
    """"由91.7亿元增至108亿元" / "由…降至…" / "保持在…"; `start_note` follows the first figure (a scope, in
    brackets). Without a start figure: "达到108亿元"."""
    if end is None:
        return "—"
    if start is None:
        return f"达到{with_unit(end, unit, name)}"
    first = with_unit(start, unit, name) + (f"（{start_note}）" if start_note else "")
    if number(start, unit=unit, name=name) == number(end, unit=unit, name=name):
        return f"保持在{with_unit(end, unit, name)}"
    return f"由{first}{'增至' if end > start else '降至'}{with_unit(end, unit, name)}"


def final_comment(name: str, unit: str, kind: str, status: str | None, *, direction: str = "higher",
                  baseline: float | None = None, value: float | None = None, target: float | None = None,
                  gap_text: str = "", progress: float | None = None, cumulative: float | None = None,
                  flows: dict[int, float | None] | None = None, growth: float | None = None,
                  district_growth: float | None = None, assigned: float | None = None,
                  baseline_note: str = "", period: Period, label: str = "规划") -> str:
    """The final evaluation's sentence on one indicator, in the past tense, built from its figures, e.g.
    "“十四五”期间，技术合同成交额由15亿元增至22.3亿元，超过规划目标21亿元，完成目标。"

    `status` is the final status and `gap_text` its distance from the target as models.planning.progress words it
    ("差10家"); `flows` the yearly figures base+1 … target of a cumulative indicator, `growth`/`district_growth`
    the average annual growth over the period in percent (keep pace), `assigned` the city's value. `period`
    is the plan's (its target year is the year assessed), `label` the plan's short name (“十四五”).
    Falling figures say 下降/降至, never a negative growth.
    """
    status = status if status in FINAL_ENDINGS else "unassessed"
    ending = FINAL_ENDINGS[status]
    year = period.target
    head = period_head(label)
    if kind == "cumulative":
        return _final_cumulative(name, unit, status, target, gap_text, cumulative, flows or {}, period, head)
    if value is None:
        return f"{name}{year}年数据暂缺，{ending}"
    if kind == "assigned":
        text = f"{year}年，{name}为{with_unit(value, unit, name)}"
        if assigned is None:
            return f"{text}，市下达指标暂缺，{ending}"
        if status == "achieved":
            word = "低于" if number(value, unit=unit, name=name) != number(assigned, unit=unit, name=name) else "达到"
            return f"{text}，{word}市下达指标{with_unit(assigned, unit, name)}，{ending}"
        text += f"，高于市下达指标{with_unit(assigned, unit, name)}"
        if assigned:
            text += f"，超出{with_unit((value / assigned - 1) * 100, '%')}"
        return f"{text}，{ending}"
    lower = direction == "lower"
    met = target is not None and (value <= target + 1e-9 if lower else value >= target - 1e-9)
    if baseline is None:
        text = f"{head}{name}{year}年{'达到' if met else '为'}{with_unit(value, unit, name)}"
    else:
        text = head + name + movement(baseline, value, unit, baseline_note, name)
    if kind == "keep_pace":
        if growth is not None:
            text += f"，年均{change(growth)}"
        if growth is None or district_growth is None:
            missing = f"{period.base}年基期值" if baseline is None else "全区同期增速"
            return f"{text}，{missing}暂缺，{ending}"
        text += f"，{compare(growth, district_growth)}全区同期年均{change(district_growth)}"
        if status != "achieved":
            text += f"，相差{with_unit(district_growth - growth, POINTS)}"
        return f"{text}，{ending}"
    if target is None:
        return f"{text}，规划未设定目标值，{ending}"
    if met:
        word = "达到" if number(value, unit=unit, name=name) == number(target, unit=unit, name=name) else ("低于" if lower else "超过")
        return f"{text}，{word}规划目标{with_unit(target, unit, name)}，{ending}"
    text += f"，{'高于' if lower else '低于'}规划目标{with_unit(target, unit, name)}"
    if baseline is None and status == "unassessed":
        return f"{text}，缺少{period.base}年基期值，{ending}"
    if gap_text:
        text += f"，{gap_text}"
    if progress is not None:
        text += f"，完成目标进度{percent(progress)}"
    return f"{text}，{ending}"


def _final_cumulative(name: str, unit: str, status: str, target: float | None, gap_text: str,
                      total: float | None, flows: dict[int, float | None], period: Period, head: str) -> str:
    ending = FINAL_ENDINGS[status]
    years = period.plan_years
    missing = [y for y in years if flows.get(y) is None]
    if total is None or missing:
        listed = "、".join(f"{y}年" for y in missing) or f"{period.target}年"
        return f"{name}缺少{listed}数据，{years_word(period)}累计数无法计算，{ending}"
    each = "、".join(number(flows[y], unit=unit, name=name) for y in years)
    text = f"{head}{name}累计{with_unit(total, unit, name)}（{period.first}—{period.target}年分别为{each}{unit}）"
    if target is None:
        return f"{text}，规划未设定目标值，{ending}"
    if status == "achieved":
        word = "达到" if number(total, unit=unit, name=name) == number(target, unit=unit, name=name) else "超过"
        return f"{text}，{word}规划目标{with_unit(target, unit, name)}，{ending}"
    text += f"，为规划目标{with_unit(target, unit, name)}的{percent(total / target) if target else '—'}"
    if gap_text:
        text += f"，{gap_text}"
    return f"{text}，{ending}"


def final_count_text(counts: dict[str, int], unmet: list[str] | None = None) -> str:
    """"规划确定的11项主要指标中，完成7项，基本完成1项，未完成2项，无法评估1项。" naming the unmet ones."""
    total = sum(counts.values())
    parts = [f"{final_status_label(s)}{counts.get(s, 0)}项" for s in FINAL_STATUSES if counts.get(s, 0)]
    text = f"规划确定的{total}项主要指标中，{'，'.join(parts) if parts else '尚无评估结果'}。"
    if unmet:
        text += f"未完成的指标为：{'、'.join(unmet)}。"
    return text
