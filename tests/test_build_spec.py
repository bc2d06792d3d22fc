"""pyinstaller.spec, run with stand-ins for PyInstaller's build classes: the windowed and the console entry."""

from __future__ import annotations

from types import SimpleNamespace

from models.base.paths import APP_NAME
from tests.conftest import ROOT


def run_spec(tmp_path) -> dict:
    made = {"EXE": [], "COLLECT": [], "PYZ": []}

    def kind(name):
        def make(*args, **kwargs):
            obj = SimpleNamespace(args=args, kwargs=kwargs)
            made[name].append(obj)
            return obj
        return make

    def analysis(*args, **kwargs):
        return SimpleNamespace(args=args, kwargs=kwargs, datas=[], binaries=[], pure=["pure"], scripts=["main"])

    namespace = {"SPECPATH": str(ROOT), "DISTPATH": str(tmp_path / "dist"), "Analysis": analysis,
                 "PYZ": kind("PYZ"), "EXE": kind("EXE"), "COLLECT": kind("COLLECT"), "__file__": "pyinstaller.spec"}
    code = compile((ROOT / "pyinstaller.spec").read_text(encoding="utf-8"), "pyinstaller.spec", "exec")
    exec(code, namespace)  # noqa: S102 - our own build file
    return made


def test_the_spec_builds_a_windowed_and_a_console_executable_in_one_folder(tmp_path):
    made = run_spec(tmp_path)
    exes = {e.kwargs["name"]: e for e in made["EXE"]}
    assert set(exes) == {APP_NAME, f"{APP_NAME}-cli"}
    assert exes[APP_NAME].kwargs["console"] is False
    assert exes[f"{APP_NAME}-cli"].kwargs["console"] is True
    # the same program: one archive, one entry script, one folder of libraries
    pyz = made["PYZ"][0]
    assert all(e.args[0] is pyz and e.args[1] == ["main"] for e in exes.values())
    assert all(e.kwargs["exclude_binaries"] for e in exes.values())
    (collect,) = made["COLLECT"]
    assert collect.kwargs["name"] == APP_NAME
    assert exes[APP_NAME] in collect.args and exes[f"{APP_NAME}-cli"] in collect.args


def test_installer_and_readme_state_the_same_minimum_windows():
    iss = (ROOT / "installer" / "changning-plan.iss").read_text(encoding="utf-8-sig")
    assert "\nMinVersion=10.0.17763\r\n" in iss or "\nMinVersion=10.0.17763\n" in iss
    too_low = next(line for line in iss.splitlines() if line.startswith("WinVersionTooLowError="))
    assert "Windows 10 1809" in too_low and "17763" in too_low and "无法安装" in too_low
    assert "#if Ver < EncodeVer(6, 3, 0)" in iss
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Windows 10 version 1809 (build 17763) or later, 64-bit" in readme
    assert "changning-plan-cli.exe" in readme and "6.3 or later" in readme
