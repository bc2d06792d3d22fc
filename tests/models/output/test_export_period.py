"""Issue 15: the export follows the file's period — year rows, headings and the final year's wording come
from meta base_year / target_year, never 2020 / 2025."""

from __future__ import annotations

import pytest

from models.output import export_xlsx
from tests.period_park import make_period_park


@pytest.fixture
def book_2030(tmp_path):
    from openpyxl import load_workbook

    from models.store.db import open_park

    path = make_period_park(tmp_path / "十五五.sqlite", 2025, 2030)
    park = open_park(path)
    try:
        with park.transaction("edit", "test") as tx:
            tx.update("reference_years", {"code": "district_gdp", "year": 2027}, {"value": 2345.6})
        out = tmp_path / "导出.xlsx"
        export_xlsx.write_workbook(park.conn, out)
    finally:
        park.close()
    return load_workbook(out)


def _header(ws) -> list[str]:
    return [c.value for c in ws[1]]


def test_headings_name_the_files_years(book_2030):
    assert _header(book_2030["指标"])[6:10] == ["2025年基期", "2030年目标", "目标表述", "2030年预计"]
    yearly = _header(book_2030["指标年度"])
    assert yearly[-2:] == ["2025—2030年年均增速（%）", "全区2025—2030年年均增速（%）"]
    for name in ("指标", "指标年度", "参考数据", "产业", "片区", "人才"):
        assert not any("2020" in h for h in _header(book_2030[name])), name


def test_year_rows_run_over_the_files_period(book_2030):
    yearly = [r[:3] for r in book_2030["指标年度"].iter_rows(min_row=2, values_only=True)]
    assert len(yearly) == 11 * 6                                       # eleven indicators × 2025…2030
    first = yearly[0][0]
    assert [y for name, _, y in yearly if name == first] == list(range(2025, 2031))
    for sheet, at in (("产业", 2), ("片区", 1), ("人才", 3)):
        years = {r[at] for r in book_2030[sheet].iter_rows(min_row=2, values_only=True)}
        assert years == set(range(2025, 2031)), sheet
    reference = {(r[0], r[2]): r[3] for r in book_2030["参考数据"].iter_rows(min_row=2, values_only=True)}
    assert reference[("全区生产总值", 2027)] == 2345.6
    assert {y for _, y in reference} == set(range(2025, 2031))


def test_a_fifteen_year_plan_exports_every_year(tmp_path):
    from openpyxl import load_workbook

    from models.store.db import open_park

    path = make_period_park(tmp_path / "远景.sqlite", 2020, 2035)
    park = open_park(path)
    try:
        export_xlsx.write_workbook(park.conn, tmp_path / "远景.xlsx")
    finally:
        park.close()
    book = load_workbook(tmp_path / "远景.xlsx")
    assert _header(book["指标"])[6:8] == ["2020年基期", "2035年目标"]
    assert book["指标年度"].max_row - 1 == 11 * 16                       # 2020…2035: 16 years each
    years = [r[2] for r in book["指标年度"].iter_rows(min_row=2, values_only=True)][:16]
    assert years == list(range(2020, 2036))
