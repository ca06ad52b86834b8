#!/usr/bin/env bash
# Responsiveness benchmark: the latency of GET-by-id requests on one keep-alive connection while other
# connections keep POSTing large invalid bodies (an object with many undeclared members, ~480 KB) that the
# emulator validates. Prints p50, p99 and max of the GETs, and how many POSTs were answered meanwhile.
# Not part of `swift test` (no timing assertions there); figures depend on the machine and its load.
#
# Usage: Tests/Scripts/emulator-get-under-load.sh [seconds, default 10] [posting connections, default 2]
# Env:   SKIP_BUILD=1 to reuse the binary; BIN (default .build/release/learning-contract); MEMBERS (default 40000).
# Needs: python3 (standard library only).
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_TO_RUN="${1:-10}"
POSTERS="${2:-2}"
BIN="${BIN:-.build/release/learning-contract}"
if [ -z "${SKIP_BUILD:-}" ]; then swift build -c release --product learning-contract >&2; fi
WORK="$(mktemp -d /tmp/emulator-get-under-load.XXXXXX)"
. Tests/Scripts/serve-lib.sh
cleanup() { if [ -n "${SERVE_PID:-}" ]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
serve_start "$BIN" "$WORK/serve"
BASE="$SERVE_BASE"
APP="$("$BIN" token --app)" LEARNER="$("$BIN" token)" BASE="$BASE" SECONDS_TO_RUN="$SECONDS_TO_RUN" POSTERS="$POSTERS" \
  MEMBERS="${MEMBERS:-40000}" python3 - <<'PY'
import http.client, os, threading, time, urllib.parse

base = urllib.parse.urlsplit(os.environ["BASE"])
duration, posters, members = float(os.environ["SECONDS_TO_RUN"]), int(os.environ["POSTERS"]), int(os.environ["MEMBERS"])
get_path = "/v1.0/employeeExperience/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003"
post_path = "/v1.0/employeeExperience/learningProviders/01e8f81b-3060-4dec-acf0-0389665a0a38/learningCourseActivities"
body = ('{"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse","status":"inProgress",'
        + ",".join('"m%d":%d' % (i, i) for i in range(members)) + "}").encode()
stop = time.monotonic() + duration
posted, statuses, lock = [0], {}, threading.Lock()

def poster():
    conn = http.client.HTTPConnection(base.hostname, base.port, timeout=300)
    headers = {"Authorization": "Bearer " + os.environ["APP"], "Content-Type": "application/json"}
    while time.monotonic() < stop:
        conn.request("POST", post_path, body=body, headers=headers)
        response = conn.getresponse(); response.read()
        with lock:
            posted[0] += 1
            statuses[response.status] = statuses.get(response.status, 0) + 1

threads = [threading.Thread(target=poster, daemon=True) for _ in range(posters)]
for thread in threads: thread.start()
time.sleep(0.5)  # let the first large bodies reach their handlers
conn = http.client.HTTPConnection(base.hostname, base.port, timeout=300)
headers = {"Authorization": "Bearer " + os.environ["LEARNER"]}
latencies = []
while time.monotonic() < stop:
    started = time.perf_counter()
    conn.request("GET", get_path, headers=headers)
    response = conn.getresponse(); response.read()
    latencies.append(time.perf_counter() - started)
    assert response.status == 200, response.status
for thread in threads: thread.join()
latencies.sort()
def pct(p): return latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000
print("body %d bytes (%d members), %d posting connections, %.0f s" % (len(body), members, posters, duration))
print("GETs: %d, p50 %.2f ms, p99 %.2f ms, max %.2f ms" % (len(latencies), pct(0.50), pct(0.99), latencies[-1] * 1000))
print("POSTs answered meanwhile: %d %s" % (posted[0], statuses))
PY
