"""Time since the process started, as the operating system records it (for `--smoke` and bench/)."""

from __future__ import annotations

import os
import sys
import time

_IMPORTED_AT = time.monotonic()


def _linux_elapsed() -> float:
    with open(f"/proc/{os.getpid()}/stat", "rb") as fh:
        fields = fh.read().rsplit(b")", 1)[1].split()
    start_ticks = int(fields[19])  # field 22 (starttime) counted from field 3 after the name
    with open("/proc/uptime", "rb") as fh:
        uptime = float(fh.read().split()[0])
    return uptime - start_ticks / os.sysconf("SC_CLK_TCK")


def _windows_elapsed() -> float:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.windll.kernel32
    creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
    kernel32.GetProcessTimes(kernel32.GetCurrentProcess(), ctypes.byref(creation), ctypes.byref(exit_),
                             ctypes.byref(kernel), ctypes.byref(user))
    now = wintypes.FILETIME()
    kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))

    def to_int(ft):
        return (ft.dwHighDateTime << 32) | ft.dwLowDateTime

    return (to_int(now) - to_int(creation)) / 1e7


def seconds_since_process_start() -> float:
    """Seconds since the OS started this process; falls back to since this module was imported."""
    try:
        if sys.platform.startswith("linux"):
            return _linux_elapsed()
        if sys.platform == "win32":
            return _windows_elapsed()
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return time.monotonic() - _IMPORTED_AT
