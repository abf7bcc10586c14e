#!/usr/bin/env bash
# Baton's benchmark (issue 9), side by side with Keycloak in one run, on this machine, loopback only.
#
#   bench/run.sh [--quick] [--only keycloak,one-node,two-nodes,growth,startup]
#
# Builds target/baton.jar if it is missing and the bench (bench/pom.xml), then, in order:
#   keycloak   Keycloak 26.7.3 (dev mode, in-memory database, the realm of server-config/keycloak):
#              refresh-token grants at 16 and 64 concurrent clients
#   one-node   one Baton node in demo mode on PostgreSQL 127.0.0.1:5432 (a database of its own):
#              the floor (/health/live) and session reads at 32, complete transfers at 16 and 64,
#              reads and transfers with and without device proofs
#   two-nodes  the same on two nodes of one cluster, calls spread over both
#   growth     one node; sessions read at 10^3, 10^5, 10^6 sessions (bulk rows by SQL), heap after a
#              full GC, the audit chain verified (--quick: 10^3, 10^4)
#   startup    start to first answer on H2 (PostgreSQL's is taken from the one-node start)
# Each freshly started server is first warmed up (measured nowhere), Keycloak and Baton alike;
# each phase then has its own warm-up, discarded, before its measured window. Writes
# bench/results/<date>.md with its PNG plots. A full run takes about 20 minutes, --quick about 6. It stops only what it
# started (by PID) and drops its databases. BENCH_JAR runs another jar than target/baton.jar,
# BENCH_RESULTS writes the page elsewhere than bench/results (bench/compare.sh sets both).
set -euo pipefail
cd "$(dirname "$0")/.."

invocation="bench/run.sh${*:+ $*}"
quick=false
only=keycloak,one-node,two-nodes,growth,startup
while [ $# -gt 0 ]; do
  case $1 in
    --quick) quick=true; shift ;;
    --only) only=$2; shift 2 ;;
    *) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
wants() { [[ ",$only," == *",$1,"* ]]; }

if $quick; then prewarm=5; warm=3; measure=8; levels="1000 10000"; else prewarm=30; warm=10; measure=20; levels="1000 100000 1000000"; fi
work=$PWD/target/bench; mkdir -p "$work"
lines=$work/results.jsonl; : >"$lines"
date=$(date -u +%F)
started=$SECONDS
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
pg="psql -h 127.0.0.1 -U postgres -q -X"
cluster=bench-$$
pids=()
databases=()

cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  for db in "${databases[@]}"; do $pg -c "drop database if exists $db" || true; done
}
trap cleanup EXIT
forget() { local p keep=(); for p in "${pids[@]}"; do [ "$p" = "$1" ] || keep+=("$p"); done; pids=("${keep[@]}"); }
stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; forget "$1"; }
note() { echo "$1" >>"$lines"; }
say() { echo "[bench $(date +%T)] $*"; }

jar=${BENCH_JAR:-target/baton.jar}
results=${BENCH_RESULTS:-bench/results}
if [ -z "${BENCH_JAR:-}" ]; then
  [ -f "$jar" ] || { say "building $jar"; mvn -B -q -DskipTests package; }
  [ -z "$(find src pom.xml server-config -newer "$jar" -print -quit)" ] || say "note: $jar is older than the sources (mvn package to measure them)"
fi
say "building the bench"
(cd bench && mvn -B -q package)
bench() { java -Xmx2g -cp "bench/target/classes:$(cat bench/target/classpath)" dev.baton.bench.Main "$@" --out "$lines"; }

new_database() { $pg -c "drop database if exists $1" -c "create database $1"; databases+=("$1"); }
# One demo key for every node, so that a token from one node's /dev/token works on the others.
[ -f "$work/demo-key.pem" ] || openssl genpkey -algorithm RSA -out "$work/demo-key.pem" 2>/dev/null
[ -f "$work/baton.key" ] || (umask 077 && head -c 32 /dev/urandom | base64 >"$work/baton.key")

# node NAME PORT GRID_PORT MEMBERS DB: starts a Baton node (demo mode) and sets $node_pid.
# DB is a PostgreSQL database name, or "h2" for the embedded default in a fresh directory.
# The rate limits are raised so that the limiter (still consulted on every call) never refuses
# the bench's users, who call far more often than people.
node() {
  local name=$1 port=$2 grid=$3 members=$4 db=$5
  # A server left on the port would answer in its place and fake every figure.
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "bench: port $port is taken" >&2; exit 1; fi
  rm -rf "${work:?}/$name"; mkdir -p "$work/$name"
  if [ "$db" = h2 ]; then unset BATON_DB_URL; else export BATON_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db; fi
  BATON_DEMO=true BATON_DEMO_KEY_FILE=$work/demo-key.pem BATON_KEY_FILE=$work/baton.key BATON_DATA_DIR=$work/$name BATON_DB_USER=postgres BATON_DB_PASSWORD= \
  BATON_RATE_LIMIT_CLAIM=100000000/PT1M BATON_RATE_LIMIT_WRITE=100000000/PT1M \
    java -jar "$jar" --port "$port" --name "$name" --clustername "$cluster" --clustermode "tcpip:$members" \
      --interfaces 127.0.0.1 --startport "$grid" >"$work/$name.log" 2>&1 &
  node_pid=$!; pids+=("$node_pid")
  unset BATON_DB_URL
}

# first_answer PORT PID WHAT: waits for the first answer on / and notes the time since $launched.
first_answer() {
  local port=$1 pid=$2 what=$3
  for _ in $(seq 3000); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/"; then
      note "{\"kind\":\"startup\",\"what\":\"$what\",\"ms\":$(( ($(date +%s%N) - launched) / 1000000 ))}"
      return 0
    fi
    kill -0 "$pid" 2>/dev/null || { echo "Baton exited; see $work" >&2; exit 1; }
    sleep 0.1
  done
  echo "Baton not up in 300 s; see $work" >&2; exit 1
}

ready() { until curl -sf -o /dev/null "http://127.0.0.1:$1/health/ready"; do sleep 0.2; done; }

heap_mb() {
  jcmd "$1" GC.run >/dev/null
  jcmd "$1" GC.heap_info | sed -n 's/.*total [0-9]*K, used \([0-9]*\)K.*/\1/p' | sed -n 1p | awk '{printf "%.1f", $1 / 1024}'
}

if wants keycloak; then
  home=target/keycloak
  if [ ! -x $home/bin/kc.sh ]; then say "fetching Keycloak (~170 MB, once)"; mvn -B -q dependency:unpack@keycloak -Dmdep.overWriteReleases=true; fi
  mkdir -p $home/data/import && cp server-config/keycloak/baton-realm.json $home/data/import/
  kc=http://127.0.0.1:18180
  # The admin password is random and travels in the environment only, never on a command line.
  BENCH_KC_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_'); export BENCH_KC_ADMIN_PASSWORD
  say "starting Keycloak"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=$BENCH_KC_ADMIN_PASSWORD $home/bin/kc.sh start-dev \
    --db=dev-mem --import-realm --http-host=127.0.0.1 --http-port=18180 --hostname=$kc >"$work/keycloak.log" 2>&1 &
  kc_pid=$!; pids+=("$kc_pid")
  until curl -sf -o /dev/null "$kc/realms/baton/.well-known/openid-configuration"; do
    kill -0 "$kc_pid" 2>/dev/null || { echo "Keycloak exited; see $work/keycloak.log" >&2; exit 1; }
    sleep 1
  done
  say "Keycloak: refresh grants"
  bench keycloak --realm "$kc/realms/baton" --users 16,64 --prewarm $prewarm --warm $warm --measure $measure
  stop "$kc_pid"; unset BENCH_KC_ADMIN_PASSWORD
fi

if wants one-node; then
  db=bench_one_$$; new_database $db
  say "one node on PostgreSQL"
  launched=$(date +%s%N); node bench-1 18301 16301 127.0.0.1:16301 $db; first_answer 18301 "$node_pid" "PostgreSQL"; ready 18301
  bench baton --nodes http://127.0.0.1:18301 --section one-node --prewarm $prewarm --warm $warm --measure $measure
  stop "$node_pid"
fi

if wants two-nodes; then
  db=bench_two_$$; new_database $db
  say "two nodes on PostgreSQL"
  members=127.0.0.1:16301,127.0.0.1:16302
  launched=$(date +%s%N)
  node bench-1 18301 16301 $members $db; one=$node_pid
  node bench-2 18302 16302 $members $db; two=$node_pid
  first_answer 18301 "$one" "PostgreSQL, two nodes started together (node 1)"
  first_answer 18302 "$two" "PostgreSQL, two nodes started together (node 2)"
  ready 18301; ready 18302
  bench baton --nodes http://127.0.0.1:18301,http://127.0.0.1:18302 --section two-nodes --prewarm $prewarm --warm $warm --measure $measure
  stop "$one"; stop "$two"
fi

if wants growth; then
  db=bench_growth_$$; new_database $db
  say "growth"
  node bench-1 18301 16301 127.0.0.1:16301 $db; ready 18301
  first_warm=$((warm * 3))  # a fresh node: warm it up longer before the first level
  for n in $levels; do
    say "growth: $n sessions"
    bench growth --nodes http://127.0.0.1:18301 --jdbc "jdbc:postgresql://127.0.0.1:5432/$db" --key-file "$work/baton.key" --sessions "$n" \
      --warm "${first_warm:-$warm}" --measure $measure
    first_warm=
    note "{\"kind\":\"heap\",\"sessions\":$n,\"usedMb\":$(heap_mb "$node_pid")}"
  done
  stop "$node_pid"
fi

if wants startup; then
  say "start on H2"
  launched=$(date +%s%N); node bench-h2 18310 16310 127.0.0.1:16310 h2; first_answer 18310 "$node_pid" "H2 (embedded)"
  stop "$node_pid"
fi

mkdir -p "$results"
facts=(--fact "command=\`$invocation\`, $(( (SECONDS - started) / 60 )) min"
  --fact "machine=$(nproc) cores ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | sed -n 1p)), $(free -g | awk '/^Mem:/ {print $2}') GB memory, $(uname -sr)"
  --fact "load average (1, 5, 15 min)=$load_before before the run, $(cut -d' ' -f1-3 /proc/loadavg) after it (anything else running on these cores skews the figures)"
  --fact "Java=$(java -version 2>&1 | sed -n 1p) (Baton, Keycloak and the generator alike, all on the same cores)"
  --fact "Baton=\`${BENCH_LABEL:-$(git rev-parse --short HEAD)}\` ($jar built $(date -u -r "$jar" +'%F %R UTC')); Keycloak 26.7.3 dev mode, --db=dev-mem; $($pg -tAc 'select version()' | cut -d' ' -f1,2) on 127.0.0.1:5432"
  --fact "generator=our own closed loop (bench/src/main/java/dev/baton/bench/ClosedLoop.java): one platform thread and one HTTP/1.1 connection (JDK HttpClient) per user, warm-up ${warm} s discarded, ${measure} s measured, HdrHistogram; loopback only")
java -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath)" dev.baton.bench.Main report --in "$lines" \
  --out "$results/$date.md" --plots "$results" "${facts[@]}"
say "done in $(( (SECONDS - started) / 60 )) min: $results/$date.md"
