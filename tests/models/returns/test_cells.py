"""Reading single return cells: every accepted spelling and every refusal, with Chinese messages."""

from __future__ import annotations

import datetime as dt

import pytest

from models.returns import cells
from models.store.period import Period
from models.returns.cells import CellError

ZONES = ("东部中山公园片区", "中部虹桥片区", "西部临空片区")


@pytest.mark.parametrize("raw, expected", [
    (1234.0, 1234.0), (12, 12.0), ("1234", 1234.0), (" 1234 ", 1234.0), ("1,234.5", 1234.5),
    ("１２３４", 1234.0), ("１，２３４．５", 1234.5), ("1 234", 1234.0), ("\u00a01,000\u00a0", 1000.0),
    (".5", 0.5), ("1.", 1.0), ("-3", -3.0), ("", None), ("   ", None), (None, None),
])
def test_numbers_given_as_numbers_or_text(raw, expected):
    assert cells.parse_number(raw) == expected


@pytest.mark.parametrize("raw", ["约100", "N/A", "100万", "1,23", "12 34", "1_000", "+", ".", "1e5", "١٢",
                                 True, float("nan"), float("inf"), dt.datetime(2023, 1, 1), "1" * 400])
def test_anything_else_in_a_number_cell_is_an_error(raw):
    with pytest.raises(CellError) as info:
        cells.parse_number(raw)
    assert "数" in str(info.value)


def test_amounts_are_not_negative():
    assert cells.parse_amount(0.0) == 0.0
    assert cells.parse_amount("2,500.25") == 2500.25
    with pytest.raises(CellError, match="不得为负"):
        cells.parse_amount(-0.5)
    with pytest.raises(CellError, match="不得为负"):
        cells.parse_amount("-1")


def test_counts_are_whole_and_not_negative():
    assert cells.parse_count(12.0) == 12 and isinstance(cells.parse_count(12.0), int)
    assert cells.parse_count("1,200") == 1200
    assert cells.parse_count("") is None
    with pytest.raises(CellError, match="整数"):
        cells.parse_count(12.5)
    with pytest.raises(CellError, match="不得为负"):
        cells.parse_count(-1.0)


def test_years():
    read = cells.report_year_parser(Period(2020, 2025))
    assert read(2023.0) == 2023
    assert read(" ２０２１ ") == 2021
    assert read(2020) == 2020                       # the base year holds figures too
    assert read("") is None
    for bad in (2019.0, 2026, "2023.5", "二〇二三"):
        with pytest.raises(CellError):
            read(bad)
    with pytest.raises(CellError, match="报告年度2026不在本规划期（2021—2025年，含基期2020年）内"):
        read(2026)
    assert cells.parse_year(2031) == 2031           # a year as such; the period is the caller's check


def test_listed_year_between_1990_and_the_report_year():
    assert cells.parse_listed_year(1990.0, 2023) == 1990
    assert cells.parse_listed_year(2023.0, 2023) == 2023
    assert cells.parse_listed_year("", 2023) is None
    with pytest.raises(CellError, match="报告年度2022"):
        cells.parse_listed_year(2023.0, 2022)
    with pytest.raises(CellError):
        cells.parse_listed_year(1989.0, 2022)


@pytest.mark.parametrize("raw, expected", [
    ("是", 1), ("否", 0), ("Y", 1), ("n", 0), ("yes", 1), ("1", 1), ("0", 0), (1.0, 1), (0.0, 0), (True, 1),
    ("", 0), (None, 0), ("  ", 0), (" 是 ", 1), ("Ｙ", 1),
])
def test_yes_no(raw, expected):
    assert cells.parse_bool(raw) == expected


@pytest.mark.parametrize("raw", ["可能", "2", 2.0, 0.5, "是的吧"])
def test_yes_no_refuses_other_values(raw):
    with pytest.raises(CellError, match="是"):
        cells.parse_bool(raw)


def test_credit_code_check_character():
    # 91350100M000100Y43 is the example code printed in GB 32100-2015's annex.
    assert cells.credit_check_char("91350100M000100Y4") == "3"
    assert cells.parse_credit_code("91350100M000100Y43") == "91350100M000100Y43"
    assert cells.parse_credit_code(" 91350100m000100y43 ") == "91350100M000100Y43"
    assert cells.parse_credit_code("９１３５０１００Ｍ０００１００Ｙ４３") == "91350100M000100Y43"
    assert cells.parse_credit_code("") is None
    with pytest.raises(CellError, match="校验位错误.*应为“3”"):
        cells.parse_credit_code("91350100M000100Y44")
    with pytest.raises(CellError, match="18位"):
        cells.parse_credit_code("91350100M000100Y4")
    with pytest.raises(CellError, match="不允许的字符“I”"):
        cells.parse_credit_code("91350100I000100Y43")


def test_make_credit_code_round_trips():
    for n in range(50):
        code = cells.make_credit_code(f"91310105MA{n:07d}")
        assert cells.parse_credit_code(code) == code


def test_industry_names_are_canonical():
    choices = cells.industry_choices(["航空服务业", "互联网+生活性服务业"])
    assert choices.lookup(" 航空服务业 ") == "航空服务业"
    assert choices.lookup("互联网＋生活性服务业") == "互联网+生活性服务业"
    assert choices.lookup("") is None
    with pytest.raises(CellError, match="所属产业“造船业”不在可选范围内"):
        choices.lookup("造船业")


def test_zones_also_without_their_prefix():
    choices = cells.zone_choices(ZONES)
    assert choices.lookup("中部虹桥片区") == "中部虹桥片区"
    assert choices.lookup("虹桥片区") == "中部虹桥片区"
    assert choices.lookup("临空片区") == "西部临空片区"
    with pytest.raises(CellError, match="所属片区"):
        choices.lookup("南部片区")


@pytest.mark.parametrize("title", ["其中：留学归国人员（人）", "其中:留学归国人员(人)", " 其中 ： 留学归国人员 （ 人 ） ",
                                   "留学归国人员（人）", "其中：留学归国人员［人］"])
def test_header_titles_ignore_spaces_brackets_and_colons(title):
    assert cells.normalise_title(title) == cells.normalise_title("其中：留学归国人员（人）")


def test_readers_raise_only_cell_errors():
    class Odd:
        def __str__(self):
            raise RuntimeError("no text")

    for fn in (cells.parse_number, cells.parse_amount, cells.parse_count, cells.parse_year, cells.parse_bool,
               cells.parse_credit_code, cells.zone_choices(ZONES).lookup):
        with pytest.raises(CellError):
            fn(Odd())
    assert cells.normalise_title(Odd()) == ""
