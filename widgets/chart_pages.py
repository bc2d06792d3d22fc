"""Tabs of charts, each drawn only when its page is shown (a chart costs a few hundred milliseconds)."""

from __future__ import annotations

from typing import Callable, Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from widgets.chart_canvas import ChartCanvas


class ChartPages(QTabWidget):
    """One ChartCanvas per page, named; drawing waits until a page is shown.

    Attributes:
        charts: {name: ChartCanvas}, in page order.
    """

    def __init__(self, pages: Sequence[tuple[str, str]], parent: QWidget | None = None,
                 width: float = 7.5, height: float = 3.6):
        super().__init__(parent)
        self.charts: dict[str, ChartCanvas] = {}
        for name, title in pages:
            self.charts[name] = ChartCanvas(self, width=width, height=height)
            self.addTab(self.charts[name], title)
        self._plots: dict[str, Callable[[object], None]] = {}
        self._stale: set[str] = set()
        self.currentChanged.connect(self.on_page_shown)

    def draw(self, plots: dict[str, Callable[[object], None]], names: Iterable[str] | None = None) -> None:
        """Take the plot function of each page; the charts `names` (None: all) are redrawn, the shown
        one now and the others when their page is opened."""
        self._plots = dict(plots)
        self._stale.update(self.charts if names is None else names)
        self.on_page_shown(self.currentIndex())

    def redraw(self, names: Iterable[str] | None = None) -> None:
        """Like `draw` with the plot functions given last time; nothing happens before the first draw."""
        if self._plots:
            self.draw(self._plots, names)

    def set_title(self, name: str, title: str) -> None:
        """Rename the page of chart `name` (a title that names years follows the open file's period)."""
        self.setTabText(self.indexOf(self.charts[name]), title)

    def on_page_shown(self, index: int) -> None:
        shown = self.widget(index)
        for name in list(self._stale):
            if self.charts[name] is shown and name in self._plots:
                self._stale.discard(name)
                self.charts[name].draw(self._plots[name])


def titled_panel(parent: QWidget, body: QWidget, *extras: QWidget,
                 extras_stretch: int = 0) -> tuple[QWidget, QLabel, QLabel]:
    """A panel with a bold title, a wrapped description (selectable, e.g. the plan's wording), `body`
    taking the room left (shared with `extras` when `extras_stretch` > 0), and `extras` below; returns
    (panel, title label, description label)."""
    panel = QWidget(parent)
    title = QLabel(panel)
    title.setStyleSheet("font-weight: bold; font-size: 14px;")
    description = QLabel(panel)
    description.setWordWrap(True)
    description.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    layout = QVBoxLayout(panel)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(title)
    layout.addWidget(description)
    layout.addWidget(body, 1)
    for extra in extras:
        layout.addWidget(extra, extras_stretch)
    return panel, title, description
