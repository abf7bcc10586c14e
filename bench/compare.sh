#!/usr/bin/env bash
# Before and after, on this machine: builds the jar of each REV and runs bench/run.sh's one-node
# phases (--quick: 3 s warm-up, 8 s measured per phase) on each in turn, ROUNDS times over,
# interleaved so that a drift in the machine's load hits every build alike; then prints one table,
# per phase and build the median rate and p99, and writes it to target/compare/compare.md.
#
#   bench/compare.sh [--rounds N] [--full] [--only PHASES] REV...
#
# REV is any git revision (its sources are exported to target/compare/<sha> and built there once), or
# "." for the working tree's target/baton.jar as it is.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=1; quick=--quick; only=one-node; revs=()
while [ $# -gt 0 ]; do
  case $1 in
    --rounds) rounds=$2; shift 2 ;;
    --full) quick=; shift ;;
    --only) only=$2; shift 2 ;;
    -*) sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2 ;;
    *) revs+=("$1"); shift ;;
  esac
done
[ ${#revs[@]} -gt 0 ] || { sed -n '2,/^set -euo/p' "$0" | grep '^#' | sed 's/^# \{0,1\}//'; exit 2; }
work=target/compare; mkdir -p "$work"

labels=(); jars=()
for rev in "${revs[@]}"; do
  if [ "$rev" = . ]; then
    [ -f target/baton.jar ] || mvn -B -q -DskipTests package
    labels+=(working-tree); jars+=(target/baton.jar)
  else
    sha=$(git rev-parse --short "$rev^{commit}"); dir=$work/$sha
    if [ ! -f "$dir/target/baton.jar" ]; then
      echo "[compare] building $sha"
      rm -rf "$dir"; mkdir -p "$dir"; git archive "$sha" | tar -x -C "$dir"
      (cd "$dir" && mvn -B -q -DskipTests package)
    fi
    labels+=("$sha"); jars+=("$dir/target/baton.jar")
  fi
done

inputs=()
for round in $(seq "$rounds"); do
  for i in "${!labels[@]}"; do
    label=${labels[$i]}
    echo "[compare] round $round: $label"
    BENCH_JAR=${jars[$i]} BENCH_LABEL=$label BENCH_RESULTS=$work/pages/$label-$round bench/run.sh $quick --only "$only"
    cp target/bench/results.jsonl "$work/$label-$round.jsonl"
    inputs+=(--in "$label=$work/$label-$round.jsonl")
  done
done
java -cp "bench/target/classes:$(cat bench/target/classpath)" dev.baton.bench.Main compare "${inputs[@]}" --out "$work/compare.md"
