"""The PDF summary report, built from a file with known figures (tests/known_figures.py) and read
back with poppler's pdftotext, pdffonts and pdfinfo."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from models.output import report, report_text
from models.store.db import open_park
from tests.conftest import TEMPLATE, require_tool, run_main
from tests import known_figures as known

# cover + summary table + 11 indicators two to a page
INDICATOR_PAGES = 1 + 1 + 6
# two to a page: industries = table, shares, "3+3" vs the rest; zones = table, chart; talent = the charts that
# have figures (returnee share, talent counts; no permits, no programmes: no empty chart is printed)
PART_PAGES = {"industries": 2, "zones": 1, "talent": 1, "plan": 5}  # plan: 33 figures on 2 pages, task counts, 72 tasks on 2


def _pdf(*args: str) -> str:
    require_tool(args[0])
    return subprocess.run(args, capture_output=True, text=True, encoding="utf-8", check=True).stdout


@pytest.fixture(scope="module")
def known_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "长宁园2023.sqlite"
    shutil.copyfile(TEMPLATE, path)
    park = open_park(path)
    known.fill(park)
    park.close()
    return path


@pytest.fixture(scope="module")
def full_report(known_file, tmp_path_factory):
    """The report with every part, built once for the module: (pdf path, text without whitespace)."""
    out = tmp_path_factory.mktemp("pdf") / "report.pdf"
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("CHANGNING_STATE_DIR", str(tmp_path_factory.mktemp("state")))
        pages = report.build_report(known_file, out, parts=report.PARTS)
    assert pages == INDICATOR_PAGES + sum(PART_PAGES.values())
    text = re.sub(r"\s+", "", _pdf("pdftotext", "-layout", str(out), "-"))
    return out, text


def test_every_indicator_name_value_and_status_label_is_printed_in_chinese(full_report, known_file):
    _, text = full_report
    park = open_park(known_file, read_only=True)
    names = dict(park.conn.execute("SELECT code, name FROM indicators"))
    park.close()
    for code, name in names.items():
        assert name in text, name
    # the comment sentences carry name, value and status; the patents one is the issue's own example
    assert "截至2023年，每万人发明专利拥有量为85.0件，完成目标进度52.38%，低于序时进度60.00%，进度滞后。" in text
    assert "截至2023年，高新技术企业数（累计）为400家，完成目标进度65.52%，高于序时进度60.00%，进度符合预期。" in text
    assert "截至2023年，跨国公司研发总部及研发中心为17个" in text and "已达成2025年目标。" in text
    assert "累计9家（当年新增4家，五年目标15家），完成目标进度60.00%，持平于序时进度60.00%，进度符合预期。" in text
    # the summary table (page 2) gives the running total and the year's flow, labelled
    table_page = re.sub(r"\s+", "", _pdf("pdftotext", "-f", "2", "-l", "2", str(full_report[0]), "-"))
    assert "累计9" in table_page and "当年新增4" in table_page
    assert "园区总收入为1,800.00亿元，比上年增长5.88%，高于全区增速5.50%，进度符合预期。" in text
    assert "单位增加值综合能耗指标为0.0500吨标准煤/万元，市下达指标为0.0480吨标准煤/万元，进度略有滞后。" in text
    assert "评估意见：" + known.NOTE in text
    # the count per status: 达成目标 1, 符合预期 3, 略有滞后 1, 滞后 1, 无法评估 5
    assert "达成目标1项符合预期3项略有滞后1项滞后1项无法评估5项" in text
    for label in set(known.EXPECTED_STATUS.values()):
        assert text.count(label) >= 2, label  # in the table and in the counts


def test_cover_and_footer_name_the_file_year_and_pages(full_report):
    out, text = full_report
    total = INDICATOR_PAGES + sum(PART_PAGES.values())
    assert "2023年度实施情况监测报告" in text
    assert "上海张江高新技术产业开发区长宁园“十四五”规划" in text
    assert text.count("长宁园2023.sqlite") >= total  # every footer, and the cover
    for n in (1, 7, total):
        assert f"第{n}页/共{total}页" in text
    for heading in ("一、主要发展指标完成情况（2023年）", "二、各项指标进展", "三、重点产业发展", "四、三大片区建设",
                    "五、人才工作"):
        assert heading in text, heading
    # the year's tables: 人工智能产业 5 亿元 (50 000 万元), 金融服务业 120.5 (official), 合计 125.5;
    # zones: 东部 3 (30 000.5 万元), 西部 5, 合计 8, tax 0.1 + 0.3 = 0.4
    assert "2023年各产业主要指标" in text and "2023年各片区主要指标" in text
    # every figure by its unit (models.base.numfmt): 家 whole, 亿元 and % with 2 decimals; the group is the plan's
    # chapter-4 group and its 3+3 mark
    assert "人工智能产业先导·3+315.00—0.3013.98" in text  # enterprises, revenue, growth, tax, high-tech, share 3.98 %
    assert "金融服务业先导·3+31120.50" in text
    # 2023's returns are incomplete (the one enterprise of 2022 has not returned, 回收率0.0%): the growth
    # column is the like-for-like one, empty here, and the note under each table says so
    raw = re.sub(r"\s+", "", _pdf("pdftotext", "-raw", str(out), "-"))
    assert "合计2125.50—0.401100.00" in raw and "合计28.00—0.401" in raw
    assert text.count("2023年报表回收率0.0%（2022年报送的1家企业中0家已报送）") == 2
    info = _pdf("pdfinfo", str(out))
    assert re.search(rf"^Pages:\s+{total}$", info, re.M)
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info, re.M)


def test_fonts_are_embedded_truetype(full_report):
    out, _ = full_report
    lines = _pdf("pdffonts", str(out)).splitlines()[2:]
    assert lines, "no fonts"
    for line in lines:
        emb = line.split()[-5]  # name type encoding emb sub uni object ID
        assert emb == "yes", line
    assert any("CJK" in line or "YaHei" in line or "Hei" in line for line in lines)


def test_charts_are_vectors_not_images(full_report):
    out, _ = full_report
    assert _pdf("pdfimages", "-list", str(out)).splitlines()[2:] == []


def test_page_count_for_each_choice_of_parts(known_file):
    park = open_park(known_file, read_only=True)
    try:
        for chosen in ([], ["industries"], ["zones"], ["talent"], ["zones", "talent"], list(report.PARTS)):
            data = report.load(park.conn, "x", 2023, chosen)
            expected = INDICATOR_PAGES + sum(PART_PAGES[p] for p in chosen if p != "indicators")
            assert len(report.pages(data)) == expected, chosen
        with pytest.raises(ValueError):
            report.normalise_parts(["budget"])
    finally:
        park.close()


def test_year_defaults_to_latest_with_data(known_file):
    park = open_park(known_file, read_only=True)
    try:
        assert report.load(park.conn, "x").year == 2023
        assert report.load(park.conn, "x", 2022).year == 2022
    finally:
        park.close()


@pytest.mark.slow
def test_report_command_writes_indicator_pages_and_refuses_bad_files(known_file, tmp_path):
    out = tmp_path / "指标.pdf"
    result = run_main("report", str(known_file), "--out", str(out), "--year", "2022")
    assert result.returncode == 0, result.stderr
    assert re.search(rf"^Pages:\s+{INDICATOR_PAGES}$", _pdf("pdfinfo", str(out)), re.M)
    text = re.sub(r"\s+", "", _pdf("pdftotext", str(out), "-"))
    assert "2022年度实施情况监测报告" in text and "截至2022年，每万人发明专利拥有量为81.0件" in text
    bad = tmp_path / "bad.sqlite"
    bad.write_text("not a database", encoding="utf-8")
    result = run_main("report", str(bad), "--out", str(tmp_path / "bad.pdf"))
    assert result.returncode == 2 and "bad.sqlite" in result.stderr
    assert not (tmp_path / "bad.pdf").exists() and not list(tmp_path.glob("*.partial"))


def test_number_formatting():
    assert report_text.number(85.0) == "85"
    assert report_text.number(1533.63) == "1,533.63"
    assert report_text.number(1533.625, unit="亿元") == "1,533.63"
    assert report_text.number(0.029, unit="吨标准煤/万元") == "0.0290"
    assert report_text.number(13.75, unit="家") == "14"  # counts whole, projections too
    assert report_text.number(20000) == "20,000"
    assert report_text.number(0.0504) == "0.0504"
    assert report_text.number(0.048) == "0.048"
    assert report_text.number(2.456) == "2.46"
    assert report_text.number(None) == "—"
    assert report_text.percent(11 / 21) == "52.38%"
    assert report_text.percent(0.6) == "60.00%"
    assert report_text.with_unit(1800, "亿元") == "1,800.00亿元"
    assert report.wrap("甲" * 60, 104) == ["甲" * 52, "甲" * 8]
    assert report.wrap("甲" * 52 + "，乙", 104) == ["甲" * 52 + "，", "乙"]


def test_comments_for_the_base_year_and_missing_figures(known_file):
    from models.planning.figures import indicator_series

    park = open_park(known_file, read_only=True)
    try:
        series = {s.code: s for s in indicator_series(park.conn)}
    finally:
        park.close()
    patents = series["invention_patents_per_10k"]
    assert report_text.indicator_comment(patents, 2020) == ["2020年为规划基期，每万人发明专利拥有量为74.0件。"]
    assert report_text.indicator_comment(series["tech_contract_turnover"], 2023) == [
        "截至2023年，技术合同成交额暂无数据，暂无法评估。"]
    # 2022: 81 -> p = 7/21 = 33.3 % against tau = 40 %: 0.833 of it -> 滞后; no projection line, which
    # extends the latest figures (2023), not 2022's
    assert report_text.indicator_comment(patents, 2022) == [
        "截至2022年，每万人发明专利拥有量为81.0件，完成目标进度33.33%，低于序时进度40.00%，进度滞后。"]
    # projection from the latest year (2023): 85 + (85 − 74) / 3 · 2 = 92.33 — 件 per 10,000 people is a ratio,
    # written with one decimal (models.base.numfmt.figure_unit): 92.3;
    # (95 − 85) / 2 = 5 a year needed
    assert report_text.indicator_comment(patents, 2023)[1] == (
        "按现有趋势，预计2025年达到92.3件，未达目标95.0件；完成目标今后每年需提高5.0件。")


def test_unwritable_target_is_reported_and_leaves_nothing(known_file, tmp_path):
    park = open_park(known_file, read_only=True)
    folder = tmp_path / "out"
    folder.mkdir()
    try:
        data = report.load(park.conn, "x", 2023)
        out = folder / "no-such-folder" / "报告.pdf"
        with pytest.raises(report.ReportError, match="报告.pdf"):
            report.write_pdf(data, out)
    finally:
        park.close()
    assert list(folder.iterdir()) == []


def test_a_percentage_needs_percentage_points_a_year(tmp_path):
    """Issue 17: “每年需提高0.0701%” is wrong — a percentage rises by 个百分点, written with 2 decimals."""
    from models.planning.figures import indicator_series

    path = tmp_path / "p.sqlite"
    shutil.copyfile(TEMPLATE, path)
    park = open_park(path)
    try:
        with park.transaction("edit", "test") as tx:
            tx.update("indicators", {"code": "rd_intensity"}, {"baseline_office": 3.8})
            tx.update("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 3.85})
            tx.update("indicator_years", {"code": "rd_intensity", "year": 2022}, {"official": 3.9})
        series = {s.code: s for s in indicator_series(park.conn)}["rd_intensity"]
    finally:
        park.close()
    # projection from 2022: 3.9 + (3.9 − 3.8) / 2 · 3 = 4.05 < 4.5; needed (4.5 − 3.9) / 3 = 0.2 points a year
    assert report_text.indicator_comment(series, 2022)[1] == (
        "按现有趋势，预计2025年达到4.05%，未达目标4.50%；完成目标今后每年需提高0.20个百分点。")


def test_a_number_is_never_broken_across_lines():
    # 51 甲 take 102 of the 104 half-widths: character by character the number was cut after "1,"
    assert report.wrap("甲" * 51 + "1,533.63%，乙", 104) == ["甲" * 51, "1,533.63%，乙"]


def test_charts_without_figures_are_left_out(known_file, full_report):
    park = open_park(known_file, read_only=True)
    try:
        talent = [plot.func.__name__ for plot in report.group_charts(park.conn, "talent", 2023)]
    finally:
        park.close()
    assert talent == ["plot_returnee_share", "plot_talent_counts"]  # no permits, no programme figures
    assert "暂无数据" not in full_report[1].replace("暂无数据，暂无法评估", "")


def test_parts_follow_one_another_without_half_empty_pages(tmp_path):
    """Industries (table and two charts) and zones (a table, no figures for a chart): four slots on two
    pages, the zones' table and heading in the lower half of the second — not a third, half-empty page."""
    path = tmp_path / "p.sqlite"
    shutil.copyfile(TEMPLATE, path)
    park = open_park(path)
    try:
        with park.transaction("edit", "test") as tx:
            tx.update("industry_years", {"industry": "金融服务业", "year": 2023, "field": "revenue"}, {"official": 120.5})
        data = report.load(park.conn, "p", 2023, ("indicators", "industries", "zones"))
        page_list = report.pages(data)
    finally:
        park.close()
    charts = page_list[INDICATOR_PAGES:]
    assert [(p.title, p.heading) for p in charts] == [("重点产业", "三、重点产业发展"), ("重点产业", "")]
