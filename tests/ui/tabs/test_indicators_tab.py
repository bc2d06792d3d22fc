"""The 指标 tab on a real park file: edits in place, status badges, chart, undo, refused entries."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from ui.tabs.indicator_table import IndicatorTableModel
from ui.tabs.indicators_tab import IndicatorsTab
from widgets.status_badge import BADGE_COLOR_ROLE
from tests.park_checks import digest


def audit_rows(park) -> int:
    return park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]


def actual_line(tab: IndicatorsTab):
    """(x, y) of the chart's line of values."""
    ax = tab.chart.figure.axes[0]
    line = next(line for line in ax.get_lines() if line.get_label() == "实际值")
    return list(line.get_xdata()), list(line.get_ydata())


def status_cell(tab: IndicatorsTab, code: str):
    index = tab.table_model.index(tab.table_model.row_of(code), IndicatorTableModel.STATUS)
    return index.data(Qt.ItemDataRole.DisplayRole), index.data(BADGE_COLOR_ROLE)


@pytest.fixture
def tab(window, qtbot) -> IndicatorsTab:
    window.tabs.setCurrentIndex(0)
    tab = window.park_tabs[0]
    assert isinstance(tab, IndicatorsTab)
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2023))
    tab.select_indicator("invention_patents_per_10k")
    return tab


def test_models_pass_the_model_tester(tab, qtmodeltester):
    qtmodeltester.check(tab.table_model)
    qtmodeltester.check(tab.year_model)
    qtmodeltester.check(tab.reference_model)
    assert tab.table_model.rowCount() == 11


def test_edit_official_value_then_undo(window, tab, qtbot):
    park = window.session.park
    assert status_cell(tab, "invention_patents_per_10k") == ("无法评估", "#8a8a8a")
    assert actual_line(tab) == ([2020], [74.0])                # only the baseline
    assert tab.status_chips["behind"].text() == "滞后 0"
    before_audit = audit_rows(park)

    # type 85 into the 2023 official cell through the view's editor (the delegate)
    row = 2023 - 2020
    index = tab.year_model.index(row, tab.year_model.column_of("official"))
    tab.year_view.setCurrentIndex(index)
    tab.year_view.edit(index)
    editor = tab.year_view.viewport().findChild(QLineEdit)
    assert editor is not None
    editor.setText("85")
    qtbot.keyClick(editor, Qt.Key.Key_Return)      # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: tab.year_view.viewport().findChild(QLineEdit) is None or not editor.isVisible())
    qtbot.wait(10)

    # p = 11/21 = 0.524 < 0.9 * 0.6 = 0.54: behind, shown as the red badge and in the strip
    assert park.conn.execute("SELECT official FROM indicator_years WHERE code = 'invention_patents_per_10k'"
                             " AND year = 2023").fetchone()[0] == 85
    assert status_cell(tab, "invention_patents_per_10k") == ("滞后", "#c62828")
    assert tab.status_chips["behind"].text() == "滞后 1"
    assert tab.year_model.index(row, tab.year_model.column_of("status")).data() == "滞后"
    assert actual_line(tab) == ([2020, 2023], [74.0, 85.0])
    assert audit_rows(park) == before_audit + 1
    field, old, new, action = park.conn.execute(
        "SELECT field, old_value, new_value, action FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    assert (field, old, new, action) == ("official", None, "85", "edit")

    # Edit ▸ Undo brings both back
    undo = window.edit_menu.actions()[0]
    assert undo.isEnabled()
    undo.trigger()
    assert park.conn.execute("SELECT official FROM indicator_years WHERE code = 'invention_patents_per_10k'"
                             " AND year = 2023").fetchone()[0] is None
    assert status_cell(tab, "invention_patents_per_10k") == ("无法评估", "#8a8a8a")
    assert actual_line(tab) == ([2020], [74.0])
    assert tab.status_chips["behind"].text() == "滞后 0"
    assert audit_rows(park) == before_audit + 2                 # the undo is audited too

    window.edit_menu.actions()[1].trigger()                      # redo
    assert status_cell(tab, "invention_patents_per_10k") == ("滞后", "#c62828")


@pytest.mark.parametrize("code, entry", [
    ("invention_patents_per_10k", "八十五"),     # not a number
    ("invention_patents_per_10k", "-3"),        # a count cannot be negative
    ("returnee_foreign_share", "150"),          # a share above 100 %
])
def test_bad_entry_is_refused_and_file_unchanged(window, tab, park_path, entry, code):
    messages = []
    window.session.failed.connect(messages.append)
    tab.select_indicator(code)
    park = window.session.park
    before = digest(park_path)
    before_audit = audit_rows(park)
    index = tab.year_model.index(2023 - 2020, tab.year_model.column_of("official"))
    assert not tab.year_model.setData(index, entry, Qt.ItemDataRole.EditRole)
    assert len(messages) == 1
    header = tab.year_model.columns[index.column()].header
    assert header.startswith("官方") and header in messages[0]          # names the column, in Chinese
    assert "2023" in messages[0] and entry in messages[0]               # the row and the entry
    assert "未保存" in messages[0]
    assert digest(park_path) == before
    assert audit_rows(park) == before_audit
    assert not window.session.undo_stack.canUndo()
    assert index.data() == ""


def test_share_accepts_percent_sign_and_reference_growth_may_be_negative(window, tab):
    park = window.session.park
    tab.select_indicator("returnee_foreign_share")
    index = tab.year_model.index(1, tab.year_model.column_of("official"))
    assert tab.year_model.setData(index, "3.5%", Qt.ItemDataRole.EditRole)
    assert park.conn.execute("SELECT official FROM indicator_years WHERE code = 'returnee_foreign_share'"
                             " AND year = 2021").fetchone()[0] == 3.5

    combo = tab.reference_combo
    combo.setCurrentIndex(combo.findData("district_gdp_growth"))
    value = tab.reference_model.index(2021 - 2020, tab.reference_model.column_of("value"))
    assert tab.reference_model.setData(value, "-2.5", Qt.ItemDataRole.EditRole)
    assert park.conn.execute("SELECT value FROM reference_years WHERE code = 'district_gdp_growth'"
                             " AND year = 2021").fetchone()[0] == -2.5
    combo.setCurrentIndex(combo.findData("district_gdp"))
    value = tab.reference_model.index(2021 - 2020, tab.reference_model.column_of("value"))
    assert not tab.reference_model.setData(value, "-1", Qt.ItemDataRole.EditRole)
    assert park.conn.execute("SELECT value FROM reference_years WHERE code = 'district_gdp'"
                             " AND year = 2021").fetchone()[0] is None


def test_keep_pace_status_follows_the_reference_series(window, tab):
    park = window.session.park
    tab.select_indicator("total_revenue")
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2021))
    official = tab.year_model.index(1, tab.year_model.column_of("official"))
    # 1533.63 -> 1686.993: growth 10 %
    assert tab.year_model.setData(official, "1686.993", Qt.ItemDataRole.EditRole)
    assert status_cell(tab, "total_revenue")[0] == "无法评估"    # no district growth yet
    tab.reference_combo.setCurrentIndex(tab.reference_combo.findData("district_gdp_growth"))
    growth = tab.reference_model.index(1, tab.reference_model.column_of("value"))
    assert tab.reference_model.setData(growth, "10.5", Qt.ItemDataRole.EditRole)
    assert status_cell(tab, "total_revenue")[0] == "略有滞后"     # 10 >= 10.5 - 1
    assert park.conn.execute("SELECT COUNT(*) FROM audit_log WHERE table_name = 'reference_years'").fetchone()[0] == 1


def test_indicator_table_model_alone_sorts_by_number(park, qtmodeltester):
    from PySide6.QtCore import QSortFilterProxyModel

    from models.planning.figures import indicator_series
    from widgets.roles import SORT_ROLE

    park.conn.execute("UPDATE indicator_years SET official = 500 WHERE code = 'high_tech_enterprises' AND year = 2022")
    model = IndicatorTableModel()
    model.set_series(indicator_series(park.conn), 2022)
    qtmodeltester.check(model)
    row = model.row_of("high_tech_enterprises")
    assert model.index(row, model.VALUE).data() == "500"
    assert model.index(row, model.STATUS).data(Qt.ItemDataRole.UserRole) == "achieved"   # 500 >= 480
    assert "2022" in model.headerData(model.VALUE, Qt.Orientation.Horizontal)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(model.BASELINE, Qt.SortOrder.DescendingOrder)
    # baselines 1533.63 (revenue), 248, 91.7, 74, 15; numbers, not text ("91.7" > "248" as text); 亿元 2 decimals
    firsts = [proxy.index(i, model.BASELINE).data() for i in range(5)]
    assert firsts == ["1,533.63", "248", "91.70", "74.0", "15"]  # per 10,000 people: a ratio, one decimal
    proxy.sort(model.STATUS, Qt.SortOrder.AscendingOrder)
    assert proxy.index(0, model.NAME).data() == "高新技术企业数（累计）"


def test_trace_sources_only_on_derived_cells_and_only_if_the_dialog_exists(tab):
    import importlib.util

    official = tab.year_model.index(3, tab.year_model.column_of("official"))
    assert tab.year_context_menu(official) is None
    menu = tab.year_context_menu(tab.year_model.index(3, tab.year_model.column_of("derived")))
    if importlib.util.find_spec("ui.trace_dialog") is None:
        assert menu is None                      # the dialog is not part of this build: no action
    else:
        assert [a.text() for a in menu.actions()] == ["追溯来源"]
