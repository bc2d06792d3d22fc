"""The park file's lock (models.store.lock): who holds it, refusal while fresh, take-over once stale or orphaned."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta

import pytest

from models.store import lock
from tests.conftest import ROOT

HOLDER = textwrap.dedent("""
    import sys
    sys.path.insert(0, sys.argv[1])
    from pathlib import Path
    from models.store.lock import acquire
    held = acquire(Path(sys.argv[2]))
    print("locked", flush=True)
    sys.stdin.read()          # hold it until the parent closes our stdin
    if sys.argv[3] == "release":
        held.unlock()
""")


def start_holder(park_path, user: str, release: bool = True) -> subprocess.Popen:
    env = dict(os.environ, LOGNAME=user, USER=user, USERNAME=user, PYTHONIOENCODING="utf-8")
    proc = subprocess.Popen([sys.executable, "-c", HOLDER, str(ROOT), str(park_path),
                             "release" if release else "keep"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    assert proc.stdout.readline().strip() == "locked"
    return proc


def write_lock(park_path, *, user="张三", host="PC-07", pid=4242, since=None, refreshed=None):
    now = datetime.now().astimezone()
    data = {"user": user, "host": host, "pid": pid, "since": (since or now).isoformat(timespec="seconds"),
            "refreshed": (refreshed or now).isoformat(timespec="seconds"), "token": "theirs"}
    lock.lock_path(park_path).write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_a_second_process_is_told_who_holds_the_lock(park_path):
    proc = start_holder(park_path, "张三")
    try:
        with pytest.raises(lock.LockError) as refused:
            lock.acquire(park_path)
        info = refused.value.info
        assert (info.user, info.pid) == ("张三", proc.pid)
        assert info.on_this_host() and not info.holder_gone() and not info.is_stale()
        message = str(refused.value)
        assert message.startswith("“park.sqlite”正被使用：张三 在 ")
        assert f"上自 {info.since_text()} 起正在编辑" in message
        assert "请等对方关闭该文件后再试" in message
        # Even asked to take over: a fresh lock of a live process is never taken.
        with pytest.raises(lock.LockError):
            lock.acquire(park_path, take_over=True)
        raw = json.loads(lock.lock_path(park_path).read_text(encoding="utf-8"))
        assert set(raw) >= {"user", "host", "pid", "since", "refreshed"}
    finally:
        proc.stdin.close()
        assert proc.wait(timeout=30) == 0
        proc.stdout.close()
    assert not lock.lock_path(park_path).exists()  # released by its holder
    lock.acquire(park_path).unlock()


def test_the_lock_of_a_killed_process_on_this_machine_is_taken_over(park_path):
    proc = start_holder(park_path, "李四")
    proc.kill()
    proc.wait(timeout=30)
    proc.stdin.close()
    proc.stdout.close()
    assert lock.lock_path(park_path).exists()  # left behind, as after a crash
    held = lock.acquire(park_path)
    assert lock.read_lock(park_path).pid == os.getpid()
    held.unlock()


def test_describe_names_user_machine_and_time(park_path):
    today_1005 = datetime.now().astimezone().replace(hour=10, minute=5, second=0, microsecond=0)
    write_lock(park_path, since=today_1005)
    info = lock.read_lock(park_path)
    assert info.describe() == "张三 在 PC-07 上自 10:05 起正在编辑"
    write_lock(park_path, since=datetime(2026, 11, 30, 9, 1).astimezone())
    assert lock.read_lock(park_path).describe() == "张三 在 PC-07 上自 2026-11-30 09:01 起正在编辑"


def test_a_fresh_lock_of_another_machine_is_refused_even_when_asked_to_take_over(park_path):
    write_lock(park_path, refreshed=datetime.now().astimezone() - timedelta(minutes=9))
    for take_over in (False, True):
        with pytest.raises(lock.LockError) as refused:
            lock.acquire(park_path, take_over=take_over)
        assert not refused.value.info.may_take_over()
    assert lock.read_lock(park_path).token == "theirs"


def test_a_stale_lock_is_taken_over_only_when_asked(park_path):
    old = datetime.now().astimezone() - timedelta(seconds=lock.STALE_SECONDS + 60)
    write_lock(park_path, since=old, refreshed=old)
    os.utime(lock.lock_path(park_path), (old.timestamp(), old.timestamp()))
    with pytest.raises(lock.LockError) as refused:
        lock.acquire(park_path)
    info = refused.value.info
    assert info.is_stale() and info.may_take_over()
    assert int(info.age_seconds() // 60) == 11
    assert "已有 11 分钟没有更新" in str(refused.value) and "接管" in str(refused.value)
    held = lock.acquire(park_path, take_over=True)
    now = lock.read_lock(park_path)
    assert (now.pid, now.token) == (os.getpid(), held.info.token)
    held.unlock()
    assert not lock.lock_path(park_path).exists()


def test_a_refresh_time_from_a_wrong_clock_is_not_believed(park_path):
    """A holder whose clock runs a day ahead: the file's own time decides."""
    ahead = datetime.now().astimezone() + timedelta(days=1)
    write_lock(park_path, refreshed=ahead)
    old = (datetime.now() - timedelta(minutes=30)).timestamp()
    os.utime(lock.lock_path(park_path), (old, old))
    assert lock.read_lock(park_path).is_stale()


def test_an_unreadable_lock_file_counts_by_its_time(park_path):
    lock.lock_path(park_path).write_bytes(b"")  # just created by someone, or left by an older version
    with pytest.raises(lock.LockError):
        lock.acquire(park_path, take_over=True)
    old = (datetime.now() - timedelta(minutes=11)).timestamp()
    os.utime(lock.lock_path(park_path), (old, old))
    lock.acquire(park_path, take_over=True).unlock()


def test_refresh_and_loss(park_path):
    held = lock.acquire(park_path)
    old = datetime.now() - timedelta(minutes=5)
    os.utime(held.path, (old.timestamp(), old.timestamp()))
    held.info.refreshed = datetime.now().astimezone() - timedelta(minutes=5)
    assert held.refresh()
    assert lock.read_lock(park_path).age_seconds() < 60
    # Someone takes it over (this computer slept for an hour): the holder learns it, and leaves theirs alone.
    write_lock(park_path, user="王五", host="PC-09")
    assert not held.refresh()
    held.unlock()
    assert lock.read_lock(park_path).user == "王五"


def test_an_unwritable_folder_is_said_so(park_path, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(lock.os, "open", refuse)
    with pytest.raises(lock.LockError) as failed:
        lock.acquire(park_path)
    assert failed.value.info is None
    assert "无法在文件夹" in str(failed.value) and "park.sqlite.lock" in str(failed.value)


def test_a_command_holds_the_lock_with_renewals_from_a_thread(park_path, monkeypatch):
    monkeypatch.setattr(lock, "REFRESH_SECONDS", 0.05)
    held = lock.acquire(park_path)
    held.info.refreshed = datetime.now().astimezone() - timedelta(minutes=9)
    lock._replace(held.path, held._payload())  # as if the last renewal was 9 minutes ago
    assert lock.read_lock(park_path).refreshed < datetime.now().astimezone() - timedelta(minutes=8)
    held.start_refreshing()
    import time

    deadline = time.monotonic() + 10
    while lock.read_lock(park_path).refreshed < datetime.now().astimezone() - timedelta(minutes=1):
        assert time.monotonic() < deadline, "no renewal"
        time.sleep(0.02)
    held.unlock()
    time.sleep(0.2)  # a renewal due after the unlock must not bring the file back
    assert not lock.lock_path(park_path).exists()
    assert not held.refresh()
