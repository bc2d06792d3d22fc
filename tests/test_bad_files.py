"""The corpus of hostile and broken returns (tests/data/bad/, made by scripts/make_bad_corpus.py): each one
gives the message listed for it, the expected exit code, no traceback, and a park file that passes
`PRAGMA integrity_check` and is byte for byte unchanged whenever nothing was imported."""

from __future__ import annotations

import functools
import importlib.util
import json
import re
import sqlite3
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, run_main
from tests.park_checks import digest, integrity

BAD = ROOT / "tests" / "data" / "bad"
CASES = json.loads((BAD / "cases.json").read_text(encoding="utf-8"))
CJK = re.compile(r"[\u4e00-\u9fff]")
# Bomb-like cases run as subprocesses; this bounds them without timing anything.
SUBPROCESS_TIMEOUT = 120


@functools.cache
def corpus_module():
    spec = importlib.util.spec_from_file_location("make_bad_corpus", ROOT / "scripts" / "make_bad_corpus.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_bad_corpus"] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def case_path(case: dict, tmp_path: Path) -> Path:
    if not case["big"]:
        return BAD / case["file"]
    module = corpus_module()
    made = next(c for c in module.CASES if c.file == case["file"])
    return module.build(made, tmp_path / "big")


def stored_rows(path: Path) -> int:
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT COUNT(*) FROM returns").fetchone()[0]
    finally:
        conn.close()


def check_park_after(case: dict, park_path: Path, before: str) -> None:
    assert integrity(park_path) == "ok"
    if case["exit"] == 2:
        assert digest(park_path) == before, "nothing was imported, so the park file must be byte for byte the same"
        assert stored_rows(park_path) == 0
    else:
        assert stored_rows(park_path) > 0


def test_the_corpus_has_at_least_30_cases_each_with_a_file():
    assert len(CASES) >= 30
    assert len({c["file"] for c in CASES}) == len(CASES)
    for case in CASES:
        assert case["exit"] in (0, 1, 2) and case["via"] in ("cli", "inprocess")
        if not case["big"]:
            assert (BAD / case["file"]).is_file(), case["file"]


def test_the_committed_corpus_is_what_the_script_makes(tmp_path):
    module = corpus_module()
    assert module.manifest() == CASES
    for made in module.CASES:
        if not made.big and made.file in ("password.xlsx", "billion_laughs_sharedstrings.xlsx", "macros.xlsm"):
            assert module.build(made, tmp_path).read_bytes() == (BAD / made.file).read_bytes(), made.file


@pytest.mark.parametrize("case", [c for c in CASES if c["via"] == "inprocess"], ids=lambda c: c["file"])
def test_in_process(case, park_path, tmp_path):
    from models.store.db import open_park
    from models.returns.importer import import_paths, summary_lines

    source = case_path(case, tmp_path)
    before = digest(park_path)
    park = open_park(park_path)
    try:
        outcome = import_paths(park, [str(source)])
    finally:
        park.close()
    text = "\n".join(summary_lines(outcome))
    for fragment in case["expect"]:
        assert fragment in text, f"{case['file']}: “{fragment}” not in:\n{text}"
    assert outcome.exit_code == case["exit"], text
    for problem in outcome.check.files_rejected + outcome.check.rejected:
        assert CJK.search(problem.message), problem
    if case["exit"] == 2 and outcome.check.files_rejected:
        assert all(case["file"].split("/")[-1] in p.message for p in outcome.check.files_rejected)
    check_park_after(case, park_path, before)


@pytest.mark.parametrize("case", [c for c in CASES if c["via"] == "cli"], ids=lambda c: c["file"])
def test_through_the_command_line(case, park_path, tmp_path):
    source = case_path(case, tmp_path)
    given = str(source.relative_to(ROOT)) if source.is_relative_to(ROOT) else str(source)
    before = digest(park_path)
    report = tmp_path / "report.json"
    proc = run_main("import", str(park_path), given, "--report-json", str(report), timeout=SUBPROCESS_TIMEOUT)
    output = proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    for fragment in case["expect"]:
        assert fragment in output, f"{case['file']}: “{fragment}” not in:\n{output}"
    assert proc.returncode == case["exit"], output
    data = json.loads(report.read_text(encoding="utf-8"))
    rejected_files = data["files_rejected"]
    if case["exit"] == 2 and rejected_files:
        assert [f["file"] for f in rejected_files] == [given]
        assert CJK.search(rejected_files[0]["message"])
    if case["exit"] == 0:
        assert data["accepted"] > 0 and data["rejected"] == [] and rejected_files == []
    check_park_after(case, park_path, before)


def test_a_folder_of_the_whole_corpus_imports_the_good_files_and_names_every_bad_one(park_path):
    """A folder means every .xlsx in it: the bad ones are reported one by one, the good rows are stored."""
    from models.store.db import open_park
    from models.returns.importer import import_paths

    park = open_park(park_path)
    try:
        outcome = import_paths(park, [str(BAD)])
    finally:
        park.close()
    named = {Path(p.file).name for p in outcome.check.files_rejected + outcome.check.rejected}
    for case in CASES:
        in_folder = not case["big"] and "/" not in case["file"] and case["file"].endswith(".xlsx") and not case["file"].startswith("~$")
        if in_folder and case["exit"] == 2 and case["file"] in case["expect"]:
            assert case["file"] in named, case["file"]
    assert outcome.exit_code == 1
    assert integrity(park_path) == "ok" and stored_rows(park_path) > 0


def test_the_window_stays_responsive_and_reports_hostile_files(window, qtbot, park_path):
    """The GUI import path: bombs and broken files are checked on the worker while the window keeps
    handling events; the review lists each refused file with its Chinese message; cancelling stores nothing."""
    import threading

    from PySide6.QtCore import QTimer

    from ui.import_dialog import ImportController
    from ui.jobs import JobProgress

    release = threading.Event()
    holding = threading.Event()

    class HeldProgress(JobProgress):
        """Holds the worker at its first step until the test has seen the window handle events."""

        def step(self, done, total, text=""):
            super().step(done, total, text)
            if not holding.is_set():
                holding.set()
                release.wait(30)

    hostile = ["zip_bomb.xlsx", "billion_laughs_sheet.xlsx", "billion_laughs_sharedstrings.xlsx",
               "csv_gbk_renamed.xlsx", "legacy.xls", "truncated.xlsx", "password.xlsx", "columns_10000.xlsx"]
    before = digest(park_path)
    controller = ImportController(window)
    controller.progress_class = HeldProgress
    ticks = []
    timer = QTimer(window)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(5)
    assert controller.start([str(BAD / name) for name in hostile])
    qtbot.waitUntil(holding.is_set, timeout=10_000)
    seen = len(ticks)
    window.tabs.setCurrentIndex(2)  # the user clicks around while the check runs
    qtbot.waitUntil(lambda: len(ticks) >= seen + 5, timeout=10_000)
    assert window.tabs.currentIndex() == 2
    with qtbot.waitSignal(controller.checked, timeout=60_000) as checked:
        release.set()
    timer.stop()
    result = checked.args[0]
    refused = {Path(p.file).name: p.message for p in result.files_rejected}
    assert set(refused) == set(hostile)
    for case in CASES:
        if case["file"] in refused:
            assert all(fragment in refused[case["file"]] for fragment in case["expect"]), case["file"]
    review = controller.review
    assert review is not None and not review.import_button.isEnabled()
    notes = review.models["notes"]
    assert notes.rowCount() == len(hostile)
    review.reject()
    qtbot.waitUntil(lambda: controller.review is None, timeout=5_000)
    assert digest(park_path) == before
    assert integrity(park_path) == "ok"
