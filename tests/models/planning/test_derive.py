"""Figures derived from returns, against sums worked out by hand."""

from __future__ import annotations

import pytest

from models.planning.derive import group_derived, indicator_derived, talent_derived, trace
from models.store.return_form import COLUMNS


def add_batch(conn) -> int:
    conn.execute("INSERT INTO import_batches (created_at, files) VALUES ('2024-01-01T00:00:00', '[]')")
    return conn.execute("SELECT last_insert_rowid()").fetchone()[0]


def add_return(conn, batch, **values):
    row = {c.key: None for c in COLUMNS}
    row.update(values)
    row["batch_id"] = batch
    cols = ", ".join(row)
    conn.execute(f"INSERT INTO returns ({cols}) VALUES ({', '.join('?' for _ in row)})", tuple(row.values()))


@pytest.fixture
def three_returns(park):
    conn = park.conn
    b = add_batch(conn)
    add_return(conn, b, credit_code="A", name="甲", year=2023, industry="人工智能产业", zone="西部临空片区",
               revenue=50_000, tax=3_000, rd_expense=8_000, value_added=20_000, energy=400, employees=200,
               returnees=6, foreign_staff=2, invention_patents=30, tech_contract=1_500, high_tech=1,
               listed_year=2023, mnc_rd=0)
    add_return(conn, b, credit_code="B", name="乙", year=2023, industry="人工智能产业", zone="东部中山公园片区",
               revenue=30_000, tax=1_000, rd_expense=None, value_added=None, energy=100, employees=100,
               returnees=1, foreign_staff=0, invention_patents=10, tech_contract=None, high_tech=0,
               listed_year=2019, mnc_rd=1)
    add_return(conn, b, credit_code="C", name="丙", year=2022, industry="金融服务业", zone="东部中山公园片区",
               revenue=10_000, tax=500, employees=50, returnees=0, foreign_staff=0, high_tech=1)
    conn.execute("UPDATE reference_years SET value = 1800 WHERE code = 'district_gdp' AND year = 2023")
    conn.execute("UPDATE reference_years SET value = 69.5 WHERE code = 'resident_population' AND year = 2023")
    conn.commit()
    return conn


def test_indicator_figures_from_returns(three_returns):
    d = indicator_derived(three_returns)
    assert d["total_revenue"][2023] == pytest.approx(8.0)          # (50000 + 30000) 万元 = 8 亿元
    assert d["total_tax"][2023] == pytest.approx(0.4)              # 4000 万元
    assert d["tech_contract_turnover"][2023] == pytest.approx(0.15)  # only A gives it
    assert d["high_tech_enterprises"][2023] == 1
    assert d["high_tech_enterprises"][2022] == 1
    assert d["new_listed_companies"][2023] == 1                    # B listed in 2019, not 2023
    assert d["mnc_rd_centres"][2023] == 1
    assert d["returnee_foreign_share"][2023] == pytest.approx(100 * 9 / 300)  # 3.0 %
    assert d["energy_per_value_added"][2023] == pytest.approx(400 / 20_000)   # B lacks value added
    assert d["rd_intensity"][2023] == pytest.approx(0.8 / 1800 * 100)          # 8000 万元 = 0.8 亿元
    assert d["invention_patents_per_10k"][2023] == pytest.approx(40 / 69.5)
    assert d["rd_intensity"][2022] is None                         # no GDP entered for 2022
    assert d["total_revenue"][2021] is None                        # no returns at all
    assert d["tech_contract_turnover"][2022] is None               # returns, but none gives it
    assert d["new_listed_companies"][2022] == 0                    # C gives no listing year: not listed


def test_group_figures(three_returns):
    ind = group_derived(three_returns, "industry")
    ai = ind["人工智能产业"][2023]
    assert ai["enterprises"] == 2 and ai["revenue"] == pytest.approx(8.0) and ai["high_tech"] == 1
    assert ai["rd_expense"] == pytest.approx(0.8) and ai["employees"] == 300
    zones = group_derived(three_returns, "zone")
    assert zones["东部中山公园片区"][2023]["enterprises"] == 1
    assert zones["东部中山公园片区"][2022]["tax"] == pytest.approx(0.05)
    assert "西部临空片区" not in {z for z in zones if 2022 in zones[z]}


def test_talent_and_trace(three_returns):
    t = talent_derived(three_returns)
    assert t["returnees"][2023] == 7 and t["foreign_residents"][2023] == 2 and t["returnees"][2024] is None
    rows = trace(three_returns, "high_tech_enterprises", 2023)
    assert [r["credit_code"] for r in rows] == ["A"]
    assert [r["credit_code"] for r in trace(three_returns, "total_revenue", 2023)] == ["A", "B"]
