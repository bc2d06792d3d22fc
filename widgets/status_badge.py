"""A delegate that paints a cell as a coloured badge with its text (a status, for example)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

# The model gives the badge colour (a QColor or a "#rrggbb" string) in this role, the text in DisplayRole.
from widgets.roles import BADGE_COLOR_ROLE


class StatusBadgeDelegate(QStyledItemDelegate):
    """Paints cells that have a BADGE_COLOR_ROLE as a rounded badge; other cells as usual."""

    PAD_X, PAD_Y = 8, 3

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        color = index.data(BADGE_COLOR_ROLE)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not color or not text:
            super().paint(painter, option, index)
            return
        painter.save()
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = option.fontMetrics
        width = min(metrics.horizontalAdvance(text) + 2 * self.PAD_X, option.rect.width() - 4)
        height = min(metrics.height() + 2 * self.PAD_Y, option.rect.height() - 2)
        rect = QRectF(option.rect.x() + 2, option.rect.center().y() - height / 2 + 1, width, height)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(QColor("white") if selected else Qt.PenStyle.NoPen)  # stands out on the highlight
        painter.setBrush(QColor(color))
        painter.drawRoundedRect(rect, height / 2, height / 2)
        painter.setPen(QColor("white"))
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if index.data(BADGE_COLOR_ROLE) and text:
            hint.setWidth(max(hint.width(), option.fontMetrics.horizontalAdvance(text) + 2 * self.PAD_X + 8))
        return hint
