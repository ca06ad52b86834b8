import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A deliberately broken HTTP target on a loopback port, over raw sockets so it can send anything: the
/// conformance runner must end, within its budgets, whatever a target does. One `Mode` per way of being broken.
///
/// Except in `resetConnections`, `neverAnswers` and `garbage`, it answers the runner's set-up like the emulator
/// (`GET /_emulator/info` says `testTokens: true`, state PUT and DELETE under `/_emulator/` answer 204), so the
/// broken answers reach the steps.
public final class BrokenTarget: @unchecked Sendable {
    public enum Mode: Sendable, Hashable, CustomStringConvertible {
        /// Every API answer has this status and `Retry-After: value`.
        case retryAfter(status: Int, value: String)
        /// Every API answer is a 418 whose `error.code` has `length` characters.
        case hugeErrorCode(length: Int)
        /// Every API answer is an object with `count` undeclared members (201 to a POST, else 200).
        case manyMembers(count: Int)
        /// Every API answer is a 429 with `Retry-After: value` (`0`, empty, garbage…).
        case endlessThrottling(value: String)
        /// A create answers 201 with an `id` holding CR/LF and a smuggled request line; every request head is recorded.
        case crlfInID
        /// Every connection is reset (RST) as soon as it is accepted.
        case resetConnections
        /// Connections are accepted and read, never answered.
        case neverAnswers
        /// Every request gets bytes that are not HTTP.
        case garbage

        public var description: String {
            switch self {
            case .retryAfter(let status, let value): "retryAfter(\(status), \(value.prefix(24)))"
            case .hugeErrorCode(let length): "hugeErrorCode(\(length))"
            case .manyMembers(let count): "manyMembers(\(count))"
            case .endlessThrottling(let value): "endlessThrottling(\(value.isEmpty ? "empty" : value))"
            case .crlfInID: "crlfInID"
            case .resetConnections: "resetConnections"
            case .neverAnswers: "neverAnswers"
            case .garbage: "garbage"
            }
        }
    }

    /// The request line the `crlfInID` id tries to smuggle.
    public static let smuggledLine = "GET /smuggled HTTP/1.1"

    public let mode: Mode
    public let port: Int
    public var baseURL: URL { URL(string: "http://127.0.0.1:\(port)/v1.0")! }

    private let listener: Int32
    /// The big API body of `hugeErrorCode` and `manyMembers`, built once.
    private let bigBody: String
    private let lock = NSLock()
    private var stopped = false
    private var heads: [String] = []
    private var connections: Set<Int32> = []

    public init(_ mode: Mode) throws {
        self.mode = mode
        switch mode {
        case .hugeErrorCode(let length):
            bigBody = #"{"error":{"code":""# + String(repeating: "x", count: length) + #"","message":"short"}}"#
        case .manyMembers(let count):
            var json = "{"
            json.reserveCapacity(count * 12)
            for i in 0..<count { json += (i == 0 ? "" : ",") + "\"m" + String(i, radix: 36) + "\":0" }
            bigBody = json + "}"
        default:
            bigBody = ""
        }
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw BrokenTargetError("socket: \(errno)") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else { close(fd); throw BrokenTargetError("bind/listen: \(errno)") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = Int(UInt16(bigEndian: address.sin_port))
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    deinit { stop() }

    /// Every request head received (request line and headers), in arrival order.
    public var receivedHeads: [String] { lock.lock(); defer { lock.unlock() }; return heads }

    /// Request lines received, one per request (a smuggled request would add its own).
    public var requestLines: [String] {
        receivedHeads.compactMap { $0.components(separatedBy: "\r\n").first }
    }

    public func stop() {
        lock.lock()
        let wasStopped = stopped
        stopped = true
        let open = connections
        lock.unlock()
        guard !wasStopped else { return }
        // Shut down, don't close: the accept loop may be inside poll/accept on this descriptor, and a closed number is
        // reused at once by the next socket another test opens (a new target's listener), whose connections this
        // loop would then accept and treat in its own mode (a reset-every-connection target reset another test's
        // probe). The loop closes the listener when it sees the stop.
        shutdown(listener, Int32(SHUT_RDWR))
        for fd in open { shutdown(fd, Int32(SHUT_RDWR)) }
    }

    private var isStopped: Bool { lock.lock(); defer { lock.unlock() }; return stopped }

    private func acceptLoop() {
        defer { close(listener) }
        while !isStopped {
            var entry = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&entry, 1, 100) > 0 else { continue }
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else { continue }
            if case .resetConnections = mode {
                var linger = Glibc.linger(l_onoff: 1, l_linger: 0)
                setsockopt(fd, SOL_SOCKET, SO_LINGER, &linger, socklen_t(MemoryLayout<Glibc.linger>.size))
                close(fd)
                continue
            }
            lock.lock(); connections.insert(fd); lock.unlock()
            let thread = Thread { [self] in
                serve(fd)
                lock.lock(); connections.remove(fd); lock.unlock()
                close(fd)
            }
            thread.start()
        }
    }

    /// Reads requests off one keep-alive connection and answers each by the mode.
    private func serve(_ fd: Int32) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while !isStopped {
            // One request: head, then a Content-Length body.
            var headEnd: Int?
            while headEnd == nil {
                headEnd = Self.find([13, 10, 13, 10], in: buffer)
                if headEnd != nil { break }
                guard read(fd, &chunk, &buffer) else { return }
            }
            guard let end = headEnd else { return }
            let head = String(decoding: buffer[..<end], as: UTF8.self)
            lock.lock(); heads.append(head); lock.unlock()
            let length = head.components(separatedBy: "\r\n").dropFirst()
                .first { $0.lowercased().hasPrefix("content-length:") }
                .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
            while buffer.count < end + 4 + length {
                guard read(fd, &chunk, &buffer) else { return }
            }
            buffer.removeFirst(end + 4 + length)
            let requestLine = head.components(separatedBy: "\r\n").first ?? ""
            let parts = requestLine.split(separator: " ")
            let method = parts.first.map(String.init) ?? ""
            let target = parts.count > 1 ? String(parts[1]) : "/"
            guard let response = answer(method: method, target: target) else {
                // neverAnswers: keep reading (and never write) until the client gives up or the target stops.
                while read(fd, &chunk, &buffer) {}
                return
            }
            guard write(fd, response) else { return }
            if case .garbage = mode { return }
        }
    }

    private func read(_ fd: Int32, _ chunk: inout [UInt8], _ buffer: inout [UInt8]) -> Bool {
        while !isStopped {
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&entry, 1, 100)
            if ready == 0 { continue }
            if ready < 0 { return errno == EINTR }
            let count = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return false }
            buffer.append(contentsOf: chunk[0..<count])
            return true
        }
        return false
    }

    private func write(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent <= 0 { if errno == EINTR || errno == EAGAIN { continue }; return false }
            offset += sent
        }
        return true
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return i }
        }
        return nil
    }

    // MARK: - Answers

    private func answer(method: String, target: String) -> [UInt8]? {
        switch mode {
        case .neverAnswers: return nil
        case .garbage: return Array("\u{0}\u{7}GARBAGE not http at all \u{1B}[31m\r\n\r\n\u{FF}".utf8) + [0xFF, 0xFE, 0x00]
        case .resetConnections: return nil
        default: break
        }
        if target == "/_emulator/info" { return Self.response(200, json: #"{"emulator":"broken","testTokens":true}"#) }
        if target.hasPrefix("/_emulator/") { return Self.response(204, json: nil) }
        switch mode {
        case .retryAfter(let status, let value):
            return Self.response(status, json: #"{"value":[]}"#, headers: ["Retry-After: \(value)"])
        case .hugeErrorCode:
            return Self.response(418, json: bigBody)
        case .manyMembers:
            return Self.response(method == "POST" ? 201 : 200, json: bigBody)
        case .endlessThrottling(let value):
            return Self.response(429, json: #"{"error":{"code":"tooManyRequests","message":"slow down"}}"#,
                                 headers: ["Retry-After: \(value)"])
        case .crlfInID:
            let id = "abc\r\n\(Self.smuggledLine)\r\nX-Smuggled: 1\r\n\r\n"
            let escaped = id.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
            if method == "POST" {
                return Self.response(201, json: ##"{"@odata.type":"#microsoft.graph.learningAssignment","id":""## + escaped + #"","status":"notStarted"}"#)
            }
            return Self.response(200, json: #"{"id":""# + escaped + #""}"#)
        case .resetConnections, .neverAnswers, .garbage:
            return nil
        }
    }

    private static func response(_ status: Int, json: String?, headers: [String] = []) -> [UInt8] {
        let body = Array((json ?? "").utf8)
        var head = "HTTP/1.1 \(status) Broken\r\n"
        if json != nil { head += "Content-Type: application/json\r\n" }
        for header in headers { head += header + "\r\n" }
        head += "Content-Length: \(body.count)\r\nConnection: keep-alive\r\n\r\n"
        return Array(head.utf8) + body
    }
}

public struct BrokenTargetError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
