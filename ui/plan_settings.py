"""File ▸ 规划设置…: the open file's plan definition, read-only (issue 15).

What the plan is — name, park, period, published date, source — and what it is made of: the indicators
with their type, direction, baseline, target, target text, 报表口径 (in words, models.planning.derivation.describe)
and reference series; the reference series; industries and their groups; zones and featured parks;
talent categories; how many plan figures and key tasks it holds. Nothing here can be edited: targets
change through the definition workbook (`plan-template`, then File ▸ 新建规划…) or an audited edit.

A dialog of the File menu rather than an eighth tab: it describes the file (like a document's
properties), not the year's monitoring the tabs are for, and the seven tabs already fill the tab bar at
the office's 1366×768.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QLabel, QTabWidget, QVBoxLayout, QWidget)

from models.planning.derivation import DerivationError, describe, parse
from models.planning.plan_definition import PlanDefinition, definition_from_park
from widgets.columns import TEXT, Column
from widgets.table_model import TableModel, table_view

KIND_NAMES = {
    "level": QT_TRANSLATE_NOOP("PlanSettingsDialog", "End-of-period level"),
    "cumulative": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Cumulative"),
    "keep_pace": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Keep pace"),
    "assigned": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Assigned"),
}
DIRECTION_NAMES = {
    "higher": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Higher is better"),
    "lower": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Lower is better"),
}
INDUSTRY_GROUP_NAMES = {
    "traditional": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Traditional strengths"),
    "featured": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Key featured industries"),
    "pioneer": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Pioneer industries"),
    "other": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Other"),
}
TALENT_GROUP_NAMES = {
    "count": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Stock"),
    "flow": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Yearly flow"),
    "share": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Share"),
    "programme": QT_TRANSLATE_NOOP("PlanSettingsDialog", "Programme"),
}


def _name(table: dict[str, str], code: str | None) -> str:
    if code is None:
        return ""
    return QCoreApplication.translate("PlanSettingsDialog", table[code]) if code in table else code


def number(value: float | None) -> str:
    """A figure of the definition as written: 1533.63, 480, 4.5 (no rounding, no separators)."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def derivation_text(text: str | None, reference_codes) -> str:
    """The 报表口径 in words; an unknown one is shown as written, marked."""
    try:
        return describe(parse(text, reference_codes))
    except DerivationError:
        return f"？{text}"


class PlanSettingsDialog(QDialog):
    """The definition of the plan open in a park file, read-only.

    Attributes:
        definition: the models.planning.plan_definition.PlanDefinition shown.
        summary: {field: QLabel} of the plan's name, park, period, published date, source and counts.
        pages: the QTabWidget of the definition's tables.
        models: {"indicators" | "references" | "industries" | "zones" | "parks" | "talent": TableModel}.
    """

    def __init__(self, conn, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Plan settings"))
        self.definition: PlanDefinition = definition_from_park(conn)
        d = self.definition
        period = d.period

        form = QFormLayout()
        self.summary: dict[str, QLabel] = {}
        counts = self.tr("%1 indicators, %2 plan figures, %3 key tasks").replace("%1", str(len(d.indicators))) \
            .replace("%2", str(len(d.facts))).replace("%3", str(len(d.tasks)))
        for key, caption, text in (
                ("name", self.tr("Plan:"), d.name),
                ("park", self.tr("Park:"), d.park),
                ("period", self.tr("Period:"), self.tr("%1–%2 (base year %3, target year %4)")
                 .replace("%1", str(period.first)).replace("%2", str(period.target))
                 .replace("%3", str(period.base)).replace("%4", str(period.target))),
                ("published", self.tr("Published:"), d.published),
                ("source", self.tr("Source:"), d.source_file),
                ("counts", self.tr("Holds:"), counts)):
            value = QLabel(text or "—", self)
            value.setWordWrap(True)
            self.summary[key] = value
            form.addRow(caption, value)

        note = QLabel(self.tr("Read-only. Targets and the plan's other settings are changed through the plan "
                              "definition workbook (python main.py plan-template, then File ▸ New plan from a "
                              "definition…) or by an audited edit of a figure."), self)
        note.setWordWrap(True)
        note.setStyleSheet("QLabel { color: #555; }")

        self.models: dict[str, TableModel] = {}
        self.pages = QTabWidget(self)
        refs = [r.code for r in d.references]
        self._page("indicators", self.tr("Indicators"), [
            Column("code", self.tr("Code"), TEXT), Column("name", self.tr("Name"), TEXT),
            Column("unit", self.tr("Unit"), TEXT), Column("kind", self.tr("Type"), TEXT),
            Column("direction", self.tr("Direction"), TEXT),
            Column("baseline", self.tr("Baseline (%1)").replace("%1", str(period.base)), TEXT),
            Column("target", self.tr("Target (%1)").replace("%1", str(period.target)), TEXT),
            Column("target_text", self.tr("Target as the plan says it"), TEXT),
            Column("derivation", self.tr("From the returns"), TEXT, tooltip_key="derivation_raw"),
            Column("ref_series", self.tr("Reference series"), TEXT)],
            [{"code": i.code, "name": i.name, "unit": i.unit, "kind": _name(KIND_NAMES, i.kind),
              "direction": _name(DIRECTION_NAMES, i.direction), "baseline": number(i.baseline),
              "target": number(i.target), "target_text": i.target_text,
              "derivation": derivation_text(i.derivation, refs), "derivation_raw": i.derivation or "",
              "ref_series": "，".join(i.ref_series)} for i in d.indicators])
        self._page("references", self.tr("Reference series list"), [
            Column("code", self.tr("Code"), TEXT), Column("name", self.tr("Name"), TEXT),
            Column("unit", self.tr("Unit"), TEXT)],
            [{"code": r.code, "name": r.name, "unit": r.unit} for r in d.references])
        self._page("industries", self.tr("Industries"), [
            Column("name", self.tr("Industry"), TEXT), Column("group", self.tr("Group"), TEXT),
            Column("key", self.tr("“3+3”"), TEXT)],
            [{"name": i.name, "group": i.group_label or _name(INDUSTRY_GROUP_NAMES, i.plan_group),
              "key": self.tr("yes") if i.three_plus_three else ""} for i in d.industries])
        self._page("zones", self.tr("Zones"), [
            Column("name", self.tr("Zone"), TEXT), Column("short", self.tr("Short name"), TEXT),
            Column("role", self.tr("Role"), TEXT)],
            [{"name": z.name, "short": z.short_name, "role": z.role} for z in d.zones])
        self._page("parks", self.tr("Featured parks"), [
            Column("name", self.tr("Park"), TEXT), Column("zone", self.tr("Zone"), TEXT),
            Column("kind", self.tr("Kind"), TEXT)],
            [{"name": p.name, "zone": p.zone or self.tr("(no zone)"), "kind": p.kind} for p in d.parks])
        self._page("talent", self.tr("Talent"), [
            Column("code", self.tr("Code"), TEXT), Column("name", self.tr("Name"), TEXT),
            Column("unit", self.tr("Unit"), TEXT), Column("group", self.tr("Category"), TEXT)],
            [{"code": t.code, "name": t.name, "unit": t.unit, "group": _name(TALENT_GROUP_NAMES, t.grp)}
             for t in d.talent])

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)
        self.resize(1200, 680)

    def _page(self, key: str, title: str, columns: list[Column], rows: list[dict]) -> None:
        model = TableModel(columns, self)
        model.set_rows(rows)
        view, _ = table_view(model, self, editable=False)
        view.resizeColumnsToContents()
        self.models[key] = model
        self.pages.addTab(view, f"{title}（{len(rows)}）")

    def row(self, key: str, value: str, column: str = "code") -> dict | None:
        """The shown row of table `key` whose `column` is `value` (for tests and callers)."""
        model = self.models[key]
        return next((model.row(r) for r in range(model.rowCount()) if model.row(r).get(column) == value), None)
