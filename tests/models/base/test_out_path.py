"""Where a file is about to be written: Chinese reasons for paths too long, folders missing or unwritable,
found before any work is done; and the commands that write (`report`, `export`, `new`) exit 2 with them."""

from __future__ import annotations

import errno
import os
from pathlib import PurePosixPath, PureWindowsPath

import pytest

import main
from models.base.out_path import length_problem, os_reason, output_problem


def test_length_rules_for_windows_and_posix():
    assert length_problem(PureWindowsPath(r"C:\Users\张三\Documents\park.sqlite")) is None
    assert "过长" in length_problem(PureWindowsPath("C:\\" + "长" * 256 + ".pdf"))
    assert length_problem(PureWindowsPath("C:\\" + "长" * 250 + ".pdf")) is None  # 254 UTF-16 units
    deep = PureWindowsPath(r"\\server\share" + "\\子文件夹" * 60 + "\\r.pdf")
    assert "259" in length_problem(deep)
    # On POSIX a name is counted in bytes: 86 Chinese characters are 258 bytes.
    assert "过长" in length_problem(PurePosixPath("/tmp/" + "长" * 86 + ".pdf"), windows=False)
    assert length_problem(PurePosixPath("/tmp/" + "长" * 80 + ".pdf"), windows=False) is None


def test_os_errors_in_chinese():
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")) == "磁盘空间已满"
    assert os_reason(OSError(errno.ENAMETOOLONG, "File name too long")) == "文件名或路径过长"
    sharing = OSError(errno.EACCES, "The process cannot access the file")
    sharing.winerror = 32
    assert "其他程序" in os_reason(sharing)


def test_output_problems(tmp_path):
    assert output_problem(tmp_path / "r.pdf") is None
    assert list(tmp_path.iterdir()) == []  # the probe is gone
    assert "不存在" in output_problem(tmp_path / "no" / "r.pdf")
    assert "文件夹" in output_problem(tmp_path)
    (tmp_path / "file").write_text("x")
    assert "不是文件夹" in output_problem(tmp_path / "file" / "r.pdf")


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="POSIX permissions; root writes anywhere")
def test_unwritable_folder(tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        assert "不可写" in output_problem(folder / "r.pdf")
    finally:
        folder.chmod(0o755)


@pytest.mark.parametrize("command", ["report", "export", "new"])
@pytest.mark.parametrize("where", ["long", "missing"])
def test_commands_refuse_an_output_they_cannot_write(command, where, park_path, tmp_path, capsys):
    work = tmp_path / "work"
    work.mkdir()
    out = work / ("长" * 120 + ".out") if where == "long" else work / "nowhere" / "deeper" / "x.out"
    if command == "new":
        bad = out.with_suffix(".sqlite") if where == "long" else work / ("长" * 120) / "x.sqlite"
        argv = ["new", str(bad)]
    else:
        argv = [command, str(park_path), "--out", str(out)]
    code = main.main(argv)
    captured = capsys.readouterr()
    assert code == 2, captured
    assert "Traceback" not in captured.err and ("过长" in captured.err or "不存在" in captured.err), captured.err
    assert list(work.iterdir()) == []
