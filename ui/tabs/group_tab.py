"""The base of the tabs that list groups of figures — industries, zones, talent categories — and show the
selected one's figures (derived from returns in grey, the office's official figure editable beside them,
a note) and its charts.

`GroupTab` holds the list, the detail, the selection kept across reloads, the edit path and the charts;
`YearGroupTab` adds the year chosen at the top (industries and zones: one row per group for that year).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from models.planning import groups
from models.store.plan import FIELD_LABELS, INDUSTRY_FIELDS
from ui.i18n import label
from ui.model_text import unit_text
from ui.plan_period import NO_FILE, period_of
from ui.tabs.base import ParkTab
from widgets.chart_pages import ChartPages, titled_panel
from widgets.columns import COUNT, TEXT, Column
from widgets.table_model import TableModel, select_quietly, table_view


class GroupTab(ParkTab):
    """A list of groups (`model`, `view`, `proxy`), the selected group's figures (`detail_model`,
    `detail_view`, under `title` and `description`) and chart pages (`chart_tabs`, `charts`).

    Subclasses give `load_series`, `key_of`, `list_columns`, `list_rows`, `detail_columns`, `fill_detail`,
    `edit_detail` and `chart_pages`, and may lay the parts out their own way (`build_layout`).

    Attributes:
        series: the groups as last loaded (models.planning.groups series).
        period: the open file's models.store.period.Period: the years every column, picker and text shows.
        watched: tables whose change reloads the tab.
        selection_charts: charts that show the selected group only (redrawn when it changes).
    """

    watched: tuple[str, ...] = ("returns",)
    selection_charts: tuple[str, ...] = ()
    list_key = "name"  # the list row's key holding what `key_of` gives for its series

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.series: list[Any] = []
        self._current: str | None = None
        self.period = NO_FILE

        self.model = TableModel(self.list_columns(), self)
        self.view, self.proxy = table_view(self.model, self, editable=False)
        self.view.selectionModel().currentRowChanged.connect(self.on_current_changed)

        self.detail_model = TableModel(self.detail_columns(), self)
        self.detail_model.commit = self.commit_detail
        self.detail_model.refused.connect(self.session.failed)
        self.detail_view, _ = table_view(self.detail_model, self, sortable=False)

        self.chart_tabs = ChartPages([(name, title) for name, title, _plot in self.chart_pages()], self)
        self.charts = self.chart_tabs.charts
        self.build_layout()

    # -------------------------------------------------------------- for subclasses
    def build_layout(self) -> None:
        raise NotImplementedError

    def load_series(self, conn) -> list[Any]:
        raise NotImplementedError

    def key_of(self, series) -> str:
        return series.name

    def list_columns(self) -> list[Column]:
        raise NotImplementedError

    def list_rows(self) -> list[dict]:
        raise NotImplementedError

    def detail_columns(self) -> list[Column]:
        raise NotImplementedError

    def fill_detail(self) -> None:
        raise NotImplementedError

    def edit_detail(self, series, row: dict, key: str, value) -> bool:
        """Store an entry of the detail table through the session; True if stored."""
        raise NotImplementedError

    def chart_pages(self) -> list[tuple[str, str, object]]:
        """[(name, tab title, plot(figure))] of the charts."""
        raise NotImplementedError

    # -------------------------------------------------------------- shared
    def current_series(self):
        return next((s for s in self.series if self.key_of(s) == self._current), None)

    def reload(self) -> None:
        park = self.session.park
        period = period_of(self.session)
        if period != self.period:
            self.period = period
            self.follow_period()
        self.series = self.load_series(park.conn) if park else []
        if self._current is None and self.series:
            self._current = self.key_of(self.series[0])
            self.first_loaded()
        self.refresh()

    def follow_period(self) -> None:
        """A file of another period is open: columns (and pickers, in subclasses) take its years."""
        self.model.set_columns(self.list_columns())
        self.detail_model.set_columns(self.detail_columns())

    def first_loaded(self) -> None:
        """Called once, when the first groups are loaded (before the list is filled)."""

    def refresh(self) -> None:
        """Fill the list and the detail; redraw the charts once they are being drawn at all."""
        self.model.set_rows(self.list_rows())
        self.select_current()
        self.fill_detail()
        self.chart_tabs.redraw(None)

    def select_current(self) -> None:
        select_quietly(self.view, self.proxy, self.model, self.list_key, self._current)

    def on_current_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        key = self.model.row(self.proxy.mapToSource(current).row()).get(self.list_key)
        if key and key != self._current:
            self._current = key
            self.fill_detail()
            self.chart_tabs.redraw(self.selection_charts)

    def commit_detail(self, row: int, key: str, value) -> bool:
        series = self.current_series()
        if series is None:
            return False
        return bool(self.edit_detail(series, self.detail_model.row(row), key, value))

    def what_edited(self, key: str) -> str:
        return self.tr("official figure") if key == "official" else self.tr("note")

    def on_table_changed(self, table: str) -> None:
        if table in self.watched:
            self.reload()

    def draw_charts(self) -> None:
        """Draw the chart page on show now and the others when their page is opened."""
        self.chart_tabs.draw({name: plot for name, _title, plot in self.chart_pages()})

    def redraw(self, names) -> None:
        """After a change: redraw the charts `names` (None: all) once charts are being drawn at all."""
        self.chart_tabs.redraw(names)


def fmt_pct(value: float | None) -> str:
    """A percentage in a sentence: "4.5%" (one decimal, as the tab's notes have it)."""
    return "" if value is None else f"{value:.1f}%"


def growth(now: float | None, before: float | None) -> float | None:
    """The growth from `before` to `now` in per cent; None when either is missing or `before` is 0."""
    return None if now is None or not before else (now / before - 1) * 100


class YearGroupTab(GroupTab):
    """Groups (industries or zones) for the year chosen at the top: the list with totals rows, the
    selected group's figures of that year (from returns, official, value used, previous year, growth,
    note) and the charts.

    Subclasses set `years_table` ("industry_years"/"zone_years"), `key_column`, `fields` and implement
    `load_series`, `list_columns`, `list_rows`, `describe` and `chart_pages`.
    """

    years_table = ""
    key_column = ""
    fields: tuple[str, ...] = INDUSTRY_FIELDS
    split = (3, 2)  # widths of the list and the detail

    # detail columns
    D_FIELD, D_UNIT, D_DERIVED, D_OFFICIAL, D_VALUE, D_PREVIOUS, D_GROWTH, D_LIKE_GROWTH, D_NOTE = range(9)

    def build_layout(self) -> None:
        self._like: dict[int, groups.LikeForLike] = {}  # by year, since the last reload
        self.year_box = QComboBox(self)
        self.fill_year_box()
        self.year_box.currentIndexChanged.connect(self.on_year_changed)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year:"), self))
        top.addWidget(self.year_box)
        self.hint = QLabel(self.tr("Grey: summed from the enterprises' returns. Double-click an official "
                                   "figure or a note to enter it; the official figure is used when present."), self)
        self.hint.setWordWrap(True)
        top.addWidget(self.hint, 1)

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

    def add_detail_widgets(self, layout) -> None:
        """Add widgets under the detail table (the zones tab adds its parks)."""

    def describe(self, series: groups.GroupSeries) -> tuple[str, str]:
        """The selected group's title and its text from the plan."""
        raise NotImplementedError

    def detail_columns(self) -> list[Column]:
        return [
            Column("label", self.tr("Figure"), TEXT),
            Column("unit", self.tr("Unit"), TEXT, format=unit_text),
            Column("derived", self.tr("From returns"), unit_key="unit", derived=True),
            Column("official", self.tr("Official"), editable=True, unit_key="unit", minimum=0),
            Column("value", self.tr("Value used"), unit_key="unit"),
            Column("previous", self.tr("Previous year"), unit_key="unit"),
            Column("growth", self.tr("Growth"), unit="%", show_unit=True),
            Column("like_growth", self.tr("Like-for-like growth"), unit="%", show_unit=True, derived=True),
            Column("note", self.tr("Note"), TEXT, editable=True),
        ]

    def fill_year_box(self) -> None:
        """The picker holds the file's years, the target year chosen until the latest with figures is known."""
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in self.period.years:
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(self.year_box.count() - 1)
        self.year_box.blockSignals(False)

    def follow_period(self) -> None:
        super().follow_period()
        self.fill_year_box()
        self._current = None  # a file of another plan: choose the latest year and the first group again

    @property
    def year(self) -> int:
        return self.year_box.currentData()

    def reload(self) -> None:
        self._like = {}
        super().reload()

    def first_loaded(self) -> None:
        latest = self.latest_year()
        if latest is not None:
            self.year_box.blockSignals(True)
            self.year_box.setCurrentIndex(max(0, self.year_box.findData(latest)))
            self.year_box.blockSignals(False)

    def latest_year(self) -> int | None:
        years = [y for s in self.series for y in self.period.years
                 if y in s.years and any(c.value is not None for c in s.years[y].values())]
        return max(years) if years else None

    def fill_detail(self) -> None:
        series = self.current_series()
        if series is None:
            self.title.setText("")
            self.description.setText("")
            self.detail_model.set_rows([])
            return
        title, text = self.describe(series)
        year = self.year
        self.title.setText(f"{title} · {year}")
        self.description.setText(text)
        like = self.like_for_like(year)
        rows = []
        if year not in series.years:  # a year the figures do not cover yet
            self.detail_model.set_rows([])
            self.show_like_note(series, None)
            return
        for fld in self.fields:
            cell = series.years[year][fld]
            previous = series.years[year - 1][fld].value if year - 1 in series.years else None
            rows.append({
                "field": fld, "label": label(FIELD_LABELS[fld]), "unit": FIELD_LABELS[fld][2],
                "derived": cell.derived, "official": cell.official, "value": cell.value, "previous": previous,
                "growth": growth(cell.value, previous), "note": cell.note,
                "like_growth": None if like is None or fld == "enterprises" else like.growth(series.name, fld),
                "_kind": {"official": COUNT} if fld in groups.COUNT_FIELDS else {},
            })
        self.detail_model.set_rows(rows)
        self.show_like_note(series, like)
        view = self.detail_view
        view.setMinimumHeight(view.horizontalHeader().sizeHint().height() + len(rows) * view.verticalHeader()
                              .defaultSectionSize() + 2 * view.frameWidth() + 2)

    def like_for_like(self, year: int) -> groups.LikeForLike | None:
        """The year's like-for-like comparison with the year before (models.planning.groups), once per reload."""
        park = self.session.park
        if park is None or year - 1 not in self.period:
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
        rise = like.growth(series.name, "revenue")
        self.like_note.setText(
            self.tr("Returns of %1 collected: %2 (%3 of the %4 enterprises that returned a form for %5), so the "
                    "change from %5 is partly missing returns. Like for like (enterprises that returned in both "
                    "years), revenue grew %6.")
            .replace("%1", str(like.year)).replace("%2", fmt_pct(like.rate)).replace("%3", f"{like.both:,}")
            .replace("%4", f"{like.previous:,}").replace("%5", str(like.year - 1))
            .replace("%6", fmt_pct(rise) if rise is not None else "—"))
        self.like_note.setVisible(True)

    def on_year_changed(self, _index: int) -> None:
        self.refresh()

    def edit_detail(self, series, row: dict, key: str, value) -> bool:
        fld = row["field"]
        text = f"{series.name} {self.year} {label(FIELD_LABELS[fld])}：{self.what_edited(key)}"
        return self.session.edit(self.years_table, {self.key_column: series.name, "year": self.year, "field": fld},
                                 {key: value}, text)
