#!/usr/bin/env bash
# The detector's speed of several commits compared in one JVM (io.qorgan.microbench.CompareBuilds):
# the measure to trust on a shared machine, where JMH's DetectorBenchmark swings by ±100 % between
# runs and a few per cent between two builds cannot be seen.
#
#   loadtest/compare-builds.sh 63a56fa HEAD            # round 9's end against main
#   loadtest/compare-builds.sh 63a56fa HEAD WORKTREE   # WORKTREE: the checkout as it is, uncommitted changes too
#   ROUNDS=300 DOCS=300 loadtest/compare-builds.sh ...
#
# Each commit is built once (git worktree, offline Maven, tests skipped) into
# loadtest/target/compare/<commit>.jar and kept there for the next run. The first commit is the
# reference: every build's rounds are divided by its rounds of the same turn. About 2 minutes per
# commit to build, then ROUNDS x builds x DOCS documents (300 x 2 x 300 is about a minute).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)
OUT="$ROOT/loadtest/target/compare"
ROUNDS=${ROUNDS:-300}
DOCS=${DOCS:-300}
mkdir -p "$OUT"

[ $# -ge 2 ] || { echo "usage: $0 COMMIT COMMIT [COMMIT|WORKTREE ...]" >&2; exit 2; }

build_jar() { # checkout folder, jar to write
    (cd "$1" && ./mvnw -q -B -o -pl microbench -am package -DskipTests -Dspotless.check.skip=true \
        >"$2.log" 2>&1) || { echo "build failed, see $2.log" >&2; exit 1; }
    cp "$1/microbench/target/benchmarks.jar" "$2"
}

jars=()
for rev in "$@"; do
    if [ "$rev" = WORKTREE ]; then
        jar="$OUT/worktree.jar"
        build_jar "$ROOT" "$jar"
    else
        commit=$(git rev-parse --short "$rev^{commit}")
        jar="$OUT/$commit.jar"
        if [ ! -f "$jar" ]; then
            tree=$(mktemp -d)
            git worktree add --detach -q "$tree" "$commit"
            trap 'git worktree remove --force "$tree" 2>/dev/null || true' EXIT
            build_jar "$tree" "$jar"
            git worktree remove --force "$tree"
            trap - EXIT
        fi
    fi
    echo "$rev -> $jar"
    jars+=("$jar")
done

# any build that has CompareBuilds drives all of them; each loads in its own class loader
driver=""
for jar in "${jars[@]}"; do
    if jar tf "$jar" | grep -qx io/qorgan/microbench/CompareBuilds.class; then driver=$jar; fi
done
[ -n "$driver" ] || { echo "no build has CompareBuilds (added in December 2026): add HEAD to the list" >&2; exit 1; }
java -Xms4g -Xmx4g -Ddocs="$DOCS" -cp "$driver" io.qorgan.microbench.CompareBuilds "$ROUNDS" "${jars[@]}"
