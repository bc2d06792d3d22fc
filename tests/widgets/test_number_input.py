"""Messages for a typed figure: one clean sentence per problem, the entry named once, unit-aware."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ui.i18n import install_translators
from widgets.columns import COUNT, TEXT, Column
from widgets.number_input import EntryError, parse_figure, read_number
from widgets.table_model import TableModel


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


def refusal(text, unit=None, **kwargs) -> EntryError:
    with pytest.raises(EntryError) as caught:
        parse_figure(text, unit=unit, **kwargs)
    return caught.value


@pytest.mark.parametrize("text, unit, reason", [
    ("abc", None, "不是数字"),
    ("%2", None, "不是数字"),                # an entry that looks like a placeholder stays as typed
    ("nan", None, "不是数字"),
    ("inf", None, "不是数字"),
    ("-inf", "亿元", "不是数字"),
    ("1e20", None, "数值过大"),
    ("1E+20", "亿元", "数值过大"),
    ("1e400", None, "数值过大"),
    ("99999999999999", "亿元", "数值过大"),
    ("-99,999,999,999,999", "亿元", "数值过大"),
    ("50%", "亿元", "带有百分号，但此处单位为亿元"),
    ("50％", "家", "带有百分号，但此处单位为家"),
    ("50万元", "亿元", "与此处单位（亿元）不符"),
    ("0.03万元", "吨标准煤/万元", None),          # 万元 is the end of this unit: accepted below, not here
    ("%", "%", "不是数字"),
    ("亿元", "亿元", "不是数字"),
    ("-1", "亿元", "不能为负数"),
    ("3.5", "家", "不是整数（此项为个数）"),
])
def test_each_problem_has_its_reason(chinese, text, unit, reason):
    if reason is None:
        with pytest.raises(EntryError) as caught:
            parse_figure(text, unit=unit)
        assert caught.value.reason == "与此处单位（吨标准煤/万元）不符"
        return
    error = refusal(text, unit)
    assert error.reason == reason
    assert str(error) == f"“{text}”{reason}"                  # the entry once, no closing full stop


@pytest.mark.parametrize("text, unit, expected", [
    ("50%", "%", 50.0),
    ("4.5％", "%", 4.5),
    ("50%", None, 50.0),                    # no unit given: a % sign is still read, as before units
    ("12.5亿元", "亿元", 12.5),
    ("12.5 亿元", "亿元", 12.5),
    ("1,533.63", "亿元", 1533.63),
    ("１２３", "家", 123),
    ("85件", "件", 85),
    ("1.5e3", "万元", 1500.0),               # scientific notation within the limit is a number
    ("9999999999999", "万元", 9999999999999.0),
    ("", "亿元", None),
])
def test_accepted_entries(text, unit, expected):
    value = parse_figure(text, unit=unit)
    assert value == expected and type(value) is type(expected)


def test_numbers_given_as_numbers():
    assert read_number(12.5) == 12.5
    with pytest.raises(EntryError):
        read_number(float("nan"))
    with pytest.raises(EntryError):
        read_number(float("inf"))
    with pytest.raises(EntryError):
        read_number(1e14)


def test_range_messages_use_the_unit_format(chinese):
    assert refusal("1800", whole=True, minimum=1990, maximum=2035).reason == "应在1990至2035之间"
    assert refusal("120", "%", maximum=100).reason == "不能大于100.00"
    assert refusal("2", "家", minimum=3).reason == "不能小于3"


def test_english_sentence(qapp):
    install_translators(qapp, "en")
    assert str(refusal("abc")) == "“abc” is not a number."
    assert str(refusal("50%", "亿元")) == "“50%” has a % sign, but the unit here is 亿元."


def year_model(unit):
    model = TableModel([Column("year", "年份", TEXT), Column("official", "官方数据", editable=True, unit=unit)])
    model.context = "技术合同成交额"
    model.set_rows([{"_id": 2023, "year": "2023", "official": None}])
    stored = []
    model.commit = lambda row, key, value: stored.append((row, key, value)) or True
    messages = []
    model.refused.connect(messages.append)
    return model, stored, messages


@pytest.mark.parametrize("text, message", [
    ("abc", "技术合同成交额 2023年“官方数据”：“abc”不是数字，未保存。"),
    ("1e20", "技术合同成交额 2023年“官方数据”：“1e20”数值过大，未保存。"),
    ("nan", "技术合同成交额 2023年“官方数据”：“nan”不是数字，未保存。"),
    ("99999999999999", "技术合同成交额 2023年“官方数据”：“99999999999999”数值过大，未保存。"),
    ("50%", "技术合同成交额 2023年“官方数据”：“50%”带有百分号，但此处单位为亿元，未保存。"),
    (" %5 ", "技术合同成交额 2023年“官方数据”：“%5”不是数字，未保存。"),
])
def test_year_table_says_it_once(chinese, text, message):
    model, stored, messages = year_model("亿元")
    assert not model.setData(model.index(0, 1), text)
    assert messages == [message]
    assert stored == []
    assert messages[0].count(text.strip()) == 1


def test_year_table_stores_what_fits_its_unit(chinese):
    model, stored, messages = year_model("亿元")
    assert model.setData(model.index(0, 1), "12.5亿元")
    assert stored == [(0, "official", 12.5)] and messages == []
    model, stored, messages = year_model("%")
    assert model.setData(model.index(0, 1), "4.5%")
    assert stored == [(0, "official", 4.5)] and messages == []


def test_figure_table_message_is_one_sentence(chinese):
    model = TableModel([Column("name", "名称", TEXT),
                        Column("n", "企业数", COUNT, editable=True, unit="家"),
                        Column("revenue", "营业收入", editable=True, unit="亿元")])
    model.set_rows([{"name": "人工智能", "n": 5, "revenue": 1.0}])
    model.commit = lambda row, key, value: True
    messages = []
    model.refused.connect(messages.append)
    assert not model.setData(model.index(0, 1), "abc")
    assert not model.setData(model.index(0, 1), "13.75")
    assert not model.setData(model.index(0, 2), "50%")
    assert messages == [
        "人工智能，企业数：“abc”不是数字，未保存。",
        "人工智能，企业数：“13.75”不是整数（此项为个数），未保存。",
        "人工智能，营业收入：“50%”带有百分号，但此处单位为亿元，未保存。",
    ]
    for message in messages:
        assert "。，" not in message and "，。" not in message and message.count("。") == 1




@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                   HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=25)
       | st.text(alphabet="0123456789,.-+eE% 亿元万家人次％１２", max_size=16),
       st.sampled_from([None, "亿元", "%", "家", "吨标准煤/万元", "人次"]))
def test_any_entry_gives_a_number_or_one_sentence(qapp, text, unit):
    try:
        value = parse_figure(text, unit=unit, negative=True)
    except EntryError as exc:
        assert exc.reason and str(exc).count(exc.reason) == 1
        if exc.entry:
            assert str(exc).count("“") == 1 + exc.entry.count("“")
        return
    assert value is None or (isinstance(value, (int, float)) and abs(value) <= 1e13)
