"""Shared fixtures: every test works on its own copy of park.sqlite.template in tmp_path, with the
user's folders and settings redirected into tmp_path too."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TEMPLATE = ROOT / "park.sqlite.template"
SEED = ROOT / "scripts" / "seed" / "000_49581f62cfd03bd6.txt"


@pytest.fixture(autouse=True)
def user_folders(tmp_path, monkeypatch):
    """Documents, state and settings folders inside tmp_path, never the real user's."""
    docs = tmp_path / "Documents"
    monkeypatch.setenv("CHANGNING_DOCUMENTS", str(docs))
    monkeypatch.setenv("CHANGNING_STATE_DIR", str(tmp_path / "state"))
    # The app's own settings folder works on every platform (on Windows, QSettings would go to the registry);
    # XDG_CONFIG_HOME also keeps anything else that reads ~/.config away from the real one.
    monkeypatch.setenv("CHANGNING_SETTINGS_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    return docs


@pytest.fixture
def park_path(tmp_path) -> Path:
    """A fresh park file copied from the committed template."""
    path = tmp_path / "park.sqlite"
    shutil.copyfile(TEMPLATE, path)
    return path


@pytest.fixture
def park(park_path):
    from models.store.db import open_park

    opened = open_park(park_path)
    yield opened
    opened.close()


@pytest.fixture
def settings(tmp_path):
    from PySide6.QtCore import QSettings

    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, settings, park_path):
    """The main window, in Chinese, on a fresh park file."""
    from ui.app import make_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    app = make_application([])
    install_translators(app, "zh_CN")
    win = MainWindow(settings, "zh_CN")
    win.interactive = False
    qtbot.addWidget(win)
    assert win.open_file(park_path)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


@pytest.fixture
def new_window(qtbot, settings):
    """Make main windows (Chinese, not interactive unless told) on the shared settings; all closed at the end."""
    from ui.app import make_application
    from ui.i18n import install_translators
    from ui.main_window import MainWindow

    install_translators(make_application([]), "zh_CN")
    made = []

    def make(interactive: bool = False):
        win = MainWindow(settings, "zh_CN")
        win.interactive = interactive
        qtbot.addWidget(win)
        made.append(win)
        return win

    yield make
    for win in made:
        win.close()


def require_tool(name: str) -> str:
    """The path of command-line tool `name` (poppler's pdftotext, pdftoppm, pdfinfo …); skips the test with
    the reason when it is not installed (a Windows PC without poppler on PATH)."""
    import shutil

    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} not found on PATH: install poppler-utils (Debian/Ubuntu) or put poppler's bin "
                    f"folder on PATH (Windows) to run this test")
    return found


def wait_job(qtbot, job, timeout: int = 60_000):
    """Wait until the ui.jobs.Job `job` has ended (its news reach the GUI thread only in the event loop, so
    waiting after `start` misses nothing); returns its result (an export's: the path written)."""
    with qtbot.waitSignal(job.finished, timeout=timeout):
        pass
    return job.result


def run_main(*args: str, env: dict | None = None, timeout: float = 120, cwd: Path | None = None):
    """Run `python main.py ARGS` in a subprocess; returns the CompletedProcess (text, UTF-8)."""
    import subprocess

    full_env = dict(os.environ)
    full_env.update(env or {})
    full_env["PYTHONIOENCODING"] = "utf-8"
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", env=full_env, timeout=timeout, cwd=cwd or ROOT)


@pytest.fixture(autouse=True, scope="session")
def clear_clipboard_at_exit():
    """Empty the clipboard when the session ends: Qt (offscreen) segfaults at interpreter exit when the
    clipboard still holds an image a test put there, and the exit status 139 stops scripts/test.sh."""
    yield
    widgets = sys.modules.get("PySide6.QtWidgets")  # not imported: a run of the core's tests without Qt
    if widgets is None:
        return
    app = widgets.QApplication.instance()
    if app is not None:
        app.clipboard().clear()
