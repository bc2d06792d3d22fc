"""The environment the benchmarks' child processes run in: the project's bytecode kept between runs.

The installed application (PyInstaller) carries its modules compiled, and so do the installed libraries
(pip compiles them). A checkout started with PYTHONDONTWRITEBYTECODE=1 set — as this machine's shell sets it —
compiles every one of the project's modules again at every start: some 40 ms before the window's first paint
and more for a report, which neither the office's app nor a bare-window yardstick (no project modules) ever
pays. The benchmarks therefore keep the bytecode in a folder of their own (PYTHONPYCACHEPREFIX, nothing written
into the checkout); their warm-up run compiles it.
"""

from __future__ import annotations

import os
from pathlib import Path


def with_bytecode_kept(folder: Path, env: dict | None = None) -> dict:
    """`env` (default: this process's environment) with bytecode written to and read from `folder`."""
    env = dict(os.environ if env is None else env)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(Path(folder) / "pycache")
    return env
