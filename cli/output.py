"""What the office prints and files: `report PATH --out OUT.pdf|OUT.docx`, `export PATH --out OUT.xlsx`."""

from __future__ import annotations

import sys

from .common import refuse_output

COMMANDS = ("report", "export")


def run_report(args) -> int:
    """Write the report, print its path and page (Word: section) count. `--parts` not given: every part for
    the final report, the indicators alone for an interim year."""
    from models.base.collector import paused
    from models.store.db import ParkFileError
    from models.output.report import PARTS, ReportError, build_report, is_docx

    refused = refuse_output(args.out)
    if refused:
        return refused
    parts = args.parts
    chosen = None if parts is None else PARTS if "all" in parts else tuple(parts)
    try:
        # matplotlib's page figures kept the collector busy for a tenth of a report's time (models.base.collector)
        with paused():
            count = build_report(args.path, args.out, args.year, chosen, final=args.final)
    except (ParkFileError, ReportError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(f"{args.out}\t{count}{'节' if is_docx(args.out) else '页'}")
    return 0


def run_export(args) -> int:
    """Every table as one workbook: print the path and the rows per sheet."""
    from models.store.db import ParkFileError
    from models.output.export_xlsx import ExportError, export_file

    refused = refuse_output(args.out)
    if refused:
        return refused
    try:
        writer = export_file(args.path, args.out)
    except (ParkFileError, ExportError) as exc:
        print(exc, file=sys.stderr)
        return 2
    print(args.out)
    for name, n in writer.counts.items():
        print(f"{name}\t{n}")
    if writer.notes:
        print(writer.notes.summary(), file=sys.stderr)
    return 0


def register(sub) -> None:
    p = sub.add_parser("report", help="write the A4 report of one year as PDF or Word (.docx); the plan's target "
                                      "year (its last) gives the final evaluation report")
    p.add_argument("path", help="park file")
    p.add_argument("--out", required=True, help="PDF to write, or a .docx for an editable Word document")
    p.add_argument("--year", type=int, metavar="YEAR",
                   help="the year to report on, one of the file's base … target years (default: the latest year "
                        "with any value)")
    p.add_argument("--final", action="store_true",
                   help="the final evaluation report (总结评估) of the plan's period, as --year TARGET_YEAR")
    p.add_argument("--parts", nargs="+", default=None, metavar="PART",
                   choices=["indicators", "industries", "zones", "talent", "plan", "all"],
                   help="indicators (always in), industries, zones, talent, plan (the plan's figures and key "
                        "tasks), or all (default: indicators; all in the final report)")
    p.set_defaults(func=run_report)

    p = sub.add_parser("export", help="write every table of the park file to one Excel workbook")
    p.add_argument("path", help="park file")
    p.add_argument("--out", required=True, help=".xlsx to write")
    p.set_defaults(func=run_export)
