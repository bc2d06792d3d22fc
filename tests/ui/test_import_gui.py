"""Importing through the window: the check a background job, progress dialog with Cancel, review dialog,
commit, the indicators tab updated; dropped files; undo of an import; export of the form."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QPushButton

from tests.conftest import wait_job
from tests.returns_data import code, row, write_openpyxl
from ui.jobs import JobProgress


def _total_revenue(window, year):
    tab = window.park_tabs[0]
    series = next(s for s in tab.series if s.indicator.code == "total_revenue")
    return series.years[year].derived


def _count(window):
    return window.session.park.conn.execute("SELECT COUNT(*) FROM returns").fetchone()[0]


class HeldProgress(JobProgress):
    """Holds the worker at its first step until the test lets it go (so the progress dialog shows)."""

    reached = threading.Event()
    release = threading.Event()

    def step(self, done, total, text=""):
        super().step(done, total, text)
        HeldProgress.reached.set()
        HeldProgress.release.wait(10)


@pytest.fixture
def held():
    HeldProgress.reached.clear()
    HeldProgress.release.clear()
    yield HeldProgress
    HeldProgress.release.set()


def test_import_through_the_gui_updates_the_indicators_tab(window, qtbot, tmp_path, held):
    path = write_openpyxl(tmp_path / "回收.xlsx", [row(1), row(2), row(3, tax="约100")])
    actions = window.returns_actions
    controller = actions.controller
    controller.progress_delay_ms = 50
    controller.progress_class = held
    changed = []
    window.session.changed.connect(changed.append)
    assert _total_revenue(window, 2023) is None

    assert controller.start([str(path)])
    assert held.reached.wait(10)  # the worker thread is running, the GUI thread is free
    qtbot.waitUntil(lambda: controller.progress_dialog is not None and controller.progress_dialog.isVisible())
    assert controller.job is not None and _count(window) == 0
    held.release.set()
    with qtbot.waitSignal(controller.checked, timeout=10000):
        pass
    review = controller.review
    assert review is not None and review.isVisible() and controller.progress_dialog is None
    assert review.models["accepted"].rowCount() == 2
    assert review.models["rejected"].rowCount() == 1
    reason = review.models["rejected"].index(0, 6).data()
    assert reason == "“约100”不是数字"
    assert review.models["rejected"].index(0, 2).data() == "4"
    assert review.models["accepted"].index(0, 5).data() == "2023"  # a year, not the number "2,023"
    assert _count(window) == 0  # nothing stored before the user commits
    window.grab().save(str(tmp_path / "window.png"))
    review.grab().save(str(tmp_path / "review.png"))

    with qtbot.waitSignal(controller.imported, timeout=10000) as blocker:
        qtbot.mouseClick(review.import_button, Qt.MouseButton.LeftButton)
    assert blocker.args[0] == 1
    assert "returns" in changed
    assert _count(window) == 2
    # 1001 + 1002 万元 = 0.2003 亿元, visible through the indicators tab after its reload
    assert _total_revenue(window, 2023) == pytest.approx(0.2003)


def test_cancel_while_checking_leaves_the_file_untouched(window, qtbot, tmp_path, held):
    path = write_openpyxl(tmp_path / "a.xlsx", [row(1)])
    controller = window.returns_actions.controller
    controller.progress_delay_ms = 0
    controller.progress_class = held
    before = window.session.park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()
    assert controller.start([str(path)])
    qtbot.waitUntil(lambda: controller.progress_dialog is not None and controller.progress_dialog.isVisible())
    with qtbot.waitSignal(controller.cancelled, timeout=10000):
        button = controller.progress_dialog.findChild(QPushButton)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        held.release.set()
    assert controller.review is None and controller.job is None
    assert _count(window) == 0
    assert window.session.park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone() == before


def test_conflicts_replace_in_review_then_undo_import(window, qtbot, tmp_path):
    controller = window.returns_actions.controller
    first = write_openpyxl(tmp_path / "a.xlsx", [row(1), row(2)])
    with qtbot.waitSignal(controller.checked, timeout=10000):
        controller.start([str(first)])
    with qtbot.waitSignal(controller.imported, timeout=10000):
        controller.review.accept()
    second = write_openpyxl(tmp_path / "b.xlsx", [row(2, revenue=5000)])
    with qtbot.waitSignal(controller.checked, timeout=10000):
        controller.start([str(second)])
    review = controller.review
    assert review.models["conflicts"].rowCount() == 1 and review.to_store() == 0
    assert not review.import_button.isEnabled()
    review.replace_button.setChecked(True)
    assert review.import_button.isEnabled() and "1" in review.summary.text()
    with qtbot.waitSignal(controller.imported, timeout=10000) as blocker:
        review.accept()
    conn = window.session.park.conn
    assert conn.execute("SELECT revenue FROM returns WHERE credit_code = ?", (code(2),)).fetchone() == (5000.0,)

    actions = window.returns_actions
    assert actions.undo(blocker.args[0])
    assert conn.execute("SELECT revenue FROM returns WHERE credit_code = ?", (code(2),)).fetchone() == (1002.0,)
    # the Undo import dialog lists both batches, the undone one marked and not undoable again
    actions.on_undo_import()
    dialog = actions.undo_dialog
    assert dialog.model.rowCount() == 2
    assert dialog.selected_batch()["id"] == 1 and dialog.undo_button.isEnabled()
    dialog.view.selectRow(0)
    assert dialog.selected_batch()["undone_at"] and not dialog.undo_button.isEnabled()
    # times as people write them, to the minute (2026-12-01 11:00), and the file's name alone
    import re

    shown = [dialog.model.index(0, c).data() for c in range(dialog.model.columnCount())]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", shown[1]) and re.fullmatch(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}", shown[5])
    assert shown[3] == "b.xlsx"
    dialog.view.selectRow(1)
    dialog.accept()
    assert _count(window) == 0


def test_review_cancel_stores_nothing(window, qtbot, tmp_path):
    controller = window.returns_actions.controller
    with qtbot.waitSignal(controller.checked, timeout=10000):
        controller.start([str(write_openpyxl(tmp_path / "a.xlsx", [row(1)]))])
    with qtbot.waitSignal(controller.cancelled, timeout=10000):
        controller.review.reject()
    assert _count(window) == 0 and not controller.busy


# QDragEnterEvent's only constructor takes a QPoint, which PySide6 marks deprecated.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_dropping_xlsx_files_on_the_window_starts_an_import(window, qtbot, tmp_path):
    path = write_openpyxl(tmp_path / "dropped.xlsx", [row(7)])
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    assert window.returns_actions.dropped_paths(mime) == [str(path)]
    # Delivered like a real drag: to the window's QWindow, which routes it to the widget under the point.
    handle = window.windowHandle()
    enter = QDragEnterEvent(QPoint(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(handle, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(200, 200), Qt.DropAction.CopyAction, mime, Qt.MouseButton.NoButton,
                      Qt.KeyboardModifier.NoModifier)
    controller = window.returns_actions.controller
    with qtbot.waitSignal(controller.checked, timeout=10000) as blocker:
        QApplication.sendEvent(handle, drop)
    assert [r["credit_code"] for r in blocker.args[0].accepted] == [code(7)]
    controller.review.reject()


def test_file_menu_has_the_returns_actions_and_export_writes_the_form(window, qtbot, tmp_path):
    texts = [a.text() for a in window.file_menu.actions()]
    actions = window.returns_actions
    for action in (actions.action_import, actions.action_export_form, actions.action_undo_import):
        assert action.text() in texts
    assert window.file_menu.actions().index(actions.action_undo_import) < \
        window.file_menu.actions().index(window.file_extras_anchor)
    assert "导入" in actions.action_import.text()  # the interface is in Chinese
    out = wait_job(qtbot, actions.export_form(tmp_path / "表"))
    assert out == str(tmp_path / "表.xlsx")
    from models.returns.return_reader import read_returns

    assert read_returns(out).sheets[0].rows == []


def test_undo_import_with_nothing_imported_says_so(window, capsys):
    window.returns_actions.on_undo_import()
    assert "尚未导入" in capsys.readouterr().err
    assert getattr(window.returns_actions, "undo_dialog", None) is None


def test_export_return_form_asks_the_year_and_suggests_the_next_collection(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QInputDialog

    from tests.known_figures import add_return

    conn = window.session.park.conn
    conn.execute("INSERT INTO import_batches (created_at, files) VALUES ('2024-03-01T09:00:00', '[]')")
    add_return(conn, 1, credit_code=code(1), name="甲", year=2023, industry="金融服务业", zone="中部虹桥片区")
    conn.commit()
    asked = {}

    def get_item(parent, title, label, items, current, editable):
        asked.update(items=items, current=current)
        return "2024", True

    out = tmp_path / "form.xlsx"
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(get_item))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(out), "")))
    assert wait_job(qtbot, window.returns_actions.on_export_form()) == str(out)
    assert asked["items"][asked["current"]] == "2024"  # returns of 2023 are in: 2024 is collected next
    from openpyxl import load_workbook

    notes = load_workbook(out)["填报说明"]
    assert "2024年度" in str(notes["A1"].value)
    monkeypatch.setattr(QInputDialog, "getItem", staticmethod(lambda *a: ("", False)))
    assert window.returns_actions.on_export_form() is None  # cancelled: nothing asked further


def test_an_import_is_a_step_of_edit_undo_which_asks_first(window, qtbot, tmp_path):
    """Edit ▸ Undo after an import asks; No keeps the batch, Yes removes it and the step leaves the stack."""
    controller = window.returns_actions.controller
    stack = window.session.undo_stack
    window.session.edit("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 3.9}, "official")
    source = write_openpyxl(tmp_path / "a.xlsx", [row(1), row(2), row(3)])
    with qtbot.waitSignal(controller.checked, timeout=10000):
        controller.start([str(source)])
    with qtbot.waitSignal(controller.imported, timeout=10000) as blocker:
        controller.review.accept()
    batch = blocker.args[0]
    assert _count(window) == 3 and (stack.count(), stack.index()) == (2, 2)
    assert window.action_undo.text() == f"撤销(&U) 导入企业报表（第{batch}批）"

    asked = []
    window.session.confirm = lambda text: asked.append(text) or False      # the user says No
    window.action_undo.trigger()
    assert len(asked) == 1 and str(batch) in asked[0]
    assert _count(window) == 3 and stack.index() == 2

    window.session.confirm = lambda text: True                              # Yes
    window.action_undo.trigger()
    assert _count(window) == 0
    conn = window.session.park.conn
    assert conn.execute("SELECT undone_at IS NOT NULL FROM import_batches WHERE id = ?", (batch,)).fetchone() == (1,)
    assert (stack.count(), stack.index()) == (1, 1) and not stack.canRedo()   # gone, not redoable
    window.action_undo.trigger()                                            # the edit before it, as usual
    assert conn.execute("SELECT official FROM indicator_years WHERE code = 'rd_intensity' AND year = 2021"
                        ).fetchone() == (None,)
