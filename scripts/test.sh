#!/usr/bin/env bash
# Run the whole test suite (creates .venv, installs requirements and the system packages Qt needs).
set -euo pipefail
REQUIREMENTS=requirements-dev.txt
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
exec "$VENV/bin/python" -m pytest "$@"
