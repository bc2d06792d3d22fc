"""Printing and exporting from the window: the report options dialog, File ▸ Export PDF… / Export Word… /
Print… / Export to Excel…; the pages are drawn and the files written off the GUI thread (ui.jobs.Job).

The plan's last year (2025) gives the final evaluation report (总结评估) in every format."""

from __future__ import annotations

from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QMarginsF, QObject, QRectF, QSizeF, Qt, Signal
from PySide6.QtGui import QPageLayout, QPageSize, QPainter
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QVBoxLayout, QWidget)

from ui.i18n import label
from ui.jobs import Job


class ReportOptionsDialog(QDialog):
    """Asks for the year and the parts of the report.

    Attributes:
        year_box: the year chosen (a year of the plan's period, `years`).
        part_boxes: {part: QCheckBox} for the optional parts (industries, zones, talent); the indicators
            are always in.
    """

    def __init__(self, year: int, parts: tuple[str, ...] = (), parent: QWidget | None = None,
                 years: tuple[int, ...] = ()):
        from models.output.report import OPTIONAL_PARTS, PART_LABELS

        super().__init__(parent)
        self.setWindowTitle(self.tr("Report"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.year_box = QComboBox(self)
        years = tuple(years) or (year,)
        for y in years:
            text = self.tr("%1 (final evaluation)").replace("%1", str(y)) if y == years[-1] else str(y)
            self.year_box.addItem(text, y)
        self.year_box.setCurrentIndex(years.index(year) if year in years else len(years) - 1)
        form.addRow(self.tr("Year"), self.year_box)
        indicators = QCheckBox(label(PART_LABELS["indicators"]), self)
        indicators.setChecked(True)
        indicators.setEnabled(False)
        form.addRow(self.tr("Parts"), indicators)
        self.part_boxes: dict[str, QCheckBox] = {}
        for part in OPTIONAL_PARTS:
            box = QCheckBox(label(PART_LABELS[part]), self)
            box.setChecked(part in parts)
            form.addRow("", box)
            self.part_boxes[part] = box
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def year(self) -> int:
        return int(self.year_box.currentData())

    def parts(self) -> tuple[str, ...]:
        return ("indicators", *(p for p, box in self.part_boxes.items() if box.isChecked()))


def svg_renderers(svgs: list[bytes]) -> list:
    """One QSvgRenderer per page (parsed once, drawn as often as the preview asks)."""
    from PySide6.QtSvg import QSvgRenderer

    return [QSvgRenderer(svg) for svg in svgs]


def paint_pages(printer, pages: list) -> int:
    """Draw each page (SVG bytes or a QSvgRenderer) onto the printer, scaled to the printable page with its
    proportions kept; returns the number of pages painted."""
    renderers = svg_renderers(pages) if pages and isinstance(pages[0], bytes) else list(pages)
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index, renderer in enumerate(renderers):
            if index:
                printer.newPage()
            area = QRectF(painter.viewport())
            size = QSizeF(renderer.defaultSize())
            size.scale(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
            target = QRectF(area.x() + (area.width() - size.width()) / 2,
                            area.y() + (area.height() - size.height()) / 2, size.width(), size.height())
            renderer.render(painter, target)
    finally:
        painter.end()
    return len(renderers)


class ReportActions(QObject):
    """File ▸ Export PDF…, Export Word…, Print… and Export to Excel… for the window's open park file.

    Attributes:
        session: the window's ParkSession.
        window: the main window (messages, dialogs' parent, `interactive`).
        year, parts: the last choice in the options dialog (offered again next time).
        job: the running ui.jobs.Job, else None (one at a time).
        svgs: the pages of the last print, as SVG.
    Signals:
        done(str): an export or print finished; the path written, or "" for printing.
        failed(str): it could not be done; the message was shown to the user.
        cancelled(): the user cancelled it; nothing was written.
    """

    done = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.year: int | None = None
        self.parts: tuple[str, ...] = ("indicators",)
        self.job: Job | None = None
        self.svgs: list[bytes] = []

    # ------------------------------------------------------------------ choices
    def _file_label(self) -> str:
        return self.session.park.path.name

    def _period(self):
        from models.store.period import read_period

        return read_period(self.session.park.conn)

    def _default_year(self) -> int:
        from models.planning.figures import latest_year_with_data

        return self.year or latest_year_with_data(self.session.park.conn) or self._period().base

    def ask_options(self) -> bool:
        """Show the options dialog; False if cancelled. Until a choice is made, the plan's last year (the final
        evaluation) offers every part, an interim year the indicators alone."""
        year = self._default_year()
        if self.year is None and self._period().is_final(year):
            from models.output.report import PARTS

            self.parts = PARTS
        dialog = ReportOptionsDialog(year, self.parts, self.window, self._period().years)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.year, self.parts = dialog.year(), dialog.parts()
        return True

    def _ask_save(self, title: str, suffix: str, file_filter: str) -> Path | None:
        park = self.session.park
        start = park.path.with_name(f"{park.path.stem}{suffix}")
        name, _ = QFileDialog.getSaveFileName(self.window, title, str(start), file_filter)
        if not name:
            return None
        path = Path(name)
        return path if path.suffix else path.with_suffix(Path(suffix).suffix)

    # ------------------------------------------------------------------ slots
    def on_export_pdf(self) -> None:
        if self.session.park is None or not self.ask_options():
            return
        out = self._ask_save(self.tr("Export report as PDF"), f"-{self.year}.pdf", self.tr("PDF (*.pdf)"))
        if out is not None:
            self.export_pdf(out, self.year, self.parts)

    def on_export_word(self) -> None:
        if self.session.park is None or not self.ask_options():
            return
        out = self._ask_save(self.tr("Export report as Word"), f"-{self.year}.docx",
                             self.tr("Word document (*.docx)"))
        if out is not None:
            self.export_word(out, self.year, self.parts)

    def on_print(self) -> None:
        if self.session.park is None or not self.ask_options():
            return
        self.print_report(self.year, self.parts)

    def on_export_excel(self) -> None:
        if self.session.park is None:
            return
        out = self._ask_save(self.tr("Export to Excel"), ".xlsx", self.tr("Excel workbook (*.xlsx)"))
        if out is not None:
            self.export_excel(out)

    # ------------------------------------------------------------------ work
    def _report_pages(self, year: int | None, parts):
        from models.output import report

        data = report.load(self.session.park.conn, self._file_label(), year, parts)
        return data, report.pages(data)

    def export_pdf(self, out: Path, year: int | None = None, parts=("indicators",)) -> Job:
        """Write the report PDF to `out` on the thread pool; `done(out)` or `failed(message)` follows."""
        from models.output import report

        data, page_list = self._report_pages(year, parts)
        return self._start(lambda progress: report.write_pdf(data, out, page_list, progress),
                           self.tr("Export report as PDF"), self.tr("Writing the report…"), lambda pages: self._finish(str(out)))

    def export_word(self, out: Path, year: int | None = None, parts=("indicators",)) -> Job:
        """Write the report as an editable Word document to `out` on the thread pool (its content is read from
        the park file here, on the GUI thread); `done(out)` or `failed(message)` follows."""
        from models.output import report

        data = report.load(self.session.park.conn, self._file_label(), year, parts)
        document = report.document_of(data)
        return self._start(lambda progress: report.write_docx(data, out, document, progress),
                           self.tr("Export report as Word"), self.tr("Writing the Word document…"), lambda sections: self._finish(str(out)))

    def print_report(self, year: int | None = None, parts=("indicators",), preview: bool = True) -> Job:
        """Draw the pages, then show them in Qt's print preview dialog, which prints to any printer."""
        from models.output import report

        data, page_list = self._report_pages(year, parts)
        self.svgs = []

        def shown(svgs):
            self.svgs = svgs
            if preview:
                self._preview(svgs)
            else:
                self._finish("")

        return self._start(lambda progress: report.page_svgs(data, page_list, progress),
                           self.tr("Print report"), self.tr("Preparing the pages…"), shown)

    def export_excel(self, out: Path) -> Job:
        """Write every table to `out` (.xlsx) on the thread pool; `done(out)` or `failed(message)` follows."""
        from models.output import export_xlsx

        sheet_list = export_xlsx.sheets(self.session.park.conn)
        return self._start(lambda progress: export_xlsx.write_sheets(sheet_list, out, progress),
                           self.tr("Export to Excel"), self.tr("Writing the workbook…"),
                           lambda counts: self._finish(str(out)))

    def preview_dialog(self, svgs: list[bytes]):
        """Qt's print preview of the pages (A4), not yet shown."""
        from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrinter

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                          QMarginsF(0, 0, 0, 0)))
        printer.setFullPage(True)
        printer.setDocName(self._file_label())
        dialog = QPrintPreviewDialog(printer, self.window)
        dialog.setWindowTitle(self.tr("Print report"))
        renderers = svg_renderers(svgs)
        dialog.paintRequested.connect(lambda p: paint_pages(p, renderers))
        dialog.renderers_ = renderers
        dialog.printer_ = printer  # keep the printer alive with the dialog
        return dialog

    def _preview(self, svgs: list[bytes]) -> None:
        self._finish("")
        if self.window.interactive:
            dialog = self.preview_dialog(svgs)
            dialog.resize(900, 1000)
            dialog.exec()

    def _start(self, work: Callable[[Any], Any], title: str, text: str, on_result: Callable[[Any], None]) -> Job:
        """Run `work(progress)` as a job (progress after 600 ms, Cancel); `on_result(result)` on the GUI thread."""
        if self.job is not None:  # one at a time (the progress dialog is window-modal anyway)
            return self.job
        from models.output.mpl import setup

        setup()  # matplotlib's global settings are made here, on the GUI thread, never by the job's thread
        self.job = Job(self.window, title, work, lambda result: self._on_result(on_result, result),
                       text=text, on_failed=self._on_failed, on_cancelled=self._on_cancelled)
        return self.job.start()

    def _on_result(self, on_result: Callable[[Any], None], result: Any) -> None:
        self.job = None
        on_result(result)

    def _on_cancelled(self) -> None:
        self.job = None
        self.cancelled.emit()

    def _finish(self, path: str) -> None:
        self.job = None
        if path:
            from ui.finished import announce

            announce(self.window, self.tr("Export finished"), path)
        self.done.emit(path)

    def _on_failed(self, message: str) -> None:
        self.job = None  # the job showed the message
        self.failed.emit(message)
