import Foundation
import Testing
import LearningTestSupport

/// `learning-contract conform` end to end: the built executable against the embedded emulator.
/// Serialized: each test runs a whole `conform` child; run side by side they starve the other suites' time-outs.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ConformCommandTests {
    static func run(_ arguments: [String], environment: [String: String] = [:]) async throws -> ProcessRunner.Output {
        guard let tool = Executable.learningContract else {
            Issue.record("learning-contract is not built (swift build)")
            return ProcessRunner.Output(status: -1, stdout: "", stderr: "", timedOut: false)
        }
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        return try await ProcessRunner.run(tool, ["conform"] + arguments, environment: env, currentDirectory: Repository.root)
    }

    @Test func defaultRunIsGreenAgainstTheEmbeddedEmulatorAndWritesReports() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conform-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let junit = directory.appendingPathComponent("conform.xml"), json = directory.appendingPathComponent("conform.json")
        let output = try await Self.run(["--junit", junit.path, "--json", json.path], environment: ["NO_COLOR": "1"])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stdout.contains(" 0 failed, 0 skipped"))
        #expect(!output.stdout.contains("\u{1B}["), "no colour when piped / NO_COLOR")
        #expect(FileManager.default.fileExists(atPath: junit.path))
        #expect(FileManager.default.fileExists(atPath: json.path))
    }

    @Test func unreachableTargetExitsWith3() async throws {
        let output = try await Self.run(["--base-url", "http://127.0.0.1:1/v1.0", "--timeout", "2"])
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
        ["--list", "--filter", "no-scenario-has-this-text"],
        ["--shard", "0/3"], ["--shard", "4/3"], ["--shard", "3"], ["--shard", "a/b"], ["--shard", "1/3/5"],
        ["--list", "--shard", "0/3"],
        ["--last-failed", "/nonexistent-conform-report.json"], ["--last-failed", "/tmp"],
        ["--json", "/tmp/conform.json", "--junit", "/tmp/conform.json"],
    ])
    func usageAndFixtureErrorsExitWith2(_ arguments: [String]) async throws {
        let output = try await Self.run(arguments)
        #expect(output.status == 2, "\(arguments): \(output.stdout)\n\(output.stderr)")
    }

    /// A report path that can't be written is a usage error naming the path, found BEFORE the run (nothing
    /// on stdout: no scenario ran), never a Foundation error code after it.
    @Test(arguments: ["json", "junit", "html"])
    func unwritableReportPathsAreUsageErrorsBeforeTheRun(_ option: String) async throws {
        let directory = FileManager.default.temporaryDirectory.path
        for path in [directory, "/nonexistent-dir-\(UUID().uuidString)/conform.out"] {
            let output = try await Self.run(["--\(option)", path, "--filter", "get-by-id-example-1"])
            #expect(output.status == 2, "--\(option) \(path): \(output.stdout)\n\(output.stderr)")
            #expect(output.stderr.contains("--\(option) \(path): cannot write the report there"), "\(output.stderr)")
            #expect(!output.stderr.contains("NSCocoaErrorDomain") && !output.stderr.contains("error 512"))
            #expect(!output.stdout.contains("conform:"), "the run started before the path was checked: \(output.stdout)")
        }
        let directoryRun = try await Self.run(["--\(option)", directory])
        #expect(directoryRun.stderr.contains("it is a directory; give a file name"), "\(directoryRun.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/conform-report"))
    }

    @Test func htmlReportIsWritten() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("conform-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        let output = try await Self.run(["--filter", "errors", "--html", file.path])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        let html = try String(contentsOf: file, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("learning-contract conform (v1.0)"))
        #expect(html.contains("id=\"coverage\""))
        #expect(html.contains(" 0 failed, 0 skipped"))
    }

    /// Every scenario in exactly one shard, through the command line.
    @Test func shardsOfTheListPartitionIt() async throws {
        func ids(_ arguments: [String]) async throws -> [String] {
            let output = try await Self.run(["--list"] + arguments)
            #expect(output.status == 0, "\(arguments): \(output.stderr)")
            return output.stdout.split(separator: "\n").dropLast().map { String($0.split(separator: " ").first ?? "") }
        }
        let all = try await ids([])
        #expect(all.count > 50)
        var shards: [[String]] = []
        for shard in 1...3 { shards.append(try await ids(["--shard", "\(shard)/3"])) }
        #expect(shards.flatMap { $0 }.sorted() == all.sorted())
        #expect(Set(shards.flatMap { $0 }).count == all.count)
        #expect(shards.allSatisfy { abs($0.count - all.count / 3) <= 1 })
    }

    @Test func lastFailedRerunsOnlyWhatFailed() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("conform-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let previous = #"{"scenarios": [{"id": "get-by-id-example-1", "status": "failed"}, {"id": "activity-not-found", "status": "passed"}, {"id": "renamed-since", "status": "unreachable"}]}"#
        try Data(previous.utf8).write(to: file)
        let output = try await Self.run(["--last-failed", file.path, "--verbose"])
        #expect(output.status == 0, "\(output.stdout)\n\(output.stderr)")
        #expect(output.stdout.contains("PASS  get-by-id-example-1"))
        #expect(!output.stdout.contains("activity-not-found"))
        #expect(output.stdout.contains("conform: 1 scenarios: 1 passed"))
        #expect(output.stderr.contains("renamed-since"), "a failed scenario no longer in the suite is named")
    }

    @Test func lastFailedWithNothingFailedSaysSoAndRunsNothing() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conform-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let json = directory.appendingPathComponent("green.json")
        let first = try await Self.run(["--filter", "get-by-id-example", "--json", json.path])
        #expect(first.status == 0)
        let again = try await Self.run(["--last-failed", json.path])
        #expect(again.status == 0, "\(again.stdout)\n\(again.stderr)")
        #expect(again.stdout.contains("nothing failed last time"))
        #expect(!again.stdout.contains("scenarios:"), "nothing ran")
        try Data("{\"not\": \"a report\"}".utf8).write(to: json)
        let malformed = try await Self.run(["--last-failed", json.path])
        #expect(malformed.status == 2)
        #expect(malformed.stderr.contains("--last-failed \(json.path): not a conform --json report"), "\(malformed.stderr)")
    }

    @Test func listAndCoverage() async throws {
        let list = try await Self.run(["--list", "--filter", "lifecycle"])
        #expect(list.status == 0)
        #expect(list.stdout.contains("assignment-lifecycle"))
        let coverage = try await Self.run(["--coverage"])
        #expect(coverage.status == 0)
        #expect(coverage.stdout.contains("activityNotFound"))
        #expect(coverage.stdout.contains("NO FIXTURE"))
    }

    @Test func stateThatCannotBeSetSkipsEveryScenarioWithTheReason() async throws {
        let output = try await Self.run(["--filter", "get-by-id-example-1", "--state-url", "http://127.0.0.1:1/_nothing"])
        #expect(output.status == 3, "\(output.stdout)")  // nothing was checked
        #expect(output.stdout.contains("SKIP  get-by-id-example-1"))
        #expect(output.stdout.contains("state could not be set"))
        #expect(output.stdout.contains("0 passed, 0 failed, 1 skipped"))
    }
}
