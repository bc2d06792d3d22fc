"""The 重点任务 tab: the tree chapter → section → task, filters by year and status, counts per status,
editing a task's status, note and unit with undo."""

from __future__ import annotations

import pytest

from models.planning import tasks as task_model
from ui.tabs.tasks_tab import ID_ROLE

TASKS = 6  # index of the tab


@pytest.fixture
def tab(window):
    window.tabs.setCurrentIndex(TASKS)
    return window.park_tabs[TASKS]


def task_items(tab):
    out = []
    for c in range(tab.tree.topLevelItemCount()):
        chapter = tab.tree.topLevelItem(c)
        for s in range(chapter.childCount()):
            section = chapter.child(s)
            out += [section.child(i) for i in range(section.childCount())]
    return out


def test_tree_of_chapters_sections_and_tasks(window, tab):
    assert window.tabs.tabText(TASKS) == "重点任务"
    assert tab.tree.topLevelItemCount() == 5
    assert tab.tree.topLevelItem(1).text(0) == "四、加快创新产业集聚发展"
    assert tab.tree.topLevelItem(1).child(0).text(0) == "(一)着力提升传统优势产业能级"
    items = task_items(tab)
    assert len(items) == 72
    assert items[7].text(0).startswith("4.1.2  现代贸易积极对接") and items[7].text(1) == "现代贸易"
    assert "未填报 72" in tab.counts_label.text()


def test_edit_status_note_and_unit_with_undo_and_filter(window, tab):
    conn = window.session.park.conn
    tab.year_box.setCurrentIndex(tab.year_box.findData(2023))
    target = task_items(tab)[7]
    tab.tree.setCurrentItem(target)
    task_id = target.data(0, ID_ROLE)
    assert tab.current_task().code == "4.1.2"
    tab.status_edit.setCurrentIndex(tab.status_edit.findData("behind"))
    tab.on_field_edited("status")
    tab.note_edit.setText("进口贸易促进创新示范区方案待批")
    tab.on_field_edited("note")
    tab.unit_edit.setText("区商务委")
    tab.on_field_edited("unit")
    row = conn.execute("SELECT status, note FROM task_years WHERE task_id = ? AND year = 2023", (task_id,)).fetchone()
    assert row == ("behind", "进口贸易促进创新示范区方案待批")
    assert conn.execute("SELECT unit FROM tasks WHERE code = '4.1.2'").fetchone()[0] == "区商务委"
    assert "滞后 1" in tab.counts_label.text() and "未填报 71" in tab.counts_label.text()
    tab.status_box.setCurrentIndex(tab.status_box.findData("behind"))
    items = task_items(tab)
    assert [i.text(3) for i in items] == ["滞后"] and items[0].text(2) == "区商务委"
    window.session.undo_stack.undo()  # the unit
    window.session.undo_stack.undo()  # the note
    window.session.undo_stack.undo()  # the status
    assert conn.execute("SELECT status, note FROM task_years WHERE task_id = ? AND year = 2023",
                        (task_id,)).fetchone() == (None, None)
    assert conn.execute("SELECT unit FROM tasks WHERE code = '4.1.2'").fetchone()[0] is None
    assert task_items(tab) == []  # nothing is 滞后 any more
    assert task_model.status_counts(task_model.list_tasks(conn), 2023)["unset"] == 72
