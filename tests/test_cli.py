"""main.py's foundation subcommands: new, and the --smoke start."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from tests.conftest import TEMPLATE, run_main


def test_new_creates_a_park_file_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "x.sqlite"
    result = run_main("new", str(target))
    assert result.returncode == 0, result.stderr
    assert target.read_bytes() == TEMPLATE.read_bytes()
    again = run_main("new", str(target))
    assert again.returncode == 2
    assert "已存在" in again.stderr


def test_smoke_opens_the_given_file(tmp_path):
    path = tmp_path / "p.sqlite"
    shutil.copyfile(TEMPLATE, path)
    result = run_main("--smoke", str(path), env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    match = re.search(r"^first_paint_ms=(\d+)$", result.stdout, re.M)
    assert match and 0 < int(match.group(1)) < 60_000
    assert "tabs_visited=7" in result.stdout  # … 企业报表, 规划基数, 重点任务


def test_smoke_on_first_start_creates_the_documents_file(user_folders):
    result = run_main("--smoke", env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert (user_folders / "长宁园规划监测" / "park.sqlite").exists()


def test_smoke_fails_on_a_file_that_is_not_a_park_file(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_text("hello", encoding="utf-8")
    result = run_main("--smoke", str(bad), env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode != 0
    assert "不是园区数据文件" in result.stderr


def test_settings_are_kept_in_the_apps_own_folder(tmp_path, user_folders):
    """CHANGNING_SETTINGS_DIR (set for every test by conftest) holds them on every platform, never the real
    user's registry or ~/.config: XDG_CONFIG_HOME pointed elsewhere stays empty."""
    path = tmp_path / "p.sqlite"
    shutil.copyfile(TEMPLATE, path)
    settings_dir = tmp_path / "settings"
    xdg = tmp_path / "xdg"
    result = run_main("--smoke", str(path), env={"QT_QPA_PLATFORM": "offscreen",
                                                 "CHANGNING_SETTINGS_DIR": str(settings_dir),
                                                 "XDG_CONFIG_HOME": str(xdg)})
    assert result.returncode == 0, result.stderr
    ini = (settings_dir / "settings.ini").read_text(encoding="utf-8")
    assert "last_file=" in ini and "p.sqlite" in ini
    assert not xdg.exists() or not any(xdg.rglob("*.conf"))
    assert f"documents_dir={user_folders}" in result.stdout


def test_every_command_name_is_the_one_its_module_registers():
    """main.py decides between a command and the window from cli.SUBCOMMANDS alone, without importing the
    command modules; each name must be one its module's parser adds, and every parser's name listed."""
    import subprocess
    import sys

    import cli

    for group in cli.groups():
        listed = [name for name, module in cli.SUBCOMMANDS.items() if group.__name__ == f"cli.{module}"]
        assert listed == list(group.COMMANDS)
    parser_names = set(cli.command_parser()._subparsers._group_actions[0].choices)
    assert parser_names == set(cli.SUBCOMMANDS)
    assert cli.WRITING_COMMANDS <= parser_names
    # the window's start imports none of them
    probe = "import sys, main; print(sorted(m for m in sys.modules if m.startswith('cli.')))"
    root = Path(cli.__file__).resolve().parent.parent
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=root).stdout
    assert out.strip() == "[]"
