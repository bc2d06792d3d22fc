"""The 产业 tab: the plan's industries, their yearly figures (derived + official + note) and charts.

`GroupFiguresTab` holds what the industries and zones tabs share: a year selector, a list of the
industries (or zones) with the year's figures and totals rows, the selected one's figures (derived from
returns, official entered beside them, the value used, growth, note) and a set of charts.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from models import groups, plan
from models.plan import FIELD_LABELS, INDUSTRY_FIELDS, INDUSTRY_GROUPS, YEARS
from ui.i18n import label
from ui.tabs.base import ParkTab
from widgets.chart_pages import ChartPages, titled_panel
from widgets.figure_table import Column, FigureTableModel, TotalsLastProxy
from widgets.number_input import NumberDelegate


def table_view(model, parent, *, sortable: bool = True) -> tuple[QTableView, TotalsLastProxy | None]:
    """A QTableView on `model` (through a totals-last sorting proxy when `sortable`)."""
    view = QTableView(parent)
    proxy = None
    if sortable:
        proxy = TotalsLastProxy(view)
        proxy.setSourceModel(model)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(-1, Qt.SortOrder.AscendingOrder)
    else:
        view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setItemDelegate(NumberDelegate(view))
    view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                         | QAbstractItemView.EditTrigger.AnyKeyPressed)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view, proxy


def fmt_pct(value) -> str:
    return "" if value is None else f"{value:.1f}%"


class GroupFiguresTab(ParkTab):
    """A list of groups (industries or zones) for the selected year, one group's figures, and charts.

    Subclasses set `years_table` ("industry_years"/"zone_years"), `key_column`, `fields`, `watched`
    (tables whose change reloads the tab) and implement `load_series`, `list_columns`, `list_rows`,
    `describe` and `chart_pages`.

    Attributes:
        model: the list (one row per group plus totals rows) for the selected year.
        detail_model: the selected group's figures of the selected year, official and note editable.
        charts: {name: ChartCanvas}.
        series: the groups' figures (models.groups.GroupSeries) as last loaded.
    """

    years_table = ""
    key_column = ""
    fields: tuple[str, ...] = INDUSTRY_FIELDS
    watched: tuple[str, ...] = ("returns",)
    selection_charts: tuple[str, ...] = ()  # charts that show the selected group only
    split = (3, 2)  # widths of the list and the detail

    # detail columns
    D_FIELD, D_UNIT, D_DERIVED, D_OFFICIAL, D_VALUE, D_PREVIOUS, D_GROWTH, D_LIKE_GROWTH, D_NOTE = range(9)

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.series: list[groups.GroupSeries] = []
        self._current: str | None = None
        self._like: dict[int, groups.LikeForLike] = {}  # by year, since the last reload

        self.year_box = QComboBox(self)
        for year in YEARS:
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(len(YEARS) - 1)
        self.year_box.currentIndexChanged.connect(self.on_year_changed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:"), self))
        top.addWidget(self.year_box)
        self.hint = QLabel(self.tr("Grey: summed from the enterprises' returns. Double-click an official "
                                   "figure or a note to enter it; the official figure is used when present."), self)
        self.hint.setWordWrap(True)
        top.addWidget(self.hint, 1)

        self.model = FigureTableModel(self.list_columns(), self)
        self.view, self.proxy = table_view(self.model, self)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentRowChanged.connect(self.on_current_changed)

        self.detail_model = FigureTableModel(self.detail_columns(), self)
        self.detail_model.formatters["growth"] = fmt_pct
        self.detail_model.formatters["like_growth"] = fmt_pct
        self.detail_model.edit_requested.connect(self.on_detail_edit)
        self.detail_model.rejected.connect(self.session.failed)
        self.detail_view, _ = table_view(self.detail_model, self, sortable=False)
        extras = QWidget(self)
        extras_layout = QVBoxLayout(extras)
        extras_layout.setContentsMargins(0, 0, 0, 0)
        self.add_detail_widgets(extras_layout)
        stretch = 1 if extras_layout.count() else 0
        self.like_note = QLabel(extras)  # the year's collection rate and the like-for-like change, when incomplete
        self.like_note.setWordWrap(True)
        self.like_note.setVisible(False)
        extras_layout.insertWidget(0, self.like_note)
        right, self.title, self.description = titled_panel(self, self.detail_view, extras, extras_stretch=stretch)

        self.chart_tabs = ChartPages([(name, title) for name, title, _plot in self.chart_pages()], self)
        self.charts = self.chart_tabs.charts

        upper = QSplitter(Qt.Orientation.Horizontal, self)
        upper.addWidget(self.view)
        upper.addWidget(right)
        upper.setStretchFactor(0, self.split[0])
        upper.setStretchFactor(1, self.split[1])
        outer = QSplitter(Qt.Orientation.Vertical, self)
        outer.addWidget(upper)
        outer.addWidget(self.chart_tabs)
        outer.setStretchFactor(0, 1)
        outer.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(outer, 1)

    # -------------------------------------------------------------- for subclasses
    def load_series(self, conn) -> list[groups.GroupSeries]:
        raise NotImplementedError

    def list_columns(self) -> list[Column]:
        raise NotImplementedError

    def list_rows(self, year: int) -> list[dict]:
        raise NotImplementedError

    def describe(self, series: groups.GroupSeries) -> tuple[str, str]:
        """The selected group's title and its text from the plan."""
        raise NotImplementedError

    def chart_pages(self) -> list[tuple[str, str, object]]:
        """[(name, tab title, plot(figure))] of the charts."""
        raise NotImplementedError

    def add_detail_widgets(self, layout) -> None:
        """Add widgets under the detail table (the zones tab adds its parks)."""

    # -------------------------------------------------------------- shared
    def detail_columns(self) -> list[Column]:
        return [
            Column("label", self.tr("Figure")),
            Column("unit", self.tr("Unit")),
            Column("derived", self.tr("From returns"), "number", derived=True),
            Column("official", self.tr("Official"), "number", editable=True),
            Column("value", self.tr("Value used"), "number"),
            Column("previous", self.tr("Previous year"), "number"),
            Column("growth", self.tr("Growth"), "number"),
            Column("like_growth", self.tr("Like-for-like growth"), "number", derived=True),
            Column("note", self.tr("Note"), "text", editable=True),
        ]

    @property
    def year(self) -> int:
        return self.year_box.currentData()

    def current_series(self) -> groups.GroupSeries | None:
        return next((s for s in self.series if s.name == self._current), None)

    def reload(self) -> None:
        park = self.session.park
        self.series = self.load_series(park.conn) if park else []
        self._like = {}
        if self._current is None and self.series:
            self._current = self.series[0].name
            latest = self.latest_year()
            if latest is not None:
                self.year_box.blockSignals(True)
                self.year_box.setCurrentIndex(YEARS.index(latest))
                self.year_box.blockSignals(False)
        self.refresh()

    def latest_year(self) -> int | None:
        years = [y for s in self.series for y in YEARS if any(c.value is not None for c in s.years[y].values())]
        return max(years) if years else None

    def refresh(self) -> None:
        """Fill the list and detail for the selected year and group; redraw charts once they are shown."""
        self.model.set_rows(self.list_rows(self.year))
        self.select_current()
        self.fill_detail()
        self.redraw(None)

    def select_current(self) -> None:
        for row in range(self.model.rowCount()):
            if self.model.row(row).get("name") == self._current:
                index = self.proxy.mapFromSource(self.model.index(row, 0))
                self.view.selectionModel().blockSignals(True)
                self.view.selectionModel().setCurrentIndex(
                    index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                self.view.selectionModel().blockSignals(False)
                return

    def fill_detail(self) -> None:
        series = self.current_series()
        if series is None:
            self.title.setText("")
            self.description.setText("")
            self.detail_model.set_rows([])
            return
        title, text = self.describe(series)
        self.title.setText(f"{title} · {self.year}")
        self.description.setText(text)
        year = self.year
        like = self.like_for_like(year)
        rows = []
        for fld in self.fields:
            cell = series.years[year][fld]
            previous = series.years[year - 1][fld].value if year - 1 in series.years else None
            now = cell.value
            rows.append({
                "field": fld, "label": label(FIELD_LABELS[fld]), "unit": FIELD_LABELS[fld][2],
                "derived": cell.derived, "official": cell.official, "value": now, "previous": previous,
                "growth": None if now is None or not previous else (now / previous - 1) * 100,
                "like_growth": None if like is None or fld == "enterprises" else like.growth(series.name, fld),
                "note": cell.note, "_kind": {"official": "count" if fld in groups.COUNT_FIELDS else "number"},
            })
        self.detail_model.set_rows(rows)
        self.show_like_note(series, like)
        view = self.detail_view
        view.setMinimumHeight(view.horizontalHeader().sizeHint().height() + len(rows) * view.verticalHeader()
                              .defaultSectionSize() + 2 * view.frameWidth() + 2)

    def like_for_like(self, year: int) -> groups.LikeForLike | None:
        """The year's like-for-like comparison with the year before (models.groups), once per reload."""
        park = self.session.park
        if park is None or year - 1 not in YEARS:
            return None
        if year not in self._like:
            self._like[year] = groups.like_for_like(park.conn, self.key_column, year)
        return self._like[year]

    def show_like_note(self, series: groups.GroupSeries, like: groups.LikeForLike | None) -> None:
        """When some of last year's enterprises have not returned this year's form, say so (回收率) and give
        the revenue growth over the enterprises that returned in both years."""
        if like is None or not like.incomplete:
            self.like_note.setVisible(False)
            self.like_note.setText("")
            return
        growth = like.growth(series.name, "revenue")
        self.like_note.setText(
            self.tr("Returns of %1 collected: %2 (%3 of the %4 enterprises that returned a form for %5), so the "
                    "change from %5 is partly missing returns. Like for like (enterprises that returned in both "
                    "years), revenue grew %6.")
            .replace("%1", str(like.year)).replace("%2", fmt_pct(like.rate)).replace("%3", f"{like.both:,}")
            .replace("%4", f"{like.previous:,}").replace("%5", str(like.year - 1))
            .replace("%6", fmt_pct(growth) if growth is not None else "—"))
        self.like_note.setVisible(True)

    def on_year_changed(self, _index: int) -> None:
        self.refresh()

    def on_current_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        name = self.model.row(self.proxy.mapToSource(current).row()).get("name")
        if name and name != self._current:
            self._current = name
            self.fill_detail()
            self.redraw(self.selection_charts)

    def on_detail_edit(self, row: int, key: str, value) -> None:
        series = self.current_series()
        if series is None:
            return
        fld = self.detail_model.row(row)["field"]
        what = self.tr("official figure") if key == "official" else self.tr("note")
        text = f"{series.name} {self.year} {label(FIELD_LABELS[fld])}：{what}"
        self.session.edit(self.years_table, {self.key_column: series.name, "year": self.year, "field": fld},
                          {key: value}, text)

    def on_table_changed(self, table: str) -> None:
        if table in self.watched:
            self.reload()

    def draw_charts(self) -> None:
        """Draw the chart page on show now and the others when their page is opened."""
        self.chart_tabs.draw({name: plot for name, _title, plot in self.chart_pages()})

    def redraw(self, names) -> None:
        """After a change: redraw the charts `names` (None: all) once charts are being drawn at all."""
        self.chart_tabs.redraw(names)


class IndustriesTab(GroupFiguresTab):
    """The industries of the plan with their group and goal, their yearly figures and three charts."""

    years_table = "industry_years"
    key_column = "industry"
    watched = ("returns", "industry_years", "industries")
    selection_charts = ("industry",)

    NAME, GROUP, ENTERPRISES, REVENUE, GROWTH, TAX, SHARE = range(7)

    def load_series(self, conn):
        self._goals = {i.name: i.goal for i in plan.industries(conn)}
        self._plan_groups = {g.name: g for g in plan.industry_plan_groups(conn)}
        self.group_short = {name: g.short_zh() for name, g in self._plan_groups.items()}
        return groups.industry_series(conn)

    def plan_group_text(self, name: str) -> str:
        """The group chapter 4 puts the industry in, with its “3+3” mark (e.g. 先导产业 · “3+3”)."""
        g = self._plan_groups.get(name)
        if g is None:
            return ""
        text = label(g.group_label)
        if g.plan_form == "new_form":
            text += f"（{label(plan.NEW_FORM_LABEL)}）"
        return text + (" · “3+3”" if g.three_plus_three else "")

    def list_columns(self):
        return [
            Column("label", self.tr("Industry"), tooltip_key="goal"),
            Column("group", self.tr("Group")),
            Column("enterprises", self.tr("Enterprises"), "count"),
            Column("revenue", self.tr("Revenue (100M yuan)"), "number", decimals=2),
            Column("growth", self.tr("Revenue growth"), "number"),
            Column("tax", self.tr("Tax (100M yuan)"), "number", decimals=2),
            Column("share", self.tr("Share of park revenue"), "number"),
            Column("plan_group", self.tr("Plan group (chapter 4)")),
        ]

    def list_rows(self, year):
        if not self.series:
            return []
        self.model.formatters["growth"] = fmt_pct
        self.model.formatters["share"] = fmt_pct
        shares = groups.revenue_shares(self.series)
        rows = []

        def figures(cells_now, cells_before) -> dict:
            revenue = cells_now["revenue"].value
            before = cells_before["revenue"].value if cells_before else None
            return {"enterprises": cells_now["enterprises"].value, "revenue": revenue, "tax": cells_now["tax"].value,
                    "growth": None if revenue is None or not before else (revenue / before - 1) * 100}

        for s in self.series:
            row = {"name": s.name, "label": label((s.name, s.name_en)), "group": label(INDUSTRY_GROUPS[s.grp]),
                   "share": shares[s.name][year], "goal": self._goals.get(s.name),
                   "plan_group": self.plan_group_text(s.name)}
            row.update(figures(s.years[year], s.years.get(year - 1)))
            rows.append(row)
        total = groups.totals(self.series)
        key = [s for s in self.series if s.grp == "key"]
        key_total = groups.totals(key)
        all_revenue = total[year]["revenue"].value
        key_row = {"label": self.tr("of which “3+3” key industries"), "_totals": True}
        key_row.update(figures(key_total[year], key_total.get(year - 1)))
        key_row["share"] = None if key_row["revenue"] is None or not all_revenue else \
            key_row["revenue"] / all_revenue * 100
        total_row = {"label": self.tr("Total"), "_totals": True, "share": 100.0 if all_revenue else None}
        total_row.update(figures(total[year], total.get(year - 1)))
        return rows + [key_row, total_row]

    def describe(self, series):
        return (label((series.name, series.name_en)) + " · " + self.plan_group_text(series.name),
                self.tr("What the plan asks: %1").replace("%1", self._goals.get(series.name) or "—"))

    def chart_pages(self):
        from models import group_charts as gc

        return [
            ("industry", self.tr("Selected industry"),
             lambda fig: gc.plot_industry(fig, self.current_series()) if self.current_series() else None),
            ("shares", self.tr("Shares of park revenue"),
             lambda fig: gc.plot_industry_shares(fig, self.series, self.group_short)),
            ("key", self.tr("“3+3” against the rest"), lambda fig: gc.plot_key_vs_rest(fig, self.series)),
        ]

