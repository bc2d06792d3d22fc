"""Generate the corpus of hostile and broken enterprise returns in tests/data/bad/.

    python scripts/make_bad_corpus.py [OUT_DIR]

Each case is a file plus what the user must see, listed in `cases.json`:
`{"file", "what", "expect" (fragments of the message, all must appear), "exit" (the import's exit code),
"via" ("cli" or "inprocess"), "big" (generated at test time, not committed)}`.
Workbooks are written with openpyxl, XlsxWriter, or zip/XML by hand. Big cases (a file over the size
limit, a sheet of 1,048,576 rows) are made into a temporary folder by the tests via `build(case, folder)`.
"""

from __future__ import annotations

import io
import json
import struct
import sys
import zipfile
import zlib
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from models.returns.cells import make_credit_code  # noqa: E402
from models.store.return_form import COLUMNS, SHEET_NAME  # noqa: E402
from models.returns.return_reader import column_letter  # noqa: E402

OUT = ROOT / "tests" / "data" / "bad"
TITLES = [c.title for c in COLUMNS]


# ---------------------------------------------------------------- good rows
def code(n: int) -> str:
    return make_credit_code(f"91310105MA1F{n:05d}")


def good_row(n: int, year: int = 2024) -> list:
    """A valid return row, in the order of COLUMNS."""
    return [code(n), f"上海长宁测试企业{n}有限公司", year, "人工智能产业", "中部虹桥片区",
            1000.0 + n, 50.0 + n, 80.0, 300.0, 12.5, 100 + n, 5, 2, 7, 4, 2, 3, 1, 20.0, "是", None, "否"]


COL = {c.key: i for i, c in enumerate(COLUMNS)}


# ---------------------------------------------------------------- writers
FIXED_TIME = (2024, 1, 1, 0, 0, 0)


def stable_bytes(data: bytes) -> bytes:
    """A zip with fixed member times and document dates, so regenerating gives the same bytes."""
    import re

    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = [(info, src.read(info)) for info in src.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as out:
        for info, blob in parts:
            if info.filename == "docProps/core.xml":
                blob = re.sub(rb"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", b"2024-01-01T00:00:00Z", blob)
            fixed = zipfile.ZipInfo(info.filename, FIXED_TIME)
            fixed.compress_type = info.compress_type
            fixed.external_attr = info.external_attr
            out.writestr(fixed, blob)
    return buf.getvalue()


def stable(path: Path) -> None:
    path.write_bytes(stable_bytes(path.read_bytes()))


def write_openpyxl(path: Path, rows: list[list], *, sheet: str = SHEET_NAME, header: list | None = None,
                   tweak: Callable | None = None) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    ws.append(TITLES if header is None else header)
    for row in rows:
        ws.append(row)
    if tweak is not None:
        tweak(wb, ws)
    wb.save(path)
    stable(path)


def write_xlsxwriter(path: Path, rows: list[list], *, formulas: dict | None = None) -> None:
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet(SHEET_NAME)
    ws.write_row(0, 0, TITLES)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if value is not None:
                ws.write(r, c, value)
    for (r, c), (formula, value) in (formulas or {}).items():
        ws.write_formula(r, c, formula, None, value)
    wb.close()
    stable(path)


def xml_cell(ref: str, value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return f'<c r="{ref}" t="b"><v>{int(value)}</v></c>'
    if isinstance(value, (int, float)):
        return f'<c r="{ref}"><v>{value}</v></c>'
    text = str(value).replace("&", "&amp;").replace("<", "&lt;")
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(rows: list[list], *, prolog: str = "", dimension: str | None = None, extra_rows: str = "") -> str:
    body = []
    for r, row in enumerate(rows, start=1):
        cells = "".join(xml_cell(f"{column_letter(c)}{r}", v) for c, v in enumerate(row))
        body.append(f'<row r="{r}">{cells}</row>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + prolog +
            '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'{dim}<sheetData>{"".join(body)}{extra_rows}</sheetData></worksheet>')


def raw_xlsx(path: Path, sheets: list[tuple[str, str, str]], *, shared_strings: str | None = None,
             extra: dict[str, bytes] | None = None, macro: bool = False) -> None:
    """A workbook zipped by hand: sheets are (name, state, sheet XML)."""
    main_ct = ("application/vnd.ms-excel.sheet.macroEnabled.main+xml" if macro else
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml")
    overrides = [f'<Override PartName="/xl/workbook.xml" ContentType="{main_ct}"/>']
    wb_sheets, rels = [], []
    for i, (name, state, _) in enumerate(sheets, start=1):
        overrides.append(f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>')
        st = f' state="{state}"' if state != "visible" else ""
        wb_sheets.append(f'<sheet name="{name}" sheetId="{i}"{st} r:id="rId{i}"/>')
        rels.append(f'<Relationship Id="rId{i}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    f'relationships/worksheet" Target="worksheets/sheet{i}.xml"/>')
    if shared_strings is not None:
        n = len(sheets) + 1
        overrides.append('<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
                         'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>')
        rels.append(f'<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/sharedStrings" Target="sharedStrings.xml"/>')
    parts = {
        "[Content_Types].xml": '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
        'openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/'
        'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
        + "".join(overrides) + "</Types>",
        "_rels/.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
        'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
        'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '</Relationships>',
        "xl/workbook.xml": '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.'
        'openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships"><sheets>' + "".join(wb_sheets) + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://'
        'schemas.openxmlformats.org/package/2006/relationships">' + "".join(rels) + "</Relationships>",
    }
    for i, (_, _, xml) in enumerate(sheets, start=1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    if shared_strings is not None:
        parts["xl/sharedStrings.xml"] = shared_strings
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in parts.items():
            zf.writestr(zipfile.ZipInfo(name, FIXED_TIME), text.encode("utf-8"), zipfile.ZIP_DEFLATED)
        for name, data in (extra or {}).items():
            zf.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)


def cfb(path: Path, streams: dict[str, bytes]) -> None:
    """A minimal OLE2 compound file (the container of .xls and of encrypted .xlsx) holding `streams`."""
    sector = 512
    end, free, fat_sect = 0xFFFFFFFE, 0xFFFFFFFF, 0xFFFFFFFD
    data = [s.ljust(max(4096, -(-len(s) // sector) * sector), b"\0") for s in streams.values()]
    fat = [fat_sect, end]  # sector 0: the FAT, sector 1: the directory
    starts = []
    for blob in data:
        first = len(fat)
        count = len(blob) // sector
        starts.append(first)
        fat.extend(range(first + 1, first + count))
        fat.append(end)
    assert len(fat) <= sector // 4
    fat += [free] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBBIII", len(raw), kind, 1, free, right, child)
                + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 + struct.pack("<IQ", start, size))

    names = list(streams)
    entries = [entry("Root Entry", 5, 1 if names else free, free, end, 0)]
    for i, name in enumerate(names):
        right = i + 2 if i + 1 < len(names) else free
        entries.append(entry(name, 2, free, right, starts[i], len(streams[name])))
    directory = b"".join(entries).ljust(sector, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6)
              + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, end, 0, end, 0)
              + struct.pack("<I", 0) + struct.pack("<I", free) * 108)
    assert len(header) == sector
    path.write_bytes(header + struct.pack(f"<{sector // 4}I", *fat) + directory + b"".join(data))


BOF_BIFF8 = struct.pack("<HHHHHHII", 0x0809, 16, 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06)

BILLION_LAUGHS = ('<!DOCTYPE lolz [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10)) + "]>\n")


# ---------------------------------------------------------------- the cases
@dataclass
class Case:
    file: str
    what: str
    expect: list[str]
    exit: int
    make: Callable[[Path], None] = field(repr=False)
    via: str = "inprocess"
    big: bool = False


def _good_file(path: Path) -> None:
    write_openpyxl(path, [good_row(1), good_row(2)])


def _valid_zip_bytes() -> bytes:
    buf = io.BytesIO()
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET_NAME
    ws.append(TITLES)
    for n in range(1, 60):
        ws.append(good_row(n))
    wb.save(buf)
    return stable_bytes(buf.getvalue())


def _truncated(path: Path) -> None:
    data = _valid_zip_bytes()
    path.write_bytes(data[: len(data) // 2])


def _corrupted(path: Path) -> None:
    data = bytearray(_valid_zip_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for i in range(start + 20, start + min(info.compress_size - 20, 400)):
        data[i] = (data[i] * 7 + 13) % 256
    path.write_bytes(bytes(data))


def _zip_bomb(path: Path) -> None:
    """300 MB of zeros declared honestly in the zip directory (about 300 KB on disk)."""
    zero = b"\0" * (1 << 20)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        raw_parts = {}
        buf = io.BytesIO()
        raw_xlsx_path = path.with_suffix(".tmp")
        raw_xlsx(raw_xlsx_path, [(SHEET_NAME, "visible", sheet_xml([TITLES, good_row(1)]))])
        with zipfile.ZipFile(raw_xlsx_path) as src:
            for name in src.namelist():
                raw_parts[name] = src.read(name)
        raw_xlsx_path.unlink()
        for name, data in raw_parts.items():
            zf.writestr(zipfile.ZipInfo(name, FIXED_TIME), data, zipfile.ZIP_DEFLATED)
        image = zipfile.ZipInfo("xl/media/image1.bmp", FIXED_TIME)
        image.compress_type = zipfile.ZIP_DEFLATED  # a ZipInfo is stored uncompressed unless told
        with zf.open(image, "w", force_zip64=True) as fh:
            for _ in range(300):
                fh.write(zero)
        del buf


def _zip_bomb_forged(path: Path) -> None:
    """A part that inflates to 50 MB although the zip directory says 2 KB."""
    raw_xlsx(path, [(SHEET_NAME, "visible", sheet_xml([TITLES, good_row(1)]))])
    data = path.read_bytes()
    payload = b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' \
        + b" " * (50 << 20) + b"</sst>"
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    deflated = comp.compress(payload) + comp.flush()
    name = b"xl/sharedStrings.xml"
    crc = zlib.crc32(payload)
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0, 8, 0, 0, crc, len(deflated), 2048, len(name), 0) \
        + name + deflated
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        cd_offset = zf.start_dir
        entries = len(zf.infolist())
    eocd_at = data.rfind(b"PK\x05\x06")
    central = data[cd_offset:eocd_at]
    new_offset = cd_offset
    cd_entry = struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0, 8, 0, 0, crc, len(deflated), 2048,
                           len(name), 0, 0, 0, 0, 0, new_offset) + name
    body = data[:cd_offset] + local
    cd = central + cd_entry
    eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, entries + 1, entries + 1, len(cd), len(body), 0)
    path.write_bytes(body + cd + eocd)


def _laughs_sheet(path: Path) -> None:
    xml = sheet_xml([TITLES, good_row(1)], prolog=BILLION_LAUGHS)
    raw_xlsx(path, [(SHEET_NAME, "visible", xml.replace("上海长宁测试企业1有限公司", "&lol9;"))])


def _laughs_shared(path: Path) -> None:
    sst = ('<?xml version="1.0" encoding="UTF-8"?>\n' + BILLION_LAUGHS +
           '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="1">'
           "<si><t>&lol9;</t></si></sst>")
    sheet = sheet_xml([TITLES]).replace("</sheetData>", '<row r="2"><c r="B2" t="s"><v>0</v></c></row></sheetData>')
    raw_xlsx(path, [(SHEET_NAME, "visible", sheet)], shared_strings=sst)


def _external_entity(path: Path) -> None:
    prolog = '<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n'
    xml = sheet_xml([TITLES, good_row(1)], prolog=prolog)
    raw_xlsx(path, [(SHEET_NAME, "visible", xml.replace("上海长宁测试企业1有限公司", "&secret;"))])


def _many_rows(path: Path) -> None:
    """1,048,576 <row> elements of nothing below a header (tens of MB inflated, about 1 MB on disk)."""
    xml = sheet_xml([TITLES, good_row(1)], dimension="A1:V1048576")
    head, tail = xml.split("</sheetData>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        tmp = path.with_suffix(".tmp")
        raw_xlsx(tmp, [(SHEET_NAME, "visible", "")])
        with zipfile.ZipFile(tmp) as src:
            for name in src.namelist():
                if name != "xl/worksheets/sheet1.xml":
                    zf.writestr(name, src.read(name))
        tmp.unlink()
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(head.encode())
            fh.write("".join(f'<row r="{r}"/>' for r in range(3, 1_048_577)).encode())
            fh.write(("</sheetData>" + tail).encode())


def _wide(path: Path) -> None:
    header = TITLES + [f"备注{i}" for i in range(1, 10_001 - len(TITLES))]
    raw_xlsx(path, [(SHEET_NAME, "visible", sheet_xml([header, good_row(1)]))])


def _huge_dimension(path: Path) -> None:
    raw_xlsx(path, [(SHEET_NAME, "visible", sheet_xml([TITLES, good_row(1)], dimension="A1:XFD1048576"))])


def _too_big(path: Path) -> None:
    """A 60 MB file (sparse where the file system allows): over the size limit before anything is read."""
    with path.open("wb") as fh:
        fh.write(b"PK\x03\x04")
        fh.truncate(60 * 1024 * 1024)


def small_zip(path: Path, parts: dict[str, str | bytes]) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(zipfile.ZipInfo(name, FIXED_TIME), data)


def _docx(path: Path) -> None:
    small_zip(path, {"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})


def _plain_zip(path: Path) -> None:
    small_zip(path, {"报表/returns.csv": "统一社会信用代码,企业名称\n".encode("utf-8")})


def _ods(path: Path) -> None:
    small_zip(path, {"mimetype": "application/vnd.oasis.opendocument.spreadsheet",
                     "content.xml": "<office:document-content/>"})


def _xlsb(path: Path) -> None:
    small_zip(path, {"[Content_Types].xml": "<Types/>", "xl/workbook.bin": b"\x83\x01\x00"})


def _csv_text(rows: list[list]) -> str:
    return "\r\n".join(",".join("" if v is None else str(v) for v in row) for row in rows) + "\r\n"


def _macro(path: Path) -> None:
    raw_xlsx(path, [(SHEET_NAME, "visible", sheet_xml([TITLES, good_row(1), good_row(2)]))], macro=True,
             extra={"xl/vbaProject.bin": b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"Attribute VB_Name" * 20})


def _merged_header(path: Path) -> None:
    """A title row merged across the form above the header, and two header titles merged into one cell."""
    def tweak(wb, ws):
        ws.insert_rows(1)
        ws["A1"] = "2024年度长宁园企业统计报表"
        ws.merge_cells("A1:V1")
        ws.merge_cells("B2:C2")  # 企业名称 swallows 报告年度

    write_openpyxl(path, [good_row(1), good_row(2)], tweak=tweak)


def _title_row_merged(path: Path) -> None:
    def tweak(wb, ws):
        ws.insert_rows(1, 2)
        ws["A1"] = "长宁园企业年度报表（2024年）"
        ws.merge_cells("A1:V2")

    write_openpyxl(path, [good_row(1), good_row(2)], tweak=tweak)


def _hidden_sheets(path: Path) -> None:
    junk = sheet_xml([["旧数据", "请勿导入"], ["x", 1]])
    hidden_form = sheet_xml([TITLES, good_row(9)])
    raw_xlsx(path, [("说明", "visible", sheet_xml([["本表由企业填写"]])),
                    (SHEET_NAME, "visible", sheet_xml([TITLES, good_row(1), good_row(2)])),
                    ("草稿", "hidden", junk), ("旧版报表", "veryHidden", hidden_form)])


def _formulas_cached(path: Path) -> None:
    rows = [good_row(1), good_row(2)]
    formulas = {(1, COL["revenue"]): ("=1000+1", 1001), (2, COL["tax"]): ("=50*1+2", 52),
                (1, COL["employees"]): ("=SUM(100,1)", 101)}
    write_xlsxwriter(path, rows, formulas=formulas)


def _formulas_uncached(path: Path) -> None:
    rows = [good_row(1), good_row(2)]
    rows[0][COL["revenue"]] = "=1000+1"
    rows[1][COL["revenue"]] = "=SUM(1000,2)"
    write_openpyxl(path, rows)


def _dates_booleans(path: Path) -> None:
    rows = [good_row(1), good_row(2), good_row(3)]
    rows[0][COL["revenue"]] = datetime(2024, 3, 1)
    rows[1][COL["employees"]] = True
    write_openpyxl(path, rows)


def _numbers_as_text(path: Path) -> None:
    rows = [good_row(1), good_row(2), good_row(3)]
    rows[0][COL["revenue"]] = "1,234.5"
    rows[1][COL["revenue"]] = " 2000 "
    rows[2][COL["employees"]] = "１２０"
    rows[2][COL["year"]] = "2024"
    write_openpyxl(path, rows)


def _all_rows_fail(path: Path) -> None:
    rows = [good_row(n) for n in range(1, 4)]
    rows[0][COL["revenue"]] = "约100"
    rows[1][COL["credit_code"]] = "91310105MA1F00002X"
    rows[2][COL["year"]] = 2019
    write_openpyxl(path, rows)


def _some_rows_fail(path: Path) -> None:
    rows = [good_row(n) for n in range(1, 4)]
    rows[1][COL["employees"]] = -5
    write_openpyxl(path, rows)


def _bad_credit(path: Path) -> None:
    rows = [good_row(1), good_row(2)]
    good = rows[1][COL["credit_code"]]
    rows[1][COL["credit_code"]] = good[:17] + ("0" if good[17] != "0" else "1")
    write_openpyxl(path, rows)


def _duplicate_header(path: Path) -> None:
    header = TITLES + ["营业收入（万元）"]
    rows = [good_row(1) + [9999.0]]
    write_openpyxl(path, rows, header=header)


def _wrong_sheet(path: Path) -> None:
    write_openpyxl(path, [["张三", 2024, 12000]], sheet="Sheet1", header=["姓名", "年度", "工资"])


def _empty_workbook(path: Path) -> None:
    from openpyxl import Workbook

    Workbook().save(path)
    stable(path)


def _duplicate_rows(path: Path) -> None:
    write_openpyxl(path, [good_row(1), good_row(1)])


def _inline_strings_by_hand(path: Path) -> None:
    raw_xlsx(path, [(SHEET_NAME, "visible", sheet_xml([TITLES, good_row(1), good_row(2)]))])


def _xlsxwriter_good(path: Path) -> None:
    write_xlsxwriter(path, [good_row(1), good_row(2)])


def _cross_rule(path: Path) -> None:
    rows = [good_row(1)]
    rows[0][COL["returnees"]] = 500
    write_openpyxl(path, rows)


def _missing_required_column(path: Path) -> None:
    header = [t for t in TITLES if t != "纳税总额（万元）"]
    rows = [[v for i, v in enumerate(good_row(1)) if i != COL["tax"]]]
    write_openpyxl(path, rows, header=header)


def _prefixed(path: Path) -> None:
    """SpreadsheetML with an explicit x: prefix on every element, as some .NET and Java writers make it."""
    xml = sheet_xml([TITLES, good_row(1), good_row(2)])
    xml = xml.replace("<worksheet xmlns=", "<x:worksheet xmlns:x=").replace("</worksheet>", "</x:worksheet>")
    for tag in ("sheetData", "row", "c", "v", "is", "t", "dimension"):
        for old, new in ((f"<{tag} ", f"<x:{tag} "), (f"<{tag}>", f"<x:{tag}>"), (f"</{tag}>", f"</x:{tag}>"),
                         (f"<{tag}/>", f"<x:{tag}/>")):
            xml = xml.replace(old, new)
    raw_xlsx(path, [(SHEET_NAME, "visible", xml)])


def _protected_sheet(path: Path) -> None:
    def tweak(wb, ws):
        ws.protection.sheet = True
        ws.protection.password = "changning"

    write_openpyxl(path, [good_row(1), good_row(2)], tweak=tweak)


CASES: list[Case] = [
    Case("empty.xlsx", "zero-byte .xlsx", ["empty.xlsx", "空文件"], 2, lambda p: p.write_bytes(b""), via="cli"),
    Case("blank_lines.xlsx", "a file of blank lines and spaces named .xlsx", ["blank_lines.xlsx", "不是Excel工作簿"],
         2, lambda p: p.write_bytes(b"\r\n   \r\n\r\n")),
    Case("csv_renamed.xlsx", "a UTF-8 CSV renamed .xlsx", ["csv_renamed.xlsx", "CSV", "另存为.xlsx"], 2,
         lambda p: p.write_text(_csv_text([TITLES, good_row(1)]), encoding="utf-8-sig"), via="cli"),
    Case("csv_gbk_renamed.xlsx", "a GBK (non-UTF-8) CSV renamed .xlsx",
         ["csv_gbk_renamed.xlsx", "CSV", "不是UTF-8编码"], 2,
         lambda p: p.write_bytes(_csv_text([TITLES, good_row(1)]).encode("gbk"))),
    Case("returns_gbk.csv", "a real CSV file in GBK encoding (non-UTF-8)", ["returns_gbk.csv", "CSV", "GBK"], 2,
         lambda p: p.write_bytes(_csv_text([TITLES, good_row(1), good_row(2)]).encode("gbk"))),
    Case("notes_renamed.xlsx", "a plain text note renamed .xlsx", ["notes_renamed.xlsx", "纯文本文件"], 2,
         lambda p: p.write_text("请查收我司2024年报表，数据见附件。\n联系人：王先生\n", encoding="utf-8")),
    Case("legacy.xls", "a legacy Excel 97-2003 .xls (OLE2 with a Workbook stream)",
         ["legacy.xls", "97-2003", "请另存为.xlsx"], 2,
         lambda p: cfb(p, {"Workbook": BOF_BIFF8}), via="cli"),
    Case("legacy_renamed.xlsx", "a legacy .xls renamed .xlsx", ["legacy_renamed.xlsx", "请另存为.xlsx"], 2,
         lambda p: cfb(p, {"Workbook": BOF_BIFF8})),
    Case("password.xlsx", "a password-protected workbook (OLE2 with EncryptionInfo and EncryptedPackage)",
         ["password.xlsx", "密码"], 2,
         lambda p: cfb(p, {"EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00",
                           "EncryptedPackage": struct.pack("<Q", 5000) + bytes(range(256)) * 20}), via="cli"),
    Case("truncated.xlsx", "an .xlsx cut in half (interrupted download)", ["truncated.xlsx", "损坏或不完整"], 2,
         _truncated, via="cli"),
    Case("corrupted.xlsx", "an .xlsx with bytes overwritten inside the sheet data", ["corrupted.xlsx", "损坏"], 2,
         _corrupted),
    Case("zip_bomb.xlsx", "a zip bomb: a part of 300 MB of zeros (about 300 KB on disk)",
         ["zip_bomb.xlsx", "压缩炸弹"], 2, _zip_bomb, via="cli"),
    Case("zip_bomb_forged.xlsx", "a part that inflates to 50 MB while the zip directory says 2 KB",
         ["zip_bomb_forged.xlsx", "损坏"], 2, _zip_bomb_forged),
    Case("billion_laughs_sheet.xlsx", "XML entity expansion (billion laughs) in the worksheet",
         ["billion_laughs_sheet.xlsx", "XML实体声明", "sheet1.xml"], 2, _laughs_sheet, via="cli"),
    Case("billion_laughs_sharedstrings.xlsx", "XML entity expansion (billion laughs) in sharedStrings.xml",
         ["billion_laughs_sharedstrings.xlsx", "XML实体声明", "sharedStrings.xml"], 2, _laughs_shared),
    Case("external_entity.xlsx", "an external entity (XXE) pointing at /etc/passwd in the worksheet",
         ["external_entity.xlsx", "XML实体声明"], 2, _external_entity),
    Case("rows_1048576.xlsx", "a header, one row and 1,048,576 empty rows",
         ["rows_1048576.xlsx", "企业报表", "100000行"], 2, _many_rows, big=True),
    Case("columns_10000.xlsx", "a header of 10,000 columns", ["columns_10000.xlsx", "10000列", "256列"], 2, _wide),
    Case("dimension_xfd.xlsx", "a sheet declaring the range A1:XFD1048576 (16,384 columns)",
         ["dimension_xfd.xlsx", "16384列"], 2, _huge_dimension),
    Case("too_big.xlsx", "a 60 MB file (over the 50 MB limit)", ["too_big.xlsx", "60 MB", "50 MB"], 2, _too_big,
         big=True),
    Case("report.docx.xlsx", "a Word document renamed .xlsx", ["report.docx.xlsx", "Word文档"], 2, _docx),
    Case("archive.xlsx", "a zip archive of a CSV renamed .xlsx", ["archive.xlsx", "zip压缩包"], 2, _plain_zip),
    Case("spreadsheet.ods", "an OpenDocument spreadsheet (.ods)", ["spreadsheet.ods", "另存为.xlsx"], 2, _ods),
    Case("binary.xlsb", "an Excel binary workbook (.xlsb)", ["binary.xlsb", ".xlsb"], 2, _xlsb),
    Case("scan.pdf.xlsx", "a PDF renamed .xlsx", ["scan.pdf.xlsx", "PDF"], 2,
         lambda p: p.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")),
    Case("web_export.xls", "an HTML table saved as .xls by a web system", ["web_export.xls", "网页"], 2,
         lambda p: p.write_text("<html><body><table><tr><td>统一社会信用代码</td></tr></table></body></html>",
                                encoding="utf-8")),
    Case("~$locked.xlsx", "Excel's owner/lock file left beside an open workbook", ["~$locked.xlsx", "临时文件"], 2,
         lambda p: p.write_bytes(b"\x08wangxm" + b"\x20" * 100)),
    Case("macros.xlsm", "an .xlsm with a VBA project (accepted: the data is read, macros never run)",
         ["macros.xlsm", "不会运行任何宏"], 0, _macro, via="cli"),
    Case("merged_header.xlsx", "a merged title row above the header, and two header titles merged into one",
         ["merged_header.xlsx", "报告年度"], 2, _merged_header),
    Case("merged_title_row.xlsx", "a title merged over two rows above an intact header (accepted)",
         [], 0, _title_row_merged),
    Case("hidden_sheets.xlsx", "hidden and very hidden sheets beside the visible form; a very hidden old form is"
         " read too, and the user is told the sheets are hidden", ["hidden_sheets.xlsx", "隐藏的工作表", "已导入3行"], 0,
         _hidden_sheets),
    Case("xlsx_named.xls", "a real .xlsx saved with the extension .xls", ["xlsx_named.xls", "扩展名改为.xlsx"], 2,
         _good_file),
    Case("formulas_cached.xlsx", "formulas with cached values (XlsxWriter): the values are read", [], 0,
         _formulas_cached),
    Case("formulas_uncached.xlsx", "formulas without cached values (openpyxl): the required amount is blank",
         ["formulas_uncached.xlsx", "营业收入", "没有计算结果"], 2, _formulas_uncached),
    Case("dates_booleans.xlsx", "a date in 营业收入 and TRUE in 从业人员 (the third row is good)",
         ["dates_booleans.xlsx", "营业收入", "从业人员"], 1, _dates_booleans),
    Case("numbers_as_text.xlsx", "numbers stored as text ('1,234.5', ' 2000 ', full-width digits)", [], 0,
         _numbers_as_text),
    Case("header_only.xlsx", "the header and no rows",
         ["header_only.xlsx", "只有表头，没有填报数据"], 2,
         lambda p: write_openpyxl(p, [])),
    Case("all_rows_fail.xlsx", "every row fails (text amount, bad check character, year 2019)",
         ["all_rows_fail.xlsx", "约100", "校验位", "2019"], 2, _all_rows_fail, via="cli"),
    Case("negative_employees.xlsx", "a negative head count in one of three rows",
         ["negative_employees.xlsx", "负数"], 1, _some_rows_fail),
    Case("bad_credit_code.xlsx", "a credit code with a wrong check character", ["bad_credit_code.xlsx", "校验位"], 1,
         _bad_credit),
    Case("duplicate_header.xlsx", "the 营业收入 column twice in the header: the first is read, the second"
         " silently ignored (reported to the importer's owner)", ["已导入1行"], 0,
         _duplicate_header),
    Case("wrong_sheet.xlsx", "a workbook with an unrelated table (no return header)",
         ["wrong_sheet.xlsx", "没有可识别的企业报表"], 2, _wrong_sheet),
    Case("empty_workbook.xlsx", "a valid workbook with one empty sheet",
         ["empty_workbook.xlsx", "没有可识别的企业报表"], 2, _empty_workbook),
    Case("duplicate_rows.xlsx", "the same enterprise and year twice: both rejected",
         ["duplicate_rows.xlsx", "重复"], 2, _duplicate_rows),
    Case("cross_rule.xlsx", "more returnees than employees", ["cross_rule.xlsx", "留学归国"], 2, _cross_rule),
    Case("missing_tax_column.xlsx", "the required 纳税总额 column is missing", ["missing_tax_column.xlsx", "纳税总额"],
         2, _missing_required_column),
    Case("inline_strings.xlsx", "a good return zipped by hand with inline strings and no styles", [], 0,
         _inline_strings_by_hand),
    Case("xlsxwriter_good.xlsx", "a good return written by XlsxWriter", [], 0, _xlsxwriter_good),
    Case("prefixed_xml.xlsx", "a good return whose XML uses the x: namespace prefix throughout", ["已导入2行"], 0,
         _prefixed),
    Case("protected_sheet.xlsx", "a good return on a password-protected (locked) sheet: readable, accepted",
         ["已导入2行"], 0, _protected_sheet),
    Case("长宁 园 报表 (最终版)/企业 报表 2024 (修订).xlsx", "a good return in a folder and file with Chinese characters"
         " and spaces", [], 0, _good_file, via="cli"),
]


def build(case: Case, folder: Path) -> Path:
    """Write one case's file under `folder`; returns its path."""
    path = folder / case.file
    path.parent.mkdir(parents=True, exist_ok=True)
    case.make(path)
    return path


def manifest() -> list[dict]:
    return [{k: v for k, v in asdict(c).items() if k != "make"} for c in CASES]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0]) if argv else OUT
    out.mkdir(parents=True, exist_ok=True)
    for case in CASES:
        if not case.big:
            build(case, out)
    (out / "cases.json").write_text(json.dumps(manifest(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(CASES)} cases, {sum(not c.big for c in CASES)} written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
