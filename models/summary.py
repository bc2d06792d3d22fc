"""The `summary` command's content: every indicator's figures as one JSON-ready dict, or a Chinese table.

Shape (a missing figure is None, never 0; money in 亿元, shares in percent):

    {"file": ..., "year": Y, "indicators": {CODE: {"name", "unit", "kind", "direction", "baseline",
     "target", "target_text", "years": {"2020".."2025": {"value", "derived", "official", "planned",
     "status"}}, "projection_2025"}}}

Later parts add their own top-level keys ("industries", "zones", "talent") in `build_summary`.
"""

from __future__ import annotations

from typing import Any

from .figures import IndicatorSeries, indicator_series, latest_year_with_data, status_counts
from .plan import KIND_LABELS, STATUS_LABELS, STATUSES

DECIMALS = 6  # enough for every figure the plan uses; hides float noise such as 294.40000000000003


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    value = round(float(value), DECIMALS)
    return int(value) if value.is_integer() and abs(value) < 1e15 else value


def indicator_entry(series: IndicatorSeries) -> dict[str, Any]:
    ind = series.indicator
    return {
        "name": ind.name,
        "unit": ind.unit,
        "kind": ind.kind,
        "direction": ind.direction,
        "baseline": _num(ind.baseline),
        "target": _num(ind.target),
        "target_text": ind.target_text,
        "years": {
            str(year): {"value": _num(f.value), "derived": _num(f.derived), "official": _num(f.official),
                        "planned": _num(f.planned), "status": f.status}
            for year, f in sorted(series.years.items())
        },
        "projection_2025": _num(series.projection_2025),
    }


def build_summary(conn, file_label: str, year: int | None = None) -> dict[str, Any]:
    """The summary of the open park file; `year` defaults to the latest year with any value."""
    series_list = indicator_series(conn)
    if year is None:
        year = latest_year_with_data(conn, series_list)
    data: dict[str, Any] = {
        "file": file_label,
        "year": year,
        "indicators": {s.code: indicator_entry(s) for s in series_list},
    }
    from .groups import summary_sections

    data.update(summary_sections(conn))  # "industries", "zones", "talent"
    from . import facts, tasks
    from .plan import industry_plan_groups

    data["facts"] = facts.summary_section(conn)
    data["tasks"] = tasks.summary_section(conn)
    data["industry_groups"] = {g.name: {"plan_group": g.plan_group, "plan_group_name": g.label_zh(),
                                        "new_form": g.plan_form == "new_form",
                                        "three_plus_three": bool(g.three_plus_three)}
                               for g in industry_plan_groups(conn)}
    return data


def _text(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _width(text: str) -> int:
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def table_text(header: list[str], rows: list[list[str]]) -> str:
    """Rows padded into columns (CJK characters count double), for a terminal."""
    widths = [max(_width(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = ["  ".join(_pad(c, w) for c, w in zip(r, widths)).rstrip() for r in [header, *rows]]
    return "\n".join(lines)


def summary_text(data: dict[str, Any]) -> str:
    """A readable Chinese table of the summary for the selected year."""
    year = data["year"]
    key = str(year) if year is not None else None
    lines = [f"文件：{data['file']}", f"评估年份：{year if year is not None else '无数据'}", ""]
    header = ["指标", "单位", "2020年基数", "2025年目标", "目标类型", "当年值", "计划值", "状态", "2025年预计"]
    rows = []
    counts = {s: 0 for s in STATUSES}
    for entry in data["indicators"].values():
        y = entry["years"].get(key, {}) if key else {}
        status = y.get("status", "unassessed")
        counts[status] += 1
        rows.append([entry["name"], entry["unit"], _text(entry["baseline"]), entry["target_text"],
                     KIND_LABELS[entry["kind"]][0], _text(y.get("value")), _text(y.get("planned")),
                     STATUS_LABELS[status][0], _text(entry["projection_2025"])])
    lines.append(table_text(header, rows))
    lines.append("")
    lines.append("状态汇总：" + "，".join(f"{STATUS_LABELS[s][0]} {counts[s]} 项" for s in STATUSES))
    return "\n".join(lines)


__all__ = ["build_summary", "summary_text", "indicator_entry", "table_text", "status_counts"]
