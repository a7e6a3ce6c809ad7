# Throwaway database servers on loopback in a temporary directory, for scripts/test.sh and
# scripts/bench.sh (source this file; it defines functions and runs nothing).
#   tg_servers_init      makes $tmp and stops whatever was started when the script exits
#   tg_start_mariadb     MariaDB; exports TGADMIN_TEST_MYSQL_{HOST,PORT,USER,PASSWORD,SOCKET}
#   tg_start_postgres    PostgreSQL; exports TGADMIN_TEST_PG_{HOST,PORT,USER,PASSWORD}
#   tg_start_galera      three MariaDB Galera nodes; exports TGADMIN_TEST_GALERA_{HOST,PORTS,USER,PASSWORD,SOCKETS}
#   tg_start_sshd        an sshd on loopback and a MariaDB reachable only through it (socket, no TCP);
#                        exports TGADMIN_TEST_SSH_* (see the function)

tg_servers_init() {
  tmp=$(mktemp -d /tmp/tgadmin-test.XXXXXX)
  chmod 755 "$tmp"
  mysql_pid='' pg_data='' pg_bin='' sshdb_pid='' sshd_pidfile=''
  galera_pids=()
  trap tg_servers_cleanup EXIT
}

tg_servers_cleanup() {
  set +e
  tg_stop_galera
  tg_stop_sshd
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
  # Node 1 bootstraps the cluster; once it is Synced, nodes 2 and 3 join, one after the other.
  # Every wait is bounded: the whole start gives up after 90 s.
  local deadline=$((SECONDS + 90))
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
  # One joiner at a time: two asking node 1 for their state together made the second give up
  # now and then ("Will never receive state. Need to abort"; CI failed on it once).
  tg_galera_node 2
  tg_galera_wait 2 || return 1
  tg_galera_node 3
  tg_galera_wait 3 || return 1
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

# --- sshd on loopback, and a MariaDB that listens only on its socket (RECIPES.md) ---
# The tests reach the database through SSH channels only. Exports:
#   TGADMIN_TEST_SSH_{HOST,PORT,USER}    where sshd listens, and the account to log in as
#   TGADMIN_TEST_SSH_KEY                 a private key with no passphrase (authorized)
#   TGADMIN_TEST_SSH_KEY_PASSPHRASED     an authorized key protected by TGADMIN_TEST_SSH_PASSPHRASE
#   TGADMIN_TEST_SSH_KEY_UNAUTHORIZED    a key sshd does not accept
#   TGADMIN_TEST_SSH_HOSTKEY_PUB         the server's host key (public half)
#   TGADMIN_TEST_SSH_{SSHD,CONFIG,PIDFILE,LOG}  to stop and start the same sshd again in a test
#   TGADMIN_TEST_SSH_DB_{SOCKET,USER,PASSWORD,NAME}  the socket-only MariaDB (as seen on the SSH host)
tg_start_sshd() {
  local d="$tmp/ssh" sshd=/usr/sbin/sshd
  [ -x "$sshd" ] || { echo "openssh-server is not installed ($sshd missing): no SSH tests" >&2; return 1; }
  mkdir -p "$d" && chmod 700 "$d"
  ssh-keygen -q -t ed25519 -N '' -C tgadmin-test-host -f "$d/host_key"
  ssh-keygen -q -t ed25519 -N '' -C tgadmin-test-client -f "$d/client_key"
  ssh_passphrase=$(openssl rand -hex 12)
  ssh-keygen -q -t ed25519 -N "$ssh_passphrase" -C tgadmin-test-client2 -f "$d/client_key_pass"
  ssh-keygen -q -t ed25519 -N '' -C tgadmin-test-stranger -f "$d/stranger_key"
  cat "$d/client_key.pub" "$d/client_key_pass.pub" >"$d/authorized_keys"
  mkdir -p /run/sshd 2>/dev/null || true
  sshd_port=$(free_port)
  cat >"$d/sshd_config" <<CFG
Port $sshd_port
ListenAddress 127.0.0.1
HostKey $d/host_key
PidFile $d/sshd.pid
AuthorizedKeysFile $d/authorized_keys
UsePAM no
StrictModes no
PubkeyAuthentication yes
PasswordAuthentication yes
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AllowTcpForwarding yes
AllowStreamLocalForwarding yes
PermitTTY no
X11Forwarding no
CFG
  "$sshd" -f "$d/sshd_config" -E "$d/sshd.log" ||
    { echo "sshd did not start:" >&2; cat "$d/sshd.log" >&2; return 1; }
  sshd_pidfile=$d/sshd.pid
  for _ in $(seq 50); do port_in_use "$sshd_port" && break; sleep 0.1; done

  # MariaDB with no TCP listener at all: only the socket, which only the SSH host can reach.
  local m="$tmp/sshdb"
  mkdir -p "$m"
  sshdb_password=$(openssl rand -hex 16)
  mariadb-install-db --no-defaults --datadir="$m/data" --skip-test-db \
    --auth-root-authentication-method=normal >"$m/install.log" 2>&1
  mariadbd --no-defaults --datadir="$m/data" --socket="$m/sock" --skip-networking --pid-file="$m/pid" \
    --log-error="$m/err.log" --skip-name-resolve --innodb-buffer-pool-size=16M --user="$(id -un)" &
  sshdb_pid=$!
  for _ in $(seq 100); do
    mariadb-admin --no-defaults --socket="$m/sock" -uroot ping >/dev/null 2>&1 && break
    sleep 0.1
  done
  mariadb --no-defaults --socket="$m/sock" -uroot <<SQL || { cat "$m/err.log" >&2; return 1; }
CREATE DATABASE tgssh;
CREATE USER 'tgtest'@'localhost' IDENTIFIED BY '$sshdb_password';
GRANT ALL PRIVILEGES ON tgssh.* TO 'tgtest'@'localhost';
SQL
  export TGADMIN_TEST_SSH_HOST=127.0.0.1 TGADMIN_TEST_SSH_PORT=$sshd_port TGADMIN_TEST_SSH_USER=$(id -un)
  export TGADMIN_TEST_SSH_KEY=$d/client_key TGADMIN_TEST_SSH_KEY_PASSPHRASED=$d/client_key_pass
  export TGADMIN_TEST_SSH_PASSPHRASE=$ssh_passphrase TGADMIN_TEST_SSH_KEY_UNAUTHORIZED=$d/stranger_key
  export TGADMIN_TEST_SSH_HOSTKEY_PUB=$d/host_key.pub TGADMIN_TEST_SSH_SSHD=$sshd
  export TGADMIN_TEST_SSH_CONFIG=$d/sshd_config TGADMIN_TEST_SSH_PIDFILE=$d/sshd.pid TGADMIN_TEST_SSH_LOG=$d/sshd.log
  export TGADMIN_TEST_SSH_DB_SOCKET=$m/sock TGADMIN_TEST_SSH_DB_USER=tgtest TGADMIN_TEST_SSH_DB_PASSWORD=$sshdb_password
  export TGADMIN_TEST_SSH_DB_NAME=tgssh
}

# Stops sshd (by its pid file: a test may have restarted it) with the sessions it forked, and the
# socket-only MariaDB.
tg_stop_sshd() {
  if [ -n "$sshd_pidfile" ] && [ -f "$sshd_pidfile" ]; then
    local pid
    pid=$(cat "$sshd_pidfile")
    kill -TERM "$pid" 2>/dev/null
  fi
  if [ -n "$sshdb_pid" ]; then kill -TERM "$sshdb_pid" 2>/dev/null; wait "$sshdb_pid" 2>/dev/null; fi
  sshd_pidfile='' sshdb_pid=''
}
