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
    """GetProcessTimes' creation time against the system time now (both FILETIMEs, 100 ns since 1601)."""
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.GetCurrentProcess.argtypes = []
    kernel32.GetCurrentProcess.restype = wintypes.HANDLE  # a pseudo-handle, (HANDLE)-1: 64 bits on x64
    kernel32.GetProcessTimes.argtypes = [wintypes.HANDLE] + [ctypes.POINTER(wintypes.FILETIME)] * 4
    kernel32.GetProcessTimes.restype = wintypes.BOOL
    kernel32.GetSystemTimeAsFileTime.argtypes = [ctypes.POINTER(wintypes.FILETIME)]
    kernel32.GetSystemTimeAsFileTime.restype = None
    creation, exit_, kernel, user = (wintypes.FILETIME() for _ in range(4))
    if not kernel32.GetProcessTimes(kernel32.GetCurrentProcess(), ctypes.byref(creation), ctypes.byref(exit_),
                                    ctypes.byref(kernel), ctypes.byref(user)):
        raise OSError(ctypes.get_last_error(), "GetProcessTimes failed")
    now = wintypes.FILETIME()
    kernel32.GetSystemTimeAsFileTime(ctypes.byref(now))
    return filetime_span(filetime_int(creation), filetime_int(now))


def filetime_int(ft) -> int:
    return (ft.dwHighDateTime << 32) | ft.dwLowDateTime


def filetime_span(creation: int, now: int) -> float:
    """Seconds from `creation` to `now` (FILETIME counts); ValueError for a creation time that cannot be right
    (zero, i.e. 1601, or after now), so that a failed call never passes for a measurement."""
    if creation <= 0 or now < creation:
        raise ValueError(f"implausible process creation time {creation} (now {now})")
    return (now - creation) / 1e7


# A process start further back than this is not believed (a failed call, or a wrong clock).
MAX_PLAUSIBLE_SECONDS = 7 * 24 * 3600


def seconds_since_process_start() -> float:
    """Seconds since the OS started this process; falls back to since this module was imported.

    Linux: /proc's start time against the uptime clock; Windows: GetProcessTimes (types declared, result
    checked). Anything negative or older than a week is not believed either.
    """
    try:
        if sys.platform.startswith("linux"):
            elapsed = _linux_elapsed()
        elif sys.platform == "win32":
            elapsed = _windows_elapsed()
        else:
            elapsed = None
    except (OSError, ValueError, IndexError, AttributeError):
        elapsed = None
    if elapsed is not None and 0 <= elapsed < MAX_PLAUSIBLE_SECONDS:
        return elapsed
    return time.monotonic() - _IMPORTED_AT
