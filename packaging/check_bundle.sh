#!/usr/bin/env bash
# Check a built one-folder app: it starts, prints its version, compares the bundled sample
# articles headless (text, HTML and PDF), and paints its window offscreen to a PNG.
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
