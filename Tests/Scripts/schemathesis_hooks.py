"""Schemathesis 4 hooks for Tests/Scripts/schemathesis-check.sh (loaded through SCHEMATHESIS_HOOKS).

Auth: every case gets a bearer token of a kind its operation's `security` in Schemas/openapi.json allows, minted by
`learning-contract token` with exactly that requirement's roles (application) or scopes (delegated). Where an
operation allows several requirements, the case picks one by a stable hash of its own data (path parameters, query,
body), so every alternative is exercised and a replayed or shrunk case gets the same token again. Nothing else is
authorised: a case whose operation has no `security` gets no token.

Data: the provider path parameters (`registrationId`, `learningProviderId`) are pinned to the providers the docs world
seeds (Sources/LearningEmulator/DocsWorld.swift), chosen by the same stable hash, unless the case is a negative one
that mutated that very parameter.

Exception: a PATCH or DELETE of a provider itself (/employeeExperience/learningProviders/{learningProviderId}, and
its /$ref form) never gets a seeded provider. A value the run took from an earlier response (a stateful link or a
resource-pool draw) is left as it is; any other gets a provider this hook registers through the API (POST
/employeeExperience/learningProviders, delegated LearningProvider.ReadWrite): one long-lived scratch provider for
PATCH, a fresh one for each DELETE. Otherwise a generated `"isCourseActivitySyncEnabled": false` switches a seeded
provider off (learn.microsoft.com/graph/api/learningprovider-update, Request body table, row
isCourseActivitySyncEnabled), or a DELETE removes it, and every later activity request on it is, rightly, 400 ("This
provider isn't enabled for the given tenant." / "…registrationId … valid or registered…"), which Schemathesis's
positive_data_acceptance check reads as a valid request refused: a failure of the harness, not of the API.

Activity subtype: a PATCH of an activity (updateActivity) whose body's `@odata.type` is not the subtype of the activity
the path addresses is refused, rightly, with 400 "Input field @odata.type is invalid": an update can't turn a
learningSelfInitiatedCourse into a learningAssignment (learn.microsoft.com/graph/api/learningcourseactivity-update,
"Request body": @odata.type selects the type), and no OpenAPI can say which subtype a stored id has. When the path's id
addresses an existing activity of the other subtype (looked up through GET …/learningCourseActivities/{id}), the case
gets a docs-world activity of the body's subtype and its provider instead; ids that don't exist are left alone (404).

Explicit examples (the `examples` phase) don't go through `map_case`; `before_add_examples` applies the same mapping.

Environment: LEARNING_CONTRACT_BIN (the CLI that mints tokens), OPENAPI (the schema whose `security` is read),
API_URL (the base URL Schemathesis tests, with the version segment), AUTH_CHOICE = hash (default: one allowed
requirement per case) | first (always the first requirement listed), HOOK_TRACE=FILE (one JSON line per activity
update the hooks see: where, case id, path parameters, body subtype, phase, mode, the lookup, the decision, the answer).
"""

import hashlib
import json
import os
import subprocess
import urllib.error
import urllib.parse
import urllib.request

import schemathesis
from schemathesis.generation.meta import negated_parameters

# DocsWorld.contosoProviderID and DocsWorld.linkedInProviderID: both registered, both with sync enabled.
SEEDED_PROVIDERS = ["01e8f81b-3060-4dec-acf0-0389665a0a38", "13727311-e7bb-470d-8b20-6a23d9030d70"]
PROVIDER_PARAMETERS = ("registrationId", "learningProviderId")

# DocsWorld.assignmentID / peerRecommendedID (assignments) and selfInitiatedID, by subtype, each with its provider.
SEEDED_ACTIVITIES = {
    "#microsoft.graph.learningAssignment": [
        ("01e8f81b-3060-4dec-acf0-0389665a0a38", "8ba2228a-e020-11ec-9d64-0242ac120003"),
        ("13727311-e7bb-470d-8b20-6a23d9030d70", "9ca2228a-e020-11ec-9d64-0242ac120004"),
    ],
    "#microsoft.graph.learningSelfInitiatedCourse": [
        ("13727311-e7bb-470d-8b20-6a23d9030d70", "be2f4d76-e020-11ec-9d64-0242ac120002"),
    ],
}
ACTIVITY_ITEM_PATH = "/employeeExperience/learningProviders/{registrationId}/learningCourseActivities/{id}"
# Beta's older update path without the provider (ambiguity updatePathWithoutProvider; only in openapi-beta.json).
ACTIVITY_UPDATE_PATHS = {ACTIVITY_ITEM_PATH, "/employeeExperience/learningCourseActivities/{id}"}

PROVIDER_ITEM_PATHS = (
    "/employeeExperience/learningProviders/{learningProviderId}",
    "/employeeExperience/learningProviders/{learningProviderId}/$ref",
)

BIN = os.environ["LEARNING_CONTRACT_BIN"]
API_URL = os.environ["API_URL"].rstrip("/")
AUTH_CHOICE = os.environ.get("AUTH_CHOICE", "hash")
with open(os.environ["OPENAPI"], encoding="utf-8") as handle:
    _SCHEMA = json.load(handle)

_TOKENS = {}


def _token(scheme, permissions):
    """A test token for one security requirement: application roles or delegated scopes, exactly those."""
    key = (scheme, tuple(permissions))
    if key not in _TOKENS:
        if scheme == "application":
            args = ["--app"] + (["--roles", ",".join(permissions)] if permissions else [])
        elif scheme == "delegated":
            args = ["--delegated"] + (["--scopes", ",".join(permissions)] if permissions else [])
        else:
            raise RuntimeError(f"security scheme {scheme!r} has no token kind in this hook")
        result = subprocess.run([BIN, "token", *args], check=True, capture_output=True, text=True)
        _TOKENS[key] = result.stdout.strip()
    return _TOKENS[key]


_SCRATCH = []


def _scratch_provider():
    """A provider registered for updateProvider alone, so that the run never switches a seeded provider off."""
    if not _SCRATCH:
        _SCRATCH.append(_register_provider())
    return _SCRATCH[0]


def _register_provider():
    """A new provider, registered through the API (POST /employeeExperience/learningProviders)."""
    logo = "https://example.com/logo.png"
    body = {
        "displayName": "schemathesis scratch provider",
        "squareLogoWebUrlForDarkTheme": logo, "longLogoWebUrlForDarkTheme": logo,
        "squareLogoWebUrlForLightTheme": logo, "longLogoWebUrlForLightTheme": logo,
        "isCourseActivitySyncEnabled": True,
    }
    request = urllib.request.Request(
        API_URL + "/employeeExperience/learningProviders", data=json.dumps(body).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/json",
                 "Authorization": "Bearer " + _token("delegated", ["LearningProvider.ReadWrite"])})
    with urllib.request.urlopen(request, timeout=10) as response:
        return json.load(response)["id"]


def _requirements(method, path):
    operation = _SCHEMA["paths"].get(path, {}).get(method.lower(), {})
    return operation.get("security", _SCHEMA.get("security", []))


def _stable_hash(case):
    def plain(value):
        if value is None or isinstance(value, (str, int, float, bool, list, dict)):
            return value
        return type(value).__name__  # NotSet and the like: no address in the hash

    material = json.dumps(
        [case.method, case.path, plain(case.path_parameters), plain(case.query), plain(case.body)],
        sort_keys=True,
        default=repr,
    )
    return int(hashlib.sha256(material.encode("utf-8")).hexdigest(), 16)


@schemathesis.auth(refresh_interval=None)
class SecurityRequirementAuth:
    """One token per case, of a kind the operation's `security` allows."""

    def get(self, case, context):
        requirements = [r for r in _requirements(context.operation.method, context.operation.path) if r]
        if not requirements:
            return None
        index = 0 if AUTH_CHOICE == "first" else _stable_hash(case) % len(requirements)
        (scheme, permissions), = requirements[index].items()
        return _token(scheme, permissions)

    def set(self, case, data, context):
        case.headers = case.headers or {}
        case.headers["Authorization"] = f"Bearer {data}"


def _from_api(case, name):
    """Whether the parameter's value came from an earlier response: a stateful link or a resource-pool draw."""
    meta = case._meta
    if meta is None:
        return False
    if meta.phase.name == "stateful":
        return True
    return any(draw.parameter_name == name for draw in meta.pool_draws)


def _changes_provider(case):
    """PATCH or DELETE of a learningProvider itself (updateProvider, and the delete forms serve may offer)."""
    return case.method.upper() in ("PATCH", "DELETE") and case.operation.path in PROVIDER_ITEM_PATHS


def _activity_type(activity_id):
    """The `@odata.type` of a stored activity, or None when there is none (any answer but 200).

    An id the run took from a response arrives percent-encoded already (`{learnerUserId}%3A{GUID}`), a generated one
    raw: decoded first, so that it is encoded exactly once (encoding it twice addressed nothing, answered 404, and the
    mismatch went through to a 400 that Schemathesis reported as ST202)."""
    request = urllib.request.Request(
        API_URL + "/employeeExperience/learningCourseActivities/"
        + urllib.parse.quote(urllib.parse.unquote(activity_id), safe=""),
        headers={"Authorization": "Bearer " + _token(
            "application", ["LearningAssignedCourse.Read.All", "LearningSelfInitiatedCourse.Read.All"])})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.load(response).get("@odata.type")
    except (urllib.error.URLError, ValueError, AttributeError):
        return None


def _negated(case):
    """The path parameters Schemathesis made invalid on purpose (left as drawn)."""
    try:
        return {name for name, _ in negated_parameters(case._meta)}
    except Exception:  # no metadata (an explicit example): nothing was negated on purpose
        return set()


_TRACE = os.environ.get("HOOK_TRACE")


def _trace(where, case, **facts):
    """With HOOK_TRACE=FILE, one JSON line per activity update the hooks see (to explain a failure after the run)."""
    if not _TRACE or case.method.upper() != "PATCH" or case.operation.path not in ACTIVITY_UPDATE_PATHS:
        return
    meta = case._meta
    line = {"where": where, "case": case.id, "path": dict(case.path_parameters or {}),
            "type": case.body.get("@odata.type") if isinstance(case.body, dict) else type(case.body).__name__,
            "phase": meta.phase.name if meta else None, "mode": str(meta.generation.mode) if meta else None, **facts}
    with open(_TRACE, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(line, default=repr) + "\n")


def _match_activity_subtype(case, negated, where):
    """An update body of one subtype, addressed to a stored activity of the other: a docs-world activity of its own."""
    if case.method.upper() != "PATCH" or case.operation.path not in ACTIVITY_UPDATE_PATHS or "id" in negated:
        _trace(where, case, negated=sorted(negated), action="not an update, or id negated")
        return
    body = case.body if isinstance(case.body, dict) else None
    wanted = body.get("@odata.type") if body else None
    activity_id = case.path_parameters.get("id")
    if not isinstance(wanted, str) or wanted not in SEEDED_ACTIVITIES or not isinstance(activity_id, str) or not activity_id:
        _trace(where, case, negated=sorted(negated), action="no subtype or no id")
        return
    stored = _activity_type(activity_id)
    _trace(where, case, negated=sorted(negated), stored=stored, action="keep" if stored in (None, wanted) else "swap")
    if stored is None or stored == wanted:
        return
    choices = SEEDED_ACTIVITIES[wanted]
    provider = case.path_parameters.get("registrationId")
    provider_id, seeded_id = next(((p, a) for p, a in choices if p == provider), choices[0])
    if "registrationId" in case.path_parameters:  # beta's older update path has no provider segment
        case.path_parameters["registrationId"] = provider_id
    case.path_parameters["id"] = seeded_id


@schemathesis.hook
def before_call(context, case, **kwargs):
    """Again just before sending: the fuzzing phase can put an id taken from an earlier response into the path after
    `map_case` ran (a CI run sent a self-initiated update to an assignment the run had created)."""
    negated = _negated(case)
    _match_activity_subtype(case, negated, "before_call")


@schemathesis.hook
def after_call(context, case, response):
    _trace("after_call", case, status=response.status_code, answer=response.text[:200])


@schemathesis.hook
def before_add_examples(context, examples):
    for index, example in enumerate(examples):
        examples[index] = map_case(context, example)


@schemathesis.hook
def map_case(context, case):
    if not case.path_parameters:
        return case
    negated = _negated(case)
    seeded = SEEDED_PROVIDERS[_stable_hash(case) % len(SEEDED_PROVIDERS)]
    for name in PROVIDER_PARAMETERS:
        value = case.path_parameters.get(name)
        if name in negated or not isinstance(value, str) or not value:
            continue
        if _changes_provider(case):
            # Never a seeded provider; a provider the run itself created (link or pool) is left as drawn.
            if value in SEEDED_PROVIDERS or not _from_api(case, name):
                case.path_parameters[name] = _register_provider() if case.method.upper() == "DELETE" else _scratch_provider()
        else:
            case.path_parameters[name] = seeded
    _match_activity_subtype(case, negated, "map_case")
    return case
