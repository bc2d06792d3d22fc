"""End to end with a made-up 15th Five-Year Plan (2026–2030), through the command line: new --plan, the
return form, returns for 2026 and 2027, official figures, statuses by the rules, report and export.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from tests.conftest import require_tool, run_main
from tests.plan_defs import fifteenth_plan_file
from tests.returns_data import row, write_openpyxl

INDUSTRIES = ("集成电路设计", "数字医疗", "商贸服务")
ZONES = ("北部科创片区", "南部数智片区")


def _new_plan(tmp_path: Path) -> Path:
    path = tmp_path / "hongwan.sqlite"
    result = run_main("new", str(path), "--plan", str(fifteenth_plan_file(tmp_path)))
    assert result.returncode == 0, result.stderr
    return path


def _form_text(tmp_path: Path) -> str:
    from python_calamine import CalamineWorkbook

    path = _new_plan(tmp_path)
    form = tmp_path / "form.xlsx"
    result = run_main("template", str(form), "--park", str(path))
    assert result.returncode == 0, result.stderr
    book = CalamineWorkbook.from_path(str(form))
    cells = [str(c) for name in book.sheet_names for r in book.get_sheet_by_name(name).to_python() for c in r]
    book.close()
    return " ".join(cells)


def test_new_plan_file_gives_a_return_form_with_its_industries_and_zones(tmp_path):
    text = _form_text(tmp_path)
    assert all(name in text for name in (*INDUSTRIES, "低空经济", "绿色低碳", *ZONES))


def test_return_form_names_nothing_of_changnings_plan(tmp_path):
    text = _form_text(tmp_path)
    assert "航空服务业" not in text and "西部临空片区" not in text


def _returns(tmp_path: Path, year: int) -> Path:
    """Four enterprises (models of tests.returns_data.row): revenue 1000+n, tax 100+n, energy 20+n,
    value added 400+n, employees 100+n, returnees 3, foreign staff 2, high-tech for odd n, n=1 listed
    in the year."""
    rows = [row(n, year=year, industry=INDUSTRIES[n % 3], zone=ZONES[n % 2], listed_year=year if n == 1 else None)
            for n in range(1, 5)]
    return write_openpyxl(tmp_path / f"returns{year}.xlsx", rows)


def _official(tmp_path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "官方数据"
    ws.append(["代码", "名称", "单位", *map(str, range(2025, 2031)), "来源", "备注"])
    ws.append(["foreign_work_permits", "外国人来华工作许可数量", "人次", None, 5000, 6000, None, None, None, "区人社局"])
    ws.append(["district_gdp_growth", "全区生产总值增长率", "%", None, 4.0, 5.0, None, None, None, "区统计局"])
    wb.save(tmp_path / "official.xlsx")
    return tmp_path / "official.xlsx"


def test_returns_official_statuses_report_export_2026_2030(tmp_path):
    path = _new_plan(tmp_path)
    result = run_main("import", str(path), str(_returns(tmp_path, 2026)), str(_returns(tmp_path, 2027)))
    assert result.returncode == 0, result.stdout + result.stderr
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT year, COUNT(*) FROM returns GROUP BY year").fetchall() == [(2026, 4), (2027, 4)]
    conn.close()
    result = run_main("import-official", str(path), str(_official(tmp_path)))
    assert result.returncode == 0, result.stdout + result.stderr

    result = run_main("summary", str(path), "--json", "--year", "2027")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["plan"] == {"name": "虹湾科学园“十五五”发展规划", "park": "虹湾科学园", "base_year": 2025,
                            "target_year": 2030}
    ind = data["indicators"]
    assert set(ind["rd_intensity"]["years"]) == {str(y) for y in range(2025, 2031)}
    y27 = {code: e["years"]["2027"] for code, e in ind.items()}
    # Σ revenue = 1001+1002+1003+1004 = 4010 万元 = 0.401 亿元; the same in 2026: growth 0 % against 5 %
    assert y27["total_revenue"]["derived"] == pytest.approx(0.401)
    assert y27["total_revenue"]["status"] == "behind"
    # (3+2)·4 = 20 of 410 employees = 4.878 %; B 4.2, T 5.5, τ = 2/5: p = 0.678/1.3 = 0.52 ≥ 0.4
    assert y27["returnee_foreign_share"]["value"] == pytest.approx(100 * 20 / 410)
    assert y27["returnee_foreign_share"]["status"] == "on_track"
    # lower is better: Σ energy 90 ÷ Σ value added 1610 = 0.0559, worse than the baseline 0.035
    assert y27["energy_per_value_added"]["value"] == pytest.approx(90 / 1610, abs=1e-6)  # summary --json keeps 6 decimals
    assert y27["energy_per_value_added"]["status"] == "behind"
    # cumulative: one listing a year, C = 2 of 20, planned 20·0.4 = 8
    assert y27["new_listed_companies"]["cumulative"] == 2
    assert y27["new_listed_companies"]["planned"] == pytest.approx(8)
    assert y27["new_listed_companies"]["status"] == "behind"
    # official only: 5000 + 6000 = 11000 of 25000, planned 10000
    assert y27["foreign_work_permits"]["cumulative"] == 11000
    assert y27["foreign_work_permits"]["status"] == "on_track"
    assert y27["high_tech_enterprises"]["value"] == 2  # n = 1, 3; no baseline: unassessed
    assert y27["high_tech_enterprises"]["status"] == "unassessed"
    assert "projection" in ind["rd_intensity"]

    pdf = tmp_path / "report.pdf"
    result = run_main("report", str(path), "--out", str(pdf), "--year", "2027")
    assert result.returncode == 0, result.stderr
    import subprocess

    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True).stdout
    assert "2030" in text and "2026" in text

    out = tmp_path / "export.xlsx"
    result = run_main("export", str(path), "--out", str(out))
    assert result.returncode == 0, result.stderr


def _fill_official(template: Path, values: dict[str, dict[int, float]]) -> Path:
    """Fill the 官方数据 sheet `official-template` wrote: {row code: {year: value}}."""
    from openpyxl import load_workbook

    wb = load_workbook(template)
    ws = wb.active
    header = [str(c.value) for c in ws[1]]
    for r in ws.iter_rows(min_row=2):
        for year, value in values.get(r[0].value, {}).items():
            r[header.index(str(year))].value = value
    out = template.with_name("filled.xlsx")
    wb.save(out)
    return out


def test_a_fifteen_year_plan_2021_2035_end_to_end(tmp_path):
    """滨江园 (tests.plan_defs.fifteen_year_plan): base 2020, target 2035, τ = (t − 2020) / 15."""
    from openpyxl import load_workbook
    from python_calamine import CalamineWorkbook

    path = tmp_path / "binjiang.sqlite"
    from tests.plan_defs import fifteen_year_plan_file

    result = run_main("new", str(path), "--plan", str(fifteen_year_plan_file(tmp_path)))
    assert result.returncode == 0, result.stderr
    form = tmp_path / "form.xlsx"
    assert run_main("template", str(form), "--park", str(path)).returncode == 0
    book = CalamineWorkbook.from_path(str(form))
    text = " ".join(str(c) for name in book.sheet_names for r in book.get_sheet_by_name(name).to_python() for c in r)
    book.close()
    assert "2035" in text and "海洋科技" in text and "滨江片区" in text

    rows = [row(n, year=2021, industry="海洋科技", zone="滨江片区", listed_year=2021 if n == 1 else None)
            for n in range(1, 5)]
    result = run_main("import", str(path), str(write_openpyxl(tmp_path / "r2021.xlsx", rows)))
    assert result.returncode == 0, result.stdout + result.stderr
    # A return for 2036 is outside the plan: refused, naming the period.
    late = run_main("import", str(path), str(write_openpyxl(tmp_path / "r2036.xlsx", [row(5, year=2036)])))
    assert "2036" in late.stdout + late.stderr and "2021—2035" in late.stdout + late.stderr

    template = tmp_path / "official.xlsx"
    assert run_main("official-template", str(template), "--park", str(path)).returncode == 0
    filled = _fill_official(template, {"quota": {2021: 0.025}, "quota_series": {2021: 0.03},
                                       "district_tax": {2020: 1000, 2021: 1050}})
    result = run_main("import-official", str(path), str(filled))
    assert result.returncode == 0, result.stdout + result.stderr

    result = run_main("summary", str(path), "--json", "--year", "2021")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["plan"]["base_year"] == 2020 and data["plan"]["target_year"] == 2035
    ind = data["indicators"]
    assert set(ind["energy"]["years"]) == {str(y) for y in range(2020, 2036)}
    y21 = {code: e["years"]["2021"] for code, e in ind.items()}
    # Σ revenue 1001..1004 = 4010 万元 = 0.401 亿元 against B 800, T 3000: τ = 1/15, planned 800 + 2200/15
    assert y21["gdp_share"]["value"] == pytest.approx(0.401)
    assert y21["gdp_share"]["planned"] == pytest.approx(800 + 2200 / 15, abs=1e-6)
    assert y21["gdp_share"]["status"] == "behind"
    # lower is better: Σ energy 90 ÷ Σ value added 1610 = 0.0559 against B 0.05, T 0.02: planned 0.048
    assert y21["energy"]["planned"] == pytest.approx(0.05 - 0.03 / 15, abs=1e-6)
    assert y21["energy"]["status"] == "behind"
    # cumulative from 2021: one listing, C = 1 of 60; planned 60/15 = 4
    assert y21["listed"]["cumulative"] == 1
    assert y21["listed"]["planned"] == pytest.approx(4)
    # assigned: 0.025 against the city's 0.03 (from quota_series, its 参照序列): on track
    assert y21["quota"]["value"] == pytest.approx(0.025)
    assert y21["quota"]["status"] == "on_track"

    pdf = tmp_path / "report.pdf"
    result = run_main("report", str(path), "--out", str(pdf), "--year", "2021")
    assert result.returncode == 0, result.stderr
    import subprocess

    text = subprocess.run([require_tool("pdftotext"), str(pdf), "-"], capture_output=True, text=True).stdout
    assert "2035" in text and "2021" in text

    out = tmp_path / "export.xlsx"
    assert run_main("export", str(path), "--out", str(out)).returncode == 0
    wb = load_workbook(out, read_only=True)
    sheet = list(wb["指标年度"].iter_rows(values_only=True))
    column = sheet[0].index("年度")
    years = {r[column] for r in sheet[1:]}
    wb.close()
    assert {2020, 2035} <= years and 2036 not in years
