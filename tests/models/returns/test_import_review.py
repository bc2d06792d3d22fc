"""Issue 16, an import review that helps: industry and zone names matched by the alias table or a unique
prefix (noted), an ambiguous name refused naming the candidates, and a file imported before named first."""

from __future__ import annotations

import json
import shutil

import pytest

from models.returns import cells
from models.returns.cells import CellError
from models.returns.importer import import_paths, summary_lines, undo_batch
from tests.conftest import run_main
from tests.returns_data import code, row, write_openpyxl

TEMPLATE_INDUSTRIES = ["航空服务业", "互联网+生活性服务业", "时尚创意产业", "人工智能产业", "金融服务业",
                       "生命健康产业", "现代贸易", "信息服务", "专业服务", "在线新经济", "其他"]
ZONES = ("东部中山公园片区", "中部虹桥片区", "西部临空片区")


def test_aliases_and_unique_prefixes_are_accepted_and_remembered():
    industries = cells.industry_choices(TEMPLATE_INDUSTRIES)
    assert industries.lookup("人工智能") == "人工智能产业"       # the alias table
    assert industries.lookup("生命健康") == "生命健康产业"
    assert industries.lookup("时尚") == "时尚创意产业"           # a unique prefix
    assert industries.lookup("人工智能产业") == "人工智能产业"   # the name itself: nothing to note
    assert industries.matched == {"人工智能": ("人工智能产业", "别名"), "生命健康": ("生命健康产业", "别名"),
                                  "时尚": ("时尚创意产业", "前缀")}
    zones = cells.zone_choices(ZONES)
    assert zones.lookup("虹桥") == "中部虹桥片区" and zones.matched == {"虹桥": ("中部虹桥片区", "别名")}
    assert zones.lookup("临空片区") == "西部临空片区" and "临空片区" not in zones.matched  # documented spelling
    for guess in ("人", "AI", "生物医药"):  # one character is no prefix; nothing else is guessed
        with pytest.raises(CellError, match="不在可选范围内"):
            industries.lookup(guess)


def test_an_ambiguous_name_is_refused_naming_the_candidates():
    choices = cells.industry_choices(["信息服务", "信息技术产业", "人工智能产业", "人工智能芯片"])
    with pytest.raises(CellError) as info:
        choices.lookup("信息")
    assert str(info.value) == "所属产业“信息”不能确定是哪一个（可能是“信息服务”或“信息技术产业”），请填写完整名称"
    assert choices.lookup("人工智能") == "人工智能产业"  # the alias table decides, not a prefix
    assert choices.lookup("人工智能芯") == "人工智能芯片"


def test_lenient_matches_are_noted_and_ambiguous_rows_rejected(park, tmp_path):
    path = write_openpyxl(tmp_path / "r.xlsx", [
        row(1, industry="人工智能", zone="虹桥"), row(2, industry="人工智能", zone="中部虹桥片区"),
        row(3, industry="金融", zone="临空"), row(4, industry="服务")])
    outcome = import_paths(park, [str(path)])
    assert outcome.report["accepted"] == 3
    stored = dict(park.conn.execute("SELECT credit_code, industry FROM returns"))
    assert stored == {code(1): "人工智能产业", code(2): "人工智能产业", code(3): "金融服务业"}
    warnings = outcome.report["warnings"]
    sheet = f"“{path}”工作表“企业报表”"
    assert f"{sheet}D列“所属产业”：“人工智能”按别名表视为“人工智能产业”（第2、3行）。" in warnings
    assert f"{sheet}D列“所属产业”：“金融”按名称开头唯一匹配视为“金融服务业”（第4行）。" in warnings
    assert f"{sheet}E列“所属片区”：“虹桥”按别名表视为“中部虹桥片区”（第2行）。" in warnings
    assert f"{sheet}E列“所属片区”：“临空”按别名表视为“西部临空片区”（第4行）。" in warnings
    (problem,) = outcome.report["rejected"]
    assert problem["row"] == 5 and "“服务”不在可选范围内" in problem["message"]


def test_a_file_imported_before_is_named_first(park, park_path, tmp_path):
    first = write_openpyxl(tmp_path / "a.xlsx", [row(1), row(2)])
    outcome = import_paths(park, [str(first)])
    assert outcome.report["already_imported"] == []
    batch = outcome.stored.batch_id
    date = park.conn.execute("SELECT created_at FROM import_batches WHERE id = ?", (batch,)).fetchone()[0][:10]
    copy = tmp_path / "a-again.xlsx"
    shutil.copyfile(first, copy)  # the same bytes under another name
    other = write_openpyxl(tmp_path / "b.xlsx", [row(3)])
    again = import_paths(park, [str(other), str(copy)], dry_run=True)
    (notice,) = again.report["already_imported"]
    assert notice["file"] == str(copy) and notice["batch"] == batch and notice["date"] == date
    assert notice["message"] == f"“{copy}”：该文件已于{date}作为第{batch}批导入。"
    assert summary_lines(again)[0] == notice["message"]
    undo_batch(park, batch)  # an undone batch is no longer "imported"
    assert import_paths(park, [str(copy)], dry_run=True).report["already_imported"] == []


def test_import_command_reports_already_imported(park_path, tmp_path):
    path = write_openpyxl(tmp_path / "a.xlsx", [row(1)])
    assert run_main("import", str(park_path), str(path)).returncode == 0
    report = tmp_path / "r.json"
    proc = run_main("import", str(park_path), str(path), "--report-json", str(report))
    assert proc.returncode == 2  # nothing new: the row is a conflict, skipped
    assert proc.stdout.splitlines()[0].endswith("作为第1批导入。")
    data = json.loads(report.read_text(encoding="utf-8"))
    assert [(a["file"], a["batch"]) for a in data["already_imported"]] == [(str(path), 1)]
