#!/usr/bin/env bash
# Checks the generated contract in Schemas/ with external validators (PyPI tools in a venv):
#   - openapi-spec-validator on Schemas/openapi.json (OpenAPI 3.1);
#   - every Schemas/*.schema.json against the JSON Schema 2020-12 meta-schema;
#   - every case of Schemas/schema-cases.json (documented examples and broken variants) against its schemas:
#     the verdict must equal the LearningContract validator's, except cases that name a known difference.
# Usage: Tests/Scripts/check-schemas.sh   (from anywhere; creates .venv-schemas/ at the package root)
# Environment: PYTHON (default python3), SCHEMAS_VENV (default <root>/.venv-schemas).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
python="${PYTHON:-python3}"
venv="${SCHEMAS_VENV:-$root/.venv-schemas}"

if [ ! -x "$venv/bin/python" ]; then
    echo "creating $venv"
    "$python" -m venv "$venv"
fi
if ! "$venv/bin/python" -c "import jsonschema, openapi_spec_validator" 2>/dev/null; then
    "$venv/bin/pip" install --quiet --disable-pip-version-check "openapi-spec-validator>=0.7" "jsonschema>=4.18"
fi

echo "== openapi-spec-validator Schemas/openapi.json"
"$venv/bin/openapi-spec-validator" Schemas/openapi.json

echo "== JSON Schema meta-schema and schema cases"
"$venv/bin/python" - <<'PY'
import glob, json, os, sys
from importlib.metadata import version
from jsonschema import Draft202012Validator

print(f"jsonschema {version('jsonschema')}, openapi-spec-validator {version('openapi-spec-validator')}")
failures = []
schemas = {}
for path in sorted(glob.glob("Schemas/*.schema.json")):
    with open(path, encoding="utf-8") as f:
        schema = json.load(f)
    try:
        Draft202012Validator.check_schema(schema)
        schemas[os.path.basename(path)] = Draft202012Validator(schema)
        print(f"meta-schema ok   {path}")
    except Exception as error:  # SchemaError, with the offending keyword
        failures.append(f"{path}: not a valid 2020-12 schema: {error}")

with open("Schemas/schema-cases.json", encoding="utf-8") as f:
    cases = json.load(f)["cases"]

agreed = known = known_agreed = disagreed = 0
by_kind = {"valid": 0, "invalid": 0}
for case in cases:
    if not case["schemas"]:
        failures.append(f"{case['id']}: names no schema")
    for name in case["schemas"]:
        validator = schemas.get(name)
        if validator is None:
            failures.append(f"{case['id']}: schema {name} missing or invalid")
            continue
        verdict = validator.is_valid(case["body"])
        expected = case["valid"]
        difference = case.get("knownDifference")
        if verdict == expected:
            agreed += 1
            if difference:
                known_agreed += 1
        elif difference:
            known += 1
            print(f"known difference {case['id']} ({name}): schema says {'valid' if verdict else 'invalid'}; {difference}")
        else:
            disagreed += 1
            errors = [e.message for e in validator.iter_errors(case["body"])][:3]
            failures.append(f"{case['id']} ({name}): schema says {'valid' if verdict else 'invalid'}, "
                            f"the contract says {'valid' if expected else 'invalid'}; {errors}")
        by_kind["valid" if expected else "invalid"] += 1

# The same cases through openapi.json: each operation's request body component must judge alike.
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012
with open("Schemas/openapi.json", encoding="utf-8") as f:
    openapi = json.load(f)
registry = Registry().with_resource("urn:openapi", Resource(contents=openapi, specification=DRAFT202012))
bodies = {}
for path_item in openapi["paths"].values():
    for operation in path_item.values():
        body = operation.get("requestBody")
        if body:
            bodies[operation["x-operation"]] = body["content"]["application/json"]["schema"]["$ref"]
openapi_checks = 0
for case in cases:
    reference = bodies.get(case["operation"])
    if reference is None:
        failures.append(f"{case['id']}: openapi.json has no request body for {case['operation']}")
        continue
    validator = Draft202012Validator({"$ref": "urn:openapi" + reference}, registry=registry)
    verdict = validator.is_valid(case["body"])
    openapi_checks += 1
    if verdict != case["valid"] and not case.get("knownDifference"):
        failures.append(f"{case['id']} (openapi.json {reference}): schema says {'valid' if verdict else 'invalid'}, "
                        f"the contract says {'valid' if case['valid'] else 'invalid'}")

documented = [c for c in cases if c["id"].startswith("example/")]
if not documented or not all(c["valid"] for c in documented):
    failures.append("schema-cases.json must hold every documented example, each valid")

print()
print(f"schemas checked against the 2020-12 meta-schema: {len(schemas)}")
print(f"cases: {len(cases)} ({len(documented)} documented examples, {len(cases) - len(documented)} variants); "
      f"case x schema checks: {agreed + known + disagreed} ({by_kind['valid']} expected valid, {by_kind['invalid']} expected invalid)")
print(f"request bodies in openapi.json checked on every case: {openapi_checks}")
print(f"agree with the contract: {agreed}; known differences observed: {known} (not observed: {known_agreed}); "
      f"unexpected disagreements: {disagreed}")
if failures:
    print(f"\n{len(failures)} failure(s):")
    for failure in failures:
        print("  " + failure)
    sys.exit(1)
print("all schema checks passed")
PY
