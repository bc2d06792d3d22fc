"""The report's industries, zones and talent parts: each year's table of figures per industry or zone (with the
like-for-like growth when the year's returns are incomplete) and the charts of the window's tabs
(models.output.group_charts). The monitoring report (report) draws them; the final report (report_final)
takes their rows and charts."""

from __future__ import annotations

from typing import Callable

from . import report_text as rt
from .page_text import plot_table
from ..store import plan
from ..store.period import read_period
from ..store.plan import FIELD_LABELS, INDUSTRY_FIELDS


def _cell(cells, field: str) -> str:
    """An industry's or zone's figure in the report's tables, written the one way for its unit
    (家 whole, 亿元 with 2 decimals: "0.58", "3", "0.77" never side by side)."""
    return rt.number(cells[field].value, unit=FIELD_LABELS[field][2])


def group_rows(series, year: int, with_group: bool, group_short: dict[str, str] | None = None,
                lfl=None) -> tuple[list[tuple], tuple]:
    """Rows of `year`'s figures per industry or zone, and the total row. With `with_group`, an industry's
    group (the plan's chapter-4 group and its “3+3” mark, from `group_short`) and its revenue share.
    With `lfl` (a groups.LikeForLike of a year whose returns are incomplete) the revenue growth is the
    like-for-like one, over the enterprises that returned a form in both years."""
    from ..planning import groups

    shares = groups.revenue_shares(series) if with_group else {}
    rows = []
    for s in series:
        cells = s.years[year]
        growth = lfl.growth(s.name, "revenue") if lfl is not None else groups.growth(s.values("revenue"))[year]
        row = [s.name]
        if with_group:
            row.append((group_short or {}).get(s.name) or INDUSTRY_GROUP_SHORT[s.grp])
        row += [_cell(cells, "enterprises"), _cell(cells, "revenue"), rt.number(growth, unit="%"),
                _cell(cells, "tax"), _cell(cells, "high_tech")]
        if with_group:
            row.append(rt.number(shares[s.name][year], unit="%"))
        rows.append(tuple(row))
    total = groups.totals(series)
    revenue_total = {y: total[y]["revenue"].value for y in total}
    t = total[year]
    total_row = ["合计"] + ([""] if with_group else [])
    total_row += [_cell(t, "enterprises"), _cell(t, "revenue"),
                  rt.number(lfl.total_growth("revenue") if lfl is not None else groups.growth(revenue_total)[year],
                            unit="%"),
                  _cell(t, "tax"), _cell(t, "high_tech")]
    if with_group:
        total_row.append(rt.number(100.0, unit="%") if t["revenue"].value else "—")
    return rows, tuple(total_row)


def _like_for_like(conn, by: str, year: int):
    """(LikeForLike, the note saying so) when `year`'s returns are incomplete (some of last year's enterprises
    have not returned a form): the table's growth is then the like-for-like one. Else (None, "")."""
    from ..planning import groups

    if year <= read_period(conn).base:
        return None, ""
    lfl = groups.like_for_like(conn, by, year)
    if not lfl.incomplete:
        return None, ""
    return lfl, ("注：" + groups.like_for_like_sentence(lfl, None) +
                 "表中“同口径增长”为两年均报送企业的营业收入同比增速。")


def _figure_columns(lfl) -> list[tuple[str, str]]:
    if lfl is None:
        return FIGURE_COLUMNS
    return [("同口径\n增长（%）", a) if h.startswith("比上年") else (h, a) for h, a in FIGURE_COLUMNS]


INDUSTRY_GROUP_SHORT = {"key": "“3+3”", "traditional": "传统优势", "pioneer": "先导", "other": "其他"}
FIGURE_COLUMNS = [("企业数\n（家）", "right"), ("营业收入\n（亿元）", "right"), ("比上年\n增长（%）", "right"),
                   ("纳税总额\n（亿元）", "right"), ("高新技术\n企业（家）", "right")]


def _any(values: dict) -> bool:
    return any(v is not None for v in values.values())


def group_charts(conn, part: str, year: int) -> list[Callable]:
    """What the industries, zones or talent part shows, each a `plot(figure)`: a table of `year`'s figures
    (industries, zones) and the charts of the tab (models.output.group_charts)."""
    from functools import partial

    from . import group_charts as gc
    from ..planning import groups

    if part == "industries":
        series = groups.industry_series(conn)
        short = plan.industry_group_short(conn)
        lfl, note = _like_for_like(conn, "industry", year)
        rows, total = group_rows(series, year, with_group=True, group_short=short, lfl=lfl)
        xs = (0.44, 0.55, 0.66, 0.77, 0.88)
        columns = [("产业", 0.0, "left"), ("分组", 0.22, "left")]
        columns += [(h, x, a) for (h, a), x in zip(_figure_columns(lfl), xs)] + [("占园区营收\n比重（%）", 1.0, "right")]
        charts = [partial(plot_table, title=f"{year}年各产业主要指标", columns=columns, rows=rows, total_row=total,
                          note=note)]
        if any(v is not None for s in series for v in s.values("revenue").values()):  # no empty chart pages
            charts += [partial(gc.plot_industry_shares, series_list=series, group_short=short),
                       partial(gc.plot_key_vs_rest, series_list=series)]
        return charts
    if part == "zones":
        series = groups.zone_series(conn)
        lfl, note = _like_for_like(conn, "zone", year)
        rows, total = group_rows(series, year, with_group=False, lfl=lfl)
        xs = (0.44, 0.58, 0.72, 0.86, 1.0)
        columns = [("片区", 0.0, "left")] + [(h, x, a) for (h, a), x in zip(_figure_columns(lfl), xs)]
        charts = [partial(plot_table, title=f"{year}年各片区主要指标", columns=columns, rows=rows, total_row=total,
                          note=note)]
        if any(v is not None for s in series for fld in INDUSTRY_FIELDS for v in s.values(fld).values()):
            charts.append(partial(gc.plot_zones, zones=series))
        return charts
    if part == "talent":
        talent = groups.talent_series(conn)
        path, share = groups.permits_path(conn, talent), groups.returnee_share(conn)

        def counted(grp: str) -> bool:
            return any(v is not None for s in talent if s.category.grp == grp for v in s.values().values())

        # a chart without a figure ("暂无数据") is left out rather than printed as an empty page
        candidates = [(_any(path["yearly"]), partial(gc.plot_work_permits, path=path)),
                      (_any(share["values"]), partial(gc.plot_returnee_share, share=share)),
                      (counted("count"), partial(gc.plot_talent_counts, series_list=talent, groups=("count",))),
                      (counted("programme"),
                       partial(gc.plot_talent_counts, series_list=talent, groups=("programme",)))]
        return [plot for has_data, plot in candidates if has_data]
    raise ValueError(part)
