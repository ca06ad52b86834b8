import Foundation
import Testing
import LearningTestSupport

/// `Schemas/fixture.schema.json` accepts every shipped fixture and rejects broken ones (checked with
/// Python's `jsonschema`, a standard validator, when the host has it).
@Suite(.enabled(if: ProcessRunner.pythonHas("jsonschema"))) struct SchemaTests {
    static let script = """
        import json, sys, glob, jsonschema
        schema = json.load(open(sys.argv[1]))
        jsonschema.Draft202012Validator.check_schema(schema)
        v = jsonschema.Draft202012Validator(schema)
        files = [f for f in glob.glob(sys.argv[2] + '/**/*.json', recursive=True) if not f.endswith('roles.json')]
        bad = [f for f in files if list(v.iter_errors(json.load(open(f))))]
        broken = [
            {"steps": []},
            {"id": "x", "steps": [{"role": "app", "request": {"method": "GET", "path": "a"}, "expect": {"status": 200}}]},
            {"id": "x", "steps": [{"role": "app", "request": {"method": "GET", "path": "/a"}, "expect": {}}]},
            {"id": "x", "steps": [{"role": "app", "request": {"method": "GET", "path": "/a"}, "expect": {"status": {"$match": "typo"}}}]},
            {"id": "x", "extra": 1, "steps": [{"role": "app", "request": {"method": "GET", "path": "/a"}, "expect": {"status": 200}}]},
        ]
        accepted = [b for b in broken if not list(v.iter_errors(b))]
        print(len(files), len(bad), len(accepted))
        """

    @Test func schemaAcceptsTheSuiteAndRejectsBrokenFixtures() throws {
        let root = Repository.root
        let output = try ProcessRunner.run(ProcessRunner.env, [
            "python3", "-c", Self.script, root.appendingPathComponent("Schemas/fixture.schema.json").path,
            root.appendingPathComponent("Conformance").path,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        let numbers = output.stdout.split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
        #expect(numbers.count == 3)
        #expect(numbers.first ?? 0 >= 100)
        #expect(numbers.dropFirst().first == 0, "fixtures the schema rejects")
        #expect(numbers.last == 0, "broken fixtures the schema accepts")
    }
}
