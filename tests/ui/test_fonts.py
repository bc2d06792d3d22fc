"""The interface's CJK font is found under its English or its localized name (widgets/fonts.py)."""

from __future__ import annotations

import pytest

from widgets import fonts


@pytest.mark.parametrize("listed, expected", [
    (["Arial", "宋体", "微软雅黑", "黑体"], "微软雅黑"),                       # Chinese Windows, Qt's localized names
    (["Arial", "SimSun", "Microsoft YaHei", "SimHei"], "Microsoft YaHei"),  # English Windows
    (["Segoe UI", "宋体", "黑体", "等线"], "等线"),                              # no YaHei: DengXian before SimHei
    (["Segoe UI", "宋体", "黑体"], "黑体"),
    (["Segoe UI", "新宋体"], "新宋体"),
    (["Helvetica", "PingFang SC"], "PingFang SC"),
    (["DejaVu Sans", "Noto Sans CJK SC [GOOG]", "Noto Sans CJK SC [ADBO]"], "Noto Sans CJK SC [GOOG]"),
    (["microsoft yahei"], "microsoft yahei"),
    (["DejaVu Sans", "Liberation Serif"], None),
    ([], None),
])
def test_pick_family(listed, expected):
    assert fonts.pick_family(listed) == expected


def test_the_application_font_uses_the_localized_family(qapp, monkeypatch):
    from PySide6.QtWidgets import QApplication

    before = QApplication.font()
    monkeypatch.setattr(fonts.QFontDatabase, "families", staticmethod(lambda *a: ["Arial", "宋体", "微软雅黑"]))
    added = []
    monkeypatch.setattr(fonts.QFontDatabase, "addApplicationFont", staticmethod(lambda path: added.append(path) or -1))
    try:
        assert fonts.install_cjk_font() == "微软雅黑"
        assert QApplication.font().families()[0] == "微软雅黑"
        assert added == []  # a system font found: the bundled one is not loaded
    finally:
        QApplication.setFont(before)


def test_qt_font_directory_warning_does_not_fail_the_suite(qapp):
    """What the offscreen platform says where Qt's wheel has no font folder (Windows, a bare Linux); pytest.ini
    ignores it while every other Qt warning still fails a test."""
    from PySide6.QtCore import qWarning

    qWarning("QFontDatabase: Cannot find font directory C:/app/PySide6/lib/fonts.\n"
             "Note that Qt no longer ships fonts. Deploy some (from https://dejavu-fonts.github.io/ for example) "
             "or switch to fontconfig.")
