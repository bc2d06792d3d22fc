"""Excel export read back with openpyxl: every sheet, figures equal to the file's, text never a formula."""

from __future__ import annotations

import pytest

from models.output import export_xlsx
from models.planning.figures import indicator_series
from models.planning.groups import industry_series
from models.store.return_form import COLUMNS
from tests.conftest import run_main
from tests import known_figures as known

SHEETS = ["指标", "指标年度", "参考数据", "产业", "片区", "片区项目", "人才", "企业报表", "导入批次", "操作日志"]
SHEETS += ["规划基数", "产业分组", "其他园区", "重点任务"]  # models/output/plan_export.py


@pytest.fixture
def exported(park, tmp_path):
    from openpyxl import load_workbook

    known.fill(park)
    out = tmp_path / "导出.xlsx"
    counts = export_xlsx.write_workbook(park.conn, out)
    return park.conn, counts, load_workbook(out)


def _rows(ws):
    return list(ws.iter_rows(min_row=2, values_only=True))


def test_every_sheet_with_chinese_headers_frozen_and_counted(exported):
    conn, counts, book = exported
    assert book.sheetnames == SHEETS
    assert list(counts) == SHEETS
    for name in SHEETS:
        ws = book[name]
        assert ws.freeze_panes == "A2", name
        assert ws.max_row - 1 == counts[name], name
        assert all(cell.font.b for cell in ws[1]), name
    assert counts["指标"] == 11 and counts["指标年度"] == 66
    assert counts["企业报表"] == 3
    assert counts["操作日志"] == conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] > 0
    assert [c.value for c in book["企业报表"][1]][:3] == ["统一社会信用代码", "企业名称", "报告年度"]


def test_indicator_figures_and_statuses_equal_the_files(exported):
    conn, _, book = exported
    ws = book["指标年度"]
    header = [c.value for c in ws[1]]
    rows = {(r[0], r[2]): dict(zip(header, r)) for r in _rows(ws)}
    for s in indicator_series(conn):
        for year, f in s.years.items():
            row = rows[(s.indicator.name, year)]
            assert row["采用值"] == (pytest.approx(f.value) if f.value is not None else None)
            assert row["官方数值"] == f.official
            assert row["序时计划"] == (pytest.approx(f.planned) if f.planned is not None else None)
    patents = rows[("每万人发明专利拥有量", 2023)]
    assert patents["采用值"] == 85 and patents["状态"] == "滞后" and patents["评估意见"] == known.NOTE
    assert patents["完成进度（%）"] == pytest.approx(100 * 11 / 21)
    for code, label in known.EXPECTED_STATUS.items():
        name = conn.execute("SELECT name FROM indicators WHERE code = ?", (code,)).fetchone()[0]
        assert rows[(name, 2023)]["状态"] == label, code
    cell = next(c for c in ws["D"] if c.value == 85)
    # 每万人发明专利拥有量 is 件 per 10,000 people, a ratio (models.base.numfmt.figure_unit): 1 decimal, not whole
    assert cell.number_format == "#,##0.0" and cell.data_type == "n"


def _cell(ws, column: str, **match):
    """The cell of `column` in the row whose named columns hold the given values."""
    header = [c.value for c in ws[1]]
    at = header.index(column)
    for row in ws.iter_rows(min_row=2):
        values = dict(zip(header, (c.value for c in row)))
        if all(values[k] == v for k, v in match.items()):
            return row[at]
    raise AssertionError(f"no row {match}")


def test_counts_and_money_in_one_column_each_formatted_by_its_unit(exported):
    """Issue 17: 企业数 1 (家) beside 营业收入 120.5 (亿元) in 产业's 采用值 column: the count reads "1",
    not "1.00"; money keeps 2 decimals; the cell keeps its number either way."""
    _, _, book = exported
    ws = book["产业"]
    count = _cell(ws, "采用值", 产业="金融服务业", 年度=2023, 项目="企业数")
    money = _cell(ws, "采用值", 产业="金融服务业", 年度=2023, 项目="营业收入")
    people = _cell(ws, "采用值", 产业="金融服务业", 年度=2023, 项目="从业人员")
    assert count.column_letter == money.column_letter == people.column_letter
    assert (count.value, count.number_format, count.data_type) == (1, "#,##0", "n")   # 乙公司 alone
    assert (money.value, money.number_format) == (120.5, "#,##0.00")                   # official 120.5 亿元
    assert (people.value, people.number_format) == (100, "#,##0")                      # 乙公司's 100 人
    ws = book["片区"]
    count = _cell(ws, "报表汇总值", 片区="东部中山公园片区", 年度=2023, 项目="企业数")
    money = _cell(ws, "报表汇总值", 片区="东部中山公园片区", 年度=2023, 项目="营业收入")
    assert (count.value, count.number_format) == (1, "#,##0")
    assert money.value == pytest.approx(3.00005) and money.number_format == "#,##0.00"  # 30 000.5 万元

    ws = book["指标年度"]
    rows = {name: _cell(ws, "采用值", 指标=name, 年度=2023) for name in (
        "高新技术企业数（累计）", "园区总收入", "单位增加值综合能耗指标", "全社会研发经费支出相当于全区生产总值比例")}
    assert [(c.value, c.number_format) for c in rows.values()] == [
        (400, "#,##0"), (1800, "#,##0.00"), (0.05, "#,##0.0000"), (3.9, "#,##0.00")]
    planned = _cell(ws, "序时计划", 指标="高新技术企业数（累计）", 年度=2023)
    assert planned.value == pytest.approx(387.2) and planned.number_format == "#,##0"  # 248 + 232 × 0.6, shown 387
    progress = _cell(ws, "完成进度（%）", 指标="高新技术企业数（累计）", 年度=2023)
    assert progress.number_format == "#,##0.00"                                         # % as the window: 65.52
    ws = book["指标"]
    listed = _cell(ws, "2025年目标", 代码="new_listed_companies")
    share = _cell(ws, "2025年目标", 代码="returnee_foreign_share")
    assert (listed.value, listed.number_format) == (15, "#,##0")
    assert (share.value, share.number_format) == (4.5, "#,##0.00")


def test_industry_and_return_figures_equal_the_files(exported):
    conn, _, book = exported
    ws = book["产业"]
    header = [c.value for c in ws[1]]
    rows = {(r[0], r[2], r[3]): dict(zip(header, r)) for r in _rows(ws)}
    finance = next(s for s in industry_series(conn) if s.name == "金融服务业")
    row = rows[("金融服务业", 2023, "营业收入")]
    assert row["官方数值"] == 120.5 == finance.years[2023]["revenue"].official
    assert row["报表汇总值"] == pytest.approx(3.00005)     # 30 000.5 万元 from 乙公司
    assert rows[("金融服务业", 2022, "纳税总额")]["采用值"] == pytest.approx(0.05)  # 500 万元
    assert rows[("人工智能产业", 2021, "营业收入")]["采用值"] is None              # nothing known: blank, not 0

    ws = book["企业报表"]
    keys = [c.key for c in COLUMNS]
    stored = conn.execute(f"SELECT {', '.join(keys)} FROM returns ORDER BY year, credit_code").fetchall()
    for got, want in zip(_rows(ws), stored):
        for key, g, w in zip(keys, got, want):
            if key in ("high_tech", "mnc_rd"):
                assert g == ("是" if w else "否" if w is not None else None), key
            else:
                assert g == w, key


def test_text_beginning_like_a_formula_stays_text(exported):
    _, _, book = exported
    ws = book["企业报表"]
    names = {c.value: c for c in ws["B"][1:]}
    cell = names[known.FORMULA_NAME]
    assert cell.data_type == "s" and cell.value == "=1+1"
    assert cell.quotePrefix
    assert names["@丙"].data_type == "s" and names["@丙"].quotePrefix
    assert not names["乙公司"].quotePrefix
    for ws in book.worksheets:
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row), ws.title


def test_export_command_and_unwritable_target(park_path, tmp_path):
    out = tmp_path / "out.xlsx"
    result = run_main("export", str(park_path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "指标年度\t66" in result.stdout and out.exists()
    folder = tmp_path / "a-folder.xlsx"
    folder.mkdir()
    result = run_main("export", str(park_path), "--out", str(folder))
    assert result.returncode == 2 and "a-folder.xlsx" in result.stderr
    assert folder.is_dir() and not list(tmp_path.glob("*.partial"))


def test_final_year_export(park, tmp_path):
    """Issue 13: the final statuses, 当年新增 beside 累计, the gap, the baseline used and the plan's."""
    from openpyxl import load_workbook

    from models.output.export_xlsx import write_workbook

    conn = park.conn
    for year, flow in zip(range(2021, 2026), (3, 3, 3, 3, 2)):
        conn.execute("UPDATE indicator_years SET official = ? WHERE code = 'new_listed_companies' AND year = ?",
                     (flow, year))
    conn.execute("UPDATE indicators SET baseline_office = 300, baseline_office_source = '区科委'"
                 " WHERE code = 'high_tech_enterprises'")
    conn.commit()
    out = tmp_path / "final.xlsx"
    write_workbook(conn, out)
    book = load_workbook(out)
    ws = book["指标年度"]
    header = [c.value for c in ws[1]]
    rows = {(r[0], r[2]): dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True)}
    listed = rows[("新增上市企业数量", 2025)]
    assert (listed["当年新增"], listed["累计"], listed["状态"], listed["差距"]) == (2, 14, "基本完成", "差1家")
    assert rows[("新增上市企业数量", 2022)]["状态"] == "符合预期"     # C = 6 = 15 × 0.4
    ws = book["指标"]
    header = [c.value for c in ws[1]]
    ht = next(dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True) if r[1] == "high_tech_enterprises")
    assert (ht["2020年基期"], ht["规划基期值"], ht["基期来源"], ht["基期口径"]) == (300, 248, "区定", "区科委")
    revenue = next(dict(zip(header, r)) for r in ws.iter_rows(min_row=2, values_only=True) if r[1] == "total_revenue")
    assert revenue["基期口径"] == "规模以上企业口径" and revenue["基期来源"] == "规划"


def test_log_sheets_read_as_words_not_program_codes(park, tmp_path):
    """操作日志 and 导入批次: Chinese action names, times to the minute, no JSON; 片区项目 types in Chinese;
    人才 counts formatted whole."""
    import re

    from openpyxl import load_workbook

    known.fill(park)
    conn = park.conn
    conn.execute("UPDATE audit_log SET at = '2026-12-01T11:00:33'")
    conn.execute("UPDATE import_batches SET created_at = '2026-12-01T11:00:33'")
    zone = conn.execute("SELECT name FROM zones ORDER BY seq").fetchone()[0]
    with park.transaction("insert", "test") as tx:
        tx.insert("zone_parks", {"zone": zone, "seq": 99, "name": "测试平台", "kind": "platform"})
    out = tmp_path / "导出.xlsx"
    export_xlsx.write_workbook(conn, out)
    book = load_workbook(out)
    log = _rows(book["操作日志"])
    assert {r[2] for r in log} >= {"修改", "新增"}
    edit = next(r for r in log if r[2] == "修改")
    assert edit[1] == "2026-12-01 11:00" and edit[3] == "指标年度数据"
    for row in log:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", row[1]), row
        assert not any(isinstance(v, str) and ("{" in v or "T11:" in v) for v in row), row
    batches = _rows(book["导入批次"])
    assert batches[0][1] == "2026-12-01 11:00" and batches[0][4] == "a.xlsx"
    parks = {r[2]: r[3] for r in _rows(book["片区项目"])}
    assert parks["测试平台"] == "平台"
    talent = book["人才"]
    assert talent.cell(row=2, column=5).number_format == "#,##0"
