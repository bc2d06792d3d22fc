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
    return Path(__file__).resolve().parents[2]


def resource_path(*parts: str) -> Path:
    """A file under `resources/`, wherever the application runs from."""
    return app_root().joinpath("resources", *parts)


def template_path() -> Path:
    return app_root() / "park.sqlite.template"


def documents_dir() -> Path:
    """The user's documents folder (never the install folder, which may be read-only).

    `CHANGNING_DOCUMENTS` overrides it, for tests and for offices that keep files on a share. Otherwise
    Windows is asked for its Documents known folder (which follows a redirection to a file server), Linux
    reads the XDG user-dirs file as Qt does; both fall back to `~/Documents`.
    """
    override = os.environ.get("CHANGNING_DOCUMENTS")
    if override:
        return Path(override)
    found = _windows_documents() if sys.platform == "win32" else None
    if found is None and sys.platform.startswith("linux"):
        found = _xdg_documents(Path.home(), os.environ)
    return found or Path.home() / "Documents"


def _windows_documents() -> Path | None:
    """SHGetKnownFolderPath(FOLDERID_Documents): the real folder, redirected or not."""
    try:
        import ctypes
        import uuid
        from ctypes import wintypes

        class GUID(ctypes.Structure):
            _fields_ = [("Data1", wintypes.DWORD), ("Data2", wintypes.WORD), ("Data3", wintypes.WORD),
                        ("Data4", ctypes.c_ubyte * 8)]

        raw = uuid.UUID("FDD39AD0-238F-46AF-ADB4-6C85480369C7").bytes_le
        folder_id = GUID.from_buffer_copy(raw)
        shell32 = ctypes.WinDLL("shell32")
        ole32 = ctypes.WinDLL("ole32")
        shell32.SHGetKnownFolderPath.argtypes = [ctypes.POINTER(GUID), wintypes.DWORD, wintypes.HANDLE,
                                                 ctypes.POINTER(ctypes.c_void_p)]
        shell32.SHGetKnownFolderPath.restype = ctypes.c_long
        ole32.CoTaskMemFree.argtypes = [ctypes.c_void_p]
        ole32.CoTaskMemFree.restype = None
        buffer = ctypes.c_void_p()
        result = shell32.SHGetKnownFolderPath(ctypes.byref(folder_id), 0, None, ctypes.byref(buffer))
        try:
            if result != 0 or not buffer.value:
                return None
            return Path(ctypes.wstring_at(buffer.value))
        finally:
            if buffer.value:
                ole32.CoTaskMemFree(buffer)
    except (OSError, AttributeError, ValueError):
        return None


def _xdg_documents(home: Path, environ) -> Path | None:
    """XDG_DOCUMENTS_DIR from `$XDG_CONFIG_HOME/user-dirs.dirs` (`"$HOME/Dokumente"`), as Qt reads it."""
    config = Path(environ.get("XDG_CONFIG_HOME") or home / ".config")
    try:
        lines = (config / "user-dirs.dirs").read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    for line in lines:
        key, _, value = line.strip().partition("=")
        if key != "XDG_DOCUMENTS_DIR":
            continue
        value = value.strip().strip('"')
        if value.startswith("$HOME"):
            value = str(home) + value[len("$HOME"):]
        if value.startswith("/") and Path(value) != home:
            return Path(value)
    return None


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
