"""The window and the park file's lock: the holder named, read-only or take-over, commands refused meanwhile."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from models.store import lock
from tests.conftest import run_main
from tests.park_checks import digest


def foreign_lock(park_path, minutes_ago: float):
    then = datetime.now().astimezone() - timedelta(minutes=minutes_ago)
    since = then.replace(hour=10, minute=5, second=0) if then.hour >= 10 else then
    data = {"user": "张三", "host": "PC-07", "pid": 4242, "since": since.isoformat(timespec="seconds"),
            "refreshed": then.isoformat(timespec="seconds"), "token": "theirs"}
    path = lock.lock_path(park_path)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.utime(path, (then.timestamp(), then.timestamp()))
    return since


def answer(button_text: str, seen: list):
    """Click the button labelled `button_text` in the message box about to be shown."""
    def click():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append((box.text(), [b.text() for b in box.buttons()]))
        for button in box.buttons():
            if button.text().replace("&", "").startswith(button_text):
                button.click()
                return
        box.reject()

    QTimer.singleShot(0, click)


def test_commands_that_write_are_refused_while_a_window_holds_the_file(new_window, park_path, tmp_path):
    win = new_window(interactive=False)
    assert win.open_file(park_path)
    before = digest(park_path)
    held = lock.read_lock(park_path)
    assert held.pid == os.getpid()
    result = run_main("import", str(park_path), str(tmp_path / "returns"))
    assert result.returncode == 2, result.stderr
    assert f"{held.user} 在 {held.host} 上自 {held.since_text()} 起正在编辑" in result.stderr
    assert "park.sqlite" in result.stderr and "Traceback" not in result.stderr
    assert digest(park_path) == before
    # Reading is not writing: no lock needed.
    assert run_main("summary", str(park_path)).returncode == 0
    win.close()
    assert not lock.lock_path(park_path).exists()
    # Once the window has closed the file, the command runs (and says the returns folder is missing).
    assert "正在编辑" not in run_main("import", str(park_path), str(tmp_path / "returns")).stderr


def test_a_fresh_lock_offers_read_only_or_cancel(new_window, park_path):
    since = foreign_lock(park_path, minutes_ago=2)
    win = new_window(interactive=True)
    seen = []
    answer("以只读方式打开", seen)
    assert win.open_file(park_path)
    text, buttons = seen[0]
    assert f"张三 在 PC-07 上自 {since.strftime('%H:%M')} 起正在编辑" in text
    assert not any("接管" in b for b in buttons)
    assert win.session.park.read_only
    assert lock.read_lock(park_path).token == "theirs"
    win.session.set_park(None)
    assert lock.read_lock(park_path).token == "theirs"  # a read-only window leaves the lock alone

    answer("取消", seen)
    assert not win.open_file(park_path)


def test_a_stale_lock_is_taken_over_after_a_confirmation(new_window, park_path, monkeypatch):
    foreign_lock(park_path, minutes_ago=lock.STALE_SECONDS / 60 + 5)
    win = new_window(interactive=True)
    asked = []
    monkeypatch.setattr(win, "ask", lambda title, text: asked.append(text) or True)
    seen = []
    answer("接管", seen)
    assert win.open_file(park_path)
    text, buttons = seen[0]
    assert "已有 15 分钟没有续期" in text
    assert any("接管" in b for b in buttons)
    assert "张三" in asked[0] and "PC-07" in asked[0]
    assert not win.session.park.read_only
    assert lock.read_lock(park_path).pid == os.getpid()
    assert win._lock_timer.isActive()


def test_a_stale_lock_is_kept_when_the_confirmation_is_refused(new_window, park_path, monkeypatch):
    foreign_lock(park_path, minutes_ago=lock.STALE_SECONDS / 60 + 5)
    win = new_window(interactive=True)
    monkeypatch.setattr(win, "ask", lambda title, text: False)
    answer("接管", [])
    assert not win.open_file(park_path)
    assert lock.read_lock(park_path).token == "theirs"


def test_a_window_whose_lock_was_taken_over_turns_read_only(new_window, park_path):
    win = new_window(interactive=False)
    assert win.open_file(park_path)
    win.refresh_lock()
    assert not win.session.park.read_only
    foreign_lock(park_path, minutes_ago=0)  # another PC took over while this one slept
    win.refresh_lock()
    assert win.session.park.read_only
    assert not win._lock_timer.isActive()
    win.close()
    assert lock.read_lock(park_path).token == "theirs"


def test_an_edit_after_the_lock_was_taken_over_is_not_written(new_window, park_path, qtbot):
    """The computer slept; another PC took the file over; the first edit after waking, before the window's
    refresh timer fires, must not write over the other PC's work: it is refused and the window turns read-only."""
    win = new_window(interactive=False)
    assert win.open_file(park_path)
    key = {"code": "rd_intensity", "year": 2021}
    assert win.session.edit("indicator_years", key, {"official": 3.1}, "3.1")
    foreign_lock(park_path, minutes_ago=0)
    before = digest(park_path)
    with qtbot.waitSignal(win.session.lock_lost):
        assert not win.session.edit("indicator_years", key, {"official": 3.9}, "3.9")
    assert digest(park_path) == before
    qtbot.waitUntil(lambda: win.session.park is not None and win.session.park.read_only)
    # Reopened read-only with an empty undo stack: nothing offers to undo the 3.1 into the other PC's file.
    assert win.session.undo_stack.count() == 0
    win.close()
    assert lock.read_lock(park_path).token == "theirs"
