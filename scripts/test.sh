#!/usr/bin/env bash
# Run the whole test suite (creates .venv, installs requirements and the system packages Qt needs).
#   1. ruff (pyproject.toml) over the tree;
#   2. the core's tests (tests/models) with PySide6 made unimportable: models/ must work without Qt;
#   3. the whole pytest suite (arguments, if any, go to this run alone, and steps 2 and 4 are left out);
#   4. the installed app: PyInstaller build and the frozen app's smoke runs (scripts/build.py, ~2 minutes).
set -euo pipefail
REQUIREMENTS=requirements-dev.txt
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
"$VENV/bin/ruff" check .
if [ $# -eq 0 ]; then
    echo "The core's tests without Qt:"
    "$VENV/bin/python" tests/without_qt.py -q tests/models
fi
"$VENV/bin/python" -m pytest "$@"
# CHANGNING_SKIP_BUILD=1 skips the build for quick local runs; never skipped in CI (CI=true).
if [ $# -gt 0 ]; then
    echo "arguments given: frozen build and smoke test skipped"
elif [ "${CHANGNING_SKIP_BUILD:-}" = 1 ] && [ "${CI:-}" != true ]; then
    echo "CHANGNING_SKIP_BUILD=1: frozen build and smoke test skipped"
else
    "$VENV/bin/python" scripts/build.py
fi
