"""Printing and exporting from the window: chart right-click copy/save, the report dialog, Export PDF/Excel, Print."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from tests.conftest import require_tool
from tests import known_figures as known
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


def test_right_click_on_the_drawn_chart_reaches_the_menu(canvas):
    from PySide6.QtCore import QPoint, Qt

    inner = canvas.findChild(QWidget, None, Qt.FindChildOption.FindDirectChildrenOnly)
    assert inner.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    shown = []
    canvas.on_context_menu = shown.append  # looked up when the matplotlib canvas asks for its menu
    inner.customContextMenuRequested.emit(QPoint(5, 7))
    assert shown == [inner.mapTo(canvas, QPoint(5, 7))]


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


def test_save_chart_as_starts_in_documents(canvas, user_folders, tmp_path, monkeypatch):
    from widgets import chart_canvas

    asked = []

    def fake_dialog(parent, title, start, filters):
        asked.append(Path(start))
        return str(tmp_path / "chosen.png"), filters

    monkeypatch.setattr(chart_canvas.QFileDialog, "getSaveFileName", fake_dialog)
    user_folders.mkdir()
    canvas.save_as()
    assert asked[0].parent == user_folders  # the user's Documents (CHANGNING_DOCUMENTS here), not home
    canvas.save_as()
    assert asked[1].parent == tmp_path  # then where the last one was saved


def test_chart_copy_puts_print_resolution_image_on_clipboard(canvas):
    QApplication.clipboard().clear()
    canvas.context_menu().actions()[0].trigger()
    data = QApplication.clipboard().mimeData()
    assert data.hasImage()
    assert QApplication.clipboard().image().width() == 4 * PRINT_DPI
    assert bytes(data.data("image/svg+xml")).find(b"<svg") >= 0


# ---------------------------------------------------------------------------------------------- the window
INDICATOR_PAGES = 8


def _pages(pdf) -> int:
    require_tool("pdfinfo")
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))


@pytest.fixture
def filled(window):
    known.fill(window.session.park)
    return window


def test_file_menu_offers_pdf_excel_and_print_before_quit(window):
    texts = [a.text() for a in window.file_menu.actions()]
    pdf, printing, excel = (texts.index(window.action_export_pdf.text()), texts.index(window.action_print.text()),
                            texts.index(window.action_export_excel.text()))
    assert pdf < excel < printing < texts.index(window.file_menu.actions()[-1].text())  # issue 17: print last
    assert window.action_export_pdf.text() == "导出PDF(&D)…"  # 打印 keeps P: one letter per item
    assert window.action_print.text() == "打印(&P)…"
    assert window.action_export_excel.text() == "导出到Excel(&E)…"


def test_options_dialog_offers_latest_year_and_parts(filled, qtbot):
    from ui.report_dialog import ReportOptionsDialog

    actions = filled.report_actions()
    dialog = ReportOptionsDialog(actions._default_year(), ("indicators", "talent"), filled, actions._period().years)
    qtbot.addWidget(dialog)
    assert dialog.year() == 2023
    assert dialog.parts() == ("indicators", "talent")
    dialog.part_boxes["zones"].setChecked(True)
    dialog.part_boxes["talent"].setChecked(False)
    dialog.year_box.setCurrentIndex(dialog.year_box.findData(2022))
    assert dialog.parts() == ("indicators", "zones") and dialog.year() == 2022
    assert [b.text() for b in dialog.part_boxes.values()] == ["重点产业", "三大片区", "人才工作", "规划基数与重点任务"]


def test_export_pdf_from_the_window(filled, qtbot, tmp_path):
    actions = filled.report_actions()
    out = tmp_path / "报告.pdf"
    with qtbot.waitSignal(actions.done, timeout=120_000) as done:
        actions.export_pdf(out, 2023, ("indicators",))
    assert done.args == [str(out)]
    assert _pages(out) == INDICATOR_PAGES
    require_tool("pdftotext")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "park.sqlite" in text and "每万人发明专利拥有量" in text
    assert actions.job is None


def test_print_paints_every_page(filled, qtbot, tmp_path):
    from PySide6.QtGui import QImage
    from PySide6.QtPrintSupport import QPrinter

    from ui.report_dialog import paint_pages

    actions = filled.report_actions()
    with qtbot.waitSignal(actions.done, timeout=120_000):
        actions.print_report(2023, ("indicators",), preview=False)
    assert len(actions.svgs) == INDICATOR_PAGES
    dialog = actions.preview_dialog(actions.svgs)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.paintRequested, timeout=30_000):
        dialog.show()
    dialog.close()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(dialog.printer_.pageLayout())
    printer.setFullPage(True)
    assert paint_pages(printer, actions.svgs) == INDICATOR_PAGES
    assert _pages(tmp_path / "printed.pdf") == INDICATOR_PAGES
    require_tool("pdftoppm")
    subprocess.run(["pdftoppm", "-png", "-r", "30", "-f", "2", "-l", "2", str(tmp_path / "printed.pdf"),
                    str(tmp_path / "p")], check=True)
    image = QImage(str(next(tmp_path.glob("p-*2.png"))))
    dark = sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y).lightness() < 128)
    assert dark > 1000, dark  # the summary table is there, not a blank page


def test_export_excel_from_the_window_and_a_failure_is_reported(filled, qtbot, tmp_path):
    from openpyxl import load_workbook

    actions = filled.report_actions()
    out = tmp_path / "全部.xlsx"
    with qtbot.waitSignal(actions.done, timeout=60_000):
        actions.export_excel(out)
    book = load_workbook(out)
    assert "企业报表" in book.sheetnames and book["企业报表"]["B2"].value in (known.FORMULA_NAME, "乙公司", "@丙")
    folder = tmp_path / "占用.xlsx"
    folder.mkdir()
    with qtbot.waitSignal(actions.failed, timeout=60_000) as failed:
        actions.export_excel(folder)
    assert "占用.xlsx" in failed.args[0]
    assert folder.is_dir()


def test_export_word_from_the_window_writes_the_final_report(window, qtbot, tmp_path):
    import docx

    from tests.models.output.test_report_final import SECTION_HEADINGS, TITLE, fill_2025
    from ui.report_dialog import ReportOptionsDialog

    fill_2025(window.session.park)
    texts = [a.text() for a in window.file_menu.actions()]
    assert window.action_export_word.text() == "导出Word(&W)…"
    assert texts.index(window.action_export_pdf.text()) < texts.index(window.action_export_word.text())
    actions = window.report_actions()
    dialog = ReportOptionsDialog(actions._default_year(), (), window, actions._period().years)
    qtbot.addWidget(dialog)
    assert dialog.year() == 2025 and dialog.year_box.currentText() == "2025（总结评估）"
    out = tmp_path / "总结评估.docx"
    with qtbot.waitSignal(actions.done, timeout=180_000) as done:
        actions.export_word(out, 2025, ("indicators", "zones"))
    assert done.args == [str(out)] and actions.job is None
    doc = docx.Document(str(out))
    assert doc.paragraphs[0].text == TITLE
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == SECTION_HEADINGS[:4] + ["五、三大片区建设"]
    assert len(doc.tables[0].rows) == 12 and len(doc.inline_shapes) == 11 + 1


def test_printing_draws_the_pages_on_a_job_without_changing_matplotlib_settings(filled, qtbot, monkeypatch):
    """The pages are drawn on the job's thread with their text kept as text (Qt's SVG renderer draws it),
    yet the process-wide rcParams — read by the window's charts meanwhile — stay as the GUI thread set them."""
    import threading

    import matplotlib

    from models.output import report

    seen = []
    drawn = report.figures_of

    def watched(*args, **kwargs):
        for fig in drawn(*args, **kwargs):
            seen.append((threading.current_thread() is threading.main_thread(), matplotlib.rcParams["svg.fonttype"]))
            yield fig

    monkeypatch.setattr(report, "figures_of", watched)
    actions = filled.report_actions()
    with qtbot.waitSignal(actions.done, timeout=120_000):
        actions.print_report(2023, ("indicators",), preview=False)
    assert seen == [(False, "path")] * INDICATOR_PAGES
    assert all(b"<text" in svg for svg in actions.svgs)
    assert b"<text" in actions.svgs[0] and b"park.sqlite" in actions.svgs[0]  # the running header, as text


def test_a_report_export_cancelled_writes_nothing(filled, qtbot, tmp_path):
    actions = filled.report_actions()
    out = tmp_path / "报告.pdf"
    job = actions.export_pdf(out, 2023, ("indicators",))
    job.cancel()  # before its first page: the models' progress callback stops it there
    with qtbot.waitSignal(actions.cancelled, timeout=120_000):
        pass
    assert actions.job is None and not out.exists() and list(tmp_path.glob("*.pdf*")) == []
