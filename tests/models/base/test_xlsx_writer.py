"""The one workbook writer on its own: every kind of value a crafted or old park file may hold comes back
as text or number, never a formula, never an unreadable workbook; the file appears only when complete."""

from __future__ import annotations

import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.base.xlsx_writer import EXCEL_TEXT_MAX, Table, WriteError, clean_text, sheet_formulas, write_tables


def test_clean_text_drops_what_xml_and_the_importer_refuse_and_cuts_to_excels_limit():
    assert clean_text("甲\x00乙\x1f丙\x7f丁\x85戊\u202e己\ufffe庚\ud800") == ("甲乙丙丁戊己庚", 7)
    assert clean_text("行一\n行二\t列\r") == ("行一\n行二\t列\r", 0)  # tab and line breaks are legal XML
    text, dropped = clean_text("x" * (EXCEL_TEXT_MAX + 5))
    assert len(text) == EXCEL_TEXT_MAX and dropped == 5


def test_every_kind_of_value_reads_back(tmp_path):
    from openpyxl import load_workbook
    from python_calamine import CalamineWorkbook

    rows = [
        ("=1+1", 1.5, 1, "a & b <c> \"d\""),
        ("  前后有空格  ", math.inf, 0, "行一\r\n行二"),
        (b"\x00\x01", -math.inf, None, "=SUM(A1:A2)\x01"),
        ("-12", "文本在数字列", 1.0, "@A1"),
        (12345678901234, 1e20, 3, "x" * 40_000),
    ]
    out = tmp_path / "t.xlsx"
    columns = [("文字", "text"), ("数", "num"), ("是否", "bool"), ("备注", "text")]
    writer = write_tables(out, [Table("表", columns, rows)])
    assert writer.counts == {"表": 5, "说明": 2} and writer.notes.changed_cells == 2  # D4 and D6
    assert sheet_formulas(out) == []
    ws = load_workbook(out)["表"]
    got = [tuple(c.value for c in r) for r in ws.iter_rows(min_row=2)]
    assert got[0] == ("=1+1", 1.5, "是", "a & b <c> \"d\"")
    assert got[1][0] == "  前后有空格  " and got[1][1] == "inf" and got[1][2] == "否"
    assert got[1][3].replace("\r", "") == "行一\n行二"
    assert got[2] == ("〈2字节二进制数据〉", "-inf", None, "=SUM(A1:A2)")
    assert got[3] == ("-12", "文本在数字列", "是", "@A1")
    assert got[4][0] == "12345678901234" and got[4][1] == 1e20 and got[4][2] == 3  # 3 is no 是/否: a number
    assert len(got[4][3]) == EXCEL_TEXT_MAX
    for r in (2, 3, 4, 5):
        assert ws.cell(row=r, column=1).data_type == "s"
    assert ws["A2"].quotePrefix and ws["A5"].quotePrefix and ws["D5"].quotePrefix and not ws["A3"].quotePrefix
    calamine = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("表").to_python()
    assert calamine[1][:2] == ["=1+1", 1.5] and calamine[5][1] == 1e20


def test_an_unwritable_target_leaves_nothing(tmp_path):
    folder = tmp_path / "x.xlsx"
    folder.mkdir()
    with pytest.raises(WriteError, match="x.xlsx"):
        write_tables(folder, [Table("表", [("a", "text")], [("b",)])])
    assert folder.is_dir() and not list(tmp_path.glob("*.partial"))
    with pytest.raises(WriteError, match="文件夹不存在"):
        write_tables(tmp_path / "no" / "such.xlsx", [Table("表", [("a", "text")], [("b",)])])


TEXTS = st.text(alphabet=st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["=1+1", "+cmd", "-1", "@SUM(1)", "=HYPERLINK(\"x\")", " a ", "\r\n", "&amp;", "]]>", "<f>1</f>"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(TEXTS, st.one_of(st.none(), st.floats(allow_nan=False), st.integers(-10**15, 10**15),
                                            TEXTS)), min_size=1, max_size=6))
def test_any_text_reads_back_cleaned_and_never_a_formula(tmp_path, rows):
    from python_calamine import CalamineWorkbook

    out = tmp_path / "h.xlsx"
    write_tables(out, [Table("表", [("文字", "text"), ("数", "num")], rows)], notes_sheet=False)
    assert sheet_formulas(out) == []
    got = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("表").to_python()[1:]
    def norm(t):  # XML reads a CR LF or a lone CR as LF unless escaped; compare line breaks loosely
        return t.replace("\r\n", "\n").replace("\r", "\n")

    for (text, number), back in zip(rows, got):
        assert norm(back[0]) == norm(clean_text(text)[0])
        if isinstance(number, str):
            assert norm(back[1]) == norm(clean_text(number)[0])
        elif isinstance(number, float) and math.isinf(number):
            assert back[1] == str(number)
        elif number is not None:
            assert back[1] == float(number)


def test_a_unit_column_formats_each_cell_by_its_rows_unit(tmp_path):
    """Issue 17: one column holding counts, money, per cent and per-capita ratios: each cell gets the number
    format models.base.numfmt gives its row's unit (figure_unit: 每万人… in 件 is a ratio), the value stays a
    number; text in the column stays text; without `unit` the column reads like "num"."""
    from openpyxl import load_workbook

    from models.base.numfmt import figure_unit
    from models.base.xlsx_writer import UNIT

    rows = [
        ("企业数", "家", 34),                 # a count: whole
        ("营业收入", "亿元", 1533.625),        # money: 2 decimals
        ("营业收入", "万元", 12345.6),         # 万元: whole
        ("占比", "%", 4.5),                   # per cent: 2 decimals
        ("能耗", "吨标准煤/万元", 0.029),      # 4 decimals
        ("每万人发明专利拥有量", "件", 93.5),   # a ratio: 1 decimal
        ("企业数", "家", 13.75),              # a projected count: shown whole, kept exact
        ("企业数", "家", "待核实"),           # text stays text
        ("企业数", "家", None),               # blank
        ("其他", "", 2.5),                    # an unknown unit: 2 decimals
    ]
    out = tmp_path / "units.xlsx"
    columns = [("项目", "text"), ("单位", "text"), ("数值", UNIT)]
    write_tables(out, [Table("有单位", columns, rows, unit=lambda r: figure_unit(r[0], r[1])),
                       Table("无单位", columns, rows[:2])])
    ws = load_workbook(out)["有单位"]
    got = [(c.value, c.number_format, c.data_type) for c in ws["C"][1:]]
    assert got == [
        (34, "#,##0", "n"), (1533.625, "#,##0.00", "n"), (12345.6, "#,##0", "n"), (4.5, "#,##0.00", "n"),
        (0.029, "#,##0.0000", "n"), (93.5, "#,##0.0", "n"), (13.75, "#,##0", "n"), ("待核实", "General", "s"),
        (None, "General", "n"), (2.5, "#,##0.00", "n")]
    plain = load_workbook(out)["无单位"]
    assert [c.number_format for c in plain["C"][1:]] == ["#,##0.00##", "#,##0.00##"]
