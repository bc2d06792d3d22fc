"""Changning Park plan monitor (长宁园规划监测): start the window, or run a batch command.

    python main.py [PATH]            open the window (on PATH, else the last file, else a new one)
    python main.py --smoke [PATH]    start, paint, visit every tab, print first_paint_ms=N, quit
    python main.py new PATH [--plan DEF.xlsx [--baseline-from OLD]]   a park file from the template or a plan definition
    python main.py plan-template OUT.xlsx [--park PATH]               the plan definition workbook to edit
    python main.py summary PATH [--year Y] [--json]
    python main.py template OUT.xlsx [--year Y] [--park PATH]         the enterprise return form
    python main.py import PATH FILE_OR_FOLDER... [--dry-run] [--replace] [--atomic] [--report-json OUT]
                                                 [--rejected-xlsx OUT.xlsx]
    python main.py missing PATH --year Y --out OUT.xlsx                returned for Y-1 but not for Y
    python main.py report PATH --out OUT.pdf|OUT.docx [--year Y | --final] [--parts ...]
                                     the year's report as PDF or Word; the target year / --final: the final evaluation
    python main.py export PATH --out OUT.xlsx                          every table as an Excel workbook
    python main.py official-template OUT.xlsx [--park PATH]            the 官方数据 sheet to fill in
    python main.py import-official PATH FILE.xlsx [--dry-run] [--report-json OUT]   bring it back
    python main.py import-tasks PATH FILE.xlsx [--dry-run]             the 重点任务 sheet brought back

The commands live in the `cli` package; this file only chooses between them and the window.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cli import SUBCOMMANDS, WRITING_COMMANDS  # noqa: F401  (the command names only, for scripts and tests)


def gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py", description="长宁园规划监测 Changning Park plan monitor")
    parser.add_argument("path", nargs="?", help="park file to open")
    parser.add_argument("--smoke", action="store_true",
                        help="start, paint, visit every tab, print first_paint_ms=N and quit")
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    from models.base.console import configure_output, set_console_utf8

    configure_output()
    # Before anything imports matplotlib: the frozen app's hook would give it a new temporary folder.
    from models.output.mpl import use_user_cache_dir

    use_user_cache_dir()
    from models.base import applog

    applog.setup()
    if argv and argv[0] in SUBCOMMANDS:
        set_console_utf8()
        import cli

        return cli.run(argv)
    args = gui_parser().parse_args(argv)
    from ui.app import run_gui

    return run_gui(Path(args.path) if args.path else None, smoke=args.smoke)


if __name__ == "__main__":
    sys.exit(main())
