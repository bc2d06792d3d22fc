"""Importing returns: messy forms from two writers, every rule, duplicates, conflicts, replace, atomic,
dry run, undo of a batch, outliers, derived figures after import, exit codes and the JSON report, and a
process killed mid-import."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from models.planning import derive
from models.returns.importer import gather_sources, import_paths, undo_batch
from tests.conftest import ROOT, run_main
from tests.returns_data import KEYS, TITLES, code, row, write_openpyxl, write_xlsxwriter


def _import(park, *paths, **kw):
    return import_paths(park, [str(p) for p in paths], **kw)


def _returns(conn):
    return conn.execute("SELECT * FROM returns ORDER BY credit_code, year").fetchall()


def _messages(outcome):
    return [(p.row, p.column, p.message) for p in outcome.check.rejected]


# ------------------------------------------------------------------------------------------- messy forms

def test_messy_retyped_form_with_header_on_row_4_other_order_text_numbers_and_extra_columns(park, tmp_path):
    keys = list(reversed(KEYS))
    titles = {"returnees": "其中:留学归国人员(人)", "revenue": " 营业收入 (万元) ", "tax": "纳税总额（万元）",
              "credit_code": "统一社会信用代码 ", "zone": "所属片区"}
    rows = [
        row(1, revenue="1,001", tax=" １０１ ", employees="１０１", zone="虹桥片区"),
        row(2, revenue=1002.0, rd_expense="", tech_contract="2 000", high_tech="Y", mnc_rd=1),
    ]
    path = write_openpyxl(tmp_path / "retyped.xlsx", rows, keys=keys, titles=titles, header_row=4,
                          before=[["长宁园企业年度报表"], ["填报单位：", "某某"], []], extra={"备注": "无", "联系人": "张三"})
    outcome = _import(park, path)
    assert outcome.exit_code == 0, _messages(outcome)
    assert outcome.report["accepted"] == 2
    warnings = " ".join(outcome.check.warnings)
    assert "“备注”不是报表栏目，已忽略" in warnings and "“联系人”" in warnings and "第4行" in warnings
    stored = {r[0]: r for r in park.conn.execute(
        "SELECT credit_code, revenue, tax, employees, zone, rd_expense, tech_contract, high_tech, mnc_rd,"
        " source_row, source_sheet FROM returns")}
    assert stored[code(1)][1:5] == (1001.0, 101.0, 101, "中部虹桥片区")
    assert stored[code(2)][5:9] == (None, 2000.0, 1, 1)
    assert stored[code(1)][9:] == (5, "企业报表") and stored[code(2)][9] == 6


def test_an_accepted_row_reads_by_name_and_is_stored_in_its_own_order(park, tmp_path):
    from models.returns.importer import FIELDS, ReturnRow

    path = write_openpyxl(tmp_path / "one.xlsx", [row(1, revenue="1,001", employees=12)], header_row=2)
    outcome = _import(park, path)
    (accepted,) = outcome.check.accepted
    assert isinstance(accepted, ReturnRow) and len(accepted) == len(FIELDS)
    assert accepted["credit_code"] == accepted.credit_code == accepted[0] == code(1)
    assert (accepted["revenue"], accepted.employees, accepted["source_row"]) == (1001.0, 12, 3)
    stored = park.conn.execute(f"SELECT {', '.join(FIELDS)} FROM returns").fetchone()
    assert stored == tuple(accepted)


def test_xlsxwriter_workbook_with_another_sheet_name_and_numbers_as_strings(park, tmp_path):
    rows = [row(n, "２０２２", revenue=f"{1000 + n:,}.50", employees=f"{100 + n}", high_tech="n")
            for n in range(1, 4)]
    keys = KEYS[5:] + KEYS[:5]  # figures first, then code, name, year, industry, zone
    titles = {"foreign_staff": "其中：外籍常住人员 (人)", "name": "企业名称："}
    path = write_xlsxwriter(tmp_path / "xw.xlsx", rows, sheet="2022年报表", header_row=2, keys=keys, titles=titles,
                            extra={"填表人": "李四"})
    outcome = _import(park, path)
    assert outcome.exit_code == 0, _messages(outcome)
    # 1001.5 + 1002.5 + 1003.5 = 3007.5; 101 + 102 + 103 = 306
    assert park.conn.execute("SELECT SUM(revenue), SUM(employees), MIN(source_row), SUM(high_tech) FROM returns"
                             " WHERE year = 2022").fetchone() == (3007.5, 306, 3, 0)
    assert any("“填表人”不是报表栏目" in w for w in outcome.check.warnings)


def test_several_sheets_in_one_workbook_and_a_folder(park, tmp_path):
    from openpyxl import load_workbook

    folder = tmp_path / "回收"
    folder.mkdir()
    write_openpyxl(folder / "a.xlsx", [row(1), row(2)])
    path = write_openpyxl(folder / "b.xlsx", [row(3)])
    wb = load_workbook(path)
    second = wb.create_sheet("续表")
    second.append([TITLES[k] for k in KEYS])
    second.append([row(4)[k] for k in KEYS])
    wb.save(path)
    (folder / "说明.txt").write_text("not a workbook", encoding="utf-8")
    outcome = _import(park, folder)
    assert outcome.exit_code == 0
    assert park.conn.execute("SELECT COUNT(*) FROM returns").fetchone()[0] == 4
    files = json.loads(park.conn.execute("SELECT files FROM import_batches").fetchone()[0])
    assert [f["file"] for f in files] == [os.path.join(str(folder), "a.xlsx"), os.path.join(str(folder), "b.xlsx")]
    assert [f["rows"] for f in files] == [2, 2]
    import hashlib

    assert files[0]["sha256"] == hashlib.sha256((folder / "a.xlsx").read_bytes()).hexdigest()


# ------------------------------------------------------------------------------------------- every rule

BAD_CELLS = [
    ({"credit_code": "91310105MA0000001X"}, "A列“统一社会信用代码”", "校验位错误"),
    ({"credit_code": ""}, "A列“统一社会信用代码”", "必填项为空"),
    ({"name": " "}, "B列“企业名称”", "必填项为空"),
    ({"year": 2026}, "C列“报告年度”", "不在本规划期（2021—2025年，含基期2020年）内"),
    ({"year": "去年"}, "C列“报告年度”", "不是年份"),
    ({"industry": "造船业"}, "D列“所属产业”", "不在可选范围内"),
    ({"zone": "南部片区"}, "E列“所属片区”", "不在可选范围内"),
    ({"revenue": "约100"}, "F列“营业收入（万元）”", "不是数字"),
    ({"revenue": "N/A"}, "F列“营业收入（万元）”", "不是数字"),
    ({"tax": -5}, "G列“纳税总额（万元）”", "不得为负"),
    ({"tax": None}, "G列“纳税总额（万元）”", "必填项为空"),
    ({"energy": -1.5}, "J列“综合能耗（吨标准煤）”", "不得为负"),
    ({"employees": 10.5}, "K列“从业人员期末人数（人）”", "须为整数"),
    ({"returnees": 60, "foreign_staff": 50, "employees": 100}, "L列“其中：留学归国人员（人）”",
     "留学归国人员与外籍常住人员之和不得超过从业人员期末人数"),
    ({"invention_apps": 7, "patent_apps": 6}, "P列“其中：发明专利申请量（件）”", "发明专利申请量不得超过当年专利申请量"),
    ({"invention_grants": 6, "patent_grants": 5}, "R列“其中：发明专利授权量（件）”", "发明专利授权量不得超过当年专利授权量"),
    ({"high_tech": "不确定"}, "T列“是否高新技术企业”", "应填“是”或“否”"),
    ({"listed_year": 2024}, "U列“上市年份”", "报告年度2023"),
    ({"listed_year": 1985}, "U列“上市年份”", "1990"),
    ({"mnc_rd": 3}, "V列“是否跨国公司研发中心”", "应填“是”或“否”"),
]


@pytest.mark.parametrize("changes, column, message", BAD_CELLS)
def test_each_rule_rejects_the_row_naming_file_sheet_row_and_column(park, tmp_path, changes, column, message):
    path = write_openpyxl(tmp_path / "r.xlsx", [row(1), row(2, **changes), row(3)])
    outcome = _import(park, path)
    assert outcome.exit_code == 1
    assert outcome.report["accepted"] == 2
    (problem,) = outcome.report["rejected"]
    assert (problem["file"], problem["sheet"], problem["row"], problem["column"]) == (str(path), "企业报表", 3, column)
    assert message in problem["message"]
    assert park.conn.execute("SELECT COUNT(*) FROM returns WHERE credit_code = ?", (code(2),)).fetchone()[0] == 0


def test_a_row_is_rejected_with_every_reason(park, tmp_path):
    path = write_openpyxl(tmp_path / "r.xlsx", [row(1, revenue="约100", tax=-1, employees=1.5, zone="火星")])
    outcome = _import(park, path)
    assert outcome.exit_code == 2
    assert sorted(p["column"][0] for p in outcome.report["rejected"]) == ["E", "F", "G", "K"]
    assert outcome.check.rejected_rows == 1


def test_blank_optional_cells_and_yes_no_spellings(park, tmp_path):
    rows = [row(1, rd_expense=None, value_added=None, energy=None, invention_patents=None, patent_apps=None,
                invention_apps=None, patent_grants=None, invention_grants=None, tech_contract=None,
                high_tech=None, mnc_rd=None),
            row(2, high_tech="Y", mnc_rd="1"), row(3, high_tech="N", mnc_rd=0), row(4, high_tech="是", listed_year=2023)]
    outcome = _import(park, write_openpyxl(tmp_path / "r.xlsx", rows))
    assert outcome.exit_code == 0, _messages(outcome)
    got = park.conn.execute("SELECT credit_code, rd_expense, tech_contract, high_tech, mnc_rd, listed_year FROM returns"
                            " ORDER BY credit_code").fetchall()
    assert got == [(code(1), None, None, 0, 0, None), (code(2), 52.0, 20.0, 1, 1, None),
                   (code(3), 53.0, 30.0, 0, 0, None), (code(4), 54.0, 40.0, 1, 0, 2023)]


def test_sheet_missing_a_required_column_rejects_its_rows(park, tmp_path):
    keys = [k for k in KEYS if k != "tax"]
    outcome = _import(park, write_openpyxl(tmp_path / "r.xlsx", [row(1)], keys=keys))
    assert outcome.exit_code == 2
    assert "工作表缺少必填栏目“纳税总额（万元）”" in [p["message"] for p in outcome.report["rejected"]]


def test_workbook_without_a_return_sheet_is_rejected_whole_and_stops_nothing_else(park, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.append(["姓名", "电话"])
    wb.active.append(["张三", "123"])
    other = tmp_path / "通讯录.xlsx"
    wb.save(other)
    good = write_openpyxl(tmp_path / "good.xlsx", [row(1)])
    outcome = _import(park, other, good, tmp_path / "missing.xlsx")
    assert outcome.exit_code == 1
    assert outcome.report["accepted"] == 1
    rejected = {f["file"]: f["message"] for f in outcome.report["files_rejected"]}
    assert "没有可识别的企业报表工作表" in rejected[str(other)] and str(other.name) in rejected[str(other)]
    assert "找不到文件" in rejected[str(tmp_path / "missing.xlsx")]


# ------------------------------------------------------------------------------------------- batches

def test_two_rows_of_one_enterprise_year_in_a_batch_are_both_rejected(park, tmp_path):
    a = write_openpyxl(tmp_path / "a.xlsx", [row(1), row(2)])
    b = write_xlsxwriter(tmp_path / "b.xlsx", [row(2, revenue=5.0), row(2, 2022)])
    outcome = _import(park, a, b)
    assert outcome.exit_code == 1
    dups = [p for p in outcome.report["rejected"] if "重复" in p["message"]]
    assert {(p["file"], p["row"]) for p in dups} == {(str(a), 3), (str(b), 2)}
    assert "b.xlsx" in dups[0]["message"] and "a.xlsx" in dups[1]["message"]
    assert park.conn.execute("SELECT credit_code, year FROM returns ORDER BY credit_code, year").fetchall() == [
        (code(1), 2023), (code(2), 2022)]


def test_conflicts_are_skipped_unless_replace_and_undo_restores_what_was_replaced(park, tmp_path):
    first = _import(park, write_openpyxl(tmp_path / "a.xlsx", [row(1), row(2)]))
    assert first.exit_code == 0
    before = _returns(park.conn)
    newer = write_openpyxl(tmp_path / "b.xlsx", [row(2, revenue=9999), row(3)])

    skipped = _import(park, newer)
    assert skipped.exit_code == 1
    (conflict,) = skipped.report["conflicts"]
    assert (conflict["credit_code"], conflict["year"], conflict["action"], conflict["stored_batch"]) == (
        code(2), 2023, "skipped", first.stored.batch_id)
    assert park.conn.execute("SELECT revenue FROM returns WHERE credit_code = ?", (code(2),)).fetchone() == (1002.0,)
    undo_batch(park, skipped.stored.batch_id)
    assert _returns(park.conn) == before

    replaced = _import(park, newer, replace=True)
    assert replaced.exit_code == 0 and replaced.stored.replaced == 1
    assert park.conn.execute("SELECT revenue FROM returns WHERE credit_code = ?", (code(2),)).fetchone() == (9999.0,)
    assert park.conn.execute("SELECT COUNT(*) FROM returns_superseded").fetchone() == (1,)
    with pytest.raises(Exception, match="请先撤销第3批"):
        undo_batch(park, first.stored.batch_id)
    assert undo_batch(park, replaced.stored.batch_id) == 2
    assert _returns(park.conn) == before  # the replaced row is back exactly, with its id and batch
    assert park.conn.execute("SELECT COUNT(*) FROM returns_superseded").fetchone() == (0,)
    assert park.conn.execute("SELECT undone_at IS NOT NULL FROM import_batches WHERE id = ?",
                             (replaced.stored.batch_id,)).fetchone() == (1,)
    with pytest.raises(Exception, match="已于.*撤销"):
        undo_batch(park, replaced.stored.batch_id)


def test_batch_record_counts_and_audit(park, tmp_path):
    path = write_openpyxl(tmp_path / "a.xlsx", [row(1), row(2), row(3, tax="x")])
    outcome = _import(park, path)
    rec = park.conn.execute("SELECT user, host, accepted, rejected, conflicts, created_at FROM import_batches"
                            " WHERE id = ?", (outcome.stored.batch_id,)).fetchone()
    assert rec[2:5] == (2, 1, 0) and rec[0] is not None and rec[1] and rec[5]
    assert park.conn.execute("SELECT COUNT(*) FROM audit_log WHERE batch_id = ? AND action = 'import'",
                             (outcome.stored.batch_id,)).fetchone()[0] >= 1
    assert {r[0] for r in park.conn.execute("SELECT batch_id FROM returns")} == {outcome.stored.batch_id}


def test_atomic_imports_nothing_when_any_row_is_rejected(park, tmp_path):
    path = write_openpyxl(tmp_path / "a.xlsx", [row(1), row(2, revenue="约100")])
    outcome = _import(park, path, atomic=True)
    assert outcome.exit_code == 2 and outcome.report["accepted"] == 0
    assert park.conn.execute("SELECT COUNT(*) FROM returns").fetchone() == (0,)
    assert park.conn.execute("SELECT COUNT(*) FROM import_batches").fetchone() == (0,)
    ok = _import(park, write_openpyxl(tmp_path / "b.xlsx", [row(1)]), atomic=True)
    assert ok.exit_code == 0 and ok.report["accepted"] == 1


def test_dry_run_checks_and_reports_only(park, tmp_path):
    path = write_openpyxl(tmp_path / "a.xlsx", [row(1), row(2), row(3, tax=-1)])
    before = park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()
    outcome = _import(park, path, dry_run=True)
    assert (outcome.exit_code, outcome.report["accepted"], len(outcome.report["rejected"])) == (1, 2, 1)
    assert park.conn.execute("SELECT COUNT(*) FROM returns").fetchone() == (0,)
    assert park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone() == before


def test_outliers_fivefold_change_and_a_changed_name(park, tmp_path):
    _import(park, write_openpyxl(tmp_path / "2022.xlsx", [row(1, 2022, revenue=100), row(2, 2022, revenue=100)]))
    path = write_openpyxl(tmp_path / "2023.xlsx", [
        row(1, revenue=501),                         # 5.01 times: reported
        row(2, revenue=500, name="改名后的企业有限公司"),  # exactly 5 times: not; the new name is
        row(3, 2022, employees=20), row(3, employees=101, returnees=0, foreign_staff=0),  # within one batch
    ])
    outcome = _import(park, path)
    assert outcome.exit_code == 0
    found = [(o["credit_code"], o["column"]) for o in outcome.report["outliers"]]
    # ranked by the size of the change: 101/20 = 5.05 > 501/100 = 5.01 > a name only
    assert found == [(code(3), "从业人员期末人数（人）"), (code(1), "营业收入（万元）"), (code(2), "企业名称")]
    first = outcome.report["outliers"][1]
    assert "营业收入（万元）由2022年的100变为501（增至5.0倍）" in first["message"]
    assert first["name"] == "测试企业1有限公司" and first["factor"] == 5.01


def test_outliers_only_where_both_values_are_large_enough_one_line_per_enterprise_year(park, tmp_path):
    _import(park, write_openpyxl(tmp_path / "2022.xlsx", [
        row(1, 2022, employees=1, returnees=0, foreign_staff=0, patent_apps=2, invention_apps=1, revenue=10),
        row(2, 2022, employees=19, returnees=0, foreign_staff=0, revenue=99.9, tax=1000),
        row(3, 2022, employees=20, returnees=0, foreign_staff=0, revenue=100, tax=1000, patent_apps=600,
            invention_apps=1),
    ]))
    path = write_openpyxl(tmp_path / "2023.xlsx", [
        row(1, employees=13, returnees=0, foreign_staff=0, patent_apps=40, invention_apps=1, revenue=5000),
        row(2, employees=500, returnees=0, foreign_staff=0, revenue=5000, tax=100),
        row(3, employees=2000, returnees=0, foreign_staff=0, revenue=100, tax=150, patent_apps=100,
            invention_apps=1),
    ])
    outcome = _import(park, path)
    outliers = outcome.report["outliers"]
    # enterprise 1: 1 → 13 people, 2 → 40 applications, 10 → 5000 万元: the smaller value is under 20 / 100
    # enterprise 2: 19 → 500 (19 < 20) and 99.9 → 5000 (99.9 < 100) not looked at; tax 1000 → 100 is 10×
    # enterprise 3: 20 → 2000 people (100×) and 600 → 100 applications (6×); tax 1000 → 150 (6.67×)
    assert [o["credit_code"] for o in outliers] == [code(3), code(2)]
    three, two = outliers
    assert [f["column"] for f in three["figures"]] == ["employees", "tax", "patent_apps"]
    assert [f["factor"] for f in three["figures"]] == [100.0, 6.67, 6.0]
    assert three["factor"] == 100.0 and three["column"] == "从业人员期末人数（人）"
    assert three["message"].count("；") == 2 and "当年专利申请量（件）由2022年的600变为100（降至16.7%）" in three["message"]
    assert [f["column"] for f in two["figures"]] == ["tax"] and two["factor"] == 10.0


def test_gather_sources_keeps_names_as_given(tmp_path):
    folder = tmp_path / "f"
    folder.mkdir()
    write_openpyxl(folder / "x.xlsx", [row(1)])
    (folder / "~$x.xlsx").write_bytes(b"lock")
    sources, problems = gather_sources([str(folder), str(tmp_path / "none.xlsx"), str(tmp_path)])
    assert [s[0] for s in sources] == [os.path.join(str(folder), "x.xlsx")]
    assert len(problems) == 2 and "没有.xlsx文件" in problems[1].message


# ------------------------------------------------------------------------------------------- derived figures

def test_derived_figures_after_import_match_sums_worked_by_hand(park, tmp_path):
    rows = [row(n, energy=None if n == 4 else 20 + n) for n in range(1, 5)]
    rows[0]["listed_year"] = 2023
    assert _import(park, write_openpyxl(tmp_path / "a.xlsx", rows)).exit_code == 0
    ind = derive.indicator_derived(park.conn)
    # revenue 1001+1002+1003+1004 = 4010 万元 = 0.401 亿元; tax 101+…+104 = 410 万元
    assert ind["total_revenue"][2023] == pytest.approx(0.401)
    assert ind["total_tax"][2023] == pytest.approx(0.041)
    # tech contracts 10+20+30+40 = 100 万元 = 0.01 亿元; enterprises 1 and 3 are high-tech; one listed in 2023
    assert ind["tech_contract_turnover"][2023] == pytest.approx(0.01)
    assert (ind["high_tech_enterprises"][2023], ind["new_listed_companies"][2023]) == (2, 1)
    # (3+2)·4 = 20 returnees and foreign staff among 101+102+103+104 = 410 employees
    assert ind["returnee_foreign_share"][2023] == pytest.approx(100 * 20 / 410)
    # energy only where both given (enterprise 4 has none): (21+22+23) / (401+402+403)
    assert ind["energy_per_value_added"][2023] == pytest.approx(66 / 1206)
    assert ind["total_revenue"][2022] is None
    zones = derive.group_derived(park.conn, "zone")
    # n % 3: enterprises 1 and 4 are in 中部虹桥片区: revenue 1001+1004 = 2005 万元
    assert zones["中部虹桥片区"][2023]["enterprises"] == 2
    assert zones["中部虹桥片区"][2023]["revenue"] == pytest.approx(0.2005)
    industries = derive.group_derived(park.conn, "industry")
    assert industries["信息服务"][2023]["employees"] == 103  # n % 4 == 3


# ------------------------------------------------------------------------------------------- command line

def test_command_line_exit_codes_and_report_json(park_path, tmp_path):
    write_openpyxl(tmp_path / "good.xlsx", [row(1), row(2)])
    write_xlsxwriter(tmp_path / "mixed.xlsx", [row(3), row(4, tax="约100")])
    report = tmp_path / "report.json"

    proc = run_main("import", str(park_path), "good.xlsx", "--report-json", str(report), cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(report.read_text(encoding="utf-8"))["accepted"] == 2

    proc = run_main("import", str(park_path), "mixed.xlsx", "good.xlsx", "--report-json", str(report), cwd=tmp_path)
    assert proc.returncode == 1
    data = json.loads(report.read_text(encoding="utf-8"))
    assert data["accepted"] == 1
    assert data["rejected"] == [{"file": "mixed.xlsx", "sheet": "企业报表", "row": 3,
                                 "column": "G列“纳税总额（万元）”", "message": "“约100”不是数字"}]
    assert [c["file"] for c in data["conflicts"]] == ["good.xlsx", "good.xlsx"]
    assert data["files_rejected"] == []
    assert "mixed.xlsx" in proc.stdout and "第3行" in proc.stdout

    proc = run_main("import", str(park_path), "good.xlsx", "--dry-run", "--replace", cwd=tmp_path)
    assert proc.returncode == 0 and "可导入2行" in proc.stdout
    proc = run_main("import", str(park_path), "mixed.xlsx", "--atomic", cwd=tmp_path)
    assert proc.returncode == 2 and "--atomic" in proc.stdout
    proc = run_main("import", str(park_path), "nothing.xlsx", "--report-json", str(report), cwd=tmp_path)
    assert proc.returncode == 2
    assert json.loads(report.read_text(encoding="utf-8"))["files_rejected"][0]["file"] == "nothing.xlsx"
    conn = sqlite3.connect(park_path)
    assert conn.execute("SELECT COUNT(*) FROM returns").fetchone() == (3,)
    conn.close()


# ------------------------------------------------------------------------------------------- killed mid-import

STALL = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, sys.argv[1])
    from models.store.db import open_park
    from models.returns.importer import Progress, check_files, commit

    class Stall(Progress):
        def step(self, done, total, text=""):
            if total and done == total:  # every row inserted, transaction not committed
                print("inside", flush=True)
                time.sleep(60)

    park = open_park(sys.argv[2])
    result = check_files(park.conn, [("b.xlsx", sys.argv[3])])
    commit(park, result, replace=True, progress=Stall())
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_killing_the_process_mid_import_leaves_the_file_as_before(park, park_path, tmp_path):
    assert _import(park, write_openpyxl(tmp_path / "a.xlsx", [row(n) for n in range(1, 6)])).exit_code == 0
    park.close()

    def snapshot():
        conn = sqlite3.connect(park_path)
        try:
            return ([conn.execute(f"SELECT * FROM {t} ORDER BY 1").fetchall()
                     for t in ("returns", "import_batches", "returns_superseded", "audit_log")],
                    conn.execute("PRAGMA integrity_check").fetchone()[0])
        finally:
            conn.close()

    before, ok = snapshot()
    newer = write_openpyxl(tmp_path / "b.xlsx", [row(n, revenue=7) for n in range(3, 300)])
    script = tmp_path / "stall.py"
    script.write_text(STALL, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, str(script), str(ROOT), str(park_path), str(newer)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "inside"
        assert park_path.with_name(park_path.name + "-journal").exists()  # the transaction is open
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
        proc.stdout.close()
    after, ok = snapshot()
    assert ok == "ok"
    assert after == before


def test_a_column_given_twice_is_read_once_with_a_warning(park, tmp_path):
    path = write_openpyxl(tmp_path / "r.xlsx", [row(1)], extra={"营业收入(万元)": "not read"})
    outcome = _import(park, path)
    assert outcome.exit_code == 0
    assert any("W列“营业收入(万元)”与F列重复，已忽略" in w for w in outcome.check.warnings)
    assert park.conn.execute("SELECT revenue FROM returns").fetchone() == (1001.0,)


def test_blank_rows_are_skipped_but_a_row_with_a_zero_is_read(park, tmp_path):
    from openpyxl import load_workbook

    path = write_openpyxl(tmp_path / "r.xlsx", [row(1)])
    wb = load_workbook(path)
    ws = wb.active
    ws.cell(row=3, column=2, value="   ")  # spaces only: blank
    ws.cell(row=4, column=5, value="\u3000")  # an ideographic space: blank
    ws.cell(row=5, column=6, value=0)  # a zero is a value: the row is read and rejected
    ws.cell(row=6, column=1, value=row(2)["credit_code"])
    for c, key in enumerate(KEYS[1:], start=2):
        ws.cell(row=6, column=c, value=row(2)[key])
    wb.save(path)
    outcome = _import(park, path)
    assert outcome.check.total_rows == 3
    assert {p["row"] for p in outcome.report["rejected"]} == {5}
    assert outcome.report["accepted"] == 2
