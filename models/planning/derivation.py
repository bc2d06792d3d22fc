"""报表口径: how an indicator's yearly value is derived from the accepted enterprise returns.

A plan definition gives each indicator one of a fixed list of forms (or leaves it blank: official
figures only). The text is what the park file stores in `indicators.derivation` and what the plan
definition workbook holds, e.g. ``sum(revenue) / 10000``:

    sum(COL)              Σ COL over the year's returns
    count_yes(COL)        number of returns answering 是 in COL
    count_year(COL)       number of returns whose COL equals the return's year
    share(A + B, C)       100 × Σ(A + B) ÷ Σ C  (a percentage; blanks in A, B count as 0)
    ratio(A, B)           Σ A ÷ Σ B over the returns that give both
    per_ref(COL, REF)     Σ COL ÷ the value of reference series REF in the year

Any form may be followed by `/ N` or `* N` (N a positive number): money is summed in 万元 and
`sum(revenue) / 10000` gives 亿元. COL is a return-form column key (models.store.return_form.COLUMNS).
A value is None when no return of the year gives it (never 0 for "nothing known").
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from ..store.return_form import COLUMNS

# Return-form columns a derivation may use: the numeric ones.
NUMERIC_COLUMNS = tuple(c.key for c in COLUMNS if c.kind in ("amount", "count", "bool", "listed_year"))
YES_COLUMNS = tuple(c.key for c in COLUMNS if c.kind == "bool")
YEAR_COLUMNS = tuple(c.key for c in COLUMNS if c.kind == "listed_year")

# form: (arguments, Chinese description, English description)
FORMS = {
    "sum": ("COL", "某列合计", "sum of a column"),
    "count_yes": ("COL", "某列填“是”的企业数", "count of 是 in a column"),
    "count_year": ("COL", "某年份列等于报告年度的企业数", "count of a year column equal to the year"),
    "share": ("A + B, C", "两列合计之比（百分比）", "share of two sums, in percent"),
    "ratio": ("A, B", "两列合计之比（两列均填报的企业）", "ratio of two sums over returns giving both"),
    "per_ref": ("COL, REF", "某列合计除以参考序列当年值", "a sum per reference series"),
}
EXAMPLES = (
    "sum(revenue) / 10000", "count_yes(high_tech)", "count_year(listed_year)",
    "share(returnees + foreign_staff, employees)", "ratio(energy, value_added)",
    "per_ref(invention_patents, resident_population)",
)

_FORM_RE = re.compile(r"^\s*([A-Za-z_]+)\s*[(（](.*)[)）]\s*(?:([*/])\s*([0-9]+(?:\.[0-9]+)?)\s*)?$")
_NAME_RE = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
# An office may write the operators and commas full-width, and a column by its title on the form.
_WIDE = str.maketrans({"，": ",", "＋": "+", "÷": "/", "×": "*", "／": "/", "＊": "*"})


def _column_names() -> dict[str, str]:
    """{a column's title on the return form, with or without its unit and “其中：”: its key}."""
    out = {}
    for c in COLUMNS:
        bare = re.sub(r"（[^（）]*）$", "", c.title)
        for name in {c.title, bare, c.title.removeprefix("其中："), bare.removeprefix("其中：")}:
            out.setdefault(name, c.key)
    return out


_COLUMN_NAMES = _column_names()


class DerivationError(ValueError):
    """A 报表口径 the app does not know; the message is Chinese and names what is wrong."""


@dataclass(frozen=True)
class Derivation:
    """One parsed 报表口径: its form, the return columns it reads, the reference series and the scale."""

    form: str
    columns: tuple[str, ...]         # share: numerator terms then the denominator; ratio: (A, B)
    ref: str | None = None           # per_ref's reference series code
    scale: float = 1.0               # multiplies the value (a `/ N` is stored as 1 / N)
    text: str = ""

    def aggregates(self) -> list[str]:
        """SQL aggregate expressions over `returns` (grouped by year) this form needs, in order."""
        c = self.columns
        if self.form in ("sum", "per_ref"):
            return [f"SUM({c[0]})"]
        if self.form == "count_yes":
            return [f"SUM({c[0]} = 1)"]
        if self.form == "count_year":
            return [f"SUM(CASE WHEN {c[0]} = year THEN 1 ELSE 0 END)"]
        if self.form == "share":
            terms = " + ".join(f"COALESCE({col}, 0)" for col in c[:-1])
            return [f"SUM({terms})", f"SUM({c[-1]})"]
        # ratio: only the returns that give both
        both = f"{c[0]} IS NOT NULL AND {c[1]} IS NOT NULL"
        return [f"SUM(CASE WHEN {both} THEN {c[0]} END)", f"SUM(CASE WHEN {both} THEN {c[1]} END)"]

    def value(self, sums: list, reference: float | None = None) -> float | None:
        """The derived value from this form's aggregates (see `aggregates`) and the reference value."""
        if self.form == "share":
            raw = _div(sums[0], sums[1], 100.0)
        elif self.form == "ratio":
            raw = _div(sums[0], sums[1])
        elif self.form == "per_ref":
            raw = _div(sums[0], reference)
        else:
            raw = sums[0]
        return None if raw is None else raw * self.scale

    def trace_where(self) -> str:
        """SQL condition picking the returns a value of this form came from (for tracing)."""
        c = self.columns
        if self.form == "count_yes":
            return f"{c[0]} = 1"
        if self.form == "count_year":
            return f"{c[0]} = year"
        return " OR ".join(f"{col} IS NOT NULL" for col in c)


def _div(a, b, scale: float = 1.0) -> float | None:
    if a is None or b is None or b == 0:
        return None
    return a / b * scale


def parse(text: str | None, reference_codes=()) -> Derivation | None:
    """The Derivation a 报表口径 text says, None for blank; DerivationError (Chinese) if it is not one.

    `reference_codes` are the reference series per_ref may name.
    """
    if text is None or not str(text).strip():
        return None
    text = str(text).strip()
    m = _FORM_RE.match(text.translate(_WIDE))
    if not m or m.group(1).lower() not in FORMS:
        raise DerivationError(f"报表口径“{text}”不是本软件提供的口径；可用的口径为：{'；'.join(EXAMPLES)}")
    form, args, op, number = m.groups()
    form = form.lower()
    scale = 1.0
    if op:
        n = float(number)
        if n <= 0 or not math.isfinite(n):
            raise DerivationError(f"报表口径“{text}”中的系数须为正数")
        scale = n if op == "*" else 1.0 / n
    parts = [p.strip() for p in args.split(",")]
    ref = None
    if form == "share":
        if len(parts) != 2:
            raise DerivationError(f"报表口径“{text}”应写作 share(A + B, C)")
        cols = [p.strip() for p in parts[0].split("+")] + [parts[1]]
    elif form in ("ratio", "per_ref"):
        if len(parts) != 2:
            raise DerivationError(f"报表口径“{text}”应写作 {form}({FORMS[form][0]})")
        cols = [parts[0]]
        if form == "ratio":
            cols.append(parts[1])
        else:
            ref = parts[1]
            if not _NAME_RE.match(ref) or (reference_codes and ref not in reference_codes):
                raise DerivationError(f"报表口径“{text}”中的参考序列“{ref}”不在“参考序列”表中")
    else:
        if len(parts) != 1:
            raise DerivationError(f"报表口径“{text}”应写作 {form}(列名)")
        cols = parts
    allowed = {"count_yes": YES_COLUMNS, "count_year": YEAR_COLUMNS}.get(form, NUMERIC_COLUMNS)
    cols = [_COLUMN_NAMES.get(col, col) for col in cols]
    for col in cols:
        if col not in allowed:
            raise DerivationError(f"报表口径“{text}”中的“{col}”不是可用于 {form} 的报表列；"
                                  f"可用的列为：{', '.join(allowed)}")
    return Derivation(form=form, columns=tuple(cols), ref=ref, scale=scale, text=text)


def describe(d: Derivation | None) -> str:
    """A Chinese sentence for a derivation, for the 规划设置 view and the report's notes."""
    if d is None:
        return "仅采用官方数据"
    from ..store.return_form import COLUMNS_BY_KEY

    def title(col: str) -> str:
        return COLUMNS_BY_KEY[col].title

    c = d.columns
    if d.form == "sum":
        out = f"{title(c[0])}合计"
    elif d.form == "count_yes":
        out = f"{title(c[0])}填“是”的企业数"
    elif d.form == "count_year":
        out = f"{title(c[0])}等于报告年度的企业数"
    elif d.form == "share":
        out = f"（{'＋'.join(title(x) for x in c[:-1])}）÷ {title(c[-1])} × 100%"
    elif d.form == "ratio":
        out = f"{title(c[0])}合计 ÷ {title(c[1])}合计（两项均填报的企业）"
    else:
        out = f"{title(c[0])}合计 ÷ 参考序列 {d.ref}"
    if d.scale != 1.0:
        out += f" × {d.scale:g}" if d.scale > 1 else f" ÷ {1 / d.scale:g}"
    return out


def reference_values(conn, code: str) -> dict[int, float | None]:
    """{year: value} of a reference series (district GDP, population …) as the file holds it."""
    return dict(conn.execute("SELECT year, value FROM reference_years WHERE code = ?", (code,)))


def derive(conn, derivations: dict[str, Derivation | None], years) -> dict[str, dict[int, float | None]]:
    """{code: {year: value or None}} for each derivation, over `years` (the file's period), in one query."""
    active = {code: d for code, d in derivations.items() if d is not None}
    out: dict[str, dict[int, float | None]] = {code: {y: None for y in years} for code in derivations}
    if not active:
        return out
    exprs, slices = [], {}
    for code, d in active.items():
        aggs = d.aggregates()
        slices[code] = (len(exprs), len(exprs) + len(aggs))
        exprs.extend(aggs)
    sql = f"SELECT year, {', '.join(exprs)} FROM returns GROUP BY year"
    refs = {d.ref for d in active.values() if d.ref}
    ref_values = {r: reference_values(conn, r) for r in refs}
    wanted = set(years)
    for row in conn.execute(sql):
        year = row[0]
        if year not in wanted:
            continue
        sums = row[1:]
        for code, d in active.items():
            lo, hi = slices[code]
            ref = ref_values[d.ref].get(year) if d.ref else None
            out[code][year] = d.value(list(sums[lo:hi]), ref)
    return out
