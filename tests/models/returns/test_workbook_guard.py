"""The workbook guard on its own: details the corpus does not pin down (prefixed XML, UTF-16 entity
declarations, the row and column limits at their edges, a lying zip directory, what it reports)."""

from __future__ import annotations

import importlib.util
import sys
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.returns import workbook_guard as guard
from models.returns.workbook_guard import WorkbookRejected, check_workbook
from tests.conftest import ROOT


@pytest.fixture(scope="module")
def corpus():
    name = "make_bad_corpus"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "scripts" / "make_bad_corpus.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def one_sheet(corpus, path, xml, **kw):
    corpus.raw_xlsx(path, [(corpus.SHEET_NAME, "visible", xml)], **kw)
    return path


def test_a_good_return_is_accepted_and_described(corpus, tmp_path):
    path = one_sheet(corpus, tmp_path / "ok.xlsx", corpus.sheet_xml([corpus.TITLES, corpus.good_row(1)]))
    report = check_workbook(path)
    assert report.kind == "xlsx" and report.sheets == {"企业报表": "visible"} and report.rows == {"企业报表": 2}
    assert report.notes == []


def test_rows_are_counted_up_to_the_limit_and_refused_beyond(corpus, tmp_path, monkeypatch):
    """The guard allows MAX_ROWS data rows plus HEADER_ROWS rows up to the header (the reader then counts
    the data rows exactly)."""
    monkeypatch.setattr(guard, "MAX_ROWS", 50)
    monkeypatch.setattr(guard, "HEADER_ROWS", 1)
    rows = [corpus.TITLES] + [corpus.good_row(n) for n in range(1, 51)]
    assert check_workbook(one_sheet(corpus, tmp_path / "51.xlsx", corpus.sheet_xml(rows))).rows["企业报表"] == 51
    rows.append(corpus.good_row(51))
    with pytest.raises(WorkbookRejected, match="超过50行"):
        check_workbook(one_sheet(corpus, tmp_path / "52.xlsx", corpus.sheet_xml(rows)))


def test_exactly_max_rows_data_rows_are_imported_and_one_more_is_refused(tmp_path, monkeypatch):
    """The limit counts data rows: the header (here on row 3, under two rows of text) is not one of them."""
    from models.returns.return_reader import ReturnFileError, read_returns
    from tests.returns_data import row, write_openpyxl

    monkeypatch.setattr(guard, "MAX_ROWS", 40)
    before = [["2023年度企业报表"], ["填报单位：某园区"]]
    ok = write_openpyxl(tmp_path / "40.xlsx", [row(n) for n in range(1, 41)], header_row=3, before=before)
    assert [len(s.rows) for s in read_returns(ok).sheets] == [40]
    over = write_openpyxl(tmp_path / "41.xlsx", [row(n) for n in range(1, 42)], header_row=3, before=before)
    with pytest.raises(ReturnFileError, match="41行数据，超过导入上限40行") as caught:
        read_returns(over)
    assert "41.xlsx" in str(caught.value) and "第3行" in str(caught.value)


def test_prefixed_spreadsheetml_rows_are_counted_too(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(guard, "MAX_ROWS", 3)
    monkeypatch.setattr(guard, "HEADER_ROWS", 0)
    xml = corpus.sheet_xml([corpus.TITLES, corpus.good_row(1), corpus.good_row(2), corpus.good_row(3)])
    xml = xml.replace("<row", "<x:row").replace("</row>", "</x:row>").replace(
        'xmlns="http', 'xmlns:x="http')
    with pytest.raises(WorkbookRejected, match="超过3行"):
        check_workbook(one_sheet(corpus, tmp_path / "x.xlsx", xml))


def test_column_iv_is_allowed_and_iw_is_not(corpus, tmp_path):
    assert guard._column_number(b"IV") == 256 == guard.MAX_COLUMNS
    ok = corpus.sheet_xml([corpus.TITLES]).replace("</sheetData>", '<row r="2"><c r="IV2"><v>1</v></c></row>'
                                                   "</sheetData>")
    check_workbook(one_sheet(corpus, tmp_path / "iv.xlsx", ok))
    wide = ok.replace("IV2", "IW2")
    with pytest.raises(WorkbookRejected, match="257列"):
        check_workbook(one_sheet(corpus, tmp_path / "iw.xlsx", wide))
    # every kind of column past IV: J–Z first letters (JA = 10×26+1), ZZ, three letters (AAA = 26×26+26+1)
    for ref, columns in (("JA2", 261), ("ZZ2", 702), ("AAA2", 703), ("XFD2", 16384)):
        with pytest.raises(WorkbookRejected, match=f"{columns}列"):
            check_workbook(one_sheet(corpus, tmp_path / f"{ref}.xlsx", ok.replace("IV2", ref)))
    # and none before it: the form's own two-letter columns and the last ones of I
    for ref in ("AA2", "HZ2", "IA2"):
        check_workbook(one_sheet(corpus, tmp_path / f"{ref}.xlsx", ok.replace("IV2", ref)))


def test_an_entity_declaration_in_utf16_is_found(corpus, tmp_path):
    xml = corpus.sheet_xml([corpus.TITLES], prolog=corpus.BILLION_LAUGHS)
    xml = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"')
    path = tmp_path / "utf16.xlsx"
    corpus.raw_xlsx(path, [(corpus.SHEET_NAME, "visible", "")])
    with zipfile.ZipFile(path) as src:
        parts = {n: src.read(n) for n in src.namelist()}
    parts["xl/worksheets/sheet1.xml"] = b"\xff\xfe" + xml.encode("utf-16-le")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for name, data in parts.items():
            out.writestr(name, data)
    with pytest.raises(WorkbookRejected, match="XML实体声明"):
        check_workbook(path)


def test_a_declaration_split_across_read_chunks_is_found(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(guard, "_CHUNK", 64)
    xml = corpus.sheet_xml([corpus.TITLES], prolog="<!-- " + "x" * 50 + " -->" + corpus.BILLION_LAUGHS)
    with pytest.raises(WorkbookRejected, match="XML实体声明"):
        check_workbook(one_sheet(corpus, tmp_path / "split.xlsx", xml))


def test_a_decompressed_total_over_the_cap_is_refused(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(guard, "MAX_UNCOMPRESSED_BYTES", 200_000)
    xml = corpus.sheet_xml([corpus.TITLES] + [corpus.good_row(n) for n in range(1, 400)])
    path = one_sheet(corpus, tmp_path / "large.xlsx", xml)
    with pytest.raises(WorkbookRejected, match="压缩炸弹"):
        check_workbook(path)


def test_display_name_is_used_in_messages(tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_bytes(b"")
    with pytest.raises(WorkbookRejected, match="^“企业A/报表.xlsx”是空文件"):
        check_workbook(path, "企业A/报表.xlsx")


def test_a_folder_and_a_missing_file(tmp_path):
    with pytest.raises(WorkbookRejected, match="文件夹"):
        check_workbook(tmp_path)
    with pytest.raises(WorkbookRejected, match="找不到文件"):
        check_workbook(tmp_path / "none.xlsx")


def _valid_bytes(corpus) -> bytes:
    return (ROOT / "tests" / "data" / "bad" / "xlsxwriter_good.xlsx").read_bytes()


@settings(max_examples=40, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.data())
def test_damaged_copies_of_a_good_return_give_a_message_never_an_exception(corpus, tmp_path_factory, data):
    """Random bytes changed or cut: the guard refuses with a message or passes the file on, and the reader
    then reads it or refuses with a message."""
    from models.returns.return_reader import ReturnFileError, read_returns

    raw = bytearray(_valid_bytes(corpus))
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        at = data.draw(st.integers(min_value=0, max_value=len(raw) - 1))
        raw[at] = data.draw(st.integers(min_value=0, max_value=255))
    if data.draw(st.booleans()):
        raw = raw[: data.draw(st.integers(min_value=0, max_value=len(raw)))]
    path = tmp_path_factory.mktemp("fuzz") / "return.xlsx"
    path.write_bytes(bytes(raw))
    try:
        check_workbook(path)
    except WorkbookRejected as exc:
        assert "return.xlsx" in str(exc)
        return
    try:
        read_returns(path)
    except ReturnFileError as exc:
        assert "return.xlsx" in str(exc)
