#!/usr/bin/env bash
# Runs jsonschema-rs (+orjson, from PyPI, in .venv-bench/) and the LearningContract fast validator on the same
# seeded corpus, one core each (taskset -c $CORE), CPU time, median of $RUNS, and prints the ratio and the
# verdict agreement, with every disagreement grouped under its named cause.
#
#   Tests/Scripts/compare-jsonschema-rs.sh [--small N] [--large N] [--seed S] [--runs R]
#
# Environment: CORE (default 1), PYTHON (default python3), KEEP=1 keeps the temp directory.
set -euo pipefail
cd "$(dirname "$0")/../.."

SMALL=200000 LARGE=2000 SEED=1 RUNS=5
while [ $# -gt 0 ]; do
    case "$1" in
        --small) SMALL=$2; shift 2 ;;
        --large) LARGE=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        *) echo "usage: $0 [--small N] [--large N] [--seed S] [--runs R]" >&2; exit 2 ;;
    esac
done
CORE=${CORE:-1}
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c "$CORE"); fi

if [ ! -x .venv-bench/bin/python ]; then
    "${PYTHON:-python3}" -m venv .venv-bench
fi
.venv-bench/bin/python -c "import jsonschema_rs, orjson" 2>/dev/null \
    || .venv-bench/bin/pip install --quiet jsonschema-rs orjson

swift build -c release --product learning-bench
swift build -c release --product learning-contract

WORK=$(mktemp -d "${TMPDIR:-/tmp}/compare-jsonschema-rs.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; else echo "keeping $WORK"; fi

.build/release/learning-contract schema --out "$WORK/schemas" >/dev/null
SCHEMA="$WORK/schemas/create-learningCourseActivity.schema.json"
[ -f "$SCHEMA" ] || { echo "no $SCHEMA: did 'learning-contract schema' change its file names?" >&2; exit 1; }

echo "== LearningContract (learning-bench validator), seed $SEED, core $CORE"
"${PIN[@]}" .build/release/learning-bench validator --small "$SMALL" --large "$LARGE" --seed "$SEED" --runs "$RUNS" \
    --paths fast,triage,validateFast --corpus-out "$WORK/corpus"

echo
echo "== jsonschema-rs + orjson on the same corpus, schema $(basename "$SCHEMA") from 'learning-contract schema'"
NAMES=small,large
[ "$LARGE" = 0 ] && NAMES=small
[ "$SMALL" = 0 ] && NAMES=large
"${PIN[@]}" .venv-bench/bin/python Tests/Scripts/jsonschema_rs_compare.py \
    --schema "$SCHEMA" --corpus-dir "$WORK/corpus" --names "$NAMES" --runs "$RUNS"
