"""Build the installed application with PyInstaller and smoke-test the result.

    python scripts/build.py [--clean] [--no-build]

Run with the project's virtual environment (Windows: `.venv\\Scripts\\python scripts\\build.py`).

1. PyInstaller builds `dist/changning-plan/` from `pyinstaller.spec` (one folder, two executables: the
   windowed `changning-plan` and the console `changning-plan-cli`); both must be there.
2. The frozen app creates a park file (`changning-plan new`) and runs `--smoke` on it (offscreen, and on
   X11 too when xvfb-run is installed); the console entry prints `summary` of it and writes the return
   template, the PDF report and the Excel export. One run finds the Documents folder the real way (no
   override: the Windows known folder, the XDG user-dirs on Linux) and checks what it found.
3. The folder is copied and made read-only, and the copy's `--smoke` runs with an empty home folder and
   no path: it must create the park file in the documents folder, keep matplotlib's font cache in the
   user's folder (a second start reuses it) and write nothing inside the install folder.
4. Prints the folder's size in MB and the times taken. Exit status 0 only if every step passed.
"""

from __future__ import annotations

import argparse
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "pyinstaller.spec"
DIST = ROOT / "dist"
WORK = ROOT / "build" / "pyinstaller"
sys.path.insert(0, str(ROOT))

from models.base.paths import APP_NAME, DEFAULT_FILE_NAME, DOCS_FOLDER_NAME, ORG_NAME  # noqa: E402

IS_WINDOWS = sys.platform == "win32"
SMOKE_TIMEOUT = 120


class BuildError(Exception):
    pass


CLI_NAME = f"{APP_NAME}-cli"


def executable(folder: Path, name: str = APP_NAME) -> Path:
    return folder / (f"{name}.exe" if IS_WINDOWS else name)


def cli_executable(folder: Path) -> Path:
    """The console entry: batch commands print and return their exit status (the windowed exe cannot)."""
    return executable(folder, CLI_NAME)


def folder_size(folder: Path) -> int:
    """Bytes of the files under `folder` (symbolic links not followed)."""
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file and folder under `folder` with its size and modification time."""
    return {str(p.relative_to(folder)): (p.lstat().st_size, p.lstat().st_mtime_ns) for p in folder.rglob("*")}


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """The environment of a user with an empty home folder: none of ours, no Python or XDG overrides."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CHANGNING_", "XDG_", "PYTHON", "MPL", "QT_")) and k not in ("VIRTUAL_ENV",)}
    env["HOME"] = str(home)
    env["QT_QPA_PLATFORM"] = "offscreen"  # no window on the build machine
    # Read back here as UTF-8 (paths may hold Chinese): piped output would otherwise be in the console's code
    # page on Windows (models/base/console.py, tested in tests/models/base/test_console.py).
    env["PYTHONIOENCODING"] = "utf-8"
    if IS_WINDOWS:
        # Windows finds Documents and AppData through the shell, not HOME: point ours at the empty home.
        env["USERPROFILE"] = str(home)
        env["CHANGNING_DOCUMENTS"] = str(home / "Documents")
        env["CHANGNING_STATE_DIR"] = str(home / "AppData" / "Local" / ORG_NAME / APP_NAME)
        env["CHANGNING_SETTINGS_DIR"] = str(home / "settings")  # never the build user's registry
    env.update(extra)
    return {k: v for k, v in env.items() if v is not None}


def run(cmd: list[str], env: dict[str, str], cwd: Path, what: str) -> subprocess.CompletedProcess:
    started = time.monotonic()
    result = subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, encoding="utf-8",
                            errors="replace", timeout=SMOKE_TIMEOUT)
    took = time.monotonic() - started
    if result.returncode != 0:
        raise BuildError(f"{what} failed (exit {result.returncode}):\n{result.stdout}\n{result.stderr}")
    summary = " ".join(word for word in result.stdout.split() if "=" in word)
    print(f"  {what}: ok in {took:.1f} s {summary}".rstrip())
    return result


def build(clean: bool) -> float:
    started = time.monotonic()
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
           "--distpath", str(DIST), "--workpath", str(WORK), str(SPEC)]
    if clean:
        cmd.insert(4, "--clean")
    print("building with PyInstaller …", flush=True)
    subprocess.run(cmd, cwd=ROOT, check=True)
    return time.monotonic() - started


def smoke_fresh_file(app_dir: Path, scratch: Path) -> None:
    """`new` then `--smoke` on that file, as a user with an empty home folder."""
    home = scratch / "home-fresh"
    home.mkdir()
    env = clean_env(home)
    park = scratch / "fresh" / "park.sqlite"
    run([str(executable(app_dir)), "new", str(park)], env, scratch, "frozen `new`")
    if not park.exists():
        raise BuildError(f"`new` did not create {park}")
    run([str(executable(app_dir)), "--smoke", str(park)], env, scratch, "frozen --smoke on a fresh file")
    xvfb = shutil.which("xvfb-run") if sys.platform.startswith("linux") else None
    if xvfb:
        # The X11 platform plugin as on a desktop (the runs above draw offscreen).
        run([xvfb, "-a", "-s", "-screen 0 1280x1024x24", str(executable(app_dir)), "--smoke", str(park)],
            clean_env(home, QT_QPA_PLATFORM="xcb"), scratch, "frozen --smoke on X11 (xvfb)")
    console_summary(app_dir, park, env, scratch)
    batch_work(app_dir, park, env, scratch)
    real_documents_lookup(app_dir, park, scratch)


def console_summary(app_dir: Path, park: Path, env: dict[str, str], scratch: Path) -> None:
    """The console entry prints `summary` (Chinese, readable) and exits 0."""
    result = run([str(cli_executable(app_dir)), "summary", str(park)], env, scratch, "frozen console `summary`")
    if "研发经费" not in result.stdout and "指标" not in result.stdout:
        raise BuildError(f"the console entry's `summary` printed no indicator:\n{result.stdout[:500]}")


def real_documents_lookup(app_dir: Path, park: Path, scratch: Path) -> None:
    """Once without CHANGNING_DOCUMENTS: the frozen app asks the system where Documents is (Windows' known
    folder, redirected to a server or not; XDG user-dirs on Linux) and reports it; nothing is created there
    (the park file is given)."""
    home = scratch / "home-real-documents"
    home.mkdir()
    env = clean_env(home, CHANGNING_DOCUMENTS=None)
    result = run([str(cli_executable(app_dir)), "--smoke", str(park)], env, scratch,
                 "frozen --smoke, the real Documents lookup")
    found = [line.split("=", 1)[1] for line in result.stdout.splitlines() if line.startswith("documents_dir=")]
    if not found:
        raise BuildError(f"--smoke did not report the documents folder:\n{result.stdout}")
    documents = Path(found[0])
    if IS_WINDOWS:
        if not documents.is_absolute() or not documents.is_dir():
            raise BuildError(f"the Documents known folder {documents} is not a folder")
        if app_dir.resolve() in documents.resolve().parents:
            raise BuildError(f"the documents folder {documents} is inside the install folder")
    elif documents != home / "Documents":
        raise BuildError(f"documents folder {documents}, expected {home / 'Documents'}")
    print(f"  documents folder found the real way: {documents}")


def batch_work(app_dir: Path, park: Path, env: dict[str, str], scratch: Path) -> None:
    """The batch subcommands that write files (Excel template, PDF report, the final report in Word, Excel
    export), where present: they load what the smoke run does not (openpyxl, matplotlib's PDF backend and
    fontTools, python-docx and its template)."""
    from main import SUBCOMMANDS

    jobs = [("template", [str(scratch / "return.xlsx")], scratch / "return.xlsx", b"PK"),
            ("report", [str(park), "--out", str(scratch / "report.pdf"), "--parts", "all"], scratch / "report.pdf",
             b"%PDF"),
            ("report", [str(park), "--out", str(scratch / "final.docx"), "--final"], scratch / "final.docx", b"PK"),
            ("export", [str(park), "--out", str(scratch / "export.xlsx")], scratch / "export.xlsx", b"PK")]
    for name, args, out, magic in jobs:
        if name not in SUBCOMMANDS:
            continue
        run([str(cli_executable(app_dir)), name, *args], env, scratch, f"frozen console `{name}`")
        if not out.exists() or not out.read_bytes().startswith(magic):
            raise BuildError(f"`{name}` did not write {out.name}")


def make_read_only(folder: Path) -> None:
    for p in [folder, *folder.rglob("*")]:
        if p.is_symlink():
            continue
        mode = p.stat().st_mode
        p.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))


def make_writable(folder: Path) -> None:
    for p in [folder, *folder.rglob("*")]:
        if not p.is_symlink():
            p.chmod(p.stat().st_mode | stat.S_IWUSR)


def smoke_first_start(app_dir: Path, scratch: Path) -> None:
    """From a read-only copy, with an empty home folder: first start creates the documents file."""
    copy = scratch / "installed" / APP_NAME
    shutil.copytree(app_dir, copy, symlinks=True)
    make_read_only(copy)
    before = snapshot(copy)
    home = scratch / "home-empty"
    home.mkdir()
    env = clean_env(home)
    try:
        # Started from inside the install folder, so that a write relative to the working folder would show.
        run([str(executable(copy)), "--smoke"], env, copy, "frozen --smoke, first start, read-only folder")
        if IS_WINDOWS:
            docs_file = home / "Documents" / DOCS_FOLDER_NAME / DEFAULT_FILE_NAME
            state = Path(env["CHANGNING_STATE_DIR"])
        else:
            docs_file = home / "Documents" / DOCS_FOLDER_NAME / DEFAULT_FILE_NAME
            state = home / ".local" / "share" / ORG_NAME / APP_NAME
        if not docs_file.exists():
            found = "\n".join(str(p.relative_to(home)) for p in home.rglob("*"))
            raise BuildError(f"first start did not create {docs_file}; the home folder holds:\n{found}")
        print(f"  documents file created: {docs_file.relative_to(home)}")
        caches = sorted((state / "matplotlib").glob("fontlist-*.json"))
        if not caches:
            raise BuildError(f"matplotlib's font cache is not in the user's folder {state / 'matplotlib'}")
        cache_stamp = caches[0].stat().st_mtime_ns
        # Second start: reopens the last file and reuses the font cache (not rebuilt in a temporary folder).
        run([str(executable(copy)), "--smoke"], env, copy, "frozen --smoke, second start")
        if caches[0].stat().st_mtime_ns != cache_stamp:
            raise BuildError("matplotlib's font cache was rebuilt on the second start")
        print(f"  matplotlib font cache kept in the user's folder: {caches[0].relative_to(home)}")
        after = snapshot(copy)
        if after != before:
            changed = sorted(set(after.items()) ^ set(before.items()))
            raise BuildError(f"the install folder changed: {changed[:10]}")
        print("  nothing written inside the install folder")
    finally:
        make_writable(copy)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="rebuild from scratch (PyInstaller --clean)")
    parser.add_argument("--no-build", action="store_true", help="only smoke-test the existing dist folder")
    args = parser.parse_args(argv)

    app_dir = DIST / APP_NAME
    build_seconds = None if args.no_build else build(args.clean)
    missing = [exe for exe in (executable(app_dir), cli_executable(app_dir)) if not exe.exists()]
    if missing:
        print(f"no executable at {', '.join(map(str, missing))}", file=sys.stderr)
        return 1
    scratch = Path(tempfile.mkdtemp(prefix="changning-build-"))
    try:
        smoke_fresh_file(app_dir, scratch)
        smoke_first_start(app_dir, scratch)
    except (BuildError, subprocess.TimeoutExpired) as exc:
        print(f"smoke test FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    size_mb = folder_size(app_dir) / 1e6
    if build_seconds is not None:
        print(f"build_seconds={build_seconds:.0f}")
    print(f"folder={app_dir.relative_to(ROOT)} size_mb={size_mb:.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
