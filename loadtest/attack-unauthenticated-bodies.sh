#!/usr/bin/env bash
# Replays the attack of issue 14 against a gateway with identity on and a small heap: 150 connections
# without a key, each declaring a 9.9 MB body and sending it slowly for 20 s. Then shows that a normal
# request and /healthz still answer. Exit status 0 when they do.
#
#   ./mvnw -q -DskipTests package && loadtest/attack-unauthenticated-bodies.sh
#   CONNECTIONS=300 SECONDS=60 HEAP=256m loadtest/attack-unauthenticated-bodies.sh
#
# Everything listens on 127.0.0.1 (ports 18310-18313) and stops at the end.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
jar=${QORGAN_JAR:-$repo/gateway/target/qorgan.jar}
[[ -f $jar ]] || { echo "attack: $jar is missing; run ./mvnw -q -DskipTests package first" >&2; exit 1; }
connections=${CONNECTIONS:-150}
seconds=${SECONDS_ATTACK:-20}
heap=${HEAP:-128m}
work=$(mktemp -d)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT

java -jar "$jar" simulate-ai --port 18310 >"$work/sim.log" 2>&1 &
pids+=($!)
cat >"$work/identities.yaml" <<YAML
agencies: [{id: agency-test}]
roles:
  chat-user: ["route:v1:invoke", "upstream:sim:use"]
callers:
  - {id: bot, agency: agency-test, roles: [chat-user]}
YAML
key=$(java -jar "$jar" keys create --store "$work/identities.yaml" --agency agency-test --caller bot 2>/dev/null \
  | grep -o 'qg_[A-Za-z0-9_-]*' | tail -1)
cat >"$work/qorgan.yaml" <<YAML
listeners:
  traffic: { host: 127.0.0.1, port: 18312 }
  admin: { host: 127.0.0.1, port: 18313 }
identity:
  store: $work/identities.yaml
upstreams:
  sim: { baseUrl: "http://127.0.0.1:18310/v1" }
routes:
  - { pathPrefix: /v1, upstream: sim }
YAML
java "-Xmx$heap" "-XX:MaxDirectMemorySize=$heap" -jar "$jar" serve --config "$work/qorgan.yaml" >"$work/gateway.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 200); do curl -fs http://127.0.0.1:18313/readyz >/dev/null 2>&1 && break; sleep 0.1; done

echo "attack: $connections keyless connections, 9.9 MB declared each, for ${seconds}s, against -Xmx$heap"
java "$repo/loadtest/attack/UnauthenticatedBodies.java" 18312 "$connections" "$seconds"

status=0
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 http://127.0.0.1:18313/healthz || true)
echo "after: /healthz $code"; [[ $code == 200 ]] || status=1
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 10 -H "Authorization: Bearer $key" \
  -H 'Content-Type: application/json' -d '{"model":"m","messages":[{"role":"user","content":"Сәлем"}]}' \
  http://127.0.0.1:18312/v1/chat/completions || true)
echo "after: a keyed chat completion $code"; [[ $code == 200 ]] || status=1
if ! kill -0 "${pids[1]}" 2>/dev/null; then echo "after: the gateway is gone (see its log)"; status=1; fi
exit $status
