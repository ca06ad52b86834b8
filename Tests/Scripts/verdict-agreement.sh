#!/usr/bin/env bash
# Verdict agreement (issue 9 item 5): `learning-contract validate` and a JSON Schema 2020-12 validator (jsonschema-rs,
# pinned in requirements-verdict-agreement.txt, installed from PyPI into a cached virtual environment outside the
# repository) must give every body the same verdict, on a generated corpus that holds every body shape the corpus
# generator makes (`SyntheticCorpus.Shape`), judged against the committed `Schemas/create-learningCourseActivity.schema.json`.
# The only exception is a body with a duplicate member name, which a JSON Schema validator can't see (its parser
# keeps one value): those are counted and printed apart. Exit 1 on any other disagreement, or when PyPI can't be
# reached (nothing was checked then).
#
#   Tests/Scripts/verdict-agreement.sh
#
# Environment: BODIES (default 20000: every shape about 540 times, longNotes about 100), SEED (default 1),
# CONFIG (debug or release; default debug), SKIP_BUILD=1 reuses the build, KEEP=1 keeps the work directory.
set -euo pipefail
. "$(dirname "$0")/external-common.sh"

BODIES=${BODIES:-20000}
SEED=${SEED:-1}
ext_venv verdict-agreement "$EXT_SCRIPTS/requirements-verdict-agreement.txt"
ext_build
CONFIG=${CONFIG:-debug}
if [ -z "${SKIP_BUILD:-}" ]; then
    (cd "$EXT_ROOT" && swift build -c "$CONFIG" --product learning-bench >"$EXT_WORK/bench-build.log" 2>&1) \
        || { grep -E "error" "$EXT_WORK/bench-build.log" | head -20; ext_fail "swift build --product learning-bench failed"; }
fi
BENCH="$(dirname "$EXT_BIN")/learning-bench"
[ -x "$BENCH" ] || ext_fail "no $BENCH: the build failed"
SCHEMA="$EXT_ROOT/Schemas/create-learningCourseActivity.schema.json"
[ -f "$SCHEMA" ] || ext_fail "no $SCHEMA"

echo "== corpus: $BODIES create bodies of every shape (learning-bench validator --mixed $BODIES --seed $SEED)"
"$BENCH" validator --small 0 --large 0 --mixed "$BODIES" --seed "$SEED" --runs 1 --paths fast \
    --corpus-out "$EXT_WORK/corpus" >"$EXT_WORK/bench.log" 2>&1 || { cat "$EXT_WORK/bench.log"; ext_fail "the corpus generator failed"; }

echo "== learning-contract validate --jsonl --format json --quiet"
STATUS=0
"$EXT_BIN" validate --operation create --jsonl --format json --quiet "$EXT_WORK/corpus/mixed.jsonl" >"$EXT_WORK/ours.jsonl" || STATUS=$?
# 0: all valid, 1: some invalid; anything else is a failure of the command itself.
[ "$STATUS" -le 1 ] || { tail -5 "$EXT_WORK/ours.jsonl"; ext_fail "learning-contract validate exited $STATUS"; }

echo "== jsonschema-rs on $(basename "$SCHEMA")"
"$EXT_PYTHON" "$EXT_SCRIPTS/verdict_agreement.py" --schema "$SCHEMA" --corpus "$EXT_WORK/corpus/mixed.jsonl" \
    --labels "$EXT_WORK/corpus/mixed.verdicts.tsv" --ours "$EXT_WORK/ours.jsonl" || ext_fail "the verdicts differ"
