"""Official figures in bulk (models.planning.official, main.py official-template / import-official): the template's
shape, a fill-in round trip, bad cells rejected by row and column, exit codes and the report, undo."""

from __future__ import annotations

import json

import pytest

from models.planning import official
from models.planning.figures import indicator_series
from tests.conftest import run_main

YEAR_COLS = {year: 4 + i for i, year in enumerate(range(2020, 2026))}   # 2020 in column D (1-based 4)


def load_sheet(path):
    from openpyxl import load_workbook

    book = load_workbook(path)
    return book, book[official.SHEET]


def row_of(ws, code):
    return next(r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value == code)


def stored(conn, sql, *args):
    return conn.execute(sql, args).fetchone()


def test_template_shape_and_prefill(park, tmp_path):
    conn = park.conn
    conn.execute("UPDATE indicator_years SET official = 380, official_source = '区科委' WHERE code ="
                 " 'high_tech_enterprises' AND year = 2023")
    conn.execute("UPDATE reference_years SET value = 3.5 WHERE code = 'district_gdp_growth' AND year = 2022")
    conn.commit()
    out = tmp_path / "官方数据.xlsx"
    n = official.write_template(conn, out)
    book, ws = load_sheet(out)
    assert book.sheetnames == ["官方数据"]
    assert [c.value for c in ws[1]] == ["代码", "名称", "单位", "2020", "2021", "2022", "2023", "2024", "2025",
                                        "来源", "备注"]
    codes = [ws.cell(r, 1).value for r in range(2, ws.max_row + 1)]
    assert n == len(codes) == 11 + 5 + 1 + 16 + 33   # indicators, reference series, assigned value, talent, facts
    assert codes[:3] == ["rd_intensity", "invention_patents_per_10k", "tech_contract_turnover"]
    for code in ("district_gdp", "district_gdp_growth", "resident_population", "district_tax",
                 "district_tax_growth", "energy_per_value_added_assigned", "academicians", "school_enterprise"):
        assert code in codes
    assert codes.count("foreign_work_permits") == 1   # the talent category is the indicator's figures
    r = row_of(ws, "total_revenue")
    assert ws.cell(r, 4).value == 1533.63             # 2020 = the baseline
    assert "规模以上企业口径" in ws.cell(r, 11).value
    r = row_of(ws, "high_tech_enterprises")
    assert (ws.cell(r, 4).value, ws.cell(r, 7).value, ws.cell(r, 10).value) == (248, 380, "区科委")
    assert ws.cell(row_of(ws, "district_gdp_growth"), 6).value == 3.5
    assert ws.cell(row_of(ws, "academicians"), 4).value == 8
    assert "15个外资研发中心" in ws.cell(row_of(ws, "mnc_rd_centres"), 11).value
    for row in ws.iter_rows(min_row=2):
        for cell in (row[0], row[1], row[2], row[9], row[10]):
            assert cell.value is None or cell.data_type == "s"   # text as text, never a formula


def test_round_trip(park, tmp_path):
    conn = park.conn
    out = tmp_path / "official.xlsx"
    official.write_template(conn, out)
    book, ws = load_sheet(out)
    fill = {
        ("rd_intensity", 2020): 4.1, ("rd_intensity", 2025): "4.6%",
        ("tech_contract_turnover", 2020): 12.5, ("tech_contract_turnover", 2025): 22.3,
        ("total_tax", 2025): "108",
        ("new_listed_companies", 2021): 3, ("new_listed_companies", 2025): 2,
        ("district_tax", 2020): 1000, ("district_tax", 2025): "1,200",
        ("district_gdp_growth", 2024): -1.5,
        ("energy_per_value_added_assigned", 2025): 0.4,
        ("energy_per_value_added", 2025): 0.41,
        ("academicians", 2024): 9,
    }
    for (code, year), value in fill.items():
        ws.cell(row_of(ws, code), YEAR_COLS[year], value)
    ws.cell(row_of(ws, "rd_intensity"), 10, "区统计局《2025年统计公报》")
    ws.cell(row_of(ws, "total_revenue"), 4).value = 1533.63     # as prefilled: unchanged
    book.save(out)

    dry = official.check_workbook_file(conn, out)
    # prefilled 2020 cells: 5 indicator and 5 talent baselines, 33 plan figures
    assert dry.report() == {"accepted": len(fill), "rejected": [], "unchanged": 10 + 33}
    assert stored(conn, "SELECT official FROM indicator_years WHERE code = 'rd_intensity' AND year = 2025")[0] is None

    batch = official.commit(park, dry)
    assert batch == 1
    assert stored(conn, "SELECT baseline_office, baseline_office_source FROM indicators WHERE code = 'rd_intensity'") \
        == (4.1, "区统计局《2025年统计公报》")
    assert stored(conn, "SELECT official, official_source FROM indicator_years WHERE code = 'rd_intensity'"
                  " AND year = 2025") == (4.6, "区统计局《2025年统计公报》")
    assert stored(conn, "SELECT baseline_office FROM indicators WHERE code = 'total_revenue'")[0] is None
    assert stored(conn, "SELECT value FROM reference_years WHERE code = 'district_tax' AND year = 2025")[0] == 1200
    assert stored(conn, "SELECT value FROM reference_years WHERE code = 'district_gdp_growth' AND year = 2024")[0] == -1.5
    assert stored(conn, "SELECT assigned, official FROM indicator_years WHERE code = 'energy_per_value_added'"
                  " AND year = 2025") == (0.4, 0.41)
    assert stored(conn, "SELECT official FROM talent_years WHERE code = 'academicians' AND year = 2024")[0] == 9
    assert stored(conn, "SELECT accepted, rejected, unchanged, file FROM official_imports WHERE id = 1") \
        == (len(fill), 0, 43, "official.xlsx")
    audit = conn.execute("SELECT COUNT(*), COUNT(DISTINCT at) FROM audit_log WHERE source = 'official'"
                         " AND batch_id = 1").fetchone()
    assert audit[0] >= len(fill) and audit[1] == 1            # one transaction
    series = {s.code: s for s in indicator_series(conn)}
    assert series["rd_intensity"].baseline_source == "office"
    assert series["rd_intensity"].years[2025].status == "achieved"
    assert series["energy_per_value_added"].years[2025].status == "mostly_achieved"   # 0.41 <= 0.42

    # exported again, the workbook holds what was imported; importing it again changes nothing
    again = tmp_path / "again.xlsx"
    official.write_template(conn, again)
    _, ws2 = load_sheet(again)
    assert ws2.cell(row_of(ws2, "rd_intensity"), 4).value == 4.1
    assert ws2.cell(row_of(ws2, "rd_intensity"), 9).value == 4.6
    assert ws2.cell(row_of(ws2, "rd_intensity"), 10).value == "区统计局《2025年统计公报》"
    second = official.check_workbook_file(conn, again)
    assert second.accepted == 0 and not second.rejected and second.unchanged == len(fill) + 43

    # undo writes every old value back in one transaction
    official.undo(park, batch, dry.changes)
    assert stored(conn, "SELECT baseline_office, baseline_office_source FROM indicators WHERE code = 'rd_intensity'") \
        == (None, None)
    assert stored(conn, "SELECT value FROM reference_years WHERE code = 'district_tax' AND year = 2025")[0] is None
    assert stored(conn, "SELECT undone_at FROM official_imports WHERE id = 1")[0] is not None
    assert [c.field for c in official.batch_changes(conn, batch)] == [c.field for c in dry.changes]


def test_bad_cells_rejected_by_row_and_column(park, tmp_path):
    conn = park.conn
    out = tmp_path / "bad.xlsx"
    official.write_template(conn, out)
    book, ws = load_sheet(out)
    r_ht, r_share, r_growth, r_acad = (row_of(ws, c) for c in (
        "high_tech_enterprises", "returnee_foreign_share", "district_gdp_growth", "academicians"))
    ws.cell(r_ht, YEAR_COLS[2022], "三百")          # not a number
    ws.cell(r_ht, YEAR_COLS[2023], 400)             # fine, same row
    ws.cell(r_share, YEAR_COLS[2024], 104)          # a share above 100 %
    ws.cell(r_growth, YEAR_COLS[2021], -120)        # growth below -100 %
    ws.cell(r_acad, YEAR_COLS[2022], 8.5)           # not a whole number of people
    ws.cell(ws.max_row + 1, 1, "no_such_code")
    ws.cell(ws.max_row, YEAR_COLS[2021], 1)
    book.save(out)
    result = official.check_workbook_file(conn, out)
    where = {(p["row"], p["column"]): p["message"] for p in result.report()["rejected"]}
    assert set(where) == {(r_ht, "F列“2022”"), (r_share, "H列“2024”"), (r_growth, "E列“2021”"),
                          (r_acad, "F列“2022”"), (ws.max_row, "A列“代码”")}
    assert "三百" in where[(r_ht, "F列“2022”")] and "高新技术企业数" in where[(r_ht, "F列“2022”")]
    assert "比例不能超过100%" in where[(r_share, "H列“2024”")]
    assert "整数" in where[(r_acad, "F列“2022”")]
    assert "no_such_code" in where[(ws.max_row, "A列“代码”")]
    assert all(p["file"] == "bad.xlsx" and p["sheet"] == "官方数据" for p in result.report()["rejected"])
    assert result.accepted == 1 and result.exit_code == 1
    official.commit(park, result)
    assert stored(conn, "SELECT official FROM indicator_years WHERE code = 'high_tech_enterprises'"
                  " AND year = 2023")[0] == 400


def test_columns_in_any_order_and_titles_with_nian(park, tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "官方数据"
    ws.append(["说明：区统计局提供"])
    ws.append(["2025年", "名称", 2021, "代码"])
    ws.append([480, "高新技术企业数", 300, "high_tech_enterprises"])
    ws.append([None, None, None, None])
    ws.append([12, "", None, "new_listed_companies"])
    out = tmp_path / "order.xlsx"
    book.save(out)
    result = official.check_workbook_file(park.conn, out)
    assert result.report() == {"accepted": 3, "rejected": [], "unchanged": 0}
    assert any("2020" in w for w in result.warnings)
    official.commit(park, result)
    assert stored(park.conn, "SELECT official FROM indicator_years WHERE code = 'high_tech_enterprises'"
                  " AND year = 2021")[0] == 300


def test_import_official_command(park_path, tmp_path):
    out = tmp_path / "官方数据表.xlsx"
    done = run_main("official-template", str(out), "--park", str(park_path))
    assert done.returncode == 0, done.stderr
    book, ws = load_sheet(out)
    ws.cell(row_of(ws, "tech_contract_turnover"), YEAR_COLS[2025], 22.3)
    book.save(out)
    report = tmp_path / "report.json"
    dry = run_main("import-official", str(park_path), str(out), "--dry-run", "--report-json", str(report))
    assert dry.returncode == 0, dry.stderr
    assert json.loads(report.read_text(encoding="utf-8")) == {"accepted": 1, "rejected": [], "unchanged": 43}
    done = run_main("import-official", str(park_path), str(out), "--report-json", str(report))
    assert done.returncode == 0 and "已更新1个数值" in done.stdout
    summary = json.loads(run_main("summary", str(park_path), "--json").stdout)
    assert summary["indicators"]["tech_contract_turnover"]["years"]["2025"]["official"] == 22.3
    # some rejected: exit 1
    ws.cell(row_of(ws, "tech_contract_turnover"), YEAR_COLS[2024], "x")
    book.save(out)
    done = run_main("import-official", str(park_path), str(out), "--report-json", str(report))
    assert done.returncode == 1
    rejected = json.loads(report.read_text(encoding="utf-8"))["rejected"]
    assert [(p["row"], p["column"]) for p in rejected] == [(row_of(ws, "tech_contract_turnover"), "H列“2024”")]
    # nothing usable: exit 2
    other = tmp_path / "other.xlsx"
    from openpyxl import Workbook

    Workbook().save(other)
    done = run_main("import-official", str(park_path), str(other))
    assert done.returncode == 2 and "官方数据" in done.stderr


def test_template_without_park_uses_the_plan(tmp_path):
    out = tmp_path / "t.xlsx"
    done = run_main("official-template", str(out))
    assert done.returncode == 0, done.stderr
    _, ws = load_sheet(out)
    assert ws.cell(row_of(ws, "high_tech_enterprises"), 4).value == 248


@pytest.mark.parametrize("raw, expected", [("4.6%", 4.6), ("１２", 12.0), (" 1,200 ", 1200.0), (3, 3.0)])
def test_values_read_like_typed_ones(raw, expected):
    t = official.Target("x", "某项", "亿元", "indicator")
    assert official._check_value(t, raw) == expected


def test_plan_figures_join_the_workbook(park, tmp_path):
    """规划基数 rows (fact.CODE): 2020 is the plan's figure and cannot change; later years are official."""
    from models.planning import facts

    conn = park.conn
    out = tmp_path / "official.xlsx"
    official.write_template(conn, out)
    book, ws = load_sheet(out)
    r = row_of(ws, "fact.enterprises_total")
    assert (ws.cell(r, 2).value, ws.cell(r, 3).value, ws.cell(r, 4).value) == ("累计入驻企业", "家", 9762)
    assert ws.cell(r, 5).value is None
    assert "不可修改" in ws.cell(r, 11).value
    assert "约" in ws.cell(row_of(ws, "fact.area"), 11).value          # the plan's qualifier is said
    ws.cell(r, YEAR_COLS[2023], 10350)
    ws.cell(r, YEAR_COLS[2020], 9800)                                   # not the plan's 9762: refused
    ws.cell(row_of(ws, "fact.area"), YEAR_COLS[2025], 12.5)
    book.save(out)

    result = official.check_workbook_file(conn, out)
    assert result.accepted == 2
    [problem] = result.rejected
    assert (problem.row, problem.column) == (r, "D列“2020”")
    assert "规划所列数据" in problem.message and "9762" in problem.message
    official.commit(park, result)
    series = {s.code: s for s in facts.fact_series(conn)}
    assert stored(conn, "SELECT official FROM fact_years WHERE code = 'enterprises_total' AND year = 2023")[0] == 10350
    assert stored(conn, "SELECT official FROM fact_years WHERE code = 'area' AND year = 2025")[0] == 12.5
    assert series["enterprises_total"].baseline == 9762


def test_undo_brings_back_a_figure_edited_after_the_check(park, tmp_path):
    """The window checks a workbook beside itself: a figure typed meanwhile is what undoing the import restores."""
    conn = park.conn
    out = tmp_path / "official.xlsx"
    official.write_template(conn, out)
    book, ws = load_sheet(out)
    ws.cell(row_of(ws, "district_tax"), YEAR_COLS[2025], 1200)
    book.save(out)
    result = official.check_workbook_file(conn, out)
    (change,) = result.changes
    assert (change.old, change.new) == (None, 1200)

    park.update("reference_years", {"code": "district_tax", "year": 2025}, {"value": 1150.0})  # typed meanwhile
    batch = official.commit(park, result)
    assert stored(conn, "SELECT value FROM reference_years WHERE code = 'district_tax' AND year = 2025")[0] == 1200
    assert change.old == 1150.0

    official.undo(park, batch, result.changes)
    assert stored(conn, "SELECT value FROM reference_years WHERE code = 'district_tax' AND year = 2025")[0] == 1150.0
