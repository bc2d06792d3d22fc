"""The main window: tabs in Chinese, files, recent files, language, screenshots."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QImage, QPainter, QRawFont

CHINESE_SAMPLE = "长宁园规划监测每万人发明专利拥有量高新技术企业数（累计）"


def test_tabs_are_in_chinese_and_show_the_plan(window, park_path):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["指标", "产业", "片区", "人才", "企业报表", "规划基数", "重点任务"]
    assert park_path.name in window.windowTitle()
    indicators = window.park_tabs[0].model
    assert indicators.rowCount() == 11
    assert indicators.index(1, 0).data() == "每万人发明专利拥有量"
    assert indicators.index(1, 2).data() == "74.0"  # 件 per 10,000 people: a ratio, one decimal (numfmt.figure_unit)
    assert indicators.index(5, 2).data() == "248"
    assert indicators.index(5, 3).data() == "480"
    # the other tabs are filled when first shown, not when the file is opened
    assert [window.park_tabs[i].model.rowCount() for i in (1, 2)] == [0, 0]
    window.tabs.setCurrentIndex(1)
    assert window.park_tabs[1].model.rowCount() == 11 + 2  # industries, "3+3" subtotal, total
    window.tabs.setCurrentIndex(2)
    assert window.park_tabs[2].model.rowCount() == 3 + 1   # zones, total
    window.tabs.setCurrentIndex(3)
    assert window.park_tabs[3].model.index(0, 3).data() == "8"
    assert window.menuBar().actions()[0].text() == "文件(&F)"


def test_recent_files_and_last_file_persist(window, settings, park_path, tmp_path):
    from ui.main_window import MainWindow

    assert settings.value("last_file") == str(park_path)
    window.close()
    again = MainWindow(settings, "zh_CN")
    again.interactive = False
    assert again.recent_files()[0] == str(park_path)
    assert again.open_start_file(None)
    assert again.session.park.path == park_path
    again.close()


def test_missing_last_file_is_reported_and_nothing_opened(qtbot, settings, tmp_path):
    from ui.main_window import MainWindow

    settings.setValue("last_file", str(tmp_path / "gone.sqlite"))
    win = MainWindow(settings, "zh_CN")
    qtbot.addWidget(win)
    win.interactive = False
    assert not win.open_start_file(None)
    assert win.session.park is None


def test_first_start_creates_the_file_in_documents(qtbot, settings, user_folders):
    from ui.main_window import MainWindow

    win = MainWindow(settings, "zh_CN")
    qtbot.addWidget(win)
    win.interactive = False
    assert win.open_start_file(None)
    expected = user_folders / "长宁园规划监测" / "park.sqlite"
    assert expected.exists()
    assert win.session.park.path == expected
    win.close()


def test_second_window_on_same_file_is_refused_without_read_only_consent(window, qtbot, settings, park_path):
    from ui.main_window import MainWindow

    other = MainWindow(settings, "zh_CN")
    qtbot.addWidget(other)
    other.interactive = False  # answers "no" to "open read-only?"
    assert not other.open_file(park_path)
    other.lock_choice = lambda path, error: "read_only"  # 以只读方式打开
    assert other.open_file(park_path)
    assert other.session.park.read_only
    assert "只读" in other.windowTitle()
    other.close()


def test_not_a_park_file_keeps_the_current_one(window, tmp_path, park_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"PK\x03\x04 not sqlite")
    messages = []
    window.warn = lambda title, text: messages.append(text)
    assert not window.open_file(bad)
    assert window.session.park.path == park_path
    assert "不是园区数据文件" in messages[0]


def test_english_interface(qtbot, settings, park_path):
    from ui.app import make_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    app = make_application([])
    install_translators(app, "en")
    try:
        win = MainWindow(settings, "en")
        qtbot.addWidget(win)
        win.interactive = False
        assert win.open_file(park_path)
        assert [win.tabs.tabText(i) for i in range(win.tabs.count())][:2] == ["Indicators", "Industries"]
        assert win.park_tabs[0].model.index(1, 0).data() == "Invention patents per 10,000 people"
        win.close()
    finally:
        install_translators(app, "zh_CN")


def test_qt_has_a_simplified_chinese_font_that_covers_the_interface(window):
    from PySide6.QtWidgets import QApplication

    font = QApplication.font()
    family = font.families()[0]
    assert family in QFontDatabase.families()
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    raw = QRawFont.fromFont(QFont(family))
    glyphs = raw.glyphIndexesForString(CHINESE_SAMPLE)
    assert len(glyphs) == len(CHINESE_SAMPLE) and 0 not in glyphs  # glyph 0 is the empty box


def test_screenshot_of_each_tab_shows_chinese(window, tmp_path):
    """Each tab rendered offscreen; its text pixels are not the empty boxes of a missing font."""
    shots = tmp_path / "shots"
    shots.mkdir()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        image = window.grab().toImage()
        path = shots / f"tab{index}.png"
        assert image.save(str(path))
        assert image.width() > 600 and path.stat().st_size > 5000


def test_chinese_glyphs_render_unlike_missing_glyph_boxes(window):
    """Draw a Chinese string and a private-use character (always a box) and compare their ink."""
    from PySide6.QtWidgets import QApplication

    def ink(text: str) -> bytes:
        image = QImage(200, 40, QImage.Format.Format_Grayscale8)
        image.fill(Qt.GlobalColor.white)
        painter = QPainter(image)
        painter.setFont(QApplication.font())
        painter.drawText(5, 30, text)
        painter.end()
        return bytes(image.constBits())

    chinese, box = ink("园区"), ink("\ue000\ue000")
    assert chinese != box
    assert chinese != ink("")


def test_a_hidden_tab_catches_up_with_one_reload_when_shown(qtbot):
    """Tables changed while a tab was hidden: one reload when it is shown, not one per change; a tab not
    concerned by the tables does nothing."""
    from PySide6.QtWidgets import QTabWidget, QWidget

    from ui.session import ParkSession
    from ui.tabs.base import ParkTab

    class Counting(ParkTab):
        def __init__(self, session, watched):
            super().__init__(session)
            self.watched, self.reloads = watched, 0

        def reload(self):
            self.reloads += 1

        def on_table_changed(self, table):
            if table in self.watched:
                self.reload()

    session = ParkSession()
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    first, returns, other = Counting(session, ()), Counting(session, ("returns", "import_batches")), \
        Counting(session, ("talent_years",))
    for tab in (first, returns, other):
        tab.fill_when_shown = True
        tabs.addTab(tab, "")
    tabs.addTab(QWidget(), "")
    tabs.show()
    qtbot.waitExposed(tabs)
    session.opened.emit()
    assert (first.reloads, returns.reloads, other.reloads) == (1, 0, 0)  # only the tab on screen
    tabs.setCurrentIndex(1)
    assert returns.reloads == 1
    tabs.setCurrentIndex(3)
    for table in ("returns", "import_batches", "returns"):
        session.changed.emit(table)
    assert returns.reloads == 1
    tabs.setCurrentIndex(1)
    assert returns.reloads == 2      # once for the three changes
    tabs.setCurrentIndex(2)
    assert other.reloads == 1        # its first showing: the file opened meanwhile
    tabs.setCurrentIndex(3)
    session.changed.emit("returns")
    tabs.setCurrentIndex(2)
    assert other.reloads == 1        # "returns" is not its table
    session.changed.emit("talent_years")
    assert other.reloads == 2        # shown: at once
