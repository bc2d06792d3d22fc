"""The final evaluation (2025) rules of issue 13 against figures worked out by hand: every branch of the
final statuses, gaps and their text, growth over the period, office baselines, official-only indicators."""

from __future__ import annotations

import pytest

from models.planning import progress
from models.store.period import Period
from models.planning.figures import indicator_series, status_counts
from models.store.plan import status_labels

P = Period(2020, 2025)  # the built-in plan's period


def set_official(conn, code, values):
    for year, value in values.items():
        conn.execute("UPDATE indicator_years SET official = ? WHERE code = ? AND year = ?", (value, code, year))
    conn.commit()


def set_reference(conn, code, values):
    for year, value in values.items():
        conn.execute("UPDATE reference_years SET value = ? WHERE code = ? AND year = ?", (value, code, year))
    conn.commit()


def set_office_baseline(conn, code, value, source=None):
    conn.execute("UPDATE indicators SET baseline_office = ?, baseline_office_source = ? WHERE code = ?",
                 (value, source, code))
    conn.commit()


def series_of(conn, code):
    return next(s for s in indicator_series(conn) if s.code == code)


# ------------------------------------------------------------------ level targets
def test_met_without_baseline_is_achieved_in_any_year(park):
    # R&D share 4.6 against 4.5 and technology contracts 22.3 against 21: the plan gives no 2020 figure
    set_official(park.conn, "rd_intensity", {2023: 4.6, 2025: 4.6})
    set_official(park.conn, "tech_contract_turnover", {2022: 21.0, 2025: 22.3})
    rd = series_of(park.conn, "rd_intensity")
    assert rd.baseline is None
    assert rd.years[2023].status == "achieved"
    assert rd.years[2025].status == "achieved"
    assert rd.years[2025].gap == 0
    assert rd.years[2025].gap_text == "超出目标0.1%"
    tech = series_of(park.conn, "tech_contract_turnover")
    assert tech.years[2022].status == "achieved"          # exactly on the target
    assert tech.years[2025].status == "achieved"
    assert tech.years[2025].gap_text == "超出目标1.3亿元"
    assert status_labels("achieved", 2025, P)[0] == "完成"
    assert status_labels("achieved", 2023, P)[0] == "达成目标"


@pytest.mark.parametrize("value, status, gap, text", [
    (480, "achieved", 0, "达到目标"),
    (460, "mostly_achieved", 20, "差20家"),      # p = (460 - 248) / (480 - 248) = 212/232 = 0.914 >= 0.9
    (455, "not_achieved", 25, "差25家"),         # p = 207/232 = 0.892 < 0.9
    (None, "unassessed", None, ""),
])
def test_level_final(park, value, status, gap, text):
    set_official(park.conn, "high_tech_enterprises", {2025: value})
    f = series_of(park.conn, "high_tech_enterprises").years[2025]
    assert f.status == status
    assert f.gap == gap
    assert f.gap_text == text


def test_unmet_without_baseline_unassessed_until_the_office_sets_one(park):
    conn = park.conn
    set_official(conn, "rd_intensity", {2025: 4.4})
    s = series_of(conn, "rd_intensity")
    assert s.years[2025].status == "unassessed"
    assert s.years[2025].gap == pytest.approx(0.1)     # the gap is known even when the status is not
    assert s.years[2025].gap_text == "差0.1%"
    set_office_baseline(conn, "rd_intensity", 3.5, "区统计局")
    s = series_of(conn, "rd_intensity")
    assert (s.baseline, s.baseline_plan, s.baseline_source) == (3.5, None, "office")
    assert s.baseline_office_source == "区统计局"
    assert s.years[2025].progress == pytest.approx(0.9)   # (4.4 - 3.5) / (4.5 - 3.5)
    assert s.years[2025].status == "mostly_achieved"
    assert s.years[2020].value == 3.5                      # the baseline stands for 2020
    set_office_baseline(conn, "rd_intensity", 3.6)
    # (4.4 - 3.6) / (4.5 - 3.6) = 0.889 < 0.9
    assert series_of(conn, "rd_intensity").years[2025].status == "not_achieved"


def test_office_baseline_replaces_the_plans(park):
    conn = park.conn
    set_official(conn, "high_tech_enterprises", {2025: 460})
    set_office_baseline(conn, "high_tech_enterprises", 300)
    s = series_of(conn, "high_tech_enterprises")
    assert (s.baseline, s.baseline_plan, s.baseline_source) == (300, 248, "office")
    # p = (460 - 300) / (480 - 300) = 160/180 = 0.889: not achieved with the office's baseline
    assert s.years[2025].status == "not_achieved"
    assert s.years[2023].planned == pytest.approx(300 + 180 * 0.6)
    set_office_baseline(conn, "high_tech_enterprises", None)
    s = series_of(conn, "high_tech_enterprises")
    assert (s.baseline, s.baseline_source) == (248, "plan")
    assert s.years[2025].status == "mostly_achieved"


def test_lower_is_better_level():
    # 0.5 -> 0.4: 0.409 is p = 0.091/0.1 = 0.91 of the way
    assert progress.level_final_status(0.4, 0.5, 0.4, "lower") == "achieved"
    assert progress.level_final_status(0.409, 0.5, 0.4, "lower") == "mostly_achieved"
    assert progress.level_final_status(0.45, 0.5, 0.4, "lower") == "not_achieved"
    assert progress.level_final_status(0.45, None, 0.4, "lower") == "unassessed"
    assert progress.level_final_status(0.39, None, 0.4, "lower") == "achieved"
    assert progress.gap(0.409, 0.4, "lower") == pytest.approx(0.009)
    assert progress.gap(0.39, 0.4, "lower") == 0
    assert progress.gap_text(0.45, 0.4, "吨", "lower") == "高于目标0.05吨"
    assert progress.gap_text(0.39, 0.4, "吨", "lower") == "低于目标0.01吨"
    # interim years: met is achieved without a baseline, lower is better too
    assert progress.level_status(0.39, None, 0.4, 2023, P, "lower") == "achieved"
    assert progress.level_status(0.45, None, 0.4, 2023, P, "lower") == "unassessed"


# ------------------------------------------------------------------ cumulative
@pytest.mark.parametrize("flows, total, status, gap, text", [
    ({2021: 3, 2022: 3, 2023: 3, 2024: 3, 2025: 3}, 15, "achieved", 0, "达到目标"),
    ({2021: 4, 2022: 3, 2023: 3, 2024: 3, 2025: 4}, 17, "achieved", 0, "超出目标2家"),
    ({2021: 3, 2022: 3, 2023: 3, 2024: 3, 2025: 2}, 14, "mostly_achieved", 1, "差1家"),   # 14 >= 13.5
    ({2021: 3, 2022: 3, 2023: 3, 2024: 2, 2025: 2}, 13, "not_achieved", 2, "差2家"),     # 13 < 13.5
    ({2021: 3, 2022: 3, 2023: 3, 2024: 3, 2025: None}, None, "unassessed", None, ""),
])
def test_cumulative_final(park, flows, total, status, gap, text):
    set_official(park.conn, "new_listed_companies", flows)
    s = series_of(park.conn, "new_listed_companies")
    f = s.years[2025]
    assert f.value == flows[2025]          # the year's flow (当年新增)
    assert f.cumulative == total           # the running total (累计) the status goes with
    assert (f.status, f.gap, f.gap_text) == (status, gap, text)


def test_cumulative_interim_unchanged(park):
    set_official(park.conn, "new_listed_companies", {2021: 3, 2022: 3})
    f = series_of(park.conn, "new_listed_companies").years[2022]
    assert (f.value, f.cumulative, f.status, f.gap) == (3, 6, "on_track", None)


# ------------------------------------------------------------------ keep pace over the period
def test_keep_pace_over_the_period_from_district_levels(park):
    conn = park.conn
    # tax 91.7 (2020 baseline) -> 110 (2024) -> 108 (2025): one year's fall, five years' rise
    set_official(conn, "total_tax", {2024: 110, 2025: 108})
    set_reference(conn, "district_tax", {2020: 1000, 2024: 1150, 2025: 1200})
    f = series_of(conn, "total_tax").years[2025]
    # g = (108 / 91.7)^(1/5) - 1 = 3.3263 %, r = 1.2^(1/5) - 1 = 3.7137 %: within one point -> 基本完成
    assert f.growth_period == pytest.approx(3.3263, abs=1e-4)
    assert f.district_growth_period == pytest.approx(3.7137, abs=1e-4)
    assert f.status == "mostly_achieved"
    assert f.gap == pytest.approx(3.7137 - 3.3263, abs=1e-4)
    assert f.gap_text == "增速差0.39个百分点"
    assert f.growth == pytest.approx((108 / 110 - 1) * 100)   # the year's own change is still there
    assert progress.change_text(f.growth) == "下降1.8%"
    # 91.7 -> 100: g = 1.7481 %, more than a point below 3.7137 %
    set_official(conn, "total_tax", {2025: 100})
    f = series_of(conn, "total_tax").years[2025]
    assert f.growth_period == pytest.approx(1.7481, abs=1e-4)
    assert f.status == "not_achieved"


def test_keep_pace_from_compounded_district_growth_rates(park):
    conn = park.conn
    set_official(conn, "total_revenue", {2025: 1800})
    set_reference(conn, "district_gdp_growth", {2021: 3, 2022: 3, 2023: 3, 2024: 3})
    f = series_of(conn, "total_revenue").years[2025]
    assert f.district_growth_period is None and f.status == "unassessed"   # one rate missing
    set_reference(conn, "district_gdp_growth", {2025: 3})
    f = series_of(conn, "total_revenue").years[2025]
    # r = (1.03^5)^(1/5) - 1 = 3 %; g = (1800 / 1533.63)^(1/5) - 1 = 3.2548 %
    assert f.district_growth_period == pytest.approx(3.0)
    assert f.growth_period == pytest.approx(3.2548, abs=1e-4)
    assert (f.status, f.gap, f.gap_text) == ("achieved", 0, "增速高出0.25个百分点")
    # interim years keep their yearly comparison
    set_official(conn, "total_revenue", {2021: 1579.6389})   # 1533.63 * 1.03 = +3 % against 3 %
    f = series_of(conn, "total_revenue").years[2021]
    assert f.status == "on_track" and f.growth_period is None


def test_district_period_growth_prefers_levels():
    assert progress.district_period_growth({y: 3 for y in range(2021, 2026)}, {2020: 100, 2025: 100}, P) == 0
    assert progress.district_period_growth({}, {2020: 100}, P) is None
    assert progress.period_growth(121, 100, 2) == pytest.approx(10.0)
    assert progress.period_growth(121, 0, 5) is None


# ------------------------------------------------------------------ city-assigned
@pytest.mark.parametrize("value, status, gap, text", [
    (0.39, "achieved", 0, "低于目标0.01吨标准煤/万元"),
    (0.40, "achieved", 0, "达到目标"),
    (0.42, "mostly_achieved", 0.02, "高于目标0.02吨标准煤/万元"),   # 0.42 = 1.05 × 0.40
    (0.43, "not_achieved", 0.03, "高于目标0.03吨标准煤/万元"),
])
def test_assigned_final(park, value, status, gap, text):
    conn = park.conn
    conn.execute("UPDATE indicator_years SET assigned = 0.40 WHERE code = 'energy_per_value_added' AND year = 2025")
    set_official(conn, "energy_per_value_added", {2025: value})
    f = series_of(conn, "energy_per_value_added").years[2025]
    assert f.status == status
    assert f.gap == pytest.approx(gap)
    assert f.gap_text == text


# ------------------------------------------------------------------ official figures only
def test_official_only_indicators_ignore_returns(park):
    conn = park.conn
    conn.execute("INSERT INTO import_batches (created_at, files) VALUES ('2026-01-01T00:00:00', '[]')")
    conn.execute("INSERT INTO returns (credit_code, name, year, rd_expense, invention_patents, batch_id)"
                 " VALUES ('A', '甲', 2025, 50000, 1000, 1)")
    set_reference(conn, "district_gdp", {2025: 1000})
    set_reference(conn, "resident_population", {2025: 10})
    rd = series_of(conn, "rd_intensity")
    assert rd.official_only
    assert rd.years[2025].derived == pytest.approx(0.5)   # 5 亿元 / 1000 亿元 = 0.5 %: a reference only
    assert rd.years[2025].value is None and rd.years[2025].status == "unassessed"
    patents = series_of(conn, "invention_patents_per_10k")
    assert patents.years[2025].derived == 100 and patents.years[2025].value is None
    set_official(conn, "rd_intensity", {2025: 4.6})
    assert series_of(conn, "rd_intensity").years[2025].status == "achieved"
    # a returns figure still counts for other indicators
    assert series_of(conn, "tech_contract_turnover").official_only is False


def test_final_year_counts_use_the_final_statuses(park):
    set_official(park.conn, "high_tech_enterprises", {2025: 460})
    set_official(park.conn, "mnc_rd_centres", {2025: 17})
    counts = status_counts(indicator_series(park.conn), 2025)
    assert counts == {"achieved": 1, "mostly_achieved": 1, "not_achieved": 0, "unassessed": 9}
    assert set(status_counts(indicator_series(park.conn), 2024)) == {
        "achieved", "on_track", "slightly_behind", "behind", "unassessed"}


def test_falling_figures_are_written_as_falls():
    assert progress.change_text(-1.9) == "下降1.9%"
    assert progress.change_text(1.94) == "增长1.9%"
    assert progress.change_text(-0.04) == "持平"
    assert progress.change_text(None) == ""
