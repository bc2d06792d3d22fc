"""The Excel export's sheets for the plan's figures, industry groups, parks without a zone and key tasks.

`plan_sheets(conn)` gives 规划基数 (every base-year figure per year of the file's period), 产业分组 (chapter 4's groups and the
“3+3” mark), 其他园区 (parks the plan names without a zone) and 重点任务 (the sheet
`main.py import-tasks` reads back). models/output/export_xlsx.py appends them to its workbook.
"""

from __future__ import annotations

from ..base.xlsx_writer import Table
from ..planning import facts, tasks
from ..store.period import read_period
from ..store.plan import PARK_STATUSES, industry_plan_groups


def facts_sheet(conn):
    base_year = read_period(conn).base
    sheet = Table("规划基数", [("代码", "text"), ("分组", "text"), ("项目", "text"), ("单位", "text"),
                             (f"{base_year}年规划数", "text"), ("规划原文", "text"), ("年度", "year"), ("采用值", "num"),
                             ("报表汇总值", "num"), ("官方数值", "num"), (f"较{base_year}年变化", "num"),
                             ("备注", "text")],
                  [])
    for s in facts.fact_series(conn):
        base = f"{s.baseline_text()}（{s.plan_text}）" if s.plan_text else s.baseline_text()
        for year, y in sorted(s.years.items()):
            diff = None if y.value is None or year == base_year else y.value - s.baseline
            sheet.rows.append((s.code, facts.TOPICS.get(s.topic, (s.topic,))[0], s.name, s.unit, base, s.source,
                               year, y.value, y.derived, y.official, diff, y.note))
    return sheet


def industry_groups_sheet(conn):
    sheet = Table("产业分组", [("产业", "text"), ("规划分组", "text"), ("“3+3”重点产业", "bool")], [])
    for g in industry_plan_groups(conn):
        sheet.rows.append((g.name, g.label_zh(), 1 if g.three_plus_three else 0))
    return sheet


def unzoned_parks_sheet(conn):
    sheet = Table("其他园区", [("序号", "int"), ("名称", "text"), ("类型", "text"), ("相关产业", "text"),
                             ("状态", "text"), ("年份", "year"), ("备注", "text"), ("规划原文", "text")], [])
    for seq, name, kind, industry, status, year, note, source in conn.execute(
            "SELECT seq, name, kind, industry, status, year, note, source FROM unzoned_parks ORDER BY seq"):
        sheet.rows.append((seq, name, kind, industry, PARK_STATUSES[status][0] if status else None, year, note,
                           source))
    return sheet


def tasks_sheet(conn):
    return Table(tasks.SHEET_NAME, tasks.sheet_columns(read_period(conn)), tasks.sheet_rows(conn))


def plan_sheets(conn) -> list:
    return [facts_sheet(conn), industry_groups_sheet(conn), unzoned_parks_sheet(conn), tasks_sheet(conn)]
