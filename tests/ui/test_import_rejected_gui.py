"""The window's import with cells an attacker or a careless hand types (1E+20, control characters): the
check worker reports rejected rows, never an exception; the review dialog saves them as a workbook."""

from __future__ import annotations

from openpyxl import load_workbook

from models.store.return_form import COLUMNS, SHEET_NAME
from models.base.xlsx_writer import sheet_formulas
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


def test_review_lists_name_code_file_and_whole_message_and_opens_on_what_needs_attention(window, qtbot, tmp_path):
    from PySide6.QtCore import Qt

    controller = window.returns_actions.controller
    first = write_xlsxwriter(tmp_path / "2022年报表.xlsx", [row(1, 2022, employees=20, returnees=0, foreign_staff=0),
                                                         row(2, 2022)])
    with qtbot.waitSignal(controller.checked, timeout=10000):
        controller.start([str(first)])
    review = controller.review
    assert review.tabs.currentIndex() == 0  # nothing needs attention: the accepted rows
    with qtbot.waitSignal(controller.imported, timeout=10000):
        review.accept()

    # the same file again (named first), a fivefold change, and a rejected row
    second = write_xlsxwriter(tmp_path / "2023年报表.xlsx", [
        row(1, employees=2000, returnees=0, foreign_staff=0), row(3, tax="约100", name="丙公司")])
    with qtbot.waitSignal(controller.checked, timeout=10000):
        controller.start([str(second), str(first)])
    review = controller.review
    assert review.summary.text().splitlines()[0] == f"“{first}”：该文件已于" + \
        window.session.park.conn.execute("SELECT substr(created_at, 1, 10) FROM import_batches").fetchone()[0] + \
        "作为第1批导入。"
    assert review.tabs.currentIndex() == 1  # rejected first
    rejected = review.models["rejected"]
    assert [rejected.index(0, c).data() for c in range(7)] == [
        "2023年报表.xlsx", "企业报表", "3", code(3), "丙公司", "G列“纳税总额（万元）”", "“约100”不是数字"]
    assert rejected.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == str(second)
    outliers = review.models["outliers"]
    message = outliers.index(0, 6).data()
    assert outliers.index(0, 4).data() == "测试企业1有限公司" and outliers.index(0, 3).data() == code(1)
    assert "从业人员期末人数（人）由2022年的20变为2,000（增至100.0倍）" in message
    assert outliers.index(0, 6).data(Qt.ItemDataRole.ToolTipRole) == message
    assert review.views["outliers"].wordWrap()
    review.grab().save(str(tmp_path / "review.png"))
    with qtbot.waitSignal(controller.cancelled, timeout=10000):
        review.reject()
