#!/usr/bin/env bash
# Side-by-side benchmark: Qorgan next to nginx, HAProxy and Portkey, in front of the same simulated
# AI service, with wrk (2 KB chat body, 32 connections) from the shared bench kit.
#
#   loadtest/run-bench.sh                     # JSON answers
#   MODE=stream loadtest/run-bench.sh         # SSE streams
#   TARGETS="direct nginx" loadtest/run-bench.sh
#
# Needs gateway/target/qorgan.jar (./mvnw -q -DskipTests package) and ../shared/bench beside the
# checkout. The kit is copied to a temporary folder (the shared one is read-only); everything
# listens on 127.0.0.1 and stops at the end. Extra settings of run-peers.sh (ROUNDS, DURATION,
# LOAD_CPUS, SERVER_CPUS, ...) pass through the environment.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
kit=${BENCH_KIT:-$repo/../shared/bench}
jar=$repo/gateway/target/qorgan.jar
port=${GATEWAY_PORT:-18110}
[[ -f $jar ]] || { echo "run-bench: $jar is missing; run ./mvnw -q -DskipTests package first" >&2; exit 1; }
[[ -d $kit ]] || { echo "run-bench: bench kit not found at $kit (set BENCH_KIT)" >&2; exit 1; }

work=${BENCH_DIR:-$(mktemp -d -t qorgan-bench.XXXXXX)}
if [[ ! -x $work/run-peers.sh ]]; then cp -r "$kit/." "$work/"; fi
cd "$work"
./setup.sh >/dev/null
./run-peers.sh start >/dev/null

gw_pid=
cleanup() {
  [[ -n $gw_pid ]] && kill "$gw_pid" 2>/dev/null && wait "$gw_pid" 2>/dev/null || true
  ./run-peers.sh stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

pin=()
[[ -n ${SERVER_CPUS:-} ]] && pin=(taskset -c "$SERVER_CPUS")
"${pin[@]}" java ${QORGAN_JAVA_OPTS:--Xms512m -Xmx512m} -jar "$jar" serve \
  --upstream http://127.0.0.1:18080/v1 --port "$port" --admin-port $((port + 1)) >"$work/gateway.log" 2>&1 &
gw_pid=$!
for _ in $(seq 1 100); do
  curl -fs "http://127.0.0.1:$((port + 1))/readyz" >/dev/null 2>&1 && break
  sleep 0.1
done
# The JIT needs a few seconds of traffic before the measured rounds.
wrk -t2 -c32 -d5s -s load/chat.lua "http://127.0.0.1:$port/v1/chat/completions" >/dev/null 2>&1 || true
./run-peers.sh "gateway=http://127.0.0.1:$port/v1"
echo "kit and results: $work/.run/results/"
