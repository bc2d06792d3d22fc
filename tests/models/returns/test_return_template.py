"""The empty return form: its sheets, drop-downs, validations, version marker, and that it reads back."""

from __future__ import annotations

from openpyxl import load_workbook

from models.store.period import Period
from models.store.return_form import column_help
from models.store.return_form import COLUMNS, FORM_VERSION, INSTRUCTIONS_SHEET, MARKER_SHEET, SHEET_NAME
from models.returns.return_reader import read_returns
from models.returns.return_template import write_template_for
from tests.conftest import run_main


def _validation_for(ws, letter):
    return [dv for dv in ws.data_validations.dataValidation if str(dv.sqref).startswith(f"{letter}2:")]


def test_form_sheets_header_and_marker(park, tmp_path):
    out = write_template_for(park.conn, tmp_path / "form.xlsx", 2024)
    wb = load_workbook(out)
    assert wb.sheetnames == [SHEET_NAME, MARKER_SHEET, INSTRUCTIONS_SHEET]
    ws = wb[SHEET_NAME]
    assert [c.value for c in ws[1]] == [c.title for c in COLUMNS]
    assert ws.freeze_panes == "C2"
    for i, column in enumerate(COLUMNS, start=1):  # widths fit the titles (CJK characters count double)
        letter = ws.cell(row=1, column=i).column_letter
        assert ws.column_dimensions[letter].width >= 2 * sum(ord(ch) > 0x2E80 for ch in column.title)
    marker = wb[MARKER_SHEET]
    assert marker.sheet_state == "hidden"
    assert (marker["A1"].value, str(marker["B1"].value)) == ("form_version", FORM_VERSION)
    assert marker["B2"].value == 2024


def test_drop_downs_list_the_park_files_industries_and_zones(park, tmp_path):
    out = write_template_for(park.conn, tmp_path / "form.xlsx")
    wb = load_workbook(out)
    ws, marker = wb[SHEET_NAME], wb[MARKER_SHEET]
    industries = [r[0] for r in park.conn.execute("SELECT name FROM industries ORDER BY seq")]
    zones = [r[0] for r in park.conn.execute("SELECT name FROM zones ORDER BY seq")]
    assert [marker.cell(row=r, column=3).value for r in range(2, len(industries) + 2)] == industries
    assert [marker.cell(row=r, column=4).value for r in range(2, len(zones) + 2)] == zones
    (industry,) = _validation_for(ws, "D")
    assert industry.type == "list" and f"$C$2:$C${len(industries) + 1}" in industry.formula1
    (zone,) = _validation_for(ws, "E")
    assert zone.type == "list" and "$D$2:$D$4" in zone.formula1
    for column in COLUMNS:
        letter = ws.cell(row=1, column=COLUMNS.index(column) + 1).column_letter
        (dv,) = _validation_for(ws, letter)
        if column.kind == "bool":
            assert dv.type == "list" and "$E$2:$E$3" in dv.formula1
        elif column.kind == "amount":
            assert (dv.type, dv.operator, dv.formula1, dv.formula2) == ("decimal", "between", "0", "1000000000000")
        elif column.kind == "text":
            assert (dv.type, dv.operator, dv.formula1) == ("textLength", "lessThanOrEqual", "200")
        elif column.kind == "credit_code":
            assert (dv.type, dv.formula1) == ("textLength", "18")
        elif column.kind == "year":
            assert (dv.type, dv.formula1, dv.formula2) == ("whole", "2020", "2025")
    # the cross rule on returnees + foreign staff is an Excel formula over the row's cells
    (returnees,) = _validation_for(ws, "L")
    assert returnees.type == "custom" and "N(L2)+N(M2)<=K2" in returnees.formula1


def test_instructions_explain_every_column(park, tmp_path):
    out = write_template_for(park.conn, tmp_path / "form.xlsx")
    notes = load_workbook(out)[INSTRUCTIONS_SHEET]
    rows = {r[0]: r for r in notes.iter_rows(min_row=5, values_only=True) if r[0]}
    industries = [r[0] for r in park.conn.execute("SELECT name FROM industries ORDER BY seq")]
    zones = [r[0] for r in park.conn.execute("SELECT name FROM zones ORDER BY seq")]
    for column in COLUMNS:
        title, required, how, explanation = rows[column.title][:4]
        assert required == ("必填" if column.required else "选填")
        assert explanation == column_help(column, Period(2020, 2025), industries, zones) and how
    # the built-in plan's zones all begin with 东部/中部/西部, so the help says they may be left out
    assert rows["所属片区"][3] == ("从下拉列表中选择本园区的片区：东部中山公园片区、中部虹桥片区、西部临空片区"
                               "（可省略“东部/中部/西部”）。")
    assert "航空服务业" in rows["所属产业"][3]
    assert rows["报告年度"][3] == "填报数据所属年度，2020至2025之间的整数。"   # the file's period, not a constant
    assert rows["报告年度"][2] == "整数年份（2020—2025）"


def test_empty_form_reads_back_as_a_return_with_no_rows(park, tmp_path):
    out = write_template_for(park.conn, tmp_path / "form.xlsx")
    result = read_returns(out)
    assert len(result.sheets) == 1
    sheet = result.sheets[0]
    assert (sheet.name, sheet.header_row, sheet.rows, sheet.missing) == (SHEET_NAME, 1, [], [])
    assert sheet.columns == {c.key: i for i, c in enumerate(COLUMNS)}
    assert result.warnings == []


def test_template_subcommand(tmp_path):
    out = tmp_path / "sub" / "表.xlsx"
    proc = run_main("template", str(out), "--year", "2023")
    assert proc.returncode == 0, proc.stderr
    assert load_workbook(out)[MARKER_SHEET]["B2"].value == 2023
    bad = run_main("template", str(tmp_path / "x.xlsx"), "--year", "2030")
    assert bad.returncode == 2 and "2030" in bad.stderr
    assert not (tmp_path / "x.xlsx").exists()
