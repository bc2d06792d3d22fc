"""The `summary` command's content: every indicator's figures as one JSON-ready dict, or a Chinese table.

Shape (a missing figure is None, never 0; money in 亿元, shares in percent):

    {"file": ..., "year": Y, "indicators": {CODE: {"name", "unit", "kind", "direction", "baseline",
     "target", "target_text", "years": {"BASE".."TARGET": {"value", "derived", "official", "planned",
     "status"}}, "projection", "projection_2025"}}, "plan": {"name", "park", "base_year", "target_year"}}

The years are the file's period (base year … target year, models.store.period). "projection" is the projected
target-year value (level) or total over the period (cumulative); "projection_2025" is the same value,
kept under its old name so the shape only grows. "plan" gives the plan's name (meta plan_title), the
park (meta park_name) and the period.

Later parts add their own top-level keys ("industries", "zones", "talent") in `build_summary`.

Final evaluation (issue 13) adds, keeping every key above:
- top level: "final" (true when the assessed year is the plan's last, the target year) and "status_counts"
  (the assessed year's count per status: the four final statuses in the target year);
- per indicator: "baseline" is now the baseline used (the office's when set, else the plan's),
  "baseline_plan" (the plan's, or null), "baseline_source" ("plan" / "office"), "baseline_office_source"
  (the office's note on it), "baseline_caveat" (规模以上企业口径 …, or null), "official_only" (true for
  indicators assessed on official figures only; their "derived" is a 报表口径参考值, never assessed);
- per year: cumulative indicators "cumulative" (the running total C_t, beside "value", the year's flow);
  keep-pace indicators "growth" and "reference_growth" (the year's, percent); in the final year
  "gap" (in the indicator's unit, percentage points for keep-pace, 0 once achieved) and "gap_text"
  (“差10家”), and for keep-pace "growth_period" and "district_growth_period" (percent, over the period).
"""

from __future__ import annotations

from typing import Any

from . import progress
from .figures import IndicatorSeries, indicator_series, latest_year_with_data, status_counts, statuses_for_year
from ..store.period import Period, read_period
from ..store.plan import KIND_LABELS, status_labels
from ..base.numfmt import json_number

DECIMALS = 6  # enough for every figure the plan uses; hides float noise such as 294.40000000000003


def _num(value: float | None) -> float | int | None:
    return json_number(value, DECIMALS)


def _year_entry(series: IndicatorSeries, year: int) -> dict[str, Any]:
    ind, f = series.indicator, series.years[year]
    entry: dict[str, Any] = {"value": _num(f.value), "derived": _num(f.derived), "official": _num(f.official),
                             "planned": _num(f.planned), "status": f.status}
    if ind.kind == "cumulative":
        entry["cumulative"] = _num(f.cumulative)
    if ind.kind == "keep_pace":
        entry["growth"] = _num(f.growth)
        entry["reference_growth"] = _num(f.reference_growth)
    if series.period.is_final(year):
        entry["gap"] = _num(f.gap)
        entry["gap_text"] = f.gap_text
        if ind.kind == "keep_pace":
            entry["growth_period"] = _num(f.growth_period)
            entry["district_growth_period"] = _num(f.district_growth_period)
    return entry


def indicator_entry(series: IndicatorSeries) -> dict[str, Any]:
    ind = series.indicator
    return {
        "name": ind.name,
        "unit": ind.unit,
        "kind": ind.kind,
        "direction": ind.direction,
        "baseline": _num(series.baseline),
        "baseline_plan": _num(series.baseline_plan),
        "baseline_source": series.baseline_source,
        "baseline_office_source": series.baseline_office_source,
        "baseline_caveat": series.baseline_caveat or None,
        "official_only": series.official_only,
        "target": _num(ind.target),
        "target_text": ind.target_text,
        "years": {str(year): _year_entry(series, year) for year in sorted(series.years)},
        "projection": _num(series.projection),
        "projection_2025": _num(series.projection),
    }


def plan_entry(conn, period: Period | None = None) -> dict[str, Any]:
    """{"name", "park", "base_year", "target_year"}: the plan's title and park (meta plan_title,
    park_name; None when absent) and its period."""
    period = read_period(conn) if period is None else period
    meta = dict(conn.execute("SELECT key, value FROM meta WHERE key IN ('plan_title', 'park_name')"))
    return {"name": meta.get("plan_title"), "park": meta.get("park_name"),
            "base_year": period.base, "target_year": period.target}


def build_summary(conn, file_label: str, year: int | None = None) -> dict[str, Any]:
    """The summary of the open park file; `year` defaults to the latest year with any value."""
    period = read_period(conn)
    series_list = indicator_series(conn, period)
    if year is None:
        year = latest_year_with_data(conn, series_list)
    data: dict[str, Any] = {
        "file": file_label,
        "year": year,
        "final": period.is_final(year),
        "indicators": {s.code: indicator_entry(s) for s in series_list},
        "status_counts": status_counts(series_list, year, period) if year is not None else {},
        "plan": plan_entry(conn, period),
    }
    from .groups import summary_sections

    data.update(summary_sections(conn))  # "industries", "zones", "talent"
    from . import facts, tasks
    from ..store.plan import industry_plan_groups

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


def _baseline_text(entry: dict[str, Any]) -> str:
    text = _text(entry["baseline"])
    notes = []
    if entry.get("baseline_source") == "office":
        notes.append("区定")
    if entry.get("baseline_caveat") and entry.get("baseline_source") != "office":
        notes.append(entry["baseline_caveat"])
    return text + (f"（{'；'.join(notes)}）" if notes and entry["baseline"] is not None else "")


def summary_text(data: dict[str, Any]) -> str:
    """A readable Chinese table of the summary for the selected year (the final evaluation in the target
    year)."""
    year = data["year"]
    period = Period(data["plan"]["base_year"], data["plan"]["target_year"])
    base, end = period.base, period.target
    key = str(year) if year is not None else None
    final = period.is_final(year)
    title = "评估年份：" + (f"{year}（规划期末，总结评估）" if final else str(year) if year is not None else "无数据")
    lines = [f"文件：{data['file']}", title, ""]
    header = ["指标", "单位", f"{base}年基期值", f"{end}年目标", "目标类型", "当年值（当年新增）", "累计", "计划值",
              "完成情况" if final else "状态", "差距" if final else f"{end}年预计"]
    rows = []
    shown = statuses_for_year(year, period)
    counts = {s: 0 for s in shown}
    for entry in data["indicators"].values():
        y = entry["years"].get(key, {}) if key else {}
        status = y.get("status", "unassessed")
        counts[status] = counts.get(status, 0) + 1
        value = _text(y.get("value"))
        if entry.get("official_only") and y.get("value") is None and y.get("derived") is not None:
            value += f"（报表口径参考值{_text(y.get('derived'))}）"
        last = y.get("gap_text") or "—" if final else _text(entry["projection"])
        if final and entry["kind"] == "keep_pace" and y.get("growth_period") is not None:
            last = f"年均{progress.change_text(y['growth_period'], 2)}，全区{progress.change_text(y.get('district_growth_period'), 2) or '—'}；{last}"
        rows.append([entry["name"], entry["unit"], _baseline_text(entry), entry["target_text"],
                     KIND_LABELS[entry["kind"]][0], value, _text(y.get("cumulative")), _text(y.get("planned")),
                     status_labels(status, year, period)[0], last])
    lines.append(table_text(header, rows))
    lines.append("")
    lines.append("状态汇总：" + "，".join(f"{status_labels(s, year, period)[0]} {counts.get(s, 0)} 项" for s in shown))
    if final:
        note = (f"注：累计类指标按{period.first}—{end}年累计数评估；“与区同步”类指标按{base}—{end}年年均增速与全区比较")
        if any(e.get("baseline_caveat") == "规模以上企业口径" for e in data["indicators"].values()):
            note += "；规划所列园区总收入、总税收基期值为规模以上企业口径"
        lines.append(note + "。")
    return "\n".join(lines)


__all__ = ["build_summary", "summary_text", "indicator_entry", "plan_entry", "table_text", "status_counts"]
