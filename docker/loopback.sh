#!/usr/bin/env bash
# The topology of docker/compose.yaml on one machine, all of it on loopback: a PostgreSQL of the
# cluster's own (unless BATON_DB_URL names one) and N Baton nodes in one Payara data grid.
# The cluster tests drive it; it also runs a cluster by hand (README, "A cluster on one machine").
#
#   docker/loopback.sh up N          PostgreSQL and nodes 1..N; waits until each node is ready
#   docker/loopback.sh start I       starts node I (again) and waits until it is ready
#   docker/loopback.sh stop [I]      stops node I, or every node (SIGTERM, then SIGKILL after 30 s)
#   docker/loopback.sh kill I        kills node I at once (SIGKILL), as a crash would
#   docker/loopback.sh db stop|start stops or starts the cluster's own PostgreSQL
#   docker/loopback.sh down          stops every node and the PostgreSQL; the data stays
#
# Settings from the environment, with defaults: BATON_RUN_DIR=target/loopback (pids, logs, the
# database files), BATON_HTTP_PORT=8080 (node I listens on BATON_HTTP_PORT+I-1),
# BATON_GRID_PORT=6900 (node I's data grid port, likewise), BATON_PG_PORT=55432,
# BATON_CLUSTER_NAME=baton-loopback, BATON_START_TIMEOUT=300 (seconds), BATON_KEY_FILE (default:
# $BATON_RUN_DIR/baton.key, made once and shared by the nodes). Every other variable
# (BATON_*, MP_JWT_*) reaches the nodes as it is. Needs target/baton.jar (mvn package), curl,
# and PostgreSQL's server binaries unless BATON_DB_URL is set.
set -euo pipefail
cd "$(dirname "$0")/.."

run=$(mkdir -p "${BATON_RUN_DIR:-target/loopback}" && cd "${BATON_RUN_DIR:-target/loopback}" && pwd)
http_port=${BATON_HTTP_PORT:-8080}
grid_port=${BATON_GRID_PORT:-6900}
pg_port=${BATON_PG_PORT:-55432}
cluster=${BATON_CLUSTER_NAME:-baton-loopback}
timeout=${BATON_START_TIMEOUT:-300}
java=${JAVA_HOME:+$JAVA_HOME/bin/}java

die() { echo "loopback: $*" >&2; exit 1; }
nodes() { cat "$run/nodes" 2>/dev/null || die "no cluster here; run: $0 up N"; }
pid_of() { cat "$run/node-$1.pid" 2>/dev/null || true; }
alive() { [ -n "$1" ] && kill -0 "$1" 2>/dev/null; }

members() {
  local list="" i
  for i in $(seq "$(nodes)"); do list+="${list:+,}127.0.0.1:$((grid_port + i - 1))"; done
  echo "$list"
}

# Every node must hold the same key (claim codes and the audit chain are keyed with it): one file
# for the cluster, made once, readable by its owner only, unless BATON_KEY_FILE names one.
key_file() {
  if [ -z "${BATON_KEY_FILE:-}" ] && [ ! -f "$run/baton.key" ]; then
    (umask 077 && head -c 32 /dev/urandom | base64 >"$run/baton.key")
  fi
  echo "${BATON_KEY_FILE:-$run/baton.key}"
}

launch() {
  local i=$1
  alive "$(pid_of "$i")" && die "node $i runs already (pid $(pid_of "$i"))"
  mkdir -p "$run/node-$i"
  BATON_KEY_FILE="$(key_file)" \
  BATON_DATA_DIR="$run/node-$i" \
  BATON_DB_URL="${BATON_DB_URL:-jdbc:postgresql://127.0.0.1:$pg_port/baton}" \
  BATON_DB_USER="${BATON_DB_USER:-postgres}" \
    nohup "$java" -jar target/baton.jar --port "$((http_port + i - 1))" --name "node-$i" \
      --clustername "$cluster" --clustermode "tcpip:$(members)" --interfaces 127.0.0.1 \
      --startport "$((grid_port + i - 1))" >>"$run/node-$i.log" 2>&1 &
  echo $! >"$run/node-$i.pid"
}

await_ready() {
  local i=$1
  local url="http://127.0.0.1:$((http_port + i - 1))/health/ready" deadline=$((SECONDS + timeout))
  until curl -sf -o /dev/null --max-time 2 "$url"; do
    alive "$(pid_of "$i")" || die "node $i exited; see $run/node-$i.log"
    [ "$SECONDS" -lt "$deadline" ] || die "node $i not ready within ${timeout}s; see $run/node-$i.log"
    sleep 0.5
  done
  echo "node $i ready at http://127.0.0.1:$((http_port + i - 1))/ (pid $(pid_of "$i"))"
}

halt() {
  local i=$1 signal=$2 pid waited=0
  pid=$(pid_of "$i")
  alive "$pid" || return 0
  kill "-$signal" "$pid"
  while alive "$pid"; do
    if [ "$waited" -ge 300 ]; then kill -KILL "$pid"; fi
    sleep 0.1; waited=$((waited + 1))
  done
}

# The cluster's own PostgreSQL, in $run/pg. initdb and the server refuse to run as root, so as
# root they run as the postgres user that Debian's packages create. With BATON_DB_URL set none
# need be installed (as in ClusterIT, which brings its own).
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

db() {
  [ -z "${BATON_DB_URL:-}" ] || return 0
  [ -n "$pg_bin" ] || die "PostgreSQL's server binaries are missing (Debian: apt-get install postgresql)"
  case $1 in
    start)
      if [ ! -f "$run/pg/data/PG_VERSION" ]; then
        mkdir -p "$run/pg"
        [ "$(id -u)" != 0 ] || chown postgres "$run/pg"
        as_pg "$pg_bin/initdb" -D "$run/pg/data" -U postgres --auth=trust -E UTF8 >"$run/pg/initdb.log"
      fi
      as_pg "$pg_bin/pg_ctl" -D "$run/pg/data" status >/dev/null 2>&1 \
        || as_pg "$pg_bin/pg_ctl" -D "$run/pg/data" -l "$run/pg/server.log" -w -t 60 \
          -o "-p $pg_port -c listen_addresses=127.0.0.1 -k $run/pg" start >/dev/null
      psql -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "select 1 from pg_database where datname = 'baton'" | grep -q 1 \
        || psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create database baton"
      echo "PostgreSQL ready at 127.0.0.1:$pg_port" ;;
    stop)
      as_pg "$pg_bin/pg_ctl" -D "$run/pg/data" -m fast -w stop >/dev/null 2>&1 || true ;;
    *) die "db start|stop" ;;
  esac
}

case ${1:-} in
  up)
    [[ ${2:-} =~ ^[1-9][0-9]?$ ]] || die "up N (1-99 nodes)"
    echo "$2" >"$run/nodes"
    db start
    for i in $(seq "$2"); do launch "$i"; done
    for i in $(seq "$2"); do await_ready "$i"; done ;;
  start) launch "${2:?node number}"; await_ready "$2" ;;
  stop) for i in ${2:-$(seq "$(nodes)")}; do halt "$i" TERM; done ;;
  kill) halt "${2:?node number}" KILL ;;
  db) db "${2:-}" ;;
  down) for i in $(seq "$(nodes)"); do halt "$i" TERM; done; db stop ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
