import Foundation
import LearningContractCLI
import Testing

/// `record` and `import-har` on the command line: exit codes and messages for bad input, nothing half-written.
@Suite(.timeLimit(.minutes(1))) struct RecordCommandTests {
    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("record-cli-\(UUID().uuidString)")
    }

    @Test func anOutDirectoryThatCannotBeWrittenIsAUsageErrorBeforeListening() async throws {
        let file = Self.temporaryDirectory()
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = await CLI.capture(["record", "--target", "http://127.0.0.1:9", "--port", "0", "--out", file.path + "/sub", "--", "true"])
        #expect(run.exitCode == .usage)
        #expect(run.stdout == "")
        #expect(run.stderr.contains("cannot write into"))
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "needs /usr/bin/curl"))
    func aTargetThatGivesNoResponseExits3AndNamesTheRequest() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        let run = await CLI.capture(["record", "--target", "http://127.0.0.1:9", "--port", "0", "--out", directory.path, "--timeout", "5",
                                     "--", "/bin/sh", "-c", #"curl -s -o /dev/null "$LEARNING_CONTRACT_URL/v1.0/me/employeeExperience/learningCourseActivities""#],
                                    environment: ["PATH": "/usr/bin:/bin"])
        #expect(run.exitCode == .unreachable, "\(run.stderr)")
        #expect(run.stderr.contains("no response: GET /v1.0/me/employeeExperience/learningCourseActivities"))
        #expect(run.stdout.contains("Recorded 0 exchanges"))
    }

    @Test(arguments: ["--target", "--out"])
    func requiredOptions(_ missing: String) async {
        var arguments = ["record", "--target", "http://127.0.0.1:9", "--out", "x"]
        let index = arguments.firstIndex(of: missing)!
        arguments.removeSubrange(index...(index + 1))
        let run = await CLI.capture(arguments)
        #expect(run.exitCode == .usage)
        #expect(run.stderr.contains("missing option '\(missing)"))
    }

    @Test(arguments: [
        (["--target", "ftp://127.0.0.1/"], "--target must be an http or https URL"),
        (["--target", "http://127.0.0.1:9", "--name", "a b"], "--name: use letters"),
        (["--target", "http://127.0.0.1:9", "--port", "70000"], "--port"),
    ])
    func badValuesAreUsageErrors(_ extra: [String], _ message: String) async {
        let run = await CLI.capture(["record", "--out", FileManager.default.temporaryDirectory.path + "/never-\(UUID().uuidString)"] + extra)
        #expect(run.exitCode == .usage)
        #expect(run.stderr.contains(message), "\(run.stderr)")
    }

    @Test func aMalformedHARWritesNothingAndNamesTheEntry() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let har = directory.appendingPathComponent("broken.har")
        let good = #"{"request": {"method": "GET", "url": "http://x/v1.0/me/employeeExperience/learningCourseActivities"}, "response": {"status": 200}}"#
        try Data(#"{"log": {"version": "1.2", "entries": [\#(good), \#(good), {"request": {"method": "GET"}, "response": {"status": 200}}]}}"#.utf8).write(to: har)
        let out = directory.appendingPathComponent("out")
        let run = await CLI.capture(["import-har", har.path, "--out", out.path])
        #expect(run.exitCode == .usage)
        #expect(run.stderr.contains("entry 2: request.url is missing"))
        #expect(run.stderr.contains("nothing written"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aHARImports() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let har = directory.appendingPathComponent("my session.har")
        let entry = #"{"startedDateTime": "2026-11-29T10:00:00.000Z", "request": {"method": "GET", "url": "http://127.0.0.1:8080/v1.0/me/employeeExperience/learningCourseActivities", "headers": [{"name": "Authorization", "value": "Bearer abc"}]}, "response": {"status": 401, "headers": [], "content": {"mimeType": "application/json", "text": "{\"error\":{\"code\":\"unauthenticated\"}}"}}}"#
        try Data(#"{"log": {"version": "1.2", "entries": [\#(entry)]}}"#.utf8).write(to: har)
        let out = directory.appendingPathComponent("out")
        let run = await CLI.capture(["import-har", har.path, "--out", out.path])
        #expect(run.exitCode == .success, "\(run.stderr)")
        #expect(run.stdout == "Imported 1 entries into \(out.path): my-session.json, roles.json\n")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(names == ["my-session.json", "roles.json"], "no staging folder left behind")
    }
}
