"""The one writer of every workbook the app writes: the export, the return template, the missing-returns
list and the rejected-rows workbook.

Whatever a park file or a return holds, what is written is safe to open in Excel:

- text is always a text cell (`t="inlineStr"` / data type 's'), never a formula, whatever it begins
  with; text beginning with = + - @ also carries Excel's quote prefix, so editing the cell in Excel keeps
  it text;
- characters XML cannot carry (C0 controls other than tab and line breaks, U+FFFE/U+FFFF, lone
  surrogates), and those the importer refuses (C1 controls, DEL, bidirectional overrides), are dropped,
  and text longer than Excel's 32,767 characters is cut; each such change is kept in `notes` for a 说明
  sheet or line;
- the file appears only when complete: it is written beside the target and moved into place
  (`models.base.xlsx_save.save_workbook`), an existing file is never left half-written.

Tables (`Table`) are streamed with openpyxl's write-only mode: openpyxl writes the workbook, styles and
each sheet's frame (widths, frozen header, filter), and the rows are serialised here straight to a
temporary file, so 250,000 returns take constant memory and a few seconds per 100,000 rows.
`set_text` is the same text rule for the few workbooks built cell by cell (the template).
"""

from __future__ import annotations

import math
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

from .numfmt import PERCENT, excel_format
from .xlsx_save import save_workbook

FORMULA_STARTS = ("=", "+", "-", "@")
EXCEL_TEXT_MAX = 32_767
# dropped on writing: XML-illegal characters, plus the C1 controls, DEL and bidi overrides the importer refuses
DROP_RE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]")
NUMBER_FORMATS = {
    "int": "#,##0",
    "year": "0",
    "money": "#,##0.00",
    "num": "#,##0.00##",
    "pct": excel_format(PERCENT),  # a figure in per cent: 2 decimals, as models.base.numfmt writes %
}
# A column of kind UNIT holds figures of the row's unit (Table.unit): each cell's number format is
# models.base.numfmt.excel_format of that unit, so 企业数 34 reads "34" beside 营业收入 12.50 in one column.
UNIT = "unit"
HEADER_FILL = "DCE6F1"
NOTES_SHEET = "说明"
ZIP_LEVEL = 1  # deflate level of the table workbooks: 3-4× faster than the default 6, files ~15 % larger
_MAX_NOTES = 1000  # cells listed one by one in the notes; the rest are counted
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\r": "&#13;"})
# text needing the slow path: characters to drop, to escape, edge spaces, a formula-like start, or > 8,000 chars
_PLAIN_RE = re.compile("[^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff"
                       "\ud800-\udfff&<>\r\\s=+@-][^\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e"
                       "\u2066-\u2069\ufffe\uffff\ud800-\udfff&<>\r]{0,8000}(?<!\\s)")


class WriteError(Exception):
    """The workbook could not be written; str() is a Chinese message naming the file."""


def clean_text(text: str) -> tuple[str, int]:
    """`text` without the characters a workbook must not carry, cut to Excel's limit; and how many
    characters were dropped or cut (0: unchanged)."""
    dropped = 0
    if DROP_RE.search(text):
        cleaned = DROP_RE.sub("", text)
        dropped = len(text) - len(cleaned)
        text = cleaned
    if len(text) > EXCEL_TEXT_MAX:
        dropped += len(text) - EXCEL_TEXT_MAX
        text = text[:EXCEL_TEXT_MAX]
    return text, dropped


def as_text(value: Any) -> str:
    """Any stored value as text for a text cell (bytes from a crafted file are described, not decoded)."""
    if isinstance(value, str):
        return value
    if isinstance(value, (bytes, bytearray, memoryview)):
        return f"〈{len(bytes(value))}字节二进制数据〉"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    try:
        return str(value)
    except Exception:
        return "?"


@dataclass
class Notes:
    """What the writer changed: cells whose text lost characters, by sheet, row and column."""

    cells: list[tuple[str, int, str, int]] = field(default_factory=list)  # (sheet, row, column title, n)
    dropped: int = 0        # characters dropped or cut, all cells
    changed_cells: int = 0  # cells changed

    def add(self, sheet: str, row: int, column: str, n: int) -> None:
        self.dropped += n
        self.changed_cells += 1
        if len(self.cells) < _MAX_NOTES:
            self.cells.append((sheet, row, column, n))

    def __bool__(self) -> bool:
        return self.changed_cells > 0

    def summary(self) -> str:
        """One Chinese line for the terminal or a status bar ('' when nothing changed)."""
        if not self:
            return ""
        return (f"有{self.changed_cells}个单元格含有无法写入Excel的字符（控制字符等），已删除{self.dropped}个字符，"
                f"详见“{NOTES_SHEET}”工作表。")

    def lines(self) -> list[tuple[Any, ...]]:
        """Rows of the 说明 sheet under its header 工作表/行/列/删除的字符数: one per changed cell listed."""
        out: list[tuple[Any, ...]] = list(self.cells)
        if self.changed_cells > len(self.cells):
            out.append((f"另有{self.changed_cells - len(self.cells)}个单元格未逐一列出。", None, None, None))
        return out


def set_text(cell, value: Any, notes: Notes | None = None, sheet: str = "") -> None:
    """Write `value` into an openpyxl cell (normal mode) as text: never a formula, quote prefix for text
    beginning like one, unwritable characters dropped (noted in `notes`)."""
    text, dropped = clean_text(as_text(value))
    cell.value = text
    cell.data_type = "s"
    if text.startswith(FORMULA_STARTS):
        cell.quotePrefix = True
    if dropped and notes is not None:
        notes.add(sheet or cell.parent.title, cell.row, str(cell.column_letter), dropped)


@dataclass
class Table:
    """One sheet of a table workbook.

    Attributes:
        name: the sheet's name.
        columns: (header title, kind) per column; kind is "text", "bool" (是/否), "raw" (a cell as the user
            gave it: text as text, numbers as numbers), UNIT (a figure formatted by its row's unit, see
            `unit`), or a key of NUMBER_FORMATS.
        rows: the rows, any iterable of sequences in column order (a database cursor is read as it goes).
        title: a line written above the header (the header then sits on row 2).
        widths: fixed column widths (by index) instead of the measured ones.
        unit: the unit a row's UNIT columns are formatted by (`row -> unit`, a models.base.numfmt unit such as
            "亿元", "家", "%", "件/万人"); each such cell gets `excel_format(unit, value)`. Without it a UNIT
            column is formatted like "num".
    """

    name: str
    columns: Sequence[tuple[str, str]]
    rows: Iterable[Sequence[Any]]
    title: str | None = None
    widths: dict[int, float] = field(default_factory=dict)
    unit: Callable[[Sequence[Any]], str | None] | None = None


def _letters(n: int) -> list[str]:
    from openpyxl.utils import get_column_letter

    return [get_column_letter(i) for i in range(1, n + 1)]


def _text_width(text: str) -> int:
    # CJK characters (3 bytes in UTF-8) count 2, others 1: at C speed
    return len(text) + (len(text.encode("utf-8", "surrogatepass")) - len(text)) // 2


class TableWriter:
    """Writes `Table`s to one workbook with openpyxl's write-only mode.

        writer = TableWriter(path)
        writer.add(Table(...)); writer.add(Table(...))
        writer.save()            # adds a 说明 sheet when text had to be changed; raises WriteError

    Attributes:
        path: the workbook to write; notes: what was changed (see Notes); counts: data rows per sheet.
    """

    def __init__(self, path: Path | str):
        from openpyxl import Workbook

        self.path = Path(path)
        self.book = Workbook(write_only=True)
        self.notes = Notes()
        self.counts: dict[str, int] = {}
        self._temp: list[str] = []
        self._styles: dict[str, int] = {}
        self._longest: dict[tuple[str, int], int] = {}  # longest text measured per (sheet, column)
        self._ws = None  # the sheet being written (its cells make the workbook's styles)

    # ------------------------------------------------------------------ styles
    def _style(self, ws, key: str) -> int:
        """The workbook's style id of: "header", "quoted" (text with quote prefix), "title", a number kind,
        or "format:" + an Excel number format."""
        if key in self._styles:
            return self._styles[key]
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font, PatternFill

        proto = WriteOnlyCell(ws)
        if key == "header":
            proto.font = Font(bold=True)
            proto.fill = PatternFill("solid", fgColor=HEADER_FILL)
        elif key == "title":
            proto.font = Font(bold=True)
        elif key == "quoted":
            proto.quotePrefix = True
        elif key.startswith("format:"):
            proto.number_format = key.removeprefix("format:")
        else:
            proto.number_format = NUMBER_FORMATS[key]
        self._styles[key] = sid = proto.style_id
        return sid

    # ------------------------------------------------------------------ rows
    def _text_cell(self, ref: str, text: str, sheet: str, row: int, column: str, quoted: int,
                   style_id: int = 0) -> str:
        """A text cell's XML; `quoted` is the quote-prefix style, `style_id` another style (header, title)."""
        if DROP_RE.search(text) or len(text) > EXCEL_TEXT_MAX:
            text, dropped = clean_text(text)
            self.notes.add(sheet, row, column, dropped)
        if style_id:
            style = f' s="{style_id}"'
        else:
            style = f' s="{quoted}"' if text.startswith(FORMULA_STARTS) else ""
        space = ' xml:space="preserve"' if text[:1].isspace() or text[-1:].isspace() else ""
        return f'<c r="{ref}" t="inlineStr"{style}><is><t{space}>{text.translate(_ESCAPES)}</t></is></c>'

    def _cell_xml(self, ref: str, value: Any, kind: str, sid: int, quoted: int, sheet: str, row: int,
                  column: str) -> tuple[str, int]:
        """One cell of any value (the general path): its XML and its display width."""
        t = type(value)
        if kind == "bool" and (t is int or t is float) and value in (0, 1):
            value, t = ("是" if value else "否"), str
        if (t is int or t is float) and kind != "text" and math.isfinite(value):
            style = f' s="{sid}"' if sid else ""
            return f'<c r="{ref}"{style}><v>{value!r}</v></c>', 12
        # text in every kind of column; numbers in a text column, ±inf, bytes, dates: written as their text
        text = value if t is str else as_text(value)
        return self._text_cell(ref, text, sheet, row, column, quoted), _text_width(text) + 2

    def _unit_cells(self, col: Sequence[Any], numbers: range, units: list[str | None], letter: str,
                    quoted: int, sheet: str) -> tuple[list[str], int]:
        """The cells of a UNIT column: each number with the format of its row's unit
        (models.base.numfmt.excel_format); anything else as `_cell_xml` writes it. Returns (cells, widest)."""
        cells, widest = [], 0
        for n, v, unit in zip(numbers, col, units):
            if v is None:
                cells.append("")
                continue
            if type(v) in (int, float) and math.isfinite(v):
                sid = self._style(self._ws, "format:" + excel_format(unit, v))
                cells.append(f'<c r="{letter}{n}" s="{sid}"><v>{v!r}</v></c>')
                widest = max(widest, 12)
            else:
                xml, w = self._cell_xml(f"{letter}{n}", v, "text", 0, quoted, sheet, n, letter)
                cells.append(xml)
                widest = max(widest, w)
        return cells, widest

    def _chunk_xml(self, chunk: list[Sequence[Any]], first: int, columns: list[tuple[str, str, int]],
                   widths: list[int], quoted: int, sheet: str,
                   unit_of: Callable[[Sequence[Any]], str | None] | None = None) -> str:
        """The <row> elements of `chunk` (rows numbered from `first`), built column by column: a column whose
        cells are all plain numbers, or all plain text, is formatted at once; a UNIT column cell by cell with
        its row's format (`unit_of(row)`); any other cell goes through `_cell_xml`."""
        width = len(columns)
        if any(len(r) != width for r in chunk):
            chunk = [(tuple(r) + (None,) * width)[:width] for r in chunk]
        units = list(map(unit_of, chunk)) if unit_of is not None else None
        numbers = range(first, first + len(chunk))
        ns = list(map(str, numbers))
        plain = _PLAIN_RE.fullmatch
        by_column = []
        for i, ((letter, kind, sid), col) in enumerate(zip(columns, zip(*chunk))):
            types = set(map(type, col))
            types.discard(type(None))
            given = [v for v in col if v is not None] if None in col else col
            if kind == "bool" and types and types <= {int, float} and set(given) <= {0, 1}:
                col = [None if v is None else ("是" if v else "否") for v in col]
                given = [v for v in col if v is not None]
                types = {str}
            if not types:
                by_column.append([""] * len(col))
            elif kind == UNIT and units is not None:
                cells, widest = self._unit_cells(col, numbers, units, letter, quoted, sheet)
                by_column.append(cells)
                widths[i] = min(60, max(widths[i], widest))
            elif kind not in ("text", "bool") and types <= {int, float} and all(map(math.isfinite, given)):
                fmt = f'<c r="{letter}%s" s="{sid}"><v>%r</v></c>' if sid else f'<c r="{letter}%s"><v>%r</v></c>'
                if given is col:  # no blank: formatted at C speed
                    by_column.append(list(map(fmt.__mod__, zip(ns, col))))
                else:
                    by_column.append(["" if v is None else fmt % (n, v) for n, v in zip(ns, col)])
                widths[i] = max(widths[i], 12)
            elif types == {str}:
                fmt = f'<c r="{letter}%s" t="inlineStr"><is><t>%s</t></is></c>'
                if given is col and all(map(plain, col)):  # plain text, no blank: at C speed
                    by_column.append(list(map(fmt.__mod__, zip(ns, col))))
                else:
                    slow = self._text_cell
                    by_column.append(["" if v is None else fmt % (n, v) if plain(v)
                                      else slow(f"{letter}{n}", v, sheet, int(n), letter, quoted)
                                      for n, v in zip(ns, col)])
                longest = max(map(len, given))
                if longest > self._longest.get((sheet, i), 0) and longest * 2 + 2 > widths[i]:
                    self._longest[(sheet, i)] = longest
                    widths[i] = min(60, max(widths[i], max(map(_text_width, given)) + 2))
            else:
                cells = []
                for n, v in zip(numbers, col):
                    if v is None:
                        cells.append("")
                        continue
                    xml, w = self._cell_xml(f"{letter}{n}", v, kind, sid, quoted, sheet, n, letter)
                    cells.append(xml)
                    if w > widths[i]:
                        widths[i] = min(60, w)
                by_column.append(cells)
        rows = map("".join, zip(*by_column))
        return "".join(map('<row r="%s">%s</row>'.__mod__, zip(ns, rows)))

    def add(self, table: Table, progress: Callable[[int], None] | None = None) -> int:
        """Write `table` as a sheet; returns its number of data rows. `progress(rows)` every 10,000 rows."""
        from itertools import islice

        from openpyxl.utils import get_column_letter

        ws = self.book.create_sheet(table.name)
        n_cols = len(table.columns)
        letters = _letters(n_cols)
        titles = [title for title, _kind in table.columns]
        kinds = [kind for _title, kind in table.columns]
        quoted = self._style(ws, "quoted")
        header_style = self._style(ws, "header")
        self._ws = ws
        number_styles = [self._style(ws, "num" if k == UNIT else k) if k in NUMBER_FORMATS or k == UNIT else 0
                         for k in kinds]
        unit_of = table.unit if UNIT in kinds else None
        widths = [max(10, _text_width(t) + 2) for t in titles]
        name = table.name
        fd, rows_path = tempfile.mkstemp(prefix="changning-rows-", suffix=".xml")
        self._temp.append(rows_path)
        row_no = 0
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass", newline="") as out:
            if table.title is not None:
                row_no += 1
                title_style = self._style(ws, "title")
                cell = self._text_cell(f"A{row_no}", as_text(table.title), name, row_no, "A", quoted, title_style)
                out.write(f'<row r="{row_no}">{cell}</row>')
            row_no += 1
            header = [self._text_cell(f"{L}{row_no}", t, name, row_no, L, quoted, header_style)
                      for L, t in zip(letters, titles)]
            out.write(f'<row r="{row_no}">' + "".join(header) + "</row>")
            header_row = row_no
            columns = list(zip(letters, kinds, number_styles))
            rows = iter(table.rows)
            while True:
                chunk = list(islice(rows, 2000))
                if not chunk:
                    break
                out.write(self._chunk_xml(chunk, row_no + 1, columns, widths, quoted, name, unit_of))
                row_no += len(chunk)
                if progress is not None:
                    progress(row_no - header_row)
        count = row_no - header_row
        for i in range(n_cols):
            ws.column_dimensions[get_column_letter(i + 1)].width = table.widths.get(i, widths[i])
        ws.freeze_panes = f"A{header_row + 1}"
        if count:
            ws.auto_filter.ref = f"A{header_row}:{letters[-1]}{row_no}"
        self._splice(ws, rows_path)
        self.counts[name] = count
        return count

    def _splice(self, ws, rows_path: str) -> None:
        """Let openpyxl write the sheet's frame with no rows, then put the rows (already serialised) into it."""
        ws.close()
        frame_path = ws._writer.out
        with open(frame_path, "rb") as fh:
            frame = fh.read()
        for empty in (b"<sheetData/>", b"<sheetData></sheetData>", b"<sheetData />"):
            at = frame.find(empty)
            if at >= 0:
                break
        else:  # pragma: no cover - openpyxl always writes an empty sheetData
            raise WriteError(f"无法写入“{self.path}”：工作表“{ws.title}”的结构异常。")
        with open(frame_path, "wb") as out, open(rows_path, "rb") as rows:
            out.write(frame[:at] + b"<sheetData>")
            shutil.copyfileobj(rows, out, 1 << 20)
            out.write(b"</sheetData>" + frame[at + len(empty):])
        os.unlink(rows_path)
        self._temp.remove(rows_path)

    def add_notes_sheet(self) -> None:
        """A 说明 sheet listing the cells whose text was changed (only when some was)."""
        if self.notes:
            columns = [("工作表", "text"), ("行", "int"), ("列", "text"), ("删除的字符数", "int")]
            self.add(Table(NOTES_SHEET, columns, self.notes.lines(), title=self.notes.summary()))

    def save(self, notes_sheet: bool = True) -> Path:
        """Write the workbook (atomically); with `notes_sheet`, first add the 说明 sheet when needed."""
        try:
            if notes_sheet:
                self.add_notes_sheet()
            if not self.book.worksheets:
                self.book.create_sheet("Sheet1")
            save_workbook(self.book, self.path, compresslevel=ZIP_LEVEL)
        except OSError as exc:
            raise WriteError(write_error_message(self.path, exc)) from exc
        finally:
            self.cleanup()
        return self.path

    def cleanup(self) -> None:
        for path in self._temp:
            try:
                os.unlink(path)
            except OSError:
                pass
        self._temp.clear()


def write_error_message(path: Path | str, exc: OSError) -> str:
    """A Chinese message for a workbook that could not be written."""
    import errno

    reason = {errno.ENOENT: "文件夹不存在", errno.EACCES: "没有写入权限", errno.EPERM: "没有写入权限",
              errno.EISDIR: "该路径是一个文件夹", errno.ENOSPC: "磁盘空间不足",
              errno.ENAMETOOLONG: "路径过长"}.get(exc.errno or 0)
    reason = reason or (exc.strerror or str(exc))
    return f"无法写入“{path}”：{reason}。如该文件已在Excel中打开，请先关闭。"


def write_tables(path: Path | str, tables: Iterable[Table], *, notes_sheet: bool = True,
                 progress: Callable[[int, int], None] | None = None) -> TableWriter:
    """Write `tables` to the workbook at `path`; returns the writer (counts, notes). Raises WriteError."""
    tables = list(tables)
    writer = TableWriter(path)
    try:
        for index, table in enumerate(tables, start=1):
            writer.add(table)
            if progress is not None:
                progress(index, len(tables) + 1)
    except BaseException:
        writer.cleanup()
        raise
    writer.save(notes_sheet)
    return writer


def save_book(book, path: Path | str) -> Path:
    """Save a workbook built cell by cell (normal mode) atomically; raises WriteError."""
    try:
        return save_workbook(book, Path(path))
    except OSError as exc:
        raise WriteError(write_error_message(path, exc)) from exc


def sheet_formulas(path: Path | str) -> list[str]:
    """The names of the sheet XML parts of a written workbook that contain a formula (`<f>`) element;
    used by tests and the build check."""
    import zipfile

    found = []
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                with archive.open(name) as fh:
                    tail = b""
                    for chunk in iter(lambda: fh.read(1 << 20), b""):
                        data = tail + chunk
                        if b"<f>" in data or b"<f " in data or b":f>" in data or b":f " in data:
                            found.append(name)
                            break
                        tail = data[-8:]
    return found
