import Foundation
import LearningContractCLI
import Testing

/// `serve --verify-clients [--report DIR] -- CMD`: the CI gate, in-process, with real child processes.
@Suite(.timeLimit(.minutes(1))) struct ServeVerifyClientsTests {
    static let hasCurl = FileManager.default.isExecutableFile(atPath: "/usr/bin/curl")
    static let providerPath = "/v1.0/employeeExperience/learningProviders/01e8f81b-3060-4dec-acf0-0389665a0a38/learningCourseActivities"

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("serve-verify-\(UUID().uuidString)")
    }

    static func appToken() async -> String {
        await CLI.capture(["token", "--app"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func serve(_ script: String, report: URL? = nil, token: String = "") async -> CapturedRun {
        var arguments = ["serve", "--port", "0", "--verify-clients"]
        if let report { arguments += ["--report", report.path] }
        arguments += ["--", "/bin/sh", "-c", script]
        let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TOKEN": token]
        return await CLI.capture(arguments, environment: environment)
    }

    @Test func aClientThatSucceedsAndSendsNothingWrongPasses() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = await Self.serve(#"test -n "$LEARNING_CONTRACT_URL""#, report: directory)
        #expect(run.exitCode == .success, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("Listening on http://127.0.0.1:"))
        let text = try String(contentsOf: directory.appendingPathComponent("client-report.txt"), encoding: .utf8)
        #expect(text == "0 requests judged: 0 violations, 0 warnings (clean)\n")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("client-report.json").path))
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("client-report.junit.xml").path))
    }

    @Test func aFailingClientFailsTheGate() async {
        let run = await Self.serve("exit 3")
        #expect(run.exitCode == .failure)
        #expect(run.stderr.contains("failed with exit status 3"))
    }

    @Test(.enabled(if: hasCurl, "needs /usr/bin/curl"))
    func aCleanCurlClientPasses() async {
        let token = await Self.appToken()
        let script = #"curl -sf -o /dev/null -H "Authorization: Bearer $TOKEN" "$LEARNING_CONTRACT_URL/v1.0/employeeExperience/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003""#
        let run = await Self.serve(script, token: token)
        #expect(run.exitCode == .success, "\(run.stderr)")
        #expect(run.stderr.contains("1 requests judged: 0 violations, 0 warnings (clean)"))
    }

    @Test(.enabled(if: hasCurl, "needs /usr/bin/curl"))
    func aCurlClientThatBreaksTheContractFailsTheGateEvenWhenItExitsZero() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let token = await Self.appToken()
        let body = ##"{"@odata.type":"#microsoft.graph.learningAssignment","learningContentId":"57baf9dc-e020-11ec-9d64-0242ac120002","learnerUserId":"7ba2228a-e020-11ec-9d64-0242ac120002","assignmentType":"required","status":"notStarted","completionPercentage":101}"##
        let script = #"curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Content-Type: application/json" -H "client-request-id: bad-create" --data '\#(body)' "$LEARNING_CONTRACT_URL\#(Self.providerPath)""#
        let run = await Self.serve(script, report: directory, token: token)
        #expect(run.exitCode == .failure)
        #expect(run.stderr.contains("violation field: completionPercentage"))
        let junit = try String(contentsOf: directory.appendingPathComponent("client-report.junit.xml"), encoding: .utf8)
        #expect(junit.contains("[bad-create]"))
        #expect(junit.contains(#"failures="1""#))
    }

    @Test func aReportDirectoryThatCannotBeWrittenIsAUsageErrorBeforeServing() async throws {
        let file = Self.temporaryDirectory()
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let run = await Self.serve("exit 0", report: file.appendingPathComponent("sub"))
        #expect(run.exitCode == .usage)
        #expect(run.stdout == "", "nothing served")
        #expect(run.stderr.contains("cannot write the report into"))
    }

    @Test(arguments: [
        (["serve", "--port", "0", "--report", "out"], "'--report' needs '--verify-clients'"),
        (["serve", "--port", "0", "--", "true"], "serve --verify-clients -- true"),
    ])
    func verificationOptionsNeedTheFlag(_ arguments: [String], _ message: String) async {
        let run = await CLI.capture(arguments)
        #expect(run.exitCode == .usage)
        #expect(run.stderr.contains(message))
    }
}
