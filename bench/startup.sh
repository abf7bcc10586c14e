#!/usr/bin/env bash
# Time from `java -jar target/baton.jar` to the first answer on /, in demo mode, on a fresh data
# directory. Runs N times (default 3) on a loopback port. Needs `mvn package` first.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
port=${PORT:-18080}
for i in $(seq "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  BATON_DEMO=true BATON_DATA_DIR="$data" java -jar target/baton.jar --port "$port" >"$data/log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/"; do
    kill -0 "$pid" 2>/dev/null || { echo "Baton exited; see $data/log"; exit 1; }
    sleep 0.2
  done
  echo "run $i: first answer after $(( ($(date +%s%N) - start) / 1000000 )) ms"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
done
