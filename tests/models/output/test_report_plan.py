"""The report section on the plan's figures and tasks: pages drawn into a PDF, with the 2020 figures
against the latest year and the count of tasks per status."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from models.planning import facts, tasks

from models.output import report, report_plan


def test_fact_rows_2020_against_a_year(park):
    facts.set_year(park, "patent_applications", 2023, official=6100)
    series = facts.fact_series(park.conn)
    assert report_plan.latest_fact_year(series) == 2023
    rows = {r[1]: r for r in report_plan.fact_rows(series, 2023)}
    assert rows["专利申请总量"][3:] == ("5,506", "6,100", "+594", "+10.79")  # 594 / 5506 = 10.788 %: 2 decimals, as every % (numfmt)
    assert rows["人工智能企业"][3:] == ("200余", "—", "—", "—")
    assert rows["园区总面积"][3] == "约10.2"


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_section_pages_in_a_pdf(park, tmp_path):
    all_tasks = tasks.list_tasks(park.conn)
    tasks.update_task(park, all_tasks[0].id, unit="区科委", years={2024: {"status": "done"}})
    tasks.update_task(park, all_tasks[1].id, years={2024: {"status": "behind"}})
    facts.set_year(park, "high_tech_enterprises", 2024, official=400)
    data = report.load(park.conn, "park.sqlite", 2024)
    page_list = report_plan.plan_pages(park.conn, 2024, report.Page)
    assert len(page_list) == 1 + 1 + 3  # 33 figures on one page, the counts, 72 tasks at 26 a page
    out = tmp_path / "plan.pdf"
    report.write_pdf(data, out, page_list)
    text = subprocess.run(["pdftotext", "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "规划基数：2020年与2024年对照" in text
    assert "重点任务2024年状态统计" in text
    assert "第5页/共5页" in text.replace(" ", "")
    counts_line = next(line for line in text.splitlines() if line.strip().startswith("合计") and "72" in line)
    assert counts_line.split()[1:] == ["0", "0", "1", "1", "0", "70", "72"]
    assert "区科委" in text
