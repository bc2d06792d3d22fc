"""The enterprise return form: one table of columns that drives the Excel template, the importer,
the park file's `returns` table and the documentation.

Each `Column` says what the office asks for, how a cell is read (`kind`) and whether it is required.
Rules that span columns are listed in `CROSS_RULES`.
"""

from __future__ import annotations

from dataclasses import dataclass

SHEET_NAME = "企业报表"
INSTRUCTIONS_SHEET = "填报说明"
FORM_VERSION = "1"
MARKER_SHEET = "_form"  # hidden sheet of the template holding form_version
YEAR_MIN, YEAR_MAX = 1900, 2200  # any year a park file may hold; a return's year is checked against its period
LISTED_YEAR_MIN = 1990
# Bounds of a cell (issue 11): the importer (models.returns.cells) and the template's data validation both use these.
COUNT_MAX = 10_000_000          # 人, 件: whole numbers 0 … 10,000,000
AMOUNT_MAX = 1e12               # 万元, 吨标准煤: finite, 0 … 1e12
TEXT_MAX = 200                  # characters of a name (after removing invisible characters)

# Accepted other names of industries and zones (issue 16): a cell holding one is read as the canonical name
# with a note. An alias whose name is not among the park file's industries/zones is ignored. Besides these,
# a unique prefix of at least PREFIX_MIN characters is accepted with a note (人工智能 → 人工智能产业); a
# prefix that fits several names is refused naming them. A zone whose name begins with one of ZONE_PREFIXES
# may leave it out (no note); the form's help says so only when one of the file's zones has such a name.
# These aliases are the built-in (Changning) plan's: another plan's file simply has none of their names.
INDUSTRY_ALIASES = {
    "人工智能": "人工智能产业",
    "生命健康": "生命健康产业",
    "航空服务": "航空服务业",
    "金融服务": "金融服务业",
    "金融业": "金融服务业",
    "时尚创意": "时尚创意产业",
    "互联网生活性服务业": "互联网+生活性服务业",
    "互联网+生活服务业": "互联网+生活性服务业",
    "现代贸易业": "现代贸易",
    "信息服务业": "信息服务",
    "专业服务业": "专业服务",
    "在线新经济产业": "在线新经济",
}
ZONE_ALIASES = {
    "中山公园": "东部中山公园片区",
    "东部片区": "东部中山公园片区",
    "虹桥": "中部虹桥片区",
    "中部片区": "中部虹桥片区",
    "临空": "西部临空片区",
    "西部片区": "西部临空片区",
}
PREFIX_MIN = 2
ZONE_PREFIXES = ("东部", "中部", "西部")

# kind -> SQLite column type
_SQL_TYPES = {
    "credit_code": "TEXT",
    "text": "TEXT",
    "year": "INTEGER",
    "industry": "TEXT",
    "zone": "TEXT",
    "amount": "REAL",
    "count": "INTEGER",
    "bool": "INTEGER",
    "listed_year": "INTEGER",
}

# kind -> how a cell of that kind is filled in (Chinese), for the instructions sheet and the docs
KIND_NOTES = {
    "credit_code": "18位代码（数字和大写字母，不含I、O、S、V、Z）",
    "text": f"文字，不超过{TEXT_MAX}个字，不含控制字符",
    "year": "整数年份（本规划期内：基期年至目标年）",  # kind_note(kind, period) names the years
    "industry": "从下拉列表选择",
    "zone": "从下拉列表选择",
    "amount": "数字，不小于0，可有小数，不超过10¹²（一万亿）",
    "count": f"整数，0至{COUNT_MAX:,}",
    "bool": "是／否（Y/N、1/0亦可），空白视为否",
    "listed_year": f"整数年份（{LISTED_YEAR_MIN}—报告年度），未上市留空",
}


def kind_note(kind: str, period=None) -> str:
    """How a cell of `kind` is filled in; for the year, with the file's period's years (a models.store.period.Period)."""
    if kind == "year" and period is not None:
        return f"整数年份（{period.base}—{period.target}）"
    return KIND_NOTES[kind]


def zone_prefixes(zones) -> tuple[str, ...]:
    """The ZONE_PREFIXES that some of `zones` begin with (and may be left out on the form), in order."""
    zones = tuple(zones)
    return tuple(p for p in ZONE_PREFIXES if any(z.startswith(p) and len(z) > len(p) for z in zones))


def column_help(column: "Column", period=None, industries=None, zones=None) -> str:
    """A column's explanation. With a park file's period, the year's names its years (“…，2020至2025之间的整数。”);
    with its industries or zones, 所属产业 / 所属片区 name the file's own (nothing of another plan's)."""
    if column.kind == "year" and period is not None:
        return f"填报数据所属年度，{period.base}至{period.target}之间的整数。"
    if column.kind == "industry" and industries:
        return f"从下拉列表中选择企业所属产业（本园区的产业：{'、'.join(industries)}）。"
    if column.kind == "zone" and zones:
        prefixes = zone_prefixes(zones)
        omit = f"（可省略“{'/'.join(prefixes)}”）" if prefixes else ""
        return f"从下拉列表中选择本园区的片区：{'、'.join(zones)}{omit}。"
    return column.help


@dataclass(frozen=True)
class Column:
    """One column of the return form.

    Attributes:
        key: the column's name in the park file's `returns` table and in code.
        title: the header title on the form (Chinese, exactly as enterprises see it).
        kind: how a cell is read and checked (see `_SQL_TYPES`).
        required: whether a blank cell rejects the row.
        help: the explanation written on the instructions sheet.
    """

    key: str
    title: str
    kind: str
    required: bool
    help: str

    @property
    def sql_type(self) -> str:
        return _SQL_TYPES[self.kind]


COLUMNS: tuple[Column, ...] = (
    Column("credit_code", "统一社会信用代码", "credit_code", True,
           "18位统一社会信用代码，须符合GB 32100-2015校验规则。"),
    Column("name", "企业名称", "text", True, "企业全称，与营业执照一致。"),
    Column("year", "报告年度", "year", True, "填报数据所属年度，本规划期内（基期年至目标年）的整数。"),
    Column("industry", "所属产业", "industry", True, "从下拉列表中选择企业所属产业。"),
    Column("zone", "所属片区", "zone", True, "从下拉列表中选择企业所属片区。"),
    Column("revenue", "营业收入（万元）", "amount", True, "本年度营业收入，单位万元，不得为负。"),
    Column("tax", "纳税总额（万元）", "amount", True, "本年度实际缴纳的各项税费合计，单位万元。"),
    Column("rd_expense", "研发经费支出（万元）", "amount", False, "本年度研发经费内部支出，单位万元。"),
    Column("value_added", "增加值（万元）", "amount", False, "本年度增加值，单位万元。"),
    Column("energy", "综合能耗（吨标准煤）", "amount", False, "本年度综合能源消费量，折算为吨标准煤。"),
    Column("employees", "从业人员期末人数（人）", "count", True, "年末从业人员人数，整数。"),
    Column("returnees", "其中：留学归国人员（人）", "count", True, "从业人员中的留学归国人员，整数。"),
    Column("foreign_staff", "其中：外籍常住人员（人）", "count", True, "从业人员中的外籍常住人员，整数。"),
    Column("invention_patents", "有效发明专利拥有量（件）", "count", False, "年末拥有的有效发明专利件数。"),
    Column("patent_apps", "当年专利申请量（件）", "count", False, "本年度专利申请件数。"),
    Column("invention_apps", "其中：发明专利申请量（件）", "count", False, "本年度发明专利申请件数。"),
    Column("patent_grants", "当年专利授权量（件）", "count", False, "本年度获得专利授权件数。"),
    Column("invention_grants", "其中：发明专利授权量（件）", "count", False, "本年度获得发明专利授权件数。"),
    Column("tech_contract", "技术合同成交额（万元）", "amount", False, "本年度登记的技术合同成交额，单位万元。"),
    Column("high_tech", "是否高新技术企业", "bool", False, "填“是”或“否”（也可填Y/N、1/0），空白视为“否”。"),
    Column("listed_year", "上市年份", "listed_year", False, "已上市企业填写上市年份（1990年至报告年度），未上市留空。"),
    Column("mnc_rd", "是否跨国公司研发中心", "bool", False,
           "填“是”或“否”（也可填Y/N、1/0），空白视为“否”。"),
)

COLUMNS_BY_KEY = {c.key: c for c in COLUMNS}

# (smaller part, whole) pairs: the parts may not exceed the whole.
CROSS_RULES: tuple[tuple[tuple[str, ...], str, str], ...] = (
    (("returnees", "foreign_staff"), "employees", "留学归国人员与外籍常住人员之和不得超过从业人员期末人数"),
    (("invention_apps",), "patent_apps", "发明专利申请量不得超过当年专利申请量"),
    (("invention_grants",), "patent_grants", "发明专利授权量不得超过当年专利授权量"),
)


def returns_table_sql() -> str:
    """The CREATE TABLE statement of the park file's `returns` table, one column per form column."""
    cols = ",\n    ".join(f"{c.key} {c.sql_type}" for c in COLUMNS)
    return f"""CREATE TABLE returns (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL REFERENCES import_batches(id),
    {cols},
    source_file TEXT,
    source_sheet TEXT,
    source_row INTEGER,
    UNIQUE (credit_code, year)
)"""
