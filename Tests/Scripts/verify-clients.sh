#!/usr/bin/env bash
# The CI gate of `serve --verify-clients -- CMD` with a real client (curl): a clean client passes (exit 0), a
# client that breaks the contract fails the gate (exit 1) even though curl itself succeeds, and the report
# files land in --report DIR. Run from anywhere: bash Tests/Scripts/verify-clients.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v curl >/dev/null || { echo "verify-clients.sh: needs curl" >&2; exit 2; }
swift build --product learning-contract >/dev/null
BIN="$(swift build --show-bin-path)/learning-contract"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

export TOKEN="$("$BIN" token --app)"
PROVIDER=01e8f81b-3060-4dec-acf0-0389665a0a38
cat >"$WORK/clean-client.sh" <<SH
#!/usr/bin/env bash
set -euo pipefail
curl -sf -o /dev/null -H "Authorization: Bearer \$TOKEN" -H "client-request-id: clean-get" \\
  "\$LEARNING_CONTRACT_URL/v1.0/employeeExperience/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003"
curl -sf -o /dev/null -H "Authorization: Bearer \$TOKEN" -H "Content-Type: application/json" -H "client-request-id: clean-create" \\
  --data '{"@odata.type":"#microsoft.graph.learningAssignment","learningContentId":"57baf9dc-e020-11ec-9d64-0242ac120002","learnerUserId":"7ba2228a-e020-11ec-9d64-0242ac120002","learningProviderId":"01e8f81b-3060-4dec-acf0-0389665a0a38","assignmentType":"required","status":"notStarted","completionPercentage":20}' \\
  "\$LEARNING_CONTRACT_URL/v1.0/employeeExperience/learningProviders/$PROVIDER/learningCourseActivities"
SH
cat >"$WORK/bad-client.sh" <<SH
#!/usr/bin/env bash
# curl without -f: this client ignores the 400, as careless integration code would, and exits 0.
curl -s -o /dev/null -H "Authorization: Bearer \$TOKEN" -H "Content-Type: text/plain" -H "client-request-id: bad-create" \\
  --data '{"@odata.type":"#microsoft.graph.learningAssignment","learningContentId":"57baf9dc-e020-11ec-9d64-0242ac120002","learnerUserId":"7ba2228a-e020-11ec-9d64-0242ac120002","assignmentType":"required","status":"Completed","completionPercentage":101}' \\
  "\$LEARNING_CONTRACT_URL/v1.0/employeeExperience/learningProviders/$PROVIDER/learningCourseActivities"
SH
chmod +x "$WORK/clean-client.sh" "$WORK/bad-client.sh"

fail() { echo "verify-clients.sh: FAIL: $*" >&2; exit 1; }

set +e
"$BIN" serve --port 0 --verify-clients --report "$WORK/clean" -- "$WORK/clean-client.sh" >"$WORK/clean.out" 2>"$WORK/clean.err"
clean=$?
"$BIN" serve --port 0 --verify-clients --report "$WORK/bad" -- "$WORK/bad-client.sh" >"$WORK/bad.out" 2>"$WORK/bad.err"
bad=$?
"$BIN" serve --port 0 --verify-clients -- false >/dev/null 2>&1
failing=$?
set -e

[ "$clean" -eq 0 ] || { cat "$WORK/clean.err" >&2; fail "clean client: exit $clean, expected 0"; }
grep -q "2 requests judged: 0 violations, 0 warnings (clean)" "$WORK/clean/client-report.txt" || fail "clean report"
[ "$bad" -eq 1 ] || { cat "$WORK/bad.err" >&2; fail "bad client: exit $bad, expected 1"; }
for expected in "violation contentType" "violation field: completionPercentage" "violation field: status"; do
  grep -q "$expected" "$WORK/bad/client-report.txt" || fail "bad report lacks '$expected'"
done
grep -q 'failures="1"' "$WORK/bad/client-report.junit.xml" || fail "JUnit report"
[ "$failing" -eq 1 ] || fail "a failing command: exit $failing, expected 1"
echo "verify-clients.sh: clean client exit 0, bad client exit 1, failing command exit 1: OK"
