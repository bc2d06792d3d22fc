"""The user's folders without Qt: Documents (override, XDG user-dirs, fallback), and no Qt import in models/."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

from models.base import paths
from tests.conftest import ROOT


def test_documents_override(monkeypatch, tmp_path):
    monkeypatch.setenv("CHANGNING_DOCUMENTS", str(tmp_path / "共享" / "文档"))
    assert paths.documents_dir() == tmp_path / "共享" / "文档"
    assert paths.default_park_path() == tmp_path / "共享" / "文档" / "长宁园规划监测" / "park.sqlite"


def test_xdg_user_dirs_as_qt_reads_them(tmp_path):
    home = tmp_path / "home"
    config = tmp_path / "cfg"
    config.mkdir()
    (config / "user-dirs.dirs").write_text('# written by xdg-user-dirs-update\n'
                                           'XDG_DESKTOP_DIR="$HOME/桌面"\n'
                                           'XDG_DOCUMENTS_DIR="$HOME/文档"\n', encoding="utf-8")
    assert paths._xdg_documents(home, {"XDG_CONFIG_HOME": str(config)}) == home / "文档"
    (config / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="/srv/share/docs"\n', encoding="utf-8")
    assert paths._xdg_documents(home, {"XDG_CONFIG_HOME": str(config)}) == Path("/srv/share/docs")
    (config / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/"\n', encoding="utf-8")  # disabled
    assert paths._xdg_documents(home, {"XDG_CONFIG_HOME": str(config)}) is None
    assert paths._xdg_documents(home, {"XDG_CONFIG_HOME": str(tmp_path / "none")}) is None


def test_documents_without_override_needs_no_qt(tmp_path):
    """As a batch command finds it: no QApplication, Qt not even imported."""
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/Docs"\n', encoding="utf-8")
    code = ("import sys; sys.path.insert(0, sys.argv[1]); from models.base import paths; print(paths.documents_dir());"
            "print('PySide6' in sys.modules)")
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "USERPROFILE": str(home)}
    if sys.platform == "win32":
        import os

        env = dict(os.environ)
        env.pop("CHANGNING_DOCUMENTS", None)
    out = subprocess.run([sys.executable, "-c", code, str(ROOT)], capture_output=True, text=True, env=env,
                         check=True).stdout.split("\n")
    if sys.platform.startswith("linux"):
        assert out[0] == str(home / "Docs")
    else:
        assert Path(out[0]).is_absolute()
    assert out[1] == "False"


def test_models_never_import_qt():
    """Not at the top, not inside a function: models/ runs in batch commands and tests without Qt."""
    offenders = []
    for f in sorted((ROOT / "models").rglob("*.py")):
        for node in ast.walk(ast.parse(f.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else \
                [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            offenders += [f"{f.name}: {n}" for n in names if n.split(".")[0] in ("PySide6", "shiboken6", "ui", "widgets")]
    assert offenders == []
