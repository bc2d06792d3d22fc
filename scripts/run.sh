#!/usr/bin/env bash
# Start the application (creates .venv and installs requirements on first use).
set -euo pipefail
REQUIREMENTS=requirements.txt
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
exec "$VENV/bin/python" "$ROOT/main.py" "$@"
