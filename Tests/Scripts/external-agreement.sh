#!/usr/bin/env bash
# The external-agreement checks, in order, against one build of the product:
#   1. schemathesis-check.sh --version v1.0   (Schemathesis with Schemas/openapi.json against serve)
#   2. schemathesis-check.sh --version beta
#   3. verdict-agreement.sh                   (validate vs a JSON Schema 2020-12 validator on the exported schemas)
#   4. sdk-roundtrip.sh                       (msgraph-sdk and msgraph-beta-sdk through serve, v1.0 and beta)
# Each installs its own pinned tools from PyPI into a cached virtual environment (external-common.sh); if PyPI can't be
# reached, that check fails saying so, and so does this script: nothing passes without having run.
#
#   Tests/Scripts/external-agreement.sh
#
# Environment: SKIP_BUILD=1 reuses an existing build instead of building once here; CONFIG=release;
# LEARNING_CONTRACT_ROOT, LEARNING_CONTRACT_CACHE, PYTHON and KEEP are passed on to every check.
# Output: each check's own output, then a summary table (check, result, seconds).
# Exit status: 0 every check passed; 1 one or more failed (or is missing, or the build failed).
set -uo pipefail
SCRIPTS="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "${LEARNING_CONTRACT_ROOT:-$SCRIPTS/../..}" && pwd)"
CONFIG="${CONFIG:-debug}"
export CONFIG

if [ -z "${SKIP_BUILD:-}" ]; then
    echo "== swift build -c $CONFIG --product learning-contract (once, for every check)"
    if ! (cd "$ROOT" && swift build -c "$CONFIG" --product learning-contract 2>&1 | tail -3); then
        echo "FAIL: swift build --product learning-contract failed in $ROOT; nothing was checked"
        exit 1
    fi
fi
BIN="$(cd "$ROOT" && swift build -c "$CONFIG" --show-bin-path)/learning-contract"
[ -x "$BIN" ] || { echo "FAIL: no $BIN: the build failed; nothing was checked"; exit 1; }
export SKIP_BUILD=1

LOGS="$(mktemp -d "${TMPDIR:-/tmp}/learning-external-agreement.XXXXXX")"
trap 'rm -rf "$LOGS"' EXIT
NAMES=()
RESULTS=()
SECONDS_TAKEN=()

run_check() {
    local name="$1"; shift
    local script="$1"; shift
    local start status
    start=$(date +%s)
    echo
    echo "==== $name: $(basename "$script") $*"
    if [ ! -f "$script" ]; then
        echo "FAIL: $script is missing"
        status=missing
    elif bash "$script" "$@" 2>&1 | tee "$LOGS/$(( ${#NAMES[@]} + 1 )).log"; then
        status=PASS
    elif grep -q "is PyPI reachable" "$LOGS/$(( ${#NAMES[@]} + 1 )).log"; then
        status=NO-PYPI
    else
        status=FAIL
    fi
    NAMES+=("$name")
    RESULTS+=("$status")
    SECONDS_TAKEN+=("$(( $(date +%s) - start ))")
}

run_check "schemathesis v1.0" "$SCRIPTS/schemathesis-check.sh" --version v1.0
run_check "schemathesis beta" "$SCRIPTS/schemathesis-check.sh" --version beta
run_check "verdict agreement" "$SCRIPTS/verdict-agreement.sh"
run_check "sdk round trip (v1.0, beta)" "$SCRIPTS/sdk-roundtrip.sh" --versions v1.0,beta

echo
echo "== external agreement summary"
printf '%-30s %-8s %s\n' "check" "result" "seconds"
failed=0
for i in "${!NAMES[@]}"; do
    printf '%-30s %-8s %s\n' "${NAMES[$i]}" "${RESULTS[$i]}" "${SECONDS_TAKEN[$i]}"
    [ "${RESULTS[$i]}" = PASS ] || failed=$((failed + 1))
done
if printf '%s\n' "${RESULTS[@]}" | grep -q NO-PYPI; then
    echo "FAIL: PyPI could not be reached to install the pinned tools (NO-PYPI above): those checks did not run"
fi
if [ "$failed" -gt 0 ]; then
    echo "FAIL: $failed of ${#NAMES[@]} external checks did not pass"
    exit 1
fi
echo "PASS: all ${#NAMES[@]} external checks passed"
