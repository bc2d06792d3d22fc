"""Issue 17: units and target texts shown in tables read English in English mode (ui.model_text), and stay
as written in Chinese."""

from __future__ import annotations

import pytest

from ui.model_text import gap_english, gap_text, target_english, target_text, unit_english, unit_text

CJK = range(0x4E00, 0xA000)


def _chinese(text: str) -> bool:
    return any(ord(ch) in CJK for ch in text)


@pytest.mark.parametrize(("unit", "english"), [
    ("亿元", "100M yuan"), ("万元", "10k yuan"), ("家", "firms"), ("件", "items"), ("人次", "person-times"),
    ("个", "units"), ("人", "people"), ("吨标准煤/万元", "tce/10k yuan"), ("%", "%"), ("个百分点", "pp"),
    ("平方公里", "km²"), ("万人", "10k people"), ("件/万人", "items per 10k people"),
])
def test_every_unit_of_the_plan_has_its_english(unit, english):
    assert unit_english(unit) == english


def test_the_template_units_all_read_english():
    """Every unit the default park file holds (indicators, reference series, talent, plan figures)."""
    import sqlite3

    from tests.conftest import TEMPLATE

    conn = sqlite3.connect(TEMPLATE)
    try:
        units = {u for (u,) in conn.execute(
            "SELECT unit FROM indicators UNION SELECT unit FROM reference_series"
            " UNION SELECT unit FROM talent_categories UNION SELECT unit FROM plan_facts")}
    finally:
        conn.close()
    assert units >= {"亿元", "家", "件", "人次", "个", "吨标准煤/万元", "%"}
    assert [u for u in units if u and _chinese(unit_english(u))] == []
    assert unit_english("奇怪单位") == "奇怪单位" and unit_english(None) is None and unit_english("") == ""


@pytest.mark.parametrize(("text", "english"), [
    ("与区经济发展保持同步", "In step with the district's economy"),
    ("五年累计新增15", "15 more in five years"),
    ("五年累计新增20000", "20000 more in five years"),
    ("十年累计新增3家", "3 more in ten years"),            # a count stays bare after its number
    ("十五年累计新增2.5亿元", "2.5 100M yuan more in 15 years"),
    ("完成市下达指标", "Meet the target set by the city"),
    ("累计新增8个", "8 more in total"),
    ("不低于3.5%", "At least 3.5%"),
    ("不超过0.45吨标准煤/万元", "At most 0.45 tce/10k yuan"),
    ("4.5", "4.5"),                                       # a number is a number in both languages
    ("园区自定的目标表述", "园区自定的目标表述"),              # a plan's own words stay as written
])
def test_target_texts(text, english):
    assert target_english(text) == english


def test_the_template_targets_all_read_english():
    import sqlite3

    from tests.conftest import TEMPLATE

    conn = sqlite3.connect(TEMPLATE)
    try:
        texts = [t for (t,) in conn.execute("SELECT target_text FROM indicators")]
    finally:
        conn.close()
    assert len(texts) == 11
    assert [t for t in texts if _chinese(target_english(t))] == []


@pytest.mark.parametrize(("text", "english"), [
    ("差1家", "1 short"), ("超出目标2.3亿元", "2.3 100M yuan above target"), ("达到目标", "Target reached"),
    ("低于目标0.002吨标准煤/万元", "0.002 tce/10k yuan below target"), ("增速差0.5个百分点", "Growth 0.5 pp below"),
    ("差1,200人次", "1,200 person-times short"),
])
def test_gap_texts(text, english):
    assert gap_english(text) == english


def test_the_window_language_decides(qapp):
    """unit_text / target_text / gap_text follow View ▸ Language: as written in Chinese, English in English."""
    before = qapp.property("changning_language")
    try:
        qapp.setProperty("changning_language", "zh_CN")
        assert (unit_text("家"), target_text("五年累计新增15"), gap_text("差1家")) == ("家", "五年累计新增15", "差1家")
        qapp.setProperty("changning_language", "en")
        assert (unit_text("家"), target_text("五年累计新增15"), gap_text("差1家")) == (
            "firms", "15 more in five years", "1 short")
        assert (unit_text(None), target_text(None), gap_text(None)) == ("", "", "")
    finally:
        qapp.setProperty("changning_language", before)


def test_a_unit_column_shows_english_and_its_numbers_keep_their_unit(qapp):
    """The way a tab uses it: Column(format=unit_text) shows the unit in English while the row keeps 家 for
    the figures formatted by it (a count stays whole)."""
    from widgets.columns import TEXT, Column, cell_text

    row = {"unit": "家", "value": 13.75}
    unit_column = Column("unit", "Unit", TEXT, format=unit_text)
    value_column = Column("value", "Value", unit_key="unit")
    before = qapp.property("changning_language")
    try:
        qapp.setProperty("changning_language", "en")
        assert (cell_text(unit_column, row), cell_text(value_column, row)) == ("firms", "14")
        qapp.setProperty("changning_language", "zh_CN")
        assert (cell_text(unit_column, row), cell_text(value_column, row)) == ("家", "14")
    finally:
        qapp.setProperty("changning_language", before)
