"""A first start that guides: empty states with the next step wired to the File menu's actions, the File menu
in the office's order, one default year for all tabs, and no statuses counted on an empty file."""

from __future__ import annotations

from tests import known_figures as known


def _tab(window, cls_name: str):
    return next(t for t in window.park_tabs if type(t).__name__ == cls_name)


def test_empty_file_says_what_to_do_first_and_counts_no_status(window):
    indicators = _tab(window, "IndicatorsTab")
    assert indicators.first_steps.isVisibleTo(indicators)
    assert indicators.first_steps.primary.text() == "导入企业报表…"
    assert indicators.first_steps.secondary.text() == "导入官方数据…"
    assert indicators.no_data_label.isVisibleTo(indicators) and indicators.no_data_label.text() == "暂无数据"
    assert not any(chip.isVisibleTo(indicators) for chip in indicators.status_chips.values())
    window.tabs.setCurrentWidget(_tab(window, "ReturnsTab"))  # tabs fill when first shown
    returns = _tab(window, "ReturnsTab")
    assert returns.page.is_empty()
    assert returns.empty_state.primary.text() == "导入企业报表…"


def test_empty_state_buttons_run_the_window_actions(window, monkeypatch):
    called = []
    monkeypatch.setattr(window.returns_actions, "on_import", lambda: called.append("returns"))
    monkeypatch.setattr(window.returns_actions, "on_export_form", lambda: called.append("form"))
    monkeypatch.setattr(window.official_actions, "on_import", lambda: called.append("official"))
    returns = _tab(window, "ReturnsTab")
    window.tabs.setCurrentWidget(returns)
    returns.empty_state.primary.click()
    returns.empty_state.secondary.click()
    indicators = _tab(window, "IndicatorsTab")
    indicators.first_steps.secondary.click()
    indicators.first_steps.primary.click()
    assert called == ["returns", "form", "official", "returns"]


def test_figures_and_returns_replace_the_guidance_and_every_tab_opens_on_their_year(window):
    known.fill(window.session.park)  # official figures up to 2023, returns of 2023
    # as when the file is opened: the tabs reload (each when shown), then take the one default year
    window.session.opened.emit()
    window.apply_default_year()
    window._charts_drawn.clear()
    window.on_tab_shown(0)
    indicators = _tab(window, "IndicatorsTab")
    assert not indicators.first_steps.isVisibleTo(indicators)
    assert window.default_year() == 2023
    assert indicators.year == 2023
    for name in ("IndustriesTab", "TasksTab", "ReturnsTab"):
        window.tabs.setCurrentWidget(_tab(window, name))
    assert _tab(window, "IndustriesTab").year_box.currentData() == 2023
    assert _tab(window, "TasksTab").year_box.currentData() == 2023  # its own default is the plan's last year
    assert not _tab(window, "ReturnsTab").page.is_empty()
    window.tabs.setCurrentWidget(indicators)
    assert indicators.status_chips["behind"].isVisibleTo(indicators)
    assert not indicators.no_data_label.isVisibleTo(indicators)
    # a year without figures counts no status
    indicators.year_combo.setCurrentIndex(indicators.year_combo.findData(2024))
    assert indicators.no_data_label.isVisibleTo(indicators)
    assert not any(chip.isVisibleTo(indicators) for chip in indicators.status_chips.values())


def test_file_menu_in_the_order_of_the_office_year(window):
    texts = [a.text() for a in window.file_menu.actions()]
    assert texts[:6] == ["新建(&N)…", "新建规划…", "打开(&O)…", "另存为(&A)…", "最近打开的文件(&R)", "规划设置(&T)…"]
    sections = "|".join("-" if not t else t for t in texts[6:]).split("|-|")
    imports, exports = sections[0].lstrip("-|").split("|"), sections[1].split("|")
    assert imports[:2] == ["导入企业报表(&I)…", "导入官方数据…"]
    assert exports[0] == "导出报表模板(&F)…" and "导出PDF(&D)…" in exports and exports[-1] == "打印(&P)…"
    assert texts[-1] == "退出(&Q)"
