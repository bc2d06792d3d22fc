"""The 片区 tab: the three zones with their role, featured parks (editable, can be added and removed),
yearly figures (derived + official + note) and a chart comparing the zones."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton

from models.planning import groups

from models.store import plan
from models.store import rows as park_rows
from models.store.plan import PARK_STATUSES
from ui.i18n import label
from ui.tabs.base import chart_language
from ui.tabs.group_tab import YearGroupTab
from widgets.columns import COUNT, TEXT, Column
from widgets.table_model import TableModel, table_view

ZONE_FIELDS = ("enterprises", "revenue", "tax", "high_tech")
PARK_KINDS = {
    "park": QT_TRANSLATE_NOOP("ZonesTab", "Park"),
    "platform": QT_TRANSLATE_NOOP("ZonesTab", "Platform"),
    "cluster": QT_TRANSLATE_NOOP("ZonesTab", "Cluster"),
    "base": QT_TRANSLATE_NOOP("ZonesTab", "Base"),
    "core": QT_TRANSLATE_NOOP("ZonesTab", "Zone core"),
}
EARLIEST_PARK_YEAR = 1990  # a featured park's year (opened, listed …): from the district's first parks
LATER_PARK_YEARS = 10  # … to some years past the plan's target year (planned openings)


class ZonesTab(YearGroupTab):
    """The zones for the selected year, the selected zone's figures and featured parks, and zone charts.

    Attributes:
        model: the three zones' figures of the selected year and a totals row.
        parks_model: the selected zone's featured parks (name, kind, status, year, note; editable).
    """

    years_table = "zone_years"
    key_column = "zone"
    fields = ZONE_FIELDS
    watched = ("returns", "zone_years", "zones", "zone_parks", "unzoned_parks")
    split = (1, 1)

    NAME, ENTERPRISES, REVENUE, TAX, HIGH_TECH = range(5)
    P_NAME, P_KIND, P_STATUS, P_YEAR, P_NOTE = range(5)

    def load_series(self, conn):
        self._zones = {z.name: z for z in plan.zones(conn)}
        self._parks = park_rows.zone_parks(conn)
        self._unzoned = plan.unzoned_parks(conn)
        return groups.zone_series(conn)

    def list_columns(self):
        return [
            Column("label", self.tr("Zone"), TEXT, tooltip_key="role"),
            Column("enterprises", self.tr("Enterprises"), COUNT, unit="家"),
            Column("revenue", self.tr("Revenue (100M yuan)"), unit="亿元"),
            Column("tax", self.tr("Tax (100M yuan)"), unit="亿元"),
            Column("high_tech", self.tr("High-tech enterprises"), COUNT, unit="家"),
        ]

    def list_rows(self):
        year = self.year
        rows = []
        for s in self.series:
            zone = self._zones.get(s.name)
            row = {"name": s.name, "label": label((s.name, s.name_en)), "role": zone.role if zone else None}
            if year in s.years:
                row.update({fld: s.years[year][fld].value for fld in ZONE_FIELDS})
            rows.append(row)
        if self.series and all(year in s.years for s in self.series):
            total = groups.totals(self.series)[year]
            row = {"label": self.tr("Total"), "_totals": True}
            row.update({fld: total[fld].value for fld in ZONE_FIELDS})
            rows.append(row)
        return rows

    def describe(self, series):
        zone = self._zones.get(series.name)
        parks = "、".join(p["name"] for p in self._parks.get(series.name, []))
        text = self.tr("Role in the plan: %1").replace("%1", zone.role if zone else "—")
        if parks:
            text += "\n" + self.tr("Featured parks and platforms: %1").replace("%1", parks)
        return label((series.name, series.name_en)), text

    def parks_columns(self) -> list[Column]:
        """The featured parks' columns; the year may run to some years past the file's target year."""
        statuses = (("—", None),) + tuple((label(pair), code) for code, pair in PARK_STATUSES.items())
        return [
            Column("name", self.tr("Featured park or platform"), TEXT, editable=True),
            Column("kind_label", self.tr("Kind"), TEXT),
            Column("status", self.tr("Status"), TEXT, editable=True, choices=statuses),
            Column("year", self.tr("Year"), COUNT, editable=True, minimum=EARLIEST_PARK_YEAR,
                   maximum=(self.period.target or EARLIEST_PARK_YEAR) + LATER_PARK_YEARS, plain=True),
            Column("note", self.tr("Note"), TEXT, editable=True),
        ]

    def unzoned_columns(self) -> list[Column]:
        """Parks in no zone: name, industry, then status, year and note as the featured parks have them."""
        return [Column("name", self.tr("Park"), TEXT, tooltip_key="source"),
                Column("industry", self.tr("Industry"), TEXT)] + self.parks_columns()[2:]

    def follow_period(self) -> None:
        super().follow_period()
        self.parks_model.set_columns(self.parks_columns())
        self.unzoned_model.set_columns(self.unzoned_columns())

    def add_detail_widgets(self, layout) -> None:
        self.parks_model = TableModel(self.parks_columns(), self)
        self.parks_model.commit = self.on_park_edit
        self.parks_model.refused.connect(self.session.failed)
        self.parks_view, self.parks_proxy = table_view(self.parks_model, self)
        self.add_button = QPushButton(self.tr("Add park"), self)
        self.add_button.clicked.connect(self.on_add_park)
        self.remove_button = QPushButton(self.tr("Remove park"), self)
        self.remove_button.clicked.connect(self.on_remove_park)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("Featured parks and platforms (status kept by the office):"), self), 1)
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        layout.addWidget(self.parks_view, 1)
        # Parks the plan names in no zone (生命健康产业园, 长宁金融园 …): shown under every zone.
        self.unzoned_model = TableModel(self.unzoned_columns(), self)
        self.unzoned_model.commit = self.on_unzoned_edit
        self.unzoned_model.refused.connect(self.session.failed)
        self.unzoned_view, _ = table_view(self.unzoned_model, self, sortable=False)
        layout.addWidget(QLabel(self.tr("Parks the plan names in no zone:"), self))
        layout.addWidget(self.unzoned_view, 1)

    def fill_detail(self) -> None:
        super().fill_detail()
        rows = []
        for park in self._parks.get(self._current, []) if self.series else []:
            row = dict(park)
            row["kind_label"] = QCoreApplication.translate("ZonesTab", PARK_KINDS.get(park["kind"], park["kind"]))
            row["_label"] = park["name"]
            rows.append(row)
        self.parks_model.set_rows(rows)
        self.unzoned_model.set_rows([dict(p, _label=p["name"]) for p in getattr(self, "_unzoned", [])])
        self.remove_button.setEnabled(bool(rows) and not self.session.read_only)
        self.add_button.setEnabled(self._current is not None and not self.session.read_only)

    def chart_pages(self):
        from models.output import group_charts as gc

        return [
            ("money", self.tr("Revenue and tax by zone"), lambda fig: gc.plot_zones(fig, self.series, ("revenue", "tax"),
                                                                                                 language=chart_language())),
            ("counts", self.tr("Enterprises by zone"),
             lambda fig: gc.plot_zones(fig, self.series, ("enterprises", "high_tech"), language=chart_language())),
        ]

    # -------------------------------------------------------------- parks
    def selected_park(self) -> dict | None:
        index = self.parks_view.selectionModel().currentIndex()
        if not index.isValid():
            return None
        return self.parks_model.row(self.parks_proxy.mapToSource(index).row())

    def on_park_edit(self, row: int, key: str, value) -> bool:
        park = self.parks_model.row(row)
        if key == "name" and not value:
            self.session.failed.emit(self.tr("%1: a featured park needs a name. Nothing was saved.")
                                     .replace("%1", park["name"]))
            return False
        if key == "status" and value is not None and value not in PARK_STATUSES:
            self.session.failed.emit(self.tr("%1: unknown status. Nothing was saved.").replace("%1", park["name"]))
            return False
        header = self.parks_model.columns[self.parks_model.column_of(key)].header
        return self.session.edit("zone_parks", {"id": park["id"]}, {key: value}, f"{park['name']}：{header}")

    def on_unzoned_edit(self, row: int, key: str, value) -> bool:
        park = self.unzoned_model.row(row)
        if key == "status" and value is not None and value not in PARK_STATUSES:
            self.session.failed.emit(self.tr("%1: unknown status. Nothing was saved.").replace("%1", park["name"]))
            return False
        header = self.unzoned_model.columns[self.unzoned_model.column_of(key)].header
        return self.session.edit("unzoned_parks", {"id": park["id"]}, {key: value}, f"{park['name']}：{header}")

    def on_add_park(self) -> None:
        if self._current is None or self.session.park is None:
            return
        conn = self.session.park.conn
        seq = park_rows.next_seq(conn, "zone_parks")
        name = self.tr("New park")
        rowid = self.session.insert("zone_parks", {"zone": self._current, "seq": seq, "name": name, "kind": "park",
                                                   "status": None, "year": None, "note": None, "source": None},
                                    self.tr("Add featured park to %1").replace("%1", self._current))
        if rowid is None:
            return
        for r in range(self.parks_model.rowCount()):
            if self.parks_model.row(r)["id"] == rowid:
                index = self.parks_proxy.mapFromSource(self.parks_model.index(r, self.P_NAME))
                self.parks_view.setCurrentIndex(index)
                self.parks_view.edit(index)

    def on_remove_park(self) -> None:
        park = self.selected_park()
        if park is None:
            return
        self.session.delete("zone_parks", {"id": park["id"]},
                            self.tr("Remove featured park %1").replace("%1", park["name"]))
