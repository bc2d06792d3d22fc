"""What a table cell shows, by unit (issue 17's one way of writing numbers), worked out by hand."""

from __future__ import annotations

import math

import pytest

from widgets.columns import BADGE, COUNT, TEXT, Column, cell_text, number_text, sort_value


@pytest.mark.parametrize("unit, value, shown", [
    ("家", 8.0, "8"),                        # counts whole: 8, not 8.00
    ("家", 13.75, "14"),                     # a projection of a count is whole too
    ("人", 1200, "1,200"),
    ("人次", 19999.5, "20,000"),
    ("亿元", 1533.6, "1,533.60"),            # 亿元: 2 decimals, fixed
    ("亿元", 2.675, "2.68"),                 # half up on the digits as written
    ("亿元", -0.001, "0.00"),                # never -0.00
    ("万元", 12345.6, "12,346"),             # 万元 whole
    ("%", 4.5, "4.50"),                      # % 2 decimals
    ("%", 21.9667, "21.97"),
    ("个百分点", 0.0701, "0.07"),
    ("吨标准煤/万元", 0.029, "0.0290"),       # energy intensity: 4 decimals
    ("吨标准煤/万元", 0.03104, "0.0310"),
    ("年", 2025, "2025"),                    # a year is never 2,025
    (None, 0.029, "0.029"),                  # unit unknown: as needed, up to 4 decimals
    (None, 1533.6, "1,533.6"),
    (None, 8.0, "8"),
    (None, 4.42994, "4.4299"),
    ("亿元", None, ""),                      # missing: an empty cell
])
def test_unit_to_displayed_text(unit, value, shown):
    assert number_text(value, unit) == shown
    assert cell_text(Column("v", "v", unit=unit), {"v": value}) == shown


@pytest.mark.parametrize("column, row, shown", [
    (Column("g", "增长", unit="%", show_unit=True), {"g": 100.0}, "100.00%"),
    (Column("v", "数值", unit_key="unit"), {"v": 8.0, "unit": "人"}, "8"),          # the row gives the unit
    (Column("v", "数值", unit_key="unit"), {"v": 8.0, "unit": "亿元"}, "8.00"),
    (Column("v", "数值", unit_key="unit", unit="万元"), {"v": 8.4, "unit": None}, "8"),  # else the column's
    (Column("n", "人数", COUNT), {"n": 7.6}, "8"),                                  # a count without unit
    (Column("n", "人数"), {"n": 7.6, "_kind": {"n": COUNT}}, "8"),                  # a count in this row only
    (Column("y", "年份", TEXT, plain=True), {"y": 2023}, "2023"),
    (Column("y", "年份", TEXT, plain=True), {"y": "2021—2025年合计"}, "2021—2025年合计"),
    (Column("s", "状态", TEXT, choices=(("—", None), ("建设中", "building"))), {"s": "building"}, "建设中"),
    (Column("s", "状态", BADGE), {"s": ("符合预期", "#2e7d32")}, "符合预期"),
    (Column("t", "备注", TEXT), {"t": "区统计局快报"}, "区统计局快报"),
    (Column("p", "规划", format=lambda v: f"约{v}"), {"p": 3}, "约3"),
])
def test_columns_show_their_cells(column, row, shown):
    assert cell_text(column, row) == shown


def test_sort_values():
    number = Column("v", "数值", unit="亿元")
    assert sort_value(number, {"v": 2.5}) == 2.5
    assert sort_value(number, {"v": None}) == -math.inf          # missing numbers sort first
    assert sort_value(Column("t", "名称", TEXT), {"t": None}) == ""
    assert sort_value(Column("n", "指标", TEXT, sort_key="seq"), {"n": "乙", "seq": 1}) == 1
    assert sort_value(Column("s", "状态", BADGE), {"s": ("滞后", "#c62828")}) == "滞后"


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        Column("v", "数值", "numbr")


def test_whole_for_units_of_counting():
    assert Column("v", "v", unit="家").whole_for({})
    assert not Column("v", "v", unit="亿元").whole_for({})
    assert Column("v", "v", unit_key="unit").whole_for({"unit": "件"})


def test_plain_text_for_lists_without_units():
    from widgets.columns import plain_text

    assert [plain_text(v) for v in (None, "甲", 2023, 12345.5, 0.0291, True)] == ["", "甲", "2,023", "12,345.5",
                                                                                 "0.0291", "True"]
