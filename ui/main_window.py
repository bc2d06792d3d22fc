"""The main window: File/Edit/View/Help menus and one tab per part of the plan."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QTabWidget, QWidget

from models.base import paths
from models.base.version import __version__
from ui.i18n import LANGUAGES, SETTINGS_KEY as LANGUAGE_KEY
from ui.session import ParkSession

MAX_RECENT = 8
FILE_FILTER = "园区数据文件 (*.sqlite *.db);;All files (*)"


def tab_classes() -> list[type]:
    """The tab classes (ui.tabs.base.ParkTab), in the order of `MainWindow.tab_titles()`.

    Imported when a file is first opened, after the window's first paint, to keep start-up light.
    """
    from ui.tabs.indicators_tab import IndicatorsTab

    indicators = IndicatorsTab
    from ui.tabs.industries_tab import IndustriesTab

    industries = IndustriesTab
    from ui.tabs.zones_tab import ZonesTab

    zones = ZonesTab
    from ui.tabs.talent_tab import TalentTab

    talent = TalentTab
    from ui.tabs.returns_tab import ReturnsTab

    returns = ReturnsTab
    from ui.tabs.facts_tab import FactsTab
    from ui.tabs.tasks_tab import TasksTab

    return [indicators, industries, zones, talent, returns, FactsTab, TasksTab]


class MainWindow(QMainWindow):
    """The application's one window.

    Attributes:
        session: the open park file and its undo stack, shared with the tabs.
        tabs: the QTabWidget; `park_tabs` lists its ParkTab pages in order.
    Signals:
        language_requested(str): the user chose another interface language (the app rebuilds the window).
    """

    language_requested = Signal(str)

    def __init__(self, settings: QSettings, language: str = "zh_CN", parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.language = language
        # False in the smoke run and batch use: messages go to stderr and questions are answered "no".
        self.interactive = True
        self.session = ParkSession(self)
        self._lock_timer = QTimer(self)  # its interval is set when a file is opened for editing
        self._lock_timer.timeout.connect(self.refresh_lock)
        # Later, not now: the write that noticed runs inside an undo command, and reopening clears the undo stack.
        self.session.lock_lost.connect(lambda: QTimer.singleShot(0, self.refresh_lock))
        self.session.failed.connect(self.on_write_failed)
        self.session.opened.connect(self.update_title)
        self.tabs = QTabWidget(self)
        self.park_tabs: list = []
        self._charts_drawn: set[int] = set()
        for title in self.tab_titles():
            self.tabs.addTab(QWidget(self.tabs), title)
        self.tabs.currentChanged.connect(self.on_tab_shown)
        self.setCentralWidget(self.tabs)
        self._build_menus()
        self.update_title()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)

    def tab_titles(self) -> list[str]:
        return [self.tr("Indicators"), self.tr("Industries"), self.tr("Zones"), self.tr("Talent"),
                self.tr("Enterprise returns"), self.tr("Plan figures"), self.tr("Key tasks")]

    def build_tabs(self) -> None:
        """Replace the placeholder pages by the real tabs (once)."""
        if self.park_tabs:
            return
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        for index, (cls, title) in enumerate(zip(tab_classes(), self.tab_titles())):
            tab = cls(self.session, self.tabs)
            tab.fill_when_shown = True  # a hidden tab is filled when first shown, not at every open or change
            placeholder = self.tabs.widget(index)
            self.tabs.removeTab(index)
            self.tabs.insertTab(index, tab, title)
            placeholder.deleteLater()
            self.park_tabs.append(tab)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)

    # ------------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.action_new = self._action(self.file_menu, self.tr("&New…"), self.on_new, QKeySequence.StandardKey.New)
        self.action_new_plan = self._action(self.file_menu, self.tr("New plan from a definition…"), self.on_new_plan)
        self.action_plan_settings = self._action(self.file_menu, self.tr("Plan se&ttings…"), self.on_plan_settings)
        self.action_open = self._action(self.file_menu, self.tr("&Open…"), self.on_open, QKeySequence.StandardKey.Open)
        self.action_save_as = self._action(self.file_menu, self.tr("Save &As…"), self.on_save_as,
                                           QKeySequence.StandardKey.SaveAs)
        self.recent_menu = self.file_menu.addMenu(self.tr("&Recent files"))
        self.file_menu.addSeparator()
        self.file_extras_anchor = self.file_menu.addSeparator()
        self.action_quit = self._action(self.file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        self.edit_menu = bar.addMenu(self.tr("&Edit"))
        # Not createUndoAction: undoing an import asks first (ParkSession.undo), which the stack's own action
        # cannot do. The text and state follow the stack the same way.
        stack = self.session.undo_stack
        undo = QAction(self.tr("&Undo"), self)
        undo.setShortcuts(QKeySequence.StandardKey.Undo)
        undo.triggered.connect(self.session.undo)
        undo.setEnabled(stack.canUndo())
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.undoTextChanged.connect(
            lambda text: undo.setText(self.tr("&Undo %1").replace("%1", text) if text else self.tr("&Undo")))
        self.action_undo = undo
        self.session.confirm = self.confirm_undo_import
        redo = self.session.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence.StandardKey.Redo])
        self.edit_menu.addAction(undo)
        self.edit_menu.addAction(redo)

        self.view_menu = bar.addMenu(self.tr("&View"))
        language_menu = self.view_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = language_menu.addAction(name)
            action.setCheckable(True)
            action.setChecked(code == self.language)
            action.triggered.connect(lambda checked=False, c=code: self.on_language(c))
            group.addAction(action)

        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.action_user_guide = self._action(self.help_menu, self.tr("&User guide"), self.on_user_guide,
                                              QKeySequence.StandardKey.HelpContents)
        self._action(self.help_menu, self.tr("&About"), self.on_about)
        self._refresh_recent_menu()
        self._build_report_actions()
        self._build_returns_actions()
        self._build_official_actions()
        self._order_file_menu()

    def _order_file_menu(self) -> None:
        """The File menu in the order of the office's year: the file (new, open, save as, recent) — bring
        figures in (returns, official figures; undo an import) — send and publish (the return form, the
        official figures table, the report as PDF, Word, Excel, print) — quit."""
        returns, official = self.returns_actions, self.official_actions
        groups = [
            [self.action_new, self.action_new_plan, self.action_open, self.action_save_as,
             self.recent_menu.menuAction(), self.action_plan_settings],
            [returns.action_import, official.action_import, returns.action_undo_import],
            [returns.action_export_form, official.action_export, self.action_export_pdf, self.action_export_word,
             self.action_export_excel, self.action_print],
            [self.action_quit],
        ]
        ordered = [a for group in groups for a in group]
        others = [a for a in self.file_menu.actions() if not a.isSeparator() and a not in ordered]
        for action in self.file_menu.actions():
            self.file_menu.removeAction(action)
        groups[-2] += others  # anything added by others stays, among the exports
        for index, group in enumerate(groups):
            if index:
                self.file_menu.addSeparator()
            self.file_menu.addActions(group)
        self.file_extras_anchor = self.action_quit

    def _build_report_actions(self) -> None:
        """File ▸ Export PDF…, Export Word…, Print…, Export to Excel… (ui.report_dialog, imported on first use)."""
        self._report_actions = None
        made = []
        for text, name, shortcut in ((self.tr("Export P&DF…"), "on_export_pdf", None),
                                     (self.tr("Export &Word…"), "on_export_word", None),
                                     (self.tr("&Print…"), "on_print", QKeySequence.StandardKey.Print),
                                     (self.tr("Export to &Excel…"), "on_export_excel", None)):
            action = QAction(text, self)
            if shortcut is not None:
                action.setShortcuts(shortcut)
            action.triggered.connect(lambda checked=False, n=name: getattr(self.report_actions(), n)())
            self.file_menu.insertAction(self.file_extras_anchor, action)
            made.append(action)
        self.action_export_pdf, self.action_export_word, self.action_print, self.action_export_excel = made

    def _build_returns_actions(self) -> None:
        """File ▸ Import returns…, Export return form…, Undo import…, and dropped .xlsx files (ui.returns_actions)."""
        from ui.returns_actions import ReturnsActions

        self.returns_actions = ReturnsActions(self)

    def _build_official_actions(self) -> None:
        """File ▸ Export official figures table…, Import official figures… (ui.official_actions)."""
        from ui.official_actions import OfficialActions

        self.official_actions = OfficialActions(self)

    def report_actions(self):
        """The window's ui.report_dialog.ReportActions (made on first use)."""
        if self._report_actions is None:
            from ui.report_dialog import ReportActions

            self._report_actions = ReportActions(self)
        return self._report_actions

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.triggered.connect(slot)
        if shortcut is not None:
            action.setShortcuts(shortcut)  # all the platform's bindings (setShortcut would build Qt's enums first)
        return action

    def confirm_undo_import(self, text: str) -> bool:
        """Asked before Edit ▸ Undo removes an import batch."""
        return self.ask(self.tr("Undo import"), self.tr("Undo “%1”? Its rows are removed from the file and the "
                                                         "rows it replaced are put back.").replace("%1", text))

    # ------------------------------------------------------------------ files
    def open_file(self, path: Path, *, ask_read_only: bool = True, read_only: bool = False) -> bool:
        """Open a park file; shows the reason and keeps the current file if it cannot be opened.

        Someone else holding the file's lock (models.store.lock) is named, with Open read-only / Take over (when
        the lock is stale) / Cancel. `read_only` opens without taking the lock.
        A file in use by another program (SQLite busy) gets Retry / Open read-only; only a file that,
        opened alone, fails SQLite's integrity check gets the offer to restore a backup copy.
        """
        from models.store import db as parkdb
        from models.store import lock as parklock

        path = Path(path)
        lock = None
        if path.exists() and not read_only:
            try:
                lock = parklock.acquire(path)
            except parklock.LockError as exc:
                if not ask_read_only:
                    return False
                choice = self.lock_choice(path, exc)
                if choice == "take_over":
                    try:
                        lock = parklock.acquire(path, take_over=True)
                    except parklock.LockError as again:
                        self.warn(self.tr("File in use"), str(again))
                        return False
                elif choice == "read_only":
                    read_only = True
                else:
                    return False
        try:
            park = parkdb.open_park(path, read_only=read_only, lock=lock)
        except parkdb.ParkFileError as exc:
            if lock is not None:
                lock.unlock()
            if isinstance(exc, parkdb.FileBusyError):
                return self.offer_retry(path, str(exc), read_only)
            if isinstance(exc, parkdb.UntrustedFileError):
                return self.offer_clean_copy(path, str(exc))
            if isinstance(exc, (parkdb.DamagedFileError, parkdb.NotAParkFile)) and not read_only:
                from models.store import recovery

                if recovery.fails_integrity_check(path):
                    return self.offer_backup(path, str(exc))
            self.warn(self.tr("Cannot open file"), str(exc))
            return False
        if not read_only:
            self.make_daily_backup(park)
        self.build_tabs()
        self.session.set_park(park)
        self.apply_default_year()
        self._charts_drawn.clear()
        self.on_tab_shown(self.tabs.currentIndex())
        self._remember(path)
        if lock is not None:
            from models.store.lock import REFRESH_SECONDS

            self._lock_timer.start(REFRESH_SECONDS * 1000)
        return True

    def default_year(self) -> int:
        """The one year every tab opens on: the latest year with figures anywhere (indicators, industries,
        zones, talent, returns), else the plan's base year (models.planning.default_year)."""
        from models.planning.default_year import latest_year_with_figures

        return latest_year_with_figures(self.session.park.conn)

    def apply_default_year(self) -> None:
        """A file was opened: put every tab's year choice on `default_year()` — the tab on screen now, each
        other tab when it is first shown (tabs fill only when shown). A year list with an "all" entry (the
        returns' filter) keeps it."""
        if self.session.park is None:
            return
        self.year = self.default_year()
        self._year_pending = set(range(len(self.park_tabs)))

    def _apply_year_to(self, index: int) -> None:
        pending = getattr(self, "_year_pending", set())
        if index not in pending or not 0 <= index < len(self.park_tabs):
            return
        pending.discard(index)
        tab = self.park_tabs[index]
        combo = getattr(tab, "year_combo", None) or getattr(tab, "year_box", None)
        if combo is None or combo.count() == 0 or combo.itemData(0) is None:
            return
        found = combo.findData(self.year)
        if found >= 0 and found != combo.currentIndex():
            combo.setCurrentIndex(found)

    def lock_choice(self, path: Path, error) -> str:
        """Someone holds the lock of `path`: "read_only", "take_over" (after a confirmation) or "cancel"."""
        info = error.info
        title = self.tr("File in use")
        if info is None:  # the lock file could not be made (a read-only folder)
            text = str(error) + "\n\n" + self.tr("Open it read-only?")
            return "read_only" if self.ask(title, text) else "cancel"
        text = self.tr("“%1”: %2 has been editing it on %3 since %4.").replace("%1", path.name) \
            .replace("%2", info.user or "?").replace("%3", info.host or "?").replace("%4", info.since_text())
        stale = info.may_take_over()
        if stale:
            minutes = str(int(info.age_seconds() // 60))
            text += "\n" + self.tr("The lock has not been renewed for %1 minutes: that computer may have crashed "
                                   "or lost the network.").replace("%1", minutes)
        if not self.interactive:
            print(f"{title}: {text}", file=sys.stderr)
            return "cancel"
        options = [("read_only", self.tr("Open &read-only"), QMessageBox.ButtonRole.AcceptRole)]
        if stale:
            options.append(("take_over", self.tr("&Take over"), QMessageBox.ButtonRole.DestructiveRole))
        choice = self.choose(QMessageBox.Icon.Information, title, text, options, QMessageBox.StandardButton.Cancel)
        if choice == "take_over":
            confirm = self.tr("Take over “%1” from %2 on %3?\nDo this only if nobody is working on the file "
                              "there any more: from now on that computer can no longer save its changes.") \
                .replace("%1", path.name).replace("%2", info.user or "?").replace("%3", info.host or "?")
            return "take_over" if self.ask(self.tr("Take over"), confirm) else "cancel"
        return choice or "cancel"

    def refresh_lock(self) -> None:
        """Every REFRESH_SECONDS while a file is open for editing: tell others we are still here.

        If someone took the lock over meanwhile (this computer slept, or lost the network), the file is
        reopened read-only and the user told.
        """
        park = self.session.park
        if park is None or park.read_only or park.lock is None:
            self._lock_timer.stop()
            return
        if park.lock.refresh():
            return
        self._lock_timer.stop()
        from models.store.lock import read_lock

        holder = read_lock(park.path)
        who = f"{holder.user or '?'} ({holder.host or '?'})" if holder is not None else "?"
        self.warn(self.tr("File taken over"),
                  self.tr("“%1” has been taken over by %2; it is now open read-only.")
                  .replace("%1", park.path.name).replace("%2", who))
        self.open_file(park.path, read_only=True)

    def choose(self, icon, title: str, text: str, options: list[tuple[str, str, object]], close_button) -> str | None:
        """A message box with the buttons of `options` ((key, label, role); the first is the default) and a
        standard `close_button`; returns the key of the button pressed, or None."""
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self)
        buttons = [(box.addButton(label, role), key) for key, label, role in options]
        box.addButton(close_button)
        if buttons:
            box.setDefaultButton(buttons[0][0])
        box.exec()
        clicked = box.clickedButton()
        chosen = next((key for button, key in buttons if button is clicked), None)
        box.deleteLater()
        return chosen

    def offer_retry(self, path: Path, message: str, read_only: bool) -> bool:
        """`path` is in use by another program or colleague: offer Retry, Open read-only (unless that is
        what failed) or Cancel. Returns whether a file was opened. Never offers a backup: locked is not
        damaged."""
        title = self.tr("File in use")
        if not self.interactive:
            print(f"{title}: {message}", file=sys.stderr)
            return False
        options = [("retry", self.tr("&Retry"), QMessageBox.ButtonRole.AcceptRole)]
        if not read_only:
            options.append(("read_only", self.tr("Open &read-only"), QMessageBox.ButtonRole.AcceptRole))
        choice = self.choose(QMessageBox.Icon.Warning, title, message, options, QMessageBox.StandardButton.Cancel)
        if choice == "retry":
            return self.open_file(path, read_only=read_only)
        if choice == "read_only":
            return self.open_file(path, read_only=True)
        return False

    def offer_clean_copy(self, path: Path, message: str) -> bool:
        """`path` carries objects or values this program does not write: say so and offer to export a
        clean copy (a new file from the template with only the known tables' rows) and open that.
        Returns whether a file was opened; `path` itself is never changed."""
        title = self.tr("Cannot open file")
        if not self.interactive:
            self.warn(title, message)
            return False
        options = [("export", self.tr("Export a &clean copy…"), QMessageBox.ButtonRole.AcceptRole)]
        if self.choose(QMessageBox.Icon.Warning, title, message, options, QMessageBox.StandardButton.Close) != "export":
            return False
        suggested = path.with_name(f"{path.stem}.clean{path.suffix}")
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Export a clean copy"), str(suggested), FILE_FILTER)
        if not name:
            return False
        from models.store import db as parkdb
        from models.store import recovery

        target = Path(name)
        if target.exists() or target.resolve() == path.resolve():
            self.warn(title, self.tr("“%1” already exists; choose another name.").replace("%1", target.name))
            return False
        try:
            made = recovery.export_clean_copy(path, target)
        except parkdb.ParkFileError as exc:
            self.warn(title, str(exc))
            return False
        self.inform(self.tr("Clean copy"), made.summary())
        return self.open_file(target)

    def offer_backup(self, path: Path, message: str) -> bool:
        """`path` cannot be opened: offer to put its newest good backup copy in its place and open that.

        The damaged file is kept beside it under another name. Returns whether a file was opened.
        """
        from datetime import datetime

        from models.store import db as parkdb
        from models.store import recovery

        backup = recovery.newest_good_backup(path) if path.exists() else None
        if backup is None:
            self.warn(self.tr("Cannot open file"), message)
            return False
        now = datetime.now()
        kept = recovery.damaged_name(path, now)
        question = message + "\n\n" + self.tr(
            "A backup copy is beside it: “%1”.\nRestore the backup copy and open it? The file that cannot be "
            "opened is kept as “%2”.").replace("%1", backup.name).replace("%2", kept.name)
        if not self.ask(self.tr("Cannot open file"), question):
            return False
        try:
            recovery.restore_backup(path, backup, now)
        except parkdb.ParkFileError as exc:
            self.warn(self.tr("Cannot open file"), str(exc))
            return False
        return self.open_file(path)

    def open_start_file(self, explicit: Path | None) -> bool:
        """Open `explicit`, else the last file used, else (first start) a new file in the documents folder."""
        if explicit is not None:
            return self.open_file(explicit)
        last = self.settings.value("last_file", "", str)
        if last:
            if Path(last).exists():
                return self.open_file(Path(last))
            return self.offer_new_or_open(Path(last))
        from models.store import db as parkdb

        target = paths.default_park_path()
        if not target.exists():
            try:
                parkdb.create_park(target)
            except parkdb.ParkFileError as exc:
                self.warn(self.tr("Cannot create file"), str(exc))
                return False
        return self.open_file(target)

    def offer_new_or_open(self, missing: Path) -> bool:
        """The last file has gone: say so and offer New / Open / Cancel. Returns whether a file was opened."""
        title = self.tr("File not found")
        text = self.tr("The file used last time, “%1”, is no longer there (moved, renamed or deleted).\n"
                       "Create a new park file, or open another one?").replace("%1", str(missing))
        if not self.interactive:
            print(f"{title}: {text}", file=sys.stderr)
            return False
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, self)
        choice: list[str] = []
        new = box.addButton(self.tr("&New…"), QMessageBox.ButtonRole.AcceptRole)
        new.clicked.connect(lambda: choice.append("new"))
        box.addButton(self.tr("&Open…"), QMessageBox.ButtonRole.AcceptRole).clicked.connect(
            lambda: choice.append("open"))
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(new)
        box.exec()
        box.deleteLater()
        if choice == ["new"]:
            self.on_new()
        elif choice == ["open"]:
            self.on_open()
        return self.session.park is not None

    def make_daily_backup(self, park) -> None:
        """Today's backup copy beside the file (once a day, the last 10 kept); a failure is reported, not fatal."""
        import sqlite3

        from models.store.backup import daily_backup

        try:
            daily_backup(park.path, park.conn)
        except (OSError, sqlite3.Error) as exc:
            self.warn(self.tr("No backup copy"),
                      self.tr("Today's backup copy of “%1” could not be written beside it: %2")
                      .replace("%1", park.path.name).replace("%2", str(exc)))

    def on_new(self) -> None:
        start = str(paths.default_park_path().parent)
        name, _ = QFileDialog.getSaveFileName(self, self.tr("New park file"), start, FILE_FILTER)
        if not name:
            return
        from models.store import db as parkdb

        path = Path(name)
        if path.exists():
            self.warn(self.tr("Cannot create file"),
                                self.tr("“%1” already exists; choose another name.").replace("%1", path.name))
            return
        try:
            parkdb.create_park(path)
        except parkdb.ParkFileError as exc:
            self.warn(self.tr("Cannot create file"), str(exc))
            return
        self.open_file(path)

    def on_new_plan(self) -> None:
        """File ▸ 新建规划…: a park file from a plan definition workbook (ui.new_plan_dialog); opened when made."""
        from ui.new_plan_dialog import NewPlanDialog, carried_text

        dialog = NewPlanDialog(self)
        self.new_plan_dialog = dialog  # tests drive it; replaced by the next one
        dialog.accepted.connect(lambda: self.open_new_plan(dialog.created, carried_text(dialog.report)))
        dialog.open() if self.interactive else dialog.show()

    def open_new_plan(self, path: Path | None, carried: str) -> None:
        if path is None or not self.open_file(path):
            return
        text = self.tr("Created “%1” for the plan %2.").replace("%1", path.name) \
            .replace("%2", self.session.park.meta("plan_title", "") or "")
        self.inform(self.tr("New plan"), text + ("\n\n" + carried if carried else ""))

    def on_plan_settings(self) -> None:
        """File ▸ 规划设置…: the open file's plan definition, read-only (ui.plan_settings)."""
        if self.session.park is None:
            return
        from ui.plan_settings import PlanSettingsDialog

        old = getattr(self, "plan_settings_dialog", None)
        if old is not None:  # one at a time, showing the file open now
            old.close()
            old.deleteLater()
        self.plan_settings_dialog = PlanSettingsDialog(self.session.park.conn, self)
        self.plan_settings_dialog.show()

    def on_open(self) -> None:
        start = str(self.session.park.path.parent) if self.session.park else str(paths.default_park_path().parent)
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Open park file"), start, FILE_FILTER)
        if name:
            self.open_file(Path(name))

    def on_save_as(self) -> None:
        park = self.session.park
        if park is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save a copy as"), str(park.path.parent), FILE_FILTER)
        if not name:
            return
        from models.store import db as parkdb

        target = Path(name)
        if target.resolve() == park.path.resolve():
            return
        try:
            if target.exists():
                target.unlink()
            parkdb.copy_to(park, target)
        except (OSError, parkdb.ParkFileError) as exc:
            self.warn(self.tr("Cannot save copy"), str(exc))
            return
        self.open_file(target)

    def _remember(self, path: Path) -> None:
        recent = [p for p in self.recent_files() if Path(p) != path]
        recent.insert(0, str(path))
        self.settings.setValue("recent_files", recent[:MAX_RECENT])
        self.settings.setValue("last_file", str(path))
        self._refresh_recent_menu()

    def recent_files(self) -> list[str]:
        value = self.settings.value("recent_files", [])
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in (value or [])]

    def _refresh_recent_menu(self) -> None:
        self.recent_menu.clear()
        for name in self.recent_files():
            action = self.recent_menu.addAction(name)
            action.triggered.connect(lambda checked=False, p=name: self.open_file(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent_files()))

    # ------------------------------------------------------------------ messages
    def warn(self, title: str, text: str) -> None:
        if self.interactive:
            QMessageBox.warning(self, title, text)
        else:
            print(f"{title}: {text}", file=sys.stderr)

    def inform(self, title: str, text: str) -> None:
        if self.interactive:
            QMessageBox.information(self, title, text)
        else:
            print(f"{title}: {text}", file=sys.stderr)

    def ask(self, title: str, text: str) -> bool:
        if not self.interactive:
            print(f"{title}: {text}", file=sys.stderr)
            return False
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        return QMessageBox.question(self, title, text, buttons) == QMessageBox.StandardButton.Yes

    # ------------------------------------------------------------------ slots
    def on_tab_shown(self, index: int) -> None:
        if index < 0 or self.session.park is None:
            return
        if index in self._charts_drawn:
            self._apply_year_to(index)
            return
        self._charts_drawn.add(index)
        tab = self.park_tabs[index]
        tab.catch_up()  # filled before its charts are drawn, even before the window is shown
        self._apply_year_to(index)  # after its own reload, which may choose a year of its own
        tab.draw_charts()

    def update_title(self) -> None:
        park = self.session.park
        name = park.path.name if park else ""
        suffix = self.tr(" (read-only)") if park is not None and park.read_only else ""
        app_name = self.tr("Changning Park Plan Monitor")
        self.setWindowTitle(f"{name}{suffix} — {app_name}" if name else app_name)

    def on_write_failed(self, message: str) -> None:
        from ui.model_text import shown

        self.warn(self.tr("Not saved"), shown(message))

    def on_language(self, code: str) -> None:
        if code == self.language:
            return
        self.settings.setValue(LANGUAGE_KEY, code)
        self.language_requested.emit(code)

    def on_user_guide(self) -> None:
        """Help ▸ User guide: the Chinese guide shipped with the app, in a window beside this one."""
        from ui.help_dialog import HelpDialog

        if getattr(self, "help_dialog", None) is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    def on_about(self) -> None:
        park = self.session.park
        text = self.tr("Changning Park Plan Monitor, version %1").replace("%1", __version__)
        if park is not None:
            text += "\n" + self.tr("File: %1").replace("%1", str(park.path))
            text += "\n" + self.tr("Data version: %1").replace("%1", str(park.schema_version))
        QMessageBox.about(self, self.tr("About"), text)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        from ui.jobs import cancel_jobs

        cancel_jobs(self)  # a job still reading the file or writing an export stops (its partial file removed)
        if self.session.park is not None:
            self.session.park.close()
            self.session.park = None
        super().closeEvent(event)
