"""Read-only tabs that list what the park file holds; later work replaces each with a full tab."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout

from models import plan
from ui.i18n import label
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


class IndustriesTab(_ListTab):
    def header_texts(self):
        return [self.tr("Industry"), self.tr("Group"), self.tr("What the plan asks")]

    def rows(self, conn):
        return [(label((i.name, i.name_en)), label(plan.INDUSTRY_GROUPS[i.grp]), i.goal)
                for i in plan.industries(conn)]


class ZonesTab(_ListTab):
    def header_texts(self):
        return [self.tr("Zone"), self.tr("Featured park or platform"), self.tr("Role in the plan")]

    def rows(self, conn):
        out = []
        for zone in plan.zones(conn):
            parks = [r[0] for r in conn.execute("SELECT name FROM zone_parks WHERE zone = ? ORDER BY seq",
                                                (zone.name,))]
            out.append((label((zone.name, zone.name_en)), "、".join(parks), zone.role))
        return out


class TalentTab(_ListTab):
    def header_texts(self):
        return [self.tr("Category"), self.tr("Group"), self.tr("Unit"), self.tr("2020")]

    def rows(self, conn):
        return [(label((c.name, c.name_en)), label(plan.TALENT_GROUPS[c.grp]), c.unit, c.baseline)
                for c in plan.talent_categories(conn)]


class ReturnsTab(_ListTab):
    def header_texts(self):
        return [self.tr("Year"), self.tr("Returns")]

    def rows(self, conn):
        return list(conn.execute("SELECT year, COUNT(*) FROM returns GROUP BY year ORDER BY year"))
