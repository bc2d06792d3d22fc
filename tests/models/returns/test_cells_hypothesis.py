"""Property-based tests of the cell readers: whatever a cell holds, a reader gives a value or a CellError
with a Chinese message, never another exception; and the values it gives keep their promises."""

from __future__ import annotations

import math
import re
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.returns import cells
from models.returns.cells import CellError
from models.store.period import Period
from models.store.return_form import COUNT_MAX, LISTED_YEAR_MIN

FAST = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
CJK = re.compile(r"[\u4e00-\u9fff]")

NUMBERISH = st.text(alphabet="0123456789,.-+ 　１２３４５６７８９０，．eE\u00a0", max_size=20)
WEIRD_TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=40)
SURROGATES = st.text(alphabet=st.characters(categories=["Cs"]), min_size=1, max_size=3)

PERIOD = Period(2020, 2025)  # the built-in plan's
YEAR_RANGE = (PERIOD.base, PERIOD.target)
parse_report_year = cells.report_year_parser(PERIOD)


class Unprintable:
    """An object whose str() and comparisons fail, standing in for anything a library might hand back."""

    def __str__(self):
        raise RuntimeError("no text")

    def __eq__(self, other):
        raise RuntimeError("no compare")

    __hash__ = object.__hash__


CELL = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    NUMBERISH,
    WEIRD_TEXT,
    SURROGATES,
    st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2100, 1, 1)),
    st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 1, 1)),
    st.times(),
    st.timedeltas(min_value=timedelta(days=-1000), max_value=timedelta(days=1000)),
    st.decimals(allow_nan=True),
    st.binary(max_size=10),
    st.lists(st.integers(), max_size=2),
)


def value_or_message(reader, value, *args):
    """Call the reader; a CellError must carry a non-empty Chinese message. Returns (ok, result)."""
    try:
        return True, reader(value, *args)
    except CellError as exc:
        message = str(exc)
        assert message and CJK.search(message), f"{reader.__name__}({value!r}) gave message {message!r}"
        return False, None


@FAST
@given(CELL)
def test_number_gives_a_finite_float_or_a_message(value):
    ok, number = value_or_message(cells.parse_number, value)
    if ok and number is not None:
        assert isinstance(number, float) and math.isfinite(number)


@FAST
@given(CELL)
def test_amount_is_never_negative(value):
    ok, amount = value_or_message(cells.parse_amount, value)
    if ok and amount is not None:
        assert isinstance(amount, float) and math.isfinite(amount) and amount >= 0


@FAST
@given(CELL)
def test_count_is_a_whole_number_at_least_zero(value):
    ok, count = value_or_message(cells.parse_count, value)
    if ok and count is not None:
        assert type(count) is int and count >= 0


@FAST
@given(CELL)
def test_year_is_in_the_plan_period(value):
    ok, year = value_or_message(parse_report_year, value)
    if ok and year is not None:
        assert type(year) is int and YEAR_RANGE[0] <= year <= YEAR_RANGE[1]


@FAST
@given(CELL, st.one_of(st.none(), st.integers(min_value=1900, max_value=2030)))
def test_listed_year_is_not_after_the_report_year(value, report_year):
    ok, year = value_or_message(cells.parse_listed_year, value, report_year, PERIOD.target)
    if ok and year is not None:
        high = report_year if report_year is not None and report_year >= LISTED_YEAR_MIN else YEAR_RANGE[1]
        assert LISTED_YEAR_MIN <= year <= high


@FAST
@given(CELL)
def test_bool_is_zero_or_one(value):
    ok, flag = value_or_message(cells.parse_bool, value)
    if ok:
        assert flag in (0, 1) and type(flag) is int


@FAST
@given(CELL)
def test_text_is_stripped_or_none(value):
    ok, text = value_or_message(cells.parse_text, value)
    if ok and text is not None:
        assert isinstance(text, str) and text == text.strip() and text


@FAST
@given(CELL)
def test_credit_code_is_eighteen_characters_with_the_right_check(value):
    ok, code = value_or_message(cells.parse_credit_code, value)
    if ok and code is not None:
        assert len(code) == 18 and all(ch in cells.CREDIT_ALPHABET for ch in code)
        assert cells.credit_check_char(code[:17]) == code[17]


@FAST
@given(CELL)
def test_title_normalisation_never_raises(value):
    assert isinstance(cells.normalise_title(value), str)


@FAST
@given(CELL)
def test_industry_and_zone_lookup_give_a_canonical_name_or_a_message(value):
    industries = cells.industry_choices(["人工智能产业", "金融服务业", "其他"])
    zones = cells.zone_choices(["东部中山公园片区", "中部虹桥片区", "西部临空片区"])
    for choices in (industries, zones):
        ok, name = value_or_message(choices.lookup, value)
        if ok and name is not None:
            assert name in choices.names


# ------------------------------------------------------------------ values that must be read
@FAST
@given(st.integers(min_value=0, max_value=10**12), st.sampled_from(["{:,}", "{}", " {} ", "{:,}.00"]))
def test_whole_numbers_written_as_text_read_back(n, pattern):
    assert cells.parse_number(pattern.format(n)) == float(n)
    if n <= COUNT_MAX:
        assert cells.parse_count(pattern.format(n)) == n
    else:
        with pytest.raises(CellError, match="超出范围"):
            cells.parse_count(pattern.format(n))


@FAST
@given(st.integers(min_value=0, max_value=10**9))
def test_full_width_digits_read_as_the_number(n):
    full = str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    assert cells.parse_number(full) == float(n)


@FAST
@given(st.floats(min_value=-1e15, max_value=1e15, allow_nan=False))
def test_a_float_from_calamine_is_kept(x):
    assert cells.parse_number(x) == x
    if x < 0:
        ok, _ = value_or_message(cells.parse_amount, x)
        assert not ok


@FAST
@given(st.text(alphabet=cells.CREDIT_ALPHABET, min_size=17, max_size=17), st.sampled_from(cells.CREDIT_ALPHABET))
def test_credit_code_check_character(first17, other):
    good = cells.make_credit_code(first17)
    assert cells.parse_credit_code(good) == good
    assert cells.parse_credit_code(" " + good.lower() + " ") == good
    if other != good[17]:
        ok, _ = value_or_message(cells.parse_credit_code, first17 + other)
        assert not ok


def test_examples_of_bad_cells_give_chinese_messages():
    for reader, value in [(cells.parse_number, "约100"), (cells.parse_number, "N/A"), (cells.parse_count, 3.5),
                          (cells.parse_count, -1), (cells.parse_amount, "-0.5"), (parse_report_year, 2019), (parse_report_year, 2026),
                          (cells.parse_bool, "也许"), (cells.parse_number, True), (cells.parse_number, math.inf),
                          (cells.parse_number, datetime(2024, 3, 1)), (cells.parse_number, Decimal("NaN")),
                          (cells.parse_number, time(12, 0)), (cells.parse_credit_code, "9131010512345678")]:
        ok, _ = value_or_message(reader, value)
        assert not ok, (reader.__name__, value)


def test_an_object_whose_text_fails_gives_a_message():
    """Not something calamine returns, but the readers promise to raise nothing but CellError."""
    readers = [cells.parse_number, cells.parse_amount, cells.parse_count, cells.parse_year, cells.parse_bool,
               cells.parse_credit_code, cells.parse_text]
    for reader in readers:
        ok, _ = value_or_message(reader, Unprintable())
        assert not ok, reader.__name__
    assert cells.normalise_title(Unprintable()) == ""


# ------------------------------------------------------------------ the return-row parser, through real files
def _good_row(n: int) -> list:
    from tests.test_bad_files import corpus_module

    return corpus_module().good_row(n)


WRITABLE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**15), max_value=10**15),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    NUMBERISH,
    st.text(alphabet=st.characters(codec="utf-8", categories=["L", "N", "P", "S", "Zs"]), max_size=30),
    st.datetimes(min_value=datetime(1901, 1, 1), max_value=datetime(2099, 1, 1)),
)


@st.composite
def return_rows(draw):
    """Good rows of the form with up to three cells replaced by anything a writer can put there."""
    rows = []
    for n in range(draw(st.integers(min_value=1, max_value=4))):
        row = _good_row(n + 1)
        for index in draw(st.sets(st.integers(min_value=0, max_value=len(row) - 1), max_size=3)):
            row[index] = draw(WRITABLE)
        rows.append(row)
    return rows


@settings(max_examples=25, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(rows=return_rows())
def test_any_row_is_accepted_with_typed_values_or_rejected_with_reasons(rows, tmp_path_factory):
    import sqlite3

    import xlsxwriter

    from models.returns.importer import check_files
    from models.store.return_form import COLUMNS
    from tests.conftest import TEMPLATE

    path = tmp_path_factory.mktemp("rows") / "return.xlsx"
    workbook = xlsxwriter.Workbook(str(path), {"strings_to_formulas": False, "strings_to_numbers": False})
    sheet = workbook.add_worksheet("企业报表")
    sheet.write_row(0, 0, [c.title for c in COLUMNS])
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            if isinstance(value, datetime):
                sheet.write_datetime(r, c, value, date_format)
            elif value is not None:
                sheet.write(r, c, value)
    workbook.close()
    conn = sqlite3.connect(f"{TEMPLATE.resolve().as_uri()}?mode=ro", uri=True)
    try:
        result = check_files(conn, [("return.xlsx", path)])
    finally:
        conn.close()
    assert result.files_rejected == [] or all(CJK.search(p.message) for p in result.files_rejected)
    rejected_rows = {p.row for p in result.rejected}
    accepted_rows = {r["source_row"] for r in result.accepted}
    assert not rejected_rows & accepted_rows
    assert len(accepted_rows) + result.rejected_rows == result.total_rows <= len(rows)
    for problem in result.rejected:
        assert CJK.search(problem.message) and 2 <= problem.row <= len(rows) + 1
    for index, row in enumerate(rows):
        good = _good_row(index + 1)
        # compared with types: True == 1 in Python, but a logical cell in a count column is an error
        if [(type(v), v) for v in row] == [(type(v), v) for v in good]:
            assert index + 2 in accepted_rows, result.rejected
    for row in result.accepted:
        assert YEAR_RANGE[0] <= row["year"] <= YEAR_RANGE[1]
        assert len(row["credit_code"]) == 18 and row["name"]
        for column in COLUMNS:
            value = row[column.key]
            if column.kind == "amount" and value is not None:
                assert isinstance(value, float) and value >= 0 and math.isfinite(value)
            if column.kind == "count" and value is not None:
                assert type(value) is int and value >= 0
            if column.required:
                assert value is not None, column.key
