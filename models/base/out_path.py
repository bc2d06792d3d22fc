"""Where a command or dialog is about to write a file (a report, an export, a new park file): a Chinese
reason when it cannot be written there, found before any work is done, and Chinese words for the
OSErrors that writing may still meet (never the system's English text alone).
"""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path, PurePath, PureWindowsPath

# Longest name of one file or folder (NTFS, ext4: 255 UTF-16 units / bytes) and, on Windows without
# long-path support, longest whole path (MAX_PATH 260, with its terminating NUL).
NAME_MAX = 255
WINDOWS_PATH_MAX = 259

_REASONS = {
    errno.ENOENT: "文件夹不存在",
    errno.ENOTDIR: "路径中有一项不是文件夹",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "所在磁盘为只读",
    errno.ENOSPC: "磁盘空间已满",
    errno.ENAMETOOLONG: "文件名或路径过长",
    errno.EISDIR: "同名的文件夹已存在",
    errno.EEXIST: "文件已存在",
    errno.EBUSY: "文件正被其他程序使用",
    errno.EINVAL: "文件名含有系统不允许的字符",
}
# Windows error numbers OSError carries in `winerror`.
_WINDOWS_REASONS = {
    3: "文件夹不存在",
    5: "没有写入权限",
    32: "文件正被其他程序使用（如已在Excel中打开，请先关闭）",
    33: "文件正被其他程序锁定",
    53: "找不到网络路径",
    67: "找不到网络名称",
    112: "磁盘空间已满",
    123: "文件名含有系统不允许的字符",
    206: "文件名或路径过长",
}


@contextmanager
def partial_file(path: Path | str) -> Iterator[Path]:
    """Write through `path`.partial: yields that path; when the block ends it is moved into place, and
    when the block (or the move) fails it is removed, so an existing `path` is never half-written."""
    path = Path(path)
    partial = path.with_name(path.name + ".partial")
    try:
        yield partial
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def os_reason(exc: OSError) -> str:
    """Chinese words for why an OSError happened (the system's text only when nothing better is known)."""
    winerror = getattr(exc, "winerror", None)
    if winerror in _WINDOWS_REASONS:
        return _WINDOWS_REASONS[winerror]
    if exc.errno in _REASONS:
        return _REASONS[exc.errno]
    return f"系统错误：{exc.strerror or exc}"


def length_problem(path: PurePath, windows: bool | None = None) -> str | None:
    """Pure: why `path` is too long for the system (`windows`: judge by Windows rules), else None."""
    windows = isinstance(path, PureWindowsPath) if windows is None else windows
    for part in path.parts[1:] if path.is_absolute() else path.parts:
        size = len(part.encode("utf-16-le")) // 2 if windows else len(os.fsencode(part))
        if size > NAME_MAX:
            return f"文件名“{part[:20]}…”过长（最多{NAME_MAX}个{'字符' if windows else '字节'}）"
    if windows and len(str(path)) > WINDOWS_PATH_MAX and not str(path).startswith("\\\\?\\"):
        return f"路径过长（{len(str(path))}个字符，Windows最多{WINDOWS_PATH_MAX}个）"
    return None


def output_problem(out: Path | str) -> str | None:
    """A Chinese message (naming `out`) if a file cannot be written at `out`, else None.

    Checks the length, that the folder exists and is a folder, that `out` is not a folder, and that a
    file can be created in the folder (a probe file, removed at once).
    """
    out = Path(out)
    try:
        target = out.absolute()
        problem = length_problem(target, windows=os.name == "nt")
        if problem:
            return f"无法写入“{out}”：{problem}。请换一个较短的名称或文件夹。"
        parent = target.parent
        if not parent.exists():
            return f"无法写入“{out}”：文件夹“{parent}”不存在。"
        if not parent.is_dir():
            return f"无法写入“{out}”：“{parent}”不是文件夹。"
        if target.is_dir():
            return f"无法写入“{out}”：这是一个文件夹。"
    except OSError as exc:
        return f"无法写入“{out}”：{os_reason(exc)}。"
    try:
        fd, probe = tempfile.mkstemp(prefix=".write-check-", dir=parent)
    except OSError as exc:
        return f"无法写入“{out}”：文件夹“{parent}”不可写（{os_reason(exc)}）。"
    os.close(fd)
    Path(probe).unlink(missing_ok=True)
    return None
