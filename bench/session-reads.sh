#!/usr/bin/env bash
# A first look at Baton's speed (issue 9), until the benchmark that issue asks for exists: one node
# in demo mode on PostgreSQL 127.0.0.1:5432 (user postgres, trust auth, a database of its own), then
# 32 closed-loop users reading their session as its holder, then 32 on /health/live (the floor).
# Usage: bench/session-reads.sh [jar] [label]   (default target/baton.jar; needs mvn package first)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${1:-target/baton.jar}
label=${2:-bench}
db=bench_$label
base=http://127.0.0.1:18300
out=target/bench/$label
mkdir -p "$out"
psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db" -c "create database $db"
BATON_DEMO=true BATON_DB_URL=jdbc:postgresql://127.0.0.1:5432/$db BATON_DB_USER=postgres BATON_DB_PASSWORD= \
  java -jar "$jar" --port 18300 --name bench --clustername "bench-$$" --clustermode tcpip:127.0.0.1:16300 \
  --interfaces 127.0.0.1 --startport 16300 >"$out/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; psql -h 127.0.0.1 -U postgres -q -c "drop database if exists $db"' EXIT
for _ in $(seq 180); do
  curl -sf -o /dev/null "$base/" && break
  kill -0 "$pid" 2>/dev/null || { echo "Baton exited; see $out/server.log" >&2; exit 1; }
  sleep 1
done
java bench/SessionReads.java "$base" session 32 warm:20 run:30
java bench/SessionReads.java "$base" health 32 warm:5 run:30
