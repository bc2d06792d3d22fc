"""Faults: the process killed during an import, a migration and an edit; the disk full and the file made
read-only during a save; damaged park files refused, with the newest backup copy offered in the window.

After each fault the park file opens, passes `PRAGMA integrity_check` and holds the old or the new state,
never a mix; messages are Chinese and nothing stored is lost."""

from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from models.store import db as parkdb
from models.store.schema import SCHEMA_VERSION
from tests.conftest import ROOT
from tests.models.store.test_db import make_v1_file
from tests.park_checks import digest, integrity

needs_sigkill = pytest.mark.skipif(not hasattr(__import__("signal"), "SIGKILL"), reason="needs SIGKILL (POSIX)")

# A driver run in a child process: it installs a SQLite progress handler that SIGKILLs the process after
# `kill_at` ticks (0: never; the tick count is printed at the end so a test can choose points inside it),
# with a tiny page cache so that pages spill into the file before the commit.
DRIVER_HEAD = textwrap.dedent("""
    import os, signal, sqlite3, sys
    sys.path.insert(0, {root!r})
    from models.store import db
    kill_at, every = int(sys.argv[1]), int(sys.argv[2])
    ticks = 0

    def tick():
        global ticks
        ticks += 1
        if kill_at > 0 and ticks >= kill_at:
            os.kill(os.getpid(), signal.SIGKILL)
        return 0

    _connect = db._connect

    def hooked(path, read_only):
        conn = _connect(path, read_only)
        if not read_only:
            conn.execute("PRAGMA cache_size = 5")
            conn.set_progress_handler(tick, every)
        return conn

    db._connect = hooked
""")


# kill_at = -1: killed right after the body, the work done (the new state must be there).
DRIVER_TAIL = """
if kill_at < 0:
    os.kill(os.getpid(), signal.SIGKILL)
print('ticks', ticks)
"""


def driver_command(tmp_path: Path, body: str, kill_at: int, every: int, *args: str) -> list[str]:
    script = tmp_path / "driver.py"
    script.write_text(DRIVER_HEAD.format(root=str(ROOT)) + textwrap.dedent(body) + DRIVER_TAIL, encoding="utf-8")
    return [sys.executable, str(script), str(kill_at), str(every), *args]


def run_driver(tmp_path: Path, body: str, kill_at: int, every: int, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(driver_command(tmp_path, body, kill_at, every, *args), capture_output=True,
                          text=True, encoding="utf-8", timeout=120)


def run_and_kill_after(tmp_path: Path, body: str, delay: float, *args: str) -> int:
    """Start the driver and SIGKILL it from outside after `delay` seconds (wherever it is by then)."""
    import signal
    import time

    proc = subprocess.Popen(driver_command(tmp_path, body, 0, 1000, *args), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    return proc.wait(timeout=60)


def ticks_of(proc: subprocess.CompletedProcess) -> int:
    assert proc.returncode == 0, proc.stderr
    return int(proc.stdout.split("ticks")[-1])


def kill_points(total: int, n: int, seed: int) -> list[int]:
    rng = random.Random(seed)
    return sorted(rng.sample(range(1, total), min(n, total - 1)))


def counts(path: Path, *tables: str) -> tuple[int, ...]:
    park = parkdb.open_park(path)
    try:
        return tuple(park.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables)
    finally:
        park.close()


# ------------------------------------------------------------------------------------------ kills

@pytest.fixture
def big_return(tmp_path) -> Path:
    """A valid return of 1,500 enterprises (XlsxWriter)."""
    from tests.test_bad_files import corpus_module

    corpus = corpus_module()
    path = tmp_path / "big return.xlsx"
    corpus.write_xlsxwriter(path, [corpus.good_row(n) for n in range(1, 1501)])
    return path


IMPORT_BODY = """
    from models.returns.importer import import_paths
    park = db.open_park(sys.argv[3])
    outcome = import_paths(park, [sys.argv[4]])
    park.close()
"""


@needs_sigkill
@pytest.mark.slow
def test_kill_during_an_import_leaves_the_old_or_the_new_state(tmp_path, park_path, big_return):
    every = 5000
    probe = tmp_path / "probe.sqlite"
    shutil.copyfile(park_path, probe)
    total = ticks_of(run_driver(tmp_path, IMPORT_BODY, 0, every, str(probe), str(big_return)))
    assert counts(probe, "returns", "import_batches")[0] == 1500
    seen = set()
    for point in kill_points(total, 3, seed=8) + [total - 1, -1]:
        target = tmp_path / f"killed-{point}.sqlite"
        shutil.copyfile(park_path, target)
        proc = run_driver(tmp_path, IMPORT_BODY, point, every, str(target), str(big_return))
        assert proc.returncode == -9, proc.stderr
        returns, batches, audit = counts(target, "returns", "import_batches", "audit_log")
        assert integrity(target) == "ok"
        assert (returns, batches) in ((0, 0), (1500, 1)), (point, returns, batches)
        assert (audit == 0) == (returns == 0)
        seen.add(returns)
    assert seen == {0, 1500}
    # Killed from outside at random moments of the whole run, the commit included.
    rng = random.Random(88)
    for n in range(2):
        target = tmp_path / f"timed-{n}.sqlite"
        shutil.copyfile(park_path, target)
        run_and_kill_after(tmp_path, IMPORT_BODY, rng.uniform(0.5, 2.0), str(target), str(big_return))
        returns, batches = counts(target, "returns", "import_batches")
        assert integrity(target) == "ok" and (returns, batches) in ((0, 0), (1500, 1))


MIGRATION_BODY = """
    park = db.open_park(sys.argv[3])
    park.close()
"""


@needs_sigkill
def test_kill_during_a_migration_leaves_version_1_or_version_2(tmp_path):
    original = tmp_path / "v1.sqlite"
    make_v1_file(original)
    probe = tmp_path / "probe" / "v1.sqlite"
    probe.parent.mkdir()
    shutil.copyfile(original, probe)
    every = 20
    total = ticks_of(run_driver(tmp_path, MIGRATION_BODY, 0, every, str(probe)))
    versions = set()
    for n, point in enumerate(kill_points(total, 4, seed=1) + [-1]):
        folder = tmp_path / f"k{n}"
        folder.mkdir()
        target = folder / "v1.sqlite"
        shutil.copyfile(original, target)
        proc = run_driver(tmp_path, MIGRATION_BODY, point, every, str(target))
        assert proc.returncode == -9, proc.stderr
        backups = list(folder.glob("v1.v1-backup-*.sqlite"))
        assert len(backups) == 1 and digest(backups[0]) == digest(original)  # the copy came first
        conn = sqlite3.connect(str(target))  # a read-write connection rolls back a hot journal
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        conn.close()
        assert integrity(target) == "ok"
        assert version in range(1, SCHEMA_VERSION + 1)   # each migration step is all or nothing
        assert ("returns" in tables) == (version >= 2), (version, tables)
        versions.add(version)
        park = parkdb.open_park(target)  # migrates now if it was left at version 1
        try:
            assert park.schema_version == SCHEMA_VERSION
            assert park.conn.execute("SELECT official FROM indicator_years WHERE code = 'rd_intensity'"
                                     " AND year = 2021").fetchone()[0] == 3.2
        finally:
            park.close()
    assert min(versions) < SCHEMA_VERSION and len(versions) > 1  # some kills landed mid-migration


EDIT_BODY = """
    park = db.open_park(sys.argv[3])
    with park.transaction("edit") as tx:
        tx.update("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 3.9, "note": "x" * 3000})
        tx.update("indicator_years", {"code": "rd_intensity", "year": 2022}, {"official": 4.1, "note": "y" * 3000})
    park.close()
"""


@needs_sigkill
def test_kill_during_an_edit_leaves_both_values_or_neither(tmp_path, park_path):
    every = 10
    probe = tmp_path / "probe.sqlite"
    shutil.copyfile(park_path, probe)
    total = ticks_of(run_driver(tmp_path, EDIT_BODY, 0, every, str(probe)))
    outcomes = set()
    for point in kill_points(total, 4, seed=3) + [-1]:
        target = tmp_path / f"edit-{point}.sqlite"
        shutil.copyfile(park_path, target)
        proc = run_driver(tmp_path, EDIT_BODY, point, every, str(target))
        assert proc.returncode == -9, proc.stderr
        park = parkdb.open_park(target)
        try:
            values = park.conn.execute("SELECT official FROM indicator_years WHERE code = 'rd_intensity'"
                                       " AND year IN (2021, 2022) ORDER BY year").fetchall()
            audit = park.conn.execute("SELECT COUNT(*) FROM audit_log").fetchone()[0]
        finally:
            park.close()
        assert integrity(target) == "ok"
        assert (values, audit) in (([(None,), (None,)], 0), ([(3.9,), (4.1,)], 4)), (point, values, audit)
        outcomes.add(audit)
    assert outcomes == {0, 4}


# ------------------------------------------------------------------------------------------ disk full

def fill_to_the_brim(park) -> None:
    """Forbid the file to grow: the next write that needs a page fails with SQLITE_FULL, like a full disk."""
    pages = park.conn.execute("PRAGMA page_count").fetchone()[0]
    park.conn.execute(f"PRAGMA max_page_count = {pages}")


def test_disk_full_during_an_import(park_path, big_return):
    from models.returns.importer import ImportFailed, import_paths

    before = digest(park_path)
    park = parkdb.open_park(park_path)
    try:
        fill_to_the_brim(park)
        with pytest.raises(ImportFailed) as failure:
            import_paths(park, [str(big_return)])
        assert park.conn.execute("SELECT COUNT(*) FROM returns").fetchone()[0] == 0
    finally:
        park.close()
    assert "磁盘空间已满" in str(failure.value) and "原有内容未改变" in str(failure.value)
    assert digest(park_path) == before
    assert integrity(park_path) == "ok"


def test_disk_full_during_an_edit_in_the_window(window, qtbot, park_path):
    session = window.session
    fill_to_the_brim(session.park)
    messages = []
    session.failed.connect(messages.append)
    key = {"code": "rd_intensity", "year": 2021}
    assert not session.edit("indicator_years", key, {"note": "评估意见" * 20000}, "note")
    assert len(messages) == 1 and "磁盘空间已满" in messages[0] and "原有内容未改变" in messages[0]
    assert session.undo_stack.count() == 0
    assert session.park.conn.execute("SELECT note FROM indicator_years WHERE code = 'rd_intensity'"
                                     " AND year = 2021").fetchone()[0] is None
    session.park.conn.execute("PRAGMA max_page_count = 1073741823")
    assert session.edit("indicator_years", key, {"official": 3.7}, "official")  # still usable afterwards


# ------------------------------------------------------------------------------------------ read-only

class ReadOnly:
    """Makes a file read-only in a way that stops root too: `chattr +i` as root, else the mode bits.

    On Windows `os.chmod(0o444)` sets the file's read-only attribute, which stops every later open for
    writing (administrators included) but not a handle opened before: see the POSIX-only test below.
    """

    def __init__(self, path: Path):
        self.path = path
        self.immutable = False

    def __enter__(self):
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            if shutil.which("chattr") is None:
                pytest.skip("running as root without chattr: no way to make a file read-only")
            proc = subprocess.run(["chattr", "+i", str(self.path)], capture_output=True)
            if proc.returncode != 0:
                pytest.skip(f"chattr +i not supported here: {proc.stderr!r}")
            self.immutable = True
        else:
            os.chmod(self.path, 0o444)
        return self

    def __exit__(self, *exc):
        if self.immutable:
            subprocess.run(["chattr", "-i", str(self.path)], check=True)
        else:
            os.chmod(self.path, 0o644)


def read_rd_2021(path: Path):
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT official FROM indicator_years WHERE code = 'rd_intensity' AND year = 2021"
                            ).fetchone()[0]
    finally:
        conn.close()


def test_a_file_read_only_before_it_is_opened(park_path):
    before = digest(park_path)
    with ReadOnly(park_path):
        park = parkdb.open_park(park_path)
        try:
            with pytest.raises(parkdb.ParkFileError, match="只读") as failure:
                park.update("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 3.9})
        finally:
            park.close()
    assert "原有内容未改变" in str(failure.value) and park_path.name in str(failure.value)
    assert digest(park_path) == before


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX only: Windows' read-only attribute does not stop "
                                                    "writes through the handle SQLite already holds")
def test_a_file_made_read_only_while_open(window, park_path):
    """The file turns read-only under the running program (e.g. a share's permissions change)."""
    messages = []
    window.session.failed.connect(messages.append)
    window.session.edit("indicator_years", {"code": "rd_intensity", "year": 2022}, {"official": 4.0}, "official")
    with ReadOnly(park_path):
        ok = window.session.edit("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 3.9},
                                 "official")
        assert not ok and len(messages) == 1
        assert "无法保存" in messages[0] and "原有内容未改变" in messages[0]
        assert re.search(r"[\u4e00-\u9fff]", messages[0].split("：", 1)[1])
    window.close()
    assert integrity(park_path) == "ok"
    assert read_rd_2021(park_path) is None
    park = parkdb.open_park(park_path)
    try:
        assert park.conn.execute("SELECT official FROM indicator_years WHERE code = 'rd_intensity'"
                                 " AND year = 2022").fetchone()[0] == 4.0
    finally:
        park.close()


# ------------------------------------------------------------------------------------------ damaged files

def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 3])


def scribble(path: Path) -> None:
    data = bytearray(path.read_bytes())
    rng = random.Random(42)
    middle = len(data) // 2
    for i in range(middle, middle + 16384):
        data[i] = rng.randrange(256)
    path.write_bytes(bytes(data))


def not_sqlite(path: Path) -> None:
    path.write_bytes("园区数据\n".encode("utf-8") * 200)


DAMAGE = {"truncated": truncate, "random bytes in the middle": scribble, "not SQLite": not_sqlite}


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_a_damaged_file_is_refused_with_a_message_and_left_alone(park_path, damage):
    DAMAGE[damage](park_path)
    before = digest(park_path)
    with pytest.raises((parkdb.DamagedFileError, parkdb.NotAParkFile)) as failure:
        parkdb.open_park(park_path)
    assert park_path.name in str(failure.value)
    assert digest(park_path) == before


@pytest.mark.parametrize("damage", DAMAGE, ids=list(DAMAGE))
def test_the_window_offers_the_newest_backup_of_a_damaged_file(qtbot, settings, tmp_path, damage, monkeypatch):
    from models.store import backup as daily
    from ui.app import make_application
    from ui.main_window import MainWindow

    folder = tmp_path / "docs"
    folder.mkdir()
    path = folder / "park.sqlite"
    shutil.copyfile(ROOT / "park.sqlite.template", path)
    park = parkdb.open_park(path)
    park.update("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 3.1})
    park.close()
    from datetime import date

    old = daily.daily_backup(path, today=date(2026, 11, 20))
    park = parkdb.open_park(path)
    park.update("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 3.3})
    park.close()
    newest = daily.daily_backup(path, today=date(2026, 11, 26))
    os.utime(old, (1_700_000_000, 1_700_000_000))
    DAMAGE[damage](path)
    damaged = digest(path)

    make_application([])
    win = MainWindow(settings, "zh_CN")
    win.interactive = False
    qtbot.addWidget(win)
    questions = []
    monkeypatch.setattr(win, "ask", lambda title, text: questions.append(text) or True)
    assert win.open_file(path)
    assert len(questions) == 1 and newest.name in questions[0] and path.name in questions[0]
    assert win.session.park.path == path
    assert win.session.park.conn.execute("SELECT official FROM indicator_years WHERE code = 'rd_intensity'"
                                         " AND year = 2021").fetchone()[0] == 3.3
    kept = list(folder.glob("park.damaged-*.sqlite"))
    assert len(kept) == 1 and digest(kept[0]) == damaged  # nothing lost: the damaged file is kept
    assert newest.exists() and old.exists()
    win.close()


def test_no_backup_no_offer(window, tmp_path, monkeypatch):
    path = tmp_path / "lonely.sqlite"
    path.write_bytes((ROOT / "park.sqlite.template").read_bytes()[:5000])
    asked = []
    monkeypatch.setattr(window, "ask", lambda title, text: asked.append(text) or True)
    warned = []
    monkeypatch.setattr(window, "warn", lambda title, text: warned.append(text))
    assert not window.open_file(path)
    assert asked == [] and len(warned) == 1 and "lonely.sqlite" in warned[0]


def test_an_undo_that_cannot_be_written_leaves_stack_and_file_agreeing(window, park_path):
    """Edit, the file turns read-only, undo: the message is shown, the file keeps the edit and the stack
    no longer offers to undo it (it does not claim "undone")."""
    messages = []
    window.session.failed.connect(messages.append)
    stack = window.session.undo_stack
    assert window.session.edit("indicator_years", {"code": "rd_intensity", "year": 2021}, {"official": 3.9},
                               "official 2021")
    assert window.session.edit("indicator_years", {"code": "rd_intensity", "year": 2022}, {"official": 4.0},
                               "official 2022")
    assert (stack.count(), stack.index()) == (2, 2)
    with ReadOnly(park_path):
        stack.undo()
        assert len(messages) == 1 and "原有内容未改变" in messages[0]
        assert (stack.count(), stack.index()) == (1, 1)        # the failed step is gone, not "undone"
        assert stack.undoText() == "official 2021" and not stack.canRedo()
    window.close()
    park = parkdb.open_park(park_path, read_only=True)
    try:
        assert park.conn.execute("SELECT official FROM indicator_years WHERE code = 'rd_intensity'"
                                 " AND year = 2022").fetchone()[0] == 4.0      # the file still holds the edit
    finally:
        park.close()
    assert read_rd_2021(park_path) == 3.9
