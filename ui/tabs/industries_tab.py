"""The 产业 tab: the plan's industries with their group and goal, their yearly figures (derived + official +
note), shares of the park's revenue and charts (the shared part is ui.tabs.group_tab.YearGroupTab)."""

from __future__ import annotations

from models.planning import groups

from models.store import plan
from models.store.plan import INDUSTRY_GROUPS
from ui.i18n import is_chinese, label
from ui.tabs.base import chart_language
from ui.tabs.group_tab import YearGroupTab, growth
from widgets.columns import COUNT, TEXT, Column


class IndustriesTab(YearGroupTab):
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

    def chart_group_short(self) -> dict[str, str]:
        """Each industry's plan group in a chart legend, in the window's language: 先导·3+3 / Pioneer · 3+3."""
        if is_chinese():
            return self.group_short
        out = {}
        for name, g in self._plan_groups.items():
            text = g.group_label[1].removesuffix(" industries")
            if g.plan_form == "new_form":
                text += " · new form"
            out[name] = text + (" · 3+3" if g.three_plus_three else "")
        return out

    def list_columns(self):
        return [
            Column("label", self.tr("Industry"), TEXT, tooltip_key="goal"),
            Column("group", self.tr("Group"), TEXT),
            Column("enterprises", self.tr("Enterprises"), COUNT, unit="家"),
            Column("revenue", self.tr("Revenue (100M yuan)"), unit="亿元"),
            Column("growth", self.tr("Revenue growth"), unit="%", show_unit=True),
            Column("tax", self.tr("Tax (100M yuan)"), unit="亿元"),
            Column("share", self.tr("Share of park revenue"), unit="%", show_unit=True),
            Column("plan_group", self.tr("Plan group (chapter 4)"), TEXT),
        ]

    def list_rows(self):
        if not self.series:
            return []
        year = self.year
        if any(year not in s.years for s in self.series):  # the figures do not cover this year (yet): names only
            return [{"name": s.name, "label": label((s.name, s.name_en)), "group": label(INDUSTRY_GROUPS[s.grp]),
                     "goal": self._goals.get(s.name), "plan_group": self.plan_group_text(s.name)}
                    for s in self.series]
        shares = groups.revenue_shares(self.series)
        rows = []

        def figures(cells_now, cells_before) -> dict:
            revenue = cells_now["revenue"].value
            before = cells_before["revenue"].value if cells_before else None
            return {"enterprises": cells_now["enterprises"].value, "revenue": revenue, "tax": cells_now["tax"].value,
                    "growth": growth(revenue, before)}

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
        from models.output import group_charts as gc

        return [
            ("industry", self.tr("Selected industry"),
             lambda fig: gc.plot_industry(fig, self.current_series(), language=chart_language()) if self.current_series() else None),
            ("shares", self.tr("Shares of park revenue"),
             lambda fig: gc.plot_industry_shares(fig, self.series, self.chart_group_short(),
                                                language=chart_language())),
            ("key", self.tr("“3+3” against the rest"), lambda fig: gc.plot_key_vs_rest(fig, self.series,
                                                                                  language=chart_language())),
        ]

