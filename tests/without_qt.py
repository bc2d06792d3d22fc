"""Run tests with PySide6 made unimportable: the core (models/, cli/) must work, and be tested, without Qt.

    python tests/without_qt.py [PYTEST ARGS]      (scripts/test.sh runs it on tests/models)

pytest-qt is switched off for the run; any import of PySide6, shiboken6 or pytestqt fails at once, so a
model that reached for Qt, even inside a function, fails its tests here.
"""

from __future__ import annotations

import importlib.abc
import sys

BLOCKED = ("PySide6", "shiboken6", "pytestqt")


class _NoQt(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ImportError(f"{name} is not importable in this run: the core must work without Qt")
        return None


def main(argv: list[str]) -> int:
    sys.meta_path.insert(0, _NoQt())
    import pytest

    # pytest.ini's qt_* options belong to pytest-qt, which is off here: not a configuration error.
    return pytest.main(["-p", "no:pytest-qt", "-W", "ignore::pytest.PytestConfigWarning", *argv])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:] or ["-q", "tests/models"]))
