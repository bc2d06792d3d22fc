"""A lock file beside a park file: who is editing it, on which machine, since when.

`park.sqlite.lock` is created atomically (O_CREAT|O_EXCL) and holds one JSON object (UTF-8):

    {"user": "张三", "host": "PC-07", "pid": 4242, "since": "2026-12-02T10:05:00+08:00",
     "refreshed": "2026-12-02T10:41:00+08:00", "token": "…"}

The holder (the window, or a command that writes) refreshes `refreshed` every `REFRESH_SECONDS`. A lock
not refreshed for `STALE_SECONDS` is stale: its holder crashed, lost power or lost the network; the window
may take it over after asking. A lock of this machine whose process has gone is taken over at once.
Commands never take a lock over: they say who holds it and stop. Plain files only (no Qt): a share
between Windows PCs gives nothing more reliable than "create if absent" and a time stamp.
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import socket
import sys
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Self

REFRESH_SECONDS = 60
STALE_SECONDS = 10 * 60
# A refresh time this far in the holder's future (a wrong clock) is not believed: the file's own time is.
CLOCK_SKEW = timedelta(minutes=2)


def lock_path(park_path: Path) -> Path:
    park_path = Path(park_path)
    return park_path.with_name(park_path.name + ".lock")


# --------------------------------------------------------------------------- who and where

def current_user() -> str:
    """The user's display name where Windows has one (张三), else the login name."""
    if sys.platform == "win32":
        name = _windows_display_name()
        if name:
            return name
    try:
        return getpass.getuser()
    except (KeyError, OSError, ImportError):
        return os.environ.get("USERNAME") or os.environ.get("USER") or "?"


def _windows_display_name() -> str:
    try:
        import ctypes
        from ctypes import wintypes

        get_name = ctypes.windll.secur32.GetUserNameExW
        get_name.argtypes = [ctypes.c_int, wintypes.LPWSTR, ctypes.POINTER(wintypes.ULONG)]
        get_name.restype = wintypes.BOOLEAN
        size = wintypes.ULONG(256)
        buffer = ctypes.create_unicode_buffer(size.value)
        if get_name(3, buffer, ctypes.byref(size)):  # 3: NameDisplay (domain accounts only)
            return buffer.value.strip()
    except (OSError, AttributeError, ValueError):
        pass
    return ""


def current_host() -> str:
    return os.environ.get("COMPUTERNAME") if sys.platform == "win32" and os.environ.get("COMPUTERNAME") \
        else socket.gethostname()


def process_alive(pid: int) -> bool:
    """Whether process `pid` runs on this machine (True when it cannot be told)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_process_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    except OSError:
        return True
    return True


def _windows_process_alive(pid: int) -> bool:
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    kernel32.OpenProcess.argtypes = [wintypes.DWORD, wintypes.BOOL, wintypes.DWORD]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.GetExitCodeProcess.argtypes = [wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD)]
    kernel32.GetExitCodeProcess.restype = wintypes.BOOL
    kernel32.CloseHandle.argtypes = [wintypes.HANDLE]
    kernel32.CloseHandle.restype = wintypes.BOOL
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # access denied: it exists
    try:
        code = wintypes.DWORD()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


def _now() -> datetime:
    return datetime.now().astimezone()


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _parse_time(text) -> datetime | None:
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.astimezone()


# --------------------------------------------------------------------------- what a lock file says

@dataclass
class LockInfo:
    """What a lock file says about its holder.

    Attributes:
        user, host, pid: who holds it, on which machine, which process there.
        since: when the holder took it; refreshed: when the holder last said it is still there (local time,
            with offset). Either may be None for a lock file that is unreadable or half-written.
        file_time: the lock file's modification time.
        token: the holder's random mark, so that a holder can tell its own lock from one that replaced it.
    """

    user: str = ""
    host: str = ""
    pid: int = 0
    since: datetime | None = None
    refreshed: datetime | None = None
    file_time: datetime | None = None
    token: str = ""

    def last_sign_of_life(self) -> datetime | None:
        times = [t for t in (self.refreshed, self.file_time) if t is not None]
        if self.refreshed is not None and self.file_time is not None and self.refreshed > _now() + CLOCK_SKEW:
            times = [self.file_time]
        return max(times) if times else None

    def age_seconds(self, now: datetime | None = None) -> float:
        last = self.last_sign_of_life()
        if last is None:
            return 0.0
        return max(0.0, ((now or _now()) - last).total_seconds())

    def is_stale(self, now: datetime | None = None) -> bool:
        """Not refreshed for STALE_SECONDS: the holder crashed or lost the network."""
        return self.age_seconds(now) >= STALE_SECONDS

    def on_this_host(self) -> bool:
        return bool(self.host) and self.host.casefold() == current_host().casefold()

    def holder_gone(self) -> bool:
        """The lock was taken on this machine by a process that no longer runs."""
        return self.on_this_host() and self.pid > 0 and self.pid != os.getpid() and not process_alive(self.pid)

    def may_take_over(self) -> bool:
        return self.holder_gone() or self.is_stale()

    def since_text(self) -> str:
        """10:05 today, otherwise 2026-12-01 10:05 (in this machine's time)."""
        moment = self.since or self.file_time
        if moment is None:
            return "?"
        local = moment.astimezone()
        return local.strftime("%H:%M") if local.date() == _now().date() else local.strftime("%Y-%m-%d %H:%M")

    def describe(self) -> str:
        """“张三 在 PC-07 上自 10:05 起正在编辑”."""
        return f"{self.user or '某位用户'} 在 {self.host or '另一台电脑'} 上自 {self.since_text()} 起正在编辑"

    def last_seen_text(self) -> str:
        minutes = int(self.age_seconds() // 60)
        return f"已有 {minutes} 分钟没有更新" if minutes >= 1 else "刚刚更新过"


def read_lock(park_path: Path) -> LockInfo | None:
    """What the lock beside `park_path` says; None when there is no lock file."""
    path = lock_path(park_path)
    try:
        raw = path.read_bytes()
        mtime = path.stat().st_mtime
    except FileNotFoundError:
        return None
    except OSError:
        return LockInfo()
    info = LockInfo(file_time=datetime.fromtimestamp(mtime).astimezone())
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        return info  # half-written, or written by an older version (Qt's lock file): its time is all we have
    if not isinstance(data, dict):
        return info
    info.user = str(data.get("user") or "")[:100]
    info.host = str(data.get("host") or "")[:100]
    pid = data.get("pid")
    info.pid = pid if isinstance(pid, int) and not isinstance(pid, bool) else 0
    info.since = _parse_time(data.get("since"))
    info.refreshed = _parse_time(data.get("refreshed"))
    info.token = str(data.get("token") or "")
    return info


# --------------------------------------------------------------------------- holding a lock

class LockError(Exception):
    """The lock cannot be taken. `info` says who holds it (None when the lock file could not be made)."""

    def __init__(self, message: str, path: Path, info: LockInfo | None = None):
        super().__init__(message)
        self.path = path
        self.info = info


def held_message(park_path: Path, info: LockInfo) -> str:
    """The commands' refusal: names the file, the holder, the machine and the time."""
    text = f"“{Path(park_path).name}”正被使用：{info.describe()}（{info.last_seen_text()}）。"
    if info.is_stale():
        text += (f"对方可能已异常退出或断网；可在本软件窗口中打开该文件并选择“接管”，"
                 f"或确认无人使用后删除锁文件“{lock_path(park_path).name}”。")
    else:
        text += "请等对方关闭该文件后再试。"
    return text


class ParkLock:
    """A lock this process holds. `refresh()` every REFRESH_SECONDS; `unlock()` when done."""

    def __init__(self, park_path: Path, info: LockInfo):
        self.park_path = Path(park_path)
        self.path = lock_path(park_path)
        self.info = info
        self._stop: threading.Event | None = None
        self._mutex = threading.Lock()  # a refresh from the background thread never follows the unlock
        self._released = False

    def _payload(self) -> bytes:
        data = {"user": self.info.user, "host": self.info.host, "pid": self.info.pid,
                "since": _stamp(self.info.since or _now()), "refreshed": _stamp(self.info.refreshed or _now()),
                "token": self.info.token}
        return json.dumps(data, ensure_ascii=False).encode("utf-8")

    def is_mine(self) -> bool:
        found = read_lock(self.park_path)
        return found is not None and found.token == self.info.token

    def refresh(self) -> bool:
        """Say we are still here. False when the lock is no longer ours (taken over, or deleted)."""
        with self._mutex:
            if self._released:
                return False
            found = read_lock(self.park_path)
            if found is None or found.token != self.info.token:
                return False
            self.info.refreshed = _now()
            try:
                _replace(self.path, self._payload())
            except OSError:
                return True  # the share is away for a moment: still ours; the next refresh tries again
            return True

    def unlock(self) -> None:
        """Give the lock up (only if it is still ours)."""
        self.stop_refreshing()
        with self._mutex:
            if self._released:
                return
            self._released = True
            try:
                if self.is_mine():
                    self.path.unlink()
            except OSError:
                pass

    def start_refreshing(self) -> None:
        """Refresh from a background thread (commands; the window uses a timer of its own)."""
        if self._stop is not None:
            return
        self._stop = threading.Event()
        stop = self._stop

        def run():
            while not stop.wait(REFRESH_SECONDS):
                self.refresh()

        threading.Thread(target=run, name="park-lock-refresh", daemon=True).start()

    def stop_refreshing(self) -> None:
        if self._stop is not None:
            self._stop.set()
            self._stop = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.unlock()


def _replace(path: Path, payload: bytes) -> None:
    """Write `payload` to `path` in one step (a temporary file beside it, then renamed over it)."""
    temp = path.with_name(f"{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        temp.write_bytes(payload)
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink(missing_ok=True)


def _new_info() -> LockInfo:
    now = _now()
    return LockInfo(user=current_user(), host=current_host(), pid=os.getpid(), since=now, refreshed=now,
                    token=uuid.uuid4().hex)


def acquire(park_path: Path, *, take_over: bool = False) -> ParkLock:
    """Take the lock of `park_path`.

    A lock of this machine whose process has gone is taken over silently; any other lock raises LockError
    (with `.info`), unless `take_over` is set and the lock is stale (`LockInfo.may_take_over()`): then it
    is replaced by ours. An unwritable folder raises LockError without `.info`.
    """
    park_path = Path(park_path)
    path = lock_path(park_path)
    mine = ParkLock(park_path, _new_info())
    for _attempt in range(3):
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            found = read_lock(park_path)
            if found is None:
                continue  # released meanwhile: try again
            if found.holder_gone() or (take_over and found.may_take_over()):
                if _take_over(mine, found):
                    return mine
                continue
            raise LockError(held_message(park_path, found), path, found) from None
        except OSError as exc:
            if exc.errno == errno.EEXIST:
                continue
            raise LockError(f"无法在文件夹“{path.parent}”中建立锁文件“{path.name}”（{exc.strerror or exc}），"
                            f"不能以可编辑方式打开“{park_path.name}”。", path) from exc
        try:
            os.write(fd, mine._payload())
        finally:
            os.close(fd)
        return mine
    found = read_lock(park_path) or LockInfo()
    raise LockError(held_message(park_path, found), path, found)


def _take_over(mine: ParkLock, found: LockInfo) -> bool:
    """Replace the lock `found` by ours, unless someone else changed it meanwhile."""
    again = read_lock(mine.park_path)
    if again is None or again.token != found.token or again.refreshed != found.refreshed:
        return False
    try:
        _replace(mine.path, mine._payload())
    except OSError:
        return False
    return mine.is_mine()


def try_lock(park_path: Path) -> ParkLock | None:
    """The lock of `park_path`, or None if someone holds it (see `acquire`)."""
    try:
        return acquire(park_path)
    except LockError:
        return None
