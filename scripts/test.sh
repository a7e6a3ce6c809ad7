#!/usr/bin/env bash
# Command 2: runs the whole test suite on a fresh Debian 12 machine.
# Installs what is missing, configures and builds, then starts the real parts the tests need:
# a MariaDB server and a PostgreSQL server on loopback in a temporary directory, a D-Bus session
# with gnome-keyring (for QtKeychain), and the offscreen Qt platform. Ends with ctest's summary.
#   TGADMIN_BUILD_DIR   build directory (default: build)
#   TGADMIN_CMAKE_ARGS  extra configure arguments, e.g. -DTGADMIN_SANITIZE=ON
#   CTEST_ARGS          extra ctest arguments, e.g. "-R TestSchema"
#   TGADMIN_SKIP_SANITIZE=1     skip the second pass: after a green run, the fast tests of tests/db and
#                               tests/app are built again with ASan + UBSan + LSan (-DTGADMIN_SANITIZE=ON)
#                               in $TGADMIN_BUILD_DIR-sanitize and run there
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
# An sshd on loopback and a MariaDB reachable only through it (tests/db/TestSsh).
tg_start_sshd || { echo "The SSH test server did not start." >&2; exit 1; }
export TGADMIN_REQUIRE_SERVERS=1

# --- A private home, a D-Bus session and an unlocked gnome-keyring for QtKeychain ---
export HOME=$tmp/home XDG_RUNTIME_DIR=$tmp/home/run XDG_CONFIG_HOME=$tmp/home/.config XDG_DATA_HOME=$tmp/home/.local/share
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
unset DISPLAY WAYLAND_DISPLAY
export QT_QPA_PLATFORM=offscreen
set +e
log=$tmp/ctest.log
# shellcheck disable=SC2016
run_ctest() { # build dir, ctest arguments...
  dbus-run-session -- bash -c '
    eval "$(printf tgadmin | gnome-keyring-daemon --unlock --components=secrets 2>/dev/null)"
    export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
    cd "$1" && shift && exec ctest --output-on-failure -j "$(nproc)" "$@"' _ "$@" 2>&1 | tee -a "$log"
  return "${PIPESTATUS[0]}"
}
# shellcheck disable=SC2086
run_ctest "$build" ${CTEST_ARGS:-}
status=$?

# --- Second pass under the sanitizers: the fast tests of tests/db and tests/app -------------------
# The slow ones (the concurrency stress, the demo seeding at scale, the package and translation
# checks, the benchmarks) stay out so the whole script stays well under 30 minutes on 2 cores.
if [ "$status" -eq 0 ] && [ "${TGADMIN_SKIP_SANITIZE:-0}" != 1 ]; then
  asan_build=${TGADMIN_SANITIZE_BUILD_DIR:-$build-sanitize}
  # The code that parses what others send (the TLS relay, hostile names and tokens, the command
  # line's input) and the token service; built without optimisation, which compiles much faster.
  asan_tests=(TestTls TestConnector TestHostileInput TestTokenService TestAuditLog TestCliTokens
              TestProcessHardening TestSecrets TestRowCache)
  regex="^($(IFS='|'; echo "${asan_tests[*]}"))\$"
  echo "== Sanitizer pass (ASan + UBSan + LSan) in $asan_build =="
  # shellcheck disable=SC2086
  if cmake -S "$root" -B "$asan_build" -DTGADMIN_BUILD_TESTS=ON -DTGADMIN_SANITIZE=ON \
       -DCMAKE_BUILD_TYPE=Debug ${TGADMIN_CMAKE_ARGS:-} >/dev/null \
     && cmake --build "$asan_build" -j "$(nproc)" --target trongate-admin "${asan_tests[@]}"; then
    run_ctest "$asan_build" -R "$regex"
    status=$?
  else
    echo "The sanitizer build failed." | tee -a "$log"
    status=1
    sanitize_build_failed=1
  fi
fi

# A failure that was the server's: its own log says so (the temporary directory goes at exit).
if [ "$status" -ne 0 ]; then
  for err in "$tmp"/mysql/err.log "$tmp"/*/n*/err.log; do
    [ -s "$err" ] || continue
    echo "== The last lines of $err =="
    tail -n 30 "$err"
  done
fi

# One summary of both passes, in ctest's words, as the last line.
passed=0 total=0
while read -r failed_here total_here; do
  total=$((total + total_here))
  passed=$((passed + total_here - failed_here))
done < <(sed -n 's/^[0-9]*% tests passed, \([0-9]*\) tests\? failed out of \([0-9]*\).*/\1 \2/p' "$log")
if [ "${sanitize_build_failed:-0}" = 1 ]; then total=$((total + 1)); fi
failed=$((total - passed))
if [ "$total" -gt 0 ]; then percent=$((passed * 100 / total)); else percent=0; fi
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1 total=$((total + 1)) percent=$((passed * 100 / total)); fi
echo
echo "$percent% tests passed, $failed tests failed out of $total"
exit $status
