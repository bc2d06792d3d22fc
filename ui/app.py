"""The application object: fonts, language, settings, which file to open, and the window."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from models.base import paths
from ui.i18n import choose_language, install_translators
from ui.main_window import MainWindow
from widgets.fonts import install_cjk_font


def make_application(argv: list[str]) -> QApplication:
    app = QApplication.instance() or QApplication(argv)
    app.setOrganizationName(paths.ORG_NAME)
    app.setApplicationName(paths.APP_NAME)
    app.setApplicationDisplayName(paths.APP_DISPLAY_NAME)
    app.setWindowIcon(QIcon(str(paths.resource_path("icons", f"{paths.APP_NAME}.png"))))
    install_cjk_font()
    return app


SETTINGS_FILE_NAME = "settings.ini"


def default_settings() -> QSettings:
    """The user's settings (the registry on Windows, ~/.config on Linux).

    `CHANGNING_SETTINGS_DIR` names a folder to keep them in instead, as `settings.ini` (tests and the
    build's smoke runs, on every platform: never the real user's registry); `CHANGNING_SETTINGS` names the
    .ini file itself.
    """
    override = os.environ.get("CHANGNING_SETTINGS")
    if override:
        return QSettings(override, QSettings.Format.IniFormat)
    folder = os.environ.get("CHANGNING_SETTINGS_DIR")
    if folder:
        return QSettings(str(Path(folder) / SETTINGS_FILE_NAME), QSettings.Format.IniFormat)
    return QSettings(paths.ORG_NAME, paths.APP_NAME)


class Controller:
    """Owns the main window and rebuilds it when the interface language changes.

    Attributes:
        window: the current MainWindow.
    """

    def __init__(self, app: QApplication, settings: QSettings):
        self.app = app
        self.settings = settings
        self.language = choose_language(settings)
        install_translators(app, self.language)
        self.window = self._new_window()

    def _new_window(self) -> MainWindow:
        window = MainWindow(self.settings, self.language)
        window.language_requested.connect(self.on_language_requested)
        return window

    def on_language_requested(self, code: str) -> None:
        park_path = self.window.session.park.path if self.window.session.park else None
        self.window.close()
        self.window.deleteLater()
        self.language = code
        install_translators(self.app, code)
        self.window = self._new_window()
        if park_path is not None:
            self.window.open_file(park_path)
        self.window.show()

    def open_start_file(self, explicit: Path | None) -> bool:
        return self.window.open_start_file(explicit)


def run_gui(path: Path | None, smoke: bool = False, settings: QSettings | None = None) -> int:
    app = make_application(sys.argv[:1])
    from ui.crash import CrashReporter

    CrashReporter(parent=app).install()  # unhandled exceptions: logged and shown, not a silent exit
    controller = Controller(app, settings or default_settings())
    if smoke:
        from ui.smoke import SmokeRun

        run = SmokeRun(controller, path)
        return run.start()
    controller.window.show()
    # Opened once the event loop runs, so that the window paints first.
    QTimer.singleShot(0, lambda: controller.open_start_file(path))
    return app.exec()
