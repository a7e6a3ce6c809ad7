# Throwaway database servers on loopback in a temporary directory, for scripts/test.sh and
# scripts/bench.sh (source this file; it defines functions and runs nothing).
#   tg_servers_init      makes $tmp and stops whatever was started when the script exits
#   tg_start_mariadb     MariaDB; exports TGADMIN_TEST_MYSQL_{HOST,PORT,USER,PASSWORD,SOCKET}
#   tg_start_postgres    PostgreSQL; exports TGADMIN_TEST_PG_{HOST,PORT,USER,PASSWORD}

tg_servers_init() {
  tmp=$(mktemp -d /tmp/tgadmin-test.XXXXXX)
  chmod 755 "$tmp"
  mysql_pid='' pg_data='' pg_bin=''
  trap tg_servers_cleanup EXIT
}

tg_servers_cleanup() {
  set +e
  if [ -n "$mysql_pid" ]; then kill -TERM "$mysql_pid" 2>/dev/null; wait "$mysql_pid" 2>/dev/null; fi
  if [ -n "$pg_data" ]; then as_pg "$pg_bin/pg_ctl" -D "$pg_data" -m immediate stop >/dev/null 2>&1; fi
  rm -rf "$tmp"
}

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local p
  while :; do
    p=$((20000 + RANDOM % 40000))
    port_in_use "$p" || { echo "$p"; return; }
  done
}
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

# --- MariaDB, loopback only, in $tmp/mysql ---
tg_start_mariadb() {
  mkdir -p "$tmp/mysql"
  mysql_password=$(openssl rand -hex 16)
  mariadb-install-db --no-defaults --datadir="$tmp/mysql/data" --skip-test-db \
    --auth-root-authentication-method=normal >"$tmp/mysql/install.log" 2>&1
  # shellcheck disable=SC2034 # five attempts, each on another free port
  for attempt in 1 2 3 4 5; do
    mysql_port=$(free_port)
    mariadbd --no-defaults --datadir="$tmp/mysql/data" --socket="$tmp/mysql/sock" --port="$mysql_port" \
      --bind-address=127.0.0.1 --pid-file="$tmp/mysql/pid" --log-error="$tmp/mysql/err.log" \
      --skip-name-resolve --user="$(id -un)" &
    mysql_pid=$!
    for _ in $(seq 100); do
      mariadb-admin --no-defaults --socket="$tmp/mysql/sock" -uroot ping >/dev/null 2>&1 && break
      kill -0 "$mysql_pid" 2>/dev/null || break
      sleep 0.1
    done
    mariadb-admin --no-defaults --socket="$tmp/mysql/sock" -uroot ping >/dev/null 2>&1 && break
    mysql_pid=
  done
  [ -n "$mysql_pid" ] || { echo "MariaDB did not start:" >&2; cat "$tmp/mysql/err.log" >&2; exit 1; }
  mariadb --no-defaults --socket="$tmp/mysql/sock" -uroot <<SQL
CREATE USER 'tgtest'@'127.0.0.1' IDENTIFIED BY '$mysql_password';
GRANT ALL PRIVILEGES ON *.* TO 'tgtest'@'127.0.0.1' WITH GRANT OPTION;
SQL
  export TGADMIN_TEST_MYSQL_HOST=127.0.0.1 TGADMIN_TEST_MYSQL_PORT=$mysql_port TGADMIN_TEST_MYSQL_USER=tgtest
  export TGADMIN_TEST_MYSQL_PASSWORD=$mysql_password TGADMIN_TEST_MYSQL_SOCKET=$tmp/mysql/sock
}

# --- PostgreSQL, loopback only, in $tmp/pg (initdb refuses to run as root) ---
tg_start_postgres() {
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  mkdir -p "$tmp/pg"
  pg_password=$(openssl rand -hex 16)
  printf '%s\n' "$pg_password" >"$tmp/pg/pwfile"
  [ "$(id -u)" -ne 0 ] || chown -R postgres "$tmp/pg"
  as_pg "$pg_bin/initdb" -D "$tmp/pg/data" -U tgtest --pwfile="$tmp/pg/pwfile" -A scram-sha-256 >"$tmp/pg/initdb.log" 2>&1
  rm -f "$tmp/pg/pwfile"
  pg_port=$(free_port)
  as_pg "$pg_bin/pg_ctl" -D "$tmp/pg/data" -l "$tmp/pg/server.log" -w \
    -o "-k $tmp/pg -h 127.0.0.1 -p $pg_port -c fsync=off" start >/dev/null
  pg_data=$tmp/pg/data
  export TGADMIN_TEST_PG_HOST=127.0.0.1 TGADMIN_TEST_PG_PORT=$pg_port TGADMIN_TEST_PG_USER=tgtest
  export TGADMIN_TEST_PG_PASSWORD=$pg_password
}
