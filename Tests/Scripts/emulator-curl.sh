#!/usr/bin/env bash
# The seed examples (learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0; learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0; the pages learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 and learningcourseactivity-get, -list, -update and -delete (same path and view)), sent with curl to `learning-contract serve --port 0`, give the
# documented status and body fields. Exits non-zero on the first mismatch.
#
# Usage: Tests/Scripts/emulator-curl.sh   (env SKIP_BUILD=1 reuses .build/debug; CONFIG=release for release)
# Needs: curl, jq.
set -euo pipefail
cd "$(dirname "$0")/../.."
CONFIG="${CONFIG:-debug}"
if [ -z "${SKIP_BUILD:-}" ]; then swift build -c "$CONFIG" --product learning-contract >&2; fi
BIN=".build/$CONFIG/learning-contract"
WORK="$(mktemp -d /tmp/emulator-curl.XXXXXX)"
. Tests/Scripts/serve-lib.sh
cleanup() { if [ -n "${SERVE_PID:-}" ]; then kill "$SERVE_PID" 2>/dev/null || true; wait "$SERVE_PID" 2>/dev/null || true; fi; rm -rf "$WORK"; }
trap cleanup EXIT
serve_start "$BIN" "$WORK/serve"
BASE="$SERVE_BASE"
[ "$(wc -l <"$WORK/serve.out")" -eq 1 ] || { echo "serve printed more than one line"; exit 1; }
APP="$("$BIN" token --app)"
LEARNER="$("$BIN" token)"
V1="$BASE/v1.0"
C="01e8f81b-3060-4dec-acf0-0389665a0a38"   # Contoso provider
L="13727311-e7bb-470d-8b20-6a23d9030d70"   # LinkedIn provider
U="7ba2228a-e020-11ec-9d64-0242ac120002"   # learner
PASS=0

# check NAME EXPECTED_STATUS JQ_FILTER [curl args…]: the filter must print "true".
check() {
  local name="$1" expected="$2" filter="$3"; shift 3
  local status
  status="$(curl -sS -g -o "$WORK/body" -w '%{http_code}' "$@")"
  if [ "$status" != "$expected" ]; then echo "FAIL $name: status $status, expected $expected"; cat "$WORK/body"; echo; exit 1; fi
  if [ -n "$filter" ] && [ "$(jq -r "$filter" "$WORK/body")" != "true" ]; then
    echo "FAIL $name: $filter"; cat "$WORK/body"; echo; exit 1
  fi
  echo "ok   $name ($status)"; PASS=$((PASS + 1))
}
JSON=(-H "Content-Type: application/json")

check "create assignment (5.1 ex. 1)" 201 \
  '.["@odata.type"] == "#microsoft.graph.learningAssignment" and .learningProviderId == "'$C'" and (.id | startswith("'$U':")) and .status == "notStarted" and .completionPercentage == 20 and .notes.content == "required assignment added for user"' \
  -H "Authorization: Bearer $APP" "${JSON[@]}" -X POST "$V1/employeeExperience/learningProviders/$C/learningCourseActivities" -d '{
  "@odata.type": "#microsoft.graph.learningAssignment", "assignedDateTime": "2021-05-11T22:57:17+00:00", "assignmentType": "required",
  "assignerUserId": "cea1684d-57dc-438d-a9d1-e666ec1a7f3d", "completedDateTime": null, "completionPercentage": 20,
  "dueDateTime": { "dateTime": "2022-09-22T16:05:00.0000000", "timeZone": "UTC" },
  "externalCourseActivityId": "12a2228a-e020-11ec-9d64-0242ac120002", "learningContentId": "57baf9dc-e020-11ec-9d64-0242ac120002",
  "learningProviderId": "01e8f81b-3060-4dec-acf0-0389665a0a38", "learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002",
  "notes": { "contentType": "text", "content": "required assignment added for user" }, "status": "notStarted" }'
CREATED_ID="$(jq -r .id "$WORK/body")"

check "create self-initiated (5.1 ex. 2)" 201 \
  '.["@odata.type"] == "#microsoft.graph.learningSelfInitiatedCourse" and .learningProviderId == "'$C'" and .startedDateTime == "2021-05-21T22:57:17+00:00"' \
  -H "Authorization: Bearer $APP" "${JSON[@]}" -X POST "$V1/employeeExperience/learningProviders/$C/learningCourseActivities" -d '{
  "@odata.type": "#microsoft.graph.learningSelfInitiatedCourse", "completedDateTime": null, "completionPercentage": 20,
  "externalCourseActivityId": "12a2228a-e020-11ec-9d64-0242ac120002", "learningContentId": "57baf9dc-e020-11ec-9d64-0242ac120002",
  "learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002", "startedDateTime": "2021-05-21T22:57:17+00:00", "status": "inProgress" }'

check "get created by id (%3A)" 200 '.id == "'$CREATED_ID'"' \
  -H "Authorization: Bearer $LEARNER" "$V1/employeeExperience/learningCourseActivities/${CREATED_ID/:/%3A}"
check "get by id (5.2 ex. 1)" 200 '.id == "8ba2228a-e020-11ec-9d64-0242ac120003" and .assignmentType == "required" and .assignerUserId == "cea1684d-57dc-438d-a9d1-e666ec1a7f3d"' \
  -H "Authorization: Bearer $LEARNER" "$V1/employeeExperience/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003"
check "get by external id (5.2 ex. 2)" 200 '.id == "8ba2228a-e020-11ec-9d64-0242ac120003" and .learningProviderId == "'$C'"' \
  -H "Authorization: Bearer $LEARNER" "$V1/employeeExperience/learningProviders/$C/learningCourseActivities(externalCourseActivityId='12a2228a-e020-11ec-9d64-0242ac120002')"
check "get for a user (5.2 ex. 3)" 200 '.completionPercentage == 20' \
  -H "Authorization: Bearer $LEARNER" "$V1/users/$U/employeeExperience/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003"
check "list (5.3)" 200 '(.value | length) >= 3 and (.value[] | select(.id == "9ca2228a-e020-11ec-9d64-0242ac120004") | .assignmentType) == "unknownFutureValue"' \
  -H "Authorization: Bearer $LEARNER" "$V1/users/$U/employeeExperience/learningCourseActivities"
check "list with Prefer (5.3)" 200 '(.value[] | select(.id == "9ca2228a-e020-11ec-9d64-0242ac120004") | .assignmentType) == "peerRecommended"' \
  -H "Authorization: Bearer $LEARNER" -H "Prefer: include-unknown-enum-members" "$V1/me/employeeExperience/learningCourseActivities"
check "list \$top \$count \$select" 200 '(.value | length) == 1 and .["@odata.count"] >= 3 and (.value[0] | keys | length) == 4' \
  -H "Authorization: Bearer $LEARNER" "$V1/me/employeeExperience/learningCourseActivities?\$top=1&\$count=true&\$select=status"
check "update (5.4 ex. 1)" 204 '' \
  -H "Authorization: Bearer $APP" "${JSON[@]}" -X PATCH "$V1/employeeExperience/learningProviders/$C/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003" -d '{
  "@odata.type": "#microsoft.graph.learningAssignment", "assignedDateTime": "2021-05-11T22:57:17+00:00", "assignmentType": "required",
  "assignerUserId": "cea1684d-57dc-438d-a9d1-e666ec1a7f3d", "completedDateTime": null, "completionPercentage": 20,
  "learningProviderId": "01e8f81b-3060-4dec-acf0-0389665a0a38", "dueDateTime": { "dateTime": "2022-09-22T16:05:00.0000000", "timeZone": "UTC" },
  "externalCourseActivityId": "12a2228a-e020-11ec-9d64-0242ac120002", "learningContentId": "57baf9dc-e020-11ec-9d64-0242ac120002",
  "learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002", "notes": { "contentType": "text", "content": "required assignment added for user" },
  "status": "inProgress" }'
check "update took effect" 200 '.status == "inProgress"' \
  -H "Authorization: Bearer $LEARNER" "$V1/employeeExperience/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003"
check "delete (5.5)" 204 '' -H "Authorization: Bearer $APP" -X DELETE "$V1/employeeExperience/learningProviders/$L/learningCourseActivities/be2f4d76-e020-11ec-9d64-0242ac120002"
check "deleted is 404" 404 '.error.code == "notFound" and (.error.innerError["request-id"] | length) == 36' \
  -H "Authorization: Bearer $LEARNER" "$V1/employeeExperience/learningCourseActivities/be2f4d76-e020-11ec-9d64-0242ac120002"
check "update learningProvider (4.7)" 204 '' -H "Authorization: Bearer $LEARNER" "${JSON[@]}" -X PATCH "$V1/employeeExperience/learningProviders/$L" \
  -d '{"displayName": "Microsoft", "loginWebUrl": "https://www.linkedin.com/learning-login/teams", "isCourseActivitySyncEnabled": true}'
check "upsert learningContent (4.8)" 202 '.id == "77029588-a660-46b6-ba58-3ce4d21d5678" and .externalId == "LP4471"' \
  -H "Authorization: Bearer $APP" "${JSON[@]}" -X PATCH "$V1/employeeExperience/learningProviders/$L/learningContents/77029588-a660-46b6-ba58-3ce4d21d5678" \
  -d '{"externalId": "LP4471", "title": "Manage conflict", "contentWebUrl": "https://www.linkedin.com/learning/lp4471", "languageTag": "en-us", "level": "Beginner", "duration": "PT20M"}'
check "401 without token" 401 '.error.innerError.date != null' "$V1/me/employeeExperience/learningCourseActivities"
check "403 delegated create" 403 '.error.code == "Forbidden"' -H "Authorization: Bearer $LEARNER" "${JSON[@]}" -X POST \
  "$V1/employeeExperience/learningProviders/$C/learningCourseActivities" -d '{}'
check "client-request-id echoed" 404 '.error.innerError["client-request-id"] == "abc-123"' -H "client-request-id: abc-123" \
  -H "Authorization: Bearer $LEARNER" "$V1/employeeExperience/learningCourseActivities/nope"
check "admin info" 200 '.emulator == "learning-contract"' "$BASE/_emulator/info"
check "admin reset" 204 '' -X POST -H 'Content-Type: application/json' "$BASE/_emulator/reset"
check "admin reset as text/plain (CSRF)" 415 '' -X POST -H 'Content-Type: text/plain' "$BASE/_emulator/reset"
check "admin with a foreign Host (DNS rebinding)" 403 '' -H 'Host: attacker.example' "$BASE/_emulator/info"
echo "$PASS checks passed against $BASE"
