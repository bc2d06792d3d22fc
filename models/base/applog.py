"""The application's log: `changning.log` in the user's logs folder, rotated (1 MB × 5 files kept).

What goes in: every import (returns, official figures, tasks) and export with its file and outcome, files
refused at open, and errors. Crash reports keep their own files (ui.crash). Modules log through
`logging.getLogger("changning.<area>")`; nothing is written until `setup()` is called (main.py does),
so tests and library use stay quiet.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

LOGGER = "changning"
FILE_NAME = "changning.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d] %(message)s"


def log_dir() -> Path:
    from .paths import user_state_dir

    return user_state_dir() / "logs"


def setup(folder: Path | None = None, level: int = logging.INFO) -> Path | None:
    """Send the `changning` loggers to the rotating file in `folder` (default: log_dir()); returns the
    file's path, or None if the folder cannot be written (the app works on without a log)."""
    folder = folder or log_dir()
    root = logging.getLogger(LOGGER)
    path = folder / FILE_NAME
    for handler in root.handlers:
        if getattr(handler, "baseFilename", None) == str(path):
            return path
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                                       encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    return path


def get(area: str) -> logging.Logger:
    """The logger of one area: `get("import")` → changning.import."""
    return logging.getLogger(f"{LOGGER}.{area}")
