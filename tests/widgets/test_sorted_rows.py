"""widgets.sorted_rows: sorting and filtering in the model's own lists, checked by Qt's model tester."""

from __future__ import annotations

from PySide6.QtCore import Qt

from widgets.sorted_rows import NUMBER, TEXT, SortedRowsModel

ROWS = [("b", 3.0, "Alpha"), ("a", None, "beta"), ("c", 1.0, None), ("d", 3.0, "GAMMA")]


def codes(model) -> list[str]:
    return [model.row(r)[0] for r in range(model.rowCount())]


def test_sorts_numbers_with_missing_first_and_keeps_ties_in_order(qtmodeltester):
    model = SortedRowsModel(["Code", "Amount", "Name"], [TEXT, NUMBER, TEXT])
    qtmodeltester.check(model)
    model.set_rows(ROWS)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert codes(model) == ["a", "c", "b", "d"]          # missing, 1, 3, 3 (b before d: given order)
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert codes(model) == ["b", "d", "c", "a"]          # ties keep their given order both ways
    model.sort(2, Qt.SortOrder.AscendingOrder)
    assert codes(model) == ["c", "b", "d", "a"]          # "" < "Alpha" < "GAMMA" < "beta" (code points)
    model.sort(-1)
    assert codes(model) == ["b", "a", "c", "d"]
    assert model.index(1, 1).data() == "" and model.index(0, 1).data() == "3"
    assert model.index(0, 1).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def test_filters_by_value_and_by_text_ignoring_case_and_keeps_the_sort(qtmodeltester):
    model = SortedRowsModel(["Code", "Amount", "Name"], [TEXT, NUMBER, TEXT])
    qtmodeltester.check(model)
    model.set_rows(ROWS)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_filter({1: 3.0})
    assert codes(model) == ["d", "b"]
    model.set_filter({1: None}, text=" a ")              # None: any amount; "a" in every name but None
    assert codes(model) == ["d", "b", "a"]
    model.set_filter(text="gam")
    assert codes(model) == ["d"]
    model.set_filter(predicate=lambda row: row[1] is None)
    assert codes(model) == ["a"]
    model.set_rows(ROWS + [("e", None, "Epsilon")])     # new rows: same filter, same sort
    assert codes(model) == ["e", "a"]
    model.set_filter()
    assert len(model.rows) == len(model.all_rows) == 5
