import Dispatch
import Foundation
import Glibc

/// A small HTTP/1.1 client: `http://` over its own blocking sockets with poll(2) deadlines and a keep-alive pool,
/// `https://` through the system's libcurl (see `HTTPClient+Curl.swift`; URLSession when libcurl can't be loaded),
/// both behind the same errors.
public struct HTTPClient: Sendable {
    public let configuration: HTTPClientConfiguration
    private let pool: HTTPClientPool
    let curlHandles = CurlHandles()

    public init(configuration: HTTPClientConfiguration = .init()) {
        self.configuration = configuration
        self.pool = HTTPClientPool()
    }

    /// Sends `request` (its `target` is a path+query) to `baseURL`'s scheme, host and port; the base path is not used.
    public func send(_ request: HTTPRequest, to baseURL: URL, timeout: Duration? = nil) async throws(HTTPClientError) -> HTTPResponse {
        let limit = timeout ?? configuration.timeout
        guard let scheme = baseURL.scheme?.lowercased(), let host = baseURL.host, !host.isEmpty else {
            throw .invalidURL(baseURL.absoluteString)
        }
        if let problem = Self.unsafeToSend(request) { throw .other(problem) }
        let result: Result<HTTPResponse, HTTPClientError>
        switch scheme {
        case "http":
            let port = baseURL.port ?? 80
            guard (1...65535).contains(port) else { throw .invalidURL(baseURL.absoluteString) }
            let endpoint = HTTPClientEndpoint(host: host, port: port)
            let deadline = SocketSupport.now() &+ SocketSupport.nanoseconds(limit)
            let maxBytes = configuration.maxResponseBytes
            let pool = self.pool
            result = await withCheckedContinuation { continuation in
                HTTPClient.queue.async {
                    continuation.resume(returning: HTTPClient.perform(request, endpoint: endpoint, deadline: deadline,
                                                                      maxBytes: maxBytes, pool: pool))
                }
            }
        case "https":
            let port = baseURL.port ?? 443
            guard (1...65535).contains(port) else { throw .invalidURL(baseURL.absoluteString) }
            result = await sendHTTPS(request, to: baseURL, timeout: limit)
        default:
            throw .invalidURL(baseURL.absoluteString)
        }
        switch result {
        case .success(let response): return response
        case .failure(let error): throw error
        }
    }

    /// Blocking exchanges run here, off the caller's executor.
    static let queue = DispatchQueue(label: "LearningHTTP.HTTPClient", attributes: .concurrent)

    static func perform(
        _ request: HTTPRequest, endpoint: HTTPClientEndpoint, deadline: UInt64, maxBytes: Int, pool: HTTPClientPool
    ) -> Result<HTTPResponse, HTTPClientError> {
        let bytes = serialize(request, endpoint: endpoint)
        let isHead = request.method == "HEAD"
        // A pooled connection may have been closed by the server meanwhile: retry once on a fresh one, but only
        // when not a single byte of response came back (so the request cannot have been processed twice visibly).
        if let pooled = pool.take(endpoint) {
            let exchange = exchange(on: pooled, bytes: bytes, isHead: isHead, deadline: deadline, maxBytes: maxBytes)
            switch exchange.result {
            case .success(let response):
                if exchange.reusable { pool.put(pooled, for: endpoint) } else { close(pooled) }
                return .success(response)
            case .failure(let error):
                close(pooled)
                let stale = !exchange.receivedAny && error != .timedOut
                if !stale { return .failure(error) }
            }
        }
        let fd: Int32
        switch connect(to: endpoint, deadline: deadline) {
        case .success(let connected): fd = connected
        case .failure(let error): return .failure(error)
        }
        let exchange = exchange(on: fd, bytes: bytes, isHead: isHead, deadline: deadline, maxBytes: maxBytes)
        if case .success = exchange.result, exchange.reusable {
            pool.put(fd, for: endpoint)
        } else {
            close(fd)
        }
        return exchange.result
    }

    /// Why `request` cannot be written as HTTP/1.1 without changing its meaning (a CR, LF or other control
    /// character in the method, target or a header would split it into other requests), or nil.
    static func unsafeToSend(_ request: HTTPRequest) -> String? {
        func bad(_ text: String, allowTab: Bool) -> Bool {
            text.utf8.contains { ($0 < 0x20 && !(allowTab && $0 == 9)) || $0 == 0x7F }
        }
        if request.method.isEmpty || !request.method.utf8.allSatisfy(HTTPRequestParser.isTokenByte) { return "request refused: bad method" }
        if bad(request.target, allowTab: false) || request.target.utf8.contains(32) {
            return "request refused: the request target holds a space or a control character"
        }
        for field in request.headers {
            if field.name.isEmpty || !field.name.utf8.allSatisfy(HTTPRequestParser.isTokenByte) {
                return "request refused: bad header name"
            }
            if bad(field.value, allowTab: true) { return "request refused: header \(field.name) holds a control character (CR, LF…)" }
        }
        return nil
    }

    static func serialize(_ request: HTTPRequest, endpoint: HTTPClientEndpoint) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256 + request.body.count)
        out.append(contentsOf: request.method.utf8)
        out.append(32)
        out.append(contentsOf: (request.target.isEmpty ? "/" : request.target).utf8)
        out.append(contentsOf: " HTTP/1.1\r\n".utf8)
        var hasHost = false
        var hasConnection = false
        for field in request.headers {
            let name = field.name.lowercased()
            if name == "content-length" || name == "transfer-encoding" { continue }
            if name == "host" { hasHost = true }
            if name == "connection" { hasConnection = true }
            out.append(contentsOf: "\(field.name): \(field.value)\r\n".utf8)
        }
        if !hasHost {
            let host = endpoint.host.contains(":") ? "[\(endpoint.host)]" : endpoint.host
            out.append(contentsOf: "Host: \(host)\(endpoint.port == 80 ? "" : ":\(endpoint.port)")\r\n".utf8)
        }
        if !request.body.isEmpty || ["POST", "PUT", "PATCH"].contains(request.method) {
            out.append(contentsOf: "Content-Length: \(request.body.count)\r\n".utf8)
        }
        if !hasConnection { out.append(contentsOf: "Connection: keep-alive\r\n".utf8) }
        out.append(contentsOf: "\r\n".utf8)
        out.append(contentsOf: request.body)
        return out
    }

    // MARK: - Sockets

    static func remainingMilliseconds(_ deadline: UInt64) -> Int32? {
        let now = SocketSupport.now()
        guard now < deadline else { return nil }
        return Int32(min((deadline - now + 999_999) / 1_000_000, UInt64(Int32.max)))
    }

    /// Waits for `events` on `fd`; `.timedOut` once the deadline passed.
    static func wait(_ fd: Int32, events: Int16, deadline: UInt64) -> HTTPClientError? {
        while true {
            guard let milliseconds = remainingMilliseconds(deadline) else { return .timedOut }
            var entry = pollfd(fd: fd, events: events, revents: 0)
            let status = poll(&entry, 1, milliseconds)
            if status > 0 { return nil }
            if status == 0 { return .timedOut }
            if errno != EINTR { return .other("poll: \(SocketSupport.errorText(errno))") }
        }
    }

    static func connect(to endpoint: HTTPClientEndpoint, deadline: UInt64) -> Result<Int32, HTTPClientError> {
        let addresses: [(family: Int32, address: [UInt8])]
        switch SocketSupport.resolve(host: endpoint.host, port: endpoint.port, passive: false) {
        case .success(let list): addresses = list
        case .failure(let error): return .failure(.connectionRefused("\(endpoint): \(error.message)"))
        }
        var lastError = HTTPClientError.connectionRefused("\(endpoint)")
        for candidate in addresses {
            let fd = socket(candidate.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { continue }
            SocketSupport.setNonBlocking(fd)
            SocketSupport.setNoDelay(fd)
            let status = candidate.address.withUnsafeBytes {
                Glibc.connect(fd, $0.baseAddress?.assumingMemoryBound(to: sockaddr.self), socklen_t($0.count))
            }
            var code: Int32 = status == 0 ? 0 : errno
            if code == EINPROGRESS || code == EINTR {
                if let error = wait(fd, events: Int16(POLLOUT), deadline: deadline) {
                    close(fd)
                    return .failure(error)
                }
                var length = socklen_t(MemoryLayout<Int32>.size)
                code = 0
                _ = getsockopt(fd, SOL_SOCKET, SO_ERROR, &code, &length)
            }
            if code == 0 { return .success(fd) }
            close(fd)
            lastError = code == ECONNREFUSED
                ? .connectionRefused("\(endpoint)")
                : code == ETIMEDOUT ? .timedOut : .connectionRefused("\(endpoint): \(SocketSupport.errorText(code))")
        }
        return .failure(lastError)
    }

    struct Exchange {
        var result: Result<HTTPResponse, HTTPClientError>
        var receivedAny: Bool
        var reusable: Bool
    }

    static func exchange(on fd: Int32, bytes: [UInt8], isHead: Bool, deadline: UInt64, maxBytes: Int) -> Exchange {
        var parser = HTTPResponseParser(maxBytes: maxBytes, isHeadRequest: isHead)
        func failed(_ error: HTTPClientError) -> Exchange { Exchange(result: .failure(error), receivedAny: parser.receivedAny, reusable: false) }
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent > 0 {
                offset += sent
            } else if sent < 0 && errno == EINTR {
                continue
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                if let error = wait(fd, events: Int16(POLLOUT), deadline: deadline) { return failed(error) }
            } else if sent < 0 && (errno == EPIPE || errno == ECONNRESET) {
                // The server may already have answered (e.g. 413) and closed: try to read that answer.
                break
            } else {
                return failed(.other("send: \(SocketSupport.errorText(errno))"))
            }
        }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 64 * 1024, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            if let error = wait(fd, events: Int16(POLLIN), deadline: deadline) { return failed(error) }
            let count = recv(fd, chunk.baseAddress, chunk.count, 0)
            let outcome: HTTPResponseParser.Outcome
            if count > 0 {
                parser.append(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
                outcome = parser.next()
            } else if count == 0 {
                outcome = parser.finishAtEndOfStream()
                if case .needMoreData = outcome { return failed(.connectionReset) }
            } else if errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK {
                continue
            } else if errno == ECONNRESET {
                return failed(.connectionReset)
            } else {
                return failed(.other("recv: \(SocketSupport.errorText(errno))"))
            }
            switch outcome {
            case .needMoreData: continue
            case .failure(let error): return failed(error)
            case .response(let response, let reusable):
                return Exchange(result: .success(response), receivedAny: true, reusable: reusable)
            }
        }
    }
}

/// Host and port of an `http://` origin, the pool key.
struct HTTPClientEndpoint: Hashable, Sendable, CustomStringConvertible {
    var host: String
    var port: Int
    var description: String { "\(host):\(port)" }
}

/// Idle keep-alive connections per endpoint, behind a lock (touched once per request, not per byte).
final class HTTPClientPool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [HTTPClientEndpoint: [Int32]] = [:]
    private let maxIdlePerEndpoint = 16

    /// An idle connection that still looks open (no EOF or stray bytes pending), or nil.
    func take(_ endpoint: HTTPClientEndpoint) -> Int32? {
        while true {
            lock.lock()
            let fd = idle[endpoint]?.popLast()
            lock.unlock()
            guard let fd else { return nil }
            var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            if poll(&entry, 1, 0) == 0 { return fd }
            close(fd)
        }
    }

    func put(_ fd: Int32, for endpoint: HTTPClientEndpoint) {
        lock.lock()
        var list = idle[endpoint] ?? []
        let keep = list.count < maxIdlePerEndpoint
        if keep { list.append(fd) }
        idle[endpoint] = list
        lock.unlock()
        if !keep { close(fd) }
    }

    deinit {
        for fds in idle.values { for fd in fds { close(fd) } }
    }
}
