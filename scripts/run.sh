#!/usr/bin/env bash
# Command 1: installs what is missing, builds, and opens the console. With no saved connection it
# opens the embedded SQLite demo database (created and seeded in your data directory on first start).
# Arguments are passed on, e.g. scripts/run.sh --db mysql://user@host:3306/app
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/deps.sh" run
build=${TGADMIN_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DTGADMIN_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target trongate-admin
if [ -z "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && [ "${QT_QPA_PLATFORM:-}" != offscreen ] \
   && ! printf '%s\n' "$@" | grep -qx -- '--screenshot'; then
  echo "No display found (DISPLAY and WAYLAND_DISPLAY are empty). Run this from a desktop session," >&2
  echo "or render the window to a file: scripts/run.sh --screenshot overview.png" >&2
  exit 1
fi
exec "$build/trongate-admin" "$@"
