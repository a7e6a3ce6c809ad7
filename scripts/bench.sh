#!/usr/bin/env bash
# Builds the benchmarks, starts a throwaway MariaDB server exactly as scripts/test.sh does, runs
# them and prints one JSON object per line on stdout (build output goes to stderr). Arguments go to
# tgadmin_bench, e.g. `scripts/bench.sh --suite scale`; tests/bench/README.md explains every line.
#   TGADMIN_BUILD_DIR   build directory (default: build)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/deps.sh" test
# valgrind counts the live view's instructions per tick (the callgrind lines); only the benchmarks need it.
if ! command -v valgrind >/dev/null; then
  SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends valgrind >/dev/null 2>&1 ||
    echo "valgrind could not be installed; the callgrind lines will say skipped" >&2
fi

build=${TGADMIN_BUILD_DIR:-$root/build}
cmake -S "$root" -B "$build" -DTGADMIN_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j "$(nproc)" --target tgadmin_bench trongate-admin >&2

# shellcheck source=servers.sh
source "$root/scripts/servers.sh"
tg_servers_init
tg_start_mariadb

# The benchmark's commands write their activity log into a private home, not the user's.
export HOME=$tmp/home XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
mkdir -p "$HOME"
unset DBUS_SESSION_BUS_ADDRESS DISPLAY WAYLAND_DISPLAY
# valgrind is optional: without it the callgrind line says "skipped".
"$build/tests/bench/tgadmin_bench" "$@"
