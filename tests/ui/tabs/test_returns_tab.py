"""The 企业报表 tab: its table models (qtmodeltester), filters by year, industry, zone and text, and the
collection of returns (count, rate, list of missing enterprises, exported as .xlsx)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from openpyxl import load_workbook

from models.returns.collection import collection_status
from models.returns.importer import import_paths
from tests.conftest import wait_job
from tests.returns_data import code, row, write_openpyxl
from ui.tabs.returns_tab import ReturnsTab, ReturnsTableModel
from widgets.roles import SORT_ROLE


@pytest.fixture
def stored(park, tmp_path):
    """2022: enterprises 1–5; 2023: enterprises 1, 3, 5 and 6 (2 and 4 have not returned)."""
    rows = [row(n, 2022) for n in range(1, 6)] + [row(n, 2023) for n in (1, 3, 5, 6)]
    assert import_paths(park, [str(write_openpyxl(tmp_path / "r.xlsx", rows))]).exit_code == 0
    return park


def test_collection_status_counts_and_rate(stored):
    status = collection_status(stored.conn, 2023)
    assert (status.previous, status.returned, status.new) == (5, 3, 1)
    assert status.rate == pytest.approx(60.0)
    assert [m["credit_code"] for m in status.missing] == [code(2), code(4)]
    assert status.missing[0]["revenue"] == 1002.0
    assert collection_status(stored.conn, 2022).rate is None  # nothing in 2021 to compare with


def test_table_model_passes_qtmodeltester(stored, qtmodeltester):
    model = ReturnsTableModel()
    model.load(stored.conn)
    assert model.rowCount() == 9
    qtmodeltester.check(model)
    first = model.index(0, ReturnsTableModel.YEAR)
    assert first.data() == "2023" and first.data(SORT_ROLE) == 2023
    revenue = model.index(0, ReturnsTableModel.REVENUE)
    assert revenue.data(SORT_ROLE) == 1001.0 and revenue.data() == "1,001"


@pytest.fixture
def tab(qtbot, stored):
    from ui.session import ParkSession

    session = ParkSession()
    tab = ReturnsTab(session)
    qtbot.addWidget(tab)
    session.park = stored
    session.opened.emit()
    yield tab
    session.park = None  # the park fixture closes the file


def test_filters_by_year_industry_zone_and_text(tab, qtbot, qtmodeltester):
    assert tab.model.rowCount() == 9
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2023))
    assert tab.model.rowCount() == 4
    assert "4" in tab.count_label.text() and "9" in tab.count_label.text()
    tab.zone_combo.setCurrentIndex(tab.zone_combo.findData("中部虹桥片区"))  # n % 3 == 1: enterprises 1 and 4
    assert [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())] == [code(1)]
    tab.zone_combo.setCurrentIndex(0)
    tab.industry_combo.setCurrentIndex(tab.industry_combo.findData("人工智能产业"))  # n % 4 == 1: 1 and 5
    assert sorted(tab.model.index(r, 0).data() for r in range(tab.model.rowCount())) == [code(1), code(5)]
    tab.industry_combo.setCurrentIndex(0)
    tab.text_edit.setText("测试企业6")
    assert tab.model.rowCount() == 4  # 2023 still chosen; the search waits for a pause in the typing
    qtbot.waitUntil(lambda: tab.model.rowCount() == 1)
    tab.text_edit.setText(code(3).lower())
    qtbot.waitUntil(lambda: tab.model.index(0, 0).data() == code(3))
    assert tab.model.rowCount() == 1
    qtmodeltester.check(tab.model)


def test_sorting_by_revenue_is_numeric(tab):
    tab.view.sortByColumn(ReturnsTableModel.REVENUE, Qt.SortOrder.DescendingOrder)
    values = [tab.model.index(r, ReturnsTableModel.REVENUE).data(SORT_ROLE) for r in range(tab.model.rowCount())]
    # enterprise n has revenue 1000 + n: 6, 5, 5, 4, 3, 3, 2, 1, 1
    assert values == [1006.0, 1005.0, 1005.0, 1004.0, 1003.0, 1003.0, 1002.0, 1001.0, 1001.0]


def test_sort_keeps_selection_and_filter(tab, qtmodeltester):
    """A sort keeps the selected return selected (at its new row), and a filter keeps the sort; the model
    tester watches every signal of the sorts and filters below."""
    qtmodeltester.check(tab.model)
    tab.view.sortByColumn(ReturnsTableModel.REVENUE, Qt.SortOrder.AscendingOrder)
    tab.view.selectRow(8)  # the largest revenue: enterprise 6 (2023)
    assert tab.model.row(8)[ReturnsTableModel.CODE] == code(6)
    tab.view.sortByColumn(ReturnsTableModel.REVENUE, Qt.SortOrder.DescendingOrder)
    selected = tab.view.selectionModel().selectedRows()
    assert [i.row() for i in selected] == [0] and tab.model.row(0)[ReturnsTableModel.CODE] == code(6)
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2022))
    assert [tab.model.row(r)[ReturnsTableModel.CODE] for r in range(tab.model.rowCount())] == \
        [code(5), code(4), code(3), code(2), code(1)]
    tab.view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # back to the stored order: by credit code
    assert [tab.model.row(r)[ReturnsTableModel.CODE] for r in range(tab.model.rowCount())] == \
        [code(1), code(2), code(3), code(4), code(5)]


def test_collection_panel_and_export(tab, qtbot, tmp_path):
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2023))
    text = tab.collection_label.text()
    assert "60.0%" in text and "5" in text and "3" in text
    assert tab.missing_model.rowCount() == 2 and tab.export_button.isEnabled()
    out = wait_job(qtbot, tab.export_missing(tmp_path / "未回收.xlsx"))
    ws = load_workbook(out).active
    assert "回收率60.0%" in ws["A1"].value
    assert [ws.cell(row=r, column=1).value for r in (3, 4)] == [code(2), code(4)]
    assert ws.cell(row=3, column=5).value == 1002
    tab.year_combo.setCurrentIndex(0)  # any year: the latest year with returns
    assert tab.collection.year == 2023
    tab.grab().save(str(tmp_path / "returns_tab.png"))


def test_tab_reloads_when_returns_change(tab, tmp_path):
    from models.returns.importer import undo_batch

    undo_batch(tab.session.park, 1)
    tab.session.changed.emit("returns")
    assert tab.model.rowCount() == 0 and tab.collection is None
    assert not tab.export_button.isEnabled()


def test_source_sorts_by_file_sheet_then_row_number(tab):
    """Rows 2–10 of one file: row 10 comes after row 9 (a number), not after row 1 (as text would)."""
    tab.view.sortByColumn(ReturnsTableModel.SOURCE, Qt.SortOrder.AscendingOrder)
    rows = [tab.model.row(r)[ReturnsTableModel.SOURCE + 2] for r in range(tab.model.rowCount())]
    assert rows == list(range(2, 11))
    assert tab.model.index(0, ReturnsTableModel.SOURCE).data().endswith("r.xlsx · 企业报表 · 2")
    tab.view.sortByColumn(ReturnsTableModel.SOURCE, Qt.SortOrder.DescendingOrder)
    assert [tab.model.row(r)[ReturnsTableModel.SOURCE + 2] for r in range(3)] == [10, 9, 8]
