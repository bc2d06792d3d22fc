"""`new PATH` (a park file from the template) and `summary PATH [--year Y] [--json]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .common import open_or_say

COMMANDS = ("new", "summary")


def run_new(args) -> int:
    from models.db import ParkFileError, create_park

    try:
        create_park(Path(args.path))
    except ParkFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(args.path)
    return 0


def run_summary(args) -> int:
    from models.cells import outside_period
    from models.period import read_period
    from models.summary import build_summary, summary_text

    park = open_or_say(args.path, read_only=True)
    if park is None:
        return 2
    try:
        period = read_period(park.conn)
        if args.year is not None and args.year not in period:
            print(outside_period(args.year, period, "评估年份"), file=sys.stderr)
            return 2
        data = build_summary(park.conn, args.path, args.year)
    finally:
        park.close()
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else summary_text(data))
    return 0


def register(sub) -> None:
    p = sub.add_parser("new", help="create a park file from the template (never overwrites)")
    p.add_argument("path")
    p.set_defaults(func=run_new)

    p = sub.add_parser("summary", help="print every indicator's figures, planned path and status")
    p.add_argument("path")
    p.add_argument("--year", type=int, metavar="YEAR",
                   help="the year to assess, within the park file's period (default: the latest year with any value)")
    p.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    p.set_defaults(func=run_summary)
