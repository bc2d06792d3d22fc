"""The 产业 tab shows the group chapter 4 puts each industry in and the “3+3” mark, apart from each other."""

from __future__ import annotations

from PySide6.QtCore import Qt


def test_industries_tab_shows_plan_group_and_3_plus_3(window):
    window.tabs.setCurrentIndex(1)
    tab = window.park_tabs[1]
    rows = {r.get("name"): r.get("plan_group") for r in tab.model.rows() if r.get("name")}
    assert rows["现代贸易"] == "传统优势产业"
    assert rows["航空服务业"] == "重点特色产业 · “3+3”"
    assert rows["生命健康产业"] == "先导产业 · “3+3”"
    assert rows["在线新经济"] == "先导产业（新业态新模式）"
    assert rows["其他"] == "其他"
    col = next(i for i, c in enumerate(tab.model.columns) if c.key == "plan_group")
    assert tab.model.headerData(col, Qt.Orientation.Horizontal) == "规划分组（第四章）"
    assert tab.model.rowCount() == 11 + 2  # the “3+3” subtotal and the total stay


def test_zones_tab_lists_the_parks_without_a_zone_and_edits_their_status_with_undo(window):
    window.tabs.setCurrentIndex(2)
    tab = window.park_tabs[2]
    model = tab.unzoned_model
    assert [r["name"] for r in model.rows()] == ["生命健康产业园", "长宁金融园", "西郊国际金融产业园", "东华大学科技园",
                                                "上海工程技术大学科技园"]
    assert model.row(1)["industry"] == "金融服务业"
    status = model.column_index("status")
    assert model.setData(model.index(0, status), "building")
    conn = window.session.park.conn
    assert conn.execute("SELECT status FROM unzoned_parks WHERE name = '生命健康产业园'").fetchone()[0] == "building"
    assert model.index(0, status).data() == "建设中"
    window.session.undo_stack.undo()
    assert conn.execute("SELECT status FROM unzoned_parks WHERE name = '生命健康产业园'").fetchone()[0] is None
    west = [r["name"] for r in tab.parks_model.rows()]
    assert west  # the selected zone's own parks are still listed above
