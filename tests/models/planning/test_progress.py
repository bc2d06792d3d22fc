"""The plan's assessment rules against numbers worked out by hand (models.planning.progress, models.planning.figures)."""

from __future__ import annotations

import pytest

from models.planning import progress
from models.store.period import Period
from models.planning.figures import indicator_series, latest_year_with_data, status_counts

P = Period(2020, 2025)  # the built-in plan's period


def set_official(conn, code, values: dict[int, float | None]):
    for year, value in values.items():
        conn.execute("UPDATE indicator_years SET official = ? WHERE code = ? AND year = ?", (value, code, year))
    conn.commit()


def set_reference(conn, code, values: dict[int, float | None]):
    for year, value in values.items():
        conn.execute("UPDATE reference_years SET value = ? WHERE code = ? AND year = ?", (value, code, year))
    conn.commit()


def series_of(conn, code):
    return next(s for s in indicator_series(conn) if s.code == code)


# ---------------------------------------------------------------- worked examples of the issue
def test_patents_example_is_behind():
    # 74 -> 95, 85 in 2023: p = 11/21 = 0.5238, tau = 0.6, p/tau = 0.873 < 0.9
    p = progress.level_progress(85, 74, 95)
    assert p == pytest.approx(0.5238, abs=5e-5)
    assert progress.tau(2023, P) == pytest.approx(0.6)
    assert p / progress.tau(2023, P) == pytest.approx(0.873, abs=5e-4)
    assert progress.level_status(85, 74, 95, 2023, P) == "behind"


def test_high_tech_planned_path():
    planned = [progress.planned_level(248, 480, y, P) for y in range(2021, 2026)]
    assert planned == pytest.approx([294.4, 340.8, 387.2, 433.6, 480.0])
    assert progress.planned_level(248, 480, 2020, P) == 248


def test_patents_from_the_park_file(park):
    set_official(park.conn, "invention_patents_per_10k", {2023: 85})
    s = series_of(park.conn, "invention_patents_per_10k")
    assert s.years[2020].value == 74          # no 2020 figure: the plan's baseline
    assert s.years[2021].value is None and s.years[2021].status == "unassessed"
    y = s.years[2023]
    assert y.official == 85 and y.value == 85 and y.derived is None
    assert y.planned == pytest.approx(74 + 21 * 0.6)   # 86.6
    assert y.progress == pytest.approx(11 / 21)
    assert y.status == "behind"
    # average change (85 - 74) / 3 a year, extended two more years; 10 still needed over 2 years
    assert s.projection == pytest.approx(85 + 2 * 11 / 3)
    assert s.needed_per_year == pytest.approx(5.0)
    assert s.latest_year == 2023


# ---------------------------------------------------------------- level thresholds
@pytest.mark.parametrize("value, expected", [
    (480, "achieved"),        # target met
    (500, "achieved"),
    (341, "on_track"),        # p = 93/232 = 0.4009 >= tau 0.4
    (332, "slightly_behind"),  # p = 84/232 = 0.362 >= 0.36
    (331, "behind"),           # p = 83/232 = 0.3578 < 0.36
    (340.8, "on_track"),       # exactly on the planned path despite float rounding
])
def test_level_thresholds_2022(value, expected):
    assert progress.level_status(value, 248, 480, 2022, P) == expected


def test_lower_is_better_uses_the_same_formulas():
    # B = 0.50, T = 0.40: planned 2023 = 0.50 - 0.10 * 0.6 = 0.44
    assert progress.planned_level(0.5, 0.4, 2023, P) == pytest.approx(0.44)
    # A = 0.45 in 2022: p = (-0.05) / (-0.10) = 0.5 >= tau 0.4
    assert progress.level_progress(0.45, 0.5, 0.4) == pytest.approx(0.5)
    assert progress.level_status(0.45, 0.5, 0.4, 2022, P, "lower") == "on_track"
    # A = 0.465: p = 0.35 < 0.36 -> behind; A = 0.463: p = 0.37 -> slightly behind
    assert progress.level_status(0.465, 0.5, 0.4, 2022, P, "lower") == "behind"
    assert progress.level_status(0.463, 0.5, 0.4, 2022, P, "lower") == "slightly_behind"
    # met when at or below the target; rising instead of falling is behind
    assert progress.level_status(0.39, 0.5, 0.4, 2022, P, "lower") == "achieved"
    assert progress.level_status(0.40, 0.5, 0.4, 2021, P, "lower") == "achieved"
    assert progress.level_status(0.55, 0.5, 0.4, 2021, P, "lower") == "behind"


def test_missing_baseline_target_or_value_is_unassessed(park):
    assert progress.level_status(3.0, None, 4.5, 2023, P) == "unassessed"
    assert progress.level_status(None, 74, 95, 2023, P) == "unassessed"
    assert progress.level_status(80, 74, None, 2023, P) == "unassessed"
    assert progress.planned_level(None, 4.5, 2023, P) is None
    # T == B: no progress to measure, but a met target is still met
    assert progress.level_progress(5, 5, 5) is None
    assert progress.level_status(4, 5, 5, 2023, P) == "unassessed"
    assert progress.level_status(5, 5, 5, 2023, P) == "achieved"
    # R&D intensity has no baseline in the plan: an official value alone cannot be assessed
    set_official(park.conn, "rd_intensity", {2022: 3.9})
    s = series_of(park.conn, "rd_intensity")
    assert s.years[2022].value == 3.9
    assert s.years[2022].planned is None and s.years[2022].progress is None
    assert s.years[2022].status == "unassessed"
    assert s.years[2020].value is None      # no baseline to fall back on: None, not 0


# ---------------------------------------------------------------- cumulative
def test_cumulative_running_total_and_status(park):
    # new listed companies, 15 over five years: flows 2, 3, 3 -> C_2023 = 8, planned 9, p = 0.533 < 0.54
    set_official(park.conn, "new_listed_companies", {2021: 2, 2022: 3, 2023: 3})
    s = series_of(park.conn, "new_listed_companies")
    assert [s.years[y].cumulative for y in (2021, 2022, 2023)] == [2, 5, 8]
    assert s.years[2024].cumulative is None
    assert [s.years[y].planned for y in range(2021, 2026)] == pytest.approx([3, 6, 9, 12, 15])
    assert s.years[2021].progress == pytest.approx(2 / 15)    # 0.133 < 0.9 * 0.2 = 0.18 -> behind
    assert s.years[2022].progress == pytest.approx(5 / 15)    # 0.333 < 0.9 * 0.4 = 0.36 -> behind
    assert s.years[2021].status == "behind"
    assert s.years[2023].progress == pytest.approx(8 / 15)    # 0.533 < 0.54 -> behind
    assert s.years[2022].status == "behind"
    assert s.years[2023].status == "behind"
    assert s.projection == pytest.approx(8 / 3 * 5)    # average flow 8/3 a year, five years
    assert s.needed_per_year == pytest.approx((15 - 8) / 2)


def test_cumulative_thresholds():
    # work permits 20 000: C_2023 = 10 900 -> p = 0.545 >= 0.54 slightly behind; 12 000 -> on track
    assert progress.cumulative_status(10_900, 20_000, 2023, P) == "slightly_behind"
    assert progress.cumulative_status(10_700, 20_000, 2023, P) == "behind"
    assert progress.cumulative_status(12_000, 20_000, 2023, P) == "on_track"
    assert progress.cumulative_status(20_000, 20_000, 2024, P) == "achieved"
    assert progress.cumulative_status(None, 20_000, 2023, P) == "unassessed"
    assert progress.cumulative({2021: 4000, 2022: None, 2023: 3000}, 2023, P) is None
    assert progress.cumulative({2021: 4000, 2022: 0, 2023: 3000}, 2023, P) == 7000  # a real 0 is kept
    assert progress.cumulative({2020: 9, 2021: 4}, 2020, P) is None                 # before the period


# ---------------------------------------------------------------- keep pace
def test_keep_pace_thresholds_in_percentage_points():
    g = progress.growth_percent(1620, 1500)   # 8 %
    assert g == pytest.approx(8.0)
    assert progress.keep_pace_status(g, 7.5) == "on_track"
    assert progress.keep_pace_status(g, 8.5) == "slightly_behind"    # 8 >= 8.5 - 1
    assert progress.keep_pace_status(g, 9.0) == "slightly_behind"    # boundary: exactly 1 point behind
    assert progress.keep_pace_status(g, 9.5) == "behind"
    assert progress.keep_pace_status(None, 9.5) == "unassessed"
    assert progress.keep_pace_status(g, None) == "unassessed"


def test_keep_pace_from_the_park_file(park):
    conn = park.conn
    # 2020 falls back to the baseline 1533.63; 2021 official 1686.993 -> g = 10 %
    set_official(conn, "total_revenue", {2021: 1686.993, 2022: 1770})
    set_reference(conn, "district_gdp_growth", {2021: 10.5})
    # 2022 has no growth figure: computed from district GDP 2000 -> 2200 = 10 %
    set_reference(conn, "district_gdp", {2021: 2000, 2022: 2200})
    s = series_of(conn, "total_revenue")
    assert s.years[2020].value == pytest.approx(1533.63)
    assert s.years[2021].growth == pytest.approx(10.0)
    assert s.years[2021].reference_growth == 10.5
    assert s.years[2021].status == "slightly_behind"
    # 2022: 1770 / 1686.993 - 1 = 4.92 % against 10 % -> behind
    assert s.years[2022].growth == pytest.approx((1770 / 1686.993 - 1) * 100)
    assert s.years[2022].reference_growth == pytest.approx(10.0)
    assert s.years[2022].status == "behind"
    assert s.years[2020].status == "unassessed"   # no 2019 figure
    assert s.years[2023].status == "unassessed"   # no value
    # tax: district tax growth 3 % entered, park 91.7 -> 95 = 3.6 % -> on track
    set_official(conn, "total_tax", {2021: 95})
    set_reference(conn, "district_tax_growth", {2021: 3.0})
    tax = series_of(conn, "total_tax")
    assert tax.years[2021].growth == pytest.approx((95 / 91.7 - 1) * 100)
    assert tax.years[2021].status == "on_track"
    assert "achieved" not in {f.status for f in tax.years.values()}


# ---------------------------------------------------------------- assigned
def test_assigned_target(park):
    assert progress.assigned_status(0.40, 0.40) == "on_track"
    assert progress.assigned_status(0.42, 0.40) == "slightly_behind"   # 0.42 = 1.05 * 0.40
    assert progress.assigned_status(0.43, 0.40) == "behind"
    assert progress.assigned_status(0.43, None) == "unassessed"
    conn = park.conn
    conn.execute("UPDATE indicator_years SET assigned = 0.40 WHERE code = 'energy_per_value_added' AND year = 2022")
    conn.execute("UPDATE indicator_years SET assigned = 0.38 WHERE code = 'energy_per_value_added' AND year = 2023")
    set_official(conn, "energy_per_value_added", {2022: 0.41, 2023: 0.40})
    s = series_of(conn, "energy_per_value_added")
    assert s.years[2022].status == "slightly_behind"   # 0.41 <= 0.42
    assert s.years[2023].status == "behind"            # 0.40 > 0.38 * 1.05 = 0.399
    assert s.years[2023].planned == 0.38
    assert s.years[2024].status == "unassessed"


# ---------------------------------------------------------------- values and projections
def test_official_wins_over_derived(park):
    conn = park.conn
    conn.execute("INSERT INTO import_batches (created_at, files) VALUES ('2024-01-01T00:00:00', '[]')")
    conn.execute("INSERT INTO returns (credit_code, name, year, high_tech, batch_id) VALUES ('A', '甲', 2022, 1, 1)")
    conn.commit()
    s = series_of(conn, "high_tech_enterprises")
    assert s.years[2022].derived == 1 and s.years[2022].value == 1
    set_official(conn, "high_tech_enterprises", {2022: 350})
    s = series_of(conn, "high_tech_enterprises")
    assert s.years[2022].derived == 1 and s.years[2022].value == 350
    assert s.years[2022].status == "on_track"          # p = 102/232 = 0.44 >= 0.4


def test_projection_rules():
    # average of the known values' change, baseline included: 248 (2020) -> 330 (2022) = 41 a year
    assert progress.projection_level({2020: 248, 2021: None, 2022: 330}, P) == (pytest.approx(330 + 3 * 41), 2022)
    assert progress.projection_level({2020: 248}, P) == (None, 2020)
    assert progress.projection_level({2020: None}, P) == (None, None)
    assert progress.projection_level({2020: 1, 2025: 7}, P) == (7, 2025)
    # energy use falling from 0.4 (2021) to 0.05 (2023) extends to -0.475 in 2025: no quantity goes below 0
    assert progress.projection_level({2021: 0.4, 2023: 0.05}, P) == (0.0, 2023)
    assert progress.projection_cumulative({2020: 50, 2021: 4000, 2022: 5000}, P) == (pytest.approx(22_500), 2022)
    assert progress.needed_per_year_level(330, 2022, 480, P) == pytest.approx(50)
    assert progress.needed_per_year_level(480, 2025, 480, P) is None
    assert progress.needed_per_year_cumulative(9000, 2022, 20_000, P) == pytest.approx(11_000 / 3)
    assert progress.needed_per_year_cumulative(21_000, 2022, 20_000, P) == 0


def test_latest_year_and_counts(park):
    conn = park.conn
    series = indicator_series(conn)
    assert latest_year_with_data(conn, series) == 2020   # only the plan's baselines
    counts = status_counts(series, 2020)
    # baselines of patents, high-tech enterprises and MNC R&D centres sit on their planned path
    assert counts == {"achieved": 0, "on_track": 3, "slightly_behind": 0, "behind": 0, "unassessed": 8}
    set_official(conn, "mnc_rd_centres", {2024: 17})
    series = indicator_series(conn)
    assert latest_year_with_data(conn, series) == 2024
    assert status_counts(series, 2024)["achieved"] == 1
