#!/usr/bin/env bash
# Install the system libraries Qt's offscreen platform and the tests need, if missing
# (Debian/Ubuntu; does nothing where they are present or apt-get is unavailable).
set -uo pipefail
need=()
for pkg in libegl1 libgl1 libxkbcommon0 libfontconfig1 libdbus-1-3 fonts-dejavu-core \
  desktop-file-utils appstream; do
  dpkg -s "$pkg" >/dev/null 2>&1 || need+=("$pkg")
done
[ "${#need[@]}" -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "missing system packages (${need[*]}) and no apt-get to install them" >&2
  exit 0
fi
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
$SUDO apt-get update -qq && $SUDO apt-get install -y -qq "${need[@]}"
