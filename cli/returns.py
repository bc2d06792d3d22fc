"""The enterprise returns: `template OUT.xlsx` (the form), `import PATH FILES…`, `missing PATH --year Y`."""

from __future__ import annotations

import sys

from .common import open_or_say, open_park_or_plan, refuse_output, write_json_report

COMMANDS = ("template", "import", "missing")


def run_template(args) -> int:
    from models.returns.return_template import TemplateError, write_template_for

    park = open_park_or_plan(args.park)
    if park is None:
        return 2
    try:
        write_template_for(park.conn, args.out, args.year)
    except TemplateError as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        park.close()
    print(args.out)
    return 0


def run_import(args) -> int:
    """Import, print the account, write the JSON report. With --rejected-xlsx the rejected rows are written
    there before anything is stored: when that workbook cannot be written, nothing is imported (exit 2)."""
    from models.returns.importer import CheckResult, ImportFailed, import_paths, summary_lines

    park = open_or_say(args.path, read_only=False)
    if park is None:
        return 2

    def write_rejected(result: CheckResult) -> None:
        from models.returns.rejected_xlsx import write_rejected_xlsx
        from models.base.xlsx_writer import WriteError

        try:
            write_rejected_xlsx(args.rejected_xlsx, result)
        except WriteError as exc:
            raise ImportFailed(f"{exc}本批未导入任何数据。") from exc

    try:
        outcome = import_paths(park, args.files, dry_run=args.dry_run, replace=args.replace, atomic=args.atomic,
                               before_commit=write_rejected if args.rejected_xlsx else None)
    except ImportFailed as exc:
        print(exc, file=sys.stderr)
        return 2
    finally:
        park.close()
    if args.rejected_xlsx:
        print(f"被拒绝的{outcome.check.rejected_rows}行已写入“{args.rejected_xlsx}”。")
    for line in summary_lines(outcome):
        print(line)
    write_json_report(args.report_json, outcome.report)
    return outcome.exit_code


def run_missing(args) -> int:
    """The enterprises that returned a form for Y−1 but not for Y, as a workbook."""
    from models.returns.collection import CollectionExportError, collection_status, write_missing_xlsx

    refused = refuse_output(args.out)
    if refused:
        return refused
    from models.returns.cells import outside_period
    from models.store.period import read_period

    park = open_or_say(args.path, read_only=True)
    if park is None:
        return 2
    try:
        period = read_period(park.conn)
        if args.year not in period.plan_years:
            print(outside_period(args.year, period, "回收年度", with_base=False), file=sys.stderr)
            return 2
        status = collection_status(park.conn, args.year)
    finally:
        park.close()
    try:
        write_missing_xlsx(args.out, status)
    except CollectionExportError as exc:
        print(exc, file=sys.stderr)
        return 2
    year = args.year
    rate = "—" if status.rate is None else f"{status.rate:.1f}%"
    print(args.out)
    print(f"{year - 1}年报表企业{status.previous}家，{year}年已回收{status.returned}家，未回收{len(status.missing)}家，"
          f"回收率{rate}")
    return 0


def register(sub) -> None:
    p = sub.add_parser("template", help="write the empty enterprise return form (.xlsx)")
    p.add_argument("out")
    p.add_argument("--year", type=int, help="report year the form is for")
    p.add_argument("--park", help="park file whose industries and zones to list (default: the template)")
    p.set_defaults(func=run_template)

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
    p.set_defaults(func=run_import)

    p = sub.add_parser("missing", help="write the enterprises that returned for YEAR-1 but not for YEAR (.xlsx)")
    p.add_argument("path", help="park file")
    p.add_argument("--year", type=int, required=True, metavar="YEAR",
                   help="the collection year (a plan year of the park file's period)")
    p.add_argument("--out", required=True, help=".xlsx to write")
    p.set_defaults(func=run_missing)
