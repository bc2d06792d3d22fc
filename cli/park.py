"""`new PATH [--plan DEF.xlsx [--baseline-from OLD]]` (a park file from the template or from a plan
definition), `plan-template OUT.xlsx [--park PATH]` (a file's plan as a definition workbook) and
`summary PATH [--year Y] [--json]`."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from .common import open_or_say, open_park_or_plan, refuse_output

COMMANDS = ("new", "plan-template", "summary")


def run_new(args) -> int:
    from models.store.db import ParkFileError, create_park

    if args.plan:
        return run_new_plan(args)
    if args.baseline_from:
        print("--baseline-from 须与 --plan 一起使用。", file=sys.stderr)
        return 2

    try:
        create_park(Path(args.path))
    except ParkFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(args.path)
    return 0


def run_new_plan(args) -> int:
    """A park file for the plan in the definition workbook; every problem of the definition is printed."""
    from models.planning.plan_create import PlanCreateError, create_park
    from models.planning.plan_definition import DefinitionError, read_definition

    if Path(args.path).exists():
        print(f"文件“{args.path}”已存在，未覆盖。", file=sys.stderr)
        return 2
    if args.baseline_from and not Path(args.baseline_from).is_file():
        print(f"上一规划文件“{args.baseline_from}”不存在。", file=sys.stderr)
        return 2
    try:
        defn = read_definition(Path(args.plan), facts_may_be_blank=bool(args.baseline_from))
        report = create_park(Path(args.path), defn, Path(args.baseline_from) if args.baseline_from else None)
    except DefinitionError as exc:
        print(exc, file=sys.stderr)
        return 2
    except (PlanCreateError, OSError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(args.path)
    for line in report.lines():
        print(line)
    return 0


def run_plan_template(args) -> int:
    """Write the definition of a file's plan (or of the built-in one) as a workbook; never overwrites."""
    from models.planning.plan_definition import definition_from_park, write_definition
    from models.base.xlsx_writer import WriteError

    if Path(args.out).exists():
        print(f"文件“{args.out}”已存在，未覆盖。", file=sys.stderr)
        return 2
    refused = refuse_output(args.out)
    if refused:
        return refused
    park = open_park_or_plan(args.park)
    if park is None:
        return 2
    try:
        defn = definition_from_park(park.conn)
    except ValueError as exc:
        print(f"无法读取文件的规划：{exc}", file=sys.stderr)
        return 2
    finally:
        park.close()
    try:
        write_definition(defn, Path(args.out))
    except WriteError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(args.out)
    return 0


def run_summary(args) -> int:
    from models.returns.cells import outside_period
    from models.store.period import read_period
    from models.planning.summary import build_summary, summary_text

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
    p = sub.add_parser("new", help="create a park file from the template or a plan definition (never overwrites)")
    p.add_argument("path")
    p.add_argument("--plan", metavar="DEF.xlsx", help="the plan definition workbook (see plan-template)")
    p.add_argument("--baseline-from", metavar="OLD.sqlite",
                   help="the previous plan's park file: its target-year values become the new baselines")
    p.set_defaults(func=run_new)

    p = sub.add_parser("plan-template", help="write a park file's plan (default: the built-in one) as a "
                                             "plan definition workbook (never overwrites)")
    p.add_argument("out")
    p.add_argument("--park", metavar="PATH", help="the park file whose plan to write")
    p.set_defaults(func=run_plan_template)

    p = sub.add_parser("summary", help="print every indicator's figures, planned path and status")
    p.add_argument("path")
    p.add_argument("--year", type=int, metavar="YEAR",
                   help="the year to assess, within the park file's period (default: the latest year with any value)")
    p.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    p.set_defaults(func=run_summary)
