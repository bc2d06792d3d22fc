"""The window's import with cells an attacker or a careless hand types (1E+20, control characters): the
check worker reports rejected rows, never an exception; the review dialog saves them as a workbook."""

from __future__ import annotations

from openpyxl import load_workbook

from models.return_form import COLUMNS, SHEET_NAME
from models.xlsx_writer import sheet_formulas
from tests.returns_data import code, row, write_xlsxwriter


def test_window_import_of_1e20_and_control_characters_then_save_rejected_rows(window, qtbot, tmp_path):
    controller = window.returns_actions.controller
    path = write_xlsxwriter(tmp_path / "企业.xlsx", [
        row(1), row(2, employees=1e20), row(3, revenue=1e300, name="=1+1\x1b"), row(4, patent_apps="1E+20")])
    failed = []
    controller.failed.connect(failed.append)
    with qtbot.waitSignal(controller.checked, timeout=10000) as blocker:
        controller.start([str(path)])
    assert failed == []
    result = blocker.args[0]
    assert result.rejected_rows == 3 and len(result.accepted) == 1
    review = controller.review
    assert review.models["rejected"].rowCount() == 4  # row 3 has two reasons
    assert review.save_rejected_button.isEnabled()
    assert review.save_rejected_button.text() == "保存被拒行…"
    out = tmp_path / "被拒行.xlsx"
    assert review.rejected_start_path() == out
    assert review.save_rejected(out) == str(out)
    assert str(out) in review.summary.text()
    assert sheet_formulas(out) == []
    ws = load_workbook(out)[SHEET_NAME]
    rows = list(ws.values)
    assert list(rows[0]) == [c.title for c in COLUMNS] + ["问题说明"]
    assert [r[0] for r in rows[1:]] == [code(2), code(3), code(4)]
    assert rows[2][1] == "=1+1" and ws["B3"].data_type == "s"  # ESC dropped, text not a formula
    with qtbot.waitSignal(controller.imported, timeout=10000):
        review.accept()
    assert window.session.park.conn.execute("SELECT COUNT(*) FROM returns").fetchone() == (1,)


def test_save_rejected_rows_is_disabled_when_nothing_was_rejected(window, qtbot, tmp_path):
    controller = window.returns_actions.controller
    with qtbot.waitSignal(controller.checked, timeout=10000):
        controller.start([str(write_xlsxwriter(tmp_path / "a.xlsx", [row(1)]))])
    assert not controller.review.save_rejected_button.isEnabled()
    with qtbot.waitSignal(controller.cancelled, timeout=10000):
        controller.review.reject()
