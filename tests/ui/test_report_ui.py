"""Printing and exporting from the window: chart right-click copy/save, the report dialog, Export PDF/Excel, Print."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from widgets.chart_canvas import PRINT_DPI, ChartCanvas


def _plot_line(figure):
    ax = figure.add_subplot(111)
    ax.plot([2020, 2021, 2022], [1, 3, 2])
    ax.set_title("测试图表")


@pytest.fixture
def canvas(qtbot):
    widget = ChartCanvas(width=4.0, height=2.5)
    qtbot.addWidget(widget)
    widget.draw(_plot_line)
    widget.render_now()
    return widget


def test_chart_menu_is_disabled_until_something_is_drawn(qtbot):
    widget = ChartCanvas()
    qtbot.addWidget(widget)
    actions = widget.context_menu().actions()
    assert len(actions) == 3
    assert not any(a.isEnabled() for a in actions)
    assert widget.save_as("unused.png") is None


def test_chart_saves_png_at_print_resolution_and_svg_as_vectors(canvas, tmp_path):
    from PySide6.QtGui import QImage

    png = canvas.save_as(tmp_path / "chart.png")
    image = QImage(str(png))
    # 4.0 x 2.5 inches at 300 dpi
    assert (image.width(), image.height()) == (4 * PRINT_DPI, int(2.5 * PRINT_DPI))
    svg = canvas.save_as(tmp_path / "chart.svg")
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "<image" not in text  # vectors, not an embedded bitmap
    # an unknown suffix is written as PNG
    other = canvas.save_as(tmp_path / "chart.bmp")
    assert other.suffix == ".png" and QImage(str(other)).width() == 4 * PRINT_DPI
    assert not list(tmp_path.glob("*.partial"))


def test_chart_copy_puts_print_resolution_image_on_clipboard(canvas):
    QApplication.clipboard().clear()
    canvas.context_menu().actions()[0].trigger()
    data = QApplication.clipboard().mimeData()
    assert data.hasImage()
    assert QApplication.clipboard().image().width() == 4 * PRINT_DPI
    assert bytes(data.data("image/svg+xml")).find(b"<svg") >= 0
