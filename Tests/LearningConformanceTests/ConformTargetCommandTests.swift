import Foundation
import Testing

/// `learning-contract conform --target FILE` and `--list` requirements, end to end through the executable.
@Suite(.timeLimit(.minutes(2))) struct ConformTargetCommandTests {
    @Test func listShowsWhatEachScenarioNeeds() async throws {
        let output = try await ConformCommandTests.run(["--list", "--filter", "assignment-lifecycle"])
        #expect(output.status == 0)
        #expect(output.stdout.contains("needs: profile:contentId profile:learnerId profile:providerId setup"), "\(output.stdout)")
        let faults = try await ConformCommandTests.run(["--list", "--filter", "too-many-requests"])
        #expect(faults.stdout.contains("needs: operatorState"), "\(faults.stdout)")
        let lenient = try await ConformCommandTests.run(["--list", "--filter", "update-example-1"])
        #expect(lenient.stdout.contains("setup reading:lenient:nonUpdatableFieldsInUpdate"), "\(lenient.stdout)")
    }

    @Test(arguments: [
        (#"{"providerID": "x"}"#, "unknown key 'providerID'"),
        ("not json", "invalid JSON"),
        (#"{"learnerId": ["a"]}"#, "expected a string"),
    ])
    func aMalformedTargetProfileIsAUsageErrorNamingTheFile(_ text: String, _ message: String) async throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("target-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(text.utf8).write(to: url)
        let output = try await ConformCommandTests.run(["--target", url.path])
        #expect(output.status == 2, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stderr.contains(url.path) && output.stderr.contains(message), "\(output.stderr)")
    }

    @Test func anUnreadableTargetProfileIsAUsageError() async throws {
        let output = try await ConformCommandTests.run(["--target", "/nonexistent/target.json"])
        #expect(output.status == 2)
        #expect(output.stderr.contains("/nonexistent/target.json"), "\(output.stderr)")
    }

    @Test func aStateURLThatRefusesSkipsWithItsAnswer() async throws {
        // The embedded emulator takes whole state documents, then provider states go to the given URL (nothing
        // listens on port 1): the scenario is skipped with the answer, and nothing was checked (exit 3).
        let output = try await ConformCommandTests.run(["--filter", "get-by-id-example-1", "--state-url", "http://127.0.0.1:1/state"])
        #expect(output.status == 3, "\(output.stdout)")
        #expect(output.stdout.contains("state could not be set: POST http://127.0.0.1:1/state"), "\(output.stdout)")
    }
}
