#!/usr/bin/env bash
# Stand-in for the bench kit's runner, for CI's check of loadtest/run-bench.sh: `start` runs Qorgan's own
# simulator where the kit's would listen (127.0.0.1:18080), `stop` stops it, anything else writes a
# results table as the kit does. No load is generated.
set -euo pipefail
case ${1:-} in
  start)
    java -jar "$QORGAN_JAR" simulate-ai --host 127.0.0.1 --port 18080 >sim.log 2>&1 &
    echo $! > sim.pid
    for _ in $(seq 1 100); do curl -fs http://127.0.0.1:18080/v1/models >/dev/null 2>&1 && exit 0; sleep 0.1; done
    echo "stub kit: simulator did not start" >&2; exit 1 ;;
  stop)
    [[ -f sim.pid ]] && kill "$(cat sim.pid)" 2>/dev/null || true ;;
  *)
    mkdir -p .run/results/stub
    printf 'target req/s\nnginx 100\nqorgan-off 90\nqorgan-on 30\n' > .run/results/stub/table.txt ;;
esac
