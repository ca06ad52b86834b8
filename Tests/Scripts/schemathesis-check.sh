#!/usr/bin/env bash
# Schemathesis 4 (pinned in requirements-schemathesis.txt, installed into a cached virtual environment outside the
# repository) with the package's own Schemas/openapi.json against `learning-contract serve`: every check
# (`--checks all`, none excluded), every phase, one worker, a fixed seed and a fixed number of examples per operation,
# so two runs of the same commit send the same requests.
#
# Auth and data come from Tests/Scripts/schemathesis_hooks.py: each case gets a token of a kind its operation's
# `security` allows (application roles or delegated scopes, exactly those of one requirement), and the provider path
# parameters are pinned to the two providers of the docs world that `serve` seeds.
#
#   Tests/Scripts/schemathesis-check.sh [--version v1.0|beta] [--max-examples N] [--seed S] [-- extra schemathesis args]
#
# Environment: LEARNING_CONTRACT_ROOT=DIR tests another checkout (its Schemas/ and build) with these scripts;
# SKIP_BUILD=1 reuses the built CLI; CONFIG=release; KEEP=1 keeps the work directory (reports, serve
# log); AUTH_CHOICE=first gives every case the first requirement of its operation instead of one by hash;
# LEARNING_CONTRACT_CACHE moves the cached environments; PYTHON picks the interpreter; HOOK_TRACE=FILE makes the
# hooks log every activity update they see (schemathesis_hooks.py), to explain a failure.
# Exit status: 0 no failure; 1 failures, or the tools could not be installed (PyPI unreachable), or serve did not start.
set -euo pipefail
source "$(dirname "$0")/external-common.sh"
cd "$EXT_ROOT"

VERSION=v1.0 MAX_EXAMPLES=25 SEED=20261129
EXTRA=()
while [ $# -gt 0 ]; do
    case "$1" in
        --version) VERSION=$2; shift 2 ;;
        --max-examples) MAX_EXAMPLES=$2; shift 2 ;;
        --seed) SEED=$2; shift 2 ;;
        --) shift; EXTRA=("$@"); break ;;
        *) echo "usage: $0 [--version v1.0|beta] [--max-examples N] [--seed S] [-- schemathesis args]" >&2; exit 2 ;;
    esac
done

START=$(date +%s)
ext_venv schemathesis "$EXT_SCRIPTS/requirements-schemathesis.txt"
ext_build
# The seed also seeds the ids serve mints, so two runs of one commit send the same requests (`serve --id-seed`).
ext_serve --id-seed "$SEED"

REPORTS="$EXT_WORK/reports"
mkdir -p "$REPORTS"
OPENAPI_FILE="$EXT_ROOT/Schemas/openapi.json"
# /beta serves older forms too (read leniently), which a document for both versions cannot list.
[ "$VERSION" = beta ] && OPENAPI_FILE="$EXT_ROOT/Schemas/openapi-beta.json"
echo "== schemathesis run ${OPENAPI_FILE#$EXT_ROOT/} --url $EXT_BASE/$VERSION --checks all --seed $SEED --max-examples $MAX_EXAMPLES"
set +e
# Run from the work directory: Hypothesis and the reports write there, not into the repository.
(
    cd "$EXT_WORK"
    LEARNING_CONTRACT_BIN="$EXT_BIN" OPENAPI="$OPENAPI_FILE" API_URL="$EXT_BASE/$VERSION" \
    PYTHONPATH="$EXT_SCRIPTS${PYTHONPATH:+:$PYTHONPATH}" SCHEMATHESIS_HOOKS=schemathesis_hooks \
    "$(dirname "$EXT_PYTHON")/schemathesis" run "$OPENAPI_FILE" \
        --url "$EXT_BASE/$VERSION" \
        --checks all \
        --workers 1 \
        --seed "$SEED" \
        --max-examples "$MAX_EXAMPLES" \
        --generation-database none \
        --request-timeout 10 \
        --no-color \
        --report junit,ndjson --report-dir "$REPORTS" \
        "${EXTRA[@]}"
)
STATUS=$?
set -e
END=$(date +%s)
echo "== schemathesis exit status $STATUS after $((END - START)) s (install, build and run)"
if [ "$STATUS" -ne 0 ]; then
    [ "${KEEP:-0}" = 1 ] || echo "(KEEP=1 keeps the JUnit and NDJSON reports)"
    echo "FAIL: Schemathesis found failures (or could not run) against serve $VERSION"
    exit 1
fi
echo "PASS: Schemathesis found no failure against serve $VERSION"
