"""The A4 summary report of one year, in Chinese: built as matplotlib page figures, written to PDF or printed.

A report holds, in order: a cover (plan, park, year, date of the figures, file name); a table of the
eleven indicators (baseline, target, value, planned, status, projection) with the count per status; one
chart per indicator (`models.output.charts.plot_indicator`, two to a page) each with its comment
(`models.output.report_text`) and the office's assessment note; then, when chosen, the industries and zones
(a table of the year's figures and their charts) and talent (its charts): `models.output.report_groups`. Every
page but the cover carries a header, and every page a footer with the file's name and the page number; the
page's size and body, and ReportError, are `models.output.report_page`'s.

The same page figures give the PDF (`write_pdf`: matplotlib's PdfPages, TrueType fonts embedded,
vector charts) and the printed pages (`page_svgs`, drawn by Qt's SVG renderer onto a printer).

The plan's target year (the file's period, `models.store.period`) gives the final evaluation report instead: its content comes from
`models.output.report_final` (sections of paragraphs, tables, charts and indicator items) and is flowed onto
pages here (`document_pages`); `write_docx` writes the same content — or an interim year's report — as
an editable Word document (`models.output.report_docx`).
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Callable, Iterator

from . import report_text as rt
from .report_groups import group_charts
from .report_page import (A4_INCHES, BODY_RECT, SECTION_NUMBERS, SECTION_TITLES, ReportError,  # noqa: F401
                          date_text)  # ReportError: raised here and named so by callers
from ..store.period import Period, read_period
from ..store.plan import STATUS_COLORS, STATUSES

PARTS = ("indicators", "industries", "zones", "talent", "plan")
OPTIONAL_PARTS = PARTS[1:]
PART_LABELS = {
    "indicators": ("发展指标", "Indicators"),
    "industries": ("重点产业", "Industries"),
    "zones": ("三大片区", "Zones"),
    "talent": ("人才工作", "Talent"),
    "plan": ("规划基数与重点任务", "Plan figures and key tasks"),
}
INDICATORS_PER_PAGE = 2
CHARTS_PER_PAGE = 2
HEADING_HEIGHT = 0.035  # of the page, taken from the body by a section heading
TEXT_WIDTH = 104  # comment line width in half-width characters (a Chinese character counts 2)


@dataclass
class ReportData:
    """Everything the report prints, read from the park file once.

    Attributes:
        file_label: the park file's name, printed on the cover and in every footer.
        year: the year reported on.
        parts: the chosen parts, in report order ("indicators" always first).
        series: the eleven `models.planning.figures.IndicatorSeries`, in the plan's order.
        counts: {status: number of indicators} for `year`.
        meta: the park file's `meta` rows (plan_title, park_name, period, issued…).
        period: the file's plan period (base and target year): every year the report names comes from it.
        figures_date: when the figures last changed (the newest audit-log row), or None.
        conn: the open connection (the group charts read their own figures from it).
    """

    file_label: str
    year: int
    parts: tuple[str, ...]
    series: list
    counts: dict[str, int]
    meta: dict[str, str]
    figures_date: str | None
    period: Period
    conn: object = None
    final: bool = False  # the plan's last year: the final evaluation (models.output.report_final), not a monitoring report


@dataclass
class Page:
    """One page: its header title and the function that draws its body on an A4 figure."""

    title: str
    draw: Callable[[object], None]
    cover: bool = False
    manual: bool = False  # the page places everything itself (no constrained layout)
    heading: str = ""  # a section heading at the top of the body


def normalise_parts(parts) -> tuple[str, ...]:
    """The chosen parts in report order; the indicators are always in. Raises ValueError on an unknown part."""
    chosen = set(parts or ()) | {"indicators"}
    unknown = chosen - set(PARTS)
    if unknown:
        raise ValueError(", ".join(sorted(unknown)))
    return tuple(p for p in PARTS if p in chosen)


def load(conn, file_label: str, year: int | None = None, parts=("indicators",), final: bool = False) -> ReportData:
    """Read the figures the report prints (`year` None: the latest year with data, else the base year).

    The plan's target year (or `final`) gives the final evaluation report; `parts` None then means
    every part (an interim report's default is the indicators alone). A year outside the file's period
    raises ReportError.
    """
    from ..planning import figures

    period = read_period(conn)
    series = figures.indicator_series(conn)
    if final:
        year = period.target
    if year is None:
        year = figures.latest_year_with_data(conn) or period.base
    if year not in period:
        from ..returns.cells import outside_period

        raise ReportError(f"{outside_period(year, period)}，请选择{period.base}—{period.target}年中的一年。")
    final = period.is_final(year)
    if parts is None:
        parts = PARTS if final else ("indicators",)
    meta = dict(conn.execute("SELECT key, value FROM meta"))
    newest = conn.execute("SELECT MAX(at) FROM audit_log").fetchone()[0]
    counts = figures.status_counts(series, year) if not final else {}
    return ReportData(file_label=file_label, year=year, parts=normalise_parts(parts), series=series,
                      counts=counts, meta=meta, figures_date=newest, conn=conn, final=final, period=period)


# ---------------------------------------------------------------------------------------------- text helpers
def text_width(text: str) -> int:
    """Width in half-width characters: CJK and full-width punctuation count 2."""
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


# a number with its sign, separators, decimals and % sign: one unbreakable piece of a line
_TOKEN_RE = re.compile(r"[-+]?\d[\d,.]*%?|.", re.S)


def wrap(text: str, width: int = TEXT_WIDTH) -> list[str]:
    """Break a (Chinese) line into lines of at most `width` half-width characters; punctuation never starts a
    line, and a number (with its sign, separators, decimals and a % sign) is never broken across lines."""
    lines, current, used = [], "", 0
    for token in _TOKEN_RE.findall(text):
        w = sum(2 if ord(ch) > 0x2E7F else 1 for ch in token)
        if used + w > width and current and token[0] not in "，。；：、）”％%":
            lines.append(current)
            current, used = "", 0
        current += token
        used += w
    if current:
        lines.append(current)
    return lines


# ---------------------------------------------------------------------------------------------- pages
def _cover(data: ReportData) -> Callable:
    def draw(fig) -> None:
        title = data.meta.get("plan_title", "")
        fig.text(0.5, 0.74, title, ha="center", va="center", fontsize=17, color="#1f3f66")
        fig.text(0.5, 0.66, f"{data.year}年度实施情况监测报告", ha="center", fontsize=24, color="#1f3f66")
        fig.add_artist(_hline(fig, 0.2, 0.8, 0.62, "#2f5d8a", 1.5))
        rows = [
            ("园区", data.meta.get("park_name", "")),
            ("规划期", data.period.label()),
            ("报告年度", f"{data.year}年"),
            ("报告内容", "、".join(PART_LABELS[p][0] for p in data.parts)),
            ("数据更新日期", date_text(data.figures_date)),
            ("数据文件", data.file_label),
            ("生成日期", date_text(date.today().isoformat())),
        ]
        y = 0.54
        for key, value in rows:
            fig.text(0.30, y, f"{key}：", ha="right", fontsize=12, color="#444444")
            fig.text(0.31, y, value, ha="left", fontsize=12)
            y -= 0.035
    return draw


def _hline(fig, x0: float, x1: float, y: float, color: str, width: float):
    from matplotlib.lines import Line2D

    return Line2D([x0, x1], [y, y], transform=fig.transFigure, color=color, linewidth=width)


SUMMARY_COLUMNS = (  # (header, x of the column's anchor, alignment); {base} {target} {year}: the years
    ("指标", 0.0, "left"), ("单位", 0.335, "left"), ("{base}年\n基期", 0.49, "right"), ("{target}年\n目标", 0.585, "right"),
    ("{year}年\n数值", 0.70, "right"), ("{year}年\n序时计划", 0.80, "right"), ("状态", 0.825, "left"),
    ("{target}年\n预计", 1.0, "right"),
)


def _summary_table(data: ReportData) -> Callable:
    def draw(fig) -> None:
        ax = fig.add_axes(BODY_RECT)
        ax.set_axis_off()
        ax.set_xlim(0, 1)
        ax.set_ylim(0, 1)
        from .page_text import add_text_block

        words = add_text_block(fig, ax.transAxes)
        words.add(0, 0.985, f"一、主要发展指标完成情况（{data.year}年）", size=13, va="top", color="#1f3f66")
        header_y, row_h = 0.93, 0.05
        for header, x, align in SUMMARY_COLUMNS:
            words.add(x, header_y, header.format(year=data.year, base=data.period.base, target=data.period.target),
                      size=8.5, ha=align, va="center", linespacing=1.2)
        ax.axhline(header_y - row_h / 2, color="#333333", linewidth=0.8)
        y = header_y - row_h
        for i, s in enumerate(data.series):
            ind, fig_year = s.indicator, s.years[data.year]
            if i % 2 == 0:
                ax.axhspan(y - row_h / 2, y + row_h / 2, color="#f2f5f8", zorder=0)
            name_lines = wrap(f"{ind.seq}. {ind.name}", 30)
            words.add(0, y, "\n".join(name_lines[:2]), size=8, va="center", linespacing=1.25)
            words.add(0.335, y, "\n".join(wrap(ind.unit, 8)), size=8, va="center")
            unit = ind.unit
            target = rt.number(ind.target, unit=unit, name=ind.name) if ind.target is not None else "\n".join(wrap(ind.target_text, 10))
            if ind.kind == "cumulative":  # the running total (the status goes with it) and the year's flow
                value = f"累计{rt.number(fig_year.cumulative, unit=unit, name=ind.name)}\n当年新增{rt.number(fig_year.value, unit=unit, name=ind.name)}"
            else:
                value = rt.number(fig_year.value, unit=unit, name=ind.name)
            cells = (rt.number(s.baseline, unit=unit, name=ind.name), target, value, rt.number(fig_year.planned, unit=unit, name=ind.name))
            for (_, x, align), text in zip(SUMMARY_COLUMNS[2:6], cells):
                words.add(x, y, text, size=7.5 if "\n" in text else 8, ha=align, va="center", linespacing=1.1)
            status = fig_year.status or "unassessed"
            ax.text(0.835, y, rt.status_label(status), fontsize=8, va="center", color="white",
                    bbox=dict(boxstyle="round,pad=0.3", fc=STATUS_COLORS[status], ec="none"))
            words.add(1.0, y, rt.number(s.projection, unit=unit, name=ind.name), size=8, ha="right", va="center")
            y -= row_h
        ax.axhline(y + row_h / 2, color="#333333", linewidth=0.8)
        ax.text(0, y - 0.01, f"注：累计类指标列出{data.period.first}年以来累计数和当年新增数，状态按累计数判定；"
                "“与区同步”类指标按当年增速与全区增速比较。",
                fontsize=7.5, color="#555555", va="top")
        y -= 0.07
        ax.text(0, y, f"{data.year}年指标状态统计：", fontsize=10, va="center", color="#1f3f66")
        x = 0.0
        y -= 0.045
        for status in STATUSES:
            n = data.counts.get(status, 0)
            ax.text(x, y, f"{rt.status_label(status)}  {n}项", fontsize=9.5, va="center", color="white",
                    bbox=dict(boxstyle="round,pad=0.4", fc=STATUS_COLORS[status], ec="none"))
            x += 0.2
    return draw


def _frameless(*subfigures) -> None:
    # Their background patches draw nothing, but Qt's printer draws them as outlines (from the SVG).
    for sub in subfigures:
        sub.patch.set_visible(False)


# Where an indicator chart's axes sit in its slot (fractions of the slot): room for the y label and
# tick labels on the left, the title above and the year labels below.
INDICATOR_AXES_RECT = (0.085, 0.11, 0.895, 0.79)


def _indicator_page(data: ReportData, chunk: list) -> Callable:
    from .charts import plot_indicator

    def draw(fig) -> None:
        # Every indicator chart has the same frame (one axes, title above, year ticks below, legend
        # inside), so it is placed by hand rather than by constrained layout, which measured every text
        # of every chart and cost about a third of the report's time.
        from matplotlib.gridspec import GridSpec

        # Subfigures fill their grid whole (a GridSpec's margins do not move them), so the page margins
        # and the gaps between slots are rows and columns of their own.
        left, bottom, width, height = fig.get_layout_engine().get()["rect"]
        gap = 0.02
        slot = (height - gap * (INDICATORS_PER_PAGE - 1)) / INDICATORS_PER_PAGE
        rows = [1 - bottom - height] + [slot, gap] * (INDICATORS_PER_PAGE - 1) + [slot, bottom]
        grid = GridSpec(len(rows), 3, figure=fig, height_ratios=rows, width_ratios=[left, width, 1 - left - width],
                        hspace=0, wspace=0)
        slots = [fig.add_subfigure(grid[1 + 2 * i, 1]) for i in range(INDICATORS_PER_PAGE)]
        for slot, s in zip(slots, chunk):
            chart, comment = slot.subfigures(2, 1, height_ratios=[4.0, 1.25])
            _frameless(slot, chart, comment)
            plot_indicator(chart, s, data.year)
            for ax in chart.axes:
                ax.set_position(INDICATOR_AXES_RECT)
            lines = []
            for line in rt.indicator_comment(s, data.year):
                lines += wrap(line)
            comment.text(0.01, 0.95, "\n".join(lines), fontsize=9, va="top", ha="left", linespacing=1.5)
    return draw


def _chart_page(charts: list[Callable]) -> Callable:
    def draw(fig) -> None:
        slots = fig.subfigures(CHARTS_PER_PAGE, 1, hspace=0.05)
        _frameless(*slots)
        for slot, plot in zip(slots, charts):
            plot(slot)
    return draw




def pages(data: ReportData) -> list[Page]:
    """The report's pages, in order; the first page of each section carries its numbered heading."""
    if data.final:
        from . import report_final

        return document_pages(report_final.build(data))
    out = [Page("", _cover(data), cover=True, manual=True),
           Page("主要发展指标", _summary_table(data), manual=True)]
    sections = iter(SECTION_NUMBERS[1:])
    for i in range(0, len(data.series), INDICATORS_PER_PAGE):
        heading = f"{next(sections)}、{SECTION_TITLES['indicators']}" if i == 0 else ""
        out.append(Page("主要发展指标", _indicator_page(data, data.series[i:i + INDICATORS_PER_PAGE]), manual=True,
                        heading=heading))
    # The parts of charts (industries, zones, talent) follow one another without half-empty pages: a part
    # may begin in the lower half of a page, its heading above its first chart.
    run: list[tuple[str, str, Callable]] = []  # (part, heading of a part's first chart, plot)
    for part in data.parts[1:]:
        if part == "plan":
            out += _packed_pages(run)
            run = []
            from .report_plan import plan_pages

            out += plan_pages(data.conn, data.year, Page, heading=f"{next(sections)}、{SECTION_TITLES[part]}")
            continue
        charts = group_charts(data.conn, part, data.year)
        if not charts:  # nothing to show in this part (no figure at all): no page of empty charts
            continue
        heading = f"{next(sections)}、{SECTION_TITLES[part]}"
        run += [(part, heading if i == 0 else "", plot) for i, plot in enumerate(charts)]
    return out + _packed_pages(run)


def _headed(figure, heading: str, plot: Callable) -> None:
    """A section heading above a chart that begins a part in the lower half of a page."""
    top, body = figure.subfigures(2, 1, height_ratios=(0.07, 0.93))
    _frameless(top, body)
    top.text(0.0, 0.5, heading, ha="left", va="center", fontsize=13, color="#1f3f66")
    plot(body)


def _packed_pages(run: list[tuple[str, str, Callable]]) -> list[Page]:
    """Chart pages, CHARTS_PER_PAGE to a page, from the run of (part, heading, plot): a page's header names
    the part of its first chart, whose heading (if it begins a part) is the page's; a part beginning lower on
    the page has its heading above its chart."""
    from functools import partial

    pages = []
    for i in range(0, len(run), CHARTS_PER_PAGE):
        chunk = run[i:i + CHARTS_PER_PAGE]
        plots = [chunk[0][2]] + [partial(_headed, heading=h, plot=p) if h else p for _, h, p in chunk[1:]]
        pages.append(Page(PART_LABELS[chunk[0][0]][0], _chart_page(plots), heading=chunk[0][1]))
    return pages


def running_header(data: ReportData) -> str:
    """The text at the top of every page but the cover (and the PDF's title)."""
    if data.final:
        from .report_final import final_title

        return final_title(data.meta)
    return f"{data.meta.get('plan_title', '')} · {data.year}年度监测报告"


# ---------------------------------------------------------------------------------------------- flowed pages
# The final report (models.output.report_final.Document) is flowed onto pages: headings, paragraphs and tables
# are measured in lines, charts and indicator items take a fixed share of the page; what does not fit
# goes on the next page (tables continue with their header repeated).
PAGE_H_IN = A4_INCHES[1]
BODY_TOP = BODY_RECT[1] + BODY_RECT[3]
BODY_BOTTOM = BODY_RECT[1]
BODY_W_PT = BODY_RECT[2] * A4_INCHES[0] * 72
FONT = {"h1": 13.0, "h2": 11.0, "body": 10.0, "note": 8.0, "table": 8.0, "caption": 9.5}
SPACING = {"h1": 1.0, "h2": 1.0, "body": 1.65, "note": 1.5, "table": 1.3, "caption": 1.3}
HEADING_H = {"h1": 0.038, "h2": 0.03}
PARA_GAP = 0.006
CELL_PAD = 0.009
INDENT = "\u3000\u3000"  # two full-width spaces: a paragraph's first line is indented two characters


def line_height(style: str) -> float:
    """The height of one line of `style` as a share of the page."""
    return FONT[style] * SPACING[style] / 72 / PAGE_H_IN


def units(width_share: float, style: str) -> int:
    """How many half-width characters of `style` fit in `width_share` of the body's width. Digits, Latin
    letters and curly quotes are a little wider than half a CJK character: 6 % is kept in hand."""
    return max(2, int(width_share * BODY_W_PT / (FONT[style] / 2) * 0.94) - 1)


def para_lines(text: str, style: str = "body") -> list[str]:
    first = INDENT + text if style == "body" else text
    return wrap(first, units(1.0, style))


def cell_lines(table, row: tuple[str, ...]) -> list[list[str]]:
    total = sum(table.widths)
    out = []
    for text, w in zip(row, table.widths):
        lines = []
        for part in str(text).split("\n"):
            lines += wrap(part, units(w / total, "table") - 1) or [""]
        out.append(lines)
    return out


def row_height(table, row) -> float:
    return max(len(c) for c in cell_lines(table, row)) * line_height("table") + CELL_PAD


class _Flow:
    """Places blocks top to bottom on pages; each page is a list of (kind, y_top, height, payload)."""

    def __init__(self):
        self.pages: list[list[tuple]] = [[]]
        self.titles: list[str] = [""]
        self.y = BODY_TOP
        self.title = ""

    def room(self) -> float:
        return self.y - BODY_BOTTOM

    def new_page(self) -> None:
        if self.pages[-1]:
            self.pages.append([])
            self.titles.append(self.title)
        self.y = BODY_TOP

    def place(self, kind: str, height: float, payload) -> None:
        if height > self.room() + 1e-9 and self.y < BODY_TOP:
            self.new_page()
        self.pages[-1].append((kind, self.y, height, payload))
        self.y -= height

    def ensure(self, height: float) -> None:
        if height > self.room() + 1e-9:
            self.new_page()


def _first_height(block) -> float:
    """The least height of a block's first piece: what a heading above it must be kept with."""
    from . import report_final as rf

    if isinstance(block, rf.Paragraph):
        return line_height(block.style) * min(2, len(para_lines(block.text, block.style)))
    if isinstance(block, rf.Table):
        first = block.rows[0] if block.rows else block.header
        return HEADING_H["h2"] + row_height(block, block.header) + row_height(block, first)
    if isinstance(block, rf.Chart):
        return block.height
    if isinstance(block, rf.IndicatorItem):
        return _item_height(block)
    return 0.0


def _item_height(item) -> float:
    lines = sum(len(para_lines(t)) for t in item.paragraphs)
    return HEADING_H["h2"] + item.chart.height + lines * line_height("body") + PARA_GAP * (len(item.paragraphs) + 1)


def flow(document) -> _Flow:
    """Lay the document's sections out on pages (the cover is separate)."""
    from . import report_final as rf

    f = _Flow()
    for section in document.sections:
        f.title = section.title
        if f.pages[-1]:
            f.titles[-1] = f.titles[-1] or section.title
        first = section.blocks[0] if section.blocks else None
        f.ensure(HEADING_H["h1"] + (_first_height(first) if first is not None else 0))
        if not f.pages[-1]:
            f.titles[-1] = section.title
        f.place("h1", HEADING_H["h1"], section.heading)
        for block in section.blocks:
            if isinstance(block, rf.Paragraph):
                lh = line_height(block.style)
                for line in para_lines(block.text, block.style):
                    f.place(block.style, lh, line)
                f.y -= PARA_GAP
            elif isinstance(block, rf.Table):
                _flow_table(f, block)
            elif isinstance(block, rf.Chart):
                f.place("chart", block.height, block)
            elif isinstance(block, rf.IndicatorItem):
                f.ensure(_item_height(block))
                f.place("h2", HEADING_H["h2"], block.heading)
                f.place("chart", block.chart.height, block.chart)
                for text in block.paragraphs:
                    for line in para_lines(text):
                        f.place("body", line_height("body"), line)
                    f.y -= PARA_GAP
                f.y -= PARA_GAP
    return f


def _flow_table(f: _Flow, table) -> None:
    header_h = row_height(table, table.header)
    rows = list(table.rows) + ([table.total_row] if table.total_row else [])
    first_h = row_height(table, rows[0]) if rows else 0
    f.ensure(HEADING_H["h2"] + header_h + first_h)
    if table.title:
        f.place("caption", HEADING_H["h2"], table.title)
    f.place("thead", header_h, table)
    for i, row in enumerate(rows):
        h = row_height(table, row)
        if h > f.room() + 1e-9:
            f.new_page()
            f.place("thead", header_h, table)
        total = table.total_row is not None and i == len(rows) - 1
        f.place("total" if total else "row", h, (table, row, i))
    f.place("tend", 0.012, table)


def _column_x(table) -> list[tuple[float, float]]:
    """(left, right) of each column in figure coordinates."""
    total = sum(table.widths)
    left, out = BODY_RECT[0], []
    for w in table.widths:
        width = w / total * BODY_RECT[2]
        out.append((left, left + width))
        left += width
    return out


def _draw_row(fig, table, row, y: float, h: float, shade: bool, bold: bool = False, cells=None) -> None:
    """One table row at `y` (its top), `h` high: shading, then each cell's lines into `cells` (a TextBlock)."""
    from matplotlib.patches import Rectangle

    if shade:
        fig.add_artist(Rectangle((BODY_RECT[0], y - h), BODY_RECT[2], h, transform=fig.transFigure,
                                 facecolor="#f2f5f8", edgecolor="none", zorder=0))
    pad = 0.004
    for (x0, x1), lines, align in zip(_column_x(table), cell_lines(table, row), table.align):
        x = {"left": x0 + pad, "right": x1 - pad, "center": (x0 + x1) / 2}[align]
        cells.add(x, y - h / 2, "\n".join(lines), size=FONT["table"], ha=align, va="center",
                  linespacing=SPACING["table"], color="#1f3f66" if bold else "#222222")


def _draw_flow_page(items: list[tuple]) -> tuple[Callable, bool]:
    """The draw function of one flowed page, and whether it needs the layout engine (a laid-out chart)."""
    needs_layout = any(kind == "chart" and not payload.manual for kind, _, _, payload in items)

    def draw(fig) -> None:
        from matplotlib.gridspec import GridSpec

        from .page_text import add_text_block

        left, width = BODY_RECT[0], BODY_RECT[2]
        right = left + width
        text = add_text_block(fig)
        for kind, y, h, payload in items:
            if kind in ("h1", "h2", "caption"):
                size = FONT[kind]
                x, ha = (left + width / 2, "center") if kind == "caption" else (left, "left")
                text.add(x, y - h / 2, payload, size=size, ha=ha, va="center",
                         color="#1f3f66" if kind != "caption" else "#222222")
            elif kind in ("body", "note"):
                text.add(left, y, payload, size=FONT[kind], va="top", ha="left",
                         color="#222222" if kind == "body" else "#555555")
            elif kind == "thead":
                fig.add_artist(_hline(fig, left, right, y, "#333333", 1.0))
                _draw_row(fig, payload, payload.header, y, h, shade=False, bold=True, cells=text)
                fig.add_artist(_hline(fig, left, right, y - h, "#333333", 0.6))
            elif kind in ("row", "total"):
                table, row, index = payload
                if kind == "total":
                    fig.add_artist(_hline(fig, left, right, y, "#333333", 0.5))
                _draw_row(fig, table, row, y, h, shade=kind == "row" and index % 2 == 1, cells=text)
            elif kind == "tend":
                fig.add_artist(_hline(fig, left, right, y, "#333333", 1.0))
            elif kind == "chart":
                top = 1 - y
                grid = GridSpec(3, 3, figure=fig, height_ratios=[max(top, 1e-6), h, max(1 - top - h, 1e-6)],
                                width_ratios=[left, width, 1 - right], hspace=0, wspace=0)
                sub = fig.add_subfigure(grid[1, 1])
                _frameless(sub)
                payload.plot(sub)
                if payload.manual and payload.axes_rect:
                    for ax in sub.axes:
                        ax.set_position(payload.axes_rect)
    return draw, needs_layout


def document_pages(document) -> list[Page]:
    """The final report's pages: its cover, then the sections flowed onto A4 pages."""
    out = [Page("", _document_cover(document), cover=True, manual=True)]
    f = flow(document)
    for items, title in zip(f.pages, f.titles):
        if not items:
            continue
        draw, needs_layout = _draw_flow_page(items)
        out.append(Page(title, draw, manual=not needs_layout))
    return out


def split_title(title: str, width: int = 44) -> list[str]:
    """The cover title on at most a few lines, broken after the plan's name where it is long."""
    marker = "规划"
    if text_width(title) > width and marker in title:
        cut = title.rfind(marker) + len(marker)
        head, tail = title[:cut], title[cut:]
        if tail:
            return wrap(head, width) + wrap(tail, width)
    return wrap(title, width)


def _document_cover(document) -> Callable:
    def draw(fig) -> None:
        y = 0.74
        for line in split_title(document.title):
            fig.text(0.5, y, line, ha="center", va="center", fontsize=21, color="#1f3f66")
            y -= 0.05
        fig.add_artist(_hline(fig, 0.2, 0.8, y - 0.01, "#2f5d8a", 1.5))
        y -= 0.08
        for key, value in document.cover_rows:
            fig.text(0.34, y, f"{key}：", ha="right", fontsize=12, color="#444444")
            fig.text(0.35, y, value, ha="left", fontsize=12)
            y -= 0.035
    return draw


def render(data: ReportData, page: Page, number: int, total: int):
    """Draw one page on a new A4 figure with its header and footer."""
    from .mpl import new_figure

    fig = new_figure(*A4_INCHES)
    fig.get_layout_engine().set(rect=BODY_RECT, h_pad=0.04, w_pad=0.04)
    from .page_text import add_text_block

    frame = add_text_block(fig)
    if not page.cover:
        frame.add(BODY_RECT[0], 0.965, running_header(data), size=8, color="#555555")
        frame.add(BODY_RECT[0] + BODY_RECT[2], 0.965, page.title, size=8, color="#555555", ha="right")
        fig.add_artist(_hline(fig, BODY_RECT[0], BODY_RECT[0] + BODY_RECT[2], 0.958, "#999999", 0.6))
    fig.add_artist(_hline(fig, BODY_RECT[0], BODY_RECT[0] + BODY_RECT[2], 0.035, "#999999", 0.6))
    frame.add(BODY_RECT[0], 0.02, data.file_label, size=8, color="#555555")
    frame.add(BODY_RECT[0] + BODY_RECT[2], 0.02, f"第 {number} 页 / 共 {total} 页", size=8, color="#555555",
              ha="right")
    if page.heading:
        left, bottom, width, height = BODY_RECT
        frame.add(left, bottom + height, page.heading, ha="left", va="top", size=13, color="#1f3f66")
        fig.get_layout_engine().set(rect=(left, bottom, width, height - HEADING_HEIGHT))
    page.draw(fig)
    if page.manual:
        fig.set_layout_engine(None)
    else:
        # Lay the page out once, then freeze it: saving would otherwise run constrained layout on both of
        # its draws (a measuring one and the real one), which doubles the time of a report.
        fig.get_layout_engine().execute(fig)
        fig.set_layout_engine(None)
    return fig


def figures_of(data: ReportData, page_list: list[Page] | None = None,
               progress: Callable[[int, int], None] | None = None) -> Iterator:
    """The report's page figures, one at a time (each drawn only when asked for).

    `page_list` (from `pages(data)`) may be made beforehand, on the thread that owns the connection: drawing
    the pages then reads nothing from the park file. `progress(done, total)` is called after each page.
    """
    page_list = pages(data) if page_list is None else page_list
    total = len(page_list)
    for number, page in enumerate(page_list, start=1):
        yield render(data, page, number, total)
        if progress is not None:
            progress(number, total)


def write_pdf(data: ReportData, out: Path | str, page_list: list[Page] | None = None,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Write the report to `out` as a PDF (fonts embedded, vector charts); returns the number of pages.

    The PDF is written beside `out` first and moved into place at the end, so a failure leaves no
    half-written file (and an existing `out` unchanged). Raises ReportError with a message for the user.
    """
    from .mpl import setup

    setup()  # before matplotlib's figure and backend modules are imported (mpl._skip_set_docstrings)
    from matplotlib.backends.backend_pdf import PdfPages

    from . import pdf_text

    pdf_text.install()
    from ..base.out_path import partial_file

    out = Path(out)
    count = 0
    metadata = {"Title": running_header(data),
                "Subject": data.file_label, "Creator": "长宁园规划监测"}
    try:
        with partial_file(out) as partial, PdfPages(partial, metadata=metadata) as pdf:
            for fig in figures_of(data, page_list, progress):
                pdf.savefig(fig)
                count += 1
    except OSError as exc:
        raise ReportError(f"无法写入报告“{out}”：{exc.strerror or exc}。如该文件已在其他程序中打开，请先关闭。") from exc
    return count


def page_svgs(data: ReportData, page_list: list[Page] | None = None,
              progress: Callable[[int, int], None] | None = None) -> list[bytes]:
    """Each page as SVG, for printing through Qt's SVG renderer.

    Text stays text (drawn by Qt with the CJK font the application registers): Qt's renderer cannot
    follow the empty glyph definitions matplotlib writes when it turns text into outlines.
    """
    from .mpl import setup

    setup()
    out = []
    for fig in figures_of(data, page_list, progress):
        _text_kept_svg_canvas()(fig)  # the figure's canvas from now on: savefig uses its print_svg
        buffer = io.BytesIO()
        fig.savefig(buffer, format="svg")
        out.append(buffer.getvalue())
    return out


@lru_cache(maxsize=1)
def _text_kept_svg_canvas():
    """An SVG canvas class that draws text as text — what rcParams["svg.fonttype"] = "none" does — for its
    own figure alone. `page_svgs` runs on a worker thread: a `matplotlib.rc_context` there would change (and
    then restore) the process-wide rcParams under the GUI thread's charts and their SVG copies."""
    import codecs

    from matplotlib import cbook
    from matplotlib.backends.backend_mixed import MixedModeRenderer
    from matplotlib.backends.backend_svg import FigureCanvasSVG, RendererSVG

    class TextKeptRenderer(RendererSVG):
        def _draw_text_as_path(self, gc, x, y, s, prop, angle, ismath, mtext=None):
            self._draw_text_as_text(gc, x, y, s, prop, angle, ismath, mtext)

    class TextKeptCanvas(FigureCanvasSVG):
        def print_svg(self, filename, *, bbox_inches_restore=None, metadata=None, **_ignored):
            # FigureCanvasSVG.print_svg of matplotlib 3.11, with the renderer above (savefig's facecolor,
            # edgecolor, orientation and dpi, which matplotlib drops for its own print_svg, are not used)
            with cbook.open_file_cm(filename, "w", encoding="utf-8") as fh:
                if not cbook.file_requires_unicode(fh):
                    fh = codecs.getwriter("utf-8")(fh)
                dpi = self.figure.dpi
                self.figure.dpi = 72
                width, height = self.figure.get_size_inches()
                renderer = MixedModeRenderer(
                    self.figure, width, height, dpi,
                    TextKeptRenderer(width * 72, height * 72, fh, image_dpi=dpi, metadata=metadata),
                    bbox_inches_restore=bbox_inches_restore)
                self.figure.draw(renderer)
                renderer.finalize()

    return TextKeptCanvas


def is_docx(out: Path | str) -> bool:
    """Whether `out` asks for a Word document (by its extension; anything else is a PDF)."""
    return Path(out).suffix.lower() == ".docx"


def document_of(data: ReportData):
    """The report as format-neutral content (models.output.report_final.Document), for Word; reads the park file."""
    from . import report_final

    return report_final.document(data)


def write_docx(data: ReportData, out: Path | str, document=None,
               progress: Callable[[int, int], None] | None = None) -> int:
    """Write the report to `out` as an editable Word document (models.output.report_docx); returns the number of
    sections. `document` (from `document_of(data)`) may be made beforehand on the connection's thread."""
    from . import report_docx

    return report_docx.write_docx(document if document is not None else document_of(data), out, progress)


def build_report(path: Path | str, out: Path | str, year: int | None = None, parts=("indicators",),
                 file_label: str | None = None, final: bool = False) -> int:
    """Open the park file at `path` read-only and write its report to `out` — PDF, or Word when `out` ends in
    .docx; returns the page count (PDF) or section count (Word). The plan's last year (or `final`) gives
    the final evaluation report."""
    from ..store.db import open_park

    path = Path(path)
    park = open_park(path, read_only=True)
    try:
        data = load(park.conn, file_label or path.name, year, parts, final)
        return write_docx(data, out) if is_docx(out) else write_pdf(data, out)
    finally:
        park.close()
