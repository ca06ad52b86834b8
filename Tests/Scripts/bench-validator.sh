#!/usr/bin/env bash
# The validator benchmark in release mode on one core: every path on both seeded corpora, the throughput of each
# named body shape (and the slowest against the median), the reporting path against 10k-80k members, then the streaming
# path (what `validate --jsonl` does) over a generated JSON Lines file of $MEGABYTES MiB, with its peak RSS.
#
#   Tests/Scripts/bench-validator.sh [learning-bench validator options…]
#
# Environment: CORE (default 1), MEGABYTES (default 1024; 0 skips the streaming run).
set -euo pipefail
cd "$(dirname "$0")/../.."
CORE=${CORE:-1}
MEGABYTES=${MEGABYTES:-1024}
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c "$CORE"); fi

swift build -c release --product learning-bench
"${PIN[@]}" .build/release/learning-bench validator "$@"
echo
"${PIN[@]}" .build/release/learning-bench validator --shapes --per-shape "${PER_SHAPE:-20000}"
echo
"${PIN[@]}" .build/release/learning-bench validator --members 10000,20000,40000,80000 --runs 3

if [ "$MEGABYTES" != 0 ]; then
    FILE=$(mktemp "${TMPDIR:-/tmp}/validator-stream.XXXXXX.jsonl")
    trap 'rm -f "$FILE"' EXIT
    echo
    .build/release/learning-bench validator --write-jsonl "$FILE" --megabytes "$MEGABYTES"
    "${PIN[@]}" .build/release/learning-bench validator --stream "$FILE"
    "${PIN[@]}" .build/release/learning-bench validator --stream "$FILE" --summary
fi
