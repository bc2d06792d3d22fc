"""`python main.py plan-template` and `new PATH --plan DEF.xlsx [--baseline-from OLD]` (issue 15)."""

from __future__ import annotations

import json
import shutil
import sqlite3

from tests.conftest import TEMPLATE, run_main
from tests.plan_defs import fifteen_year_plan_file, fifteenth_plan, fifteenth_plan_file, write_definition_book


def _summary(path) -> dict:
    result = run_main("summary", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    data.pop("file")
    return data


def test_plan_template_then_new_plan_gives_the_default_files_summary(tmp_path):
    default = tmp_path / "default.sqlite"
    assert run_main("new", str(default)).returncode == 0
    book = tmp_path / "plan.xlsx"
    result = run_main("plan-template", str(book), "--park", str(default))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(book)
    again = tmp_path / "again.sqlite"
    result = run_main("new", str(again), "--plan", str(book))
    assert result.returncode == 0, result.stderr
    assert _summary(again) == _summary(default)


def test_plan_template_without_park_writes_the_built_in_plan(tmp_path):
    book = tmp_path / "builtin.xlsx"
    assert run_main("plan-template", str(book)).returncode == 0
    from models.planning.plan_definition import read_definition

    defn = read_definition(book)
    assert (defn.park, defn.base_year, defn.target_year, len(defn.indicators)) == ("长宁园", 2020, 2025, 11)


def test_plan_template_refuses_to_overwrite_and_bad_places(tmp_path):
    book = tmp_path / "plan.xlsx"
    book.write_bytes(b"mine")
    result = run_main("plan-template", str(book))
    assert result.returncode == 2 and "已存在" in result.stderr
    assert book.read_bytes() == b"mine"
    result = run_main("plan-template", str(tmp_path / "no_such_folder" / "p.xlsx"))
    assert result.returncode == 2 and "不存在" in result.stderr
    result = run_main("plan-template", str(tmp_path / "x.xlsx"), "--park", str(tmp_path / "missing.sqlite"))
    assert result.returncode == 2 and not (tmp_path / "x.xlsx").exists()


def test_new_plan_for_the_fifteenth_and_the_fifteen_year_plan(tmp_path):
    for make, years in ((fifteenth_plan_file, (2025, 2030)), (fifteen_year_plan_file, (2020, 2035))):
        target = tmp_path / f"{years[1]}.sqlite"
        result = run_main("new", str(target), "--plan", str(make(tmp_path)))
        assert result.returncode == 0, result.stderr
        conn = sqlite3.connect(target)
        meta = dict(conn.execute("SELECT key, value FROM meta"))
        conn.close()
        assert (int(meta["base_year"]), int(meta["target_year"])) == years


def test_new_plan_with_errors_exits_2_prints_every_message_and_creates_nothing(tmp_path):
    sheets = fifteenth_plan()
    sheets["指标"][2][3] = "增长型"
    sheets["规划"][4][1] = 2045
    sheets["规划基数"][1][4] = None
    book = write_definition_book(tmp_path / "bad.xlsx", sheets)
    target = tmp_path / "p.sqlite"
    result = run_main("new", str(target), "--plan", str(book))
    assert result.returncode == 2
    assert "规划定义“bad.xlsx”有3处问题，未创建文件：" in result.stderr
    assert "工作表“指标”第3行“类型”列：“增长型”不是可用的类型" in result.stderr
    assert "工作表“规划”第5行“目标年”列：规划期2025—2045年共20年，超过15年" in result.stderr
    assert "工作表“规划基数”第2行“基期值”列：规划基数须填写基期值" in result.stderr
    assert list(tmp_path.glob("p.sqlite*")) == []


def test_new_plan_refuses_an_existing_file(tmp_path):
    target = tmp_path / "p.sqlite"
    shutil.copyfile(TEMPLATE, target)
    result = run_main("new", str(target), "--plan", str(fifteenth_plan_file(tmp_path)))
    assert result.returncode == 2 and "已存在" in result.stderr
    assert target.read_bytes() == TEMPLATE.read_bytes()


def test_baseline_from_needs_plan(tmp_path):
    result = run_main("new", str(tmp_path / "p.sqlite"), "--baseline-from", str(TEMPLATE))
    assert result.returncode == 2 and "--plan" in result.stderr


def test_new_plan_baseline_from_prints_what_was_carried(tmp_path):
    old = tmp_path / "old.sqlite"
    shutil.copyfile(TEMPLATE, old)
    conn = sqlite3.connect(old)
    with conn:
        conn.execute("UPDATE indicator_years SET official = 512 WHERE code = 'high_tech_enterprises' AND year = 2025")
        conn.execute("UPDATE reference_years SET value = 5.5 WHERE code = 'district_gdp_growth' AND year = 2025")
    conn.close()
    target = tmp_path / "p.sqlite"
    result = run_main("new", str(target), "--plan", str(fifteenth_plan_file(tmp_path)), "--baseline-from", str(old))
    assert result.returncode == 0, result.stderr
    out = result.stdout.splitlines()
    assert out[0] == str(target)
    assert out[1] == "由上一规划文件“old.sqlite”结转2项，未结转13项。"
    assert "  已结转 指标 high_tech_enterprises（高新技术企业数）：2025年数据 512 作为新基期值" in out
    assert "  已结转 参考序列 district_gdp_growth（全区生产总值增长率）：2025年数据 5.5 作为新基期值" in out
    assert "  未结转 指标 carbon_per_value_added（单位增加值二氧化碳排放）：上一规划文件中没有此代码" in out
    conn = sqlite3.connect(target)
    assert conn.execute("SELECT baseline FROM indicators WHERE code = 'high_tech_enterprises'").fetchone() == (512,)
    conn.close()


def test_baseline_from_a_missing_file_exits_2(tmp_path):
    result = run_main("new", str(tmp_path / "p.sqlite"), "--plan", str(fifteenth_plan_file(tmp_path)),
                      "--baseline-from", str(tmp_path / "nope.sqlite"))
    assert result.returncode == 2 and "不存在" in result.stderr
    assert not (tmp_path / "p.sqlite").exists()
