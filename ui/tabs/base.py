"""What every tab of the main window provides."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ui.session import ParkSession


class ParkTab(QWidget):
    """A tab showing part of the open park file.

    Subclasses build their widgets in `__init__` (no I/O there), load data in `reload()`, and draw their
    charts in `draw_charts()`, which the window calls only once the tab is first shown (and the smoke run
    calls for every tab).
    """

    def __init__(self, session: ParkSession, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        session.opened.connect(self.reload)
        session.changed.connect(self.on_table_changed)

    def reload(self) -> None:
        """Re-read everything this tab shows from `session.park`."""

    def on_table_changed(self, table: str) -> None:
        self.reload()

    def draw_charts(self) -> None:
        """Draw every chart the tab shows (matplotlib is imported here, never at start-up)."""
