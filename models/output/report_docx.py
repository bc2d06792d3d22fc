"""The final evaluation report as an editable Word document (.docx), written with python-docx.

The office edits and files its evaluation in Word or WPS, so the document is built from real parts: the
content of `models.output.report_final` (the same headings, tables, sentences and charts as the PDF) written as
Heading 1 / Heading 2 paragraphs, Word tables (header row repeated on each page), body paragraphs and the
charts as PNG pictures at print resolution (`CHART_DPI`), drawn by the same matplotlib functions.

Page and type follow the usual Word settings for GB/T 9704-2012 (党政机关公文格式): A4, margins
37/35/28/26 mm (`MARGINS_MM`), body 仿宋 3号 (16 pt) on a fixed 28 pt line with a two-character first-line
indent, 一、 headings in 黑体, （一） headings in 楷体, the title in 宋体 2号 bold; Chinese font names are set
on w:eastAsia (Latin text and figures in Times New Roman). Page numbers — “— 1 —” in 宋体 4号 — sit in the
footer, right on odd pages and left on even pages (a PAGE field, so Word renumbers after edits).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from . import report_final as rf
from .report_page import ReportError

CHART_DPI = 200
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]  # 156 mm, GB/T 9704's 版心
LATIN = "Times New Roman"
FONTS = {  # style: (Chinese font, size in pt)
    "body": ("仿宋", 16),
    "title": ("宋体", 22),
    "h1": ("黑体", 16),
    "h2": ("楷体", 16),
    "caption": ("黑体", 14),
    "note": ("仿宋", 12),
    "table": ("仿宋", 10.5),
    "table_head": ("黑体", 10.5),
    "page": ("宋体", 14),
}
LINE_PT = 28  # fixed line spacing of body text: 22 lines on the 225 mm text block
CAPTION_STYLE, NOTE_STYLE, TITLE_STYLE, TABLE_STYLE = "表题", "表注", "报告标题", "表格文字"




def _set_fonts(font, east_asia: str, size: float | None = None, bold: bool | None = None) -> None:
    """Name the Latin font and the Chinese (w:eastAsia) font, dropping the template's theme fonts."""
    from docx.oxml.ns import qn
    from docx.shared import Pt

    font.name = LATIN
    rfonts = font.element.get_or_add_rPr().get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        rfonts.attrib.pop(qn(attr), None)
    rfonts.set(qn("w:eastAsia"), east_asia)
    if size is not None:
        font.size = Pt(size)
    if bold is not None:
        font.bold = bold


def _styles(doc) -> None:
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.shared import Pt, RGBColor

    styles = doc.styles
    normal = styles["Normal"]
    _set_fonts(normal.font, *FONTS["body"])
    fmt = normal.paragraph_format
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(LINE_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    fmt.first_line_indent = Pt(FONTS["body"][1] * 2)
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    for name, key in (("Heading 1", "h1"), ("Heading 2", "h2")):
        style = styles[name]
        _set_fonts(style.font, *FONTS[key], bold=False)
        style.font.italic = False
        style.font.color.rgb = RGBColor(0, 0, 0)
        f = style.paragraph_format
        f.line_spacing_rule = WD_LINE_SPACING.EXACTLY
        f.line_spacing = Pt(LINE_PT)
        f.space_before = Pt(6 if key == "h1" else 0)
        f.space_after = Pt(0)
        f.first_line_indent = Pt(FONTS["body"][1] * 2)
        f.keep_with_next = True
    for name, key, align in ((TITLE_STYLE, "title", WD_ALIGN_PARAGRAPH.CENTER),
                             (CAPTION_STYLE, "caption", WD_ALIGN_PARAGRAPH.CENTER),
                             (NOTE_STYLE, "note", WD_ALIGN_PARAGRAPH.LEFT),
                             (TABLE_STYLE, "table", WD_ALIGN_PARAGRAPH.LEFT)):
        style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        _set_fonts(style.font, *FONTS[key], bold=key == "title")
        f = style.paragraph_format
        f.alignment = align
        f.first_line_indent = Pt(0)
        f.line_spacing_rule = WD_LINE_SPACING.SINGLE if key in ("table", "note") else WD_LINE_SPACING.EXACTLY
        if key == "title":
            f.line_spacing = Pt(36)
            f.space_after = Pt(LINE_PT)
        elif key == "caption":
            f.line_spacing = Pt(LINE_PT)
            f.space_before = Pt(6)
            f.keep_with_next = True
        elif key == "note":
            f.space_before = Pt(3)
            f.space_after = Pt(6)


def _page(doc) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.footer_distance = Mm(MARGINS_MM["bottom"] - 7 - 5)  # the number 7 mm below the text block
    doc.settings.odd_and_even_pages_header_footer = True
    _page_number(section.footer.paragraphs[0], odd=True)
    _page_number(section.even_page_footer.paragraphs[0], odd=False)


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES…) with the text shown until Word updates it."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(element):
        run = paragraph.add_run()
        _set_fonts(run.font, *FONTS["page"])
        run._r.append(element)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    run = paragraph.add_run(shown)
    _set_fonts(run.font, *FONTS["page"])
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def _page_number(paragraph, odd: bool) -> None:
    """“— N —”, right with one character's space on odd pages, left likewise on even pages."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT if odd else WD_ALIGN_PARAGRAPH.LEFT
    if odd:
        fmt.right_indent = Pt(FONTS["page"][1])
    else:
        fmt.left_indent = Pt(FONTS["page"][1])
    for text in ("— ",):
        run = paragraph.add_run(text)
        _set_fonts(run.font, *FONTS["page"])
    _field(paragraph, "PAGE", "1")
    run = paragraph.add_run(" —")
    _set_fonts(run.font, *FONTS["page"])


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _cell_text(cell, text: str, align: str, style, head: bool = False) -> None:
    from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    alignment = {"left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                 "center": WD_ALIGN_PARAGRAPH.CENTER}[align if not head else "center"]
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    lines = str(text).split("\n")
    first = cell.paragraphs[0]
    for i, line in enumerate(lines):
        paragraph = first if i == 0 else cell.add_paragraph()
        paragraph.style = style
        paragraph.paragraph_format.alignment = alignment
        run = paragraph.add_run(line)
        if head:
            _set_fonts(run.font, *FONTS["table_head"])


def add_table(doc, table: rf.Table):
    """A Word table: header row repeated on every page, columns sized as in the PDF, cells centred vertically."""
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.shared import Mm

    if table.title:
        doc.add_paragraph(table.title, style=CAPTION_STYLE)
    rows = list(table.rows) + ([table.total_row] if table.total_row else [])
    out = doc.add_table(rows=1 + len(rows), cols=len(table.header))
    out.style = doc.styles["Table Grid"]
    out.alignment = WD_TABLE_ALIGNMENT.CENTER
    out.autofit = False
    total = sum(table.widths)
    widths = [Mm(TEXT_WIDTH_MM * w / total) for w in table.widths]
    for column, width in zip(out.columns, widths):  # w:gridCol, which WPS and LibreOffice lay out by
        column.width = width
    style = doc.styles[TABLE_STYLE]
    cells = out._cells  # every cell once: row.cells walks the whole table on each call
    n = len(table.header)
    for r, texts in enumerate([table.header, *rows]):
        for c, text in enumerate(texts):
            cell = cells[r * n + c]
            cell.width = widths[c]
            _cell_text(cell, text, table.align[c], style, head=r == 0)
    _repeat_header(out.rows[0])
    return out


def chart_png(chart: rf.Chart, width_mm: float = TEXT_WIDTH_MM, dpi: int = CHART_DPI) -> bytes:
    """The chart drawn by its plot function as a PNG of `width_mm` at `dpi`, with the PDF's proportions."""
    from .mpl import new_figure
    from .report_page import A4_INCHES, BODY_RECT

    pdf_w, pdf_h = BODY_RECT[2] * A4_INCHES[0], chart.height * A4_INCHES[1]  # the chart's slot on a PDF page
    width_in = width_mm / 25.4
    height_in = pdf_h * width_in / pdf_w
    fig = new_figure(width_in, height_in, dpi=dpi)
    chart.plot(fig)
    if chart.manual and chart.axes_rect:
        # The margins around the axes hold tick labels of a fixed size in points: keep them in inches.
        left, bottom, w, h = chart.axes_rect
        right, top = (1 - left - w) * pdf_w, (1 - bottom - h) * pdf_h
        left, bottom = left * pdf_w, bottom * pdf_h
        rect = (left / width_in, bottom / height_in, 1 - (left + right) / width_in, 1 - (bottom + top) / height_in)
        fig.set_layout_engine(None)
        for ax in fig.axes:
            ax.set_position(rect)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def add_chart(doc, chart: rf.Chart) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Mm, Pt

    paragraph = doc.add_paragraph()
    fmt = paragraph.paragraph_format
    fmt.first_line_indent = Pt(0)
    fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
    fmt.line_spacing = 1.0
    fmt.keep_with_next = True
    paragraph.add_run().add_picture(io.BytesIO(chart_png(chart)), width=Mm(TEXT_WIDTH_MM))
    if chart.caption:
        doc.add_paragraph(chart.caption, style=CAPTION_STYLE)


def _title(doc, document: rf.Document) -> None:
    doc.add_paragraph(document.title, style=TITLE_STYLE)
    facts = dict(document.cover_rows)
    line = "（" + "；".join(f"{k}：{facts[k]}" for k in ("数据更新日期", "数据文件", "生成日期") if facts.get(k)) + "）"
    paragraph = doc.add_paragraph(line, style=NOTE_STYLE)
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    paragraph.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER


def build_docx(document: rf.Document, progress: Callable[[int, int], None] | None = None):
    """The python-docx Document of the report; `progress(done, total)` after each section."""
    import docx

    doc = docx.Document()
    _styles(doc)
    _page(doc)
    props = doc.core_properties
    props.title = document.title
    props.subject = document.subject
    props.author = "长宁园规划监测"
    _title(doc, document)
    total = len(document.sections)
    for done, section in enumerate(document.sections, start=1):
        doc.add_heading(section.heading, level=1)
        for block in section.blocks:
            if isinstance(block, rf.Paragraph):
                doc.add_paragraph(block.text, style=NOTE_STYLE if block.style == "note" else None)
            elif isinstance(block, rf.Table):
                add_table(doc, block)
            elif isinstance(block, rf.Chart):
                add_chart(doc, block)
            elif isinstance(block, rf.IndicatorItem):
                doc.add_heading(block.heading, level=2)
                add_chart(doc, block.chart)
                for text in block.paragraphs:
                    doc.add_paragraph(text)
        if progress is not None:
            progress(done, total)
    return doc


def write_docx(document: rf.Document, out: Path | str, progress: Callable[[int, int], None] | None = None) -> int:
    """Write the report to `out` (.docx) through a partial file moved into place; returns the number of
    sections. Raises ReportError with a message for the user (an existing `out` is left unchanged)."""
    from ..base.out_path import partial_file

    out = Path(out)
    doc = build_docx(document, progress)
    try:
        with partial_file(out) as partial:
            doc.save(str(partial))
    except OSError as exc:
        raise ReportError(f"无法写入Word文档“{out}”：{exc.strerror or exc}。如该文件已在其他程序中打开，请先关闭。") from exc
    return len(document.sections)
