"""The reusable empty state: its sentence, its buttons and the signals they emit."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from widgets.empty_state import EmptyOr, EmptyState


def test_two_buttons_emit_their_own_signals(qtbot):
    empty = EmptyState("还没有企业报表。", "导入企业报表…", "导出企业报表表格…")
    qtbot.addWidget(empty)
    empty.resize(600, 300)
    empty.show()
    qtbot.waitExposed(empty)
    assert empty.label.text() == "还没有企业报表。"
    assert empty.label.isVisible() and empty.primary.isVisible() and empty.secondary.isVisible()
    assert empty.primary.text() == "导入企业报表…" and empty.secondary.text() == "导出企业报表表格…"
    pressed = []
    empty.primary_clicked.connect(lambda: pressed.append("primary"))
    empty.secondary_clicked.connect(lambda: pressed.append("secondary"))
    qtbot.mouseClick(empty.secondary, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(empty.primary, Qt.MouseButton.LeftButton)
    assert pressed == ["secondary", "primary"]
    # the sentence sits above the buttons, the buttons side by side, first the primary
    assert empty.label.geometry().bottom() < empty.primary.geometry().top()
    assert empty.primary.geometry().right() < empty.secondary.geometry().left()
    assert empty.primary.isDefault()


def test_one_button_and_new_texts(qtbot):
    empty = EmptyState("还没有官方数据。", "导入官方数据…")
    qtbot.addWidget(empty)
    assert empty.secondary is None
    assert empty.findChildren(type(empty.primary)) == [empty.primary]
    empty.set_text("No official figures yet.")
    empty.set_buttons("Import official figures…")
    assert empty.label.text() == "No official figures yet." and empty.primary.text() == "Import official figures…"


def test_sentence_only(qtbot):
    empty = EmptyState("没有符合条件的企业。")
    qtbot.addWidget(empty)
    assert empty.primary is None and empty.secondary is None


def test_empty_or_switches_between_the_data_and_the_next_step(qtbot):
    table = QTableView()
    empty = EmptyState("还没有企业报表。", "导入企业报表…")
    page = EmptyOr(table, empty)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.currentWidget() is table and not page.is_empty()
    page.set_empty(True)
    assert page.currentWidget() is empty and page.is_empty() and empty.isVisible() and not table.isVisible()
    page.set_empty(False)
    assert table.isVisible() and not empty.isVisible()
