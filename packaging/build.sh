#!/usr/bin/env bash
# Build the one-folder app with PyInstaller: dist/comparer/comparer (comparer.exe on Windows).
#
# Run from anywhere, in a virtual environment where Comparer is installed
# (`pip install .`) together with PyInstaller (`pip install pyinstaller`).
# Then check it with packaging/check_bundle.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
python -c "import comparer, PyInstaller" 2>/dev/null || {
    echo "build.sh: install Comparer and PyInstaller first: pip install . pyinstaller" >&2
    exit 2
}
# PyInstaller copies the libraries Qt's X11 plugin links against from this system: they
# must be here, or the app would need them installed wherever it runs.
if [ "$(uname -s)" = "Linux" ]; then
    missing=$(python -m comparer.ui.display_check)
    if [ -n "$missing" ]; then
        echo "build.sh: the app's window needs libraries this system lacks; install them first: sudo apt-get install $missing" >&2
        exit 2
    fi
fi
start=$(date +%s)
python -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/pyinstaller packaging/comparer.spec
echo "built dist/comparer in $(( $(date +%s) - start )) s ($(du -sh dist/comparer | cut -f1))"
