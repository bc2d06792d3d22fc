"""The dialog that tells the user about an unhandled exception (shown by ui.crash.CrashReporter).

Kept apart from ui.crash, which is installed at start-up: its widgets are loaded only when it is shown.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPlainTextEdit,
                               QPushButton, QStyle, QVBoxLayout, QWidget)


class CrashDialog(QDialog):
    """Tells the user that something went wrong, what happens to their data, and where the log is.

    Attributes:
        details: the full text (traceback) that "Copy details" puts on the clipboard.
        copy_button: the "Copy details" button.
    """

    def __init__(self, summary: str, details: str, log_path: Path | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.details = details
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setMinimumWidth(520)
        icon = QLabel(self)
        icon.setPixmap(self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical).pixmap(48, 48))
        text = self.tr("The program ran into an unexpected error and the last action was not completed.\n"
                       "Your saved data is safe: every change is either written completely or not at all.")
        if summary:
            text += "\n\n" + summary
        if log_path is not None:
            text += "\n\n" + self.tr("The details were written to:\n%1").replace("%1", str(log_path))
        text += "\n\n" + self.tr("If this happens again, click “Copy details” and send them to your support contact.")
        self.message = QLabel(text, self)
        self.message.setWordWrap(True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_view = QPlainTextEdit(details, self)
        self.details_view.setReadOnly(True)
        self.details_view.setVisible(False)
        self.details_view.setMinimumHeight(200)

        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy details"), self)
        self.show_button = QPushButton(self.tr("Show details"), self)
        self.show_button.setCheckable(True)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.show_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.on_copy)
        self.show_button.toggled.connect(self.details_view.setVisible)

        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.message, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.details_view, 1)
        layout.addWidget(buttons)

    def on_copy(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


def show_dialog(summary: str, details: str, log_path: Path | None) -> None:
    """The default way to tell the user: a modal CrashDialog over the active window."""
    dialog = CrashDialog(summary, details, log_path, QApplication.activeWindow())
    dialog.exec()
    dialog.deleteLater()
