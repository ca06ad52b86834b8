#!/usr/bin/env bash
# Runs jsonschema-rs (+orjson, pinned, from PyPI, in a virtual environment outside git) and the LearningContract
# validator on the same seeded corpora, one core (taskset -c $CORE), CPU time, median of $RUNS, and prints the
# ratios and the verdict agreement, with every disagreement grouped under its named cause. Corpora: `mixed`
# (every named body shape equally often, longNotes 1 in 200), `invalid` (the invalid shapes only: the reporting
# path's worst case), and the older `small`/`large` when asked.
#
#   Tests/Scripts/compare-jsonschema-rs.sh [--mixed N] [--invalid N] [--small N] [--large N] [--seed S] [--runs R] [--pairs P]
#
# --pairs P repeats the pair (LearningContract, then jsonschema-rs, on the same corpus) P times and prints each pair's
# ratios: on a shared machine the same binary's rate moves by tens of percent within minutes, so one pair is noise
# and the median over pairs is the figure to quote.
#
# Environment: CORE (default 1), PYTHON (default python3), VENV (default .venv-bench, git-ignored),
# SIMDJSON_FLOOR (a built simdjson-floor binary: run on the same corpora beside), KEEP=1 keeps the temp directory.
set -euo pipefail
cd "$(dirname "$0")/../.."

SMALL=0 LARGE=0 MIXED=200000 INVALID=100000 SEED=1 RUNS=5 PAIRS=1
while [ $# -gt 0 ]; do
    case "$1" in
        --mixed) MIXED=$2; shift 2 ;;
        --invalid) INVALID=$2; shift 2 ;;
        --small) SMALL=$2; shift 2 ;;
        --large) LARGE=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --runs) RUNS=$2; shift 2 ;;
        --pairs) PAIRS=$2; shift 2 ;;
        *) echo "usage: $0 [--mixed N] [--invalid N] [--small N] [--large N] [--seed S] [--runs R] [--pairs P]" >&2; exit 2 ;;
    esac
done
CORE=${CORE:-1}
PIN=()
if command -v taskset >/dev/null 2>&1; then PIN=(taskset -c "$CORE"); fi

VENV=${VENV:-.venv-bench}
if [ ! -x "$VENV/bin/python" ]; then
    "${PYTHON:-python3}" -m venv "$VENV"
fi
"$VENV/bin/python" -c "import importlib.metadata as m, orjson; assert m.version('jsonschema-rs') == '0.60.3'" 2>/dev/null \
    || "$VENV/bin/pip" install --quiet jsonschema-rs==0.60.3 orjson \
    || { echo "can't install jsonschema-rs==0.60.3 and orjson from PyPI" >&2; exit 1; }

swift build -c release --product learning-bench
swift build -c release --product learning-contract

WORK=$(mktemp -d "${TMPDIR:-/tmp}/compare-jsonschema-rs.XXXXXX")
if [ "${KEEP:-0}" != 1 ]; then trap 'rm -rf "$WORK"' EXIT; else echo "keeping $WORK"; fi

.build/release/learning-contract schema --out "$WORK/schemas" >/dev/null
SCHEMA="$WORK/schemas/create-learningCourseActivity.schema.json"
[ -f "$SCHEMA" ] || { echo "no $SCHEMA: did 'learning-contract schema' change its file names?" >&2; exit 1; }

NAMES=""
for pair in small:$SMALL large:$LARGE mixed:$MIXED invalid:$INVALID; do
    [ "${pair#*:}" != 0 ] && NAMES="$NAMES${NAMES:+,}${pair%%:*}"
done
STATUS=0
for PAIR in $(seq 1 "$PAIRS"); do
    if [ "$PAIRS" -gt 1 ]; then echo; echo "######## pair $PAIR of $PAIRS"; fi
    echo "== LearningContract (learning-bench validator), seed $SEED, core $CORE"
    "${PIN[@]}" .build/release/learning-bench validator --small "$SMALL" --large "$LARGE" --mixed "$MIXED" --invalid "$INVALID" \
        --seed "$SEED" --runs "$RUNS" --paths fast,triage,validateFast,report --corpus-out "$WORK/corpus"

    echo
    echo "== jsonschema-rs + orjson on the same corpus, schema $(basename "$SCHEMA") from 'learning-contract schema'"
    "${PIN[@]}" "$VENV/bin/python" Tests/Scripts/jsonschema_rs_compare.py \
        --schema "$SCHEMA" --corpus-dir "$WORK/corpus" --names "$NAMES" --runs "$RUNS" || STATUS=$?
done

if [ -n "${SIMDJSON_FLOOR:-}" ]; then
    echo
    echo "== simdjson On-Demand floor (visits every member, checks no rule) on the same corpora"
    for name in ${NAMES//,/ }; do
        echo "corpus $name:"
        "${PIN[@]}" "$SIMDJSON_FLOOR" "$WORK/corpus/$name.jsonl"
    done
fi
exit $STATUS
