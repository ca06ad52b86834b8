import Foundation
import Glibc
import LearningConformance
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing
import LearningEmbeddedEmulator

/// `record` in front of `serve` (in-process, loopback, port 0): the recorded session replays green against the
/// emulator and reports each deviation of a mutated target; no credential reaches a file; a target that resets
/// connections and an unwritable directory give clear errors and lose nothing.
@Suite(.timeLimit(.minutes(2))) struct RecordReplayTests {
    static let providerPath = "/v1.0/employeeExperience/learningProviders/\(DocsWorld.contosoProviderID)/learningCourseActivities"
    static let app = TestToken.mint(TestToken.providerAppClaims)
    static let learner = TestToken.mint(TestToken.docsLearnerClaims)

    static func temporaryDirectory() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString)")
    }

    struct Proxy {
        let base: URL
        let client = HTTPClient()
        func send(_ method: String, _ target: String, token: String?, body: String? = nil, headers extra: [(String, String)] = []) async throws -> HTTPResponse {
            var headers = HTTPHeaders()
            if let token { headers.append(name: "Authorization", value: "Bearer " + token) }
            if body != nil { headers.append(name: "Content-Type", value: "application/json") }
            for (name, value) in extra { headers.append(name: name, value: value) }
            return try await client.send(HTTPRequest(method: method, target: target, headers: headers, body: Array((body ?? "").utf8)), to: base)
        }
    }

    /// The session of the issue: create, get, list, patch, get, delete, get 404, a 400.
    @discardableResult
    static func recordLifecycle(into directory: URL) async throws -> FixtureWriter.Output {
        try await recordLifecycleSession(into: directory).output
    }

    static func recordLifecycleSession(into directory: URL) async throws -> (output: FixtureWriter.Output, session: RecordedSession) {
        let target = try EmulatorServer(configuration: EmulatorConfiguration(port: 0))
        let targetPort = try target.start()
        defer { target.shutdown() }
        let recorder = try Recorder(target: URL(string: "http://127.0.0.1:\(targetPort)")!, directory: directory, name: "lifecycle")
        let proxy = Proxy(base: URL(string: "http://127.0.0.1:\(try recorder.start())")!)

        let created = try await proxy.send("POST", providerPath, token: app, body: DocumentedExample.createAssignment.body,
                                           headers: [("client-request-id", "2f0e5c6a-0000-4000-8000-000000000001")])
        #expect(created.status == 201)
        let id = try #require(try JSONReader().read(created.body).root["id"]?.stringValue)
        let encoded = id.replacingOccurrences(of: ":", with: "%3A")
        #expect(try await proxy.send("GET", "/v1.0/employeeExperience/learningCourseActivities/\(encoded)", token: app).status == 200)
        #expect(try await proxy.send("GET", "/v1.0/users/\(DocsWorld.learnerID)/employeeExperience/learningCourseActivities?$count=true",
                                     token: learner).status == 200)
        let patch = ##"{"@odata.type": "#microsoft.graph.learningAssignment", "completionPercentage": 60, "status": "inProgress"}"##
        #expect(try await proxy.send("PATCH", providerPath + "/" + encoded, token: app, body: patch).status == 204)
        #expect(try await proxy.send("GET", providerPath + "/" + encoded, token: app).status == 200)
        #expect(try await proxy.send("DELETE", providerPath + "/" + encoded, token: app).status == 204)
        #expect(try await proxy.send("GET", providerPath + "/" + encoded, token: app).status == 404)
        let bad = DocumentedExample.createAssignment.body.replacingOccurrences(of: #""completionPercentage": 20"#, with: #""completionPercentage": 101"#)
        #expect(try await proxy.send("POST", providerPath, token: app, body: bad).status == 400)
        return (try recorder.stop(), recorder.session)
    }

    static func replay(_ directory: URL, transport: any HTTPTransport, base: URL) async throws -> ConformanceReport {
        let scenarios = try ScenarioLoader.load(directory: directory)
        let roles = try ScenarioLoader.loadRoles(directory: directory)
        try ScenarioLoader.validate(scenarios, roles: roles, rows: .contract)
        let configuration = ConformanceConfiguration(baseURL: base, concurrency: 1, freshTenant: .emulator, roles: roles, rows: .contract)
        return await ConformanceRunner(configuration: configuration, transport: transport).run(scenarios: scenarios)
    }

    @Test func recordedSessionReplaysGreenAgainstServe() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let output = try await Self.recordLifecycle(into: directory)
        #expect(output.files.map(\.name) == ["lifecycle.json", "roles.json"])
        let text = try String(contentsOf: directory.appendingPathComponent("lifecycle.json"), encoding: .utf8)
        #expect(text.contains(#""as" : "id1""#) || text.contains(#""as": "id1""#), "the created id is a capture")
        #expect(text.contains("{{id1|percent}}"), "later paths use it")

        let server = try EmulatorServer(configuration: EmulatorConfiguration(port: 0))
        let port = try server.start()
        defer { server.shutdown() }
        let report = try await Self.replay(directory, transport: HTTPClientTransport(), base: URL(string: "http://127.0.0.1:\(port)/v1.0")!)
        #expect(report.exitCode == 0, "\(report.text())")
        #expect(report.count(.passed) == 1)
        #expect(report.scenarios.first?.stepsRun == 8)
    }

    /// Three mutations, each on its own step (none on the create whose id later steps capture): the replay
    /// names every one.
    @Test func replayAgainstAMutatedTargetReportsEachDeviation() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Self.recordLifecycle(into: directory)
        let emulator = Emulator()
        let transport = InMemoryTransport { request in
            var response = emulator.handle(request)
            let path = String(request.path)
            if request.method == "POST", response.status == 400 {
                response.body = Array(String(decoding: response.body, as: UTF8.self)
                    .replacingOccurrences(of: "completionPercentage", with: "percentage").utf8)
            }
            if request.method == "GET", path.hasPrefix("/v1.0/employeeExperience/learningCourseActivities/"), response.status == 200 {
                response.body = Array(String(decoding: response.body, as: UTF8.self)
                    .replacingOccurrences(of: #""status":"notStarted""#, with: #""status":"completed""#).utf8)
            }
            if request.method == "DELETE" { response.status = 200 }
            return response
        }
        let report = try await Self.replay(directory, transport: transport, base: URL(string: "http://target.test/v1.0")!)
        #expect(report.exitCode == 1)
        let steps = Set(report.scenarios.flatMap(\.deviations).map(\.stepName))
        #expect(steps.contains { $0.hasPrefix("8 POST") }, "\(steps)")
        #expect(steps.contains { $0.hasPrefix("2 GET") }, "\(steps)")
        #expect(steps.contains { $0.hasPrefix("6 DELETE") }, "\(steps)")
        #expect(steps.count == 3, "\(report.text())")
    }

    @Test func noCredentialInAnyRecordedFile() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = try EmulatorServer(configuration: EmulatorConfiguration(port: 0))
        let targetPort = try target.start()
        defer { target.shutdown() }
        let recorder = try Recorder(target: URL(string: "http://127.0.0.1:\(targetPort)")!, directory: directory, name: "secrets")
        let proxy = Proxy(base: URL(string: "http://127.0.0.1:\(try recorder.start())")!)
        let queryToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJxdWVyeSJ9.c2lnbmF0dXJlLXF1ZXJ5"
        let bodySecret = "s3cr3t-Client-Value-0001"
        let bodyJWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJib2R5In0.Ym9keS1zaWduYXR1cmU"
        let apiKey = "AKIA0123456789ABCDEFGHIJKLMNOPQRSTUV"
        let cookie = "sessionid=c00k1e-v4lue-123456"
        _ = try await proxy.send("GET", "/v1.0/employeeExperience/learningCourseActivities/\(DocsWorld.assignmentID)?access_token=\(queryToken)&code=0AX-oauth-code",
                                 token: Self.app, headers: [("Cookie", cookie), ("X-Api-Key", apiKey)])
        let body = DocumentedExample.createAssignment.body.replacingOccurrences(
            of: #""status": "notStarted""#,
            with: #""status": "notStarted", "clientSecret": "\#(bodySecret)", "notes2": {"content": "Bearer \#(bodyJWT)"}"#)
        _ = try await proxy.send("POST", Self.providerPath, token: Self.learner, body: body, headers: [("x-ms-token", "opaque-token-value-42")])
        _ = try await proxy.send("GET", "/v1.0/employeeExperience/learningCourseActivities/\(DocsWorld.assignmentID)", token: "not-a-jwt-but-a-secret-123")
        try recorder.stop()

        let secrets = [Self.app, Self.learner, queryToken, "0AX-oauth-code", bodySecret, bodyJWT, apiKey, "c00k1e-v4lue-123456",
                       "opaque-token-value-42", "not-a-jwt-but-a-secret-123"]
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
        #expect(names.sorted() == ["roles.json", "secrets.json"])
        for name in names {
            let text = try String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
            for secret in secrets { #expect(!text.contains(secret), "\(name) leaks \(secret.prefix(12))…") }
            #expect(!text.lowercased().contains("cookie"), "\(name) keeps a cookie header")
        }
        let scenario = try String(contentsOf: directory.appendingPathComponent("secrets.json"), encoding: .utf8)
        #expect(scenario.contains("[REDACTED]"))
        #expect(scenario.contains(DocsWorld.assignmentID), "ids are not credentials")
    }

    @Test func aTargetThatResetsConnectionsGetsA502AndLosesNothing() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let resetter = try ResettingTarget(answerFirst: 1)
        defer { resetter.close() }
        let recorder = try Recorder(target: URL(string: "http://127.0.0.1:\(resetter.port)")!, directory: directory, name: "reset",
                                    timeout: .seconds(5))
        let proxy = Proxy(base: URL(string: "http://127.0.0.1:\(try recorder.start())")!)
        let first = try await proxy.send("GET", "/v1.0/users/x/employeeExperience/learningCourseActivities", token: Self.learner)
        #expect(first.status == 200)
        let second = try await proxy.send("GET", "/v1.0/users/y/employeeExperience/learningCourseActivities", token: Self.learner)
        #expect(second.status == 502)
        #expect(String(decoding: second.body, as: UTF8.self).contains("gave no response"))
        try recorder.stop()
        #expect(recorder.session.failures.count == 1)
        #expect(recorder.session.exchanges.count == 1)
        let text = try String(contentsOf: directory.appendingPathComponent("reset.json"), encoding: .utf8)
        #expect(text.contains("/users/x/"))
        #expect(!text.contains("/users/y/"))
    }

    @Test func aDirectoryThatVanishesWhileRecordingKeepsTheSessionAndSaysSo() async throws {
        let directory = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = try EmulatorServer(configuration: EmulatorConfiguration(port: 0))
        let targetPort = try target.start()
        defer { target.shutdown() }
        let recorder = try Recorder(target: URL(string: "http://127.0.0.1:\(targetPort)")!, directory: directory, name: "gone")
        let proxy = Proxy(base: URL(string: "http://127.0.0.1:\(try recorder.start())")!)
        #expect(try await proxy.send("GET", "/v1.0/employeeExperience/learningCourseActivities/\(DocsWorld.assignmentID)", token: Self.app).status == 200)
        // The directory is replaced by a file: every later write fails.
        try FileManager.default.removeItem(at: directory)
        try Data("x".utf8).write(to: directory)
        #expect(try await proxy.send("GET", "/v1.0/employeeExperience/learningCourseActivities/\(DocsWorld.assignmentID)", token: Self.app).status == 200,
                "the client is still answered")
        #expect(recorder.writeError != nil)
        #expect(throws: RecordingError.self) { try recorder.stop() }
        #expect(recorder.session.exchanges.count == 2, "nothing lost: the session is still in memory")
        let fallback = Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: fallback) }
        try FixtureWriter.write(recorder.writer.fixtures(for: recorder.session), to: fallback)
        #expect(FileManager.default.fileExists(atPath: fallback.appendingPathComponent("gone.json").path))
    }

    @Test func aDirectoryThatCannotBeWrittenIsRefusedBeforeRecording() throws {
        let file = Self.temporaryDirectory()
        try Data("x".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(throws: RecordingError.self) {
            _ = try Recorder(target: URL(string: "http://127.0.0.1:1")!, directory: file.appendingPathComponent("out"), name: "x")
        }
        #expect(try String(contentsOf: file, encoding: .utf8) == "x", "nothing lost")
    }

    @Test(arguments: [
        ("Authorization", "Bearer abc.def.ghi", true), ("x-api-key", "k", true), ("clientSecret", "v", true),
        ("access_token", "v", true), ("code", "OAuthCode", false), ("learningContentId", "57baf9dc-e020-11ec-9d64-0242ac120002", false),
        ("externalCourseActivityId", "12a2228a-e020-11ec-9d64-0242ac120002", false), ("status", "notStarted", false),
    ])
    func credentialNames(_ name: String, _ value: String, _ isCredential: Bool) {
        #expect((CredentialScrubber.isCredentialName(name) || CredentialScrubber.looksLikeCredential(value)) == isCredential)
    }

    @Test func oauthQueryParametersAreCredentialsOnlyInTheQuery() {
        #expect(CredentialScrubber.isCredentialName("code", inQuery: true))
        #expect(!CredentialScrubber.isCredentialName("code"), "error.code is not a credential")
        #expect(CredentialScrubber().scrub(target: "/x?code=abc&$top=2") == "/x?code=[REDACTED]&$top=2")
    }
}

/// A target that answers the first `answerFirst` connections with `200 {}` and resets every later one (RST).
final class ResettingTarget: @unchecked Sendable {
    let port: Int
    private let socketFD: Int32

    init(answerFirst: Int) throws {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0, listen(fd, 16) == 0 else { throw RecordingError("cannot listen") }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        port = Int(UInt16(bigEndian: address.sin_port))
        socketFD = fd
        let listener = fd
        Thread.detachNewThread {
            var served = 0
            while true {
                let connection = accept(listener, nil, nil)
                if connection < 0 { return }
                if served < answerFirst {
                    served += 1
                    var buffer = [UInt8](repeating: 0, count: 65536)
                    _ = read(connection, &buffer, buffer.count)
                    let answer = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}"
                    _ = answer.withCString { write(connection, $0, strlen($0)) }
                } else {
                    var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                    setsockopt(connection, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                }
                Glibc.close(connection)
            }
        }
    }

    func close() {
        shutdown(socketFD, Int32(SHUT_RDWR))
        Glibc.close(socketFD)
    }
}
