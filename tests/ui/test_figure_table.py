"""The reusable figure table: entry parsing, refusals with row and column named, totals rows kept last."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from widgets.figure_table import Column, FigureTableModel, TotalsLastProxy
from widgets.number_input import EntryError, parse_figure


@pytest.mark.parametrize("text, kwargs, expected", [
    ("12.5", {}, 12.5), (" 1,234 ", {}, 1234.0), ("１２３", {}, 123.0), ("", {}, None), ("  ", {}, None),
    ("7", {"whole": True}, 7), ("7.0", {"whole": True}, 7), ("-2", {"negative": True}, -2.0),
    ("2023", {"whole": True, "minimum": 1990, "maximum": 2035}, 2023),
])
def test_parse_figure_accepts(text, kwargs, expected):
    value = parse_figure(text, **kwargs)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize("text, kwargs", [
    ("abc", {}), ("1e400", {}), ("nan", {}), ("-1", {}), ("2.5", {"whole": True}),
    ("1800", {"whole": True, "minimum": 1990, "maximum": 2035}),
])
def test_parse_figure_refuses(text, kwargs):
    with pytest.raises(EntryError):
        parse_figure(text, **kwargs)


@pytest.fixture
def model(qtbot):
    m = FigureTableModel([Column("name", "名称"), Column("n", "人数", "count", editable=True),
                          Column("note", "备注", "text", editable=True)])
    m.set_rows([{"name": "乙", "n": 5}, {"name": "甲", "n": 12}, {"name": "丙", "n": None},
                {"name": "合计", "n": 17, "_totals": True}])
    return m


def test_edits_are_requested_not_written_and_refusals_name_the_cell(model, qtmodeltester):
    qtmodeltester.check(model)
    requested, refused = [], []
    model.edit_requested.connect(lambda row, key, value: requested.append((row, key, value)))
    model.rejected.connect(refused.append)
    assert model.setData(model.index(0, 1), "6")
    assert model.setData(model.index(2, 2), "  说明 ")
    assert model.setData(model.index(0, 1), "5")                 # unchanged: nothing requested
    assert not model.setData(model.index(1, 1), "3.5")
    assert not model.setData(model.index(3, 1), "20")            # totals rows are not edited
    assert requested == [(0, "n", 6), (2, "note", "说明")]
    assert len(refused) == 1 and "甲" in refused[0] and "人数" in refused[0]
    assert model.row(0)["n"] == 5                                # the owner writes and reloads
    assert not model.flags(model.index(3, 1)) & Qt.ItemFlag.ItemIsEditable
    assert model.index(3, 0).data(Qt.ItemDataRole.FontRole).bold()


def test_proxy_sorts_by_value_and_keeps_totals_last(model, qtmodeltester):
    proxy = TotalsLastProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    proxy.sort(1, Qt.SortOrder.AscendingOrder)
    assert [proxy.index(r, 0).data() for r in range(4)] == ["丙", "乙", "甲", "合计"]  # blank sorts first
    proxy.sort(1, Qt.SortOrder.DescendingOrder)
    assert [proxy.index(r, 0).data() for r in range(4)] == ["甲", "乙", "丙", "合计"]
