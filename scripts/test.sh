#!/usr/bin/env bash
# Command 2: runs the whole test suite on a fresh Debian 12 machine.
# Installs what is missing, configures and builds, then starts the real parts the tests need:
# a MariaDB server and a PostgreSQL server on loopback in a temporary directory, a D-Bus session
# with gnome-keyring (for QtKeychain), and the offscreen Qt platform. Ends with ctest's summary.
#   TGADMIN_BUILD_DIR   build directory (default: build)
#   TGADMIN_CMAKE_ARGS  extra configure arguments, e.g. -DTGADMIN_SANITIZE=ON
#   CTEST_ARGS          extra ctest arguments, e.g. "-R TestSchema"
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/scripts/deps.sh" test

build=${TGADMIN_BUILD_DIR:-$root/build}
# shellcheck disable=SC2086
cmake -S "$root" -B "$build" -DTGADMIN_BUILD_TESTS=ON ${TGADMIN_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j "$(nproc)"

# shellcheck source=servers.sh
source "$root/scripts/servers.sh"
tg_servers_init
tg_start_mariadb
tg_start_postgres
# Three Galera nodes (about 15-20 s). Without galera-4 the Galera tests skip and say so, unless
# TGADMIN_REQUIRE_SERVERS was set by the caller; a cluster that will not form is a failure.
if [ -f /usr/lib/galera/libgalera_smm.so ] || [ "${TGADMIN_REQUIRE_SERVERS:-}" = 1 ]; then
  tg_start_galera || { echo "The Galera cluster did not start." >&2; exit 1; }
else
  echo "galera-4 is not installed: the Galera tests will be skipped." >&2
  export TGADMIN_TEST_GALERA_MISSING=1
fi
export TGADMIN_REQUIRE_SERVERS=1

# --- A private home, a D-Bus session and an unlocked gnome-keyring for QtKeychain ---
export HOME=$tmp/home XDG_RUNTIME_DIR=$tmp/home/run XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
export QT_QPA_PLATFORM=offscreen
set +e
# shellcheck disable=SC2016
dbus-run-session -- bash -c '
  eval "$(printf tgadmin | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
  export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
  cd "$1" && shift && exec ctest --output-on-failure -j "$(nproc)" "$@"' _ "$build" ${CTEST_ARGS:-}
status=$?
exit $status
