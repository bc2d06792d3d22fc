"""The 人才 tab: counts by year (2020 from the plan), work permits stored as the indicator's official
figure, the cumulative path and its chart, returnees from returns, validation and undo."""

from __future__ import annotations

import pytest

from tests.ui.tabs.test_industries_tab import add_returns


@pytest.fixture
def tab(window):
    add_returns(window)
    window.tabs.setCurrentIndex(3)
    return window.park_tabs[3]


def select(tab, code):
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r)["code"] == code)
    tab.view.setCurrentIndex(tab.proxy.mapFromSource(tab.model.index(row, 0)))


def year_row(tab, year):
    return next(r for r in range(tab.detail_model.rowCount()) if tab.detail_model.row(r)["year"] == year)


def cumulative_line(tab):
    line = next((ln for ln in tab.charts["permits"].figure.axes[0].get_lines() if ln.get_label() == "实际累计"), None)
    return ([], []) if line is None else (list(line.get_xdata()), list(line.get_ydata()))


def test_overview_and_detail(tab, qtmodeltester):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.detail_model)
    rows = {r["code"]: r for r in tab.model.rows()}
    assert tab.model.index(0, tab.FIRST_YEAR).data() == "8"     # academicians in 2020, from the plan
    assert rows["district_leading"]["2020"] == 29
    assert rows["returnees"]["2023"] == 7 and rows["foreign_residents"]["2022"] == 1  # from returns
    assert rows["returnees"]["2021"] is None
    select(tab, "academicians")
    first = tab.detail_model.row(year_row(tab, 2020))
    assert first["value"] == 8 and first["source"] == "规划基数" and first["official"] is None
    assert "8名中国科学院院士" in tab.description.text()


def test_work_permits_edit_the_indicator_and_move_the_cumulative_path(window, tab):
    conn = window.session.park.conn
    select(tab, "foreign_work_permits")
    model = tab.detail_model
    assert model.setData(model.index(year_row(tab, 2021), tab.D_OFFICIAL), "3600")
    assert model.setData(model.index(year_row(tab, 2022), tab.D_OFFICIAL), "4100")
    official = dict(conn.execute("SELECT year, official FROM indicator_years WHERE code = 'foreign_work_permits'"))
    assert official[2021] == 3600 and official[2022] == 4100
    assert conn.execute("SELECT COUNT(*) FROM talent_years WHERE official IS NOT NULL").fetchone()[0] == 0
    assert model.row(year_row(tab, 2022))["cumulative"] == 7700   # 3600 + 4100
    assert model.row(year_row(tab, 2022))["planned"] == 8000      # 20000 · 2 / 5
    totals = model.row(model.rowCount() - 1)
    assert totals["_totals"] and totals["value"] == 7700 and totals["planned"] == 20000
    assert cumulative_line(tab) == ([2021, 2022], [3600, 7700])

    window.session.undo_stack.undo()
    assert cumulative_line(tab) == ([2021], [3600])
    assert conn.execute("SELECT official FROM indicator_years WHERE code = 'foreign_work_permits' AND year = 2022"
                        ).fetchone()[0] is None
    window.session.undo_stack.undo()
    assert cumulative_line(tab) == ([], [])


def test_counts_are_whole_and_official_overrides_returns(window, tab):
    conn = window.session.park.conn
    messages = []
    window.warn = lambda title, text: messages.append(text)
    select(tab, "academicians")
    model = tab.detail_model
    assert not model.setData(model.index(year_row(tab, 2021), tab.D_OFFICIAL), "9.5")
    assert not model.setData(model.index(year_row(tab, 2021), tab.D_OFFICIAL), "-1")
    assert "整数" in messages[0] and "负数" in messages[1]
    assert conn.execute("SELECT COUNT(*) FROM talent_years WHERE official IS NOT NULL").fetchone()[0] == 0
    assert model.setData(model.index(year_row(tab, 2021), tab.D_OFFICIAL), "9")
    counts = tab.charts["counts"]
    tab.chart_tabs.setCurrentWidget(counts)
    line = next(ln for ln in counts.figure.axes[0].get_lines() if ln.get_label() == "两院院士")
    assert list(line.get_xdata()) == [2020, 2021] and list(line.get_ydata()) == [8, 9]

    select(tab, "returnees")
    assert model.setData(model.index(year_row(tab, 2023), tab.D_OFFICIAL), "12")
    row = model.row(year_row(tab, 2023))
    assert (row["derived"], row["official"], row["value"], row["source"]) == (7, 12, 12, "官方")
    window.session.undo_stack.undo()
    row = model.row(year_row(tab, 2023))
    assert (row["official"], row["value"], row["source"]) == (None, 7, "报表")
