"""Charts of industries, zones and talent: pure functions drawing on a given matplotlib Figure.

Each `plot_xxx(figure, data, language="zh")` takes the figures of `models.planning.groups` (never a database)
and draws with Chinese titles and labels, or English ones with `language="en"` (the window in English; the words
come from models.output.chart_words, plan names stay as the plan file gives them), so the tabs
(widgets.chart_canvas.ChartCanvas) and the printed report (Chinese) share them. Get a Figure from `models.output.mpl.new_figure()`. Missing figures are left out (never drawn as 0) and a
chart with nothing to show says so. The years on an axis are those the figures are given for (the park
file's period, base … target), never constants.
"""

from __future__ import annotations

from ..planning.groups import GroupSeries, TalentSeries, growth, key_vs_rest, revenue_shares
from ..store.plan import FIELD_LABELS, TALENT_GROUPS
from .chart_words import LIST_SEPARATOR, plan_name, t, unit_label, with_unit
from .report_text import chinese_count

NO_DATA = "暂无数据"
REVENUE_COLOR = "#2f80c1"
TAX_COLOR = "#e0a100"
PLAN_COLOR = "#8a8a8a"
TARGET_COLOR = "#c62828"
KEY_COLOR = "#1b7f3b"
REST_COLOR = "#b0bec5"
ZONE_COLORS = ("#2f80c1", "#e0a100", "#1b7f3b")


# ------------------------------------------------------------------------------------- placing the axes
# A chart drawn into a slot of a report page (a SubFigure) places its axes by hand, with margins in inches
# for the tick labels, titles and legends: constrained layout, which measures every text of the page,
# took about a fifth of the report's time. A chart in a tab (a resizable top-level Figure with constrained
# layout) keeps the layout engine, which follows the window's size.
LEFT_IN, RIGHT_IN, TOP_IN, BOTTOM_IN = 0.8, 0.25, 0.45, 0.4   # room for y labels, title, x tick labels
TWIN_IN = 0.8                                                 # a second y axis on the right
LEGEND_ROW_IN = 0.24                                          # one row of a legend under the axes


def _by_hand(figure) -> bool:
    engine = figure.get_layout_engine() if figure.figure is figure else None
    return engine is None or type(engine).__name__ != "ConstrainedLayoutEngine"


def _inches(figure) -> tuple[float, float]:
    bbox = figure.bbox
    return bbox.width / figure.dpi, bbox.height / figure.dpi


def _axes(figure, *, right: float = RIGHT_IN, legend_rows: int = 0):
    """One Axes filling `figure` but for margins (inches): placed by hand, or by the figure's layout engine."""
    if not _by_hand(figure):
        return figure.add_subplot(111)
    width, height = _inches(figure)
    bottom = BOTTOM_IN + legend_rows * LEGEND_ROW_IN
    return figure.add_axes((LEFT_IN / width, bottom / height, max(0.2, 1 - (LEFT_IN + right) / width),
                            max(0.2, 1 - (TOP_IN + bottom) / height)))


def _grid(figure, rows: int, cols: int, *, legend_rows: int = 0) -> list:
    """rows × cols Axes (row by row) under a figure title, with a legend under them."""
    if not _by_hand(figure):
        return [figure.add_subplot(rows, cols, i + 1) for i in range(rows * cols)]
    width, height = _inches(figure)
    top, bottom = 0.4, 0.1 + legend_rows * LEGEND_ROW_IN           # figure title; legend
    cell_w, cell_h = (width - 0.1) / cols, (height - top - bottom) / rows
    left_in, right_in, title_in, ticks_in = 0.6, 0.15, 0.3, 0.3     # within each cell
    axes = []
    for i in range(rows * cols):
        r, c = divmod(i, cols)
        x = 0.05 + c * cell_w + left_in
        y = bottom + (rows - 1 - r) * cell_h + ticks_in
        axes.append(figure.add_axes((x / width, y / height, max(0.05, cell_w - left_in - right_in) / width,
                                     max(0.05, cell_h - title_in - ticks_in) / height)))
    return axes


def _legend_below(figure, *args, ncols: int, **kwargs) -> None:
    """A legend under the axes: outside them under constrained layout, else in the room left at the bottom."""
    loc = "lower center" if _by_hand(figure) else "outside lower center"
    figure.legend(*args, loc=loc, ncols=ncols, fontsize=8, frameon=False, **kwargs)


def _years(*mappings) -> list[int]:
    """The years of the given {year: …} mappings (a group's figures cover the file's whole period)."""
    return sorted({y for m in mappings for y in m})


def _years_axis(ax, years, language: str = "zh") -> None:
    from .charts import year_labels

    years = list(years)
    if years:
        labels, props = year_labels(years, language)
        ax.set_xticks(years, [str(y) for y in years] if not props else labels, **props)
        ax.set_xlim(years[0] - 0.6, years[-1] + 0.6)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)


def _no_data(ax, language: str = "zh") -> None:
    ax.text(0.5, 0.5, t(NO_DATA, language), transform=ax.transAxes, ha="center", va="center", fontsize=12, color=PLAN_COLOR)


def _known(values: dict[int, float | None]) -> tuple[list[int], list[float]]:
    pairs = [(y, v) for y, v in sorted(values.items()) if v is not None]
    return [p[0] for p in pairs], [p[1] for p in pairs]


def _num(value: float, unit: str | None = None) -> str:
    """A label's figure, the one way for its unit (models.base.numfmt): counts whole, % with 2 decimals."""
    from ..base.numfmt import format_number

    return format_number(value, unit)


def plot_industry(figure, series: GroupSeries, language: str = "zh") -> None:
    """One industry's revenue and tax (亿元, bars) over the plan's years with their year-on-year growth (%, lines)."""
    revenue, tax = series.values("revenue"), series.values("tax")
    gx, gy = _known(growth(revenue))
    tx, ty = _known(growth(tax))
    ax = _axes(figure, right=TWIN_IN if gy or ty else RIGHT_IN, legend_rows=2)
    width = 0.38
    xs, ys = _known(revenue)
    ax.bar([x - width / 2 for x in xs], ys, width, color=REVENUE_COLOR, label=with_unit(t("营业收入", language), "亿元", language))
    xt, yt = _known(tax)
    ax.bar([x + width / 2 for x in xt], yt, width, color=TAX_COLOR, label=with_unit(t("纳税总额", language), "亿元", language))
    ax.set_ylabel(unit_label("亿元", language))
    _years_axis(ax, _years(series.years), language)
    ax.set_title(t("{name}：营业收入、纳税总额及同比增长", language,
                   name=plan_name(series.name, series.name_en, language)))
    handles, labels = ax.get_legend_handles_labels()
    if gy or ty:
        ax2 = ax.twinx()
        if gy:
            ax2.plot(gx, gy, "o-", color="#0d47a1", label=t("营业收入同比增长（%）", language))
        if ty:
            ax2.plot(tx, ty, "s--", color="#8d6e00", label=t("纳税总额同比增长（%）", language))
        ax2.axhline(0, color=PLAN_COLOR, linewidth=0.8)
        ax2.set_ylabel(t("同比增长（%）", language))
        h2, l2 = ax2.get_legend_handles_labels()
        handles, labels = handles + h2, labels + l2
    if not ys and not yt:
        _no_data(ax, language)
    if handles:
        _legend_below(figure, handles, labels, ncols=2)


def plot_industry_shares(figure, series_list: list[GroupSeries], group_short: dict[str, str] | None = None,
                         language: str = "zh") -> None:
    """Every industry's share of park revenue per year (%), as stacked bars; the legend names each industry's
    group in the plan (`group_short`, e.g. 先导·3+3) where given."""
    from matplotlib import colormaps

    longest = max((len(plan_name(s.name, s.name_en, language)) * (0.55 if language == "en" else 1) + (len((group_short or {}).get(s.name) or "") + 2 if group_short else 0)
                   for s in series_list), default=0)
    ax = _axes(figure, right=0.25 + 0.13 * longest)
    shares = revenue_shares(series_list)
    colors = colormaps["tab20"].colors
    years = _years(*(s.years for s in series_list))
    bottom = {y: 0.0 for y in years}
    drawn = False
    for i, s in enumerate(series_list):
        xs, ys = _known(shares[s.name])
        if not ys:
            continue
        name = plan_name(s.name, s.name_en, language)
        if group_short and group_short.get(s.name):
            name = f"{name} ({group_short[s.name]})" if language == "en" else f"{name}（{group_short[s.name]}）"
        label = name
        ax.bar(xs, ys, 0.6, bottom=[bottom[x] for x in xs], color=colors[i % len(colors)], label=label)
        for x, y in zip(xs, ys):
            if y >= 6:
                ax.text(x, bottom[x] + y / 2, f"{_num(y, '%')}%", ha="center", va="center", fontsize=7)
            bottom[x] += y
        drawn = True
    ax.set_ylim(0, 100)
    ax.set_ylabel(t("占园区营业收入比重（%）", language))
    _years_axis(ax, years, language)
    ax.set_title(t("各产业营业收入占比", language))
    if drawn:
        ax.legend(loc="center left", bbox_to_anchor=(1.01, 0.5), fontsize=8, frameon=False)
    else:
        _no_data(ax, language)


def plot_key_vs_rest(figure, series_list: list[GroupSeries], language: str = "zh") -> None:
    """The "3+3" key industries' revenue against all other industries' (亿元), with the key share (%)."""
    ax = _axes(figure)
    data = key_vs_rest(series_list)
    width = 0.38
    kx, ky = _known(data["key"])
    rx, ry = _known(data["rest"])
    ax.bar([x - width / 2 for x in kx], ky, width, color=KEY_COLOR, label=t("“3+3”重点产业", language))
    ax.bar([x + width / 2 for x in rx], ry, width, color=REST_COLOR, label=t("其他产业", language))
    years = _years(data["key"], data["rest"])
    for year in years:
        key, rest = data["key"].get(year), data["rest"].get(year)
        if key is not None and (key + (rest or 0)) > 0:
            share = key / (key + (rest or 0)) * 100
            ax.annotate(f"{_num(share, '%')}%", (year - width / 2, key), ha="center", va="bottom", fontsize=8,
                        xytext=(0, 2), textcoords="offset points")
    ax.set_ylabel(with_unit(t("营业收入", language), "亿元", language))
    _years_axis(ax, years, language)
    ax.set_title(t("“3+3”重点产业与其他产业营业收入（标注为重点产业占比）", language))
    if ky or ry:
        ax.legend(loc="upper left", fontsize=8)
    else:
        _no_data(ax, language)


def plot_zones(figure, zones: list[GroupSeries], fields: tuple[str, ...] = ("revenue", "tax", "enterprises",
                                                                              "high_tech"),
               language: str = "zh") -> None:
    """The zones compared over the plan's years: one panel per field, grouped bars per zone."""
    n = len(fields)
    cols = 2 if n > 1 else 1
    rows = (n + cols - 1) // cols
    width = 0.8 / max(1, len(zones))
    anything = False
    years = _years(*(z.years for z in zones))
    for i, (fld, ax) in enumerate(zip(fields, _grid(figure, rows, cols, legend_rows=1))):
        name, name_en, unit = FIELD_LABELS[fld]
        for j, zone in enumerate(zones):
            xs, ys = _known(zone.values(fld))
            offset = (j - (len(zones) - 1) / 2) * width
            ax.bar([x + offset for x in xs], ys, width, color=ZONE_COLORS[j % len(ZONE_COLORS)],
                   label=plan_name(zone.name, zone.name_en, language))
            anything = anything or bool(ys)
        ax.set_title(with_unit(name_en if language == "en" else name, unit, language), fontsize=10)
        _years_axis(ax, years, language)
        ax.tick_params(labelsize=8 if len(years) <= 7 else 6.5)
    figure.suptitle(t("三大片区比较（{first}—{last}年）", language, first=years[0], last=years[-1]) if years
                    else t("三大片区比较", language))
    axes = figure.axes
    if anything:
        handles, labels = axes[0].get_legend_handles_labels()
        _legend_below(figure, handles, labels, ncols=len(zones))
    else:
        for ax in axes:
            _no_data(ax, language)


def plot_work_permits(figure, path: dict, language: str = "zh") -> None:
    """Work permits issued per year (bars), their cumulative sum since the base year and the planned path to the
    target.

    `path` is `models.planning.groups.permits_path(conn)`.
    """
    ax = _axes(figure)
    xs, ys = _known(path["yearly"])
    ax.bar(xs, ys, 0.5, color=REVENUE_COLOR, alpha=0.6, label=with_unit(t("当年发放", language), "人次", language))
    px, py = _known(path["planned"])
    if py:
        ax.plot(px, py, "--", color=PLAN_COLOR, marker=".", label=t("序时累计目标", language))
    cx, cy = _known(path["cumulative"])
    years = _years(path["yearly"], path["cumulative"])
    base = years[0] if years else None
    cx, cy = [x for x, y in zip(cx, cy) if x > base], [y for x, y in zip(cx, cy) if x > base]
    if cy:
        ax.plot(cx, cy, "o-", color=KEY_COLOR, label=t("实际累计", language))
        ax.annotate(_num(cy[-1], "人次"), (cx[-1], cy[-1]), xytext=(4, 4), textcoords="offset points", fontsize=8)
    if path.get("target"):
        ax.axhline(path["target"], color=TARGET_COLOR, linewidth=0.9)
        if len(years) > 1:
            span = chinese_count(len(years) - 1) if language != "en" else len(years) - 1
            words = t("{span}年累计目标", language, span=span)
        else:
            words = t("累计目标", language)
        ax.annotate(f"{words} {_num(path['target'], '人次')}", ((base or 0) - 0.5, path["target"]), xytext=(0, 3),
                    textcoords="offset points", fontsize=8, color=TARGET_COLOR)
        ax.set_ylim(0, max([path["target"] * 1.12, *cy, *ys]) if (cy or ys) else path["target"] * 1.12)
    ax.set_ylabel(unit_label("人次", language))
    _years_axis(ax, years, language)
    ax.set_title(t("外国人来华工作许可：累计数与序时目标", language))
    ax.legend(loc="center left", fontsize=8)
    if not ys:
        _no_data(ax, language)


def plot_returnee_share(figure, share: dict, language: str = "zh") -> None:
    """The share of returnees and foreign residents among employees (%) per year against the target.

    `share` is `models.planning.groups.returnee_share(conn)`.
    """
    ax = _axes(figure)
    xs, ys = _known(share["values"])
    ax.bar(xs, ys, 0.5, color=REVENUE_COLOR, label=t("占比（%）", language))
    for x, y in zip(xs, ys):
        ax.annotate(f"{_num(y, '%')}%", (x, y), ha="center", va="bottom", xytext=(0, 2), textcoords="offset points",
                    fontsize=8)
    target = share.get("target")
    years = _years(share["values"])
    if target is not None:
        when = t("{year}年目标", language, year=years[-1]) if years else t("目标", language)
        ax.axhline(target, color=TARGET_COLOR, linestyle="--", linewidth=1, label=f"{when} {_num(target, '%')}%")
        ax.set_ylim(0, max([target * 1.3, *[y * 1.15 for y in ys]]))
    ax.set_ylabel("%")
    _years_axis(ax, years, language)
    ax.set_title(t("从业人员中留学归国人员和外籍常住人员占比", language))
    ax.legend(loc="upper left", fontsize=8)
    if not ys:
        _no_data(ax, language)


def plot_talent_counts(figure, series_list: list[TalentSeries], groups: tuple[str, ...] = ("count",),
                       language: str = "zh") -> None:
    """The talent counts of the given groups (default: high-level talent) over the plan's years, one line each."""
    shown = sum(1 for s in series_list if s.category.grp in groups)
    ax = _axes(figure, legend_rows=(shown + 2) // 3)
    drawn = False
    units = []
    for s in series_list:
        if s.category.grp in groups and s.category.unit not in units:
            units.append(s.category.unit)
        if s.category.grp not in groups:
            continue
        xs, ys = _known(s.values())
        if not ys:
            continue
        ax.plot(xs, ys, "o-", label=plan_name(s.category.name, s.category.name_en, language))
        ax.annotate(_num(ys[-1], s.category.unit), (xs[-1], ys[-1]), xytext=(4, 0), textcoords="offset points", fontsize=8,
                    va="center")
        drawn = True
    ax.set_ylim(bottom=0)
    sep = LIST_SEPARATOR["en" if language == "en" else "zh"]
    ax.set_ylabel(sep.join(unit_label(u, language) for u in units))
    years = _years(*(s.years for s in series_list))
    _years_axis(ax, years, language)
    if tuple(groups) == ("count",):
        ax.set_title(t("高层次人才数量（{year}年为规划基数）", language, year=years[0]) if years
                     else t("高层次人才数量", language))
    else:
        span = t("（{first}—{last}年）", language, first=years[0], last=years[-1]) if years else ""
        ax.set_title(sep.join(TALENT_GROUPS[g][1 if language == "en" else 0] for g in groups) + span)
    if drawn:
        _legend_below(figure, ncols=3)
    else:
        _no_data(ax, language)
