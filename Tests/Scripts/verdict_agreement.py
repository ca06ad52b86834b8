#!/usr/bin/env python3
"""Compares the verdicts of `learning-contract validate` with jsonschema-rs's on one exported schema, body by body.

Usage: verdict_agreement.py --schema FILE --corpus FILE.jsonl --labels FILE.tsv --ours FILE.jsonl

--labels: one line per body, the body's shape in column 2 (`learning-bench validator --corpus-out` writes it).
--ours: what `learning-contract validate --jsonl --format json --quiet` printed: one JSON object per invalid body
        ("input": "NAME:LINE"), then a summary object; a body it doesn't name is valid.

A JSON Schema validator never sees duplicate member names (the parser keeps one value), so a disagreement on a body
with a duplicate name, at any depth, is counted and printed apart. Exit status 1 on any other disagreement.
"""
import argparse
import collections
import importlib.metadata
import json
import sys

import jsonschema_rs
import orjson


def has_duplicate_names(line):
    """Whether any object in the body repeats a name (compared as decoded strings, as JSON Schema would)."""
    found = False

    def hook(pairs):
        nonlocal found
        names = [name for name, _ in pairs]
        if len(names) != len(set(names)):
            found = True
        return dict(pairs)

    try:
        json.loads(line, object_pairs_hook=hook)
    except ValueError:
        return False
    return found


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schema", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--labels", required=True)
    parser.add_argument("--ours", required=True)
    args = parser.parse_args()

    with open(args.schema, "rb") as handle:
        validator = jsonschema_rs.validator_for(orjson.loads(handle.read()))
    with open(args.corpus, "rb") as handle:
        lines = handle.read().split(b"\n")
    if lines and lines[-1] == b"":
        lines.pop()
    with open(args.labels, encoding="utf-8") as handle:
        labels = [row.rstrip("\n").split("\t")[1] for row in handle]
    if len(labels) != len(lines):
        print("FAIL: %d bodies but %d labels" % (len(lines), len(labels)))
        return 1

    invalid_lines = set()
    summary = None
    with open(args.ours, encoding="utf-8") as handle:
        for row in handle:
            value = json.loads(row)
            if "summary" in value:
                summary = value["summary"]
                continue
            invalid_lines.add(int(value["input"].rsplit(":", 1)[1]))
    if summary is None or summary.get("payloads") != len(lines):
        print("FAIL: validate judged %s bodies, the corpus has %d" % (summary and summary.get("payloads"), len(lines)))
        return 1

    per_shape = collections.OrderedDict()
    disagreements = []
    duplicates = []
    for number, line in enumerate(lines, start=1):
        ours = number not in invalid_lines
        try:
            theirs = validator.is_valid(orjson.loads(line))
        except orjson.JSONDecodeError:
            theirs = False
        shape = labels[number - 1]
        counts = per_shape.setdefault(shape, [0, 0, 0])
        counts[0] += 1
        if ours == theirs:
            continue
        if has_duplicate_names(line):
            counts[2] += 1
            duplicates.append((number, shape, ours, theirs, line))
        else:
            counts[1] += 1
            disagreements.append((number, shape, ours, theirs, line))

    print("jsonschema-rs %s + orjson %s on %s; %d bodies, %d shapes" % (
        importlib.metadata.version("jsonschema-rs"), orjson.__version__, args.schema.rsplit("/", 1)[-1], len(lines), len(per_shape)))
    print("  %-30s %7s %13s %22s" % ("shape", "bodies", "disagreements", "of them duplicate keys"))
    for shape, (total, differ, duplicate) in per_shape.items():
        print("  %-30s %7d %13d %22d" % (shape, total, differ + duplicate, duplicate))
    print("bodies with duplicate member names where the verdicts differ (a JSON Schema validator can't see them): %d" % len(duplicates))
    for number, shape, ours, theirs, line in duplicates[:20]:
        print("  line %d (%s): validate %s, jsonschema-rs %s: %s" % (
            number, shape, "valid" if ours else "invalid", "valid" if theirs else "invalid", line[:140].decode("utf-8", "replace")))
    if len(duplicates) > 20:
        print("  … and %d more" % (len(duplicates) - 20))
    if disagreements:
        print("FAIL: %d bodies without duplicate names get different verdicts:" % len(disagreements))
        for number, shape, ours, theirs, line in disagreements[:40]:
            print("  line %d (%s): validate %s, jsonschema-rs %s: %s" % (
                number, shape, "valid" if ours else "invalid", "valid" if theirs else "invalid", line[:200].decode("utf-8", "replace")))
        return 1
    print("OK: equal verdicts on all %d bodies except the %d with duplicate member names" % (len(lines), len(duplicates)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
