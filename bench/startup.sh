#!/usr/bin/env bash
# Time from `java -jar target/baton.jar` to the first answer on /, in demo mode, on a fresh data
# directory (and, with DB=pg, a fresh PostgreSQL database). Runs N times (default 3) on a loopback
# port and prints each run's wall time, the process's CPU time at that moment (steadier than wall
# time on a shared machine: compare it when the load average is high) and the median wall time.
# Needs `mvn package` first.
#
#   bench/startup.sh [N]            H2 file database (the default storage)
#   DB=pg bench/startup.sh [N]      PostgreSQL at PG_URL (default 127.0.0.1:5432, user postgres,
#                                   trust auth); each run creates and drops a database of its own
#   JAR=other.jar KEEP_LOGS=1 ...   another jar; keep each run's log (its path is printed)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
jar=${JAR:-target/baton.jar}
db=${DB:-h2}
pg=${PG_URL:-127.0.0.1:5432}
timeout=${TIMEOUT:-300}
walls=()
for i in $(seq "$runs"); do
  data=$(mktemp -d)
  dbenv=()
  if [ "$db" = pg ]; then
    name="baton_startup_$$_$i"
    psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -qc "create database $name"
    dbenv=(BATON_DB_URL="jdbc:postgresql://$pg/$name" BATON_DB_USER=postgres BATON_DB_PASSWORD=)
  fi
  start=$(date +%s%N)
  env BATON_DEMO=true BATON_DATA_DIR="$data" "${dbenv[@]}" java -jar "$jar" --port "$port" >"$data/log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
    kill -0 "$pid" 2>/dev/null || { echo "Baton exited; see $data/log"; exit 1; }
    [ $(( ($(date +%s%N) - start) / 1000000000 )) -lt "$timeout" ] || { kill "$pid"; echo "no answer in ${timeout}s; see $data/log"; exit 1; }
    sleep 0.1
  done
  wall=$(( ($(date +%s%N) - start) / 1000000 ))
  # utime + stime in clock ticks (100 per second on Linux).
  cpu=$(awk '{print ($14 + $15) * 10}' "/proc/$pid/stat")
  walls+=("$wall")
  echo "run $i ($db): first answer after $wall ms (CPU $cpu ms, load $(cut -d' ' -f1 /proc/loadavg))${KEEP_LOGS:+, log $data/log}"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  [ "$db" != pg ] || psql -h "${pg%:*}" -p "${pg#*:}" -U postgres -qc "drop database $name"
  [ -n "${KEEP_LOGS:-}" ] || rm -rf "$data"
done
echo "median ($db, $runs runs): $(printf '%s\n' "${walls[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p") ms"
