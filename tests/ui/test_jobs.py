"""ui.jobs: a function run off the GUI thread, its progress, its result on the GUI thread, its errors shown,
Cancel, and the progress dialog only for a job that lasts."""

from __future__ import annotations

import sys
import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from ui import jobs


@pytest.fixture
def parent(qtbot):
    widget = QWidget()
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def boxes(monkeypatch):
    """Warning boxes shown, as (title, text), instead of blocking the test."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a: shown.append((title, text)))
    return shown


def test_a_job_reports_progress_and_hands_its_value_to_the_callback_on_the_gui_thread(parent, qtbot):
    worker_threads, received, steps = [], [], []

    def work(progress):
        worker_threads.append(threading.current_thread())
        total = 0
        for i, amount in enumerate((10, 20, 12), start=1):
            total += amount
            progress.step(i, 3, f"第{i}步")
        return total

    job = jobs.Job(parent, "测试", work, lambda value: received.append((value, threading.current_thread())))
    job.progressed.connect(lambda *args: steps.append(args))
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.start()
    assert received == [(42, threading.main_thread())]  # 10 + 20 + 12, delivered on the GUI thread
    assert worker_threads and worker_threads[0] is not threading.main_thread()
    assert steps == [(1, 3, "第1步"), (2, 3, "第2步"), (3, 3, "第3步")]
    assert job.state == "done" and job.result == 42


def test_a_value_error_is_shown_as_its_chinese_message_and_the_callback_is_not_called(parent, qtbot, boxes):
    done, failed = [], []

    def work(progress):
        raise ValueError("“回收.xlsx”工作表“企业报表”第4行C列：“约100”不是数字")

    job = jobs.Job(parent, "导入报表", work, done.append, on_failed=failed.append)
    with qtbot.waitSignal(job.failed, timeout=10_000) as signal:
        job.start()
    assert boxes == [("导入报表", "“回收.xlsx”工作表“企业报表”第4行C列：“约100”不是数字")]
    assert signal.args == ["“回收.xlsx”工作表“企业报表”第4行C列：“约100”不是数字"] == failed
    assert done == [] and job.state == "failed"


def test_an_unexpected_error_goes_to_the_crash_path_not_a_message_box(parent, qtbot, boxes, monkeypatch):
    hooked = []
    monkeypatch.setattr(sys, "excepthook", lambda *info: hooked.append(info))

    def work(progress):
        return {}["missing"]

    job = jobs.Job(parent, "导出", work, lambda value: pytest.fail("called"))
    with qtbot.waitSignal(job.failed, timeout=10_000) as signal:
        job.start()
    assert [info[0] for info in hooked] == [KeyError] and boxes == []
    assert signal.args == ["KeyError: 'missing'"]


def test_cancel_is_seen_by_the_function_and_the_callback_is_not_called(parent, qtbot):
    started, seen, done, cancelled = threading.Event(), [], [], []

    def work(progress):
        started.set()
        while not progress.cancelled():
            threading.Event().wait(0.01)
        seen.append(progress.cancelled())
        progress.check()  # raises Cancelled
        return "not delivered"

    job = jobs.Job(parent, "测试", work, done.append, on_cancelled=lambda: cancelled.append(True))
    job.start()
    assert started.wait(10)
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        job.cancel()
    assert seen == [True] and done == [] and cancelled == [True] and job.state == "cancelled"


def test_a_result_returned_after_cancel_is_dropped_and_models_progress_callback_stops(parent, qtbot):
    started, release, done, steps = threading.Event(), threading.Event(), [], []

    def work(progress):
        started.set()
        release.wait(10)
        progress(1, 5)  # the models' progress(done, total): raises Cancelled once cancelled
        steps.append("went on")
        return 1

    job = jobs.Job(parent, "测试", work, done.append)
    job.start()
    assert started.wait(10)
    job.cancel()
    with qtbot.waitSignal(job.cancelled, timeout=10_000):
        release.set()
    assert done == [] and steps == []


def test_no_progress_dialog_for_a_quick_job(parent, qtbot):
    done = []
    job = jobs.Job(parent, "测试", lambda progress: 7, done.append)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.start()
    assert done == [7] and not job.dialog_shown and job.dialog is None


def test_a_job_that_lasts_shows_the_progress_dialog_whose_cancel_stops_it(parent, qtbot):
    release, done = threading.Event(), []

    def work(progress):
        progress.step(1, 4, "甲.xlsx")
        release.wait(10)
        progress.check()
        return "late"

    job = jobs.Job(parent, "导入报表", work, done.append, text="正在读取…")
    job.start()
    try:
        qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=10_000)
        dialog = job.dialog
        assert dialog.windowTitle() == "导入报表" and dialog.maximum() == 4
        qtbot.waitUntil(lambda: dialog.labelText() == "正在读取…\n甲.xlsx", timeout=5_000)
        with qtbot.waitSignal(job.cancelled, timeout=10_000):
            qtbot.mouseClick(dialog.findChild(QPushButton), Qt.MouseButton.LeftButton)
            release.set()
    finally:
        release.set()
    assert done == [] and job.dialog is None


def test_the_dialog_closes_when_a_long_job_returns(parent, qtbot):
    release, done = threading.Event(), []
    job = jobs.run_job(parent, "测试", lambda progress: release.wait(10) and 3, done.append, cancellable=False)
    try:
        qtbot.waitUntil(lambda: job.dialog is not None and job.dialog.isVisible(), timeout=10_000)
        assert job.dialog.findChild(QPushButton) is None  # no Cancel offered
        with qtbot.waitSignal(job.finished, timeout=10_000):
            release.set()
    finally:
        release.set()
    assert done == [3] and job.dialog is None and job.dialog_shown


def test_a_job_whose_window_closed_ends_quietly(qtbot):
    parent = QWidget()
    started, release, finished, done = threading.Event(), threading.Event(), threading.Event(), []

    def work(progress):
        started.set()
        release.wait(10)
        try:
            progress.step(1, 1)  # the carrier is gone: the step cannot be told
        finally:
            finished.set()
        return 1

    jobs.Job(parent, "测试", work, done.append).start()
    assert started.wait(10)
    parent.deleteLater()  # the window closes (and takes its jobs with it) while the function runs
    qtbot.waitUntil(lambda: not _alive(parent), timeout=5_000)
    release.set()
    assert finished.wait(10)
    qtbot.wait(50)
    assert done == []


def _alive(widget) -> bool:
    from shiboken6 import isValid

    return isValid(widget)


def test_closing_the_window_cancels_its_running_job(window, qtbot, tmp_path):
    from models.output.export_xlsx import Sheet, write_sheets

    started, done = threading.Event(), []
    out = tmp_path / "导出.xlsx"

    def write(progress):
        started.set()
        for _ in range(1000):  # until the window's closing cancels the job (at most 10 s)
            if progress.cancelled():
                break
            threading.Event().wait(0.01)
        return write_sheets([Sheet("表", [("甲", "text")], [("a",)])], out, progress)

    job = jobs.export_job(window, "导出", write, out, on_written=done.append)
    assert started.wait(10)
    window.close()  # cancels, then waits for the function: the writer stops at its first step
    assert job.progress.cancelled() and done == [] and not out.exists()
