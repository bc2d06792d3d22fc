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
