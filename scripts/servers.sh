# Throwaway database servers on loopback in a temporary directory, for scripts/test.sh and
# scripts/bench.sh (source this file; it defines functions and runs nothing).
#   tg_servers_init      makes $tmp and stops whatever was started when the script exits
#   tg_start_mariadb     MariaDB; exports TGADMIN_TEST_MYSQL_{HOST,PORT,USER,PASSWORD,SOCKET}
#   tg_start_postgres    PostgreSQL; exports TGADMIN_TEST_PG_{HOST,PORT,USER,PASSWORD}
#   tg_start_galera      three MariaDB Galera nodes; exports TGADMIN_TEST_GALERA_{HOST,PORTS,USER,PASSWORD,SOCKETS}

tg_servers_init() {
  tmp=$(mktemp -d /tmp/tgadmin-test.XXXXXX)
  chmod 755 "$tmp"
  mysql_pid='' pg_data='' pg_bin=''
  galera_pids=()
  trap tg_servers_cleanup EXIT
}

tg_servers_cleanup() {
  set +e
  tg_stop_galera
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

# --- A three-node MariaDB Galera cluster, loopback only, in $tmp/galera (RECIPES.md) ---
# Exports TGADMIN_TEST_GALERA_PORTS (the three SQL ports, comma-separated), ..._USER, ..._PASSWORD.
# Returns 1 (after saying why on stderr) when galera-4 is not installed or the cluster does not
# form within about 20 s; the caller decides whether that is fatal. Runs the nodes as `mysql`
# (rsync state transfer as root fails), so $tmp must be world-readable (tg_servers_init does that).
tg_start_galera() {
  local provider=/usr/lib/galera/libgalera_smm.so
  [ -f "$provider" ] || { echo "galera-4 is not installed ($provider missing): no Galera cluster" >&2; return 1; }
  command -v rsync >/dev/null || { echo "rsync is not installed: no Galera cluster" >&2; return 1; }
  local g="$tmp/galera" i port gport iport sport address='' user_opt=() run=()
  mkdir -p "$g"
  galera_password=$(openssl rand -hex 16)
  galera_pids=() galera_ports=()
  local gports=() iports=() sports=()
  for i in 1 2 3; do
    galera_ports+=("$(free_port)"); gports+=("$(free_port)"); iports+=("$(free_port)"); sports+=("$(free_port)")
  done
  for i in 0 1 2; do address+="${address:+,}127.0.0.1:${gports[$i]}"; done
  if [ "$(id -u)" -eq 0 ]; then user_opt=(--user=mysql); run=(runuser -u mysql --); fi
  for i in 1 2 3; do
    port=${galera_ports[$((i - 1))]} gport=${gports[$((i - 1))]} iport=${iports[$((i - 1))]} sport=${sports[$((i - 1))]}
    mkdir -p "$g/n$i/data"
    cat >"$g/n$i/my.cnf" <<CNF
[mysqld]
datadir=$g/n$i/data
socket=$g/n$i/sock
port=$port
pid-file=$g/n$i/pid
log-error=$g/n$i/err.log
bind-address=127.0.0.1
skip-name-resolve
innodb_buffer_pool_size=32M
innodb_log_file_size=16M
binlog_format=ROW
default_storage_engine=InnoDB
innodb_autoinc_lock_mode=2
wsrep_on=ON
wsrep_provider=$provider
wsrep_cluster_name=tgadmin_test
wsrep_cluster_address=gcomm://$address
wsrep_node_address=127.0.0.1
wsrep_node_name=node$i
wsrep_provider_options="gmcast.listen_addr=tcp://127.0.0.1:$gport;ist.recv_addr=127.0.0.1:$iport;gcache.size=32M"
wsrep_sst_receive_address=127.0.0.1:$sport
wsrep_sst_method=rsync
CNF
  done
  [ "$(id -u)" -ne 0 ] || chown -R mysql "$g"
  chmod -R a+rX "$g"
  "${run[@]}" mariadb-install-db --defaults-file="$g/n1/my.cnf" "${user_opt[@]}" --skip-test-db \
    --auth-root-authentication-method=normal >"$g/install.log" 2>&1 ||
    { echo "mariadb-install-db failed for the Galera cluster:" >&2; cat "$g/install.log" >&2; return 1; }
  # Node 1 bootstraps the cluster; once it is Synced, nodes 2 and 3 join together (node 1 donates
  # to one after the other). Every wait is bounded: the whole start gives up after 30 s.
  local deadline=$((SECONDS + 30))
  tg_galera_node() {
    mariadbd --defaults-file="$g/n$1/my.cnf" "${user_opt[@]}" "${@:2}" >"$g/n$1/stderr.log" 2>&1 &
    galera_pids+=($!)
  }
  tg_galera_synced() {
    [ "$(mariadb --no-defaults --socket="$g/n$1/sock" -uroot -N -e \
      "SHOW STATUS LIKE 'wsrep_local_state_comment'" 2>/dev/null | cut -f2)" = Synced ]
  }
  tg_galera_wait() {
    local n
    for n in "$@"; do
      until tg_galera_synced "$n"; do
        if [ $SECONDS -ge $deadline ] || ! kill -0 "${galera_pids[$((n - 1))]}" 2>/dev/null; then
          echo "Galera node $n did not reach Synced in time:" >&2
          tail -n 20 "$g/n$n/err.log" "$g/n$n/stderr.log" >&2
          tg_stop_galera; return 1
        fi
        sleep 0.2
      done
    done
  }
  tg_galera_node 1 --wsrep-new-cluster
  tg_galera_wait 1 || return 1
  tg_galera_node 2
  tg_galera_node 3
  tg_galera_wait 2 3 || return 1
  mariadb --no-defaults --socket="$g/n1/sock" -uroot <<SQL
CREATE USER 'tgtest'@'127.0.0.1' IDENTIFIED BY '$galera_password';
GRANT ALL PRIVILEGES ON *.* TO 'tgtest'@'127.0.0.1' WITH GRANT OPTION;
SQL
  export TGADMIN_TEST_GALERA_HOST=127.0.0.1 TGADMIN_TEST_GALERA_USER=tgtest TGADMIN_TEST_GALERA_PASSWORD=$galera_password
  TGADMIN_TEST_GALERA_PORTS=$(IFS=,; echo "${galera_ports[*]}")
  TGADMIN_TEST_GALERA_SOCKETS="$g/n1/sock,$g/n2/sock,$g/n3/sock"
  export TGADMIN_TEST_GALERA_PORTS TGADMIN_TEST_GALERA_SOCKETS
}

# Stops the cluster's nodes in reverse order (tg_servers_cleanup calls it).
tg_stop_galera() {
  local k
  for ((k = ${#galera_pids[@]} - 1; k >= 0; k--)); do
    kill -TERM "${galera_pids[$k]}" 2>/dev/null
    wait "${galera_pids[$k]}" 2>/dev/null
  done
  galera_pids=()
}
