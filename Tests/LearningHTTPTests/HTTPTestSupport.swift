import Foundation
import Glibc
@testable import LearningHTTP
import LearningTestSupport

/// A blocking loopback TCP client for driving the server byte by byte (every read is bounded by a timeout).
final class TestSocket {
    let fd: Int32

    init(port: Int) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let status = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard status == 0 else {
            close(fd)
            throw SocketError(code: errno, message: "connect failed: \(errno)")
        }
    }

    deinit { close(fd) }

    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return false }
            offset += sent
        }
        return true
    }

    /// Whether bytes (or EOF) are ready within `milliseconds`.
    func isReadable(within milliseconds: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, milliseconds) > 0
    }

    /// Reads until EOF or `seconds` pass; `closed` tells which.
    func readToEnd(seconds: Double = 5) -> (text: String, closed: Bool) {
        var bytes: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while Date() < deadline {
            guard isReadable(within: 50) else { continue }
            let count = recv(fd, &chunk, chunk.count, 0)
            if count <= 0 { return (String(decoding: bytes, as: UTF8.self), true) }
            bytes.append(contentsOf: chunk[0..<count])
        }
        return (String(decoding: bytes, as: UTF8.self), false)
    }

    /// Reads complete responses (Content-Length framed) until `count` arrived or `seconds` pass.
    func readResponses(_ count: Int, seconds: Double = 5) -> [(status: Int, body: String)] {
        var buffer: [UInt8] = []
        var responses: [(status: Int, body: String)] = []
        let deadline = Date().addingTimeInterval(seconds)
        var chunk = [UInt8](repeating: 0, count: 65536)
        while responses.count < count && Date() < deadline {
            while let (response, used) = Self.parseOne(buffer) {
                responses.append(response)
                buffer.removeFirst(used)
            }
            if responses.count >= count { break }
            guard isReadable(within: 50) else { continue }
            let received = recv(fd, &chunk, chunk.count, 0)
            if received <= 0 { break }
            buffer.append(contentsOf: chunk[0..<received])
        }
        while responses.count < count, let (response, used) = Self.parseOne(buffer) {
            responses.append(response)
            buffer.removeFirst(used)
        }
        return responses
    }

    private static func parseOne(_ buffer: [UInt8]) -> ((status: Int, body: String), Int)? {
        guard let headEnd = (0..<max(0, buffer.count - 3)).first(where: {
            buffer[$0] == 13 && buffer[$0 + 1] == 10 && buffer[$0 + 2] == 13 && buffer[$0 + 3] == 10
        }) else { return nil }
        let head = String(decoding: buffer[..<headEnd], as: UTF8.self)
        let status = Int(head.dropFirst(9).prefix(3)) ?? 0
        var length = 0
        for line in head.split(separator: "\r\n") where line.lowercased().hasPrefix("content-length:") {
            length = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        let bodyStart = headEnd + 4
        guard buffer.count - bodyStart >= length else { return nil }
        let body = String(decoding: buffer[bodyStart..<(bodyStart + length)], as: UTF8.self)
        return ((status, body), bodyStart + length)
    }
}

/// A tiny blocking TCP server whose connections run a scripted misbehaviour (garbage, resets, stalls).
final class RawTestServer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var acceptedCount = 0
    private let acceptLoopDone = DispatchSemaphore(value: 0)

    init(script: @escaping @Sendable (Int32) -> Void) throws {
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var one: Int32 = 1
        _ = setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let fd = listener
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(listener, 64) == 0 else { throw SocketError(code: errno, message: "raw server bind failed") }
        port = SocketSupport.boundPort(listener)
        let done = acceptLoopDone
        let thread = Thread { [self] in
            while true {
                let connection = accept(fd, nil, nil)
                if connection < 0 {
                    if errno == EINTR { continue }
                    done.signal()
                    return
                }
                lock.lock()
                acceptedCount += 1
                lock.unlock()
                Thread {
                    script(connection)
                    close(connection)
                }.start()
            }
        }
        thread.start()
    }

    var accepted: Int {
        lock.lock()
        defer { lock.unlock() }
        return acceptedCount
    }

    var url: URL { URL(string: "http://127.0.0.1:\(port)")! }

    /// Stops accepting; the descriptor is closed only after the accept loop left, so it cannot accept on a
    /// reused descriptor number that now belongs to another test.
    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        _ = acceptLoopDone.wait(timeout: .now() + 5)
        close(listener)
    }

    /// Reads one request head (no body) from `fd`; nil on EOF or after 5 s.
    /// Waits up to 60 s for the next request head: generous, because under a fully loaded test run the client's
    /// next request on a kept-alive connection can take seconds to arrive, and giving up would close the
    /// connection and make a keep-alive test see a second accept.
    static func readHead(_ fd: Int32) -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 50) > 0 else { continue }
            guard recv(fd, &byte, 1, 0) == 1 else { return nil }
            bytes.append(byte)
            if bytes.count >= 4 && bytes.suffix(4) == [13, 10, 13, 10] { return String(decoding: bytes, as: UTF8.self) }
        }
        return nil
    }

    static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress!, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// A 200 whose chunked body never ends (400 MB if nobody stops it): for the clients' response-size caps.
    static let endlessChunkedBody: @Sendable (Int32) -> Void = { fd in
        _ = readHead(fd)
        write(fd, "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n")
        let chunk = "1000\r\n" + String(repeating: "x", count: 4096) + "\r\n"
        for _ in 0..<100_000 {
            let sent = chunk.utf8CString.withUnsafeBufferPointer { Glibc.send(fd, $0.baseAddress, chunk.utf8.count, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { return }
        }
    }
}

/// Runs an external program with a hard time limit; returns its exit status and standard output.
func runProcess(_ path: String, _ arguments: [String], stdin: String? = nil, seconds: Double = 20) throws -> (status: Int32, output: String) {
    let run = try ProcessRunner.run(URL(fileURLWithPath: path), arguments, stdin: stdin ?? "", timeout: seconds)
    return (run.status, run.stdout)
}

/// Starts a server on an ephemeral port, runs `body`, and always shuts the server down.
func withServer<T>(
    _ configure: (inout HTTPServerConfiguration) -> Void = { _ in },
    handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse = echoHandler,
    _ body: (HTTPServer, Int) async throws -> T
) async throws -> T {
    var configuration = HTTPServerConfiguration()
    configuration.threads = 2
    configure(&configuration)
    let server = HTTPServer(configuration: configuration, handler: handler)
    let port = try server.start()
    defer {
        server.shutdown()
        server.waitUntilShutdown()
    }
    return try await body(server, port)
}

/// Answers `METHOD target body-count`; `/delay` waits 2 s first, `/large` returns 1 MiB.
@Sendable func echoHandler(_ request: HTTPRequest) -> HTTPResponse {
    switch request.path {
    case "/delay":
        return HTTPResponse(status: 200, body: Array("delayed".utf8), delay: .seconds(2))
    case "/large":
        return HTTPResponse(status: 200, body: (0..<(1 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 31) })
    case "/echo-body":
        return HTTPResponse(status: 200, body: request.body)
    case "/no-content":
        return HTTPResponse(status: 204, body: Array("ignored".utf8))
    default:
        return HTTPResponse(status: 200, headers: ["Content-Type": "text/plain"],
                            body: Array("\(request.method) \(request.target) \(request.body.count)".utf8))
    }
}
