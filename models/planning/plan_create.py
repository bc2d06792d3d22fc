"""A new park file from a plan definition (`python main.py new PATH --plan DEF.xlsx [--baseline-from OLD]`).

The file is built the way scripts/build_template.py builds the built-in one: the newest schema, the
plan's meta rows, every plan row, and one empty year row per year of the period (base … target; task
years base+1 … target). It is written beside the target and moved into place, in one transaction;
an existing file is never overwritten.

`--baseline-from OLD`: the previous plan's file (opened read-only, as any untrusted file) gives the new
baselines where codes match — an indicator's value used for assessment in the old target year, a
reference series' old target-year value as its new base-year value, a plan figure's old target-year
official value where the definition leaves its 基期值 blank. `CarryReport` says what was carried and
what was not.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..store.plan import INDUSTRY_FIELDS, ZONE_FIELDS
from .plan_definition import DefinitionError, PlanDefinition, Problem, TaskDef

_CN_NUMERALS = "一二三四五六七八九十"


@dataclass(frozen=True)
class Carried:
    """One value taken from the previous plan's file."""

    what: str          # 指标 / 参考序列 / 规划基数
    code: str
    name: str
    year: int          # the old file's target year the value is of
    value: float


@dataclass(frozen=True)
class NotCarried:
    what: str
    code: str
    name: str
    reason: str


@dataclass
class CarryReport:
    """What `--baseline-from` carried from the old file and what it did not (empty without it)."""

    source: str = ""
    year: int | None = None  # the old file's target year
    carried: list[Carried] = field(default_factory=list)
    not_carried: list[NotCarried] = field(default_factory=list)

    def lines(self) -> list[str]:
        """Chinese lines for the terminal."""
        if not self.source:
            return []
        out = [f"由上一规划文件“{self.source}”结转{len(self.carried)}项，未结转{len(self.not_carried)}项。"]
        out += [f"  已结转 {c.what} {c.code}（{c.name}）：{c.year}年数据 {_num(c.value)} 作为新基期值"
                for c in self.carried]
        out += [f"  未结转 {n.what} {n.code}（{n.name}）：{n.reason}" for n in self.not_carried]
        return out


def _num(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


class PlanCreateError(Exception):
    """The park file could not be created; str() is a Chinese message naming the file."""


def carry_source_text(name: str, year: int) -> str:
    return f"由上一规划文件{name}的{year}年数据结转"


def _task_codes(tasks: tuple[TaskDef, ...]) -> list[str]:
    """Each task's code: its own, or chapter.section.n (三、… → 3, (一)… → 1, else order of appearance)."""
    chapters: dict[str, int] = {}
    sections: dict[tuple[str, str], int] = {}
    counts: dict[tuple[str, str], int] = {}
    codes, used = [], {t.code for t in tasks if t.code}

    def numeral(text: str, fallback: int) -> int:
        head = text.lstrip("(（ ")
        if head and head[0] in _CN_NUMERALS:
            return _CN_NUMERALS.index(head[0]) + 1
        return fallback

    for task in tasks:
        ch = chapters.setdefault(task.chapter, numeral(task.chapter, len(chapters) + 1))
        key = (task.chapter, task.section)
        sec = sections.setdefault(key, numeral(task.section, sum(1 for k in sections if k[0] == task.chapter) + 1))
        counts[key] = counts.get(key, 0) + 1
        code = task.code
        while code is None or (not task.code and code in used):
            code = f"{ch}.{sec}.{counts[key]}"
            counts[key] += 1
        counts[key] -= 0 if task.code else 1
        used.add(code)
        codes.append(code)
    return codes


def _insert_plan(conn, defn: PlanDefinition) -> None:
    """Every row of the plan into a new file's empty tables (the template builder's order)."""
    period = defn.period
    years = period.years
    ins = conn.execute
    meta = {"plan_title": defn.name, "plan_title_en": defn.name_en, "park_name": defn.park,
            "period": period.label(), "base_year": str(period.base), "target_year": str(period.target),
            "issued": defn.published, "source_file": defn.source_file}
    for key, value in meta.items():
        ins("INSERT INTO meta (key, value) VALUES (?, ?)", (key, value))
    for seq, ind in enumerate(defn.indicators, 1):
        ins("INSERT INTO indicators (code, seq, name, name_en, unit, target_text, target, baseline, kind,"
            " direction, source, baseline_source, derivation, ref_series)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ind.code, seq, ind.name, ind.name_en, ind.unit, ind.target_text, ind.target, ind.baseline, ind.kind,
             ind.direction, ind.source, ind.baseline_source, ind.derivation, ",".join(ind.ref_series) or None))
        conn.executemany("INSERT INTO indicator_years (code, year) VALUES (?, ?)", [(ind.code, y) for y in years])
    for seq, ref in enumerate(defn.references, 1):
        ins("INSERT INTO reference_series (code, seq, name, name_en, unit) VALUES (?, ?, ?, ?, ?)",
            (ref.code, seq, ref.name, ref.name_en, ref.unit))
        conn.executemany("INSERT INTO reference_years (code, year) VALUES (?, ?)", [(ref.code, y) for y in years])
    for seq, ind in enumerate(defn.industries, 1):
        ins("INSERT INTO industries (name, seq, name_en, grp, goal, source, plan_group, plan_form,"
            " three_plus_three, group_label) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (ind.name, seq, ind.name_en, ind.grp, ind.goal, ind.source, ind.plan_group, ind.plan_form,
             int(ind.three_plus_three), ind.group_label))
        conn.executemany("INSERT INTO industry_years (industry, year, field) VALUES (?, ?, ?)",
                         [(ind.name, y, f) for y in years for f in INDUSTRY_FIELDS])
    for seq, zone in enumerate(defn.zones, 1):
        ins("INSERT INTO zones (name, seq, short_name, name_en, role, source) VALUES (?, ?, ?, ?, ?, ?)",
            (zone.name, seq, zone.short_name, zone.name_en, zone.role, zone.source))
        conn.executemany("INSERT INTO zone_years (zone, year, field) VALUES (?, ?, ?)",
                         [(zone.name, y, f) for y in years for f in ZONE_FIELDS])
    zoned = [p for p in defn.parks if p.zone]
    for seq, park in enumerate(zoned, 1):
        ins("INSERT INTO zone_parks (zone, seq, name, kind, source) VALUES (?, ?, ?, ?, ?)",
            (park.zone, seq, park.name, park.kind, park.source))
    for seq, park in enumerate((p for p in defn.parks if not p.zone), 1):
        ins("INSERT INTO unzoned_parks (seq, name, kind, industry, source) VALUES (?, ?, ?, ?, ?)",
            (seq, park.name, park.kind, park.industry, park.source))
    for seq, cat in enumerate(defn.talent, 1):
        ins("INSERT INTO talent_categories (code, seq, name, name_en, unit, grp, baseline, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (cat.code, seq, cat.name, cat.name_en, cat.unit, cat.grp, cat.baseline, cat.source))
        conn.executemany("INSERT INTO talent_years (code, year) VALUES (?, ?)", [(cat.code, y) for y in years])
    for seq, fact in enumerate(defn.facts, 1):
        ins("INSERT INTO plan_facts (code, seq, topic, name, value, unit, year, source, qualifier, plan_text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (fact.code, seq, fact.topic, fact.name, fact.baseline, fact.unit, period.base, fact.source,
             fact.qualifier, fact.plan_text))
        conn.executemany("INSERT INTO fact_years (code, year) VALUES (?, ?)", [(fact.code, y) for y in years])
    for seq, (task, code) in enumerate(zip(defn.tasks, _task_codes(defn.tasks)), 1):
        ins("INSERT INTO tasks (id, code, seq, chapter, section, title, text, industry, zone, unit, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (seq, code, seq, task.chapter, task.section, task.title, task.text, task.industry, task.zone,
             task.unit, task.source if task.source is not None else task.text))
        conn.executemany("INSERT INTO task_years (task_id, year) VALUES (?, ?)",
                         [(seq, y) for y in period.plan_years])


def _carry(defn: PlanDefinition, old_path: Path) -> tuple[PlanDefinition, dict[str, float], CarryReport]:
    """The definition with the old file's target-year values as baselines; {reference code: new base-year
    value}; what was carried. Raises PlanCreateError when the old file cannot be opened."""
    from ..store.db import ParkFileError, open_park
    from .figures import indicator_series
    from ..store.period import read_period

    report = CarryReport(source=old_path.name)
    try:
        old = open_park(old_path, read_only=True)
    except ParkFileError as exc:
        raise PlanCreateError(f"无法读取上一规划文件：{exc}") from None
    try:
        conn = old.conn
        try:
            year = read_period(conn).target
        except ValueError:
            raise PlanCreateError(f"上一规划文件“{old_path.name}”没有有效的规划期。") from None
        report.year = year
        note = carry_source_text(old_path.name, year)
        values: dict[str, float | None] = {}
        for series in indicator_series(conn):
            f = series.years.get(year)
            values[series.code] = f.value if f is not None else None
        old_refs = dict(conn.execute("SELECT code, value FROM reference_years WHERE year = ?", (year,)))
        old_ref_codes = {row[0] for row in conn.execute("SELECT code FROM reference_series")}
        old_facts = dict(conn.execute("SELECT code, official FROM fact_years WHERE year = ?", (year,)))
        old_fact_codes = {row[0] for row in conn.execute("SELECT code FROM plan_facts")}
    finally:
        old.close()

    indicators = []
    for ind in defn.indicators:
        if ind.code not in values:
            report.not_carried.append(NotCarried("指标", ind.code, ind.name, "上一规划文件中没有此代码"))
        elif values[ind.code] is None:
            report.not_carried.append(NotCarried("指标", ind.code, ind.name, f"上一规划文件中{year}年没有数据"))
        else:
            value = float(values[ind.code])
            ind = replace(ind, baseline=value, baseline_source=note)
            report.carried.append(Carried("指标", ind.code, ind.name, year, value))
        indicators.append(ind)
    refs: dict[str, float] = {}
    for ref in defn.references:
        if ref.code not in old_ref_codes:
            report.not_carried.append(NotCarried("参考序列", ref.code, ref.name, "上一规划文件中没有此代码"))
        elif old_refs.get(ref.code) is None:
            report.not_carried.append(NotCarried("参考序列", ref.code, ref.name, f"上一规划文件中{year}年没有数据"))
        else:
            refs[ref.code] = float(old_refs[ref.code])
            report.carried.append(Carried("参考序列", ref.code, ref.name, year, refs[ref.code]))
    facts = []
    for fact in defn.facts:
        if fact.baseline is None:
            if fact.code not in old_fact_codes:
                report.not_carried.append(NotCarried("规划基数", fact.code, fact.name, "上一规划文件中没有此代码"))
            elif old_facts.get(fact.code) is None:
                report.not_carried.append(NotCarried("规划基数", fact.code, fact.name,
                                                     f"上一规划文件中{year}年没有官方数据"))
            else:
                value = float(old_facts[fact.code])
                fact = replace(fact, baseline=value, source=fact.source or note)
                report.carried.append(Carried("规划基数", fact.code, fact.name, year, value))
        facts.append(fact)
    return replace(defn, indicators=tuple(indicators), facts=tuple(facts)), refs, report


def create_park(path: Path | str, defn: PlanDefinition, baseline_from: Path | str | None = None) -> CarryReport:
    """Create the park file `path` for the plan `defn`; never overwrites.

    With `baseline_from`, the previous plan's file gives baselines (module docstring). Raises
    DefinitionError when a 规划基数 still has no 基期值, PlanCreateError when the file cannot be made.
    """
    from ..store.db import new_empty_database
    from ..base.out_path import length_problem, os_reason, output_problem, partial_file

    path = Path(path)
    too_long = length_problem(path.absolute(), windows=os.name == "nt")
    if too_long:
        raise PlanCreateError(f"无法创建文件“{path}”：{too_long}。请换一个较短的名称或文件夹。")
    if path.exists():
        raise PlanCreateError(f"文件“{path}”已存在，未覆盖。")
    refs: dict[str, float] = {}
    report = CarryReport()
    if baseline_from is not None:
        defn, refs, report = _carry(defn, Path(baseline_from))
    missing = [Problem("规划基数", f.row or None, "基期值", f"“{f.code}”没有基期值，上一规划文件也未提供")
               for f in defn.facts if f.baseline is None]
    if missing:
        raise DefinitionError(missing)
    problem = output_problem(path)
    if problem:
        raise PlanCreateError(problem.replace("无法写入", "无法创建文件", 1))
    note = carry_source_text(report.source, report.year) if baseline_from else ""
    try:
        with partial_file(path) as partial:
            partial.unlink(missing_ok=True)
            conn = new_empty_database(partial)
            try:
                with conn:  # one transaction
                    _insert_plan(conn, defn)
                    for code, value in refs.items():
                        conn.execute("UPDATE reference_years SET value = ?, source = ? WHERE code = ? AND year = ?",
                                     (value, note, code, defn.base_year))
                conn.execute("VACUUM")
            finally:
                conn.close()
            if path.exists():
                raise FileExistsError(path)
    except FileExistsError:
        raise PlanCreateError(f"文件“{path}”已存在，未覆盖。") from None
    except OSError as exc:
        raise PlanCreateError(f"无法创建文件“{path}”：{os_reason(exc)}。") from exc
    return report


__all__ = ["Carried", "CarryReport", "NotCarried", "PlanCreateError", "carry_source_text", "create_park"]
