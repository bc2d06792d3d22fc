"""What every tab of the main window provides."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.i18n import is_chinese
from ui.session import ParkSession


def chart_language() -> str:
    """The language the tabs' charts are drawn in: the window's ("zh" or "en"); the printed report stays "zh"."""
    return "zh" if is_chinese() else "en"


class ParkTab(QWidget):
    """A tab showing part of the open park file.

    Subclasses build their widgets in `__init__` (no I/O there), load data in `reload()`, and draw their
    charts in `draw_charts()`, which the window calls only once the tab is first shown (and the smoke run
    calls for every tab).

    With `fill_when_shown` (the main window sets it), a tab that is hidden when a file is opened or a table
    changes only notes it, and catches up (one `reload()`, or the changes noted) when it is next shown:
    opening a file fills the tab on screen, not all five.
    """

    def __init__(self, session: ParkSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.fill_when_shown = False
        self._pending_reload = False
        self._pending_tables: list[str] = []
        session.opened.connect(self._on_opened)
        session.changed.connect(self._on_changed)

    def reload(self) -> None:
        """Re-read everything this tab shows from `session.park`."""

    def on_table_changed(self, table: str) -> None:
        self.reload()

    def draw_charts(self) -> None:
        """Draw every chart the tab shows (matplotlib is imported here, never at start-up)."""

    # ------------------------------------------------------------------ filling when shown
    def _deferred(self) -> bool:
        return self.fill_when_shown and not self.isVisible()

    def _on_opened(self) -> None:
        if self._deferred():
            self._pending_reload, self._pending_tables = True, []
            return
        self._pending_reload, self._pending_tables = False, []
        self.reload()

    def _on_changed(self, table: str) -> None:
        if self._deferred():
            if not self._pending_reload and table not in self._pending_tables:
                self._pending_tables.append(table)
            return
        self.on_table_changed(table)

    def catch_up(self) -> None:
        """Apply what was noted while hidden: one reload at most, however many tables changed."""
        reload, tables = self._pending_reload, self._pending_tables
        self._pending_reload, self._pending_tables = False, []
        if not reload and tables:
            asked: list[bool] = []
            self.reload = lambda: asked.append(True)  # type: ignore[method-assign]  # count, do not reload yet
            try:
                for table in tables:
                    self.on_table_changed(table)
            finally:
                del self.reload
            reload = bool(asked)
        if reload:
            self.reload()

    def showEvent(self, event) -> None:
        if self._pending_reload or self._pending_tables:
            self.catch_up()
        super().showEvent(event)
