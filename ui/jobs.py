"""One background job for every long task: run a function off the GUI thread, show progress only if it
lasts, offer Cancel, turn an error into a message, and hand the result to a callback on the GUI thread.

    job = run_job(window, self.tr("Export to Excel"), lambda progress: write(rows, out, progress),
                  on_done=lambda counts: announce(...), text=self.tr("Writing the workbook…"))

The function runs on QThreadPool's threads and gets a `JobProgress`: `progress.step(done, total, text)`
reports, `progress.cancelled()` is polled, `progress.check()` raises `Cancelled` once the user cancelled;
`progress(done, total)` is the same as `step` and raises `Cancelled` after a cancel, so the models' writers
that take a `progress(done, total)` callback stop at their next step (they write through a partial file,
so nothing half-written is left).

The function must not touch a widget, a Qt model or the window's SQLite connection (sqlite3 connections
belong to the thread that opened them): it gets its data prepared on the GUI thread, or opens its own
read-only connection by path (`models.store.db.connect_read_only`). Writes to the park file stay on the GUI
thread, in the callback.

How a job ends:
- it returned: `on_done(result)` is called on the GUI thread (not if Cancel was pressed meanwhile);
- it raised `Cancelled`, or raised anything after Cancel was pressed: it ends quietly, `on_cancelled()`;
- it raised one of the models' errors for the user (`user_errors()`: ValueError, ParkFileError,
  ReportError, ExportError, …, whose str() is a Chinese message): the message is shown as it is, in a
  warning box titled with the job's title, then `on_failed(message)`;
- anything else is a bug: it goes to `sys.excepthook` (the application's CrashReporter: logged, crash
  log written, crash dialog shown), then `on_failed(summary)`.
"""

from __future__ import annotations

import sys
import threading
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog, QWidget

PROGRESS_DELAY_MS = 600  # the progress dialog appears only if the job lasts longer


class Cancelled(Exception):
    """Raised inside a job's function (by `JobProgress.check()` or the function itself) to stop quietly."""


def user_errors() -> tuple[type[BaseException], ...]:
    """The exceptions whose str() is a message for the user (Chinese), shown as they are."""
    from models.returns.collection import CollectionExportError
    from models.store.db import ParkFileError
    from models.output.export_xlsx import ExportError
    from models.returns.importer import ImportFailed
    from models.planning.official import OfficialFileError
    from models.output.report import ReportError
    from models.returns.return_reader import ReturnFileError
    from models.returns.return_template import TemplateError
    from models.returns.workbook_guard import WorkbookRejected
    from models.base.xlsx_writer import WriteError

    return (ValueError, ParkFileError, ReportError, ExportError, ImportFailed, OfficialFileError, TemplateError,
            CollectionExportError, WriteError, WorkbookRejected, ReturnFileError)


class _Carrier(QObject):
    """Carries the worker's news to the GUI thread (it lives there: its signals arrive queued)."""

    progress = Signal(int, int, str)
    ended = Signal(str, object)  # ("done" | "cancelled" | "error", result or exception)


class JobProgress:
    """What a job's function gets: reports progress and says whether the user cancelled.

    Thread-safe: `step` emits a queued signal, the cancel flag is a threading.Event. Tests may subclass it
    (for example to hold the function at a step) and hand the class to `Job(progress_class=...)`.
    """

    def __init__(self, carrier: _Carrier):
        self._carrier = carrier
        self._cancel = threading.Event()

    def step(self, done: int, total: int, text: str = "") -> None:
        """`done` of `total` steps (total 0: unknown); `text` names what is being done (a file, say)."""
        self._carrier.progress.emit(int(done), int(total), str(text or ""))

    def __call__(self, done: int, total: int) -> None:
        """The models' `progress(done, total)` callback: a step, then stop if the user cancelled."""
        self.step(done, total)
        self.check()

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        """Raise Cancelled if the user cancelled."""
        if self._cancel.is_set():
            raise Cancelled()

    def cancel(self) -> None:
        self._cancel.set()


class Job(QObject):
    """One function run on the thread pool, with a delayed progress dialog and Cancel.

    Attributes:
        title: the progress dialog's and error box's title.
        text: the progress dialog's label (a step's text is shown under it).
        progress: the JobProgress handed to the function.
        dialog: the QProgressDialog once shown (after `delay_ms`), else None.
        dialog_shown: whether the progress dialog was shown at all.
        state: "new", "running", "done", "cancelled" or "failed".
        result: what the function returned (state "done").
        message: the message shown when the job failed.
    Signals:
        progressed(int, int, str): a step (done, total, text), on the GUI thread.
        succeeded(object): the function returned (after `on_done` was called).
        failed(str): it raised; the message (or the crash summary) was shown.
        cancelled(): the user cancelled; `on_done` was not called.
        finished(): the job ended, whichever way (always last).
    """

    progressed = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, parent: QWidget | None, title: str, fn: Callable[[JobProgress], Any],
                 on_done: Callable[[Any], None] | None = None, *, text: str = "",
                 on_failed: Callable[[str], None] | None = None, on_cancelled: Callable[[], None] | None = None,
                 cancellable: bool = True, delay_ms: int = PROGRESS_DELAY_MS,
                 progress_class: type[JobProgress] | None = None):
        super().__init__(parent)
        self.parent_widget = parent
        self.title, self.text = title, text or title
        self.fn = fn
        self.on_done, self.on_failed, self.on_cancelled = on_done, on_failed, on_cancelled
        self.cancellable = cancellable
        self.delay_ms = delay_ms
        self.state = "new"
        self.result: Any = None
        self.message = ""
        self.dialog: QProgressDialog | None = None
        self.dialog_shown = False
        self._done, self._total, self._step_text = 0, 0, ""
        self._carrier = _Carrier(self)
        self._carrier.progress.connect(self.on_progress)
        self._carrier.ended.connect(self.on_ended)
        self.progress = (progress_class or JobProgress)(self._carrier)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.show_dialog)

    @property
    def running(self) -> bool:
        return self.state == "running"

    def start(self) -> "Job":
        """Start the function on the thread pool; the progress dialog follows after `delay_ms`."""
        if self.state != "new":
            return self
        self.state = "running"
        self._timer.start(max(0, self.delay_ms))
        # A plain callable: the pool wraps and owns it. It holds the carrier (a child of this job, so a
        # Python reference dropped on the worker thread never deletes the Qt object there).
        QThreadPool.globalInstance().start(_work(self.fn, self.progress, self._carrier))
        return self

    def cancel(self) -> None:
        """Ask the function to stop (it sees `progress.cancelled()`); its result will not be used."""
        if not self.running:
            return
        self.progress.cancel()
        if self.dialog is not None:
            self.dialog.setLabelText(self.tr("Cancelling…"))

    # ------------------------------------------------------------------ GUI thread
    def show_dialog(self) -> None:
        if not self.running or self.dialog is not None:
            return
        dialog = QProgressDialog(self._label(), self.tr("Cancel") if self.cancellable else "", 0,
                                 self._total, self.parent_widget)
        if not self.cancellable:
            dialog.setCancelButton(None)
        dialog.setWindowTitle(self.title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(self.cancel)
        self.dialog = dialog
        self.dialog_shown = True
        dialog.show()
        self._set_value(dialog)

    def _label(self) -> str:
        if self.progress.cancelled():
            return self.tr("Cancelling…")
        return f"{self.text}\n{self._step_text}" if self._step_text else self.text

    def on_progress(self, done: int, total: int, text: str) -> None:
        self._done, self._total = max(0, done), max(0, total)
        if text:
            self._step_text = text
        if self.dialog is not None:
            self.dialog.setMaximum(self._total)  # 0: a busy bar
            self.dialog.setLabelText(self._label())
            self._set_value(self.dialog)
        self.progressed.emit(done, total, text)

    def _set_value(self, dialog: QProgressDialog) -> None:
        # Last: a window-modal progress dialog's setValue processes events, so the job may end (and the
        # dialog close) inside this call.
        if self.dialog is dialog:
            dialog.setValue(min(self._done, self._total) if self._total else 0)

    def _close_dialog(self) -> None:
        self._timer.stop()
        if self.dialog is not None:
            self.dialog.canceled.disconnect(self.cancel)
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None

    def on_ended(self, kind: str, value: Any) -> None:
        if not self.running:
            return
        self._close_dialog()
        if kind == "done" and not self.progress.cancelled():
            self.state, self.result = "done", value
            if self.on_done is not None:
                self.on_done(value)
            self.succeeded.emit(value)
        elif kind == "cancelled" or self.progress.cancelled():
            self.state = "cancelled"
            if self.on_cancelled is not None:
                self.on_cancelled()
            self.cancelled.emit()
        else:
            self.state = "failed"
            self.message = self._report(value)
            if self.on_failed is not None:
                self.on_failed(self.message)
            self.failed.emit(self.message)
        self.finished.emit()
        # Later, not now: this slot runs inside the carrier's (a child's) signal. Attributes such as
        # `state` and `result` stay readable on the Python object.
        self.deleteLater()

    def _report(self, exc: BaseException) -> str:
        """Show the error: a user's message as it is, a bug through the crash path; returns what was said."""
        if isinstance(exc, user_errors()):
            from ui.model_text import shown

            message = shown(str(exc)) or ""  # as it is in Chinese; the English window translates it
            warn = getattr(self.parent_widget, "warn", None)
            if callable(warn):  # the main window: honours its `interactive`
                warn(self.title, message)
            else:
                QMessageBox.warning(self.parent_widget, self.title, message)
            return message
        from models.base import applog

        applog.get("jobs").error("job “%s” failed: %s: %s", self.title, type(exc).__name__, exc)
        sys.excepthook(type(exc), exc, exc.__traceback__)  # the CrashReporter once the app installed it
        from ui.crash import CrashReporter

        return CrashReporter.summary(exc)


def _work(fn: Callable[[JobProgress], Any], progress: JobProgress, carrier: _Carrier) -> Callable[[], None]:
    def run() -> None:
        try:
            value = fn(progress)
        except Cancelled:
            outcome: tuple[str, Any] = ("cancelled", None)
        except Exception as exc:  # the GUI thread decides: a cancel, a message or a bug
            outcome = ("error", exc)
        else:
            outcome = ("done", value)
        try:
            carrier.ended.emit(*outcome)  # the last act: the GUI thread may drop the job when it arrives
        except RuntimeError:  # the job's window was closed meanwhile (Qt deleted the carrier): nobody to tell
            pass

    return run


def export_job(window: QWidget, title: str, write: Callable[[JobProgress], Any], path: Path, *,
               text: str = "", detail: Callable[[Any], str | None] | None = None,
               on_written: Callable[[str], None] | None = None) -> Job:
    """An export as a job: `write(progress)` writes `path` off the GUI thread (from data read beforehand);
    when it has, a main window says where (ui.finished.announce, with `detail(result)` if given) and
    `on_written(str(path))` is called. The job's `result` is then str(path)."""

    def written(result: Any) -> None:
        from ui.finished import announce

        if hasattr(window, "statusBar"):  # a main window (a tab on its own has none)
            announce(window, title, path, (detail(result) or "") if detail is not None else "")
        job.result = str(path)
        if on_written is not None:
            on_written(str(path))

    job = Job(window, title, write, written, text=text)
    return job.start()


def cancel_jobs(parent: QObject, wait_ms: int = 5000) -> bool:
    """Cancel the running jobs of `parent` (a window being closed) and wait up to `wait_ms` for the pool's
    threads to finish; True if they did. Their callbacks are not called."""
    running = [job for job in parent.findChildren(Job) if job.running]
    for job in running:
        job.cancel()
    return not running or QThreadPool.globalInstance().waitForDone(wait_ms)


def run_job(parent: QWidget | None, title: str, fn: Callable[[JobProgress], Any],
            on_done: Callable[[Any], None] | None = None, **options) -> Job:
    """Make and start a Job (see Job for `options`: text, on_failed, on_cancelled, cancellable, delay_ms,
    progress_class); returns it (its signals say how it ended)."""
    return Job(parent, title, fn, on_done, **options).start()
