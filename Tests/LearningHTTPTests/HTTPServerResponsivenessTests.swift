import Foundation
import Glibc
import Testing
@testable import LearningHTTP

/// The server stays responsive (README "Responsiveness"): a slow handler of a large request does not hold up
/// other connections of its loop, timeouts count from the right moment, and a response is never cut off while the
/// client is still reading it. Assertions are on order and completeness, never on elapsed time.
@Suite("HTTPServer responsiveness (live, loopback)", .serialized, .timeLimit(.minutes(1)))
struct HTTPServerResponsivenessTests {
    /// Events in the order they happened, from any thread.
    final class EventLog: @unchecked Sendable {
        private let lock = NSLock()
        private var events: [String] = []
        func add(_ event: String) { lock.lock(); events.append(event); lock.unlock() }
        var all: [String] { lock.lock(); defer { lock.unlock() }; return events }
    }

    @Test("a GET completes while a large request's slow handler runs on the same event loop")
    func slowLargeRequestDoesNotBlockTheLoop() async throws {
        let log = EventLog()
        let started = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let handler: @Sendable (HTTPRequest) -> HTTPResponse = { request in
            if request.path == "/slow" {
                started.signal()
                // Holds until the test saw the GET answered (or gives up, which is what a blocked loop causes).
                _ = release.wait(timeout: .now() + 8)
                log.add("slow handler finished")
                return HTTPResponse(status: 400, body: Array("slow \(request.body.count)".utf8))
            }
            return HTTPResponse(status: 200, body: Array("fast".utf8))
        }
        try await withServer({ $0.threads = 1 }, handler: handler) { _, port in
            let slow = try TestSocket(port: port)
            let body = String(repeating: "x", count: 256 * 1024)
            slow.send("POST /slow HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body)
            #expect(started.wait(timeout: .now() + 10) == .success)
            let fast = try TestSocket(port: port)
            fast.send("GET /fast HTTP/1.1\r\nHost: a\r\n\r\n")
            let answers = fast.readResponses(1, seconds: 20)
            log.add("GET answered")
            release.signal()
            #expect(answers.map(\.body) == ["fast"])
            #expect(slow.readResponses(1, seconds: 20).map(\.body) == ["slow 262144"])
            #expect(log.all == ["GET answered", "slow handler finished"])
        }
    }

    @Test("offloaded handlers answer pipelined requests in order on one connection")
    func offloadedPipelineKeepsOrder() async throws {
        try await withServer({ $0.offloadBodyBytes = 10 }, handler: echoHandler) { _, port in
            let socket = try TestSocket(port: port)
            let big = String(repeating: "b", count: 50)
            socket.send("POST /one HTTP/1.1\r\nHost: a\r\nContent-Length: 50\r\n\r\n\(big)GET /two HTTP/1.1\r\nHost: a\r\n\r\n"
                        + "POST /three HTTP/1.1\r\nHost: a\r\nContent-Length: 50\r\nConnection: close\r\n\r\n\(big)")
            #expect(socket.readResponses(3).map(\.body) == ["POST /one 50", "GET /two 0", "POST /three 50"])
            #expect(socket.readToEnd().closed)
        }
    }

    static let fiveMegabytes = [UInt8](unsafeUninitializedCapacity: 5 << 20) { buffer, count in
        for i in 0..<buffer.count { buffer[i] = UInt8(truncatingIfNeeded: i &* 7) }
        count = buffer.count
    }

    /// A handler that takes longer than the idle timeout, then answers 5 MB (or a short body on `/short`).
    @Sendable static func slowHandler(_ request: HTTPRequest) -> HTTPResponse {
        usleep(2_000_000)
        if request.path == "/short" { return HTTPResponse(status: 200, body: Array("short".utf8)) }
        return HTTPResponse(status: 200, body: fiveMegabytes)
    }

    @Test("a 5 MB response to a slow-reading client arrives whole after a handler slower than idleTimeout")
    func slowReaderGetsTheWholeResponse() async throws {
        _ = Self.fiveMegabytes.count  // built before the server runs, not inside the handler
        try await withServer({ $0.idleTimeout = .milliseconds(1500); $0.threads = 1 }, handler: Self.slowHandler) { _, port in
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            // A small receive window, so the server's writes block and it must wait for this reader.
            var window: Int32 = 16 * 1024
            setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &window, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            try #require(connected == 0)
            var timeout = timeval(tv_sec: 30, tv_usec: 0)
            setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            let request = Array("GET /big HTTP/1.1\r\nHost: a\r\n\r\n".utf8)
            _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            var received: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 8 * 1024)
            // Slow but steady: 8 KiB at a time with pauses; the server sees progress well within idleTimeout.
            while true {
                let count = recv(fd, &chunk, chunk.count, 0)
                if count <= 0 { break }
                received += chunk[0..<count]
                if let end = Self.headEnd(received), let length = Self.contentLength(received[..<end]),
                   received.count - end - 4 >= length { break }
                usleep(1_000)
            }
            let end = try #require(Self.headEnd(received))
            #expect(Self.contentLength(received[..<end]) == Self.fiveMegabytes.count)
            #expect(received.count - end - 4 == Self.fiveMegabytes.count, "the response was cut off")
            let intact = received[(end + 4)...].elementsEqual(Self.fiveMegabytes)
            #expect(intact, "the body differs")
        }
    }

    @Test("the idle timeout counts from the end of the last response, not from before a slow handler ran")
    func idleCountsFromTheResponse() async throws {
        try await withServer({ $0.idleTimeout = .milliseconds(1500); $0.threads = 1 }, handler: Self.slowHandler) { _, port in
            let socket = try TestSocket(port: port)
            socket.send("GET /short HTTP/1.1\r\nHost: a\r\n\r\n")
            #expect(socket.readResponses(1, seconds: 10).map(\.body) == ["short"])
            // At once, on the same keep-alive connection: it must still be open.
            #expect(socket.send("GET /short HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n"))
            #expect(socket.readResponses(1, seconds: 10).map(\.body) == ["short"])
        }
    }

    static func headEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        return (0...(bytes.count - 4)).first { bytes[$0] == 13 && bytes[$0 + 1] == 10 && bytes[$0 + 2] == 13 && bytes[$0 + 3] == 10 }
    }

    static func contentLength(_ head: ArraySlice<UInt8>) -> Int? {
        let text = String(decoding: head, as: UTF8.self)
        for line in text.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
            return Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }
}
