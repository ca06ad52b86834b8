import Foundation
import Glibc
import Testing
@testable import LearningHTTP

@Suite("HTTPClient", .timeLimit(.minutes(1)))
struct HTTPClientTests {
    /// Serves `responses` in turn on each connection (keep-alive), reading one request head before each.
    static func scripted(_ responses: [String]) -> @Sendable (Int32) -> Void {
        { fd in
            for response in responses {
                guard RawTestServer.readHead(fd) != nil else { return }
                RawTestServer.write(fd, response)
            }
        }
    }

    static func expectError(_ expected: HTTPClientError, _ body: () async throws -> HTTPResponse) async {
        do {
            let response = try await body()
            Issue.record("expected \(expected), got status \(response.status)")
        } catch {
            #expect(error as? HTTPClientError == expected)
        }
    }

    @Test("round trips against the server: methods, query, body, 1 MiB response, 204")
    func againstServer() async throws {
        try await withServer { _, port in
            let client = HTTPClient()
            let base = URL(string: "http://127.0.0.1:\(port)/ignored/base/path")!
            let get = try await client.send(HTTPRequest(method: "GET", target: "/a?b=1"), to: base)
            #expect(get.status == 200)
            #expect(String(decoding: get.body, as: UTF8.self) == "GET /a?b=1 0")
            #expect(get.headers["Content-Length"] == "12")
            let body = (0..<300_000).map { UInt8(truncatingIfNeeded: $0) }
            let echoed = try await client.send(HTTPRequest(method: "PATCH", target: "/echo-body", body: body), to: base)
            #expect(echoed.body == body)
            let large = try await client.send(HTTPRequest(method: "GET", target: "/large"), to: base)
            #expect(large.body.count == 1 << 20)
            #expect(large.body == (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
            let empty = try await client.send(HTTPRequest(method: "DELETE", target: "/no-content"), to: base)
            #expect(empty.status == 204)
            #expect(empty.body.isEmpty)
            let head = try await client.send(HTTPRequest(method: "HEAD", target: "/large"), to: base)
            #expect(head.body.isEmpty)
            #expect(head.headers["Content-Length"] == String(1 << 20))
        }
    }

    @Test("one client shared by 50 concurrent requests (pool behind a lock)")
    func concurrentRequests() async throws {
        try await withServer { _, port in
            let client = HTTPClient()
            let base = URL(string: "http://127.0.0.1:\(port)")!
            let bodies = try await withThrowingTaskGroup(of: String.self) { group in
                for index in 0..<50 {
                    group.addTask {
                        let response = try await client.send(HTTPRequest(method: "GET", target: "/n/\(index)"), to: base)
                        return String(decoding: response.body, as: UTF8.self)
                    }
                }
                var collected: [String] = []
                for try await body in group { collected.append(body) }
                return collected
            }
            #expect(Set(bodies) == Set((0..<50).map { "GET /n/\($0) 0" }))
        }
    }

    @Test("keep-alive: sequential requests reuse one pooled connection")
    func keepAliveReuse() async throws {
        let ok = "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
        let server = try RawTestServer(script: Self.scripted([ok, ok, ok]))
        defer { server.stop() }
        let client = HTTPClient()
        for _ in 0..<3 {
            let response = try await client.send(HTTPRequest(method: "GET", target: "/"), to: server.url)
            #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        }
        #expect(server.accepted == 1)
    }

    @Test("a pooled connection the server closed is retried once on a fresh one")
    func staleConnectionRetry() async throws {
        let server = try RawTestServer(script: Self.scripted(["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"]))
        defer { server.stop() }
        let client = HTTPClient()
        for _ in 0..<3 {
            let response = try await client.send(HTTPRequest(method: "GET", target: "/"), to: server.url)
            #expect(response.status == 200)
        }
        #expect(server.accepted == 3)
    }

    static let wellFormed: [(String, Int, String)] = [
        ("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5;x=y\r\nhello\r\n6\r\n world\r\n0\r\nT: 1\r\n\r\n", 200, "hello world"),
        ("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\nok", 201, "ok"),
        ("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end", 200, "until the end"),
        ("HTTP/1.0 404 Not Found\r\nContent-Length: 4\r\n\r\nnope", 404, "nope"),
        ("HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n", 302, ""),
        ("HTTP/1.1 599\r\nContent-Length: 1\r\n\r\nx", 599, "x"),
    ]

    @Test("response framings: chunked, 1xx interim, close-delimited, HTTP/1.0, redirects not followed", arguments: wellFormed)
    func framings(_ raw: String, _ status: Int, _ body: String) async throws {
        let server = try RawTestServer(script: Self.scripted([raw]))
        defer { server.stop() }
        let response = try await HTTPClient().send(HTTPRequest(method: "GET", target: "/"), to: server.url)
        #expect(response.status == status)
        #expect(String(decoding: response.body, as: UTF8.self) == body)
    }

    static let garbage: [String] = [
        "NOT HTTP AT ALL\r\n\r\n",
        "HTTP/1.1 2OO OK\r\nContent-Length: 0\r\n\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: abc\r\n\r\n",
        "HTTP/1.1 200 OK\r\nBad Header Line\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        // 16 hex digits: more than an Int holds; must be refused, not overflow.
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n8000000000000000\r\nx\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nFFFFFFFFFFFFFFFFFFFF\r\nx\r\n",
        "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort",
    ]

    @Test("garbage and truncated responses are malformedResponse", arguments: garbage)
    func malformed(_ raw: String) async throws {
        let server = try RawTestServer(script: { fd in
            _ = RawTestServer.readHead(fd)
            RawTestServer.write(fd, raw)
        })
        defer { server.stop() }
        do {
            _ = try await HTTPClient().send(HTTPRequest(method: "GET", target: "/"), to: server.url)
            Issue.record("expected malformedResponse")
        } catch {
            guard case .malformedResponse = error else {
                Issue.record("expected malformedResponse, got \(error)")
                return
            }
        }
    }

    @Test("a reset connection is connectionReset")
    func reset() async throws {
        let server = try RawTestServer(script: { fd in
            _ = RawTestServer.readHead(fd)
            var lingerOption = linger(l_onoff: 1, l_linger: 0)
            _ = setsockopt(fd, SOL_SOCKET, SO_LINGER, &lingerOption, socklen_t(MemoryLayout<linger>.size))
        })
        defer { server.stop() }
        await Self.expectError(.connectionReset) {
            try await HTTPClient().send(HTTPRequest(method: "GET", target: "/"), to: server.url)
        }
    }

    @Test("a stalled server is timedOut")
    func stall() async throws {
        let server = try RawTestServer(script: { fd in
            _ = RawTestServer.readHead(fd)
            RawTestServer.write(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial")
            usleep(2_000_000)
        })
        defer { server.stop() }
        await Self.expectError(.timedOut) {
            try await HTTPClient().send(HTTPRequest(method: "GET", target: "/"), to: server.url, timeout: .milliseconds(300))
        }
    }

    @Test("an oversized response is responseTooLarge", arguments: [
        "HTTP/1.1 200 OK\r\nContent-Length: 10000000\r\n\r\n",
        "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n\(String(repeating: "x", count: 2048))\r\n",
        "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n\(String(repeating: "y", count: 5000))",
    ])
    func tooLarge(_ raw: String) async throws {
        let server = try RawTestServer(script: { fd in
            _ = RawTestServer.readHead(fd)
            RawTestServer.write(fd, raw)
        })
        defer { server.stop() }
        await Self.expectError(.responseTooLarge(1000)) {
            try await HTTPClient(configuration: .init(maxResponseBytes: 1000)).send(HTTPRequest(method: "GET", target: "/"), to: server.url)
        }
    }

    @Test("a closed port is connectionRefused")
    func refused() async throws {
        let server = try RawTestServer(script: { _ in })
        let port = server.port
        server.stop()
        do {
            _ = try await HTTPClient().send(HTTPRequest(method: "GET", target: "/"), to: URL(string: "http://127.0.0.1:\(port)")!)
            Issue.record("expected connectionRefused")
        } catch {
            guard case .connectionRefused = error else {
                Issue.record("expected connectionRefused, got \(error)")
                return
            }
        }
    }

    @Test("https goes through URLSession with the same error mapping (closed port: connectionRefused)")
    func httpsRefused() async throws {
        let server = try RawTestServer(script: { _ in })
        let port = server.port
        server.stop()
        do {
            _ = try await HTTPClient().send(HTTPRequest(method: "GET", target: "/"), to: URL(string: "https://127.0.0.1:\(port)")!,
                                            timeout: .seconds(10))
            Issue.record("expected connectionRefused")
        } catch {
            guard case .connectionRefused = error else {
                Issue.record("expected connectionRefused, got \(error)")
                return
            }
        }
    }

    @Test("unsupported schemes are invalidURL")
    func invalidURL() async {
        await Self.expectError(.invalidURL("ftp://example.com")) {
            try await HTTPClient().send(HTTPRequest(method: "GET", target: "/"), to: URL(string: "ftp://example.com")!)
        }
    }

    @Test("the request on the wire has Host, Content-Length and Connection: keep-alive")
    func wireFormat() {
        let bytes = HTTPClient.serialize(HTTPRequest(method: "POST", target: "/p?q=1", headers: ["Content-Length": "99", "X-A": "b"],
                                                     body: Array("abc".utf8)),
                                         endpoint: HTTPClientEndpoint(host: "127.0.0.1", port: 8080))
        #expect(String(decoding: bytes, as: UTF8.self)
                == "POST /p?q=1 HTTP/1.1\r\nX-A: b\r\nHost: 127.0.0.1:8080\r\nContent-Length: 3\r\nConnection: keep-alive\r\n\r\nabc")
    }
}
