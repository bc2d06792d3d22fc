"""The group-tab base: industries, zones and talent build on ui.tabs.group_tab and copy none of it."""

from __future__ import annotations

from ui.tabs.group_tab import GroupTab, YearGroupTab
from ui.tabs.industries_tab import IndustriesTab
from ui.tabs.talent_tab import TalentTab
from ui.tabs.zones_tab import ZonesTab

SHARED = ("current_series", "reload", "refresh", "select_current", "on_current_changed", "commit_detail",
          "on_table_changed", "redraw")


def test_the_tabs_build_on_the_base_and_copy_none_of_it():
    assert issubclass(IndustriesTab, YearGroupTab) and issubclass(ZonesTab, YearGroupTab)
    assert issubclass(TalentTab, GroupTab) and not issubclass(TalentTab, YearGroupTab)
    for tab in (IndustriesTab, ZonesTab, TalentTab):
        copied = [name for name in SHARED if name in vars(tab)]
        assert copied == [], (tab.__name__, copied)


def test_talent_edits_go_through_the_base(window):
    """An official figure typed in the talent detail goes through GroupTab.commit_detail to the session."""
    tab = next(t for t in window.park_tabs if isinstance(t, TalentTab))
    tab.reload()
    model = tab.detail_model
    row = next(r for r in range(model.rowCount()) if model.row(r)["year"] == 2023)
    index = model.index(row, tab.D_OFFICIAL)
    assert model.setData(index, "12")
    code = tab.current_series().code
    assert model.row(row)["official"] == 12 and index.data() == "12"
    assert window.session.undo_stack.count() == 1 and code
    assert not model.setData(index, "12.5")            # a count of people is whole
    window.session.undo_stack.undo()
    tab.reload()
    assert tab.detail_model.row(row)["official"] is None
