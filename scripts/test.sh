#!/usr/bin/env bash
# Set up a virtual environment with Comparer and its test tools, then run every test.
# Extra arguments go to pytest (e.g. scripts/test.sh -m "not gui").
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e '.[test]'
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
exec .venv/bin/python -m pytest "$@"
