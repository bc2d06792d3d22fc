"""Every export ends visibly: a status-bar line and a message with 打开文件 / 打开所在文件夹 (ui.finished)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import wait_job
from ui import finished


@pytest.fixture
def opened(monkeypatch):
    urls: list[str] = []
    monkeypatch.setattr(finished, "open_url", lambda url: urls.append(url.toLocalFile()) or True)
    return urls


def _answered(window, button: str, qtbot) -> None:
    box = window.finished_box
    assert box is not None and box.isVisible()
    getattr(box, button).click()
    qtbot.waitUntil(lambda: window.finished_box is None)


def test_return_form_export_says_where_and_opens_the_folder(window, qtbot, tmp_path, opened):
    window.interactive = True
    out = tmp_path / "表格" / "企业报表2024.xlsx"
    out.parent.mkdir()
    assert wait_job(qtbot, window.returns_actions.export_form(out, 2024)) == str(out)
    assert str(out) in window.statusBar().currentMessage()
    assert "企业报表2024.xlsx" in window.finished_box.text()
    assert window.finished_box.file_button.text() == "打开文件(&O)"
    _answered(window, "folder_button", qtbot)
    assert [Path(u) for u in opened] == [out.parent]


def test_official_table_and_excel_export_open_the_file(window, qtbot, tmp_path, opened):
    window.interactive = True
    out = tmp_path / "官方数据.xlsx"
    assert wait_job(qtbot, window.official_actions.export(out)) == str(out)
    _answered(window, "file_button", qtbot)
    assert [Path(u) for u in opened] == [out]

    actions = window.report_actions()
    book = tmp_path / "全部.xlsx"
    with qtbot.waitSignal(actions.done, timeout=60_000):
        actions.export_excel(book)
    assert book.exists() and str(book) in window.statusBar().currentMessage()
    _answered(window, "file_button", qtbot)
    assert [Path(u) for u in opened] == [out, book]


def test_not_interactive_still_leaves_the_status_line(window, qtbot, tmp_path, opened):
    out = tmp_path / "企业报表.xlsx"
    wait_job(qtbot, window.returns_actions.export_form(out, None))
    assert str(out) in window.statusBar().currentMessage()
    assert getattr(window, "finished_box", None) is None and opened == []
