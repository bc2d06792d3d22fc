"""Changning Park plan monitor (长宁园规划监测): start the window, or run a batch subcommand.

    python main.py [PATH]            open the window (on PATH, else the last file, else a new one)
    python main.py --smoke [PATH]    start, paint, visit every tab, print first_paint_ms=N, quit
    python main.py new PATH          create a park file from the template
    python main.py report PATH --out OUT.pdf|OUT.docx [--year Y | --final] [--parts ...]
                                     the year's report as PDF or Word; 2025 / --final: the final evaluation
    python main.py export PATH --out OUT.xlsx                          every table as an Excel workbook
    python main.py official-template OUT.xlsx [--park PATH]            the 官方数据 sheet to fill in
    python main.py import-official PATH FILE.xlsx [--dry-run] [--report-json OUT]   bring it back
    python main.py missing PATH --year Y --out OUT.xlsx                returned for Y-1 but not for Y
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path


def cmd_new(args: argparse.Namespace) -> int:
    from models.db import ParkFileError, create_park

    try:
        create_park(Path(args.path))
    except ParkFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(args.path)
    return 0


def add_new(sub) -> None:
    p = sub.add_parser("new", help="create a park file from the template (never overwrites)")
    p.add_argument("path")
    p.set_defaults(func=cmd_new)


def cmd_summary(args: argparse.Namespace) -> int:
    import json

    from models.db import ParkFileError, open_park
    from models.summary import build_summary, summary_text

    try:
        park = open_park(Path(args.path), read_only=True)
    except ParkFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    try:
        data = build_summary(park.conn, args.path, args.year)
    finally:
        park.close()
    print(json.dumps(data, ensure_ascii=False, indent=2) if args.json else summary_text(data))
    return 0


def add_summary(sub) -> None:
    p = sub.add_parser("summary", help="print every indicator's figures, planned path and status")
    p.add_argument("path")
    p.add_argument("--year", type=int, choices=range(2020, 2026), metavar="YEAR",
                   help="the year to assess (default: the latest year with any value)")
    p.add_argument("--json", action="store_true", help="one JSON object instead of a table")
    p.set_defaults(func=cmd_summary)


def add_template(sub) -> None:
    p = sub.add_parser("template", help="write the empty enterprise return form (.xlsx)")
    p.add_argument("out")
    p.add_argument("--year", type=int, help="report year the form is for")
    p.add_argument("--park", help="park file whose industries and zones to list (default: the template)")

    def run(args):
        from models.return_template import run_cli

        return run_cli(args.out, args.year, args.park)

    p.set_defaults(func=run)


def add_import(sub) -> None:
    p = sub.add_parser("import", help="import enterprise returns (exit 0 all accepted, 1 some rejected, "
                                      "2 nothing imported)")
    p.add_argument("path", help="park file")
    p.add_argument("files", nargs="+", help=".xlsx files or folders of them")
    p.add_argument("--dry-run", action="store_true", help="check and report only")
    p.add_argument("--replace", action="store_true", help="replace stored enterprise-years")
    p.add_argument("--atomic", action="store_true", help="import nothing if any row is rejected")
    p.add_argument("--report-json", metavar="OUT", help="write the report as JSON")
    p.add_argument("--rejected-xlsx", metavar="OUT.xlsx",
                   help="write the rejected rows, laid out like the return form, with a 问题说明 column")

    def run(args):
        from models.importer import run_cli

        return run_cli(args.path, args.files, dry_run=args.dry_run, replace=args.replace, atomic=args.atomic,
                       report_json=args.report_json, rejected_xlsx=args.rejected_xlsx)

    p.set_defaults(func=run)


def refuse_output(out: str) -> int | None:
    """2 (with the Chinese reason on stderr) if no file can be written at `out`: too long a path, a
    folder that is missing or cannot be written; else None."""
    from models.out_path import output_problem

    problem = output_problem(out)
    if problem is None:
        return None
    print(problem, file=sys.stderr)
    return 2


def add_report(sub) -> None:
    p = sub.add_parser("report", help="write the A4 report of one year as PDF or Word (.docx); 2025 (the plan's "
                                      "last year) gives the final evaluation report")
    p.add_argument("path", help="park file")
    p.add_argument("--out", required=True, help="PDF to write, or a .docx for an editable Word document")
    p.add_argument("--year", type=int, choices=range(2020, 2026), metavar="YEAR",
                   help="the year to report on (default: the latest year with any value)")
    p.add_argument("--final", action="store_true",
                   help="the final evaluation report (总结评估) of 2021–2025, as --year 2025")
    p.add_argument("--parts", nargs="+", default=None, metavar="PART",
                   choices=["indicators", "industries", "zones", "talent", "plan", "all"],
                   help="indicators (always in), industries, zones, talent, plan (the plan's figures and key "
                        "tasks), or all (default: indicators; all in the final report)")

    def run(args):
        from models.report import run_cli

        return refuse_output(args.out) or run_cli(args.path, args.out, args.year, args.parts, final=args.final)

    p.set_defaults(func=run)


def add_export(sub) -> None:
    p = sub.add_parser("export", help="write every table of the park file to one Excel workbook")
    p.add_argument("path", help="park file")
    p.add_argument("--out", required=True, help=".xlsx to write")

    def run(args):
        from models.export_xlsx import run_cli

        return refuse_output(args.out) or run_cli(args.path, args.out)

    p.set_defaults(func=run)


def add_official_template(sub) -> None:
    p = sub.add_parser("official-template", help="write the 官方数据 workbook (official figures to fill in)")
    p.add_argument("out", help=".xlsx to write")
    p.add_argument("--park", help="park file whose current official figures to prefill (default: the template)")

    def run(args):
        from models.official import run_template_cli

        return run_template_cli(args.out, args.park)

    p.set_defaults(func=run)


def add_import_official(sub) -> None:
    p = sub.add_parser("import-official", help="import official figures from a filled 官方数据 workbook (exit 0 all "
                                               "accepted, 1 some rejected, 2 nothing)")
    p.add_argument("path", help="park file")
    p.add_argument("file", help="the filled .xlsx")
    p.add_argument("--dry-run", action="store_true", help="check and report only")
    p.add_argument("--report-json", metavar="OUT", help="write the report as JSON")

    def run(args):
        from models.official import run_cli

        return run_cli(args.path, args.file, dry_run=args.dry_run, report_json=args.report_json)

    p.set_defaults(func=run)


def add_import_tasks(sub) -> None:
    p = sub.add_parser("import-tasks", help="import the 重点任务 sheet (key tasks' status, notes, evidence, units; "
                                            "exit 0 all accepted, 1 some rejected, 2 nothing imported)")
    p.add_argument("path", help="park file")
    p.add_argument("file", help=".xlsx with a 重点任务 sheet (as the Excel export writes it)")
    p.add_argument("--dry-run", action="store_true", help="check and report only")

    def run(args):
        from models.tasks import run_cli

        return run_cli(args.path, args.file, dry_run=args.dry_run)

    p.set_defaults(func=run)


def add_missing(sub) -> None:
    p = sub.add_parser("missing", help="write the enterprises that returned for YEAR-1 but not for YEAR (.xlsx)")
    p.add_argument("path", help="park file")
    p.add_argument("--year", type=int, required=True, choices=range(2021, 2026), metavar="YEAR",
                   help="the collection year (2021-2025)")
    p.add_argument("--out", required=True, help=".xlsx to write")

    def run(args):
        from models.collection import run_missing_cli

        return refuse_output(args.out) or run_missing_cli(args.path, args.year, args.out)

    p.set_defaults(func=run)


# Each subcommand module adds its parser here; the work itself lives in models/.
SUBCOMMANDS = {
    "new": add_new,
    "summary": add_summary,
    "template": add_template,
    "import": add_import,
    "report": add_report,
    "export": add_export,
    "official-template": add_official_template,
    "import-official": add_import_official,
    "import-tasks": add_import_tasks,
    "missing": add_missing,
}


# Subcommands that write into the park file named by their `path` argument: they hold the park file's lock
# (models.lock, the same the window takes) while they run, and stop with exit 2 while someone else holds it.
# Read-only commands take no lock.
WRITING_COMMANDS = {"import", "import-official", "import-tasks"}


def run_locked(args: argparse.Namespace) -> int:
    """Run a writing subcommand under the park file's lock; exit 2 with a message naming the holder."""
    from models import lock as parklock

    path = Path(args.path)
    if not path.exists():
        return args.func(args)  # the command says the file is missing
    try:
        held = parklock.acquire(path)
    except parklock.LockError as exc:
        print(exc, file=sys.stderr)
        return 2
    held.start_refreshing()
    try:
        return args.func(args)
    finally:
        held.unlock()


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="长宁园规划监测 Changning Park plan monitor")
    parser.add_argument("path", nargs="?", help="park file to open")
    parser.add_argument("--smoke", action="store_true",
                        help="start, paint, visit every tab, print first_paint_ms=N and quit")
    return parser


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py")
    sub = parser.add_subparsers(dest="command", required=True)
    for add in SUBCOMMANDS.values():
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from models.console import configure_output, set_console_utf8

    configure_output()
    # Before anything imports matplotlib: the frozen app's hook would give it a new temporary folder.
    from models.mpl import use_user_cache_dir

    use_user_cache_dir()
    if argv and argv[0] in SUBCOMMANDS:
        set_console_utf8()
        args = command_parser().parse_args(argv)
        if args.command in WRITING_COMMANDS:
            return run_locked(args)
        return args.func(args)
    args = gui_parser().parse_args(argv)
    from ui.app import run_gui

    return run_gui(Path(args.path) if args.path else None, smoke=args.smoke)


if __name__ == "__main__":
    sys.exit(main())
