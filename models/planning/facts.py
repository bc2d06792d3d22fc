"""The plan's base-year figures (chapter 1, `plan_facts`) as yearly series over the file's period.

The base year (2020 for the built-in plan) holds the plan's figure with its sentence (and its qualifier
约/余/近 where the plan gives one); each later year an official value the office enters (`fact_years`),
and a value derived from the returns where the return form carries the figure:

- patent applications, invention applications, patent grants, invention grants: the sum of that
  year's returns (the enterprises' yearly flows); invention shares: invention / all × 100 of those sums;
- high-tech enterprises: the count of that year's returns marked 是.

The value of a year is the official figure if entered, else the derived one; the base year's is the plan's
figure.
A figure not known is None, never 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..base.numfmt import json_number as _num
from ..store.period import Period, read_period

TOPICS = {  # topic: (Chinese, English), in display order
    "economy": ("经济实力", "Economy"),
    "enterprises": ("科技企业", "Technology enterprises"),
    "industries": ("重点产业", "Key industries"),
    "institutions": ("研发机构", "Research bodies"),
    "carriers": ("双创平台", "Incubation carriers"),
    "ip": ("知识产权", "Intellectual property"),
}
PERCENT_UNIT = "%"

# code: (numerator column, denominator column or None). One column: the year's sum; "high_tech": a count.
DERIVED_FROM = {
    "patent_applications": ("patent_apps", None),
    "invention_applications": ("invention_apps", None),
    "invention_application_share": ("invention_apps", "patent_apps"),
    "patent_grants": ("patent_grants", None),
    "invention_grants": ("invention_grants", None),
    "invention_grant_share": ("invention_grants", "patent_grants"),
    "high_tech_enterprises": ("high_tech", None),
}
_SUMS_SQL = ("SELECT year, SUM(patent_apps), SUM(invention_apps), SUM(patent_grants), SUM(invention_grants),"
             " SUM(high_tech = 1), COUNT(*) FROM returns GROUP BY year")


class FactEntryError(ValueError):
    """An official value or note that cannot be stored; the message (Chinese) says why."""


@dataclass
class FactYear:
    year: int
    value: float | None
    derived: float | None
    official: float | None
    note: str | None


@dataclass
class FactSeries:
    """One plan figure and its years.

    Attributes:
        baseline: the plan's base-year figure; qualifier: 约/余/近 or None; plan_text: the plan's own words
        where it gives no numeral (三分之一); source: the plan's sentence.
    """

    code: str
    seq: int
    topic: str
    name: str
    unit: str
    baseline: float
    qualifier: str | None
    plan_text: str | None
    source: str
    years: dict[int, FactYear] = field(default_factory=dict)
    period: Period | None = None  # the park file's (fact_series sets it)

    @property
    def derivable(self) -> bool:
        return self.code in DERIVED_FROM

    def _base(self) -> int:
        return self.period.base if self.period is not None else min(self.years)

    def latest_year(self) -> int | None:
        """The latest year after the base year with a value, or None."""
        known = [y for y in sorted(self.years) if y > self._base() and self.years[y].value is not None]
        return known[-1] if known else None

    def change(self, year: int | None = None) -> tuple[float | None, float | None]:
        """(value of `year` − base-year figure, that as a % of it); None where unknown. `year` defaults to
        the target year."""
        if year is None:
            year = self.period.target if self.period is not None else max(self.years)
        value = self.years[year].value
        if value is None:
            return None, None
        diff = value - self.baseline
        return diff, (diff / self.baseline * 100.0 if self.baseline else None)

    def baseline_text(self) -> str:
        """The base-year figure as the plan gives it: with its qualifier (约10.2, 200余 …)."""
        return with_qualifier(self.baseline, self.qualifier)


def number_text(value: float | None) -> str:
    if value is None:
        return "—"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def with_qualifier(value: float | None, qualifier: str | None) -> str:
    """约10.2, 200余, 近1,000: a figure as the plan words it (余 follows the number, 约 and 近 precede it)."""
    text = number_text(value)
    if not qualifier or value is None:
        return text
    return f"{text}{qualifier}" if qualifier == "余" else f"{qualifier}{text}"


def derived_values(conn) -> dict[str, dict[int, float | None]]:
    """{fact code: {year: value derived from returns or None}} for the derivable facts, over the period."""
    years = read_period(conn).years
    sums: dict[int, dict[str, Any]] = {}
    for year, apps, inv_apps, grants, inv_grants, high_tech, _n in conn.execute(_SUMS_SQL):
        sums[year] = {"patent_apps": apps, "invention_apps": inv_apps, "patent_grants": grants,
                      "invention_grants": inv_grants, "high_tech": high_tech}
    out: dict[str, dict[int, float | None]] = {}
    for code, (num, den) in DERIVED_FROM.items():
        series = {}
        for year in years:
            s = sums.get(year)
            if s is None:
                series[year] = None
            elif den is None:
                series[year] = s[num]
            else:
                a, b = s[num], s[den]
                series[year] = a / b * 100.0 if a is not None and b else None
        out[code] = series
    return out


def fact_series(conn) -> list[FactSeries]:
    """Every plan figure with its years, in topic order (TOPICS) and then the plan's order."""
    period = read_period(conn)
    derived = derived_values(conn)
    official: dict[tuple[str, int], tuple[float | None, str | None]] = {
        (code, year): (value, note)
        for code, year, value, note in conn.execute("SELECT code, year, official, note FROM fact_years")}
    out = []
    for code, seq, topic, name, unit, value, qualifier, plan_text, source in conn.execute(
            "SELECT code, seq, topic, name, unit, value, qualifier, plan_text, source FROM plan_facts"):
        series = FactSeries(code, seq, topic, name, unit, value, qualifier, plan_text, source, period=period)
        for year in period.years:
            off, note = official.get((code, year), (None, None))
            der = derived.get(code, {}).get(year)
            if year == period.base:
                val = value
            else:
                val = off if off is not None else der
            series.years[year] = FactYear(year, val, der, off, note)
        out.append(series)
    order = list(TOPICS)
    out.sort(key=lambda s: (order.index(s.topic) if s.topic in order else len(order), s.seq))
    return out


def check_official(series: FactSeries, year: int, value: float | None) -> None:
    """Raise FactEntryError (Chinese) unless `value` may be stored as the official figure of `year`."""
    base = series._base()
    if year == base:
        raise FactEntryError(f"“{series.name}”{year}年为规划基数（{series.baseline_text()}{series.unit}），不能修改。")
    if year not in series.years:
        from ..returns.cells import outside_period

        period = series.period or Period(base, max(series.years))
        raise FactEntryError(f"“{series.name}”：{outside_period(year, period, '年份', with_base=False)}。")
    if value is None:
        return
    if value < 0:
        raise FactEntryError(f"“{series.name}”{year}年：数值不能为负数（填写了{number_text(value)}）。")
    if series.unit == PERCENT_UNIT and value > 100:
        raise FactEntryError(f"“{series.name}”{year}年：比例应在0—100之间（填写了{number_text(value)}）。")


def set_year(park, code: str, year: int, *, official: Any = ..., note: Any = ..., source: str = "gui",
             action: str = "edit") -> dict[str, tuple[Any, Any]]:
    """Set the official value and/or note of one fact-year as one audited transaction.

    Returns {field: (old, new)} for what changed (empty if nothing did). Raises FactEntryError.
    """
    series = next((s for s in fact_series(park.conn) if s.code == code), None)
    if series is None:
        raise FactEntryError(f"没有代码为“{code}”的规划基数。")
    changes: dict[str, Any] = {}
    if official is not ...:
        check_official(series, year, official)
        changes["official"] = None if official is None else float(official)
    if note is not ...:
        changes["note"] = (str(note).strip() or None) if note is not None else None
    row = park.conn.execute("SELECT official, note FROM fact_years WHERE code = ? AND year = ?",
                            (code, year)).fetchone()
    if row is None:
        raise FactEntryError(f"“{series.name}”没有{year}年的记录。")
    before = dict(zip(("official", "note"), row))
    diff = {k: (before[k], v) for k, v in changes.items() if before[k] != v}
    if diff:
        with park.transaction(action, source) as tx:
            tx.update("fact_years", {"code": code, "year": year}, {k: new for k, (_, new) in diff.items()})
    return diff


def summary_section(conn) -> dict[str, Any]:
    """`summary --json`'s "facts": {CODE: {name, unit, group, qualifier, baseline, source,
    years: {Y: {value, derived, official}}}} (plus plan_text, change and change_pct: the target year's
    value less the base-year figure, and that in percent; change_2025 and change_2025_pct are the same
    values under their old names)."""
    out = {}
    for s in fact_series(conn):
        diff, pct = s.change()
        out[s.code] = {
            "name": s.name, "unit": s.unit, "group": s.topic, "group_name": TOPICS.get(s.topic, (s.topic,))[0],
            "qualifier": s.qualifier, "plan_text": s.plan_text, "baseline": _num(s.baseline), "source": s.source,
            "years": {str(y): {"value": _num(f.value), "derived": _num(f.derived), "official": _num(f.official)}
                      for y, f in sorted(s.years.items())},
            "change": _num(diff), "change_pct": _num(pct),
            "change_2025": _num(diff), "change_2025_pct": _num(pct),
        }
    return out


__all__ = [
    "DERIVED_FROM",
    "TOPICS",
    "FactEntryError",
    "FactSeries",
    "FactYear",
    "check_official",
    "derived_values",
    "fact_series",
    "number_text",
    "set_year",
    "summary_section",
    "with_qualifier",
]
