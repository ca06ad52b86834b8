#!/usr/bin/env bash
# Release-build benchmark of the emulator with wrk on loopback: GET by id and POST create, at 2 and 64
# connections. Fails when wrk reports any non-2xx response or socket error.
#
# Usage: Tests/Scripts/emulator-bench.sh [duration, default 10s]
# Env:   SKIP_BUILD=1 to reuse .build/release; THREADS (wrk threads, default 2); SERVER_THREADS (server loops).
# Needs: wrk (Debian package `wrk`).
set -euo pipefail
cd "$(dirname "$0")/../.."
DURATION="${1:-10s}"
THREADS="${THREADS:-2}"
command -v wrk >/dev/null || { echo "wrk not found (apt-get install -y wrk)" >&2; exit 2; }
if [ -z "${SKIP_BUILD:-}" ]; then swift build -c release --product learning-bench >&2 && swift build -c release --product learning-contract >&2; fi
BIN=.build/release/learning-bench
CLI=.build/release/learning-contract

WORK="$(mktemp -d /tmp/emulator-bench.XXXXXX)"
# `learning-bench emulator` when it is wired in; otherwise the product itself, `learning-contract serve`.
if "$BIN" emulator --help >/dev/null 2>&1; then
  SERVER=("$BIN" emulator --port 0)
  [ -n "${SERVER_THREADS:-}" ] && SERVER+=(--threads "$SERVER_THREADS")
else
  SERVER=("$CLI" serve --port 0)
fi
"${SERVER[@]}" >"$WORK/server.out" 2>"$WORK/server.err" &
SERVER_PID=$!
cleanup() { kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
for _ in $(seq 1 100); do grep -q '^Listening on ' "$WORK/server.out" 2>/dev/null && break; sleep 0.1; done
BASE="$(sed -n 's/^Listening on //p' "$WORK/server.out")"
APP="$(sed -n 's/^app-token: //p' "$WORK/server.out")"
LEARNER="$(sed -n 's/^learner-token: //p' "$WORK/server.out")"
[ -n "$APP" ] || APP="$("$CLI" token --app)"
[ -n "$LEARNER" ] || LEARNER="$("$CLI" token)"
[ -n "$BASE" ] || { echo "server did not start:"; cat "$WORK/server.err"; exit 1; }

GET_URL="$BASE/v1.0/employeeExperience/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003"
POST_URL="$BASE/v1.0/employeeExperience/learningProviders/01e8f81b-3060-4dec-acf0-0389665a0a38/learningCourseActivities"
cat >"$WORK/create.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $APP"
wrk.body = '{"@odata.type":"#microsoft.graph.learningAssignment","assignedDateTime":"2021-05-11T22:57:17+00:00","assignmentType":"required","assignerUserId":"cea1684d-57dc-438d-a9d1-e666ec1a7f3d","completedDateTime":null,"completionPercentage":20,"dueDateTime":{"dateTime":"2022-09-22T16:05:00.0000000","timeZone":"UTC"},"externalCourseActivityId":"12a2228a-e020-11ec-9d64-0242ac120002","learningContentId":"57baf9dc-e020-11ec-9d64-0242ac120002","learningProviderId":"01e8f81b-3060-4dec-acf0-0389665a0a38","learnerUserId":"7ba2228a-e020-11ec-9d64-0242ac120002","notes":{"contentType":"text","content":"required assignment added for user"},"status":"notStarted"}'
LUA

# Sanity: both requests succeed once before measuring.
curl -fsS -o /dev/null -H "Authorization: Bearer $LEARNER" "$GET_URL"
curl -fsS -o /dev/null -H "Authorization: Bearer $APP" -H "Content-Type: application/json" \
  -d "$(sed -n "s/^wrk.body = '\(.*\)'$/\1/p" "$WORK/create.lua")" "$POST_URL"

FAILED=0
run() {  # name connections wrk-args...
  local name="$1" connections="$2"; shift 2
  local out="$WORK/$name-c$connections.txt"
  wrk -t"$THREADS" -c"$connections" -d"$DURATION" --latency "$@" >"$out"
  local rps p99 errors
  rps="$(awk '/^Requests\/sec:/ {print $2}' "$out")"
  p99="$(awk '$1 == "99%" {print $2}' "$out")"
  errors="$(grep -E 'Non-2xx|Socket errors' "$out" || true)"
  printf '%-7s c=%-3s %10s req/s  p99 %-8s %s\n' "$name" "$connections" "$rps" "$p99" "${errors:-0 errors}"
  if [ -n "$errors" ]; then FAILED=1; fi
}
echo "wrk -t$THREADS -d$DURATION --latency; server: ${SERVER[*]}"
run get 2 -H "Authorization: Bearer $LEARNER" "$GET_URL"
run get 64 -H "Authorization: Bearer $LEARNER" "$GET_URL"
run create 2 -s "$WORK/create.lua" "$POST_URL"
run create 64 -s "$WORK/create.lua" "$POST_URL"
exit "$FAILED"
