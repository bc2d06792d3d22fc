"""The command line's output encoding on Windows consoles (models/base/console.py), with a stand-in kernel32."""

from __future__ import annotations

import ctypes
import io

import pytest

from models.base import console


class FakeKernel32:
    def __init__(self, code_page: int):
        self.code_page = code_page
        self.set_to = []

    class _Fn:
        def __init__(self, call):
            self.call = call

        def __call__(self, *args):
            return self.call(*args)

    def __getattr__(self, name):
        calls = {"GetConsoleOutputCP": lambda: self.code_page,
                 "SetConsoleOutputCP": lambda cp: self.set_to.append(cp) or 1}
        fn = self._Fn(calls[name])
        object.__setattr__(self, name, fn)
        return fn


class Piped(io.StringIO):
    def isatty(self):
        return False


class Console(io.StringIO):
    def isatty(self):
        return True


@pytest.fixture
def windows(monkeypatch):
    monkeypatch.setattr(console.sys, "platform", "win32")
    monkeypatch.delenv("PYTHONIOENCODING", raising=False)

    def use(code_page):
        kernel = FakeKernel32(code_page)
        monkeypatch.setattr(ctypes, "WinDLL", lambda name, **kw: kernel, raising=False)
        return kernel
    return use


def test_output_piped_from_a_chinese_console_is_written_in_its_code_page(windows):
    windows(936)
    assert console._output_encoding(Piped()) == "gbk"  # what PowerShell 5.1 decodes a native command's output by
    assert "镕喆珺".encode(console._output_encoding(Piped()))  # GBK has the names GB 2312 lacks


def test_a_console_itself_and_utf8_requests_get_utf8(windows, monkeypatch):
    windows(936)
    assert console._output_encoding(Console()) == "utf-8"  # Python writes Unicode to a console window
    monkeypatch.setenv("PYTHONIOENCODING", "utf-8")
    assert console._output_encoding(Piped()) == "utf-8"


def test_no_console_means_utf8(windows):
    windows(0)  # a scheduled task without a console, or the windowed exe
    assert console._output_encoding(Piped()) == "utf-8"


def test_the_console_is_switched_to_utf8_and_back_at_exit(windows, monkeypatch):
    kernel = windows(936)
    registered = []
    monkeypatch.setattr("atexit.register", lambda fn, *args: registered.append((fn, args)))
    console.set_console_utf8()
    assert kernel.set_to == [65001]
    fn, args = registered[0]
    fn(*args)
    assert kernel.set_to == [65001, 936]


def test_elsewhere_utf8(monkeypatch):
    monkeypatch.setattr(console.sys, "platform", "linux")
    assert console._output_encoding(Piped()) == "utf-8"
