"""A matplotlib chart inside a Qt widget, created on first draw so that start-up does not load matplotlib.

Right-click on a chart offers Copy and Save as PNG or SVG, at print resolution (`PRINT_DPI`), for pasting
into a Word report.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QMessageBox, QVBoxLayout, QWidget

PRINT_DPI = 300
IMAGE_FORMATS = ("png", "svg")


def figure_bytes(figure, fmt: str, dpi: int = PRINT_DPI) -> bytes:
    """The figure rendered as PNG (at `dpi`) or SVG (vector) bytes."""
    if fmt not in IMAGE_FORMATS:
        raise ValueError(fmt)
    buffer = io.BytesIO()
    figure.savefig(buffer, format=fmt, dpi=dpi, facecolor="white")
    return buffer.getvalue()


def start_folder() -> Path:
    """Where "Save chart as…" starts the first time: the user's Documents (the home folder if it is missing)."""
    from models.base.paths import documents_dir

    documents = documents_dir()
    return documents if documents.is_dir() else Path.home()


class ChartCanvas(QWidget):
    """Holds one matplotlib Figure drawn by a plot function; right-click copies or saves it.

    Attributes:
        figure: the matplotlib Figure, None until the first draw.
        last_dir: the folder the last image was saved to (offered again by the next Save).
    Signals:
        drawn(): emitted after each redraw.
        saved(str): an image of the chart was written to the given path.
    """

    drawn = Signal()
    saved = Signal(str)

    def __init__(self, parent: QWidget | None = None, width: float = 6.4, height: float = 4.0):
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._size = (width, height)
        self.figure = None
        self._canvas = None
        self.last_dir: Path | None = None
        self.setMinimumSize(320, 220)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self.on_context_menu)

    def draw(self, plot: Callable[[object], None]) -> None:
        """Clear the figure, let `plot(figure)` draw on it, and repaint."""
        if self._canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

            from models.output.mpl import new_figure

            self.figure = new_figure(*self._size)
            self._canvas = FigureCanvasQTAgg(self.figure)
            # The matplotlib canvas would swallow the right click: let this widget show its menu.
            self._canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self._canvas.customContextMenuRequested.connect(
                lambda pos: self.on_context_menu(self._canvas.mapTo(self, pos)))
            self._layout.addWidget(self._canvas)
        self.figure.clear()
        plot(self.figure)
        self._canvas.draw_idle()
        self.drawn.emit()

    def render_now(self) -> None:
        """Draw synchronously (for tests and the smoke run)."""
        if self._canvas is not None:
            self._canvas.draw()

    # ------------------------------------------------------------------ copy and save
    def context_menu(self) -> QMenu:
        """The right-click menu (Copy, Save as PNG, Save as SVG); disabled entries before the first draw."""
        menu = QMenu(self)
        has_figure = self.figure is not None
        for text, slot in ((self.tr("Copy chart"), self.copy_to_clipboard),
                           (self.tr("Save as PNG…"), lambda: self.save_as(fmt="png")),
                           (self.tr("Save as SVG…"), lambda: self.save_as(fmt="svg"))):
            action = menu.addAction(text)
            action.triggered.connect(slot)
            action.setEnabled(has_figure)
        return menu

    def on_context_menu(self, pos: QPoint) -> None:
        self.context_menu().exec(self.mapToGlobal(pos))

    def copy_to_clipboard(self) -> None:
        """Put the chart on the clipboard as a print-resolution image (and as SVG for programs that take it)."""
        if self.figure is None:
            return
        png = figure_bytes(self.figure, "png")
        image = QImage.fromData(png, "PNG")
        data = QMimeData()
        data.setImageData(image)
        data.setData("image/png", png)
        data.setData("image/svg+xml", figure_bytes(self.figure, "svg"))
        QApplication.clipboard().setMimeData(data)

    def save_as(self, path: Path | str | None = None, fmt: str | None = None) -> Path | None:
        """Write the chart to `path` (PNG at PRINT_DPI, or SVG by the suffix); asks for a path when None.

        Returns the path written, or None if the user cancelled or the file could not be written (the
        reason is shown).
        """
        if self.figure is None:
            return None
        if path is None:
            path = self._ask_path(fmt or "png")
            if path is None:
                return None
        path = Path(path)
        fmt = path.suffix.lower().lstrip(".")
        if fmt not in IMAGE_FORMATS:
            fmt = "png"
            path = path.with_suffix(".png")
        partial = path.with_name(path.name + ".partial")
        try:
            partial.write_bytes(figure_bytes(self.figure, fmt))
            partial.replace(path)
        except OSError as exc:
            partial.unlink(missing_ok=True)
            QMessageBox.warning(self, self.tr("Cannot save image"),
                                self.tr("“%1” could not be written: %2").replace("%1", str(path))
                                .replace("%2", exc.strerror or str(exc)))
            return None
        self.last_dir = path.parent
        self.saved.emit(str(path))
        return path

    def _ask_path(self, fmt: str) -> Path | None:
        title = self.figure.axes[0].get_title() if self.figure.axes else ""
        # characters Windows does not allow in file names
        name = "".join("-" if ch in '<>:"/\\|?*' or ord(ch) < 32 else ch for ch in title) or self.tr("chart")
        start = (self.last_dir or start_folder()) / f"{name}.{fmt}"
        filters = {"png": self.tr("PNG image (*.png)"), "svg": self.tr("SVG vector image (*.svg)")}
        chosen, _ = QFileDialog.getSaveFileName(self, self.tr("Save chart as"), str(start), filters[fmt])
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix else path.with_suffix(f".{fmt}")
