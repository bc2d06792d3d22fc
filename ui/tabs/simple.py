"""Read-only tabs that list what the park file holds; later work replaces each with a full tab."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout

from ui.tabs.base import ParkTab
from widgets.simple_table import RowsModel


class _ListTab(ParkTab):
    headers: tuple[str, ...] = ()

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        layout.addWidget(self.caption)
        self.model = RowsModel(self.header_texts(), self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        layout.addWidget(self.view)

    def header_texts(self) -> list[str]:
        return []

    def rows(self, conn) -> list[tuple]:
        return []

    def reload(self) -> None:
        park = self.session.park
        self.model.set_rows(self.rows(park.conn) if park else [])
        self.view.resizeRowsToContents()
