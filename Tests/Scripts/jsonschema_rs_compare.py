#!/usr/bin/env python3
"""Times jsonschema-rs (parsing with orjson) over the corpus `learning-bench validator --corpus-out` wrote, and
compares its verdicts with the LearningContract validator's, line by line.

Usage: jsonschema_rs_compare.py --schema FILE --corpus-dir DIR [--names small,large] [--runs 5]

Timing: CPU time of this process (time.process_time), median of --runs, parse + is_valid per line.
Disagreements are grouped by cause; every cause is named, and causes JSON Schema can't express (see
Schemas/README.md, "What JSON Schema cannot express") are marked as such. Exit status 1 when a disagreement
has no named cause.
"""
import argparse
import collections
import importlib.metadata
import json
import statistics
import sys
import time

import jsonschema_rs
import orjson


def named_cause(ours_valid, mutation, kind, rule, detail, theirs_error):
    """(cause, expressible) for one disagreement: which rule JSON Schema can't express, by name."""
    if kind == "duplicateKey":
        return ("duplicate member names: the parser keeps one value before the schema sees the object "
                "(README difference 1)", False)
    # Calendar days, offsets and years are expressed by the patterns (Schemas/README.md, 2-4): a disagreement
    # there is a bug on one side, reported as unexplained below.
    if kind == "malformedJSON":
        if "surrogate" in (detail or ""):
            return "escaped lone surrogate: parser-dependent (README difference 8)", False
        return "malformed JSON that orjson accepts: " + (detail or "")[:80], False
    if ours_valid and theirs_error is not None:
        return "schema rejects what the validator accepts: " + theirs_error, True
    return "validator rejects what the schema accepts: %s (%s)" % (rule, kind), True


def first_error(validator, line):
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        return "orjson: %s" % error
    for error in validator.iter_errors(value):
        return "%s at /%s" % ("/".join(str(p) for p in error.schema_path), "/".join(str(p) for p in error.instance_path))
    return None


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--schema", required=True)
    parser.add_argument("--corpus-dir", required=True)
    parser.add_argument("--names", default="small,large")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    with open(args.schema, "rb") as handle:
        validator = jsonschema_rs.validator_for(orjson.loads(handle.read()))
    unexplained = 0
    for name in args.names.split(","):
        with open("%s/%s.jsonl" % (args.corpus_dir, name), "rb") as handle:
            lines = handle.read().split(b"\n")
        if lines and lines[-1] == b"":
            lines.pop()
        total_bytes = sum(len(line) for line in lines)

        def run():
            verdicts = []
            append = verdicts.append
            loads = orjson.loads
            is_valid = validator.is_valid
            for line in lines:
                try:
                    value = loads(line)
                except orjson.JSONDecodeError:
                    append(False)
                    continue
                append(is_valid(value))
            return verdicts

        samples = []
        verdicts = None
        for _ in range(args.runs):
            start = time.process_time()
            verdicts = run()
            samples.append(time.process_time() - start)
        seconds = statistics.median(samples)
        rate = len(lines) / seconds

        with open("%s/%s.verdicts.tsv" % (args.corpus_dir, name), encoding="utf-8") as handle:
            ours = [row.rstrip("\n").split("\t") for row in handle]
        if len(ours) != len(lines):
            print("corpus %s: %d lines but %d verdicts: a payload holds a raw line feed" % (name, len(lines), len(ours)))
            return 1
        with open("%s/%s.swift-results.json" % (args.corpus_dir, name)) as handle:
            swift = json.load(handle)["payloadsPerSecond"]

        print()
        print("corpus %s: %d payloads, %.1f MB (median of %d, CPU time, one core)" % (
            name, len(lines), total_bytes / 1e6, args.runs))
        print("  jsonschema-rs %s + orjson %s: %12.0f payloads/s %8.1f MB/s" % (
            importlib.metadata.version("jsonschema-rs"), orjson.__version__, rate, total_bytes / 1e6 / seconds))
        for key, label in (("triage", "LearningContract fast path, boolean verdict"),
                           ("fast", "LearningContract fast verdict (valid/needsReport)"),
                           ("validateFast", "LearningContract validateFast (full reports)"),
                           ("report", "LearningContract report path")):
            if key in swift:
                ours_rate = swift[key]
                print("  %-50s %12.0f payloads/s %8.1f MB/s  ratio %.2fx" % (
                    label, ours_rate, total_bytes / 1e6 * ours_rate / len(lines), ours_rate / rate))

        agree = 0
        groups = collections.OrderedDict()
        for i, line in enumerate(lines):
            ours_valid = ours[i][0] == "1"
            if ours_valid == verdicts[i]:
                agree += 1
                continue
            mutation, kind, rule, detail = ours[i][1], ours[i][2], ours[i][3], ours[i][4] if len(ours[i]) > 4 else ""
            theirs = first_error(validator, line) if not verdicts[i] else None
            cause, expressible = named_cause(ours_valid, mutation, kind, rule, detail, theirs)
            key = ("validator %s / schema %s" % ("valid" if ours_valid else "invalid", "valid" if verdicts[i] else "invalid"), cause)
            example = detail or theirs or line[:160].decode("utf-8", "replace")
            group = groups.setdefault(key, {"count": 0, "expressible": expressible, "example": example})
            group["count"] += 1
        print("  verdict agreement: %d / %d (%.3f%%)" % (agree, len(lines), 100.0 * agree / max(len(lines), 1)))
        for (direction, cause), group in sorted(groups.items(), key=lambda item: -item[1]["count"]):
            marker = "UNEXPLAINED " if group["expressible"] else ""
            print("    %s%6d  %s: %s" % (marker, group["count"], direction, cause))
            print("            e.g. %s" % group["example"])
            if group["expressible"]:
                unexplained += group["count"]
    return 1 if unexplained else 0


if __name__ == "__main__":
    sys.exit(main())
