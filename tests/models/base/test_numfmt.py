"""The one number formatter: a table of unit → examples, worked out by hand."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.base import numfmt
from models.returns.cells import parse_number
from models.base.numfmt import (
    NBSP,
    change_text,
    decimals_for,
    difference_text,
    format_number,
    format_share,
    format_value,
    growth_text,
    needed_per_year_text,
    points_text,
)

# (value, unit, Chinese, English) — every unit the plan and the return form use.
TABLE = [
    # 亿元: 2 decimals, fixed, thousands separated
    (1533.63, "亿元", "1,533.63亿元", f"1,533.63{NBSP}100M{NBSP}yuan"),
    (91.7, "亿元", "91.70亿元", f"91.70{NBSP}100M{NBSP}yuan"),
    (21, "亿元", "21.00亿元", f"21.00{NBSP}100M{NBSP}yuan"),
    (2.675, "亿元", "2.68亿元", f"2.68{NBSP}100M{NBSP}yuan"),      # half up on the written digits
    (344.6634, "亿元", "344.66亿元", f"344.66{NBSP}100M{NBSP}yuan"),
    (-3.5, "亿元", "-3.50亿元", f"-3.50{NBSP}100M{NBSP}yuan"),
    # 万元: whole
    (12345.6, "万元", "12,346万元", f"12,346{NBSP}10k{NBSP}yuan"),
    (999.4, "万元", "999万元", f"999{NBSP}10k{NBSP}yuan"),
    (1234567.0, "万元", "1,234,567万元", f"1,234,567{NBSP}10k{NBSP}yuan"),
    # counts: whole, projections too
    (13.75, "家", "14家", "14"),
    (9762, "家", "9,762家", "9,762"),
    (248.0, "家", "248家", "248"),
    (74, "件", "74件", "74"),
    (85.5, "件", "86件", "86"),
    (8.0, "人", "8人", f"8{NBSP}people"),
    (20000, "人次", "20,000人次", f"20,000{NBSP}person-times"),
    (15, "个", "15个", "15"),
    (3.2, "项", "3项", "3"),
    # % and percentage points: 2 decimals
    (4.5, "%", "4.50%", "4.50%"),
    (4.4299, "%", "4.43%", "4.43%"),
    (21.9667, "%", "21.97%", "21.97%"),
    (-0.001, "%", "0.00%", "0.00%"),                                # never -0.00
    (0.0701, "个百分点", "0.07个百分点", f"0.07{NBSP}percentage{NBSP}points"),
    # energy per value added: 4 decimals
    (0.029, "吨标准煤/万元", "0.0290吨标准煤/万元", f"0.0290{NBSP}tce/10k{NBSP}yuan"),
    (0.03149, "吨标准煤/万元", "0.0315吨标准煤/万元", f"0.0315{NBSP}tce/10k{NBSP}yuan"),
    # other measures of the plan: 2 decimals
    (1234.5, "吨标准煤", "1,234.50吨标准煤", f"1,234.50{NBSP}tce"),
    (69.4, "万人", "69.40万人", f"69.40{NBSP}10k{NBSP}people"),
    (10.2, "平方公里", "10.20平方公里", f"10.20{NBSP}km²"),
    (29.5, "万平方米", "29.50万平方米", f"29.50{NBSP}10k{NBSP}m²"),
    # years are never grouped
    (2025, "年", "2025年", "2025"),
    # missing
    (None, "亿元", "—", "—"),
    (float("nan"), "%", "—", "—"),
]


@pytest.mark.parametrize("value, unit, zh, en", TABLE)
def test_each_unit_is_written_one_way(value, unit, zh, en):
    assert format_value(value, unit) == zh
    assert format_value(value, unit, language="en") == en


def test_every_unit_of_the_plan_has_a_rule():
    source = (Path(__file__).resolve().parents[3] / "scripts" / "plan_source.toml").read_text("utf-8")
    units = {line.split('"')[1] for line in source.splitlines() if line.startswith("unit = ")}
    assert units  # the plan gives units, so the check below checks something
    assert units <= set(numfmt.UNIT_DECIMALS), units - set(numfmt.UNIT_DECIMALS)
    assert units <= set(numfmt.UNIT_EN), units - set(numfmt.UNIT_EN)
    for unit in ("万元", "吨标准煤"):  # the return form's units
        assert unit in numfmt.UNIT_DECIMALS


def test_number_alone_and_unknown_units():
    assert format_number(1533.63, "亿元") == "1,533.63"
    assert format_number(1533.6, "亿元") == "1,533.60"
    assert format_number(7, None) == "7"                     # a Python int of unknown unit stays whole
    assert format_number(7.0, None) == "7.00"
    assert format_number(1.23456, None, decimals=3) == "1.235"
    assert format_number(None, "%", missing="") == ""
    assert decimals_for("亿元") == 2 and decimals_for("万元") == 0 and decimals_for("吨标准煤/万元") == 4
    assert decimals_for("家") == 0 and decimals_for("%") == 2


def test_no_breakable_space_inside_a_figure():
    for value, unit, zh, en in TABLE:
        assert " " not in zh and " " not in en, (zh, en)


@pytest.mark.parametrize("rate, zh, en", [
    (1.9, "增长1.90%", "up 1.90%"),
    (-1.9, "下降1.90%", "down 1.90%"),
    (0.004, "持平", "unchanged"),              # rounds to 0.00: no 增长0.00%
    (-0.004, "持平", "unchanged"),
    (12.345, "增长12.35%", "up 12.35%"),
    (None, "—", "—"),
])
def test_growth_text_never_says_growth_of_a_minus(rate, zh, en):
    assert growth_text(rate) == zh
    assert growth_text(rate, language="en") == en


@pytest.mark.parametrize("points, zh", [
    (0.0701, "提高0.07个百分点"), (-0.07, "降低0.07个百分点"), (0.001, "持平"), (1.5, "提高1.50个百分点"),
])
def test_points_text(points, zh):
    assert points_text(points) == zh


def test_change_text_picks_points_for_percentages_and_rates_otherwise():
    # 4.20% → 4.27%: +0.07 points, not a growth of 1.67%
    assert change_text(4.2, 4.27, "%") == "提高0.07个百分点"
    assert change_text(4.27, 4.2, "%") == "降低0.07个百分点"
    # 100 → 98.1 亿元: (98.1 - 100) / 100 = -1.9%
    assert change_text(100, 98.1, "亿元") == "下降1.90%"
    # 248 → 300 家: 52 / 248 = 20.9677…% → 20.97%
    assert change_text(248, 300, "家") == "增长20.97%"
    # from a negative base the direction follows the figure: -10 → -5 is up 50%
    assert change_text(-10, -5, "亿元") == "增长50.00%"
    assert change_text(0, 5, "亿元") == "—"
    assert change_text(None, 5, "亿元") == "—"


def test_difference_text_and_needed_per_year():
    assert difference_text(3, "家") == "增加3家"
    assert difference_text(-12.3, "亿元") == "减少12.30亿元"
    assert difference_text(0.2, "家") == "持平"                 # a count that rounds to 0
    assert difference_text(0.07, "%") == "提高0.07个百分点"
    assert difference_text(3, "家", language="en") == "up 3"
    # “每年需提高0.0701%” meant percentage points
    assert needed_per_year_text(0.0701, "%") == "0.07个百分点"
    assert needed_per_year_text(23.4, "家") == "23家"
    assert needed_per_year_text(1.25, "亿元") == "1.25亿元"


def test_excel_formats_show_the_same_decimals():
    assert numfmt.excel_format("亿元") == "#,##0.00"
    assert numfmt.excel_format("万元") == "#,##0"
    assert numfmt.excel_format("人") == "#,##0"          # 人才 counts: 8, not 8.00
    assert numfmt.excel_format("吨标准煤/万元") == "#,##0.0000"
    assert numfmt.excel_format("%") == "#,##0.00"
    assert numfmt.excel_format("年") == "0"


def test_share():
    assert format_share(0.524) == "52.40%"
    assert format_share(None) == "—"


def test_huge_figures_still_print():
    assert format_value(1e20, "亿元") == "100,000,000,000,000,000,000.00亿元"
    assert format_value(1e30, "万元").startswith("1,000,000,000,000,000,000,000,000,000,000")


def test_pure_python():
    tree = ast.parse(Path(numfmt.__file__).read_text("utf-8"))
    imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                for alias in node.names}
    imported |= {(node.module or "").split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)}
    assert imported <= {"__future__", "math", "decimal"}


# ---------------------------------------------------------------- properties


FAST = settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
UNITS = st.sampled_from(sorted(numfmt.UNIT_DECIMALS) + [None])


@FAST
@given(st.floats(min_value=-1e12, max_value=1e12, allow_nan=False), UNITS)
def test_a_formatted_figure_reads_back_within_its_rounding(value, unit):
    text = format_number(value, unit)
    places = decimals_for(unit, value)
    assert " " not in text and "e" not in text.lower()
    assert len(text.partition(".")[2]) == places
    assert abs(parse_number(text) - value) <= 0.5 * 10 ** -places * (1 + 1e-9) + abs(value) * 1e-15


@FAST
@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False))
def test_change_words_agree_with_the_sign(rate):
    text = growth_text(rate)
    printed = float(format_number(abs(rate), "%").replace(",", ""))
    assert text == "持平" if printed == 0 else text.startswith("增长" if rate > 0 else "下降")
    assert "-" not in text


def test_a_per_capita_figure_in_a_count_unit_is_a_ratio_not_a_count():
    unit = numfmt.figure_unit("每万人发明专利拥有量", "件")
    assert unit == "件/万人"
    assert numfmt.format_number(93.5, unit) == "93.5"          # not rounded to 94 like a count of 件
    assert numfmt.format_number(93.46, unit) == "93.5"
    assert numfmt.format_number(95, unit) == "95.0"
    assert numfmt.figure_unit("专利申请量", "件") == "件"     # a real count stays whole
    assert numfmt.format_number(13.75, numfmt.figure_unit("新增上市企业数量", "家")) == "14"
