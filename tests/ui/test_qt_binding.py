"""The Qt binding itself: PySide6 6.12.0 on Python 3.11 drops a reference to None on every call of a
Qt method that returns nothing, and the interpreter aborts ("none_dealloc") after some tens of
thousands of calls — a long working day in the app. requirements.txt pins a release without it."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QWidget


def test_void_qt_calls_keep_the_reference_count_of_none(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    before = sys.getrefcount(None)
    for _ in range(5000):
        widget.setObjectName("x")
    assert sys.getrefcount(None) - before < 100
