#!/usr/bin/env bash
# Side-by-side benchmark: Qorgan next to nginx, HAProxy and Portkey, in front of the same simulated
# AI service, with wrk (2 KB chat body, 32 connections) from the shared bench kit.
#
#   loadtest/run-bench.sh                     # JSON answers
#   MODE=stream loadtest/run-bench.sh         # SSE streams
#   MODE=cache loadtest/run-bench.sh          # JSON answers from the answer cache (see below)
#   MODE=audit loadtest/run-bench.sh          # qorgan-on with and without the audit trail (see below)
#   MODE=turns loadtest/run-bench.sh         # JSON answers, the last message new on every request (see below)
#   MEMO=off loadtest/run-bench.sh          # qorgan-on reading every text anew (protection.findingsMemo: 0)
#   TARGETS="direct nginx" loadtest/run-bench.sh
#
# The kit sends one body over and over, so by default qorgan-on reads each of its texts once and then
# answers from its findings memo (docs/protection.md, "Read once"): the run shows the gateway without
# detection. MODE=turns sends every target the kit's body with the order number of its last message
# made new on each request (loadtest/lua/next-turn.lua in place of the kit's script): a conversation's
# next turn, the earlier turns remembered and the newest one read. MEMO=off starts qorgan-on from a
# config file equal to `serve --upstream` with the memo off: every text read anew, as a body never
# seen before costs.
#
# Qorgan runs twice: qorgan-on (`serve --upstream`, protection on, as by default) and qorgan-off
# (the same route with protect: false); their ratio is the cost of protection.
#
# MODE=cache sends the same body with "temperature": 0, so the answer cache may keep its answer:
# qorgan-on-cached is the protected gateway answering every request after the first from the cache
# (protection and restoration still run: each answer is restored with its request's own vault),
# next to qorgan-on, the same gateway with X-Qorgan-Cache: bypass (every request forwarded).
#
# MODE=audit runs qorgan-on-audit in place of qorgan-off: the same protected gateway as qorgan-on (a
# config file equal to `serve --upstream`) with an audit trail at its defaults (index on, synced every
# 200 ms, keys made by `qorgan audit keygen` in the work folder), JSON answers; their ratio is the cost
# of the audit. It warms 60 s (WARM_AUDIT_S): on a 2-core machine it took about a minute of load to
# reach the rate of a warm qorgan-on. The built-in targets default to nginx alone (TARGETS), so the
# run stays under 3 minutes with a kit already set up (BENCH_DIR).
#
# Needs gateway/target/qorgan.jar (./mvnw -q -DskipTests package) and ../shared/bench beside the
# checkout. The kit is copied to a temporary folder (the shared one is read-only; with its packages
# about 90 MB), which is removed at the end unless BENCH_DIR names a folder to reuse; the results
# and the gateways' logs are kept in loadtest/target/bench/ (RESULTS_DIR). Everything listens on
# 127.0.0.1 and stops at the end. Extra settings of run-peers.sh (ROUNDS, DURATION, LOAD_CPUS,
# SERVER_CPUS, its ports: SIM_PORT, NGINX_PROXY_PORT, ...) pass through the environment; the gateways'
# upstream follows SIM_PORT, so a second kit can run beside one already listening on the defaults.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
kit=${BENCH_KIT:-$repo/../shared/bench}
jar=$repo/gateway/target/qorgan.jar
port=${GATEWAY_PORT:-18110}
[[ -f $jar ]] || { echo "run-bench: $jar is missing; run ./mvnw -q -DskipTests package first" >&2; exit 1; }
[[ -d $kit ]] || { echo "run-bench: bench kit not found at $kit (set BENCH_KIT)" >&2; exit 1; }

results=${RESULTS_DIR:-$repo/loadtest/target/bench}
if [[ -n ${BENCH_DIR:-} ]]; then work=$BENCH_DIR; made=""; else work=$(mktemp -d); made=$work; fi
gw_pids=()
cleanup() {
  for pid in "${gw_pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  if [[ -x $work/run-peers.sh ]]; then (cd "$work" && ./run-peers.sh stop >/dev/null 2>&1) || true; fi
  mkdir -p "$results"
  [[ -d $work/.run/results ]] && cp -r "$work/.run/results/." "$results/"
  cp "$work"/gateway-*.log "$results/" 2>/dev/null || true
  # the kit's own script back in place, for the next run in a reused BENCH_DIR
  if [[ -f $work/load/chat-kit.lua ]]; then mv -f "$work/load/chat-kit.lua" "$work/load/chat.lua"; fi
  if [[ -n $made ]]; then rm -rf "$made"; fi
}
trap cleanup EXIT

if [[ ! -x $work/run-peers.sh ]]; then cp -r "$kit/." "$work/"; fi
cd "$work"
bench_mode=${MODE:-json}
if [[ $bench_mode == cache ]]; then
  # the kit's body made deterministic; every target gets the same bytes
  sed -i 's/"temperature": *[0-9.]*/"temperature": 0/' load/chat-request.json
  export MODE=json
elif [[ $bench_mode == audit ]]; then
  export MODE=json TARGETS=${TARGETS:-nginx}
elif [[ $bench_mode == turns ]]; then
  [[ -f load/chat-kit.lua ]] || cp load/chat.lua load/chat-kit.lua
  cp "$repo/loadtest/lua/next-turn.lua" load/chat.lua
  export MODE=json
fi
./setup.sh >/dev/null
./run-peers.sh start >/dev/null

# Two gateways: protection on (plain `serve --upstream`, as an agency would start it) and off
# (the same route with `protect: false`), so one run shows the cost of the proxy and of protection;
# with MODE=audit the second one is protection on with an audit trail.
on_port=$port
off_port=$((port + 2))
second=off
# A config file equal to `serve --upstream`, listening on $1 (its admin on $1 + 1); callers append their own section.
serve_upstream_yaml() {
  cat <<EOF
listeners:
  traffic: { host: 127.0.0.1, port: $1 }
  admin: { host: 127.0.0.1, port: $(($1 + 1)) }
upstreams:
  default: { baseUrl: "http://127.0.0.1:${SIM_PORT:-18080}/v1" }
routes:
  - { pathPrefix: /v1, upstream: default, dialect: auto }
EOF
}
if [[ $bench_mode == audit ]]; then
  second=audit
  rm -rf "$work/audit" "$work/audit-keys"
  java -jar "$jar" audit keygen "$work/audit-keys" >/dev/null
  { serve_upstream_yaml "$off_port"; cat <<EOF; } > "$work/qorgan-audit.yaml"
audit:
  directory: $work/audit
  encryptionKey: "file:$work/audit-keys/audit-encryption.keys"
  signingKey: "file:$work/audit-keys/audit-signing.key"
EOF
else
  cat > "$work/qorgan-off.yaml" <<EOF
listeners:
  traffic: { host: 127.0.0.1, port: $off_port }
  admin: { host: 127.0.0.1, port: $((off_port + 1)) }
upstreams:
  sim: { baseUrl: "http://127.0.0.1:${SIM_PORT:-18080}/v1" }
routes:
  - { pathPrefix: /v1, upstream: sim, protect: false }
EOF
fi
on_args=(--upstream "http://127.0.0.1:${SIM_PORT:-18080}/v1" --port "$on_port" --admin-port $((on_port + 1)))
if [[ ${MEMO:-on} == off ]]; then
  { serve_upstream_yaml "$on_port"; cat <<EOF; } > "$work/qorgan-on-nomemo.yaml"
protection:
  findingsMemo: 0
EOF
  on_args=(--config "$work/qorgan-on-nomemo.yaml")
fi
pin=()
[[ -n ${SERVER_CPUS:-} ]] && pin=(taskset -c "$SERVER_CPUS")
"${pin[@]}" java ${QORGAN_JAVA_OPTS:--Xms512m -Xmx512m} -jar "$jar" serve "${on_args[@]}" >"$work/gateway-on.log" 2>&1 &
gw_pids+=($!)
"${pin[@]}" java ${QORGAN_JAVA_OPTS:--Xms512m -Xmx512m} -jar "$jar" serve \
  --config "$work/qorgan-$second.yaml" >"$work/gateway-$second.log" 2>&1 &
gw_pids+=($!)
for admin in $((on_port + 1)) $((off_port + 1)); do
  for _ in $(seq 1 200); do
    curl -fs "http://127.0.0.1:$admin/readyz" >/dev/null 2>&1 && break
    sleep 0.1
  done
done
# The JIT needs traffic before the measured rounds; protection runs far more code, so it warms longer.
stream_arg=()
[[ ${MODE:-json} == stream ]] && stream_arg=(-- stream=1)
bypass_arg=()
[[ $bench_mode == cache ]] && bypass_arg=(-- "header=X-Qorgan-Cache: bypass")
wrk -t2 -c32 -d"${WARM_ON_S:-40}"s -s load/chat.lua "http://127.0.0.1:$on_port/v1/chat/completions" \
  "${stream_arg[@]}" "${bypass_arg[@]}" >/dev/null 2>&1 || true
if [[ $bench_mode == cache ]]; then
  wrk -t2 -c32 -d"${WARM_CACHED_S:-15}"s -s load/chat.lua "http://127.0.0.1:$on_port/v1/chat/completions" \
    >/dev/null 2>&1 || true
fi
# The trail's writer (Lucene, Bouncy Castle, Jackson) is compiled on top of the exchange path: it warms longest.
warm_second=${WARM_OFF_S:-15}
[[ $second == audit ]] && warm_second=${WARM_AUDIT_S:-60}
wrk -t2 -c32 -d"${warm_second}"s -s load/chat.lua "http://127.0.0.1:$off_port/v1/chat/completions" \
  "${stream_arg[@]}" >/dev/null 2>&1 || true
# What protection itself costs under this load, from the gateway's own histogram (the kit's rounds only).
protection_sums() {
  curl -fs "http://127.0.0.1:$((on_port + 1))/metrics" 2>/dev/null \
    | awk '/^qorgan_protection_seconds_(sum|count)\{stage="(request|answer)"\}/ {print $1, $2}' || true
}
before=$(protection_sums)
if [[ $bench_mode == cache ]]; then
  ./run-peers.sh "qorgan-off=http://127.0.0.1:$off_port/v1" \
    "qorgan-on=http://127.0.0.1:$on_port/v1|X-Qorgan-Cache: bypass" \
    "qorgan-on-cached=http://127.0.0.1:$on_port/v1"
  curl -fs "http://127.0.0.1:$((on_port + 1))/metrics" 2>/dev/null \
    | awk '/^qorgan_cache_requests_total/ {print "cache: " $0}' || true
elif [[ $second == audit ]]; then
  ./run-peers.sh "qorgan-on=http://127.0.0.1:$on_port/v1" "qorgan-on-audit=http://127.0.0.1:$off_port/v1"
  # every exchange recorded, none refused or dropped; and what the trail took on disk
  curl -fs "http://127.0.0.1:$((off_port + 1))/metrics" 2>/dev/null \
    | awk '/^qorgan_(audit_records_written|audit_records_dropped|audit_refused)_total / {print "audit: " $0}' || true
  du -sh "$work/audit/segments" "$work/audit/index" 2>/dev/null | sed 's/^/audit: /' || true
else
  ./run-peers.sh "qorgan-off=http://127.0.0.1:$off_port/v1" "qorgan-on=http://127.0.0.1:$on_port/v1"
fi
after=$(protection_sums)
# Qorgan against nginx, the peer our speed goals are stated against, from this run's table.
table=$(ls -td .run/results/*/ 2>/dev/null | head -1 || true)table.txt
[[ -f $table ]] && awk '$1 ~ /^(nginx|qorgan-off|qorgan-on|qorgan-on-cached|qorgan-on-audit)$/ && $2 ~ /^[0-9]+$/ { rps[$1] = $2 }
  END {
    if (rps["nginx"] > 0 && rps["qorgan-off"] > 0) printf "qorgan-off vs nginx: %.2f\n", rps["qorgan-off"] / rps["nginx"]
    if (rps["nginx"] > 0 && rps["qorgan-on"] > 0) printf "qorgan-on vs nginx: %.2f\n", rps["qorgan-on"] / rps["nginx"]
    if (rps["qorgan-off"] > 0 && rps["qorgan-on"] > 0) printf "qorgan-on vs qorgan-off: %.2f\n", rps["qorgan-on"] / rps["qorgan-off"]
    if (rps["qorgan-on"] > 0 && rps["qorgan-on-audit"] > 0) printf "qorgan-on-audit vs qorgan-on: %.3f\n", rps["qorgan-on-audit"] / rps["qorgan-on"]
    if (rps["nginx"] > 0 && rps["qorgan-on-cached"] > 0) printf "qorgan-on-cached vs nginx: %.2f\n", rps["qorgan-on-cached"] / rps["nginx"]
    if (rps["qorgan-on"] > 0 && rps["qorgan-on-cached"] > 0) printf "qorgan-on-cached vs qorgan-on (hits vs forwarded): %.2f\n", rps["qorgan-on-cached"] / rps["qorgan-on"]
  }' "$table"
printf '%s\n--\n%s\n' "$before" "$after" | awk 'BEGIN { part = 0 }
  $1 == "--" { part = 1; next }
  { v[part, $1] = $2 }
  END {
    for (s = 0; s < 2; s++) {
      stage = s ? "answer" : "request"
      sum = "qorgan_protection_seconds_sum{stage=\"" stage "\"}"; n = "qorgan_protection_seconds_count{stage=\"" stage "\"}"
      c = v[1, n] - v[0, n]
      if (c > 0) printf "qorgan-on protection per exchange, %s: %.1f us (mean of %d)\n", stage, (v[1, sum] - v[0, sum]) / c * 1e6, c
    }
  }'
curl -fs "http://127.0.0.1:$((on_port + 1))/metrics" 2>/dev/null \
  | awk '/^qorgan_findings_memo_(hits|misses)_total / {print "qorgan-on findings memo: " $0}' || true
echo "results: $results/"
