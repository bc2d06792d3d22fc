"""What every command shares: opening the park file with a message instead of a traceback, checking the
output path, writing a JSON report."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any


def refuse_output(out: str) -> int | None:
    """2 (with the Chinese reason on stderr) if no file can be written at `out`: too long a path, a
    folder that is missing or cannot be written; else None."""
    from models.base.out_path import output_problem

    problem = output_problem(out)
    if problem is None:
        return None
    print(problem, file=sys.stderr)
    return 2


def open_or_say(path: str | Path, *, read_only: bool, err=None):
    """The open park file, or None after printing why it cannot be opened (the caller exits 2)."""
    from models.store.db import ParkFileError, open_park

    try:
        return open_park(Path(path), read_only=read_only)
    except ParkFileError as exc:
        print(exc, file=err or sys.stderr)
        return None


def open_park_or_plan(park: str | None):
    """The park file named by --park, else the installed template (the built-in plan), read-only; or None
    after printing why it cannot be opened (the caller exits 2)."""
    from models.base.paths import template_path

    return open_or_say(park or template_path(), read_only=True)


def write_json_report(report_json: str | None, report: dict[str, Any], err=None) -> None:
    """Write `report` as JSON to `report_json` (if given); a failure is said, not raised."""
    if not report_json:
        return
    try:
        Path(report_json).write_text(json.dumps(report, ensure_ascii=False, indent=1), encoding="utf-8")
    except OSError as exc:
        print(f"无法写入报告“{report_json}”：{exc.strerror or exc}。", file=err or sys.stderr)
