#!/usr/bin/env bash
# Installs the Debian 12 packages the build, the demo and the test suite need, only those missing.
# Usage: scripts/deps.sh [run|test|fuzz]   (test adds the MariaDB server, Galera, keyring and Xvfb bits;
#        fuzz adds clang and libFuzzer for the optional tests/fuzz targets, never needed otherwise)
set -euo pipefail
what=${1:-run}
pkgs=(cmake g++ make pkg-config
      qt6-base-dev qt6-base-dev-tools libqt6sql6-mysql libqt6sql6-sqlite libqt6sql6-psql
      qtkeychain-qt6-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools linguist-qt6
      qt6-svg-dev qt6-charts-dev libssl-dev libsqlite3-dev libssh-dev libgl1-mesa-dev libxkbcommon-dev
      qt6-qpa-plugins qt6-translations-l10n fonts-dejavu-core)
if [ "$what" = test ]; then
  # openssl: TestTls makes its CA and certificates at test time.
  pkgs+=(mariadb-server mariadb-client xvfb xauth gnome-keyring dbus dbus-x11 libsecret-tools openssl dpkg-dev file
         postgresql galera-4 rsync openssh-server openssh-client)
fi
if [ "$what" = fuzz ]; then
  pkgs+=(clang libclang-rt-14-dev)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "Installing missing packages: ${missing[*]}" >&2
SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
