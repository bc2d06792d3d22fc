"""The batch commands (`python main.py COMMAND …`): argument parsing, printing and exit codes.

The work itself lives in `models/`, which returns results and raises errors with Chinese messages; only
this package prints. One module per group of commands, each with `register(sub)` adding its parsers:

    cli.park       new, plan-template, summary
    cli.returns    template, import, missing
    cli.output     report, export
    cli.official   official-template, import-official, import-tasks

Exit codes: 0 done, 1 done with some rows rejected or skipped, 2 nothing done (a message on stderr).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

# Every command name, in help order, with the module of this package that adds its parser (its COMMANDS).
# The modules are imported when a command runs: the window, which only asks whether its first argument
# names a command, starts without them.
SUBCOMMANDS: dict[str, str] = {
    "new": "park", "plan-template": "park", "summary": "park",
    "template": "returns", "import": "returns", "missing": "returns",
    "report": "output", "export": "output",
    "official-template": "official", "import-official": "official", "import-tasks": "official",
}

# Commands that write into the park file named by their `path` argument: they hold the park file's lock
# (models.store.lock, the same the window takes) while they run, and stop with exit 2 while someone else holds it.
# Read-only commands take no lock.
WRITING_COMMANDS = {"import", "import-official", "import-tasks"}


def groups() -> list:
    """The command modules, in help order."""
    from importlib import import_module

    return [import_module(f"{__name__}.{name}") for name in dict.fromkeys(SUBCOMMANDS.values())]


def command_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py")
    sub = parser.add_subparsers(dest="command", required=True)
    for group in groups():
        group.register(sub)
    return parser


def run_locked(args: argparse.Namespace) -> int:
    """Run a writing subcommand under the park file's lock; exit 2 with a message naming the holder."""
    from models.store import lock as parklock

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


def run(argv: list[str]) -> int:
    """Parse `argv` (its first word a command of SUBCOMMANDS) and run it; returns the exit code. Each run
    is logged (models.base.applog): the command line and its exit code, or the error that stopped it."""
    from models.base import applog

    log = applog.get("cli")
    args = command_parser().parse_args(argv)
    log.info("start: %s", " ".join(argv))
    try:
        code = run_locked(args) if args.command in WRITING_COMMANDS else args.func(args)
    except BaseException:
        log.exception("failed: %s", " ".join(argv))
        raise
    log.info("exit %s: %s", code, args.command)
    return code
