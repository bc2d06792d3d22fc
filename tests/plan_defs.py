"""Made-up plan definition workbooks, written with openpyxl as an office would fill them in.

`fifteenth_plan()` is a 15th Five-Year Plan (2026–2030) of a made-up park, with the 规划 sheet as
项目/内容 and the Chinese type and direction names; `fifteen_year_plan()` a plan over 2021–2035 with
the 规划 sheet as one header row and one data row and the English codes. Both are {sheet: rows} so a
test can change a cell before `write_definition_book` writes them. Only the issue's columns are used
(no 英文名称 etc.), as a held-out definition might.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

IND_HEADER = ["代码", "名称", "单位", "类型", "方向", "基期值", "目标值", "目标说明", "来源", "报表口径", "参照序列"]

# 10 indicators, every type; energy_per_value_added a lower-is-better level indicator. Codes shared with
# the built-in 14th plan (rd_intensity, total_revenue, …) are carried by --baseline-from.
FIFTEENTH_INDICATORS = [
    ["rd_intensity", "研发经费支出占全区生产总值比例", "%", "期末值", "越大越好", 4.6, 5.2, "5.2", "指标表第1行",
     "per_ref(rd_expense, district_gdp) / 100", ""],
    ["total_revenue", "园区总收入", "亿元", "同步增长", "越大越好", 2100, None, "与区经济发展保持同步", "指标表第2行",
     "sum(revenue) / 10000", "district_gdp_growth,district_gdp"],
    ["total_tax", "园区总税收", "亿元", "同步增长", "越大越好", 120, None, "与区经济发展保持同步", "指标表第3行",
     "sum(tax) / 10000", "district_tax_growth"],
    ["high_tech_enterprises", "高新技术企业数", "家", "期末值", "越大越好", None, 650, "650", "指标表第4行",
     "count_yes(high_tech)", ""],
    ["new_listed_companies", "新增上市企业数量", "家", "累计值", "越大越好", None, 20, "五年累计新增20", "指标表第5行",
     "count_year(listed_year)", ""],
    ["returnee_foreign_share", "留学归国和外籍人员占从业人员比例", "%", "期末值", "越大越好", 4.2, 5.5, "5.5",
     "指标表第6行", "share(returnees + foreign_staff, employees)", ""],
    ["energy_per_value_added", "单位增加值综合能耗", "吨标准煤/万元", "期末值", "越小越好", 0.035, 0.03, "0.03",
     "指标表第7行", "ratio(energy, value_added)", ""],
    ["carbon_per_value_added", "单位增加值二氧化碳排放", "吨/万元", "下达指标", "越小越好", None, None,
     "完成市下达指标", "指标表第8行", "", "assigned_carbon"],
    ["tech_contract_turnover", "技术合同成交额", "亿元", "期末值", "越大越好", 25, 40, "40", "指标表第9行",
     "sum(tech_contract) / 10000", ""],
    ["foreign_work_permits", "外国人来华工作许可数量", "人次", "累计值", "越大越好", None, 25000, "五年累计新增25000",
     "指标表第10行", "", ""],
]
FIFTEENTH_REFERENCES = [
    ["district_gdp", "全区生产总值", "亿元"],
    ["district_gdp_growth", "全区生产总值增长率", "%"],
    ["district_tax", "全区税收收入", "亿元"],
    ["district_tax_growth", "全区税收收入增长率", "%"],
    ["assigned_carbon", "市下达碳排放强度指标", "吨/万元"],
]


def fifteenth_plan() -> dict[str, list[list[Any]]]:
    """The 15th Five-Year Plan (2026–2030) of the made-up 虹湾科学园 (a fresh copy each call)."""
    return copy.deepcopy({
        "规划": [["项目", "内容"], ["规划名称", "虹湾科学园“十五五”发展规划"], ["园区", "虹湾科学园"],
               ["基期年", 2025], ["目标年", " 2030 "], ["发布日期", "2026年3月1日"], ["来源文件", "hongwan_15.docx"]],
        "指标": [IND_HEADER, *FIFTEENTH_INDICATORS],
        "参考序列": [["代码", "名称", "单位"], *FIFTEENTH_REFERENCES],
        "产业": [["名称", "分组", "是否“3+3”"],
               ["集成电路设计", "重点特色产业", "是"], ["数字医疗", "先导产业", "Y"], ["低空经济", "先导产业", "否"],
               ["商贸服务", "传统优势产业", 0], ["绿色低碳", "新兴产业", "N"], ["其他", "其他", ""]],
        "片区": [["名称", "简称", "功能定位"], ["北部科创片区", "北区", "科技创新策源"],
               ["南部数智片区", "南区", "数字经济与智能制造"]],
        "特色园区": [["名称", "片区", "类型"], ["芯港小镇", "北部科创片区", "特色园区"],
                 ["数智谷", "南部数智片区", "集聚区"], ["医学创新中心", "", "功能性平台"]],
        "人才": [["代码", "名称", "单位", "分类"], ["academicians", "两院院士", "人", "存量"],
               ["work_permits", "外国人来华工作许可（当年）", "人次", "流量"],
               ["returnee_share", "留学归国人员占比", "%", "占比"], ["programme_entrants", "人才计划入选", "人", "programme"]],
        "规划基数": [["代码", "名称", "单位", "分组", "基期值", "限定词", "来源"],
                 ["enterprises_total", "累计入驻企业", "家", "经济实力", 12000, "约", "截至2025年,累计入驻企业约1.2万家"],
                 ["incubators", "孵化器", "家", "双创平台", 18, "", "现有孵化器18家"]],
        "重点任务": [["章", "节", "任务", "来源"],
                 ["一、建设科创策源高地", "(一)集聚创新主体", "引进国家级研发机构。", "第一章第一节"],
                 ["一、建设科创策源高地", "(一)集聚创新主体", "培育新型研发机构。", "第一章第一节"],
                 ["一、建设科创策源高地", "(二)优化创新生态", "建设概念验证中心。", "第一章第二节"],
                 ["二、壮大特色产业集群", "(一)集成电路设计", "打造芯片设计集聚区。", "第二章第一节"]],
    })


def fifteen_year_plan() -> dict[str, list[list[Any]]]:
    """A 15-year plan (2021–2035): 规划 as one header row and one data row, English type names."""
    return {
        "规划": [["规划名称", "园区", "基期年", "目标年", "发布日期", "来源文件"],
               ["滨江园远景规划（2021—2035年）", "滨江园", "2020", 2035, "2021年6月", "binjiang_2035.pdf"]],
        "指标": [IND_HEADER,
               ["gdp_share", "园区营业收入", "亿元", "level", "higher", 800, 3000, "3000", "表1", "sum(revenue) / 10000", ""],
               ["listed", "新增上市企业", "家", "cumulative", "higher", None, 60, "累计新增60", "表1",
                "count_year(listed_year)", ""],
               ["tax", "园区税收", "亿元", "keep_pace", "higher", 50, None, "与全区同步", "表1", "sum(tax) / 10000",
                "district_tax"],
               ["energy", "单位增加值能耗", "吨标准煤/万元", "level", "lower", 0.05, 0.02, "0.02", "表1",
                "ratio(energy, value_added)", ""],
               ["quota", "市下达指标", "吨/万元", "assigned", "lower", None, None, "完成下达指标", "表1", "", "quota_series"]],
        "参考序列": [["代码", "名称", "单位"], ["district_tax", "全区税收", "亿元"], ["quota_series", "下达值", "吨/万元"]],
        "产业": [["名称", "分组", "是否“3+3”"], ["海洋科技", "先导产业", "是"], ["航运服务", "传统优势产业", "否"]],
        "片区": [["名称", "简称", "功能定位"], ["滨江片区", "滨江", "航运与海洋科技"]],
        "特色园区": [["名称", "片区", "类型"], ["海洋创新园", "滨江片区", "park"]],
        "人才": [["代码", "名称", "单位", "分类"], ["experts", "高层次人才", "人", "count"]],
        "规划基数": [["代码", "名称", "单位", "分组", "基期值", "限定词", "来源"],
                 ["enterprises", "企业数", "家", "economy", 3000, "余", "企业3000余家"]],
        "重点任务": [["章", "节", "任务", "来源"], ["一、总体要求", "(一)发展目标", "到2035年建成海洋科技高地。", "第一章"]],
    }


def write_definition_book(path: Path, sheets: dict[str, list[list[Any]]]) -> Path:
    """Write {sheet: rows} with openpyxl (numbers as numbers, everything else as typed)."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(list(row))
    wb.save(path)
    return path


def fifteenth_plan_file(folder: Path) -> Path:
    return write_definition_book(folder / "plan15.xlsx", fifteenth_plan())


def fifteen_year_plan_file(folder: Path) -> Path:
    return write_definition_book(folder / "plan2035.xlsx", fifteen_year_plan())
