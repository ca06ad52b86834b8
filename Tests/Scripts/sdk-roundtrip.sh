#!/usr/bin/env bash
# The official Microsoft Graph Python SDKs (msgraph-sdk for v1.0, msgraph-beta-sdk for beta; pinned with every
# transitive dependency in requirements-sdk.txt, installed into a cached virtual environment outside the repository)
# round-trip through `learning-contract serve`: create both subtypes, GET through every request builder the SDK
# offers, list with paging, $count and $select, PATCH after GET, DELETE, and errors as the SDK's ODataError.
# The checks are in sdk_roundtrip.py; each prints PASS or FAIL with its reason.
#
#   Tests/Scripts/sdk-roundtrip.sh [--versions v1.0,beta] [-- extra serve options, e.g. --strict]
#
# Environment: LEARNING_CONTRACT_ROOT=DIR tests another checkout (its Schemas/ and build) with these scripts;
# SKIP_BUILD=1 reuses the built CLI; CONFIG=release; KEEP=1 keeps the work directory (serve log);
# LEARNING_CONTRACT_CACHE moves the cached environments; PYTHON picks the interpreter.
# Exit status: 0 every check passed; 1 a check failed, or the SDKs could not be installed (PyPI unreachable), or
# serve did not start.
set -euo pipefail
source "$(dirname "$0")/external-common.sh"
cd "$EXT_ROOT"

VERSIONS=v1.0,beta
PAGE_SIZE=2
SERVE_EXTRA=()
while [ $# -gt 0 ]; do
    case "$1" in
        --versions) VERSIONS=$2; shift 2 ;;
        --) shift; SERVE_EXTRA=("$@"); break ;;
        *) echo "usage: $0 [--versions v1.0,beta] [-- serve options]" >&2; exit 2 ;;
    esac
done

START=$(date +%s)
ext_venv sdk "$EXT_SCRIPTS/requirements-sdk.txt"
ext_build
# A small server-driven page size, so that listing the docs learner's activities takes several pages.
ext_serve --page-size "$PAGE_SIZE" "${SERVE_EXTRA[@]}"
APP_TOKEN="$("$EXT_BIN" token --app)" || ext_fail "learning-contract token --app failed"
DELEGATED_TOKEN="$("$EXT_BIN" token --delegated)" || ext_fail "learning-contract token --delegated failed"

# Under serve --strict the one check whose documented answer differs expects it (sdk_roundtrip.py --strict).
STRICT_FLAG=()
for option in "${SERVE_EXTRA[@]}"; do [ "$option" = --strict ] && STRICT_FLAG=(--strict); done

set +e
"$EXT_PYTHON" "$EXT_SCRIPTS/sdk_roundtrip.py" --base-url "$EXT_BASE" \
    --app-token "$APP_TOKEN" --delegated-token "$DELEGATED_TOKEN" --versions "$VERSIONS" --page-size "$PAGE_SIZE" "${STRICT_FLAG[@]}"
STATUS=$?
set -e
echo "== sdk_roundtrip.py exit status $STATUS after $(( $(date +%s) - START )) s (install, build and run)"
[ "$STATUS" -eq 0 ] || { echo "FAIL: the official SDK round trip failed"; exit 1; }
echo "PASS: the official SDK round trip passed on $VERSIONS"
