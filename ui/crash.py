"""Unhandled exceptions: written to a log file in the user's folder and shown in a dialog the user understands.

`CrashReporter.install()` makes it `sys.excepthook` (and `threading.excepthook`); exceptions raised in
Qt slots and virtual methods reach it too. The park file needs no rescue: every write is one SQLite
transaction, rolled back when an exception leaves it, so nothing is ever half-written.
"""

from __future__ import annotations

import platform
import sys
import threading
import traceback
from datetime import datetime
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QApplication

from models.base import paths
from models.base.version import __version__

KEEP_LOGS = 50
ShowFn = Callable[[str, str, "Path | None"], None]


def write_log(details: str, log_dir: Path, now: datetime | None = None, keep: int = KEEP_LOGS) -> Path:
    """Write `details` to a new `crash-YYYYmmdd-HHMMSS.log` in `log_dir`; keep the newest `keep` logs."""
    now = now or datetime.now()
    log_dir.mkdir(parents=True, exist_ok=True)
    stem = f"crash-{now:%Y%m%d-%H%M%S}"
    path = log_dir / f"{stem}.log"
    n = 1
    while path.exists():
        n += 1
        path = log_dir / f"{stem}-{n}.log"
    path.write_text(details, encoding="utf-8")
    for old in sorted(log_dir.glob("crash-*.log"))[:-keep]:
        old.unlink(missing_ok=True)
    return path


def describe(exc_type, exc, tb) -> str:
    """The traceback with what helps to reproduce it: version, time, platform, Python and Qt."""
    from PySide6 import __version__ as pyside_version

    head = [f"{paths.APP_NAME} {__version__}", f"time: {datetime.now().isoformat(timespec='seconds')}",
            f"platform: {platform.platform()}", f"python: {sys.version.split()[0]}  PySide6: {pyside_version}",
            f"frozen: {bool(getattr(sys, 'frozen', False))}", ""]
    return "\n".join(head) + "".join(traceback.format_exception(exc_type, exc, tb))


def show_dialog(summary: str, details: str, log_path: Path | None) -> None:
    """The default way to tell the user: a modal CrashDialog (ui.crash_dialog) over the active window."""
    from ui.crash_dialog import show_dialog as show

    show(summary, details, log_path)


class CrashReporter(QObject):
    """The handler of unhandled exceptions: logs each one and shows it (on the GUI thread).

    Attributes:
        log_dir: where logs go (`user_state_dir()/logs` by default).
        show: called as show(summary, details, log_path) on the GUI thread; `show_dialog` by default,
            replaced in tests so that nothing blocks.
        last_log: the last log file written, or None.
    Signals:
        reported(str, str, str): (summary, details, log path or "") of each exception, queued to the GUI thread.
    """

    reported = Signal(str, str, str)

    def __init__(self, log_dir: Path | None = None, show: ShowFn | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.log_dir = log_dir or paths.user_state_dir() / "logs"
        self.show = show or show_dialog
        self.last_log: Path | None = None
        self._showing = False
        self._previous = None
        self._previous_thread_hook = None
        self.reported.connect(self.on_reported)

    def install(self) -> "CrashReporter":
        self._previous = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self
        threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        if sys.excepthook is self:
            sys.excepthook = self._previous or sys.__excepthook__
        if threading.excepthook == self._thread_hook:
            threading.excepthook = self._previous_thread_hook or threading.__excepthook__

    def _thread_hook(self, args) -> None:
        if args.exc_type is SystemExit:
            return
        self(args.exc_type, args.exc_value, args.exc_traceback)

    def __call__(self, exc_type, exc, tb) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        details = describe(exc_type, exc, tb)
        print(details, file=sys.stderr)
        from models.base import applog

        applog.get("crash").error("unhandled %s: %s", exc_type.__name__, exc, exc_info=(exc_type, exc, tb))
        try:
            self.last_log = write_log(details, self.log_dir)
        except OSError as error:
            print(f"could not write the crash log in {self.log_dir}: {error}", file=sys.stderr)
            self.last_log = None
        # Emitted from a worker thread, the signal is queued to this object's (the GUI) thread.
        self.reported.emit(self.summary(exc), details, str(self.last_log) if self.last_log else "")

    @staticmethod
    def summary(exc: BaseException) -> str:
        """Our own errors carry a Chinese message for the user; others are named by type and text."""
        from models.store.db import ParkFileError

        if isinstance(exc, ParkFileError):
            return str(exc)
        return f"{type(exc).__name__}: {exc}"

    @Slot(str, str, str)
    def on_reported(self, summary: str, details: str, log: str) -> None:
        if self._showing:  # an error while the dialog is up: logged above, not stacked
            return
        if QApplication.instance() is None:  # no GUI (yet): the log and stderr have it
            return
        self._showing = True
        try:
            self.show(summary, details, Path(log) if log else None)
        finally:
            self._showing = False
