"""报表口径 (models.planning.derivation): the fixed list of forms, read leniently, and the values they give,
worked out by hand on a handful of returns."""

from __future__ import annotations

import sqlite3

import pytest

from models.planning.derivation import DerivationError, derive, describe, parse


def test_forms_by_key_or_by_the_forms_titles_and_full_width_signs():
    assert parse("sum(revenue) / 10000").columns == ("revenue",)
    same = parse("SUM（营业收入（万元））÷10000")
    assert (same.form, same.columns, same.scale) == ("sum", ("revenue",), pytest.approx(1e-4))
    share = parse("share(留学归国人员 ＋ 外籍常住人员，从业人员期末人数)")
    assert share.columns == ("returnees", "foreign_staff", "employees")
    assert parse("count_yes(是否高新技术企业)").columns == ("high_tech",)
    assert parse("per_ref(rd_expense, District_GDP) * 2", ("District_GDP",)).ref == "District_GDP"
    assert parse("  ") is None and parse(None) is None
    assert describe(parse("sum(revenue) / 10000")) == "营业收入（万元）合计 ÷ 10000"


@pytest.mark.parametrize("text, words", [
    ("avg(revenue)", "不是本软件提供的口径"),
    ("sum(turnover)", "“turnover”不是可用于 sum 的报表列"),
    ("count_yes(revenue)", "“revenue”不是可用于 count_yes 的报表列"),
    ("sum(revenue, tax)", "应写作 sum(列名)"),
    ("sum(revenue) / 0", "系数须为正数"),
    ("per_ref(revenue, gdp)", "参考序列“gdp”不在“参考序列”表中"),
])
def test_what_the_app_does_not_know_is_refused_in_chinese(text, words):
    with pytest.raises(DerivationError) as raised:
        parse(text, ("district_gdp",))
    assert words in str(raised.value) and text in str(raised.value)


def test_values_of_each_form_by_hand():
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE returns (year INTEGER, revenue REAL, high_tech INTEGER, listed_year INTEGER,"
                 " returnees INTEGER, foreign_staff INTEGER, employees INTEGER, energy REAL, value_added REAL)")
    conn.execute("CREATE TABLE reference_years (code TEXT, year INTEGER, value REAL)")
    conn.executemany("INSERT INTO returns VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        (2026, 30000, 1, 2026, 3, None, 100, 10, 400),
        (2026, 10000, 0, 2019, None, 2, 60, None, 100),   # no energy: left out of the ratio
        (2026, 20000, 1, None, 1, 1, 40, 30, 600),
        (2027, 5000, None, None, None, None, None, None, None),
    ])
    conn.execute("INSERT INTO reference_years VALUES ('pop', 2026, 20)")
    forms = {code: parse(text, ("pop",)) for code, text in {
        "revenue": "sum(revenue) / 10000",                  # 60000 万元 = 6 亿元
        "high_tech": "count_yes(high_tech)",                # 2
        "listed": "count_year(listed_year)",                # 1 (2019 is not the year)
        "share": "share(returnees + foreign_staff, employees)",   # (3 + 2 + 2) / 200 = 3.5 %
        "energy": "ratio(energy, value_added)",             # (10 + 30) / (400 + 600) = 0.04
        "per_head": "per_ref(revenue, pop)",                # 60000 / 20 = 3000
        "official": "",
    }.items()}
    values = derive(conn, forms, (2025, 2026, 2027))
    got = {code: values[code][2026] for code in forms}
    assert got == {"revenue": pytest.approx(6), "high_tech": 2, "listed": 1, "share": pytest.approx(3.5),
                   "energy": pytest.approx(0.04), "per_head": pytest.approx(3000), "official": None}
    # 2025 has no returns: nothing known, never 0; 2027's one return answers no high-tech question
    assert values["revenue"][2025] is None and values["revenue"][2027] == pytest.approx(0.5)
    assert values["high_tech"][2027] is None and values["per_head"][2027] is None
