"""The command line's output on Windows consoles: readable Chinese in cmd.exe and PowerShell 5.1."""

from __future__ import annotations

import codecs
import os
import sys


def configure_output() -> None:
    """UTF-8 output, except where Windows reads it in the console's code page.

    On a Windows console Python writes Unicode whatever the code page. Output piped or redirected from a
    console (PowerShell 5.1 `$x = & changning-plan-cli.exe summary …`, `… > out.txt` in cmd) is decoded by
    PowerShell 5.1 in the console's code page (936 on Chinese Windows): it is written in that code page,
    unless PYTHONIOENCODING asks for another encoding.
    """
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding=_output_encoding(stream), errors="replace")


def _output_encoding(stream) -> str:
    if sys.platform != "win32" or os.environ.get("PYTHONIOENCODING"):
        return "utf-8"
    try:
        if stream.isatty():
            return "utf-8"
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32")
        kernel32.GetConsoleOutputCP.restype = ctypes.c_uint
        code_page = kernel32.GetConsoleOutputCP()  # 0 when there is no console (a service, a GUI parent)
    except (OSError, AttributeError, ValueError):
        return "utf-8"
    if not code_page:
        return "utf-8"
    try:
        return codecs.lookup(f"cp{code_page}").name
    except LookupError:
        return "utf-8"


def set_console_utf8() -> None:
    """The console window shows UTF-8 (Windows; the code page is put back at exit)."""
    if sys.platform != "win32":
        return
    try:
        import atexit
        import ctypes

        kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
        kernel32.GetConsoleOutputCP.restype = ctypes.c_uint
        kernel32.SetConsoleOutputCP.argtypes = [ctypes.c_uint]
        kernel32.SetConsoleOutputCP.restype = ctypes.c_int
        previous = kernel32.GetConsoleOutputCP()
        if previous and previous != 65001 and kernel32.SetConsoleOutputCP(65001):
            atexit.register(kernel32.SetConsoleOutputCP, previous)
    except (OSError, AttributeError):
        pass
