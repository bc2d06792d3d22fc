"""The Chinese sentences of the printed report, generated from the figures.

`indicator_comment()` gives the two-line comment under each indicator's chart, for example
"截至2023年，每万人发明专利拥有量为85件，完成目标进度52.4%，低于序时进度60%，进度滞后。" and a second line
with the projection to 2025. `number()` formats a figure the way the report prints it.
"""

from __future__ import annotations

from .plan import STATUS_LABELS

BASE_YEAR, END_YEAR = 2020, 2025

# How the sentence ends for each status.
STATUS_ENDINGS = {
    "achieved": "已达成2025年目标。",
    "on_track": "进度符合预期。",
    "slightly_behind": "进度略有滞后。",
    "behind": "进度滞后。",
    "unassessed": "暂无法评估。",
}


def number(value: float | None, digits: int = 2) -> str:
    """A figure as printed: whole numbers without decimals, others to `digits` places without trailing zeros
    (three significant digits below 1), thousands grouped from 10 000 up; "—" when missing."""
    if value is None:
        return "—"
    if abs(value - round(value)) < 10 ** -(digits + 1):
        text = f"{round(value):,}" if abs(value) >= 10_000 else f"{round(value)}"
        return text
    if abs(value) < 1:
        return f"{value:.3g}"  # small figures (energy per value added) keep three significant digits
    text = f"{value:,.{digits}f}" if abs(value) >= 10_000 else f"{value:.{digits}f}"
    return text.rstrip("0").rstrip(".")


def with_unit(value: float | None, unit: str) -> str:
    """A figure followed by its unit ("85件", "4.2%"); "—" without unit when missing."""
    return "—" if value is None else f"{number(value)}{unit}"


def percent(share: float | None) -> str:
    """A share (0.524) as a percentage with one decimal at most ("52.4%")."""
    return "—" if share is None else f"{number(share * 100, 1)}%"


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
    fig = series.years[year]
    status = fig.status or "unassessed"
    if year == BASE_YEAR:  # the plan's baseline year: nothing to assess yet
        if fig.value is None:
            return f"{BASE_YEAR}年为规划基期，{ind.name}暂无数据。"
        return f"{BASE_YEAR}年为规划基期，{ind.name}为{with_unit(fig.value, ind.unit)}。"
    head = f"截至{year}年，{ind.name}"
    if ind.kind == "cumulative":
        total = fig.cumulative
        if total is None:
            return f"{head}累计数暂缺，{STATUS_ENDINGS['unassessed']}"
        text = f"{head}五年累计{with_unit(total, ind.unit)}（目标{with_unit(ind.target, ind.unit)}）"
    else:
        if fig.value is None:
            return f"{head}暂无数据，{STATUS_ENDINGS['unassessed']}"
        text = f"{head}为{with_unit(fig.value, ind.unit)}"
    if status == "unassessed" and ind.kind == "level" and (ind.baseline is None or ind.target is None):
        missing = "2020年基期值" if ind.baseline is None else "2025年目标值"
        return f"{text}，缺少{missing}，{STATUS_ENDINGS['unassessed']}"
    if ind.kind in ("level", "cumulative") and fig.progress is not None and year > 2020:
        elapsed = (year - 2020) / 5
        text += f"，完成目标进度{percent(fig.progress)}，{compare(fig.progress, elapsed)}序时进度{percent(elapsed)}"
    elif ind.kind == "keep_pace":
        if fig.growth is not None:
            text += f"，比上年增长{number(fig.growth, 1)}%"
            if fig.reference_growth is not None:
                text += f"，{compare(fig.growth, fig.reference_growth)}全区增速{number(fig.reference_growth, 1)}%"
    elif ind.kind == "assigned":
        if fig.assigned is not None:
            text += f"，市下达指标为{with_unit(fig.assigned, ind.unit)}"
    return f"{text}，{STATUS_ENDINGS.get(status, STATUS_ENDINGS['unassessed'])}"


def _second_line(series, year: int) -> str:
    ind = series.indicator
    if ind.kind not in ("level", "cumulative") or ind.target is None:
        return ""
    projection = series.projection_2025
    # The projection extends the latest known figures: it belongs to a report on that year (or later).
    if year >= END_YEAR or projection is None or series.latest_year is None or series.latest_year > year:
        return ""
    what = "五年累计" if ind.kind == "cumulative" else "2025年"
    text = f"按现有趋势，预计{what}达到{with_unit(projection, ind.unit)}"
    reached = projection >= ind.target if ind.direction == "higher" else projection <= ind.target
    text += "，可以完成目标" if reached else f"，{'未达' if ind.direction == 'higher' else '高于'}目标{with_unit(ind.target, ind.unit)}"
    needed = series.needed_per_year
    if needed is not None and not reached:
        if ind.kind == "cumulative":
            text += f"；完成目标今后每年需新增{with_unit(needed, ind.unit)}"
        else:
            verb = "提高" if needed >= 0 else "降低"
            text += f"；完成目标今后每年需{verb}{with_unit(abs(needed), ind.unit)}"
    return text + "。"


def indicator_comment(series, year: int) -> list[str]:
    """The comment printed under an indicator's chart: the status sentence, the projection sentence
    (when there is one) and the office's own assessment note of that year (when present).

    `series` is a `models.figures.IndicatorSeries`.
    """
    lines = [_first_line(series, year)]
    second = _second_line(series, year)
    if second:
        lines.append(second)
    note = (series.years[year].note or "").strip()
    if note:
        lines.append(f"评估意见：{note}")
    return lines


def status_count_text(counts: dict[str, int]) -> str:
    """"达成目标2项，符合预期3项，……" for the statuses that occur, in the plan's order."""
    parts = [f"{status_label(status)}{n}项" for status, n in counts.items() if n]
    return "，".join(parts) if parts else "无"
