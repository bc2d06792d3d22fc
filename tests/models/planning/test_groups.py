"""Industry, zone and talent figures against sums worked out by hand from a few returns."""

from __future__ import annotations

import pytest

from models.planning import groups
from tests.models.planning.test_derive import add_batch, add_return

AI, FINANCE, TRADE = "人工智能产业", "金融服务业", "现代贸易"
EAST, CENTRE, WEST = "东部中山公园片区", "中部虹桥片区", "西部临空片区"


@pytest.fixture
def returns(park):
    conn = park.conn
    b = add_batch(conn)
    add_return(conn, b, credit_code="A", name="甲", year=2023, industry=AI, zone=WEST, revenue=50_000, tax=3_000,
               rd_expense=8_000, employees=200, returnees=6, foreign_staff=2, high_tech=1)
    add_return(conn, b, credit_code="B", name="乙", year=2023, industry=AI, zone=EAST, revenue=30_000, tax=1_000,
               employees=100, returnees=1, foreign_staff=0, high_tech=0)
    add_return(conn, b, credit_code="C", name="丙", year=2023, industry=FINANCE, zone=EAST, revenue=10_000,
               tax=500, employees=50, returnees=0, foreign_staff=0, high_tech=1)
    add_return(conn, b, credit_code="D", name="丁", year=2023, industry=TRADE, zone=CENTRE, revenue=10_000,
               tax=500, employees=50, returnees=0, foreign_staff=0, high_tech=0)
    add_return(conn, b, credit_code="A", name="甲", year=2022, industry=AI, zone=WEST, revenue=40_000, tax=2_000,
               employees=150, returnees=3, foreign_staff=1, high_tech=1)
    conn.commit()
    return park


def by_name(series):
    return {s.name: s for s in series}


def test_industry_figures_are_hand_worked_sums(returns):
    ind = by_name(groups.industry_series(returns.conn))
    assert len(ind) == 11
    ai = ind[AI].years[2023]
    assert ai["enterprises"].derived == 2
    assert ai["revenue"].derived == pytest.approx(8.0)          # (50000 + 30000) 万元
    assert ai["tax"].derived == pytest.approx(0.4)              # (3000 + 1000) 万元
    assert ai["high_tech"].derived == 1
    assert ai["rd_expense"].derived == pytest.approx(0.8)       # only A gives it
    assert ai["employees"].derived == 300
    assert ai["revenue"].official is None and ai["revenue"].value == pytest.approx(8.0)
    assert ind[AI].years[2021]["revenue"].value is None        # no returns: missing, not 0
    assert ind["航空服务业"].years[2023]["enterprises"].value is None
    # growth 2022 → 2023: 8.0 / 4.0 − 1 = 100 %
    g = groups.growth(ind[AI].values("revenue"))
    assert g[2023] == pytest.approx(100.0) and g[2022] is None and g[2020] is None


def test_official_figure_wins_and_totals_shares_key_vs_rest(returns):
    returns.update("industry_years", {"industry": FINANCE, "year": 2023, "field": "revenue"}, {"official": 2.0})
    series = groups.industry_series(returns.conn)
    ind = by_name(series)
    assert ind[FINANCE].years[2023]["revenue"].value == 2.0
    assert ind[FINANCE].years[2023]["revenue"].derived == pytest.approx(1.0)
    total = groups.totals(series)[2023]["revenue"]
    assert total.derived == pytest.approx(10.0)                 # 8 + 1 + 1 from returns
    assert total.official == pytest.approx(2.0)
    assert total.value == pytest.approx(11.0)                   # 8 + 2 (official) + 1
    shares = groups.revenue_shares(series)
    assert shares[AI][2023] == pytest.approx(8 / 11 * 100)
    assert shares[TRADE][2023] == pytest.approx(1 / 11 * 100)
    assert shares[AI][2022] == pytest.approx(100.0)
    assert shares[TRADE][2022] is None
    kvr = groups.key_vs_rest(series)
    assert kvr["key"][2023] == pytest.approx(10.0)              # AI 8 + finance 2
    assert kvr["rest"][2023] == pytest.approx(1.0)              # trade
    assert kvr["rest"][2022] is None


def test_zone_figures(returns):
    zones = by_name(groups.zone_series(returns.conn))
    assert list(zones) == [EAST, CENTRE, WEST]
    east = zones[EAST].years[2023]
    assert east["enterprises"].value == 2                       # B and C
    assert east["revenue"].value == pytest.approx(4.0)
    assert east["tax"].value == pytest.approx(0.15)
    assert east["high_tech"].value == 1
    assert zones[WEST].years[2022]["revenue"].value == pytest.approx(4.0)
    assert zones[CENTRE].years[2022]["revenue"].value is None
    total = groups.totals(list(zones.values()))[2023]
    assert total["enterprises"].value == 4 and total["revenue"].value == pytest.approx(10.0)


def test_talent_figures_and_permit_path(returns):
    conn = returns.conn
    returns.update("indicator_years", {"code": "foreign_work_permits", "year": 2021}, {"official": 3000})
    returns.update("indicator_years", {"code": "foreign_work_permits", "year": 2022}, {"official": 4500})
    returns.update("indicator_years", {"code": "foreign_work_permits", "year": 2024}, {"official": 5000})
    talent = {s.code: s for s in groups.talent_series(conn)}
    assert talent["academicians"].years[2020].value == 8        # the seed's 2020 count
    assert talent["academicians"].years[2021].value is None
    assert talent["returnees"].years[2023].value == 7           # 6 + 1
    assert talent["foreign_residents"].years[2022].value == 1
    assert talent["foreign_work_permits"].years[2021].value == 3000
    assert talent["foreign_work_permits"].table == "indicator_years"
    path = groups.permits_path(conn)
    assert path["target"] == 20000
    assert path["planned"] == {2020: 0, 2021: 4000, 2022: 8000, 2023: 12000, 2024: 16000, 2025: 20000}
    assert path["cumulative"][2021] == 3000 and path["cumulative"][2022] == 7500
    assert path["cumulative"][2023] is None                     # 2023 missing
    assert path["cumulative"][2024] is None                     # a gap would understate it
    share = groups.returnee_share(conn)
    assert share["target"] == 4.5
    assert share["values"][2023] == pytest.approx(9 / 400 * 100)  # (7 + 2) / 400 employees
    assert share["values"][2022] == pytest.approx(4 / 150 * 100)


def test_talent_official_overrides_derived(returns):
    returns.update("talent_years", {"code": "returnees", "year": 2023}, {"official": 12, "note": "人社局"})
    cell = {s.code: s for s in groups.talent_series(returns.conn)}["returnees"].years[2023]
    assert cell.value == 12 and cell.derived == 7 and cell.note == "人社局"


def test_summary_sections_shape(returns):
    data = groups.summary_sections(returns.conn)
    ai = data["industries"][AI]["years"]["2023"]["revenue"]
    assert ai == {"value": pytest.approx(8.0), "derived": pytest.approx(8.0), "official": None}
    assert data["industries"][AI]["years"]["2021"]["tax"] == {"value": None, "derived": None, "official": None}
    assert set(data["zones"]) == {EAST, CENTRE, WEST}
    assert data["zones"][EAST]["years"]["2023"]["enterprises"]["value"] == 2
    assert data["talent"]["academicians"]["years"]["2020"]["value"] == 8
    assert data["talent"]["academicians"]["name"] == "两院院士"
    assert data["talent"]["returnees"]["years"]["2023"] == {"value": 7, "derived": 7, "official": None}


def test_summary_json_carries_industries_zones_and_talent(returns, park_path):
    import json

    from tests.conftest import run_main

    returns.update("zone_years", {"zone": CENTRE, "year": 2023, "field": "revenue"}, {"official": 1.5})
    returns.close()
    done = run_main("summary", str(park_path), "--json")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["industries"][AI]["years"]["2023"]["revenue"] == {"value": 8, "derived": 8, "official": None}
    assert data["zones"][CENTRE]["years"]["2023"]["revenue"] == {"value": 1.5, "derived": 1, "official": 1.5}
    assert data["zones"][WEST]["years"]["2024"]["tax"]["value"] is None
    assert data["talent"]["academicians"]["years"]["2020"]["value"] == 8
    assert data["talent"]["foreign_work_permits"]["unit"] == "人次"


def test_charts_plot_the_figures_and_leave_gaps(returns):
    from models.output import group_charts as gc
    from models.output.mpl import new_figure

    conn = returns.conn
    returns.update("indicator_years", {"code": "foreign_work_permits", "year": 2021}, {"official": 3000})
    returns.update("indicator_years", {"code": "foreign_work_permits", "year": 2022}, {"official": 4500})
    talent = groups.talent_series(conn)
    fig = new_figure()
    gc.plot_work_permits(fig, groups.permits_path(conn, talent))
    lines = {line.get_label(): line for line in fig.axes[0].get_lines()}
    assert list(lines["实际累计"].get_xdata()) == [2021, 2022]
    assert list(lines["实际累计"].get_ydata()) == [3000, 7500]
    assert list(lines["序时累计目标"].get_ydata()) == [0, 4000, 8000, 12000, 16000, 20000]

    ind = by_name(groups.industry_series(conn))
    fig = new_figure()
    gc.plot_industry(fig, ind[AI])
    heights = sorted(round(p.get_height(), 6) for p in fig.axes[0].patches)
    assert heights == [0.2, 0.4, 4.0, 8.0]                     # tax and revenue of 2022 and 2023 only
    for plot in (lambda f: gc.plot_industry_shares(f, list(ind.values())),
                 lambda f: gc.plot_key_vs_rest(f, list(ind.values())),
                 lambda f: gc.plot_zones(f, groups.zone_series(conn)),
                 lambda f: gc.plot_returnee_share(f, groups.returnee_share(conn)),
                 lambda f: gc.plot_talent_counts(f, talent)):
        fig = new_figure()
        plot(fig)
        assert fig.axes and fig.axes[0].get_title()
        fig.canvas.draw()                                       # renders: a missing glyph warning fails here
    fig = new_figure()
    gc.plot_industry(fig, ind["航空服务业"])
    assert gc.NO_DATA in [t.get_text() for t in fig.axes[0].texts]


@pytest.fixture
def incomplete(park):
    """2022: A, B (人工智能), C, E (金融); 2023: A, B, C and the new F — E has not returned (回收率 3/4 = 75 %).
    B moved from the east zone to the centre in 2023."""
    conn = park.conn
    b = add_batch(conn)
    for code, year, industry, zone, revenue, tax in (
            ("A", 2022, AI, WEST, 40_000, 2_000), ("B", 2022, AI, EAST, 20_000, 1_000),
            ("C", 2022, FINANCE, EAST, 10_000, 500), ("E", 2022, FINANCE, WEST, 6_000, 300),
            ("A", 2023, AI, WEST, 50_000, 2_500), ("B", 2023, AI, CENTRE, 30_000, 1_500),
            ("C", 2023, FINANCE, EAST, 12_000, 400), ("F", 2023, AI, EAST, 9_000, 100)):
        add_return(conn, b, credit_code=code, name=code, year=year, industry=industry, zone=zone, revenue=revenue,
                   tax=tax, employees=10, high_tech=1)
    conn.commit()
    return park


def test_like_for_like_compares_the_enterprises_that_returned_in_both_years(incomplete):
    lfl = groups.like_for_like(incomplete.conn, "industry", 2023)
    assert (lfl.previous, lfl.both) == (4, 3) and lfl.rate == pytest.approx(75.0) and lfl.incomplete
    # 人工智能: A and B, 6.0 → 8.0 亿元 = +33.3 % (the plain change, with the new F, is 6.0 → 8.9 = +48.3 %)
    assert lfl.figures(AI, "revenue") == (pytest.approx(6.0), pytest.approx(8.0))
    assert lfl.growth(AI, "revenue") == pytest.approx(100 / 3)
    # 金融: C only, 1.0 → 1.2 = +20 % (the plain change, without E, is 1.6 → 1.2 = −25 %)
    assert lfl.growth(FINANCE, "revenue") == pytest.approx(20.0)
    assert lfl.growth(FINANCE, "tax") == pytest.approx(-20.0)      # 500 → 400 万元
    assert lfl.figures(FINANCE, "enterprises") == (1, 1)
    assert lfl.figures(FINANCE, "high_tech") == (1, 1)
    assert lfl.total("revenue") == (pytest.approx(7.0), pytest.approx(9.2))
    assert lfl.total_growth("revenue") == pytest.approx((9.2 / 7.0 - 1) * 100)
    assert lfl.group_rates == {AI: pytest.approx(100.0), FINANCE: pytest.approx(50.0)}
    assert lfl.growth(TRADE, "revenue") is None and TRADE not in lfl.groups
    plain = groups.growth(by_name(groups.industry_series(incomplete.conn))[FINANCE].values("revenue"))
    assert plain[2023] == pytest.approx(-25.0)


def test_like_for_like_groups_by_this_years_zone(incomplete):
    lfl = groups.like_for_like(incomplete.conn, "zone", 2023)
    assert lfl.figures(CENTRE, "revenue") == (pytest.approx(2.0), pytest.approx(3.0))   # B moved here
    assert lfl.figures(EAST, "revenue") == (pytest.approx(1.0), pytest.approx(1.2))     # C only, not the new F
    assert lfl.figures(WEST, "revenue") == (pytest.approx(4.0), pytest.approx(5.0))     # A; E has not returned
    # by last year's zone: east had B and C (both returned), west A and E (one of two)
    assert lfl.group_rates == {EAST: pytest.approx(100.0), WEST: pytest.approx(50.0)}


def test_like_for_like_sentence_states_the_rate_and_the_fair_change(incomplete):
    lfl = groups.like_for_like(incomplete.conn, "industry", 2023)
    assert groups.like_for_like_sentence(lfl, FINANCE) == (
        "2023年报表回收率75.0%（2022年报送的4家企业中3家已报送），同比变化受未报送企业影响；"
        "按两年均报送的企业同口径比较，金融服务业营业收入同比增长20.0%。")
    # A, B and C paid 2,000 + 1,000 + 500 = 3,500 万元 of tax in 2022 and 2,500 + 1,500 + 400 = 4,400 in 2023
    assert groups.like_for_like_sentence(lfl, None, "tax").endswith("全园区纳税总额同比增长25.7%。")
    assert groups.like_for_like_sentence(groups.like_for_like(incomplete.conn, "industry", 2022), AI) == ""


def test_like_for_like_says_nothing_when_every_enterprise_returned(returns):
    lfl = groups.like_for_like(returns.conn, "industry", 2023)  # 2022: A only, and A returned in 2023
    assert (lfl.previous, lfl.both, lfl.incomplete) == (1, 1, False)
    assert lfl.growth(AI, "revenue") == pytest.approx(25.0)  # A alone: 4.0 → 5.0 亿元
    assert groups.like_for_like_sentence(lfl, AI) == ""


def test_charts_in_a_report_page_slot_place_their_axes_by_hand(returns):
    """In a page slot (a SubFigure) no axes is left to constrained layout, and every axes and its tick labels
    stay inside the slot; in a tab's figure (constrained layout) the layout engine places them."""
    from models.output import group_charts as gc
    from models.output.mpl import new_figure

    conn = returns.conn
    ind = list(groups.industry_series(conn))
    talent = groups.talent_series(conn)
    plots = (lambda f: gc.plot_industry(f, ind[3]), lambda f: gc.plot_industry_shares(f, ind),
             lambda f: gc.plot_key_vs_rest(f, ind), lambda f: gc.plot_zones(f, groups.zone_series(conn)),
             lambda f: gc.plot_work_permits(f, groups.permits_path(conn, talent)),
             lambda f: gc.plot_returnee_share(f, groups.returnee_share(conn)),
             lambda f: gc.plot_talent_counts(f, talent))
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    for plot in plots:
        page = new_figure(8.27, 11.69)
        slots = page.subfigures(2, 1)
        plot(slots[1])
        canvas = FigureCanvasAgg(page)
        canvas.draw()
        assert slots[1].axes and all(ax.get_subplotspec() is None for ax in slots[1].axes)
        renderer = canvas.get_renderer()
        slot = slots[1].bbox
        for ax in slots[1].axes:
            box = ax.get_tightbbox(renderer)
            assert slot.x0 - 1 <= box.x0 and box.x1 <= slot.x1 + 1 and slot.y0 - 1 <= box.y0 and box.y1 <= slot.y1 + 1
        tab = new_figure()
        plot(tab)
        assert all(ax.get_subplotspec() is not None for ax in tab.axes)  # placed by the layout engine


def test_yearly_sums_are_computed_once_while_the_file_is_unchanged(returns, park_path):
    import sqlite3

    calls = []

    def compute(conn, by):
        calls.append(by)
        return {"n": conn.execute("SELECT COUNT(*) FROM returns").fetchone()[0]}

    conn = returns.conn
    assert groups.cached(conn, "t", compute, "industry") == {"n": 5}
    assert groups.cached(conn, "t", compute, "industry") == {"n": 5} and calls == ["industry"]
    groups.cached(conn, "t", compute, "zone")
    assert calls == ["industry", "zone"]
    conn.execute("DELETE FROM returns WHERE credit_code = 'D'")  # a write through this connection
    conn.commit()
    assert groups.cached(conn, "t", compute, "industry") == {"n": 4} and len(calls) == 3
    other = sqlite3.connect(park_path)  # a write through another (the import runs on its own connection)
    other.execute("DELETE FROM returns WHERE credit_code = 'C'")
    other.commit()
    other.close()
    assert groups.cached(conn, "t", compute, "industry") == {"n": 3} and len(calls) == 4


def test_the_report_table_uses_and_states_the_like_for_like_growth(incomplete):
    """2023's returns are incomplete (E has not returned): the report's industry table gives the
    like-for-like growth (金融 +20.0, not the plain −25.0; 人工智能 +33.3) and says so under the table."""
    from models.output import report

    conn = incomplete.conn
    plots = report.group_charts(conn, "industries", 2023)
    table = plots[0].keywords
    headers = [h for h, _x, _a in table["columns"]]
    assert "同口径\n增长（%）" in headers and not any(h.startswith("比上年") for h in headers)
    growth = headers.index("同口径\n增长（%）")
    rows = {r[0]: r for r in table["rows"]}
    assert rows[FINANCE][growth] == "20.00"  # 1.0 → 1.2 亿元 (% with 2 decimals, models.base.numfmt)
    assert rows[AI][growth] == "33.33"  # 6.0 → 8.0 亿元
    assert table["total_row"][growth] == "31.43"  # 7.0 → 9.2 亿元
    assert "回收率75" in table["note"] and "同口径" in table["note"]
    # a year whose returns are complete keeps the plain change and no note
    complete = report.group_charts(conn, "industries", 2022)[0].keywords
    assert complete["note"] == "" and any(h.startswith("比上年") for h, _x, _a in complete["columns"])
