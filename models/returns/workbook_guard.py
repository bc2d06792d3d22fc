"""Checks an enterprise's file BEFORE any spreadsheet library parses it.

`check_workbook(path)` looks at the bytes only (the zip directory, and each XML part streamed through a
size cap) and raises `WorkbookRejected` with a Chinese message naming the file when the file is empty,
too large, not an .xlsx at all (text, CSV, legacy .xls, PDF, Word, .xlsb, .ods), encrypted, damaged,
a zip bomb, carries XML entity declarations, or declares more rows or columns than the limits below.
What it accepts is safe to hand to python-calamine or openpyxl: the decompressed size is bounded and no
part declares a DOCTYPE. Macros (.xlsm) are accepted: only cell values are read and no macro ever runs;
the returned `GuardReport.notes` says so.
"""

from __future__ import annotations

import re
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ..store.return_form import COLUMNS

# ---------------------------------------------------------------- limits (also listed in README "Limits")
MAX_FILE_BYTES = 50 * 1024 * 1024            # the file on disk
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024   # all parts of the workbook, decompressed
MAX_PART_RATIO = 200                         # decompressed / compressed size of one part ...
RATIO_CHECK_ABOVE = 10 * 1024 * 1024         # ... checked for parts larger than this when decompressed
MAX_PARTS = 2_000                            # entries in the zip
MAX_ROWS = 100_000                           # data rows in one worksheet (the header and rows above it excluded)
HEADER_ROWS = 20                             # rows up to the header (return_reader.HEADER_SCAN_ROWS)
MAX_COLUMNS = 256                            # columns A..IV in one worksheet

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")
_CHUNK = 1024 * 1024
# Extensions that make python-calamine pick another format's reader for what is in fact an .xlsx.
_OTHER_SUFFIXES = (".xls", ".xla", ".xlsb", ".ods")


class WorkbookRejected(Exception):
    """The file cannot be imported. `str(error)` is the message for the user, in Chinese, naming the file."""


@dataclass
class GuardReport:
    """What the guard found in an accepted workbook.

    Attributes:
        path: the file checked.
        kind: "xlsx" or "xlsm".
        sheets: sheet name -> visibility ("visible", "hidden", "veryHidden"), in workbook order.
        rows: sheet name -> number of <row> elements seen.
        notes: remarks for the user (Chinese) that do not stop the import, e.g. macros ignored.
    """

    path: Path
    kind: str = "xlsx"
    sheets: dict[str, str] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.0f} MB"


def check_workbook(path: Path | str, display: str | None = None) -> GuardReport:
    """Return a GuardReport if `path` is a safe .xlsx/.xlsm; else raise WorkbookRejected (the user's message).

    `display` is the file's name in messages (default: the file name).
    """
    path = Path(path)
    name = display or path.name
    if not path.exists():
        raise WorkbookRejected(f"找不到文件“{path}”。")
    if path.is_dir():
        raise WorkbookRejected(f"“{path}”是一个文件夹，不是Excel工作簿。")
    if path.name.startswith("~$"):
        raise WorkbookRejected(f"“{name}”是Excel打开文件时留下的临时文件，不是报表。请选择不带“~$”前缀的原文件。")
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(4096)
    except PermissionError:
        raise WorkbookRejected(f"无法读取“{name}”：文件正被其他程序（如Excel、WPS）占用或没有读取权限。"
                               "请关闭该程序后重试。") from None
    except OSError as exc:
        raise WorkbookRejected(f"无法读取“{name}”：{exc.strerror or exc}。") from None
    if size == 0:
        raise WorkbookRejected(f"“{name}”是空文件（0字节），没有任何内容。可能保存或下载未完成，请向企业重新索取。")
    if size > MAX_FILE_BYTES:
        raise WorkbookRejected(f"“{name}”有{_mb(size)}，超过导入上限{_mb(MAX_FILE_BYTES)}。"
                               "企业报表通常不足1 MB，请检查是否选错了文件，或删除多余的工作表和图片后重试。")
    if head.startswith(OLE2_MAGIC):
        _refuse_ole2(path, name)
    if not head.startswith(ZIP_MAGICS):
        _refuse_not_zip(name, head, path)
    try:
        return _check_zip(path, name)
    except WorkbookRejected:
        raise
    except Exception:  # whatever else a malformed zip provokes in zipfile or the XML parser
        raise WorkbookRejected(f"“{name}”已损坏或不完整（可能下载或复制时中断），无法作为Excel工作簿打开。"
                               "请向企业重新索取文件，或在Excel中打开修复后另存为.xlsx。") from None


# ---------------------------------------------------------------- not a zip
def _refuse_ole2(path: Path, name: str) -> None:
    with path.open("rb") as fh:
        data = fh.read(min(MAX_FILE_BYTES, 4 * 1024 * 1024))
    if "EncryptedPackage".encode("utf-16-le") in data:
        raise WorkbookRejected(f"“{name}”设有打开密码（已加密），程序无法读取。"
                               "请在Excel中打开，于“文件 ▸ 信息 ▸ 保护工作簿”中删除密码，另存为.xlsx后再导入。")
    raise WorkbookRejected(f"“{name}”是旧版Excel 97-2003格式（.xls），本程序无法读取。请另存为.xlsx："
                           "在Excel或WPS中打开该文件，选择“另存为”，文件类型选“Excel工作簿(*.xlsx)”，再导入。")


def _refuse_not_zip(name: str, head: bytes, path: Path) -> None:
    if head.startswith(b"%PDF"):
        raise WorkbookRejected(f"“{name}”是PDF文件，不是Excel工作簿。请向企业索取填写好的.xlsx报表。")
    if head.startswith(b"Rar!") or head.startswith(b"7z\xbc\xaf") or head.startswith(b"\x1f\x8b"):
        raise WorkbookRejected(f"“{name}”是压缩包（RAR/7z/gz），不是Excel工作簿。请先解压，再导入其中的.xlsx文件。")
    text = _as_text(head)
    if text is None:
        raise WorkbookRejected(f"“{name}”不是Excel工作簿（无法识别的文件格式，也可能已损坏）。"
                               "请确认文件为.xlsx格式，必要时在Excel中另存为.xlsx。")
    decoded, encoding = text
    lowered = decoded.lstrip().lower()
    if lowered.startswith(("<html", "<!doctype html", "<table", "<?xml")) or "<html" in lowered[:500]:
        raise WorkbookRejected(f"“{name}”实为网页或XML文本（扩展名被改成了Excel），不是真正的.xlsx工作簿。"
                               "请在Excel中打开后另存为.xlsx（Excel工作簿）再导入。")
    kind = "CSV文本文件" if _looks_like_csv(decoded) else "纯文本文件"
    if encoding == "utf-8":
        where = f"是{kind}"
    else:
        where = f"是{kind}，且不是UTF-8编码（看起来是{encoding}编码）"
    renamed = "" if path.suffix.lower() in (".csv", ".txt", "") else f"（只是扩展名为{path.suffix}）"
    raise WorkbookRejected(f"“{name}”{where}，不是Excel工作簿{renamed}。本程序只导入.xlsx工作簿："
                           "请在Excel或WPS中打开该文件，另存为.xlsx（Excel工作簿）后再导入。")


def _as_text(head: bytes) -> tuple[str, str] | None:
    """(text, encoding) if the first bytes look like text, else None."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return head[2:].decode("utf-16", errors="replace"), "UTF-16"
    sample = head[:-4] if len(head) == 4096 else head  # a multibyte character may be cut at the end
    if b"\x00" in sample:
        return None
    try:
        return sample.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        decoded = sample.decode("gb18030")
    except UnicodeDecodeError:
        return None
    controls = sum(1 for ch in decoded if ord(ch) < 32 and ch not in "\r\n\t")
    if controls > len(decoded) // 50:
        return None
    return decoded, "GBK/GB18030"


def _looks_like_csv(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()][:5]
    return bool(lines) and all(("," in line or "\t" in line or "，" in line) for line in lines)


# ---------------------------------------------------------------- zip
_DOCTYPE_MARKS = tuple(
    word.encode(enc) for word in ("<!DOCTYPE", "<!ENTITY") for enc in ("ascii", "utf-16-le", "utf-16-be"))


def _may_declare(body: bytes) -> bool:
    """Whether `body` may hold one of _DOCTYPE_MARKS: each has "<!" (ASCII) or "<\\0!" (UTF-16, either order)
    — two scans of a part instead of six."""
    return b"<!" in body or b"<\x00!" in body


_PREFIXED_ROW = re.compile(rb"<[A-Za-z_][\w.-]*:row[\s>/]")
# A cell reference beyond column IV (MAX_COLUMNS): IW–IZ, JA–ZZ, or three letters; only cells carry letters in
# r="…". A form's own columns (A–AD…) never match, so a sheet is scanned at C speed with nothing to collect.
_WIDE_CELL = re.compile(rb'r="(I[W-Z]|[J-Z][A-Z]|[A-Z]{3})[0-9]')  # a literal start keeps the scan fast
_P = rb"(?:[A-Za-z_][\w.-]*:)?"
# A formula with no cached result: </f> (or <f .../>) then an empty or missing <v> before </c>.
_UNCACHED_FORMULA = re.compile(rb"(?:</" + _P + rb"f>|<" + _P + rb"f\b[^>]*/>)\s*(?:<" + _P + rb"v\s*/>|<" + _P
                               + rb"v>\s*</" + _P + rb"v>)?\s*</" + _P + rb"c>")
_DIMENSION = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?dimension\b[^>]*?\bref=\"[A-Z]+\d+:([A-Z]+)(\d+)\"")


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + (ch - 64)
    return n


assert _column_number(b"IV") == MAX_COLUMNS  # _WIDE_CELL's first column is the one after it


def _check_zip(path: Path, name: str) -> GuardReport:
    damaged = (f"“{name}”已损坏或不完整（可能下载或复制时中断），无法作为Excel工作簿打开。"
               "请向企业重新索取文件，或在Excel中打开修复后另存为.xlsx。")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        raise WorkbookRejected(damaged) from None
    with archive:
        infos = archive.infolist()
        if len(infos) > MAX_PARTS:
            raise WorkbookRejected(f"“{name}”包含{len(infos)}个内部部件，超过上限{MAX_PARTS}，疑似恶意构造的文件，已拒绝。")
        names = {info.filename for info in infos}
        _refuse_other_zip(name, names, archive)
        declared = sum(info.file_size for info in infos)
        bomb = (f"“{name}”解压后的大小异常（{{size}}，上限{_mb(MAX_UNCOMPRESSED_BYTES)}），"
                "疑似“压缩炸弹”或恶意构造的文件，已拒绝，未读取其中内容。")
        if declared > MAX_UNCOMPRESSED_BYTES:
            raise WorkbookRejected(bomb.format(size=_mb(declared)))
        for info in infos:
            if info.file_size > RATIO_CHECK_ABOVE and info.file_size > MAX_PART_RATIO * max(info.compress_size, 1):
                raise WorkbookRejected(bomb.format(size=_mb(declared)))
        report = GuardReport(path=path)
        sheets_by_part = _sheet_names(archive, name, names, report)
        budget = MAX_UNCOMPRESSED_BYTES
        for info in infos:
            if info.is_dir():
                continue
            sheet = sheets_by_part.get(info.filename)
            budget -= _scan_part(archive, info, name, sheet, budget, bomb, damaged, report)
        if path.suffix.lower() in _OTHER_SUFFIXES:
            raise WorkbookRejected(f"“{name}”实际是.xlsx格式的工作簿，但扩展名是“{path.suffix}”，读取程序会按错误的格式"
                                   "打开它。请把文件扩展名改为.xlsx后再导入。")
        if "xl/vbaProject.bin" in names or report.kind == "xlsm":
            report.kind = "xlsm"
            report.notes.append(f"“{name}”含有宏（VBA代码）。程序只读取单元格数据，不会运行任何宏。")
        hidden = [s for s, state in report.sheets.items() if state != "visible"]
        if hidden:
            report.notes.append(f"“{name}”含有隐藏的工作表：{'、'.join(hidden)}。")
        return report


def _refuse_other_zip(name: str, names: set[str], archive: zipfile.ZipFile) -> None:
    if "xl/workbook.xml" in names:
        return
    if "xl/workbook.bin" in names:
        raise WorkbookRejected(f"“{name}”是Excel二进制工作簿（.xlsb），请在Excel中另存为.xlsx（Excel工作簿）后再导入。")
    if "mimetype" in names:
        try:
            mimetype = archive.read("mimetype")[:200].decode("ascii", errors="replace")
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            mimetype = ""
        if "spreadsheet" in mimetype:
            raise WorkbookRejected(f"“{name}”是WPS/LibreOffice表格格式（.ods/.et），"
                                   "请在WPS或LibreOffice中另存为.xlsx（Excel工作簿）后再导入。")
    if "word/document.xml" in names:
        raise WorkbookRejected(f"“{name}”是Word文档，不是Excel工作簿。请向企业索取填写好的.xlsx报表。")
    if "ppt/presentation.xml" in names:
        raise WorkbookRejected(f"“{name}”是PowerPoint演示文稿，不是Excel工作簿。")
    raise WorkbookRejected(f"“{name}”是一个zip压缩包，但不是Excel工作簿（缺少工作簿内容）。"
                           "如为压缩的报表，请先解压再导入其中的.xlsx文件。")


def _read_small(archive: zipfile.ZipFile, member: str, limit: int = 4 * 1024 * 1024) -> bytes | None:
    try:
        info = archive.getinfo(member)
    except KeyError:
        return None
    if info.file_size > limit:
        return None
    with archive.open(info) as fh:
        return fh.read(limit + 1)[:limit]


def _sheet_names(archive: zipfile.ZipFile, name: str, names: set[str], report: GuardReport) -> dict[str, str]:
    """Worksheet part path -> sheet name, read from workbook.xml and its relationships (defusedxml)."""
    from defusedxml import ElementTree as SafeET
    from defusedxml.common import DefusedXmlException
    from xml.etree.ElementTree import ParseError

    damaged = (f"“{name}”的工作簿结构已损坏（xl/workbook.xml无法读取），无法导入。"
               "请在Excel中打开修复后另存为.xlsx。")
    ct = _read_small(archive, "[Content_Types].xml") or b""
    if b"macroEnabled" in ct:
        report.kind = "xlsm"
    try:
        workbook_xml = _read_small(archive, "xl/workbook.xml")
        rels_xml = _read_small(archive, "xl/_rels/workbook.xml.rels")
        if workbook_xml is None:
            raise WorkbookRejected(damaged)
        if any(mark in workbook_xml for mark in _DOCTYPE_MARKS) or \
                (rels_xml and any(mark in rels_xml for mark in _DOCTYPE_MARKS)):
            raise WorkbookRejected(_entity_message(name, "xl/workbook.xml"))
        workbook = SafeET.fromstring(workbook_xml)
        rels = SafeET.fromstring(rels_xml) if rels_xml else None
    except (ParseError, DefusedXmlException, ValueError, zipfile.BadZipFile, EOFError, OSError):
        raise WorkbookRejected(damaged) from None
    targets: dict[str, str] = {}
    if rels is not None:
        for rel in rels:
            if rel.get("Id") and rel.get("Target"):
                target = rel.get("Target")
                part = target.lstrip("/") if target.startswith("/") else str(PurePosixPath("xl") / target)
                targets[rel.get("Id")] = _normalize(part)
    by_part: dict[str, str] = {}
    for element in workbook.iter():
        if element.tag.rsplit("}", 1)[-1] != "sheet":
            continue
        sheet_name = element.get("name") or "?"
        report.sheets[sheet_name] = element.get("state") or "visible"
        rid = next((v for k, v in element.attrib.items() if k.rsplit("}", 1)[-1] == "id"), None)
        if rid in targets:
            by_part[targets[rid]] = sheet_name
    return by_part


def _normalize(part: str) -> str:
    out: list[str] = []
    for piece in part.split("/"):
        if piece == "..":
            if out:
                out.pop()
        elif piece not in ("", "."):
            out.append(piece)
    return "/".join(out)


def _entity_message(name: str, part: str) -> str:
    return (f"“{name}”的内部文件{part}含有XML实体声明（DOCTYPE/ENTITY），"
            "这不是Excel正常生成的内容，疑似恶意构造（如“十亿笑声”攻击），已拒绝，未读取其中内容。")


def _scan_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, name: str, sheet: str | None, budget: int,
               bomb: str, damaged: str, report: GuardReport) -> int:
    """Stream one part through the size budget; check XML parts for DOCTYPE and sheets for rows/columns.

    Returns the number of decompressed bytes read.
    """
    lower = info.filename.lower()
    is_xml = lower.endswith((".xml", ".rels", ".vml")) or "." not in PurePosixPath(lower).name
    read = 0
    rows = 0
    carry = b""
    dimension_checked = False
    widest = 0
    uncached = 0
    try:
        with archive.open(info) as fh:
            while True:
                chunk = fh.read(_CHUNK)
                if not chunk:
                    break
                read += len(chunk)
                if read > budget:
                    raise WorkbookRejected(bomb.format(size=f"超过{_mb(MAX_UNCOMPRESSED_BYTES)}"))
                if not is_xml:
                    continue
                data = carry + chunk
                cut = data.rfind(b">") + 1
                if cut == 0 or len(data) - cut > _CHUNK:
                    cut = len(data)
                body, carry = data[:cut], data[cut:]
                if _may_declare(body) and any(mark in body for mark in _DOCTYPE_MARKS):
                    raise WorkbookRejected(_entity_message(name, info.filename))
                if sheet is None:
                    continue
                if not dimension_checked:
                    dimension_checked = True
                    _check_dimension(body, name, sheet)
                rows += body.count(b"<row")  # <row …>, <row>, <row/> …
                if b"<rowB" in body:  # … and not <rowBreaks>
                    rows -= body.count(b"<rowBreaks")
                if b":row" in body:
                    rows += len(_PREFIXED_ROW.findall(body))
                if rows > MAX_ROWS + HEADER_ROWS:  # the reader counts the data rows exactly, after the header
                    raise WorkbookRejected(
                        f"“{name}”的工作表“{sheet}”有超过{MAX_ROWS}行（含空行），超过导入上限。"
                        "如果其中大部分是空行，请在Excel中删除数据下方的多余行后另存再导入。")
                for letters in _WIDE_CELL.findall(body):
                    widest = max(widest, _column_number(letters))
                if b"<f" in body or b":f" in body:  # a formula, <f…> or <x:f…> (text has "<" escaped)
                    uncached += len(_UNCACHED_FORMULA.findall(body))
            if is_xml and carry and any(mark in carry for mark in _DOCTYPE_MARKS):
                raise WorkbookRejected(_entity_message(name, info.filename))
    except WorkbookRejected:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError, RuntimeError):
        # Bad CRC, truncated or corrupt deflate data, unsupported compression or an encrypted zip entry.
        raise WorkbookRejected(damaged) from None
    if sheet is not None:
        if widest > MAX_COLUMNS:
            raise _too_wide(name, sheet, widest)
        report.rows[sheet] = rows
        if uncached:
            report.notes.append(f"“{name}”的工作表“{sheet}”有{uncached}个公式单元格没有计算结果（文件未经Excel保存过），"
                                "这些单元格按空白读取。请在Excel或WPS中打开该文件并保存后再导入。")
    return read


def _check_dimension(body: bytes, name: str, sheet: str) -> None:
    match = _DIMENSION.search(body[:4096])
    if match and _column_number(match.group(1)) > MAX_COLUMNS:
        raise _too_wide(name, sheet, _column_number(match.group(1)))


def _too_wide(name: str, sheet: str, columns: int) -> WorkbookRejected:
    return WorkbookRejected(f"“{name}”的工作表“{sheet}”使用了{columns}列，超过导入上限{MAX_COLUMNS}列"
                            f"（报表只有{len(COLUMNS)}列）。请删除右侧多余的列后另存再导入。")
