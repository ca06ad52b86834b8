import Foundation
import LearningConformance
import LearningContract
import LearningTestSupport
import Testing
import LearningEmbeddedEmulator

/// Fixture mistakes are usage errors (exit 2) that name the file and the JSON pointer; the shipped suite loads.
@Suite struct LoaderTests {
    static let conformance = Repository.conformance

    @Test func theShippedSuiteLoadsAndValidates() throws {
        let scenarios = try ScenarioLoader.load(directory: Self.conformance)
        let roles = try ScenarioLoader.loadRoles(directory: Self.conformance)
        try ScenarioLoader.validate(scenarios, roles: roles, rows: .contract)
        #expect(scenarios.count >= 100)
        #expect(Set(scenarios.map(\.id)).count == scenarios.count)
        #expect(roles.roles.map(\.name).sorted() == ["anonymous", "app", "appAssignedOnly", "learner", "malformed", "noScopes", "providerAdmin"])
    }

    @Test func everySpecOperationHasAFixture() throws {
        let matrix = CoverageMatrix(rows: .contract, scenarios: try ScenarioLoader.load(directory: Self.conformance))
        #expect(matrix.uncoveredOperations.isEmpty)
        // 408 and 413 need a stalled or a huge request, which a fixture cannot describe portably: the only gaps.
        #expect(Set(matrix.uncoveredRows) == ["payloadTooLarge", "requestTimeout"], "\(matrix.uncoveredRows)")
        // Coverage is per (row x operation): the fault rows are exercised on every operation they apply to.
        for row in ["internalServerError", "serviceUnavailable", "servicePlanInadequate", "tooManyRequests"] {
            let pairs = matrix.pairs.filter { $0.id.hasPrefix(row + " x ") }
            #expect(pairs.count == 4, "\(row): \(pairs.map(\.id))")
            #expect(pairs.allSatisfy { $0.isCovered }, "\(row): \(matrix.uncoveredPairs)")
        }
        #expect(matrix.text().contains("(error row x operation) pairs"))
    }

    static let badFixtures: [(String, String, String)] = [
        (#"[]"#, "", "expected an object"),
        (#"{"id": "x", "steps": []}"#, "/steps", "non-empty"),
        (#"{"id": "x", "stepz": []}"#, "/stepz", "unknown key"),
        (#"{"id": "a b", "steps": [{}]}"#, "/id", "id must be"),
        (#"{"id": "x", "steps": [{"role": "app", "request": {"method": "GET", "path": "no-slash"}, "expect": {"status": 200}}]}"#,
         "/steps/0/request/path", "start with '/'"),
        (#"{"id": "x", "steps": [{"role": "app", "request": {"method": "GET", "path": "/a"}, "expect": {}}]}"#,
         "/steps/0/expect", "status or an errorRow"),
        (#"{"id": "x", "steps": [{"role": "app", "request": {"method": "GET", "path": "/a"}, "expect": {"status": 200, "body": {"a": {"$match": "typo"}}}}]}"#,
         "/steps/0/expect/body/a", "unknown matcher"),
        (#"{"id": "x", "steps": [{"role": "app", "request": {"method": "GET", "path": "/a"}, "expect": {"status": 200, "body": {"a": {"$match": "regex", "pattern": "("}}}}]}"#,
         "/steps/0/expect/body/a", "valid 'pattern'"),
        (#"{"id": "x", "steps": [{"role": "app", "request": {"method": "POST", "path": "/a", "body": {"$match": "ignore"}}, "expect": {"status": 200}}]}"#,
         "/steps/0/request/body", "not allowed in a request body"),
        (#"{"id": "x", "steps": [{"role": "app", "request": {"method": "GET", "path": "/a"}, "expect": {"status": 200}, "capture": {"id": "id"}}]}"#,
         "/steps/0/capture/id", "JSON pointer"),
    ]

    @Test(arguments: badFixtures)
    func badFixtureNamesFileAndPointer(_ text: String, _ pointer: String, _ message: String) throws {
        let root = try JSONReader().read(Array(text.utf8)).root
        do {
            _ = try Scenario(fixture: root, file: "bad.json")
            Issue.record("accepted a bad fixture: \(text)")
        } catch {
            #expect(error.file == "bad.json")
            #expect(error.pointer.description == pointer)
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    @Test func unknownRoleAndRowAreRejectedBeforeARun() throws {
        let scenario = TestScenarios.scenario(#"{"id": "x", "steps": [{"role": "ghost", "request": {"method": "GET", "path": "/a"}, "expect": {"errorRow": "nope"}}]}"#)
        #expect(throws: FixtureError.self) { try ScenarioLoader.validate([scenario], roles: TestScenarios.roles, rows: .contract) }
        var known = scenario
        known.steps[0].role = "app"
        do {
            try ScenarioLoader.validate([known], roles: TestScenarios.roles, rows: .contract)
            Issue.record("accepted an unknown row")
        } catch {
            #expect(error.message.contains("unknown error row 'nope'"))
        }
    }

    @Test func duplicateIdsAndMissingDirectoriesAreErrors() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conform-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let fixture = #"{"id": "same", "steps": [{"role": "app", "request": {"method": "GET", "path": "/a"}, "expect": {"status": 200}}]}"#
        try Data(fixture.utf8).write(to: directory.appendingPathComponent("a.json"))
        try Data(fixture.utf8).write(to: directory.appendingPathComponent("sub/b.json"))
        #expect(throws: FixtureError.self) { try ScenarioLoader.load(directory: directory) }
        #expect(throws: FixtureError.self) { try ScenarioLoader.load(directory: directory.appendingPathComponent("missing")) }
        try Data("{".utf8).write(to: directory.appendingPathComponent("sub/b.json"))
        #expect(throws: FixtureError.self) { try ScenarioLoader.load(directory: directory) }
    }

    @Test func filterMatchesIdTitleFileAndTags() {
        let all = TestScenarios.all
        #expect(ScenarioLoader.filter(all, by: "LIFECYCLE").map(\.id) == ["lifecycle"])
        #expect(ScenarioLoader.filter(all, by: nil).count == all.count)
        #expect(ScenarioLoader.filter(all, by: "tests/not-found").map(\.id) == ["not-found"])
    }
}

/// Scenarios are data: the fixture format round-trips through `Codable`.
@Suite struct ScenarioCodableTests {
    @Test func everyShippedScenarioRoundTrips() throws {
        for scenario in try ScenarioLoader.load(directory: LoaderTests.conformance) {
            let data = try JSONEncoder().encode(scenario)
            let decoded = try JSONDecoder().decode(Scenario.self, from: data)
            // JSONEncoder does not keep member order, so compare as JSON (order free); the fixture
            // document itself round-trips exactly.
            #expect(decoded.document.semanticallyEquals(scenario.document), "\(scenario.id)")
            #expect(try Scenario(fixture: scenario.document, file: scenario.file) == scenario, "\(scenario.id)")
        }
    }
}

/// Every documented request example of the contract (`DocumentedExample.all`) is sent, as printed, by a fixture.
@Suite struct DocumentedExampleCoverageTests {
    @Test(arguments: DocumentedExample.all)
    func documentedExampleIsSentByAFixture(_ example: DocumentedExample) throws {
        let body = try JSONReader().read(Array(example.body.utf8)).root
        let scenarios = try ScenarioLoader.load(directory: LoaderTests.conformance)
        // Fixtures send the example with the target profile's ids (`{{profile.KEY}}`, here the emulator's, which
        // are the docs' own) and, for what they create, a per-run unique external id instead of the printed one.
        func asPrinted(_ sent: JSONValue) -> JSONValue? {
            var text = sent.serialized()
            for key in TargetProfile.Key.allCases {
                if let value = TargetProfile.emulator[key] { text = text.replacingOccurrences(of: "{{profile.\(key.rawValue)}}", with: value) }
            }
            guard case .object(var object)? = try? JSONReader().read(Array(text.utf8)).root else { return nil }
            for name in ["externalCourseActivityId", "externalcourseActivityId"] where object[name]?.stringValue == "{{unique}}" {
                object[name] = body[name]
            }
            return .object(object)
        }
        let senders = scenarios.filter { scenario in
            scenario.steps.contains { $0.request.body.flatMap(asPrinted).map { $0.semanticallyEquals(body) } ?? false }
        }
        #expect(!senders.isEmpty, "no fixture sends \(example.id) (\(example.source))")
    }
}
