"""A matplotlib chart inside a Qt widget, created on first draw so that start-up does not load matplotlib."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget


class ChartCanvas(QWidget):
    """Holds one matplotlib Figure drawn by a plot function.

    Attributes:
        figure: the matplotlib Figure, None until the first draw.
    Signals:
        drawn(): emitted after each redraw.
    """

    drawn = Signal()

    def __init__(self, parent: QWidget | None = None, width: float = 6.4, height: float = 4.0):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._size = (width, height)
        self.figure = None
        self._canvas = None
        self.setMinimumSize(320, 220)

    def draw(self, plot: Callable[[object], None]) -> None:
        """Clear the figure, let `plot(figure)` draw on it, and repaint."""
        if self._canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            from models.mpl import new_figure

            self.figure = new_figure(*self._size)
            self._canvas = FigureCanvasQTAgg(self.figure)
            self._layout.addWidget(self._canvas)
        self.figure.clear()
        plot(self.figure)
        self._canvas.draw_idle()
        self.drawn.emit()

    def render_now(self) -> None:
        """Draw synchronously (for tests and the smoke run)."""
        if self._canvas is not None:
            self._canvas.draw()
