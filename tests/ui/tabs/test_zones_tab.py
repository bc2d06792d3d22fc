"""The 片区 tab: zone figures with totals, official entry, chart, and featured parks added, edited,
removed and restored by undo."""

from __future__ import annotations

import json

import pytest

from tests.ui.tabs.test_industries_tab import add_returns

EAST, CENTRE, WEST = "东部中山公园片区", "中部虹桥片区", "西部临空片区"


@pytest.fixture
def tab(window):
    add_returns(window)
    window.tabs.setCurrentIndex(2)
    tab = window.park_tabs[2]
    tab.year_box.setCurrentIndex(tab.year_box.findData(2023))
    select(tab, EAST)
    return tab


def select(tab, name):
    row = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).get("name") == name)
    tab.view.setCurrentIndex(tab.proxy.mapFromSource(tab.model.index(row, 0)))


def zone_bars(canvas, panel: int, year: int) -> list[float]:
    """Heights of the bars of `year` in a panel of the zones chart, zone by zone (east, centre, west)."""
    bars = [p for p in canvas.figure.axes[panel].patches if abs(p.get_x() + p.get_width() / 2 - year) < 0.45]
    return [round(p.get_height(), 6) for p in sorted(bars, key=lambda p: p.get_x())]


def park_rows(conn, zone):
    return [r[0] for r in conn.execute("SELECT name FROM zone_parks WHERE zone = ? ORDER BY seq, id", (zone,))]


def test_zone_figures_and_totals(tab, qtmodeltester):
    qtmodeltester.check(tab.model)
    qtmodeltester.check(tab.detail_model)
    qtmodeltester.check(tab.parks_model)
    rows = {r["label"]: r for r in tab.model.rows()}
    assert list(rows) == [EAST, CENTRE, WEST, "合计"]
    assert rows[EAST]["enterprises"] == 2                       # B and C
    assert rows[EAST]["revenue"] == pytest.approx(5.0)          # (30000 + 20000) 万元
    assert rows[EAST]["high_tech"] == 1
    assert rows[CENTRE]["revenue"] is None
    assert rows["合计"]["revenue"] == pytest.approx(10.0) and rows["合计"]["enterprises"] == 3
    assert "中央活动区" in tab.description.text() and "新微智谷" in tab.description.text()
    assert [tab.parks_model.row(r)["name"] for r in range(tab.parks_model.rowCount())][:2] == ["新微智谷", "金融科技功能平台"]


def test_edit_zone_revenue_changes_chart_and_undo_restores(window, tab):
    conn = window.session.park.conn
    canvas = tab.charts["money"]
    assert zone_bars(canvas, 0, 2023) == [5.0, 5.0]             # east 5, west 5, centre has none
    row = next(r for r in range(tab.detail_model.rowCount()) if tab.detail_model.row(r)["field"] == "revenue")
    assert tab.detail_model.setData(tab.detail_model.index(row, tab.D_OFFICIAL), "7.25")
    assert conn.execute("SELECT official FROM zone_years WHERE zone = ? AND year = 2023 AND field = 'revenue'",
                        (EAST,)).fetchone()[0] == 7.25
    assert zone_bars(canvas, 0, 2023) == [7.25, 5.0]
    assert {r["label"]: r for r in tab.model.rows()}["合计"]["revenue"] == pytest.approx(12.25)
    window.session.undo_stack.undo()
    assert zone_bars(canvas, 0, 2023) == [5.0, 5.0]
    assert conn.execute("SELECT official FROM zone_years WHERE zone = ? AND year = 2023 AND field = 'revenue'",
                        (EAST,)).fetchone()[0] is None


def test_parks_add_edit_remove_and_undo(window, tab):
    conn = window.session.park.conn
    messages = []
    window.warn = lambda title, text: messages.append(text)
    original = park_rows(conn, EAST)
    stack = window.session.undo_stack

    tab.on_add_park()
    assert park_rows(conn, EAST) == original + ["新园区"]
    row = tab.parks_model.rowCount() - 1
    new_id = tab.parks_model.row(row)["id"]
    model = tab.parks_model
    assert model.setData(model.index(row, tab.P_NAME), "长宁数字经济园")
    row = next(r for r in range(model.rowCount()) if model.row(r)["id"] == new_id)
    assert model.setData(model.index(row, tab.P_STATUS), "building")
    assert model.setData(model.index(row, tab.P_YEAR), "2023")
    assert model.index(row, tab.P_STATUS).data() == "建设中"
    # refused: no name, a year out of range, a year that is not a number
    assert not model.setData(model.index(row, tab.P_YEAR), "1800")
    assert not model.setData(model.index(row, tab.P_YEAR), "明年")
    assert not model.setData(model.index(row, tab.P_NAME), "  ")  # read by the model, refused by the tab
    assert len(messages) == 3 and "名称不能为空" in messages[2] and "年份" in messages[0]
    assert conn.execute("SELECT name, status, year FROM zone_parks WHERE id = ?", (new_id,)).fetchone() == \
        ("长宁数字经济园", "building", 2023)
    insert_audit = conn.execute("SELECT action, new_value FROM audit_log WHERE table_name = 'zone_parks' "
                                "AND field IS NULL ORDER BY id").fetchall()
    assert insert_audit[-1][0] == "insert" and json.loads(insert_audit[-1][1])["zone"] == EAST

    # remove an original park, then undo puts it back whole
    tab.parks_view.setCurrentIndex(tab.parks_proxy.mapFromSource(model.index(0, 0)))
    removed = conn.execute("SELECT * FROM zone_parks WHERE name = '新微智谷'").fetchone()
    tab.on_remove_park()
    assert "新微智谷" not in park_rows(conn, EAST)
    assert "新微智谷" not in tab.description.text()
    stack.undo()
    assert conn.execute("SELECT * FROM zone_parks WHERE name = '新微智谷'").fetchone() == removed
    assert park_rows(conn, EAST)[0] == "新微智谷"

    # undo the edits and the addition: the zone is as it was
    for _ in range(3):
        stack.undo()
    assert conn.execute("SELECT name, status, year FROM zone_parks WHERE id = ?", (new_id,)).fetchone() == \
        ("新园区", None, None)
    stack.undo()
    assert park_rows(conn, EAST) == original
    stack.redo()
    assert park_rows(conn, EAST) == original + ["新园区"]
    actions = {r[0] for r in conn.execute("SELECT action FROM audit_log WHERE table_name = 'zone_parks'")}
    assert {"insert", "edit", "delete", "undo", "redo"} <= actions
