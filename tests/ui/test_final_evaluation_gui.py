"""Issue 13 in the window: the 2025 final statuses, the office's baseline row (edit, audit, undo),
cumulative flow and running total side by side, and File ▸ 导出官方数据表 / 导入官方数据 with undo."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import wait_job
from ui.tabs.indicator_table import IndicatorTableModel
from ui.tabs.indicators_tab import IndicatorsTab


def set_official(conn, code, values):
    for year, value in values.items():
        conn.execute("UPDATE indicator_years SET official = ? WHERE code = ? AND year = ?", (value, code, year))
    conn.commit()


def tab_of(window) -> IndicatorsTab:
    window.tabs.setCurrentIndex(0)
    tab = window.park_tabs[0]
    assert isinstance(tab, IndicatorsTab)
    return tab


def test_final_year_statuses_and_cumulative_columns(window):
    conn = window.session.park.conn
    set_official(conn, "high_tech_enterprises", {2025: 460})
    set_official(conn, "new_listed_companies", {2021: 3, 2022: 3, 2023: 3, 2024: 3, 2025: 2})
    tab = tab_of(window)
    tab.reload()
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2025))
    model = tab.table_model
    row = model.row_of("high_tech_enterprises")
    assert model.index(row, model.STATUS).data() == "基本完成"           # p = 212/232 = 0.914
    assert model.index(row, model.GAP).data() == "差20家"
    listed = model.row_of("new_listed_companies")
    assert model.index(listed, model.VALUE).data() == "2"               # 当年新增
    assert model.index(listed, model.CUMULATIVE).data() == "14"         # 累计, the status goes with it
    assert model.index(listed, model.STATUS).data() == "基本完成"
    assert "累计" in model.headerData(model.CUMULATIVE, Qt.Orientation.Horizontal)
    assert tab.status_chips["mostly_achieved"].text() == "基本完成 2"
    assert tab.status_chips["achieved"].text().startswith("完成")
    assert not tab.status_chips["on_track"].isVisibleTo(tab)
    tab.select_indicator("new_listed_companies")
    headers = [c.header for c in tab.year_model.columns]
    assert "官方值（当年新增）" in headers and "累计" in headers
    assert headers.index("累计") + 1 == headers.index("状态")


def test_baseline_row_edit_audit_undo(window, qtbot):
    park = window.session.park
    conn = park.conn
    set_official(conn, "rd_intensity", {2025: 4.4})
    tab = tab_of(window)
    tab.reload()
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2025))
    tab.select_indicator("rd_intensity")
    model = tab.table_model
    row = model.row_of("rd_intensity")
    assert model.index(row, model.STATUS).data() == "无法评估"          # no baseline, 4.4 below 4.5
    bm = tab.baseline_model
    assert bm.rowCount() == 1
    assert bm.index(0, bm.column_of("plan")).data() == ""                # the plan gives none
    before = conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
    assert bm.setData(bm.index(0, bm.column_of("office")), "3.5")
    assert bm.setData(bm.index(0, bm.column_of("source")), "区统计局")
    assert conn.execute("SELECT baseline_office, baseline_office_source FROM indicators WHERE code ="
                        " 'rd_intensity'").fetchone() == (3.5, "区统计局")
    assert conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == before + 2
    # (4.4 - 3.5) / (4.5 - 3.5) = 0.9: 基本完成 with the office's baseline
    assert model.index(row, model.STATUS).data() == "基本完成"
    assert model.index(row, model.BASELINE).data() == "3.50"                 # % with 2 decimals (numfmt)
    assert model.index(row, model.BASELINE).data(Qt.ItemDataRole.ToolTipRole) == "区定基期值；规划所列：—"
    assert bm.setData(bm.index(0, bm.column_of("office")), "-1") is False   # refused like a typed figure
    window.session.undo_stack.undo()
    window.session.undo_stack.undo()
    assert conn.execute("SELECT baseline_office, baseline_office_source FROM indicators WHERE code ="
                        " 'rd_intensity'").fetchone() == (None, None)
    assert model.index(row, model.STATUS).data() == "无法评估"
    tab.select_indicator("total_revenue")
    assert "规模以上企业口径" in bm.index(0, bm.column_of("caveat")).data(Qt.ItemDataRole.ToolTipRole)


def test_official_figures_menu_round_trip_and_undo(window, qtbot, tmp_path):
    from openpyxl import load_workbook

    texts = [a.text() for a in window.file_menu.actions()]
    assert "导出官方数据表…" in texts and "导入官方数据…" in texts
    actions = window.official_actions
    out = wait_job(qtbot, actions.export(tmp_path / "官方数据.xlsx"))
    book = load_workbook(out)
    ws = book["官方数据"]
    row = next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == "tech_contract_turnover")
    ws.cell(row, 9, 22.3)              # 2025 in column I
    ws.cell(row, 8, "abc")             # 2024: rejected, by row and column
    book.save(out)
    conn = window.session.park.conn
    with qtbot.waitSignal(actions.import_finished, timeout=60_000) as finished:
        actions.import_file(tmp_path / "官方数据.xlsx", confirm=False)
    assert finished.args == [1]
    assert actions.last_result.accepted == 1
    assert [(p.row, p.column) for p in actions.last_result.rejected] == [(row, "H列“2024”")]
    tab = tab_of(window)
    tab.year_combo.setCurrentIndex(tab.year_combo.findData(2025))
    status = tab.table_model.index(tab.table_model.row_of("tech_contract_turnover"), IndicatorTableModel.STATUS)
    assert status.data() == "完成"
    assert window.session.undo_stack.undoText().startswith("导入官方数据")
    window.session.undo_stack.undo()
    assert conn.execute("SELECT official FROM indicator_years WHERE code = 'tech_contract_turnover'"
                        " AND year = 2025").fetchone()[0] is None
    assert status.data() == "无法评估"
    window.session.undo_stack.redo()
    assert conn.execute("SELECT official FROM indicator_years WHERE code = 'tech_contract_turnover'"
                        " AND year = 2025").fetchone()[0] == 22.3
