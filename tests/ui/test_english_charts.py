"""Every chart of the 产业, 片区, 人才 and 规划基数 tabs speaks the window's language: in English their titles,
axis labels, legends and notes hold no Chinese but the plan's own names (an industry, a zone, a talent
category, a plan figure, a plan group); in Chinese they are Chinese as the printed report draws them."""

from __future__ import annotations

import re

import pytest

from tests.ui.tabs.test_industries_tab import AI, add_returns, select
from tests.ui.test_english_tables import FACTS, open_window

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
TABS = {1: "industries", 2: "zones", 3: "talent", FACTS: "facts"}


@pytest.fixture(params=["en", "zh_CN"])
def window_in(request, qtbot, settings, park_path):
    from ui.i18n import install_translators

    app, win = open_window(qtbot, settings, park_path, request.param)
    try:
        add_returns(win)
        yield request.param, win
    finally:
        win.close()
        install_translators(app, "zh_CN")


def chart_texts(figure) -> dict[str, list[str]]:
    """The words of a drawn chart by kind: titles (axes and figure), axis labels, legend entries, notes."""
    out: dict[str, list[str]] = {"title": [], "label": [], "legend": [], "note": []}
    figures = [figure, *figure.subfigs]
    for fig in figures:
        if fig._suptitle is not None and fig._suptitle.get_text():
            out["title"].append(fig._suptitle.get_text())
        for legend in fig.legends:
            out["legend"] += [t.get_text() for t in legend.get_texts()]
    for ax in figure.get_axes():
        out["title"] += [t for t in (ax.get_title(), ax.get_title("left"), ax.get_title("right")) if t]
        out["label"] += [t for t in (ax.get_ylabel(), ax.get_xlabel()) if t]
        out["label"] += [t.get_text() for t in ax.get_xticklabels() if t.get_text()]
        if ax.get_legend() is not None:
            out["legend"] += [t.get_text() for t in ax.get_legend().get_texts()]
        out["note"] += [t.get_text() for t in ax.texts if t.get_text()]
    return out


def plan_names(window) -> list[str]:
    """The plan's own names, which may stay Chinese in English: longest first, so that none is cut."""
    tabs = window.park_tabs
    names = {s.name for s in tabs[1].series} | {s.name for s in tabs[2].series}
    names |= {s.category.name for s in tabs[3].series} | {s.name for s in tabs[FACTS].series}
    names |= {v for v in (tabs[1].group_short or {}).values() if v}
    return sorted(names, key=len, reverse=True)


def draw_every_chart(window, index: int) -> dict[str, dict[str, list[str]]]:
    """Show tab `index` and each of its chart pages; the words of each page's chart."""
    window.tabs.setCurrentIndex(index)
    tab = window.park_tabs[index]
    tab.draw_charts()
    pages = tab.chart_tabs
    drawn = {}
    for i in range(pages.count()):
        pages.setCurrentIndex(i)
        name = next(n for n, c in pages.charts.items() if c is pages.widget(i))
        drawn[name] = chart_texts(pages.charts[name].figure)
    return drawn


def test_the_charts_of_four_tabs_follow_the_window_language(window_in):
    language, window = window_in
    window.tabs.setCurrentIndex(1)
    select(window.park_tabs[1], AI)   # an industry with returns: bars, growth lines, both axes
    for index in TABS:   # each tab fills when first shown
        window.tabs.setCurrentIndex(index)
    names = plan_names(window)
    seen = 0
    for index, tab_name in TABS.items():
        for page, texts in draw_every_chart(window, index).items():
            assert texts["title"], (tab_name, page)
            for kind, items in texts.items():
                for text in items:
                    seen += 1
                    rest = text
                    for name in names:
                        rest = rest.replace(name, "")
                    if language == "en":
                        assert not CJK.search(rest), (tab_name, page, kind, text)
            if language != "en":   # the Chinese charts are Chinese: their titles and y labels
                assert any(CJK.search(t) for t in texts["title"]), (tab_name, page, texts["title"])
    assert seen > 40


def test_english_words_of_the_charts(window_in):
    """A few words checked by hand, in both languages."""
    language, window = window_in
    english = language == "en"
    window.tabs.setCurrentIndex(1)
    select(window.park_tabs[1], AI)
    industries = draw_every_chart(window, 1)
    industry = industries["industry"]
    assert industry["label"][0] == ("100M yuan" if english else "亿元")
    assert ("Revenue (100M yuan)" if english else "营业收入（亿元）") in industry["legend"]
    assert ("Year-on-year growth (%)" if english else "同比增长（%）") in industry["label"]
    talent = draw_every_chart(window, 3)
    permits = talent["permits"]
    assert permits["title"] == (["Work permits for foreigners: running total against the planned path"] if english
                                else ["外国人来华工作许可：累计数与序时目标"])
    assert permits["label"][0] == ("person-times" if english else "人次")
    assert ("Planned running total" if english else "序时累计目标") in permits["legend"]
    # the plan's 20,000 permits over its five years (2020 base … 2025 target)
    assert ("5-year cumulative target 20,000" if english else "五年累计目标 20,000") in permits["note"]
    zones = draw_every_chart(window, 2)
    assert zones["money"]["title"][0] == ("The zones compared (2020–2025)" if english else "三大片区比较（2020—2025年）")
    assert ("Revenue (100M yuan)" if english else "营业收入（亿元）") in zones["money"]["title"]
    assert ("Enterprises" if english else "企业数（家）") in zones["counts"]["title"]


def test_the_report_keeps_chinese_charts(park):
    """The printed report calls the same functions without a language: Chinese."""
    from models.output import group_charts as gc
    from models.output.mpl import new_figure
    from models.planning.groups import permits_path

    figure = new_figure()
    gc.plot_work_permits(figure, permits_path(park.conn))
    texts = chart_texts(figure)
    assert texts["title"] == ["外国人来华工作许可：累计数与序时目标"]
    assert texts["label"][0] == "人次"


def test_indicator_headers_fit_at_1366_in_english(window_in, qtbot):
    """At 1366×768 every header of the indicator table is as wide as its text needs (none clipped), and an
    elided target text has its whole English text as the cell's tooltip."""
    from PySide6.QtCore import Qt

    from ui.tabs.indicator_table import IndicatorTableModel

    language, window = window_in
    window.resize(1366, 768)
    window.tabs.setCurrentIndex(0)
    tab = window.park_tabs[0]
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2023))
    qtbot.wait(50)
    view, model = tab.table_view, tab.table_model
    header = view.horizontalHeader()
    for column in range(model.columnCount()):
        text = model.headerData(column, Qt.Orientation.Horizontal)
        assert header.sectionSize(column) >= header.fontMetrics().horizontalAdvance(text), text
        assert model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == text
    assert sum(header.sectionSize(c) for c in range(model.columnCount())) <= view.viewport().width()
    tip = model.index(model.row_of("total_revenue"), IndicatorTableModel.TARGET).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == ("In step with the district's economy" if language == "en" else "与区经济发展保持同步")
