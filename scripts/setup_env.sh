#!/usr/bin/env bash
# Create or reuse the virtual environment .venv at the repository root and install pinned requirements.
# Sourced by scripts/run.sh and scripts/test.sh; REQUIREMENTS names the file to install.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "Python 3.11 or newer is needed (found: $("$PYTHON" --version 2>&1))." >&2
    exit 1
fi

# System libraries the Qt wheels load (and poppler-utils, which the report tests use).
SYSTEM_PACKAGES="libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libdbus-1-3 libglib2.0-0
libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0
libxcb-image0 poppler-utils binutils"
if command -v dpkg-query >/dev/null 2>&1; then
    missing=""
    for pkg in $SYSTEM_PACKAGES; do
        dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
    done
    if [ -n "$missing" ]; then
        if [ "$(id -u)" = 0 ]; then
            echo "Installing system packages:$missing"
            export DEBIAN_FRONTEND=noninteractive
            apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing >/dev/null
        else
            echo "Please install these system packages first (as root):" >&2
            echo "    sudo apt-get install$missing" >&2
            exit 1
        fi
    fi
fi

VENV="$ROOT/.venv"
[ -x "$VENV/bin/python" ] || "$PYTHON" -m venv "$VENV"
STAMP="$VENV/.installed-$(cat "$ROOT/requirements.txt" "$ROOT/$REQUIREMENTS" | sha256sum | cut -c1-16)"
if [ ! -e "$STAMP" ]; then
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check -r "$ROOT/$REQUIREMENTS"
    rm -f "$VENV"/.installed-*
    touch "$STAMP"
fi
