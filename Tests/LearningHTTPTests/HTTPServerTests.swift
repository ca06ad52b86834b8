import Foundation
import Glibc
import Testing
@testable import LearningHTTP

@Suite("HTTPServer (live, loopback)", .timeLimit(.minutes(1)))
struct HTTPServerTests {
    static let curl = "/usr/bin/curl"

    /// A file of `count` bytes for curl's `--data-binary @file`.
    static func payloadFile(_ count: Int) throws -> String {
        let path = NSTemporaryDirectory() + "learning-http-\(UUID().uuidString).bin"
        try Data((0..<count).map { UInt8(65 + $0 % 26) }).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let curlCases: [(method: String, bodyBytes: Int, chunked: Bool)] = [
        ("GET", 0, false), ("DELETE", 0, false), ("POST", 10, false), ("POST", 5000, false),
        ("PATCH", 3000, false), ("POST", 5000, true), ("PATCH", 20, true),
    ]

    @Test("curl GET/POST/PATCH/DELETE, bodies over 1 KiB (Expect: 100-continue) and chunked uploads", arguments: curlCases)
    func curlMethods(_ method: String, _ bodyBytes: Int, _ chunked: Bool) async throws {
        try await withServer { _, port in
            var arguments = ["-s", "--max-time", "10", "-X", method, "http://127.0.0.1:\(port)/echo?x=1"]
            if bodyBytes > 0 {
                let file = try Self.payloadFile(bodyBytes)
                defer { try? FileManager.default.removeItem(atPath: file) }
                arguments += ["--data-binary", "@\(file)"]
                if chunked { arguments += ["-H", "Transfer-Encoding: chunked"] }
                let result = try runProcess(Self.curl, arguments)
                #expect(result.status == 0)
                #expect(result.output == "\(method) /echo?x=1 \(bodyBytes)")
            } else {
                let result = try runProcess(Self.curl, arguments)
                #expect(result.status == 0)
                #expect(result.output == "\(method) /echo?x=1 0")
            }
        }
    }

    @Test("curl sees Date, Content-Length, and no body on 204")
    func curlHeaders() async throws {
        try await withServer { _, port in
            let result = try runProcess(Self.curl, ["-s", "-i", "--max-time", "10", "http://127.0.0.1:\(port)/no-content"])
            #expect(result.output.hasPrefix("HTTP/1.1 204 No Content\r\n"))
            #expect(result.output.contains("Date: "))
            #expect(result.output.hasSuffix("\r\n\r\n"))
            let ok = try runProcess(Self.curl, ["-s", "-i", "--max-time", "10", "http://127.0.0.1:\(port)/a"])
            #expect(ok.output.contains("Content-Length: 8\r\n"))
        }
    }

    @Test("python http.client keep-alive sequence reuses one connection")
    func pythonKeepAlive() async throws {
        try await withServer { _, port in
            let script = """
            import http.client
            c = http.client.HTTPConnection('127.0.0.1', \(port), timeout=10)
            out = []
            sock = None
            for i, (m, body) in enumerate([('GET', None), ('POST', b'abc'), ('PATCH', b'x' * 2000), ('DELETE', None)]):
                c.request(m, '/k/%d' % i, body=body)
                r = r = c.getresponse()
                out.append('%d %s' % (r.status, r.read().decode()))
                if sock is None: sock = c.sock
                elif c.sock is not sock: out.append('reconnected')
            print('|'.join(out))
            """
            let result = try runProcess("/usr/bin/env", ["python3", "-c", script])
            #expect(result.output.trimmingCharacters(in: .whitespacesAndNewlines)
                    == "200 GET /k/0 0|200 POST /k/1 3|200 PATCH /k/2 2000|200 DELETE /k/3 0")
        }
    }

    @Test("three pipelined requests are answered in order, then Connection: close closes")
    func pipelining() async throws {
        try await withServer { _, port in
            let socket = try TestSocket(port: port)
            socket.send("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 4\r\n\r\nbodyGET /3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
            let responses = socket.readResponses(3)
            #expect(responses.map(\.body) == ["GET /1 0", "POST /2 4", "GET /3 0"])
            #expect(socket.readToEnd().closed)
        }
    }

    @Test("a deep pipeline of large echoes (more output than the backpressure limit) arrives complete and in order")
    func pipelinedBackpressure() async throws {
        try await withServer { _, port in
            let socket = try TestSocket(port: port)
            let bodies = (0..<30).map { index in String(repeating: String(UnicodeScalar(UInt8(65 + index % 26))), count: 100_000) }
            var wire = ""
            for body in bodies { wire += "POST /echo-body HTTP/1.1\r\nHost: a\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)" }
            let fd = socket.fd
            let bytes = Array(wire.utf8)
            let sender = Thread {
                var offset = 0
                while offset < bytes.count {
                    let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
                    if sent <= 0 { return }
                    offset += sent
                }
            }
            sender.start()
            let responses = socket.readResponses(30, seconds: 20)
            #expect(responses.count == 30)
            #expect(responses.map(\.body) == Array(bodies.prefix(responses.count)))
        }
    }

    @Test("a delayed response keeps its place in a pipeline")
    func pipelinedDelay() async throws {
        try await withServer { _, port in
            let socket = try TestSocket(port: port)
            socket.send("GET /delay HTTP/1.1\r\nHost: a\r\n\r\nGET /after HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(socket.readResponses(2).map(\.body) == ["delayed", "GET /after 0"])
        }
    }

    @Test("a delayed response does not hold up another connection")
    func delayDoesNotBlock() async throws {
        try await withServer { _, port in
            let slow = try TestSocket(port: port)
            let fast = try TestSocket(port: port)
            slow.send("GET /delay HTTP/1.1\r\nHost: a\r\n\r\n")
            fast.send("GET /fast HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(fast.readResponses(1).map(\.body) == ["GET /fast 0"])
            // The delay is 2 s; the fast answer came first, so the slow one must still be pending.
            #expect(!slow.isReadable(within: 0))
            #expect(slow.readResponses(1).map(\.body) == ["delayed"])
        }
    }

    @Test("slowloris: a head trickling in past headerTimeout gets 408 and the connection closes")
    func slowloris() async throws {
        try await withServer({ $0.headerTimeout = .milliseconds(300) }) { _, port in
            let socket = try TestSocket(port: port)
            socket.send("GET / HTTP/1.1\r\nHost: a\r\n")
            for _ in 0..<50 {
                if socket.isReadable(within: 100) { break }
                if !socket.send("X") { break }
            }
            let result = socket.readToEnd()
            #expect(result.text.hasPrefix("HTTP/1.1 408 "))
            #expect(result.closed)
        }
    }

    @Test("a body slower than bodyTimeout gets 408")
    func slowBody() async throws {
        try await withServer({ $0.bodyTimeout = .milliseconds(300) }) { _, port in
            let socket = try TestSocket(port: port)
            socket.send("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 100\r\n\r\nabc")
            let result = socket.readToEnd()
            #expect(result.text.hasPrefix("HTTP/1.1 408 "))
            #expect(result.closed)
        }
    }

    @Test("an idle keep-alive connection is closed quietly after idleTimeout")
    func idleClose() async throws {
        try await withServer({ $0.idleTimeout = .milliseconds(300) }) { _, port in
            let socket = try TestSocket(port: port)
            socket.send("GET /once HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(socket.readResponses(1).map(\.body) == ["GET /once 0"])
            let rest = socket.readToEnd()
            #expect(rest.closed)
            #expect(rest.text.isEmpty)
        }
    }

    @Test("malformed requests get a 400 (custom envelope) and close; the server keeps serving", arguments: [
        "GARBAGE\r\n\r\n", "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", "\u{0}\u{0}\u{0}\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n",
    ])
    func malformed(_ request: String) async throws {
        try await withServer({ configuration in
            configuration.errorResponder = { rejection in
                HTTPResponse(status: rejection.status, body: Array("custom \(rejection.status)".utf8))
            }
        }) { _, port in
            let bad = try TestSocket(port: port)
            bad.send(request)
            let result = bad.readToEnd()
            #expect(result.text.hasPrefix("HTTP/1.1 400 Bad Request\r\n"))
            #expect(result.text.hasSuffix("custom 400"))
            #expect(result.closed)
            let good = try TestSocket(port: port)
            good.send("GET /still HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(good.readResponses(1).map(\.body) == ["GET /still 0"])
        }
    }

    @Test("limits: 431 for a large head, 413 for a large body, 505 for HTTP/2.0, 501 for gzip coding", arguments: [
        ("GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "a", count: 3000))\r\n\r\n", 431),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 2000\r\n\r\n", 413),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
    ])
    func limits(_ request: String, _ status: Int) async throws {
        try await withServer({
            $0.maxHeaderBytes = 1024
            $0.maxBodyBytes = 1000
        }) { _, port in
            let socket = try TestSocket(port: port)
            socket.send(request)
            let result = socket.readToEnd()
            #expect(result.text.hasPrefix("HTTP/1.1 \(status) "))
            #expect(result.text.contains(#"{"error":{"code":"\#(status)""#))
        }
    }

    @Test("curl upload over maxBodyBytes gets 413")
    func curlTooLarge() async throws {
        try await withServer({ $0.maxBodyBytes = 1000 }) { _, port in
            let file = try Self.payloadFile(50_000)
            defer { try? FileManager.default.removeItem(atPath: file) }
            let result = try runProcess(Self.curl, ["-s", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10",
                                                    "--data-binary", "@\(file)", "http://127.0.0.1:\(port)/up"])
            #expect(result.output == "413")
        }
    }

    @Test("200 concurrent connections each doing three requests all succeed")
    func manyConnections() async throws {
        try await withServer { _, port in
            var sockets: [TestSocket] = []
            for _ in 0..<200 { sockets.append(try TestSocket(port: port)) }
            for round in 0..<3 {
                for (index, socket) in sockets.enumerated() { socket.send("GET /c\(index)/r\(round) HTTP/1.1\r\nHost: a\r\n\r\n") }
                for (index, socket) in sockets.enumerated() {
                    #expect(socket.readResponses(1).map(\.body) == ["GET /c\(index)/r\(round) 0"])
                }
            }
        }
    }

    @Test("connections beyond maxConnections get 503 and are closed")
    func maxConnections() async throws {
        try await withServer({ $0.maxConnections = 2 }) { _, port in
            let first = try TestSocket(port: port)
            let second = try TestSocket(port: port)
            first.send("GET /1 HTTP/1.1\r\nHost: a\r\n\r\n")
            second.send("GET /2 HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(first.readResponses(1).count == 1)
            #expect(second.readResponses(1).count == 1)
            let third = try TestSocket(port: port)
            let result = third.readToEnd()
            #expect(result.text.hasPrefix("HTTP/1.1 503 "))
            #expect(result.closed)
        }
    }

    @Test("HTTP/1.0 without keep-alive is closed after the response")
    func http10() async throws {
        try await withServer { _, port in
            let socket = try TestSocket(port: port)
            socket.send("GET /old HTTP/1.0\r\n\r\n")
            let result = socket.readToEnd()
            #expect(result.text.hasPrefix("HTTP/1.1 200 OK\r\n"))
            #expect(result.text.hasSuffix("GET /old 0"))
            #expect(result.closed)
        }
    }

    @Test("shutdown with connected clients completes and still delivers an in-flight delayed response")
    func shutdownWithClients() async throws {
        var configuration = HTTPServerConfiguration()
        configuration.threads = 2
        let server = HTTPServer(configuration: configuration, handler: echoHandler)
        let port = try server.start()
        var idle: [TestSocket] = []
        for _ in 0..<5 {
            let socket = try TestSocket(port: port)
            socket.send("GET /i HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(socket.readResponses(1).count == 1)
            idle.append(socket)
        }
        let partial = try TestSocket(port: port)
        partial.send("GET /partial HTTP/1.1\r\n")
        let busy = try TestSocket(port: port)
        busy.send("GET /delay HTTP/1.1\r\nHost: a\r\n\r\n")
        try await Task.sleep(for: .milliseconds(100))
        server.shutdown()
        server.waitUntilShutdown()
        let delivered = busy.readToEnd()
        #expect(delivered.text.hasSuffix("delayed"))
        #expect(delivered.closed)
        for socket in idle { #expect(socket.readToEnd(seconds: 2).closed) }
        // The listener is gone: new connections are refused.
        #expect((try? TestSocket(port: port)) == nil)
    }

    @Test("a second shutdown after the loops ended writes nothing into descriptors reused since")
    func secondShutdownTouchesNoReusedDescriptor() throws {
        var configuration = HTTPServerConfiguration()
        configuration.threads = 1
        let server = HTTPServer(configuration: configuration, handler: echoHandler)
        _ = try server.start()
        server.shutdown()
        server.waitUntilShutdown()
        // New descriptors take the lowest free numbers: the listener's, then the loop's closed wake pipe. One
        // /dev/null descriptor takes the listener's number, so a pipe's write end lands on the old write end.
        // (Other tests open descriptors concurrently, so this can only make the bug likely to show, never a
        // false failure: with the fix nothing is ever written.)
        let spacer = open("/dev/null", O_RDONLY)
        var fds: [Int32] = [0, 0, 0, 0, 0, 0]
        #expect(pipe(&fds[0]) == 0 && pipe(&fds[2]) == 0 && pipe(&fds[4]) == 0)
        defer { for fd in fds + [spacer] { close(fd) } }
        let readers = [fds[0], fds[2], fds[4]]
        for reader in readers { _ = fcntl(reader, F_SETFL, fcntl(reader, F_GETFL) | O_NONBLOCK) }
        server.shutdown()
        var byte: UInt8 = 0
        for reader in readers { #expect(read(reader, &byte, 1) == -1, "the second shutdown wrote into a reused descriptor") }
    }
}
