"""The final evaluation report (2025): its sentences, completion table, PDF and Word document, built from a
park file with known 2025 figures and read back (pdftotext / pdfinfo, python-docx).

The 2025 figures on top of tests/known_figures.py, with the statuses worked out by hand:
- 全社会研发经费支出比例 4.6 against 4.5, no baseline: met -> 完成.
- 每万人发明专利拥有量 93.5 (B 74, T 95): p = 19.5/21 = 92.9 % >= 90 % -> 基本完成, 差1.5件.
- 技术合同成交额 22.3 against 21, the office's baseline 15 -> 完成 (the issue's own sentence).
- 园区总收入 1533.63 -> 1500: g = (1500/1533.63)^(1/5) - 1 = -0.44 % a year, the district's GDP
  (8.1, 3.2, 5.5, 5.0, 5.2 % compounded) 5.39 %: 5.83 points short -> 未完成; written 年均下降0.44% (numfmt: % with 2 decimals).
- 园区总税收 91.7 -> 108 (2024 110.1, so 2025 alone fell 1.9 %): g = (108/91.7)^(1/5) - 1 = 3.33 % against
  the district's tax (6, -2, 4, 3, 3.5 % compounded) 2.87 % -> 完成.
- 高新技术企业数 455 (B 248, T 480): p = 207/232 = 89.2 % < 90 % -> 未完成, 差25家.
- 新增上市企业 2 + 3 + 4 + 5 + 4 = 18 >= 15 -> 完成; 2025's flow 4 beside the total 18.
- 留学归国和外籍人员占比: no 2025 figure -> 无法评估.
- 外国人来华工作许可 3000 + 3500 + 4000 + 4200 + 3800 = 18,500 >= 0.9 x 20,000 -> 基本完成, 差1500人次.
- 跨国公司研发中心 18 against 17 (B 15, the plan's “15个外资研发中心”) -> 完成.
- 单位增加值综合能耗 0.0495 against the assigned 0.048 (lower is better): 3.1 % above, within 5 % -> 基本完成.
Counts: 完成 5, 基本完成 3, 未完成 2, 无法评估 1.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from models.output import report, report_final, report_text
from models.store.db import open_park
from models.store.period import Period
from tests.conftest import TEMPLATE, run_main
from tests import known_figures as known

OFFICIAL_2025 = [
    ("rd_intensity", 2025, 4.6), ("invention_patents_per_10k", 2024, 88), ("invention_patents_per_10k", 2025, 93.5),
    ("tech_contract_turnover", 2025, 22.3), ("total_revenue", 2024, 1600), ("total_revenue", 2025, 1500),
    ("total_tax", 2024, 110.1), ("total_tax", 2025, 108), ("high_tech_enterprises", 2025, 455),
    ("new_listed_companies", 2024, 5), ("new_listed_companies", 2025, 4), ("mnc_rd_centres", 2025, 18),
    ("foreign_work_permits", 2021, 3000), ("foreign_work_permits", 2022, 3500), ("foreign_work_permits", 2023, 4000),
    ("foreign_work_permits", 2024, 4200), ("foreign_work_permits", 2025, 3800),
    ("energy_per_value_added", 2025, 0.0495),
]
GDP_GROWTH = {2021: 8.1, 2022: 3.2, 2023: 5.5, 2024: 5.0, 2025: 5.2}
TAX_GROWTH = {2021: 6.0, 2022: -2.0, 2023: 4.0, 2024: 3.0, 2025: 3.5}
TECH_NOTE = "技术市场活跃，成交额稳步提升。"

EXPECTED = {  # code: (final status label, gap cell)
    "rd_intensity": ("完成", "超出目标0.1%"),
    "invention_patents_per_10k": ("基本完成", "差1.5件"),
    "tech_contract_turnover": ("完成", "超出目标1.3亿元"),
    "total_revenue": ("未完成", None),
    "total_tax": ("完成", None),
    "high_tech_enterprises": ("未完成", "差25家"),
    "new_listed_companies": ("完成", "超出目标3家"),
    "returnee_foreign_share": ("无法评估", "—"),
    "foreign_work_permits": ("基本完成", "差1500人次"),
    "mnc_rd_centres": ("完成", "超出目标1个"),
    "energy_per_value_added": ("基本完成", None),
}
SENTENCES = {
    "rd_intensity": "“十四五”期间，全社会研发经费支出相当于全区生产总值比例2025年达到4.60%，超过规划目标4.50%，完成目标。",
    "invention_patents_per_10k": ("“十四五”期间，每万人发明专利拥有量由74.0件增至93.5件，低于规划目标95.0件，差1.5件，"
                                  "完成目标进度92.86%，基本完成目标。"),
    "tech_contract_turnover": "“十四五”期间，技术合同成交额由15.00亿元增至22.30亿元，超过规划目标21.00亿元，完成目标。",
    "total_revenue": ("“十四五”期间，园区总收入由1,533.63亿元（规模以上企业口径）降至1,500.00亿元，年均下降0.44%，"
                      "低于全区同期年均增长5.39%，相差5.83个百分点，未完成目标。"),
    "total_tax": ("“十四五”期间，园区总税收由91.70亿元（规模以上企业口径）增至108.00亿元，年均增长3.33%，"
                  "高于全区同期年均增长2.87%，完成目标。"),
    "high_tech_enterprises": ("“十四五”期间，高新技术企业数（累计）由248家增至455家，低于规划目标480家，差25家，"
                              "完成目标进度89.22%，未完成目标。"),
    "new_listed_companies": ("“十四五”期间，新增上市企业数量累计18家（2021—2025年分别为2、3、4、5、4家），"
                             "超过规划目标15家，完成目标。"),
    "returnee_foreign_share": "从业人员中留学归国人员和外籍常住人员占比2025年数据暂缺，无法评估。",
    "foreign_work_permits": ("“十四五”期间，外国人来华工作许可数量累计18,500人次（2021—2025年分别为3,000、3,500、4,000、"
                             "4,200、3,800人次），为规划目标20,000人次的92.50%，差1500人次，基本完成目标。"),
    "mnc_rd_centres": "“十四五”期间，跨国公司研发总部及研发中心由15个增至18个，超过规划目标17个，完成目标。",
    "energy_per_value_added": ("2025年，单位增加值综合能耗指标为0.0495吨标准煤/万元，高于市下达指标0.0480吨标准煤/万元，"
                               "超出3.13%，基本完成目标。"),
}
TITLE = "上海张江高新技术产业开发区长宁园“十四五”规划实施情况总结评估报告"
SECTION_HEADINGS = ["一、评估依据和范围", "二、总体评价", "三、主要指标完成情况", "四、各项指标完成情况", "五、重点产业发展",
                    "六、三大片区建设", "七、人才工作", "八、规划基数与重点任务"]
GROUP_CHARTS = 2 + 1 + 2  # industries: shares, “3+3” vs the rest; zones: comparison; talent: permits, returnee share


def fill_2025(park) -> None:
    known.fill(park)
    with park.transaction("edit", "test") as tx:
        for code, year, value in OFFICIAL_2025:
            tx.update("indicator_years", {"code": code, "year": year}, {"official": value})
        tx.update("indicator_years", {"code": "energy_per_value_added", "year": 2025}, {"assigned": 0.048})
        tx.update("indicator_years", {"code": "tech_contract_turnover", "year": 2025}, {"note": TECH_NOTE})
        tx.update("indicators", {"code": "tech_contract_turnover"},
                  {"baseline_office": 15, "baseline_office_source": "区科委技术市场统计"})
        for year, gdp in GDP_GROWTH.items():
            tx.update("reference_years", {"code": "district_gdp_growth", "year": year}, {"value": gdp})
            tx.update("reference_years", {"code": "district_tax_growth", "year": year}, {"value": TAX_GROWTH[year]})


def _pdf(*args: str) -> str:
    return subprocess.run(args, capture_output=True, text=True, encoding="utf-8", check=True).stdout


@pytest.fixture(scope="module")
def final_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("final") / "长宁园2025.sqlite"
    shutil.copyfile(TEMPLATE, path)
    park = open_park(path)
    fill_2025(park)
    park.close()
    return path


@pytest.fixture(scope="module")
def content(final_file):
    park = open_park(final_file, read_only=True)
    try:
        data = report.load(park.conn, final_file.name, 2025, None)
        yield data, report_final.build(data)
    finally:
        park.close()


def _items(document) -> dict:
    return {block.code: block for section in document.sections for block in section.blocks
            if isinstance(block, report_final.IndicatorItem)}


def test_2025_is_the_final_report_with_every_part(content, final_file):
    data, document = content
    assert data.final and data.year == 2025 and data.parts == report.PARTS
    assert document.title == TITLE
    assert [s.heading for s in document.sections] == SECTION_HEADINGS
    park = open_park(final_file, read_only=True)
    try:
        assert report.load(park.conn, "x", None, None, final=True).final            # --final
        assert report.load(park.conn, "x", 2025).final                              # --year 2025
        interim = report.load(park.conn, "x", 2023, None)
        assert not interim.final and interim.parts == ("indicators",)
    finally:
        park.close()


def test_each_indicator_sentence_is_in_the_past_tense_from_its_figures(content):
    _, document = content
    items = _items(document)
    assert set(items) == set(SENTENCES)
    for code, sentence in SENTENCES.items():
        assert items[code].paragraphs[0] == sentence, code
    # the office's note follows the sentence; the office's baseline and the plan's stand-in are explained
    assert items["tech_contract_turnover"].paragraphs[-1] == "评估意见：" + TECH_NOTE
    assert items["tech_contract_turnover"].paragraphs[1] == "说明：2020年基期值采用评估部门核定的15.00亿元，来源：区科委技术市场统计。"
    assert "“15个外资研发中心”" in items["mnc_rd_centres"].paragraphs[1]
    every = "".join(p for item in items.values() for p in item.paragraphs)
    assert "增长-" not in every and "预计" not in every and "按现有趋势" not in every


def test_completion_table_counts_statuses_and_gaps(content):
    _, document = content
    table = next(b for s in document.sections for b in s.blocks
                 if isinstance(b, report_final.Table) and b.key == "completion")
    assert table.header == ("序号", "指标", "单位", "2020年\n基期", "2025年\n目标", "2025年\n实际", "完成\n情况", "差距")
    assert len(table.rows) == 11
    codes = [s.code for s in content[0].series]
    rows = dict(zip(codes, table.rows))
    for code, (label, gap) in EXPECTED.items():
        assert rows[code][6] == label, code
        if gap is not None:
            assert rows[code][7] == gap, code
    # cumulative: the total and the year's flow, labelled; the status goes with the total
    assert rows["new_listed_companies"][5] == "累计18\n当年新增4"
    assert rows["foreign_work_permits"][5] == "累计18,500\n当年新增3,800"
    # the plan's 2020 revenue is the above-scale enterprises' figure; the office's baseline is marked
    assert rows["total_revenue"][3].startswith("1,533.63\n") and "规模以上" in rows["total_revenue"][3]
    assert rows["tech_contract_turnover"][3] == "15.00\n（区核定）"
    assert rows["total_tax"][5] == "108.00\n年均增长3.33%"
    assert rows["total_revenue"][5] == "1,500.00\n年均下降0.44%"
    overview = next(s for s in document.sections if s.title == "总体评价").blocks[0].text
    assert overview == ("规划确定的11项主要指标中，完成5项，基本完成3项，未完成2项，无法评估1项。"
                        "未完成的指标为：园区总收入、高新技术企业数（累计）。")


def test_industries_and_zones_compare_2020_with_2025(tmp_path):
    path = tmp_path / "p.sqlite"
    shutil.copyfile(TEMPLATE, path)
    park = open_park(path)
    with park.transaction("edit", "test") as tx:
        # 金融服务业 100 -> 150: (1.5)^(1/5) - 1 = 8.45 % a year; 人工智能产业 20 -> 18: (0.9)^(1/5) - 1 = -2.09 %
        for name, year, value in (("金融服务业", 2020, 100.0), ("金融服务业", 2025, 150.0),
                                  ("人工智能产业", 2020, 20.0), ("人工智能产业", 2025, 18.0)):
            tx.update("industry_years", {"industry": name, "year": year, "field": "revenue"}, {"official": value})
    try:
        data = report.load(park.conn, "p", 2025, None)
        section = report_final.section_industries(data)
    finally:
        park.close()
    table = next(b for b in section.blocks if isinstance(b, report_final.Table))
    rows = {r[0]: r for r in table.rows}
    assert rows["金融服务业"][1:4] == ("100.00", "150.00", "8.45%")  # 亿元 with 2 decimals, as everywhere
    assert rows["人工智能产业"][1:4] == ("20.00", "18.00", "下降2.09%")
    # total 120 -> 168: (1.4)^(1/5) - 1 = 6.96 %
    assert table.total_row[:4] == ("合计", "120.00", "168.00", "6.96%")
    assert section.blocks[0].text == "“十四五”期间，园区各产业营业收入由120.00亿元增至168.00亿元，年均增长6.96%。"


def test_final_comment_for_lower_is_better_and_missing_figures():
    plan = {"period": Period(2020, 2025), "label": "“十四五”"}
    kw = {"direction": "lower", "baseline": 1.2, "target": 1.0, **plan}
    assert report_text.final_comment("甲指标", "吨", "level", "achieved", value=0.9, **kw) == (
        "“十四五”期间，甲指标由1.20吨降至0.90吨，低于规划目标1.00吨，完成目标。")
    assert report_text.final_comment("甲指标", "吨", "level", "not_achieved", value=1.15, gap_text="高于目标0.15吨",
                                     progress=0.25, **kw) == (
        "“十四五”期间，甲指标由1.20吨降至1.15吨，高于规划目标1.00吨，高于目标0.15吨，完成目标进度25.00%，未完成目标。")
    assert report_text.final_comment("乙", "家", "cumulative", "unassessed", target=15, flows={2021: 1, 2022: 2},
                                     **plan) == "乙缺少2023年、2024年、2025年数据，五年累计数无法计算，无法评估。"
    # another plan's period and name: its years, its length in words, its name
    assert report_text.final_comment("乙", "家", "cumulative", "achieved", target=3, cumulative=4,
                                     flows={y: 1 for y in range(2026, 2030)} | {2030: 0},
                                     period=Period(2025, 2030), label="“十五五”") == (
        "“十五五”期间，乙累计4家（2026—2030年分别为1、1、1、1、0家），超过规划目标3家，完成目标。")
    assert report_text.final_comment("乙", "家", "cumulative", "unassessed", target=15, flows={2022: 1},
                                     period=Period(2021, 2035)).startswith("乙缺少2023年、")
    assert "十五年累计数无法计算" in report_text.final_comment("乙", "家", "cumulative", "unassessed", target=15,
                                                            flows={}, period=Period(2020, 2035))
    assert report_text.change(-1.9) == "下降1.90%" and report_text.change(0.004) == "持平"
    assert report_text.movement(91.7, 90, "亿元") == "由91.70亿元降至90.00亿元"


@pytest.fixture(scope="module")
def final_pdf(final_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf") / "总结评估.pdf"
    result = run_main("report", str(final_file), "--year", "2025", "--out", str(out), timeout=300)
    assert result.returncode == 0, result.stderr
    return out


def test_pdf_text_holds_title_statuses_gaps_and_sentences(final_pdf):
    text = re.sub(r"\s+", "", _pdf("pdftotext", str(final_pdf), "-"))
    assert "总结评估" in text and TITLE in text
    assert "年度实施情况监测报告" not in text and "预计" not in text
    for label in ("完成", "基本完成", "未完成", "无法评估"):
        assert label in text
    assert "完成情况统计：完成5项，基本完成3项，未完成2项，无法评估1项" in text
    for gap in ("差1.5件", "差25家", "差1500人次", "超出目标1.3亿元"):
        assert gap in text, gap
    for sentence in SENTENCES.values():
        assert sentence in text, sentence
    assert "增长-" not in text and "下降0.44%" in text
    for heading in SECTION_HEADINGS:
        assert heading in text, heading
    info = _pdf("pdfinfo", str(final_pdf))
    assert re.search(r"^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info, re.MULTILINE)
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.MULTILINE).group(1))
    assert f"第{pages}页/共{pages}页" in text


def test_pdf_pages_render(final_pdf, tmp_path):
    subprocess.run(["pdftoppm", "-r", "40", "-png", "-f", "2", "-l", "3", str(final_pdf), str(tmp_path / "page")],
                   check=True)
    pngs = sorted(tmp_path.glob("page-*.png"))
    assert len(pngs) == 2 and all(p.stat().st_size > 5_000 for p in pngs)


# ---------------------------------------------------------------------------------------------- Word
@pytest.fixture(scope="module")
def final_docx(final_file, tmp_path_factory):
    out = tmp_path_factory.mktemp("docx") / "总结评估.docx"
    result = run_main("report", str(final_file), "--final", "--out", str(out), timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"{out}\t{len(SECTION_HEADINGS)}节"
    assert not list(out.parent.glob("*.partial"))
    import docx

    return docx.Document(str(out))


def _east_asia(font_element) -> str | None:
    from docx.oxml.ns import qn

    rpr = font_element.rPr
    return None if rpr is None or rpr.rFonts is None else rpr.rFonts.get(qn("w:eastAsia"))


def test_docx_has_heading_styles_the_indicator_table_and_a_picture_per_chart(final_docx):
    doc = final_docx
    styled = [(p.style.name, p.text) for p in doc.paragraphs]
    assert styled[0] == ("报告标题", TITLE)
    assert [t for s, t in styled if s == "Heading 1"] == SECTION_HEADINGS
    level2 = [t for s, t in styled if s == "Heading 2"]
    assert len(level2) == 11 and level2[0] == "（一）全社会研发经费支出相当于全区生产总值比例"
    assert level2[10] == "（十一）单位增加值综合能耗指标"
    # the completion table: a header row and 11 indicator rows, a real Word table
    table = doc.tables[0]
    assert len(table.rows) == 12 and len(table.columns) == 8
    assert [c.text for c in table.rows[0].cells][6] == "完成\n情况"
    body = {row.cells[1].text: row for row in table.rows[1:]}
    assert body["高新技术企业数（累计）"].cells[6].text == "未完成"
    assert body["高新技术企业数（累计）"].cells[7].text == "差25家"
    assert body["新增上市企业数量"].cells[5].text == "累计18\n当年新增4"
    # one picture per indicator chart, then the charts of industries, zones and talent
    assert len(doc.inline_shapes) == 11 + GROUP_CHARTS
    texts = [p.text for p in doc.paragraphs]
    for sentence in SENTENCES.values():
        assert sentence in texts, sentence
    assert "评估意见：" + TECH_NOTE in texts


def test_docx_pictures_are_png_at_print_resolution(final_docx):
    import io

    from PIL import Image

    shape = final_docx.inline_shapes[0]
    blob = shape._inline.graphic.graphicData.pic.blipFill.blip.embed
    image_part = final_docx.part.related_parts[blob]
    image = Image.open(io.BytesIO(image_part.blob))
    assert image.format == "PNG"
    # 156 mm wide at 200 dpi: 156 / 25.4 * 200 = 1228 pixels; shown 156 mm wide
    assert abs(image.width - 1228) <= 2
    assert abs(shape.width.mm - 156) < 0.1


def test_docx_is_a4_with_chinese_fonts_and_page_numbers(final_docx):
    from docx.oxml.ns import qn

    doc = final_docx
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert (round(section.top_margin.mm), round(section.bottom_margin.mm), round(section.left_margin.mm),
            round(section.right_margin.mm)) == (37, 35, 28, 26)
    assert _east_asia(doc.styles["Normal"].element) == "仿宋"
    assert _east_asia(doc.styles["Heading 1"].element) == "黑体"
    assert _east_asia(doc.styles["Heading 2"].element) == "楷体"
    assert doc.styles["Normal"].font.size.pt == 16
    assert doc.settings.odd_and_even_pages_header_footer
    for footer in (section.footer, section.even_page_footer):
        xml = footer.paragraphs[0]._p.xml
        assert "PAGE" in "".join(t.text for t in footer.paragraphs[0]._p.iter(qn("w:instrText")))
        assert 'w:fldCharType="begin"' in xml and "—" in footer.paragraphs[0].text


def test_interim_year_word_report_and_unwritable_target(final_file, tmp_path):
    import docx

    out = tmp_path / "2023.docx"
    assert report.build_report(final_file, out, 2023, ("indicators",)) == 2
    doc = docx.Document(str(out))
    assert doc.paragraphs[0].text.endswith("2023年度实施情况监测报告")
    assert len(doc.inline_shapes) == 11 and len(doc.tables[0].rows) == 12
    assert any("截至2023年，每万人发明专利拥有量为85.0件" in p.text for p in doc.paragraphs)
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(report.ReportError, match="报告.docx"):
        report.build_report(final_file, folder / "no-such-folder" / "报告.docx", 2023)
    assert list(folder.iterdir()) == []
