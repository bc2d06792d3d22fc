"""The trace of a derived figure: the returns rows summed, with file, sheet, row and batch."""

from __future__ import annotations

from models.returns.importer import import_paths
from tests.returns_data import code, row, write_openpyxl
from ui.trace_dialog import show_trace


def test_trace_lists_rows_files_and_batches(qtbot, park, tmp_path):
    a = write_openpyxl(tmp_path / "a.xlsx", [row(1), row(2, tech_contract=None)])
    b = write_openpyxl(tmp_path / "b.xlsx", [row(3)])
    assert import_paths(park, [str(a)]).exit_code == 0
    assert import_paths(park, [str(b)]).exit_code == 0
    dialog = show_trace(None, park, "tech_contract_turnover", 2023)
    qtbot.addWidget(dialog)
    model = dialog.rows_model
    # enterprise 2 gave no technology contracts, so the figure came from enterprises 1 and 3
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [code(1), code(3)]
    headers = [model.headerData(c, qtbot_orientation()) for c in range(model.columnCount())]
    assert "技术合同成交额（万元）" in headers
    assert [model.row(r)[2:] for r in range(2)] == [(10.0, str(a), "企业报表", 2, 1), (30.0, str(b), "企业报表", 2, 2)]
    assert dialog.batches_model.rowCount() == 2
    assert "a.xlsx" in dialog.batches_model.row(0)[4] and "SHA-256" in dialog.batches_model.row(0)[4]
    assert "2" in dialog.summary.text()
    dialog.grab().save(str(tmp_path / "trace.png"))


def test_trace_of_an_indicator_not_from_returns(qtbot, park):
    dialog = show_trace(None, park, "foreign_work_permits", 2023)
    qtbot.addWidget(dialog)
    assert dialog.rows_model.rowCount() == 0 and dialog.batches_model.rowCount() == 0


def qtbot_orientation():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_trace_follows_the_files_derivation(qtbot, park, tmp_path):
    # a plan whose 报表口径 for this code reads revenue: the dialog shows the revenue column, not 技术合同成交额
    with park.conn:
        park.conn.execute("UPDATE indicators SET derivation = 'sum(revenue) / 10000'"
                          " WHERE code = 'tech_contract_turnover'")
    a = write_openpyxl(tmp_path / "a.xlsx", [row(1), row(2, tech_contract=None)])
    assert import_paths(park, [str(a)]).exit_code == 0
    dialog = show_trace(None, park, "tech_contract_turnover", 2023)
    qtbot.addWidget(dialog)
    model = dialog.rows_model
    headers = [model.headerData(c, qtbot_orientation()) for c in range(model.columnCount())]
    assert "营业收入（万元）" in headers and "技术合同成交额（万元）" not in headers
    # both enterprises gave revenue (1001 and 1002 万元, tests.returns_data.row), so both rows are traced
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [code(1), code(2)]
    assert "营业收入" in dialog.summary.text()
