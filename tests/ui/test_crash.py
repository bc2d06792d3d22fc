"""Unhandled exceptions: logged in the user's folder, shown in a Chinese dialog, the park file left whole."""

from __future__ import annotations

import sqlite3
import sys
import threading

import pytest
from PySide6.QtCore import QThread, QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from ui.crash import CrashReporter, show_dialog, write_log
from ui.crash_dialog import CrashDialog


@pytest.fixture
def chinese(qapp):
    from ui.app import make_application
    from ui.i18n import install_translators

    app = make_application([])
    install_translators(app, "zh_CN")
    return app


@pytest.fixture
def reporter(tmp_path, qapp):
    shown = []
    rep = CrashReporter(log_dir=tmp_path / "logs",
                        show=lambda summary, details, log: shown.append((summary, details, log,
                                                                          QThread.currentThread())))
    rep.shown = shown
    yield rep
    rep.uninstall()


def test_hook_writes_the_traceback_to_a_log_and_shows_a_summary(reporter, tmp_path):
    try:
        raise ValueError("坏数据 42")
    except ValueError:
        reporter(*sys.exc_info())
    logs = sorted((tmp_path / "logs").glob("crash-*.log"))
    assert len(logs) == 1 and reporter.last_log == logs[0]
    text = logs[0].read_text(encoding="utf-8")
    assert "Traceback (most recent call last)" in text
    assert "ValueError: 坏数据 42" in text
    assert "test_hook_writes_the_traceback_to_a_log_and_shows_a_summary" in text
    assert len(reporter.shown) == 1
    summary, details, log, _thread = reporter.shown[0]
    assert summary == "ValueError: 坏数据 42"
    assert details == text
    assert log == logs[0]


def test_our_own_errors_show_their_chinese_message(reporter):
    from models.store.db import ParkFileError

    try:
        raise ParkFileError("无法保存到“park.sqlite”：磁盘空间已满。原有内容未改变。")
    except ParkFileError:
        reporter(*sys.exc_info())
    assert reporter.shown[0][0] == "无法保存到“park.sqlite”：磁盘空间已满。原有内容未改变。"


@pytest.mark.qt_no_exception_capture
def test_exception_raised_inside_a_slot_is_logged_and_the_file_left_whole(reporter, park, qtbot, tmp_path):
    code, target = park.conn.execute("SELECT code, target FROM indicators WHERE target IS NOT NULL "
                                     "ORDER BY code LIMIT 1").fetchone()
    audit_before = park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]

    def on_clicked():
        with park.transaction("edit") as tx:
            tx.update("indicators", {"code": code}, {"target": target + 1000})
            raise RuntimeError("slot failed half-way")

    button = QPushButton("go")
    qtbot.addWidget(button)
    button.clicked.connect(on_clicked)
    reporter.install()
    try:
        button.click()
    finally:
        reporter.uninstall()

    assert len(reporter.shown) == 1
    assert reporter.shown[0][0] == "RuntimeError: slot failed half-way"
    assert "slot failed half-way" in reporter.last_log.read_text(encoding="utf-8")
    # The write before the exception was rolled back: another connection sees the old value.
    other = sqlite3.connect(str(park.path))
    try:
        assert other.execute("SELECT target FROM indicators WHERE code = ?", (code,)).fetchone() == (target,)
        assert other.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == audit_before
    finally:
        other.close()


def test_exception_in_a_worker_thread_is_shown_on_the_gui_thread(reporter, qtbot):
    def work():
        raise OSError("network share went away")

    reporter.install()
    try:
        worker = threading.Thread(target=work)
        worker.start()
        worker.join()
        qtbot.waitUntil(lambda: len(reporter.shown) == 1, timeout=3000)
    finally:
        reporter.uninstall()
    assert reporter.shown[0][0] == "OSError: network share went away"
    assert reporter.shown[0][3] is QApplication.instance().thread()
    assert sys.excepthook is not reporter


def test_crash_dialog_speaks_chinese_and_copies_the_details(chinese, qtbot, tmp_path):
    details = "Traceback (most recent call last):\n  File \"x.py\", line 1\nValueError: 坏数据"
    log = tmp_path / "logs" / "crash-20260101-101010.log"
    dialog = CrashDialog("ValueError: 坏数据", details, log)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "意外错误"
    assert dialog.copy_button.text() == "复制详情"
    assert "已保存的数据" in dialog.message.text()
    assert str(log) in dialog.message.text()
    assert not dialog.details_view.isVisible()
    dialog.show_button.click()
    assert dialog.details_view.isVisible()
    assert dialog.details_view.toPlainText() == details
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == details
    assert dialog.copy_button.text() == "已复制"
    dialog.grab().save(str(tmp_path / "crash_dialog.png"))


def test_default_show_opens_a_modal_dialog(chinese, qtbot, tmp_path):
    seen = []

    def close_it():
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(0, close_it)
    show_dialog("RuntimeError: x", "details", tmp_path / "crash.log")
    assert seen == ["CrashDialog"]


def test_old_logs_are_pruned(tmp_path):
    from datetime import datetime

    for minute in range(5):
        write_log(f"log {minute}", tmp_path, now=datetime(2026, 1, 1, 10, minute), keep=3)
    names = sorted(p.name for p in tmp_path.glob("crash-*.log"))
    assert names == ["crash-20260101-100200.log", "crash-20260101-100300.log", "crash-20260101-100400.log"]


def test_exception_in_a_thread_pool_job_is_shown_on_the_gui_thread(reporter, qtbot):
    from PySide6.QtCore import QRunnable, QThreadPool

    class Job(QRunnable):
        def run(self):
            raise ValueError("import job failed")

    pool = QThreadPool()
    reporter.install()
    try:
        pool.start(Job())
        pool.waitForDone(3000)
        qtbot.waitUntil(lambda: len(reporter.shown) == 1, timeout=3000)
    finally:
        reporter.uninstall()
    assert reporter.shown[0][0] == "ValueError: import job failed"
    assert reporter.shown[0][3] is QApplication.instance().thread()
