"""The 重点任务 tab: the plan's key tasks as a tree chapter → section → task, with the chosen year's status.

Filter by year and status; the count of tasks per status of the year is shown above the tree. The
selected task's 责任单位 and its year's status, progress note and evidence are edited below the tree
(each change one audited transaction, undoable with Edit ▸ Undo).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.planning import tasks
from models.store.period import Period
from ui.i18n import is_chinese, label
from ui.plan_period import period_of
from ui.tabs.base import ParkTab
from widgets.roles import ID_ROLE

COLUMN_TITLES = (
    QT_TRANSLATE_NOOP("TasksTab", "Task"),
    QT_TRANSLATE_NOOP("TasksTab", "Concerns"),
    QT_TRANSLATE_NOOP("TasksTab", "Responsible unit"),
    QT_TRANSLATE_NOOP("TasksTab", "Status"),
    QT_TRANSLATE_NOOP("TasksTab", "Progress"),
)
TASK, CONCERNS, UNIT, STATUS, NOTE = range(5)


class TasksTab(ParkTab):
    """Key tasks by chapter and section; filters, counts per status and the selected task's editor.

    Attributes:
        tree: chapters (top level) → sections → tasks; a task item holds its id in ID_ROLE.
        year_box, status_box: the year shown and the status filter (None: every task; "unset": none set).
        counts_label: "已完成 n · 推进中 n · …" for the year, over all tasks.
        status_edit, unit_edit, note_edit, evidence_edit: the selected task's fields (year = year_box).
    """

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.task_list: list[tasks.Task] = []
        self._current: int | None = None
        self._filling = False

        self.year_box = QComboBox(self)
        self.period: Period | None = None
        self.follow_period()
        self.status_box = QComboBox(self)
        self.status_box.addItem(self.tr("All statuses"), None)
        for code in (*tasks.STATUSES, tasks.UNSET):
            self.status_box.addItem(label(tasks.STATUS_LABELS.get(code, tasks.UNSET_LABEL)), code)
        self.year_box.currentIndexChanged.connect(self.reload)
        self.status_box.currentIndexChanged.connect(self.reload)
        self.counts_label = QLabel(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year:"), self))
        bar.addWidget(self.year_box)
        bar.addWidget(QLabel(self.tr("Status:"), self))
        bar.addWidget(self.status_box)
        bar.addSpacing(16)
        bar.addWidget(self.counts_label, 1)

        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(len(COLUMN_TITLES))
        self.tree.setHeaderLabels([QCoreApplication.translate("TasksTab", t) for t in COLUMN_TITLES])
        self.tree.setWordWrap(False)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(TASK, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(TASK, 620)
        for col in (CONCERNS, UNIT, STATUS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.tree.currentItemChanged.connect(self.on_current_changed)

        editor = QWidget(self)
        form = QFormLayout(editor)
        self.title_label = QLabel(editor)
        self.title_label.setStyleSheet("font-weight: bold;")
        self.text_label = QLabel(editor)
        self.text_label.setWordWrap(True)
        self.text_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.status_edit = QComboBox(editor)
        self.status_edit.addItem(label(tasks.UNSET_LABEL), None)
        for code in tasks.STATUSES:
            self.status_edit.addItem(label(tasks.STATUS_LABELS[code]), code)
        self.unit_edit = QLineEdit(editor)
        self.note_edit = QLineEdit(editor)
        self.evidence_edit = QLineEdit(editor)
        self.year_title = QLabel(editor)
        form.addRow(self.title_label)
        form.addRow(self.text_label)
        form.addRow(self.tr("Responsible unit"), self.unit_edit)
        form.addRow(self.year_title)
        form.addRow(self.tr("Status"), self.status_edit)
        form.addRow(self.tr("Progress note"), self.note_edit)
        form.addRow(self.tr("Evidence"), self.evidence_edit)
        self.status_edit.activated.connect(lambda _i: self.on_field_edited("status"))
        self.unit_edit.editingFinished.connect(lambda: self.on_field_edited("unit"))
        self.note_edit.editingFinished.connect(lambda: self.on_field_edited("note"))
        self.evidence_edit.editingFinished.connect(lambda: self.on_field_edited("evidence"))
        self.editor = editor

        # the task's text and its fields scroll rather than being cut off on a small screen (1366×768)
        from PySide6.QtWidgets import QFrame, QScrollArea

        scroll = QScrollArea(self)
        scroll.setWidget(editor)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.editor_scroll = scroll
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.tree)
        split.addWidget(scroll)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([520, 260])
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(split)

    # -------------------------------------------------------------- data
    @property
    def year(self) -> int:
        return self.year_box.currentData()

    def current_task(self) -> tasks.Task | None:
        return next((t for t in self.task_list if t.id == self._current), None)

    def follow_period(self) -> None:
        """The year picker holds the plan's years of the open file (base+1 … target), the last chosen."""
        period = period_of(self.session)
        if period == self.period:
            return
        self.period = period
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in period.plan_years:
            self.year_box.addItem(str(year), year)
        self.year_box.setCurrentIndex(self.year_box.count() - 1)
        self.year_box.blockSignals(False)

    def reload(self) -> None:
        park = self.session.park
        self.follow_period()
        self.task_list = tasks.list_tasks(park.conn) if park else []
        year, status = self.year, self.status_box.currentData()
        counts = tasks.status_counts(self.task_list, year)
        self.counts_label.setText(self.tr("%1: %2 tasks — ").replace("%1", str(year))
                                  .replace("%2", str(len(self.task_list)))
                                  + " · ".join(f"{label(tasks.STATUS_LABELS.get(c, tasks.UNSET_LABEL))} {n}"
                                               for c, n in counts.items()))
        shown = [t for t in self.task_list if status is None or (t.status(year) or tasks.UNSET) == status]
        self.fill_tree(shown)
        self.fill_editor()

    def fill_tree(self, shown: list[tasks.Task]) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        chapters: dict[str, QTreeWidgetItem] = {}
        sections: dict[tuple[str, str], QTreeWidgetItem] = {}
        current_item = None
        for t in shown:
            if t.chapter not in chapters:
                chapters[t.chapter] = QTreeWidgetItem(self.tree, [t.chapter])
                chapters[t.chapter].setFirstColumnSpanned(True)
            key = (t.chapter, t.section)
            if key not in sections:
                sections[key] = QTreeWidgetItem(chapters[t.chapter], [t.section])
                sections[key].setFirstColumnSpanned(True)
            y = t.years[self.year]
            item = QTreeWidgetItem(sections[key], [f"{t.code}  {t.text}", t.concerns(), t.unit or "",
                                                   tasks.status_label(y.status, self._lang()), y.note or ""])
            item.setData(TASK, ID_ROLE, t.id)
            item.setToolTip(TASK, (f"{t.title}。" if t.title else "") + t.text)
            if y.status:
                item.setForeground(STATUS, QBrush(QColor(tasks.STATUS_COLORS[y.status])))
            if t.id == self._current:
                current_item = item
        self.tree.expandAll()
        if current_item is None and shown:
            self._current = shown[0].id
            current_item = self._find_item(self._current)
        if current_item is not None:
            self.tree.setCurrentItem(current_item)
            self.tree.scrollToItem(current_item)
        self.tree.blockSignals(False)

    def _find_item(self, task_id: int) -> QTreeWidgetItem | None:
        for ch in range(self.tree.topLevelItemCount()):
            chapter = self.tree.topLevelItem(ch)
            for s in range(chapter.childCount()):
                section = chapter.child(s)
                for i in range(section.childCount()):
                    if section.child(i).data(TASK, ID_ROLE) == task_id:
                        return section.child(i)
        return None

    @staticmethod
    def _lang() -> int:
        return 0 if is_chinese() else 1

    def fill_editor(self) -> None:
        t = self.current_task()
        self._filling = True
        self.editor.setEnabled(t is not None and not self.session.read_only)
        if t is None:
            for w in (self.title_label, self.text_label, self.year_title):
                w.setText("")
            for w in (self.unit_edit, self.note_edit, self.evidence_edit):
                w.setText("")
        else:
            y = t.years[self.year]
            self.title_label.setText(f"{t.code}  {t.chapter} {t.section}" + (f" · {t.title}" if t.title else ""))
            self.text_label.setText(t.text)
            self.year_title.setText(self.tr("Year %1").replace("%1", str(self.year)))
            self.unit_edit.setText(t.unit or "")
            self.note_edit.setText(y.note or "")
            self.evidence_edit.setText(y.evidence or "")
            self.status_edit.setCurrentIndex(max(0, self.status_edit.findData(y.status)))
        self._filling = False

    # -------------------------------------------------------------- slots
    def on_current_changed(self, current, _previous) -> None:
        if current is None:
            return
        task_id = current.data(TASK, ID_ROLE)
        if task_id is not None and task_id != self._current:
            self._current = task_id
            self.fill_editor()

    def on_field_edited(self, field: str) -> None:
        t = self.current_task()
        if self._filling or t is None:
            return
        value = {"status": self.status_edit.currentData(), "unit": self.unit_edit.text(),
                 "note": self.note_edit.text(), "evidence": self.evidence_edit.text()}[field]
        try:
            if field == "unit":
                changes = {"unit": tasks.clean_text(value, "责任单位")}
            else:
                changes = tasks.year_changes(t, self.year, **{field: value})
        except tasks.TaskEntryError as exc:
            self.session.failed.emit(self.tr("Task %1: %2. Nothing was saved.").replace("%1", t.code)
                                     .replace("%2", str(exc)))
            self.fill_editor()
            return
        names = {"status": self.tr("status"), "unit": self.tr("responsible unit"), "note": self.tr("progress note"),
                 "evidence": self.tr("evidence")}
        if field == "unit":
            self.session.edit("tasks", {"id": t.id}, changes, f"{t.code}：{names[field]}")
        else:
            self.session.edit("task_years", {"task_id": t.id, "year": self.year}, changes,
                              f"{t.code} {self.year}：{names[field]}")

    def on_table_changed(self, table: str) -> None:
        if table in ("tasks", "task_years"):
            self.reload()
