"""Keep the Chinese translation of the interface complete.

    python scripts/translations.py update        # lupdate the sources into the .ts, then lrelease to .qm
    python scripts/translations.py missing       # list strings still untranslated (exit 1 if any)
    python scripts/translations.py fill FILE     # set translations from a UTF-8 file of "source<TAB>Chinese" lines

Source strings are English and marked with tr() / QT_TRANSLATE_NOOP in ui/, widgets/ and main.py.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "i18n" / "changning_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    for candidate in (exe, exe.with_suffix(".exe")):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found: install PySide6 in this environment")
    return found


def source_files() -> list[Path]:
    files = [ROOT / "main.py"]
    for folder in ("cli", "ui", "widgets"):
        files += sorted((ROOT / folder).rglob("*.py"))
    return files


def lupdate(ts: Path) -> None:
    files = [str(p.relative_to(ROOT)) for p in source_files()]
    subprocess.run([_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none", *files,
                    "-ts", str(ts)], cwd=ROOT, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], cwd=ROOT, check=True)


def unfinished(ts: Path) -> list[tuple[str, str]]:
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished" or not (translation.text or "").strip():
                out.append((name, message.findtext("source")))
    return out


def fill(ts: Path, table: dict[str, str]) -> int:
    tree = ET.parse(ts)
    n = 0
    for message in tree.getroot().iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        # Only untranslated messages: the same English in another context may rightly read differently.
        if source in table and translation is not None and translation.get("type") == "unfinished":
            translation.text = table[source]
            translation.attrib.pop("type", None)
            n += 1
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return n


def main(argv: list[str]) -> int:
    command = argv[0] if argv else "update"
    if command == "update":
        TS.parent.mkdir(parents=True, exist_ok=True)
        if not TS.exists():
            TS.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                          '<TS version="2.1" language="zh_CN"></TS>\n', encoding="utf-8")
        lupdate(TS)
        lrelease(TS, QM)
        missing = unfinished(TS)
        print(f"{TS.name}: {len(missing)} untranslated")
        return 0
    if command == "missing":
        missing = unfinished(TS)
        for context, source in missing:
            print(f"{context}\t{source}")
        return 1 if missing else 0
    if command == "fill":
        table = {}
        for line in Path(argv[1]).read_text(encoding="utf-8").splitlines():
            if "\t" in line:
                src, zh = line.split("\t", 1)
                table[src.replace("\\n", "\n")] = zh.replace("\\n", "\n")
        print(f"filled {fill(TS, table)}")
        lrelease(TS, QM)
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
