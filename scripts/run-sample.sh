#!/usr/bin/env bash
# Set up a virtual environment with Comparer, then open it on the bundled sample articles.
# On Linux, the system libraries Qt's window needs are installed first where they are
# missing (with sudo); where that cannot be done, one line says which and how.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e .
if [ -z "${QT_QPA_PLATFORM:-}" ] || [ "${QT_QPA_PLATFORM%%:*}" = "xcb" ]; then
  scripts/ensure-system-deps.sh --window || exit 1
fi
exec .venv/bin/comparer --sample "$@"
