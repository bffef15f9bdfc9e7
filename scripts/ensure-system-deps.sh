#!/usr/bin/env bash
# Install system libraries Comparer needs, if missing (Debian/Ubuntu).
#   scripts/ensure-system-deps.sh            what Qt's offscreen platform and the tests need;
#                                            does nothing where apt-get is unavailable
#   scripts/ensure-system-deps.sh --window   what the window needs on an X11 desktop (asks
#                                            the installed app which libraries are missing);
#                                            stops with one line naming them if it cannot
#                                            install them
#   scripts/ensure-system-deps.sh PKG …      these packages (for CI steps: xvfb, …)
set -uo pipefail
cd "$(dirname "$0")/.."
required=0
need=()
if [ "${1:-}" = "--window" ]; then
  required=1
  [ "$(uname -s)" = "Linux" ] || exit 0
  # The check imports nothing but the standard library: it runs from the source tree.
  read -r -a need <<<"$(PYTHONPATH=src python3 -m comparer.ui.display_check)"
  [ "${#need[@]}" -eq 0 ] && exit 0
else
  wanted=("$@")
  [ "${#wanted[@]}" -eq 0 ] && wanted=(libegl1 libgl1 libxkbcommon0 libfontconfig1 \
    libdbus-1-3 fonts-dejavu-core desktop-file-utils appstream)
  for pkg in "${wanted[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
  done
  [ "${#need[@]}" -eq 0 ] && exit 0
fi

give_up() {
  if [ "$required" -eq 1 ]; then
    echo "Comparer's window needs system packages that are missing: ${need[*]}; install them with: sudo apt-get install ${need[*]}" >&2
    exit 1
  fi
  echo "missing system packages (${need[*]}): $1" >&2
  exit 0
}

command -v apt-get >/dev/null 2>&1 || give_up "no apt-get to install them"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || give_up "not root and no sudo"
  SUDO="sudo"
  echo "Installing system packages Comparer needs: ${need[*]} (sudo may ask for your password)"
fi
# apt-get update only when the package lists lack one of them (a fresh container has none).
if ! apt-cache show "${need[@]}" >/dev/null 2>&1; then
  $SUDO apt-get update -qq || give_up "apt-get update failed"
fi
$SUDO apt-get install -y -qq "${need[@]}" >/dev/null || give_up "apt-get install failed"
