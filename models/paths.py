"""Where things are: bundled resources (from source or frozen by PyInstaller) and the user's folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "changning-plan"
APP_DISPLAY_NAME = "长宁园规划监测"
ORG_NAME = "Changning"
DOCS_FOLDER_NAME = "长宁园规划监测"
DEFAULT_FILE_NAME = "park.sqlite"


def app_root() -> Path:
    """The folder holding `resources/` and `park.sqlite.template`: the repository or the frozen bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parent.parent


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, wherever the application runs from."""
    return app_root().joinpath("resources", *parts)


def template_path() -> Path:
    return app_root() / "park.sqlite.template"


def documents_dir() -> Path:
    """The user's documents folder (never the install folder, which may be read-only).

    `CHANGNING_DOCUMENTS` overrides it, for tests and for offices that keep files on a share.
    """
    override = os.environ.get("CHANGNING_DOCUMENTS")
    if override:
        return Path(override)
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(location) if location else Path.home() / "Documents"


def default_park_path() -> Path:
    return documents_dir() / DOCS_FOLDER_NAME / DEFAULT_FILE_NAME


def user_state_dir() -> Path:
    """A per-user folder for logs and caches (matplotlib's font cache among them)."""
    override = os.environ.get("CHANGNING_STATE_DIR")
    if override:
        return Path(override)
    # Qt's GenericDataLocation plus our names, worked out here rather than asked of Qt: this runs before
    # there is a QApplication (matplotlib's cache, the crash log), and batch commands need no Qt at all.
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Application Support")
    else:
        base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / ORG_NAME / APP_NAME
