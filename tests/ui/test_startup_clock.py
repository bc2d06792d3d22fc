"""The start-up clock behind `first_paint_ms` (ui/startup.py): plausible, non-decreasing, never a date."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.conftest import ROOT
from ui import startup


def test_a_new_process_reads_a_small_positive_time():
    code = ("import sys, time; sys.path.insert(0, sys.argv[1]); time.sleep(0.3); "
            "from ui.startup import seconds_since_process_start as s; print(s())")
    value = float(subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True,
                                 check=True).stdout)
    # It slept 0.3 s before asking, and a fresh interpreter starts in well under a minute.
    assert 0.3 <= value < 60


def test_it_does_not_go_backwards_and_follows_the_wall_clock():
    first = startup.seconds_since_process_start()
    time.sleep(0.2)
    second = startup.seconds_since_process_start()
    assert second >= first + 0.15  # /proc's clock ticks are 10 ms: a little slack
    assert second - first < 5


def test_filetime_span():
    start = 133_000_000_000_000_000  # FILETIME of late 2022: 100 ns units since 1601
    assert startup.filetime_span(start, start + 12_345_000) == pytest.approx(1.2345)
    with pytest.raises(ValueError):
        startup.filetime_span(0, start)  # the failed call's zeroed FILETIME: "since 1601"
    with pytest.raises(ValueError):
        startup.filetime_span(start + 1, start)


def test_an_implausible_reading_falls_back_to_the_import_time(monkeypatch):
    monkeypatch.setattr(startup.sys, "platform", "win32")
    monkeypatch.setattr(startup, "_windows_elapsed", lambda: 13_300_000_000.0)  # 1601 in seconds
    value = startup.seconds_since_process_start()
    assert 0 <= value == pytest.approx(time.monotonic() - startup._IMPORTED_AT, abs=1)
