"""The one table model: edits checked and handed to `commit`, refusals named, totals kept last and never
edited, derived figures grey, badges, roles, partial updates — without a window and under Qt's model
tester; and the view factory."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from ui.i18n import install_translators
from widgets import roles
from widgets.columns import BADGE, COUNT, TEXT, Column
from widgets.table_model import DERIVED_COLOR, ChoiceDelegate, RowsModel, TableModel, TotalsLastProxy, table_view

COLUMNS = [
    Column("name", "名称", TEXT),
    Column("n", "人数", COUNT, editable=True, unit="人", minimum=0),
    Column("revenue", "营业收入", editable=True, unit="亿元", minimum=0, derived=False),
    Column("status", "状态", BADGE),
    Column("note", "备注", TEXT, editable=True),
]


@pytest.fixture
def chinese(qapp):
    install_translators(qapp, "zh_CN")
    yield
    install_translators(qapp, "en")


@pytest.fixture
def model(qtbot):
    m = TableModel(COLUMNS)
    m.set_rows([
        {"_id": "B", "name": "乙", "n": 5, "revenue": 2.5, "status": ("符合预期", "#2e7d32")},
        {"_id": "A", "name": "甲", "n": 12, "revenue": 1533.6, "_derived": {"revenue"}},
        {"_id": "C", "name": "丙", "n": None, "revenue": None, "_editable": {"note"}},
        {"_id": "T", "name": "合计", "n": 17, "revenue": 1536.1, "_totals": True},
    ])
    m.stored = []
    m.commit = lambda row, key, value: m.stored.append((row, key, value)) or True
    m.messages = []
    m.refused.connect(m.messages.append)
    return m


def test_passes_qt_model_tester(model, qtmodeltester):
    qtmodeltester.check(model)
    proxy = TotalsLastProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)


def test_shows_numbers_by_unit_and_aligns_them(model):
    assert [model.index(1, c).data() for c in range(5)] == ["甲", "12", "1,533.60", "", ""]
    assert model.index(2, 1).data() == "" and model.index(2, 2).data() == ""
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(1, 2).data(Qt.ItemDataRole.TextAlignmentRole) == right
    assert model.index(1, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.index(1, 2).data(Qt.ItemDataRole.EditRole) == "1533.6"   # edited plain
    assert model.headerData(2, Qt.Orientation.Horizontal) == "营业收入"
    assert model.text(0, "revenue") == "2.50"


def test_valid_edits_go_to_commit_and_show(model):
    assert model.setData(model.index(0, 1), "6")
    assert model.setData(model.index(2, 4), "  说明 ")
    assert model.setData(model.index(0, 2), "12.5亿元")                   # the cell's unit may be typed
    assert model.setData(model.index(0, 1), "6")                          # unchanged: nothing handed on
    assert model.stored == [(0, "n", 6), (2, "note", "说明"), (0, "revenue", 12.5)]
    assert model.index(0, 1).data() == "6" and model.index(0, 2).data() == "12.50"
    assert model.messages == []


def test_a_failed_commit_keeps_the_old_value(model):
    model.commit = lambda row, key, value: False
    assert not model.setData(model.index(0, 1), "9")
    assert model.row(0)["n"] == 5 and model.index(0, 1).data() == "5"


def test_refusals_name_row_column_and_reason_once(chinese, model):
    assert not model.setData(model.index(1, 1), "3.5")
    assert not model.setData(model.index(1, 2), "-1")
    assert not model.setData(model.index(1, 2), "50%")
    assert model.stored == []
    assert model.messages == [
        "甲，人数：“3.5”不是整数（此项为个数），未保存。",
        "甲，营业收入：“-1”不能为负数，未保存。",
        "甲，营业收入：“50%”带有百分号，但此处单位为亿元，未保存。",
    ]


def test_a_table_about_one_thing_names_it(chinese, model):
    model.set_rows([{"_id": 2023, "name": "2023", "revenue": None}])      # a table of years
    model.context = "技术合同成交额"
    assert not model.setData(model.index(0, 2), "abc")
    assert not model.setData(model.index(0, 2), "1e20")
    assert model.messages == ["技术合同成交额 2023年“营业收入”：“abc”不是数字，未保存。",
                              "技术合同成交额 2023年“营业收入”：“1e20”数值过大，未保存。"]


def test_what_cannot_be_edited(model):
    editable = Qt.ItemFlag.ItemIsEditable
    assert not model.flags(model.index(3, 1)) & editable                 # totals row
    assert not model.setData(model.index(3, 1), "20")
    assert not model.flags(model.index(0, 0)) & editable                 # column not editable
    assert not model.flags(model.index(2, 1)) & editable                 # this row: the note only
    assert model.flags(model.index(2, 4)) & editable
    model.read_only = True
    assert not model.flags(model.index(0, 1)) & editable
    assert not model.setData(model.index(0, 1), "7")
    model.read_only, model.commit = False, None                         # nowhere to store: read-only
    assert not model.flags(model.index(0, 1)) & editable
    assert model.stored == []


def test_roles_badges_totals_derived_background(model):
    assert model.index(0, 3).data() == "符合预期"
    assert model.index(0, 3).data(roles.BADGE_COLOR_ROLE) == "#2e7d32"
    assert model.index(0, 1).data(roles.BADGE_COLOR_ROLE) is None
    assert model.index(3, 0).data(roles.TOTALS_ROLE) is True and model.index(0, 0).data(roles.TOTALS_ROLE) is False
    assert model.index(3, 0).data(Qt.ItemDataRole.FontRole).bold()
    assert model.index(0, 0).data(Qt.ItemDataRole.FontRole) is None
    assert model.index(1, 2).data(Qt.ItemDataRole.ForegroundRole).color() == DERIVED_COLOR
    assert model.index(0, 2).data(Qt.ItemDataRole.ForegroundRole) is None
    assert model.index(0, 1).data(Qt.ItemDataRole.BackgroundRole) is not None   # editable: tinted
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) is None
    assert model.index(1, 2).data(roles.RAW_ROLE) == 1533.6
    assert model.index(2, 1).data(roles.SORT_ROLE) == float("-inf")


def test_roles_are_distinct_and_custom():
    assert len(set(roles.ALL_ROLES)) == len(roles.ALL_ROLES)
    assert all(r >= Qt.ItemDataRole.UserRole for r in roles.ALL_ROLES)


def test_proxy_sorts_by_value_and_keeps_totals_last(model):
    proxy = TotalsLastProxy()
    proxy.setSourceModel(model)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(4)] == ["丙", "乙", "甲", "合计"]  # blank sorts first
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(4)] == ["甲", "乙", "丙", "合计"]


def test_same_rows_signal_only_changed_cells(model):
    changed, resets = [], []
    model.dataChanged.connect(lambda a, b: changed.append((a.row(), a.column())))
    model.modelReset.connect(lambda: resets.append(True))
    rows = model.rows()
    rows[1] = dict(rows[1], revenue=1600.0)
    model.set_rows(rows)
    assert changed == [(1, 2)] and resets == []
    model.set_rows(rows[:2])                                             # other rows: a reset
    assert resets == [True] and model.rowCount() == 2


def test_rows_model_keeps_tuples(qtbot, qtmodeltester):
    m = RowsModel(["批次", "年份", "营业收入（万元）", "说明"], plain_columns=("批次", "年份"))
    m.set_rows([(1203, 2023, 12345.5, "甲"), (7, 2022, None, None)])
    qtmodeltester.check(m)
    assert [m.index(0, c).data() for c in range(4)] == ["1203", "2023", "12,345.5", "甲"]
    assert m.row(1) == (7, 2022, None, None)
    assert not m.flags(m.index(0, 2)) & Qt.ItemFlag.ItemIsEditable


def test_view_factory(qtbot, model):
    columns = COLUMNS + [Column("kind", "类型", TEXT, editable=True, choices=(("园区", "park"), ("平台", "platform")))]
    m = TableModel(columns)
    view, proxy = table_view(m, None)
    qtbot.addWidget(view)
    assert view.model() is proxy and proxy.sourceModel() is m and view.isSortingEnabled()
    assert isinstance(view.itemDelegateForColumn(5), ChoiceDelegate)
    assert view.selectionBehavior() == QAbstractItemView.SelectionBehavior.SelectRows
    assert not view.verticalHeader().isVisible()
    view, proxy = table_view(model, None, sortable=False, editable=False)
    qtbot.addWidget(view)
    assert proxy is None and view.model() is model
    assert view.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers


def test_choices_store_the_value(qtbot):
    m = TableModel([Column("name", "名称", TEXT), Column("status", "状态", TEXT, editable=True,
                                                        choices=(("—", None), ("建设中", "building")))])
    m.set_rows([{"name": "甲", "status": None}])
    stored = []
    m.commit = lambda row, key, value: stored.append(value) or True
    assert m.setData(m.index(0, 1), "building") and m.index(0, 1).data() == "建设中"
    assert m.setData(m.index(0, 1), None) and stored == ["building", None]


def test_the_views_delegate_edits_in_a_line_and_paints_badges(qtbot, model):
    from PySide6.QtWidgets import QLineEdit, QStyleOptionViewItem

    view, proxy = table_view(model, None)
    qtbot.addWidget(view)
    delegate = view.itemDelegate()
    index = proxy.mapFromSource(model.index(1, 2))
    editor = delegate.createEditor(view.viewport(), QStyleOptionViewItem(), index)
    assert isinstance(editor, QLineEdit) and editor.alignment() & Qt.AlignmentFlag.AlignRight
    delegate.setEditorData(editor, index)
    assert editor.text() == "1533.6"                                     # plain, no separators
    editor.setText("1,600.5")
    delegate.setModelData(editor, proxy, index)
    assert model.stored == [(1, "revenue", 1600.5)] and model.index(1, 2).data() == "1,600.50"
    view.resize(700, 200)
    view.show()
    qtbot.waitExposed(view)
    image = view.viewport().grab().toImage()
    rect = view.visualRect(proxy.mapFromSource(model.index(0, 3)))     # 乙's status: a green badge
    greens = sum(image.pixelColor(x, y).name() == "#2e7d32"
                 for x in range(rect.left(), rect.right()) for y in range(rect.top(), rect.bottom()))
    assert greens > 50
