"""The 规划基数 tab: the plan's 2020 figures with qualifiers, derived values in grey, official values
edited with checks and undo, the group filter and the chart of the selected series."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.models.planning.test_derive import add_batch, add_return
from widgets.roles import SORT_ROLE

FACTS = 5  # index of the tab


@pytest.fixture
def tab(window):
    conn = window.session.park.conn
    b = add_batch(conn)
    add_return(conn, b, credit_code="A", name="甲", year=2023, patent_apps=40, invention_apps=10, high_tech=1)
    add_return(conn, b, credit_code="B", name="乙", year=2023, patent_apps=60, invention_apps=30, high_tech=0)
    conn.commit()
    window.session.changed.emit("returns")
    window.tabs.setCurrentIndex(FACTS)
    return window.park_tabs[FACTS]


def select(tab, code):
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r)["code"] == code)
    tab.view.setCurrentIndex(tab.proxy.mapFromSource(tab.model.index(row, 0)))
    return row


def year_row(tab, year):
    return next(r for r in range(tab.detail_model.rowCount()) if tab.detail_model.row(r)["year"] == year)


def column(model, key):
    return next(i for i, c in enumerate(model.columns) if c.key == key)


def test_rows_with_plan_figures_qualifiers_and_derived_values_in_grey(window, tab, qtmodeltester):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.detail_model)
    assert window.tabs.tabText(FACTS) == "规划基数"
    assert tab.model.rowCount() == 33
    rows = {r["code"]: r for r in tab.model.rows()}
    assert rows["ai_enterprises"]["plan"] == "200余（两百余家）"
    assert rows["area"]["plan"] == "约10.2"
    assert rows["patent_applications"]["2023"] == 100  # 40 + 60 from the returns
    row = select(tab, "patent_applications")
    grey = tab.model.index(row, column(tab.model, "2023")).data(Qt.ItemDataRole.ForegroundRole)
    black = tab.model.index(row, column(tab.model, "plan")).data(Qt.ItemDataRole.ForegroundRole)
    assert grey is not None and black is None
    assert "5506件" in tab.description.text()
    assert tab.detail_model.row(year_row(tab, 2023))["derived"] == 100
    assert tab.detail_model.row(year_row(tab, 2023))["change"] == 100 - 5506
    ax = tab.charts["series"].figure.axes[0]
    assert ax.get_title() == "专利申请总量（件）"
    heights = sorted(p.get_height() for p in ax.patches)
    assert heights == [100, 5506]


def test_official_value_edit_undo_and_refusals(window, tab):
    conn = window.session.park.conn
    select(tab, "patent_applications")
    model = tab.detail_model
    official = column(model, "official")
    assert model.setData(model.index(year_row(tab, 2025), official), "6,000")
    assert conn.execute("SELECT official FROM fact_years WHERE code = 'patent_applications' AND year = 2025"
                        ).fetchone()[0] == 6000
    rows = {r["code"]: r for r in tab.model.rows()}
    assert rows["patent_applications"]["change"] == 494 and round(rows["patent_applications"]["change_pct"], 2) == 8.97
    window.session.undo_stack.undo()
    assert conn.execute("SELECT official FROM fact_years WHERE code = 'patent_applications' AND year = 2025"
                        ).fetchone()[0] is None
    assert {r["code"]: r for r in tab.model.rows()}["patent_applications"]["change"] is None
    window.session.undo_stack.redo()
    assert conn.execute("SELECT official FROM fact_years WHERE code = 'patent_applications' AND year = 2025"
                        ).fetchone()[0] == 6000
    messages = []
    window.session.failed.connect(messages.append)
    assert not model.flags(model.index(year_row(tab, 2020), official)) & Qt.ItemFlag.ItemIsEditable
    select(tab, "invention_application_share")
    model.setData(model.index(year_row(tab, 2024), official), "120")
    assert messages == ["“发明专利申请占比”2024年：比例应在0—100之间（填写了120）。未保存任何内容。"]
    select(tab, "incubators")
    model.setData(model.index(year_row(tab, 2024), official), "3.5")
    assert len(messages) == 2 and "整数" in messages[1]  # enterprises, parks, patents are whole numbers
    assert conn.execute("SELECT COUNT(*) FROM fact_years WHERE official IS NOT NULL").fetchone()[0] == 1


def test_group_filter(tab):
    tab.group_box.setCurrentIndex(tab.group_box.findData("ip"))
    assert [r["code"] for r in tab.model.rows()][:3] == ["patent_applications", "invention_applications",
                                                         "invention_application_share"]
    assert tab.model.rowCount() == 8
    assert tab.current_series().topic == "ip"


def test_the_plan_column_sorts_by_number_and_the_years_by_unit(tab):
    """“约10.2” and “9,762” are texts; they sort by the plan's figure (9762 > 1533.63 > 10.2), not as text."""
    plan = column(tab.model, "plan")
    tab.view.sortByColumn(plan, Qt.SortOrder.DescendingOrder)
    firsts = [tab.proxy.index(r, plan).data() for r in range(2)]
    assert firsts[0] == "9,762"                     # 累计入驻企业, the plan's largest figure
    values = [tab.model.row(r)["plan_value"] for r in range(tab.model.rowCount())]
    shown = [tab.proxy.index(r, plan).data(SORT_ROLE) for r in range(tab.proxy.rowCount())]
    assert shown == sorted(values, reverse=True)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r)["code"] == "patent_applications")
    assert tab.model.index(row, column(tab.model, "2023")).data() == "100"   # 件: a count, whole
