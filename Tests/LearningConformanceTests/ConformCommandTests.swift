import Foundation
import Testing

/// `learning-contract conform` end to end: the built executable against the embedded emulator.
@Suite(.timeLimit(.minutes(2))) struct ConformCommandTests {
    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> ExternalTool.Output {
        guard let tool = ExternalTool.learningContract else {
            Issue.record("learning-contract is not built (swift build)")
            return ExternalTool.Output(status: -1, stdout: "", stderr: "")
        }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        return try ExternalTool.run(tool, ["conform"] + arguments, environment: env, currentDirectory: ExternalTool.packageRoot)
    }

    @Test func defaultRunIsGreenAgainstTheEmbeddedEmulatorAndWritesReports() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conform-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("conform.xml"), json = directory.appendingPathComponent("conform.json")
        let output = try Self.run(["--junit", junit.path, "--json", json.path], environment: ["NO_COLOR": "1"])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stdout.contains(" 0 failed, 0 skipped"))
        #expect(!output.stdout.contains("\u{1B}["), "no colour when piped / NO_COLOR")
        #expect(FileManager.default.fileExists(atPath: junit.path))
        #expect(FileManager.default.fileExists(atPath: json.path))
    }

    @Test func unreachableTargetExitsWith3() throws {
        let output = try Self.run(["--base-url", "http://127.0.0.1:1/v1.0", "--timeout", "2"])
        #expect(output.status == 3, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stdout.contains("unreachable"))
    }

    @Test(arguments: [
        ["--fixtures", "/nonexistent-fixtures"],
        ["--filter", "no-scenario-has-this-text"],
        ["--concurrency", "0"],
        ["--token", "ghost=x"],
        ["--strict", "--lenient"],
        ["--base-url", "ftp://example.test/v1.0"],
    ])
    func usageAndFixtureErrorsExitWith2(_ arguments: [String]) throws {
        let output = try Self.run(arguments)
        #expect(output.status == 2, "\(arguments): \(output.stdout)\n\(output.stderr)")
    }

    @Test func listAndCoverage() throws {
        let list = try Self.run(["--list", "--filter", "lifecycle"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("assignment-lifecycle"))
        let coverage = try Self.run(["--coverage"])
        #expect(coverage.status == 0)
        #expect(coverage.stdout.contains("activityNotFound"))
        #expect(coverage.stdout.contains("NO FIXTURE"))
    }

    @Test func stateThatCannotBeSetSkipsEveryScenarioWithTheReason() throws {
        let output = try Self.run(["--filter", "get-by-id-example-1", "--state-url", "http://127.0.0.1:1/_nothing"])
        #expect(output.status == 3, "\(output.stdout)")  // nothing was checked
        #expect(output.stdout.contains("SKIP  get-by-id-example-1"))
        #expect(output.stdout.contains("state could not be set"))
        #expect(output.stdout.contains("0 passed, 0 failed, 1 skipped"))
    }
}
