"""The export's 操作日志 and 导入批次 read by a person: Chinese names, readable times, no JSON, no codes."""

from __future__ import annotations

import ast
import re
import sqlite3
from pathlib import Path

import pytest

from models.store import audit_text
from models.store.audit_text import (
    ACTION_NAMES,
    AUDIT_COLUMNS,
    BATCH_COLUMNS,
    audit_rows,
    batch_rows,
    field_name,
    files_text,
    format_time,
    park_kind_name,
    record_text,
    value_text,
)
from models.returns.importer import import_paths, undo_batch
from tests.conftest import TEMPLATE
from tests.returns_data import row, write_openpyxl

ROOT = Path(__file__).resolve().parents[3]


@pytest.mark.parametrize("iso, shown", [
    ("2026-12-01T11:00:33", "2026-12-01 11:00"),
    ("2026-12-01T11:00", "2026-12-01 11:00"),
    ("2026-12-01 09:05:59.123456", "2026-12-01 09:05"),
    ("2026-12-01T23:59:59+08:00", "2026-12-01 23:59"),
    ("2026-12-01", "2026-12-01"),
    (None, ""),
    ("昨天", "昨天"),                     # not a time: left as it is
])
def test_format_time(iso, shown):
    assert format_time(iso) == shown


def _action_codes() -> set[str]:
    """Every literal action code in the code base: transaction("x", …), update(…, action="x"), write(…)."""
    found = set()
    files = [ROOT / "main.py", *(ROOT / "models").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
    if (ROOT / "cli").is_dir():
        files += list((ROOT / "cli").rglob("*.py"))
    for path in files:
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", getattr(node.func, "id", ""))
            if name == "transaction" and node.args and isinstance(node.args[0], ast.Constant):
                found.add(node.args[0].value)
            for kw in node.keywords:
                if kw.arg == "action" and isinstance(kw.value, ast.Constant) and name != "add_argument":
                    found.add(kw.value.value)
                if kw.arg == "action" and isinstance(kw.value, ast.IfExp):
                    found |= {v.value for v in (kw.value.body, kw.value.orelse) if isinstance(v, ast.Constant)}
    return found


def test_every_action_code_of_the_code_base_has_a_chinese_name():
    codes = _action_codes()
    assert {"edit", "insert", "delete", "undo", "redo", "import", "undo_import"} <= codes  # the scan finds them
    assert codes <= set(ACTION_NAMES), sorted(codes - set(ACTION_NAMES))
    for name in ACTION_NAMES.values():
        assert re.search(r"[\u4e00-\u9fff]", name)


def test_every_table_and_column_of_the_park_file_has_a_chinese_name():
    conn = sqlite3.connect(TEMPLATE)
    try:
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'"):
            assert table in audit_text.TABLE_NAMES, table
            for column in conn.execute(f"PRAGMA table_info({table})"):
                if table == "audit_log":
                    continue  # the log itself is the sheet, its columns are the sheet's titles
                assert field_name(column[1], table) != column[1], (table, column[1])
    finally:
        conn.close()


def test_small_pieces():
    assert files_text('[{"file": "a.xlsx", "sha256": "00", "rows": 2}, {"file": "b.xlsx", "sha256": "11"}]') \
        == "a.xlsx、b.xlsx"
    assert files_text(["a.xlsx"]) == "a.xlsx"
    assert files_text(["C:\\报表\\a.xlsx", "/home/u/b.xlsx"]) == "a.xlsx、b.xlsx"
    assert park_kind_name("platform") == "平台" and park_kind_name("base") == "基地"
    assert field_name("official") == "官方数据" and field_name("revenue", "returns") == "营业收入（万元）"
    assert field_name("name", "zone_parks") == "名称" and field_name("name", "returns") == "企业名称"
    assert record_text("industry_years", '{"field": "revenue", "industry": "人工智能产业", "year": 2023}') \
        == "人工智能产业 2023年 营业收入"
    assert record_text("indicator_years", '{"code": "tech_contract_turnover", "year": 2023}',
                       {"indicator_years": {"tech_contract_turnover": "技术合同成交额"}}) == "技术合同成交额 2023年"
    assert record_text("zone_parks", '{"id": 99}') == "编号99"
    assert value_text("zone_parks", "kind", "cluster") == "集聚区"
    assert value_text("returns", None, "300 rows") == "300行"
    assert value_text("zone_parks", None, '{"zone": "中部虹桥片区", "name": "新园", "kind": "park", "note": null}') \
        == "片区：中部虹桥片区；名称：新园；类型：园区"


def _readable(cell) -> bool:
    if not isinstance(cell, str):
        return True
    return not re.search(r"[{}\[\]\"]|\d{4}-\d{2}-\d{2}T|\b(edit|insert|delete|undo|redo|import|gui|platform|"
                         r"cluster|indicator_years|zone_parks|returns)\b", cell)


def test_log_of_a_working_session_reads_in_chinese(park, tmp_path):
    park.update("indicator_years", {"code": "tech_contract_turnover", "year": 2023}, {"official": 18.5})
    with park.transaction("insert") as tx:
        park_id = tx.insert("zone_parks", {"zone": "中部虹桥片区", "seq": 99, "name": "测试园", "kind": "platform",
                                           "source": "办公室录入"})
    park.update("zone_parks", {"id": park_id}, {"kind": "cluster"}, action="undo")
    with park.transaction("delete") as tx:
        tx.delete("zone_parks", {"id": park_id})
    a = write_openpyxl(tmp_path / "a.xlsx", [row(1), row(2)])
    b = write_openpyxl(tmp_path / "b.xlsx", [row(3)])
    outcome = import_paths(park, [str(a), str(b)])
    batch = outcome.stored.batch_id
    undo_batch(park, batch)

    rows = audit_rows(park.conn)
    assert all(len(r) == len(AUDIT_COLUMNS) for r in rows)
    for r in rows:
        assert all(_readable(cell) for cell in r), r
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", r[1]), r
    by_action = [(r[2], r[3], r[4], r[5], r[6], r[7], r[8]) for r in rows]
    assert by_action[0] == ("修改", "指标年度数据", "技术合同成交额 2023年", "官方数据", "", "18.5", "界面录入")
    assert by_action[1] == ("新增", "片区项目", "测试园", "", "",
                            "片区：中部虹桥片区；名称：测试园；类型：平台；来源：办公室录入", "界面录入")
    assert by_action[2] == ("撤销", "片区项目", "测试园", "类型", "平台", "集聚区", "界面录入")
    assert by_action[3][:3] == ("删除", "片区项目", "测试园")
    assert "名称：测试园" in by_action[3][4] and "类型：集聚区" in by_action[3][4]
    imports = [r for r in rows if r[2] == "导入企业报表"]
    assert [(r[3], r[4], r[7], r[8], r[9]) for r in imports] == [
        ("导入批次", f"第{batch}批", "a.xlsx、b.xlsx", "企业报表导入", batch),
        ("企业报表", f"第{batch}批", "3行", "企业报表导入", batch),
    ]
    undone = [r for r in rows if r[2] == "撤销导入"]
    assert undone[0][3:6] == ("导入批次", f"第{batch}批", "撤销时间")
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", undone[0][7])
    assert undone[1][3:7] == ("企业报表", f"第{batch}批", "", "3行")

    (batch_shown,) = batch_rows(park.conn)
    assert len(batch_shown) == len(BATCH_COLUMNS)
    assert batch_shown[0] == batch and batch_shown[4] == "a.xlsx、b.xlsx" and batch_shown[5:9] == (3, 0, 0, 0)
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", batch_shown[1])
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", batch_shown[9])


def test_a_code_known_to_the_file_is_named_after_its_row_is_gone(park):
    # talent codes resolve through talent_categories
    park.update("talent_years", {"code": "academicians", "year": 2022}, {"official": 3})
    (shown,) = audit_rows(park.conn)
    assert shown[3:5] == ("人才年度数据", "两院院士 2022年")
