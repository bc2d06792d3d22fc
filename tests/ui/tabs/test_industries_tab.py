"""The 产业 tab: list with totals, official figures edited with validation, chart follows, undo restores."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.models.planning.test_derive import add_batch, add_return

AI, FINANCE = "人工智能产业", "金融服务业"


def add_returns(window) -> None:
    conn = window.session.park.conn
    b = add_batch(conn)
    add_return(conn, b, credit_code="A", name="甲", year=2023, industry=AI, zone="西部临空片区", revenue=50_000,
               tax=3_000, employees=200, returnees=6, foreign_staff=2, high_tech=1)
    add_return(conn, b, credit_code="B", name="乙", year=2023, industry=AI, zone="东部中山公园片区", revenue=30_000,
               tax=1_000, employees=100, returnees=1, foreign_staff=0, high_tech=0)
    add_return(conn, b, credit_code="C", name="丙", year=2023, industry=FINANCE, zone="东部中山公园片区",
               revenue=20_000, tax=500, employees=50, returnees=0, foreign_staff=0, high_tech=1)
    add_return(conn, b, credit_code="A", name="甲", year=2022, industry=AI, zone="西部临空片区", revenue=40_000,
               tax=2_000, employees=150, returnees=3, foreign_staff=1, high_tech=1)
    conn.commit()
    window.session.changed.emit("returns")


def select(tab, name: str) -> None:
    for row in range(tab.model.rowCount()):
        if tab.model.row(row).get("name") == name:
            tab.view.setCurrentIndex(tab.proxy.mapFromSource(tab.model.index(row, 0)))
            return
    raise AssertionError(name)


def bar_heights(canvas) -> list[float]:
    return sorted(round(p.get_height(), 6) for p in canvas.figure.axes[0].patches)


def detail_row(tab, field: str) -> int:
    return next(r for r in range(tab.detail_model.rowCount()) if tab.detail_model.row(r)["field"] == field)


@pytest.fixture
def tab(window):
    add_returns(window)
    window.tabs.setCurrentIndex(1)
    tab = window.park_tabs[1]
    tab.year_box.setCurrentIndex(tab.year_box.findData(2023))
    select(tab, AI)
    return tab


def test_list_shows_hand_worked_figures_with_totals(tab, qtmodeltester):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.detail_model)
    rows = {r.get("name") or r["label"]: r for r in tab.model.rows()}
    assert rows[AI]["revenue"] == pytest.approx(8.0)            # (50000 + 30000) 万元
    assert rows[AI]["growth"] == pytest.approx(100.0)           # 4.0 → 8.0
    assert rows[AI]["share"] == pytest.approx(80.0)             # 8 of 10
    assert rows["合计"]["revenue"] == pytest.approx(10.0)
    assert rows["其中：“3+3”重点产业"]["revenue"] == pytest.approx(10.0)  # AI and finance are both key
    assert rows["航空服务业"]["revenue"] is None
    assert tab.model.rowCount() == 11 + 2
    assert tab.title.text().startswith(AI)
    assert "区块链" in tab.description.text()                    # the plan's goal for AI
    ai_row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).get("name") == AI)
    assert "区块链" in tab.model.index(ai_row, tab.NAME).data(Qt.ItemDataRole.ToolTipRole)
    # sorting by revenue keeps the totals rows at the bottom, in both orders
    for order in (Qt.SortOrder.DescendingOrder, Qt.SortOrder.AscendingOrder):
        tab.view.sortByColumn(tab.REVENUE, order)
        labels = [tab.proxy.index(r, 0).data() for r in range(tab.proxy.rowCount())]
        assert labels[-2:] == ["其中：“3+3”重点产业", "合计"]
    tab.view.sortByColumn(tab.REVENUE, Qt.SortOrder.DescendingOrder)
    assert tab.proxy.index(0, 0).data() == AI


def test_edit_official_revenue_changes_chart_and_undo_restores(window, tab):
    conn = window.session.park.conn
    canvas = tab.charts["industry"]
    assert canvas.figure is not None                           # drawn when the tab was shown
    assert bar_heights(canvas) == [0.2, 0.4, 4.0, 8.0]
    audit_before = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    index = tab.detail_model.index(detail_row(tab, "revenue"), tab.D_OFFICIAL)
    assert tab.detail_model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert tab.detail_model.setData(index, "12.5")
    key = (AI, 2023, "revenue")
    assert conn.execute("SELECT official FROM industry_years WHERE industry = ? AND year = ? AND field = ?",
                        key).fetchone()[0] == 12.5
    assert bar_heights(canvas) == [0.2, 0.4, 4.0, 12.5]
    assert tab.detail_model.row(detail_row(tab, "revenue"))["value"] == 12.5
    audit = conn.execute("SELECT table_name, field, old_value, new_value FROM audit_log ORDER BY id DESC").fetchone()
    assert audit == ("industry_years", "official", None, "12.5")
    assert conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == audit_before + 1
    tab.chart_tabs.setCurrentWidget(tab.charts["shares"])      # charts off screen are redrawn when shown
    bars_2023 = [p for p in tab.charts["shares"].figure.axes[0].patches
                 if abs(p.get_x() + p.get_width() / 2 - 2023) < 0.01]
    assert sorted(round(p.get_height(), 4) for p in bars_2023) == [round(2 / 14.5 * 100, 4),
                                                                    round(12.5 / 14.5 * 100, 4)]

    tab.chart_tabs.setCurrentWidget(canvas)
    window.session.undo_stack.undo()
    assert conn.execute("SELECT official FROM industry_years WHERE industry = ? AND year = ? AND field = ?",
                        key).fetchone()[0] is None
    assert bar_heights(canvas) == [0.2, 0.4, 4.0, 8.0]
    window.session.undo_stack.redo()
    assert bar_heights(canvas) == [0.2, 0.4, 4.0, 12.5]


def test_bad_entries_are_refused_and_nothing_is_written(window, tab):
    conn = window.session.park.conn
    messages = []
    window.warn = lambda title, text: messages.append(text)
    before = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    revenue = tab.detail_model.index(detail_row(tab, "revenue"), tab.D_OFFICIAL)
    enterprises = tab.detail_model.index(detail_row(tab, "enterprises"), tab.D_OFFICIAL)
    assert not tab.detail_model.setData(revenue, "十二")
    assert not tab.detail_model.setData(revenue, "-3")
    assert not tab.detail_model.setData(enterprises, "2.5")
    assert "不是数字" in messages[0] and "营业收入" in messages[0] and "官方数据" in messages[0]
    assert "负数" in messages[1]
    assert "整数" in messages[2] and "企业数" in messages[2]
    assert conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before
    assert conn.execute("SELECT COUNT(*) FROM industry_years WHERE official IS NOT NULL").fetchone()[0] == 0
    # full-width digits and thousands separators are fine; a note is text
    assert tab.detail_model.setData(enterprises, "１,２００")
    assert conn.execute("SELECT official FROM industry_years WHERE industry = ? AND year = 2023 AND field = "
                        "'enterprises'", (AI,)).fetchone()[0] == 1200
    note = tab.detail_model.index(detail_row(tab, "revenue"), tab.D_NOTE)
    assert tab.detail_model.setData(note, "区统计局快报")
    assert conn.execute("SELECT note FROM industry_years WHERE industry = ? AND year = 2023 AND field = 'revenue'",
                        (AI,)).fetchone()[0] == "区统计局快报"


def test_selecting_another_industry_redraws_its_chart(tab):
    select(tab, FINANCE)
    assert tab.charts["industry"].figure.axes[0].get_title().startswith(FINANCE)
    assert bar_heights(tab.charts["industry"]) == [0.05, 2.0]
    assert tab.detail_model.row(detail_row(tab, "revenue"))["derived"] == pytest.approx(2.0)


def test_an_incomplete_year_says_so_and_gives_the_like_for_like_growth(window):
    """2022: A (人工智能, 4.0 亿元) and D (金融); 2023: A (5.0), B and C — D has not returned: 回收率 1/2 = 50 %.
    人工智能's revenue grew 100 % (4.0 → 8.0 with the new B) but 25 % like for like (A alone: 4.0 → 5.0)."""
    add_returns(window)
    conn = window.session.park.conn
    add_return(conn, add_batch(conn), credit_code="D", name="丁", year=2022, industry=FINANCE, zone="中部虹桥片区",
               revenue=10_000, tax=100, employees=10, returnees=0, foreign_staff=0, high_tech=0)
    conn.commit()
    window.session.changed.emit("returns")
    window.tabs.setCurrentIndex(1)
    tab = window.park_tabs[1]
    tab.year_box.setCurrentIndex(tab.year_box.findData(2023))
    select(tab, AI)
    revenue = tab.detail_model.row(detail_row(tab, "revenue"))
    assert revenue["growth"] == pytest.approx(100.0) and revenue["like_growth"] == pytest.approx(25.0)
    assert tab.detail_model.row(detail_row(tab, "enterprises"))["like_growth"] is None
    assert not tab.like_note.isHidden()
    text = tab.like_note.text()
    assert "2023年报表回收率50.0%" in text and "2022年报送的2家企业中1家已报送" in text and "营业收入增长25.0%" in text
    select(tab, FINANCE)  # C is new in 2023 and D has not returned: nothing to compare like for like
    assert tab.detail_model.row(detail_row(tab, "revenue"))["like_growth"] is None
    assert "营业收入增长—" in tab.like_note.text()
    tab.year_box.setCurrentIndex(tab.year_box.findData(2022))  # 2021 had no returns: nothing to say
    assert tab.like_note.isHidden()
