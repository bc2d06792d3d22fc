"""A park file with known figures for the report and export tests (statuses worked out by hand below).

2023, official values:
- 每万人发明专利拥有量 85 (B 74, T 95): p = 11/21 = 52.4 %, tau = 60 %, p/tau = 0.873 -> 滞后.
- 高新技术企业数 400 (B 248, T 480): p = 152/232 = 65.5 % >= 60 % -> 符合预期; planned 387.2.
- 跨国公司研发中心 17 (B 15, T 17): target met -> 达成目标.
- 新增上市企业 2 + 3 + 4 = 9 in 2021–2023 (T 15): p = 60 % = tau -> 符合预期.
- 园区总收入 1700 -> 1800: growth 5.88 % >= district GDP growth 5.5 % -> 符合预期.
- 单位增加值综合能耗 0.05 against the assigned 0.048: <= 1.05 x 0.048 = 0.0504 -> 略有滞后.
- the other five (R&D share 3.9 without a baseline, technology contracts, tax, returnee share, work
  permits) -> 无法评估.
Counts: 达成目标 1, 符合预期 3, 略有滞后 1, 滞后 1, 无法评估 5.
"""

from __future__ import annotations

from models.store.return_form import COLUMNS

OFFICIAL = [
    ("invention_patents_per_10k", 2021, 78), ("invention_patents_per_10k", 2022, 81),
    ("invention_patents_per_10k", 2023, 85), ("high_tech_enterprises", 2023, 400), ("rd_intensity", 2023, 3.9),
    ("total_revenue", 2022, 1700), ("total_revenue", 2023, 1800), ("new_listed_companies", 2021, 2),
    ("new_listed_companies", 2022, 3), ("new_listed_companies", 2023, 4), ("energy_per_value_added", 2023, 0.05),
    ("mnc_rd_centres", 2023, 17),
]
EXPECTED_STATUS = {
    "invention_patents_per_10k": "滞后", "high_tech_enterprises": "符合预期", "mnc_rd_centres": "达成目标",
    "new_listed_companies": "符合预期", "total_revenue": "符合预期", "energy_per_value_added": "略有滞后",
    "rd_intensity": "无法评估", "tech_contract_turnover": "无法评估", "total_tax": "无法评估",
    "returnee_foreign_share": "无法评估", "foreign_work_permits": "无法评估",
}
NOTE = "专利增长较快但仍落后于序时进度，建议加强知识产权服务。"
FORMULA_NAME = "=1+1"


def add_return(conn, batch: int, **values) -> None:
    row = {c.key: None for c in COLUMNS}
    row.update(values)
    row["batch_id"] = batch
    conn.execute(f"INSERT INTO returns ({', '.join(row)}) VALUES ({', '.join('?' for _ in row)})",
                 tuple(row.values()))


def fill(park) -> None:
    """Enter the figures above (one audited transaction) and three 2023 returns."""
    with park.transaction("edit", "test") as tx:
        for code, year, value in OFFICIAL:
            tx.update("indicator_years", {"code": code, "year": year}, {"official": value})
        tx.update("indicator_years", {"code": "energy_per_value_added", "year": 2023}, {"assigned": 0.048})
        tx.update("indicator_years", {"code": "invention_patents_per_10k", "year": 2023}, {"note": NOTE})
        tx.update("reference_years", {"code": "district_gdp_growth", "year": 2023}, {"value": 5.5})
        tx.update("industry_years", {"industry": "金融服务业", "year": 2023, "field": "revenue"}, {"official": 120.5})
    conn = park.conn
    conn.execute("INSERT INTO import_batches (created_at, files) VALUES ('2024-03-01T09:00:00', '[\"a.xlsx\"]')")
    batch = conn.execute("SELECT last_insert_rowid()").fetchone()[0]
    add_return(conn, batch, credit_code="91310105MA1FL00001", name=FORMULA_NAME, year=2023, industry="人工智能产业",
               zone="西部临空片区", revenue=50_000, tax=3_000, employees=200, returnees=6, foreign_staff=2,
               high_tech=1, source_file="a.xlsx", source_sheet="企业报表", source_row=3)
    add_return(conn, batch, credit_code="91310105MA1FL00002", name="乙公司", year=2023, industry="金融服务业",
               zone="东部中山公园片区", revenue=30_000.5, tax=1_000, employees=100, returnees=1, foreign_staff=0,
               high_tech=0, mnc_rd=1, source_file="a.xlsx", source_sheet="企业报表", source_row=4)
    add_return(conn, batch, credit_code="91310105MA1FL00003", name="@丙", year=2022, industry="金融服务业",
               zone="中部虹桥片区", revenue=10_000, tax=500, employees=50, returnees=0, foreign_staff=0,
               source_file="a.xlsx", source_sheet="企业报表", source_row=5)
    conn.commit()
