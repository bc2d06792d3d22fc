"""The office's own figures and tasks: `official-template OUT.xlsx`, `import-official PATH FILE.xlsx`,
`import-tasks PATH FILE.xlsx`."""

from __future__ import annotations

import sys
from pathlib import Path

from .common import open_or_say, open_park_or_plan, refuse_output, write_json_report

COMMANDS = ("official-template", "import-official", "import-tasks")


def run_official_template(args) -> int:
    """The 官方数据 sheet, prefilled with the park file's (or, without --park, the plan's) figures."""
    from models.planning.official import SHEET, write_template
    from models.base.xlsx_writer import WriteError

    refused = refuse_output(args.out)
    if refused:
        return refused
    park = open_park_or_plan(args.park)
    if park is None:
        return 2
    try:
        n = write_template(park.conn, args.out)
    except WriteError as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        park.close()
    print(f"{args.out}\t{SHEET}\t{n}行")
    return 0


def run_import_official(args) -> int:
    from models.store.db import ParkFileError
    from models.planning.official import check_workbook_file, commit, file_sha256, summary_lines

    park = open_or_say(args.path, read_only=False)
    if park is None:
        return 2
    batch_id = None
    try:
        result = check_workbook_file(park.conn, args.file, Path(args.file).name)
        if not args.dry_run:
            batch_id = commit(park, result, file_sha256(Path(args.file)))
    except ParkFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        park.close()
    for line in summary_lines(result, args.dry_run, batch_id):
        print(line, file=sys.stderr if result.error else sys.stdout)
    write_json_report(args.report_json, result.report())
    return result.exit_code


def run_import_tasks(args) -> int:
    """Print what was done and every rejection (Chinese)."""
    from models.store.db import ParkFileError
    from models.planning.tasks import SHEET_NAME, import_tasks

    park = open_or_say(args.path, read_only=False)
    if park is None:
        return 2
    try:
        result = import_tasks(park, Path(args.file), display=args.file, dry_run=args.dry_run)
    except ParkFileError as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        park.close()
    if result.file_error:
        print(result.file_error, file=sys.stderr)
        return 2
    for item in result.rejected:
        print(item["message"], file=sys.stderr)
    if not result.rows:
        print(f"“{args.file}”工作表“{SHEET_NAME}”中没有任务行，未导入任何内容。", file=sys.stderr)
    verb = "可导入" if args.dry_run else "已导入"
    print(f"读取{result.rows}行，{verb}{result.accepted}行（修改{result.changed}处），拒绝{len(result.rejected)}项。")
    return result.exit_code


def register(sub) -> None:
    p = sub.add_parser("official-template", help="write the 官方数据 workbook (official figures to fill in)")
    p.add_argument("out", help=".xlsx to write")
    p.add_argument("--park", help="park file whose current official figures to prefill (default: the template)")
    p.set_defaults(func=run_official_template)

    p = sub.add_parser("import-official", help="import official figures from a filled 官方数据 workbook (exit 0 all "
                                               "accepted, 1 some rejected, 2 nothing)")
    p.add_argument("path", help="park file")
    p.add_argument("file", help="the filled .xlsx")
    p.add_argument("--dry-run", action="store_true", help="check and report only")
    p.add_argument("--report-json", metavar="OUT", help="write the report as JSON")
    p.set_defaults(func=run_import_official)

    p = sub.add_parser("import-tasks", help="import the 重点任务 sheet (key tasks' status, notes, evidence, units; "
                                            "exit 0 all accepted, 1 some rejected, 2 nothing imported)")
    p.add_argument("path", help="park file")
    p.add_argument("file", help=".xlsx with a 重点任务 sheet (as the Excel export writes it)")
    p.add_argument("--dry-run", action="store_true", help="check and report only")
    p.set_defaults(func=run_import_tasks)
