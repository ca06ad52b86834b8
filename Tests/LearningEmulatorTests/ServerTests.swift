import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing
import LearningTestSupport

/// The emulator behind the real HTTP server on a loopback port 0.
@Suite(.serialized) struct ServerTests {
    static func withServer(_ configuration: EmulatorConfiguration = EmulatorConfiguration(), threads: Int? = nil,
                           _ body: (URL, EmulatorServer) async throws -> Void) async throws {
        var http = HTTPServerConfiguration()
        if let threads { http.threads = threads }
        let server = try EmulatorServer(configuration: configuration, http: http)
        let port = try server.start()
        defer {
            server.shutdown()
            server.waitUntilShutdown()
        }
        let base = try #require(URL(string: "http://127.0.0.1:\(port)"))
        try await body(base, server)
    }

    static func request(_ method: String, _ target: String, token: String? = EmulatorHarness.app, body: String? = nil) -> HTTPRequest {
        var headers = HTTPHeaders()
        if let token { headers.append(name: "Authorization", value: "Bearer " + token) }
        if body != nil { headers.append(name: "Content-Type", value: "application/json") }
        return HTTPRequest(method: method, target: target, headers: headers, body: Array((body ?? "").utf8))
    }

    /// N parallel creates; then every created id is readable and the count is exact.
    @Test(.timeLimit(.minutes(1))) func parallelCreatesThroughTheServer() async throws {
        try await Self.withServer { base, _ in
            let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(20)))
            let n = 200
            let ids = try await withThrowingTaskGroup(of: String?.self) { group in
                for _ in 0..<n {
                    group.addTask {
                        let r = try await client.send(Self.request("POST", Paths.contosoActivities, body: DocBodies.createSelfInitiated), to: base)
                        guard r.status == 201 else { return nil }
                        return try JSONReader().read(r.body).root["id"]?.stringValue
                    }
                }
                var ids: [String] = []
                for try await id in group { if let id { ids.append(id) } }
                return ids
            }
            #expect(ids.count == n)
            #expect(Set(ids).count == n)
            let count = try await client.send(Self.request("GET", Paths.learnerActivities + "?$count=true&$top=0", token: EmulatorHarness.learner), to: base)
            #expect(try JSONReader().read(count.body).root["@odata.count"] == .number(JSONNumber(n + 3)))
            let unreadable = try await withThrowingTaskGroup(of: Int.self) { group in
                for id in ids {
                    group.addTask {
                        let r = try await client.send(Self.request("GET", "/v1.0/employeeExperience/learningCourseActivities/" + id,
                                                                   token: EmulatorHarness.learner), to: base)
                        return r.status == 200 ? 0 : 1
                    }
                }
                return try await group.reduce(0, +)
            }
            #expect(unreadable == 0)
        }
    }

    /// An added latency delays only its own response: a request on another connection, sent after the delayed
    /// one, is answered first. Checked by order of completion, not by timing.
    @Test(.timeLimit(.minutes(1))) func latencyFaultIsServedWithoutBlocking() async throws {
        var configuration = EmulatorConfiguration()
        configuration.faults = [FaultRule(operation: "getActivity", latencyMs: 2_000)]
        // One event loop: a delay that blocked it would hold up the second connection too.
        try await Self.withServer(configuration, threads: 1) { base, _ in
            let order = CompletionOrder()
            async let slow: Int = {
                let r = try await HTTPClient().send(Self.request("GET", Paths.learnerActivities + "/" + DocsWorld.assignmentID, token: EmulatorHarness.learner), to: base)
                await order.finished("slow")
                return r.status
            }()
            try await Task.sleep(for: .milliseconds(200))  // let the delayed request reach the server first
            let info = try await HTTPClient().send(Self.request("GET", "/_emulator/info", token: nil), to: base)
            await order.finished("fast")
            #expect(info.status == 200)
            #expect(try await slow == 200)
            #expect(await order.names == ["fast", "slow"])
        }
    }

    /// A few curl checks against the live server (the seed examples as a team would send them).
    @Test(.timeLimit(.minutes(1)), .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/curl"), "needs /usr/bin/curl"))
    func curlChecks() async throws {
        let curl = "/usr/bin/curl"
        try await Self.withServer { base, _ in
            let root = base.absoluteString
            func run(_ arguments: [String]) throws -> (status: Int, body: JSONValue?) {
                let text = try ProcessRunner.run(URL(fileURLWithPath: curl), ["-s", "--max-time", "10", "-w", "\n%{http_code}"] + arguments,
                                                 timeout: 20).stdout
                let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let status = Int(lines.last ?? "") ?? 0
                let body = lines.dropLast().joined(separator: "\n")
                return (status, try? JSONReader().read(Array(body.utf8)).root)
            }
            let app = ["-H", "Authorization: Bearer " + EmulatorHarness.app]
            let learner = ["-H", "Authorization: Bearer " + EmulatorHarness.learner]
            let created = try run(app + ["-H", "Content-Type: application/json", "-d", DocBodies.createAssignment, root + Paths.contosoActivities])
            #expect(created.status == 201)
            #expect(created.body?["learningProviderId"] == .string(DocsWorld.contosoProviderID))
            let byExternal = try run(learner + ["-g", root + Paths.contosoActivities + "(externalCourseActivityId='12a2228a-e020-11ec-9d64-0242ac120002')"])
            #expect(byExternal.status == 200)
            #expect(byExternal.body?["id"] == .string(DocsWorld.assignmentID))
            let list = try run(learner + ["-H", "Prefer: include-unknown-enum-members", root + Paths.learnerActivities])
            let peer = list.body?["value"]?.arrayValue?.first { $0["id"] == .string(DocsWorld.peerRecommendedID) }
            #expect(peer?["assignmentType"] == "peerRecommended")
            let update = try run(app + ["-X", "PATCH", "-H", "Content-Type: application/json", "-d", DocBodies.updateAssignment,
                                        root + Paths.contosoActivities + "/" + DocsWorld.assignmentID])
            #expect(update.status == 204)
            let delete = try run(app + ["-X", "DELETE", root + Paths.linkedInActivities + "/" + DocsWorld.selfInitiatedID])
            #expect(delete.status == 204)
            let unauthenticated = try run([root + Paths.learnerActivities])
            #expect(unauthenticated.status == 401)
            #expect(unauthenticated.body?["error"]?["innerError"]?["request-id"] != nil)
        }
    }
}

extension ServerTests {
    @Test func invalidConfigurationsAreRefused() {
        #expect(throws: EmulatorConfigurationError.self) { try EmulatorServer(configuration: EmulatorConfiguration(faults: [FaultRule(every: 0)])) }
        #expect(throws: EmulatorConfigurationError.self) { try EmulatorServer(configuration: EmulatorConfiguration(pageSize: 0)) }
    }
}

extension ServerTests {
    /// Requests the HTTP server refuses still get the Graph envelope.
    @Test(.timeLimit(.minutes(1))) func serverRejectionsUseTheGraphEnvelope() async throws {
        let emulator = Emulator()
        let tooLarge = emulator.rejectionResponse(HTTPServerRejection(status: 413, reason: "body too large"))
        #expect(tooLarge.status == 413)
        let body = try JSONReader().read(tooLarge.body).root
        #expect(body["error"]?["code"]?.stringValue == emulator.contract.catalog[.payloadTooLarge].code)
        #expect(body["error"]?["innerError"]?["request-id"] != nil)
        let malformed = emulator.rejectionResponse(HTTPServerRejection(status: 505, reason: "HTTP/2.0 not supported"))
        #expect(malformed.status == 505)
        #expect(try JSONReader().read(malformed.body).root["error"]?["details"]?.arrayValue?.first?["message"] == "HTTP/2.0 not supported")
        let busy = emulator.rejectionResponse(HTTPServerRejection(status: 503, reason: "too many connections"))
        #expect(busy.headers["Retry-After"] == "1")
    }

    /// Over a socket the admin endpoint wants a loopback Host: a foreign one (DNS rebinding) and none at all
    /// (HTTP/1.0) are refused; the runner's form (Host 127.0.0.1:PORT, application/json) passes.
    @Test(.timeLimit(.minutes(1))) func adminGuardsOverTheNetwork() async throws {
        try await Self.withServer { base, server in
            let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(20)))
            var foreign = Self.request("GET", "/_emulator/info", token: nil)
            foreign.headers.append(name: "Host", value: "rebound.attacker.example:\(server.port)")
            let refused = try await client.send(foreign, to: base)
            #expect(refused.status == 403)
            let info = try await client.send(Self.request("GET", "/_emulator/info", token: nil), to: base)
            #expect(info.status == 200)
            let reset = try await client.send(Self.request("POST", "/_emulator/reset", token: nil, body: ""), to: base)
            #expect(reset.status == 204)
            #expect(Self.rawExchange(port: server.port, "POST /_emulator/reset HTTP/1.0\r\nContent-Type: application/json\r\n\r\n")
                .hasPrefix("HTTP/1.1 403"))
        }
    }

    /// Sends `text` on a fresh loopback connection and returns everything read until the server closes it.
    static func rawExchange(port: Int, _ text: String) -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { return "" }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = recv(fd, &buffer, buffer.count, 0)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }
}

/// Records the order in which concurrent requests finished.
actor CompletionOrder {
    private(set) var names: [String] = []
    func finished(_ name: String) { names.append(name) }
}
