"""First start, later starts and a last file that has gone; the daily backup made on opening for writing."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from models.base import paths
from models.store.db import create_park
from tests.park_checks import digest


def _rows(path, sql):
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def _answer_box(button_index: int, seen: list):
    """Click button `button_index` of the message box that is about to be shown; note what it showed."""
    def click():
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        buttons = box.buttons()
        # QMessageBox orders buttons by role for the platform; ours are New, Open (accept) and Cancel (reject).
        order = sorted(buttons, key=lambda b: (box.buttonRole(b) != QMessageBox.ButtonRole.AcceptRole,
                                               box.buttons().index(b)))
        seen.append((box.windowTitle(), box.text(), [b.text() for b in order]))
        order[button_index].click()

    QTimer.singleShot(0, click)


def test_first_start_creates_the_documents_folder_and_a_file_from_the_template(new_window, settings, user_folders):
    template_before = digest(paths.template_path())
    assert not user_folders.exists()
    win = new_window()
    assert win.open_start_file(None)
    expected = user_folders / "长宁园规划监测" / "park.sqlite"
    assert win.session.park.path == expected
    assert settings.value("last_file") == str(expected)
    sql = "SELECT code, name, target, baseline FROM indicators ORDER BY code"
    assert _rows(expected, sql) == _rows(paths.template_path(), sql)
    assert len(_rows(expected, sql)) == 11
    # The bundled template is read, never written.
    assert digest(paths.template_path()) == template_before
    # Opened for writing: today's backup copy is beside it.
    assert (expected.parent / f"park.daily-{date.today().isoformat()}.sqlite").exists()


def test_a_later_start_reopens_the_last_file(new_window, settings, tmp_path, user_folders):
    other = create_park(tmp_path / "office" / "长宁园2025.sqlite")
    first = new_window()
    assert first.open_file(other)
    first.close()
    second = new_window()
    assert second.open_start_file(None)
    assert second.session.park.path == other
    assert not (user_folders / "长宁园规划监测" / "park.sqlite").exists()


def test_missing_last_file_says_so_and_offers_new_open_cancel(new_window, settings, tmp_path, user_folders):
    gone = tmp_path / "gone" / "park.sqlite"
    settings.setValue("last_file", str(gone))
    win = new_window(interactive=True)
    seen = []
    _answer_box(2, seen)  # Cancel
    assert not win.open_start_file(None)
    title, text, buttons = seen[0]
    assert title == "找不到文件"
    assert str(gone) in text and "新建" in text
    assert buttons[:2] == ["新建(&N)…", "打开(&O)…"]
    assert len(buttons) == 3
    assert win.session.park is None
    # Nothing was created in its place or in the documents folder.
    assert not gone.exists() and not user_folders.exists()


@pytest.mark.parametrize("index, slot", [(0, "on_new"), (1, "on_open")])
def test_missing_last_file_new_or_open_goes_on_to_that_command(new_window, settings, tmp_path, index, slot):
    settings.setValue("last_file", str(tmp_path / "gone.sqlite"))
    chosen = create_park(tmp_path / "chosen.sqlite")
    win = new_window(interactive=True)
    called = []

    def pick_a_file():  # stands in for the user choosing `chosen` in the file dialog
        called.append(slot)
        win.open_file(chosen)

    setattr(win, slot, pick_a_file)
    seen = []
    _answer_box(index, seen)
    assert win.open_start_file(None)
    assert called == [slot]
    assert win.session.park.path == chosen
    assert settings.value("last_file") == str(chosen)


def test_daily_backup_is_made_once_and_not_for_read_only(new_window, tmp_path):
    path = create_park(tmp_path / "park.sqlite")
    first = new_window()
    assert first.open_file(path)
    copies = sorted(tmp_path.glob("park.daily-*.sqlite"))
    assert [c.name for c in copies] == [f"park.daily-{date.today().isoformat()}.sqlite"]
    stamp = copies[0].stat().st_mtime_ns
    first.close()
    again = new_window()
    assert again.open_file(path)
    assert sorted(tmp_path.glob("park.daily-*.sqlite")) == copies
    assert copies[0].stat().st_mtime_ns == stamp
    again.close()

    ro = tmp_path / "ro.sqlite"
    create_park(ro)
    holder = new_window()
    assert holder.open_file(ro)  # holds the lock, and made ro's backup
    backup = tmp_path / f"ro.daily-{date.today().isoformat()}.sqlite"
    backup.unlink()
    reader = new_window(interactive=True)
    reader.lock_choice = lambda path, error: "read_only"  # 以只读方式打开
    assert reader.open_file(ro)
    assert reader.session.park.read_only
    assert not backup.exists()


def test_about_shows_version_file_and_schema_version(new_window, tmp_path):
    from models.store.schema import SCHEMA_VERSION
    from models.base.version import __version__

    path = create_park(tmp_path / "关于.sqlite")
    win = new_window()
    assert win.open_file(path)
    seen = []

    def read_and_close():
        box = QApplication.activeModalWidget()
        seen.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    win.on_about()
    text = seen[0]
    assert __version__ in text
    assert str(path) in text
    assert f"数据版本：{SCHEMA_VERSION}" in text
