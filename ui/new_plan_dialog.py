"""File ▸ 新建规划…: a new park file from a plan definition workbook (issue 15).

The dialog asks for the definition workbook (.xlsx), the new park file's path and, optionally, the
previous plan's park file whose target-year values become the new baselines (上一规划文件（结转基期值）).
Creating reads the workbook (models.planning.plan_definition.read_definition) and writes the file
(models.planning.plan_create.create_park) as a ui.jobs job; every problem of the definition is listed in
Chinese with its sheet, row and column, and nothing is created. On success the dialog closes with
`created` (the new file) and `report` (what was carried) for the window to open and announce.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QListWidget, QPushButton, QVBoxLayout, QWidget)

from models.base import paths


def create_from_definition(definition: Path, target: Path, baseline_from: Path | None):
    """The job's function (run off the GUI thread by ui.jobs): (True, CarryReport) once the file is made,
    (False, [Chinese message per problem]) when the definition or the target is wrong (nothing created)."""
    def run(progress) -> tuple[bool, object]:
        from models.planning.plan_create import PlanCreateError, create_park
        from models.planning.plan_definition import DefinitionError, read_definition

        try:
            return True, create_park(target, read_definition(definition), baseline_from)
        except DefinitionError as exc:
            return False, [str(p) for p in exc.problems] or [str(exc)]
        except PlanCreateError as exc:
            return False, [str(exc)]
    return run


def carried_text(report) -> str:
    """What the previous plan's file gave, for the message after creating (empty without one)."""
    lines = report.lines() if report is not None else []
    return "\n".join(line.strip() for line in lines)


class NewPlanDialog(QDialog):
    """Choose a definition, the new file and optionally the previous plan's file; create.

    Attributes:
        definition_edit, target_edit, previous_edit: the three paths (the last may stay empty).
        problems: the list of what is wrong (the definition's problems, or why the file was not created).
        create_button: starts the creation (disabled while it runs).
        created: the new park file's path once created, else None.
        report: the models.planning.plan_create.CarryReport of the creation, else None.
    Signals:
        finished_creating(bool): the creation ended (True: created).
    """

    finished_creating = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("New plan from a definition"))
        self.created: Path | None = None
        self.report = None
        self.job = None  # the running ui.jobs.Job, else None

        intro = QLabel(self.tr("Creates a new park file for the plan a definition workbook describes (its "
                               "period, indicators, industries, zones, talent, plan figures and tasks). "
                               "`python main.py plan-template OUT.xlsx` writes the built-in plan's definition "
                               "as an example to edit."), self)
        intro.setWordWrap(True)
        self.definition_edit = QLineEdit(self)
        self.target_edit = QLineEdit(self)
        self.previous_edit = QLineEdit(self)
        self.previous_edit.setPlaceholderText(self.tr("optional"))
        form = QFormLayout()
        form.addRow(self.tr("Plan definition (.xlsx):"),
                    self._with_button(self.definition_edit, self.on_choose_definition))
        form.addRow(self.tr("New park file:"), self._with_button(self.target_edit, self.on_choose_target))
        form.addRow(self.tr("Previous plan's file (baselines carried over):"),
                    self._with_button(self.previous_edit, self.on_choose_previous))
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.problems = QListWidget(self)
        self.problems.setWordWrap(True)
        self.problems.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.create_button = buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.accepted.connect(self.on_create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.problems, 1)
        layout.addWidget(buttons)
        self.resize(720, 360)

    def _with_button(self, edit: QLineEdit, slot) -> QWidget:
        row = QWidget(self)
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(edit, 1)
        button = QPushButton(self.tr("Browse…"), row)
        button.clicked.connect(slot)
        box.addWidget(button)
        return row

    # ------------------------------------------------------------------ choosing
    def on_choose_definition(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Plan definition"), str(paths.default_park_path().parent),
                                              self.tr("Excel workbooks (*.xlsx)"))
        if name:
            self.definition_edit.setText(name)
            if not self.target_edit.text():
                self.target_edit.setText(str(Path(name).with_suffix(".sqlite")))

    def on_choose_target(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, self.tr("New park file"), str(paths.default_park_path().parent),
                                              self.tr("Park files (*.sqlite *.db)"))
        if name:
            self.target_edit.setText(name)

    def on_choose_previous(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Previous plan's file"),
                                              str(paths.default_park_path().parent),
                                              self.tr("Park files (*.sqlite *.db)"))
        if name:
            self.previous_edit.setText(name)

    # ------------------------------------------------------------------ creating
    def show_problems(self, messages: list[str]) -> None:
        """List what is wrong (the dialog stays open; nothing was created)."""
        self.problems.clear()
        self.problems.addItems(messages)
        self.problems.setVisible(bool(messages))
        self.status.setText(self.tr("Not created: %1 problem(s).").replace("%1", str(len(messages)))
                            if messages else "")

    def paths(self) -> tuple[Path, Path, Path | None] | None:
        """The three paths, or None after listing what is missing."""
        definition, target = self.definition_edit.text().strip(), self.target_edit.text().strip()
        previous = self.previous_edit.text().strip()
        missing = []
        if not definition:
            missing.append(self.tr("Choose the plan definition workbook (.xlsx)."))
        elif not Path(definition).is_file():
            missing.append(self.tr("The plan definition “%1” does not exist.").replace("%1", definition))
        if not target:
            missing.append(self.tr("Choose where the new park file goes."))
        elif Path(target).suffix.lower() != ".sqlite":
            target += ".sqlite"
        if previous and not Path(previous).is_file():
            missing.append(self.tr("The previous plan's file “%1” does not exist.").replace("%1", previous))
        if missing:
            self.show_problems(missing)
            return None
        return Path(definition), Path(target), Path(previous) if previous else None

    def on_create(self) -> None:
        if self.job is not None:
            return
        chosen = self.paths()
        if chosen is None:
            return
        self.show_problems([])
        self.status.setText(self.tr("Creating…"))
        self.create_button.setEnabled(False)
        from ui.jobs import Job

        self._target = chosen[1]
        self.job = Job(self, self.tr("New plan"), create_from_definition(*chosen), self._on_ended,
                       text=self.tr("Creating…"), cancellable=False, on_failed=lambda message: self._on_failed([]))
        self.job.start()

    def _on_ended(self, outcome: tuple[bool, object]) -> None:
        ok, value = outcome
        self._on_created(value) if ok else self._on_failed(value)

    def _end_job(self) -> None:
        self.job = None
        self.create_button.setEnabled(True)

    def _on_created(self, report) -> None:
        self._end_job()
        self.created, self.report = self._target, report
        self.finished_creating.emit(True)
        self.accept()

    def _on_failed(self, messages: list) -> None:
        self._end_job()
        self.show_problems([str(m) for m in messages])
        self.finished_creating.emit(False)
