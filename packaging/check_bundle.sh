#!/usr/bin/env bash
# Check a built one-folder app: it starts, prints its version, compares the bundled sample
# articles headless (text, HTML and PDF), and paints its window offscreen to a PNG. On
# Linux it also checks that the app carries the X11 libraries Qt's window needs, and,
# where Xvfb is installed, opens the window on a real X server.
#
#   packaging/check_bundle.sh [dist/comparer]
#
# Exits non-zero on the first failure. Needs no display (uses QT_QPA_PLATFORM=offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
app_dir=${1:-dist/comparer}
exe="$app_dir/comparer"
[[ -x "$exe" ]] || exe="$app_dir/comparer.exe"
[[ -x "$exe" ]] || { echo "check_bundle: no app in $app_dir (run packaging/build.sh)" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
export QT_QPA_PLATFORM=offscreen

fail() { echo "check_bundle: FAILED: $*" >&2; exit 1; }
version=$(python - <<'PY'
import tomllib
with open("pyproject.toml", "rb") as fh:
    print(tomllib.load(fh)["project"]["version"])
PY
)

# 1. --version prints the version from the bundled metadata (not the 0.0.0 fallback).
got=$("$exe" --version) || fail "--version exited with $?"
[[ "$got" == "comparer $version" ]] || fail "--version printed '$got', expected 'comparer $version'"
echo "ok: $got"

# 2. The bundled sample articles are inside the app; compare two of them in every format.
samples=("$app_dir"/_internal/comparer/resources/sample/*)
[[ ${#samples[@]} -ge 2 && -f "${samples[0]}" ]] || fail "no sample articles in the bundle"
for fmt in text json html pdf; do
    status=0
    "$exe" compare "${samples[0]}" "${samples[1]}" --format "$fmt" -o "$out/report.$fmt" \
        || status=$?
    [[ $status -eq 1 ]] || fail "compare --format $fmt exited with $status (expected 1: differ)"
    [[ -s "$out/report.$fmt" ]] || fail "compare --format $fmt wrote nothing"
done
head -c 5 "$out/report.pdf" | grep -q '%PDF-' || fail "the PDF report is not a PDF"
grep -q 'Content-Security-Policy' "$out/report.html" || fail "the HTML report lacks its policy"
echo "ok: compare writes text, json, html and pdf"

# 3. The window paints offscreen and saves a screenshot.
status=0
"$exe" --sample --screenshot "$out/window.png" --size 1200x800 >"$out/window.log" 2>&1 \
    || status=$?
if [[ $status -ne 0 || ! -s "$out/window.png" ]]; then
    tail -n 20 "$out/window.log" >&2
    fail "--screenshot exited with $status and wrote no PNG"
fi
head -c 8 "$out/window.png" | od -An -c | grep -q 'P   N   G' || fail "the screenshot is not a PNG"
echo "ok: --screenshot saved a PNG"

# 4. Linux: the libraries Qt's X11 plugin needs travel with the app, and the window opens
# on a real X server (Xvfb) through that plugin.
if [[ "$(uname -s)" == "Linux" ]]; then
    libs=$(PYTHONPATH=src python -c 'from comparer.ui.display_check import SYSTEM_ONLY, XCB_LIBRARIES
print(" ".join(n for n in XCB_LIBRARIES if n not in SYSTEM_ONLY))')
    for lib in $libs; do
        [[ -e "$app_dir/_internal/$lib" ]] || fail "the app lacks $lib (its window would not open where it is missing)"
    done
    echo "ok: the app carries the X11 libraries its window needs"
    if command -v xvfb-run >/dev/null 2>&1; then
        status=0
        xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb \
            "$exe" --sample --screenshot "$out/x11.png" --size 1280x720 >"$out/x11.log" 2>&1 \
            || status=$?
        if [[ $status -ne 0 || ! -s "$out/x11.png" ]]; then
            tail -n 20 "$out/x11.log" >&2
            fail "the window did not open on X11 (Xvfb): exit $status"
        fi
        echo "ok: the window opens on X11 (Xvfb)"
    fi
fi
