#!/usr/bin/env bash
# The emulator's Pact-style provider-state endpoint (POST /_emulator/provider-states) works with the real Pact
# verifier: `pact verifier` (PyPI package pact-python-cli) replays Tests/Fixtures/pact/*.json against
# `learning-contract serve`, setting up and tearing down each interaction's provider states through
# --state-change-url. Exits non-zero when the verification fails, or when PyPI cannot be reached to install it.
#
# Usage: Tests/Scripts/pact-verify.sh   (env SKIP_BUILD=1 reuses .build/debug; PACT_VENV overrides the venv)
# Needs: python3 (venv), network access to PyPI the first time (the venv is cached outside the repository).
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV="${PACT_VENV:-${XDG_CACHE_HOME:-$HOME/.cache}/learning-contract/venv-pact}"
if [ ! -x "$VENV/bin/pact" ]; then
  mkdir -p "$(dirname "$VENV")"
  python3 -m venv "$VENV"
  if ! "$VENV/bin/pip" install --quiet --disable-pip-version-check pact-python-cli; then
    echo "pact-verify: could not install pact-python-cli from PyPI (is PyPI reachable?); the Pact verification did not run" >&2
    rm -rf "$VENV"
    exit 1
  fi
fi
PACT="$VENV/bin/pact"
export PACT_DO_NOT_TRACK=true

if [ -z "${SKIP_BUILD:-}" ]; then swift build --product learning-contract >&2; fi
BIN=".build/debug/learning-contract"
WORK="$(mktemp -d /tmp/pact-verify.XXXXXX)"
. Tests/Scripts/serve-lib.sh
cleanup() { if [ -n "${SERVE_PID:-}" ]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
serve_start "$BIN" "$WORK/serve" || { echo "pact-verify: FAIL: serve did not start" >&2; exit 1; }
BASE="$SERVE_BASE"
PORT="${BASE##*:}"
# The credential goes in a header, never in the pact file (test tokens expire).
TOKEN="$("$BIN" token --app)"

FILES=()
for file in Tests/Fixtures/pact/*.json; do FILES+=(--file "$file"); done
[ "${#FILES[@]}" -gt 0 ] || { echo "pact-verify: no pact file in Tests/Fixtures/pact" >&2; exit 1; }
"$PACT" verifier \
  "${FILES[@]}" \
  --hostname 127.0.0.1 --port "$PORT" \
  --header "Authorization=Bearer $TOKEN" \
  --state-change-url "$BASE/_emulator/provider-states" \
  --state-change-teardown \
  --request-timeout 10000
echo "pact-verify: the Pact verifier passed against serve's provider-state endpoint"
