"""The key-task register: editing a task's years and unit (one audited transaction), counts per status,
and the 重点任务 sheet exported, filled in Excel and imported back (`import-tasks`)."""

from __future__ import annotations

import pytest

from models.planning import tasks
from models.output.export_xlsx import write_workbook
from tests.conftest import run_main


def task(conn, code):
    return next(t for t in tasks.list_tasks(conn) if t.code == code)


def test_update_task_is_one_audited_transaction_and_says_what_changed(park):
    t = task(park.conn, "4.2.2")
    diff = tasks.update_task(park, t.id, unit="区商务委", years={2022: {"status": "推进中", "note": "已集聚3家基地航司"},
                                                               2023: {"status": "done", "evidence": "年报"}})
    assert diff == {"unit": (None, "区商务委"), "2022.status": (None, "in_progress"),
                    "2022.note": (None, "已集聚3家基地航司"), "2023.status": (None, "done"),
                    "2023.evidence": (None, "年报")}
    t = task(park.conn, "4.2.2")
    assert t.unit == "区商务委" and t.status(2022) == "in_progress" and t.status(2023) == "done"
    assert t.industry == "航空服务业"
    audit = park.conn.execute("SELECT DISTINCT at, action FROM audit_log WHERE table_name IN ('tasks', 'task_years')")
    assert len(audit.fetchall()) == 1  # one transaction
    assert park.conn.execute("SELECT COUNT(*) FROM audit_log WHERE table_name IN ('tasks', 'task_years')"
                             ).fetchone()[0] == 5
    assert tasks.update_task(park, t.id, years={2022: {"status": "推进中"}}) == {}


def test_a_bad_status_writes_nothing(park):
    t = task(park.conn, "3.1.1")
    with pytest.raises(tasks.TaskEntryError, match="状态“差不多”无效，应为未启动、推进中、已完成、滞后、已调整之一"):
        tasks.update_task(park, t.id, unit="甲", years={2021: {"status": "差不多"}})
    assert task(park.conn, "3.1.1").unit is None
    assert park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 0


def test_counts_and_filter_per_status_and_year(park):
    ids = [t.id for t in tasks.list_tasks(park.conn)]
    tasks.update_task(park, ids[0], years={2023: {"status": "done"}})
    tasks.update_task(park, ids[1], years={2023: {"status": "done"}, 2024: {"status": "behind"}})
    tasks.update_task(park, ids[2], years={2023: {"status": "behind"}})
    all_tasks = tasks.list_tasks(park.conn)
    counts = tasks.status_counts(all_tasks, 2023)
    assert counts == {"not_started": 0, "in_progress": 0, "done": 2, "behind": 1, "adjusted": 0, "unset": 69}
    assert [t.id for t in tasks.list_tasks(park.conn, status="done", year=2023)] == ids[:2]
    assert [t.id for t in tasks.list_tasks(park.conn, status="behind", year=2024)] == [ids[1]]
    assert len(tasks.list_tasks(park.conn, status="unset", year=2024)) == 71


def export(park, tmp_path):
    out = tmp_path / "export.xlsx"
    write_workbook(park.conn, out)
    return out


def fill(path, cells: dict[tuple[int, str], object]):
    """Write cells of the 重点任务 sheet: {(row, column title): value}."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    ws = wb[tasks.SHEET_NAME]
    titles = {c.value: c.column for c in ws[1]}
    for (row, title), value in cells.items():
        ws.cell(row, titles[title], value)
    wb.save(path)
    return path


def test_round_trip_export_fill_import(park, tmp_path):
    path = export(park, tmp_path)
    assert tasks.import_tasks(park, path).changed == 0  # unchanged export: nothing to write
    # row 2 = task 3.1.1, row 5 = 3.1.4, row 6 = 3.1.5
    fill(path, {(2, "责任单位"): "区科委", (2, "2021年状态"): "已完成", (2, "2021年进展情况"): "已签约",
                (5, "2024年状态"): "滞后", (5, "2024年佐证材料"): "会议纪要"})
    result = tasks.import_tasks(park, path)
    assert (result.rows, result.accepted, result.changed, result.rejected) == (72, 72, 5, [])
    assert result.exit_code == 0
    t = task(park.conn, "3.1.1")
    assert (t.unit, t.status(2021), t.years[2021].note) == ("区科委", "done", "已签约")
    t = task(park.conn, "3.1.4")
    assert (t.status(2024), t.years[2024].evidence) == ("behind", "会议纪要")
    again = export(park, tmp_path)
    assert tasks.import_tasks(park, again).changed == 0  # what was imported is what is exported


def test_bad_rows_are_rejected_with_sheet_row_and_column_and_the_rest_imported(park, tmp_path):
    path = export(park, tmp_path)
    fill(path, {(2, "2022年状态"): "快完成了", (2, "责任单位"): "甲",
                (3, "编号"): "9.9.9",
                (4, "编号"): "3.1.1",
                (6, "2023年状态"): "推进中"})
    result = tasks.import_tasks(park, path, display="任务.xlsx")
    messages = [r["message"] for r in result.rejected]
    assert messages == [
        "“任务.xlsx”工作表“重点任务”第2行J列“2022年状态”：状态“快完成了”无效，应为未启动、推进中、已完成、滞后、已调整之一",
        "“任务.xlsx”工作表“重点任务”第3行A列“编号”：没有编号为“9.9.9”的重点任务",
        "“任务.xlsx”工作表“重点任务”第4行A列“编号”：编号“3.1.1”与第2行重复，两行均未导入",
    ]
    assert [(r["row"], r["column"]) for r in result.rejected] == [(2, "2022年状态"), (3, "编号"), (4, "编号")]
    assert task(park.conn, "3.1.1").unit is None  # its row was rejected whole
    assert result.accepted == 69  # 72 rows, 3 rejected
    assert task(park.conn, "3.1.5").status(2023) == "in_progress"
    assert result.exit_code == 1


def test_a_repeated_code_rejects_both_rows(park, tmp_path):
    path = export(park, tmp_path)
    fill(path, {(3, "编号"): "3.1.1", (2, "2021年状态"): "已完成", (3, "2021年状态"): "滞后"})
    result = tasks.import_tasks(park, path, display="x.xlsx")
    assert [r["message"] for r in result.rejected] == [
        "“x.xlsx”工作表“重点任务”第3行A列“编号”：编号“3.1.1”与第2行重复，两行均未导入"]
    assert task(park.conn, "3.1.1").status(2021) is None
    assert result.accepted == 70


def test_files_that_cannot_be_read_import_nothing(park, tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Sheet1"
    other = tmp_path / "other.xlsx"
    wb.save(other)
    result = tasks.import_tasks(park, other)
    assert result.file_error == "“other.xlsx”中没有名为“重点任务”的工作表。该文件未导入。"
    assert result.exit_code == 2
    text = tmp_path / "tasks.xlsx"
    text.write_text("编号,状态\n3.1.1,已完成\n", encoding="utf-8")
    result = tasks.import_tasks(park, text)
    assert result.exit_code == 2 and "tasks.xlsx" in result.file_error
    assert park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0] == 0


@pytest.mark.slow
def test_import_tasks_command_exit_codes(park, park_path, tmp_path):
    path = export(park, tmp_path)
    park.close()
    fill(path, {(2, "2021年状态"): "已完成"})
    done = run_main("import-tasks", str(park_path), str(path))
    assert done.returncode == 0, done.stderr
    assert "读取72行，已导入72行（修改1处），拒绝0项。" in done.stdout
    fill(path, {(3, "2021年状态"): "好"})
    some = run_main("import-tasks", str(park_path), str(path))
    assert some.returncode == 1
    assert "第3行G列“2021年状态”：状态“好”无效" in some.stderr
    missing = run_main("import-tasks", str(park_path), str(tmp_path / "none.xlsx"))
    assert missing.returncode == 2 and "找不到文件" in missing.stderr
