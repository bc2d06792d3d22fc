#!/usr/bin/env bash
# Run the whole test suite (creates .venv, installs requirements and the system packages Qt needs).
set -euo pipefail
REQUIREMENTS=requirements-dev.txt
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
"$VENV/bin/python" -m pytest "$@"
# Then the installed app: PyInstaller build and the frozen app's smoke runs (scripts/build.py, about 2 minutes).
# CHANGNING_SKIP_BUILD=1 skips it for quick local runs; never skipped in CI (CI=true).
if [ "${CHANGNING_SKIP_BUILD:-}" = 1 ] && [ "${CI:-}" != true ]; then
    echo "CHANGNING_SKIP_BUILD=1: frozen build and smoke test skipped"
else
    "$VENV/bin/python" scripts/build.py
fi
