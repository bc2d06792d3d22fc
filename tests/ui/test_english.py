"""English mode reaches what models write in Chinese: an indicator chart's title and an import message."""

from __future__ import annotations

import pytest

from tests.returns_data import row, write_openpyxl
from ui.model_text import english


@pytest.fixture
def english_window(qtbot, settings, park_path):
    from ui.app import make_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    app = make_application([])
    install_translators(app, "en")
    win = MainWindow(settings, "en")
    win.interactive = False
    qtbot.addWidget(win)
    assert win.open_file(park_path)
    win.show()
    qtbot.waitExposed(win)
    try:
        yield win
    finally:
        win.close()
        install_translators(app, "zh_CN")


def test_chart_title_and_import_message_in_english(english_window, qtbot, tmp_path):
    window = english_window
    tab = window.park_tabs[0]
    window.tabs.setCurrentIndex(0)
    tab.draw_charts()
    titles = [ax.get_title() for ax in tab.chart.figure.axes]
    assert titles[0] == "R&D spending as a share of district GDP (%)"
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in titles[0]), titles

    controller = window.returns_actions.controller
    book = write_openpyxl(tmp_path / "a.xlsx", [row(1, revenue="abc")])
    with qtbot.waitSignal(controller.checked, timeout=10000):
        controller.start([str(book)])
    rejected = controller.review.models["rejected"]
    reasons = [rejected.index(r, rejected.columnCount() - 1).data() for r in range(rejected.rowCount())]
    assert "“abc” is not a number" in reasons, reasons  # models.returns.cells: “abc”不是数字
    controller.review.reject()


def test_messages_outside_the_table_stay_as_written():
    assert english("“a.xlsx”工作表“企业报表”第3行：“abc”不是数字") == "“a.xlsx”, sheet “企业报表”, row 3: “abc” is not a number"
    assert english("园区数据文件已损坏") == "园区数据文件已损坏"
