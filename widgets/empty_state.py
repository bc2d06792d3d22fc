"""An empty state: what a tab shows before it has anything, saying what to do next with a button for it.

    还没有企业报表。
    [导入企业报表]  [导出企业报表表格]

The widget knows no tab: its owner gives the sentence and the button texts (already translated) and
connects the signals to its own actions, for example

    empty = EmptyState(self.tr("No enterprise returns yet."), self.tr("Import returns…"),
                       self.tr("Export the return form…"))
    empty.primary_clicked.connect(window.returns_actions.action_import.trigger)
    empty.secondary_clicked.connect(window.returns_actions.action_export_form.trigger)
    page = EmptyOr(table_page, empty)          # in the tab's layout instead of table_page
    page.set_empty(model.rowCount() == 0)      # after each reload
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)


class EmptyState(QWidget):
    """A centred sentence and one or two buttons.

    Attributes:
        label: the QLabel with the sentence (word-wrapped).
        primary: the first button (the default next step), or None.
        secondary: the second button, or None.
    Signals:
        primary_clicked(): the first button was pressed.
        secondary_clicked(): the second button was pressed.
    """

    primary_clicked = Signal()
    secondary_clicked = Signal()

    def __init__(self, text: str, primary: str | None = None, secondary: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.label = QLabel(text, self)
        self.label.setObjectName("emptyStateText")
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        font = self.label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.label.setFont(font)
        self.label.setStyleSheet("color: #4a4a4a;")

        self.primary = self._button(primary, self.primary_clicked, default=True)
        self.secondary = self._button(secondary, self.secondary_clicked, default=False)

        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for button in (self.primary, self.secondary):
            if button is not None:
                buttons.addWidget(button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 24, 24, 24)
        layout.setSpacing(16)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        layout.addStretch(2)

    def _button(self, text: str | None, signal, *, default: bool) -> QPushButton | None:
        if not text:
            return None
        button = QPushButton(text, self)
        button.setAutoDefault(default)
        button.setDefault(default)
        button.setMinimumHeight(32)
        button.clicked.connect(signal.emit)
        return button

    def set_text(self, text: str) -> None:
        """Change the sentence (for instance after a language switch)."""
        self.label.setText(text)

    def set_buttons(self, primary: str | None = None, secondary: str | None = None) -> None:
        """Change the buttons' texts (after a language switch); a button given None keeps its text."""
        if primary and self.primary is not None:
            self.primary.setText(primary)
        if secondary and self.secondary is not None:
            self.secondary.setText(secondary)


class EmptyOr(QStackedWidget):
    """Shows `content`, or the `empty` state while there is nothing to show.

    Attributes:
        content: the page with the data (a table, a splitter …).
        empty: the EmptyState shown instead.
    """

    def __init__(self, content: QWidget, empty: EmptyState, parent=None):
        super().__init__(parent)
        self.content = content
        self.empty = empty
        self.addWidget(content)
        self.addWidget(empty)

    def set_empty(self, empty: bool) -> None:
        self.setCurrentWidget(self.empty if empty else self.content)

    def is_empty(self) -> bool:
        return self.currentWidget() is self.empty
