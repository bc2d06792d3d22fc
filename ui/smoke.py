"""`main.py --smoke`: start the GUI, open the start file, wait for the first paint, visit every tab and
draw its charts, print `first_paint_ms=N`, and quit with 0 (1 on any error)."""

from __future__ import annotations

import sys
import traceback
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, QtMsgType, qInstallMessageHandler

from ui.startup import seconds_since_process_start


class SmokeRun(QObject):
    """Drives one smoke run of the window held by `controller`; errors found are kept in `errors`."""

    def __init__(self, controller, path: Path | None):
        super().__init__()
        self.controller = controller
        self.window = controller.window
        self.path = path
        self.errors: list[str] = []
        self.first_paint_ms: int | None = None

    def start(self) -> int:
        self.window.interactive = False
        previous_hook = sys.excepthook
        sys.excepthook = self._on_exception
        previous_handler = qInstallMessageHandler(self._on_qt_message)
        try:
            self.window.installEventFilter(self)
            self.window.show()
            QTimer.singleShot(30_000, self._timeout)
            self.controller.app.exec()
        finally:
            sys.excepthook = previous_hook
            qInstallMessageHandler(previous_handler)
        for error in self.errors:
            print(f"smoke: {error}", file=sys.stderr)
        return 0 if not self.errors and self.first_paint_ms is not None else 1

    def eventFilter(self, obj, event) -> bool:
        if obj is self.window and event.type() == QEvent.Type.Paint and self.first_paint_ms is None:
            self.first_paint_ms = round(seconds_since_process_start() * 1000)
            print(f"first_paint_ms={self.first_paint_ms}", flush=True)
            QTimer.singleShot(0, self._visit_tabs)
        return False

    def _visit_tabs(self) -> None:
        try:
            if not self.controller.open_start_file(self.path):
                self.errors.append("could not open the start file")
            for index, tab in enumerate(self.window.park_tabs):
                self.window.tabs.setCurrentIndex(index)
                tab.draw_charts()
                tab.repaint()
            print(f"tabs_visited={len(self.window.park_tabs)}", flush=True)
            from models.base.paths import documents_dir

            print(f"documents_dir={documents_dir()}", flush=True)  # checked by scripts/build.py
        except Exception:  # noqa: BLE001 - the smoke run reports every failure and exits non-zero
            self.errors.append(traceback.format_exc())
        self.window.close()
        self.controller.app.quit()

    def _timeout(self) -> None:
        self.errors.append("timed out before the window painted")
        self.controller.app.quit()

    def _on_exception(self, exc_type, exc, tb) -> None:
        self.errors.append("".join(traceback.format_exception(exc_type, exc, tb)))

    def _on_qt_message(self, mode, context, message) -> None:
        if mode in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            self.errors.append(f"Qt: {message}")
        print(message, file=sys.stderr)
