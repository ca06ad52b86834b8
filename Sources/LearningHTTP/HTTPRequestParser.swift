/// An incremental HTTP/1.1 request parser over raw bytes (RFC 9112), free of sockets so it can be tested on byte tables.
///
/// Feed bytes with `append(_:)`, then call `next()` until it answers `.needMoreData`. Requests come out in order,
/// so pipelined requests in one buffer are answered in order. After a `.failure` the parser is poisoned: the server
/// answers with the rejection and closes the connection, because the message framing can no longer be trusted.
public struct HTTPRequestParser: Sendable {
    public struct Limits: Sendable, Hashable {
        /// Request line plus header fields (and, separately, chunked trailers); beyond it: 431.
        public var maxHeaderBytes: Int
        /// Decoded body bytes; beyond it: 413.
        public var maxBodyBytes: Int
        public init(maxHeaderBytes: Int = 16 * 1024, maxBodyBytes: Int = 4 * 1024 * 1024) {
            self.maxHeaderBytes = maxHeaderBytes
            self.maxBodyBytes = maxBodyBytes
        }
    }

    /// One complete request plus what the connection needs to know about it.
    public struct ParsedRequest: Sendable, Hashable {
        public var request: HTTPRequest
        /// `1` for HTTP/1.1, `0` for HTTP/1.0.
        public var minorVersion: Int
        /// Whether the connection may stay open after the response (RFC 9112 9.3).
        public var keepAlive: Bool
        public var isHead: Bool { request.method == "HEAD" }
    }

    public enum Event: Sendable, Hashable {
        case request(ParsedRequest)
        /// The head asked for `Expect: 100-continue` and the body has not arrived yet (returned once per request).
        case continueExpected
        case needMoreData
        case failure(HTTPServerRejection)
    }

    /// Where the parser stands, so the server can pick the right timeout.
    public enum Phase: Sendable, Hashable {
        /// No byte of the next request buffered yet.
        case idle
        /// Part of a request head is buffered.
        case head
        /// The head is complete; the body is still arriving.
        case body
        /// A failure was returned; nothing more will be parsed.
        case failed
    }

    public let limits: Limits
    private var buffer: [UInt8] = []
    private var readIndex = 0
    /// Where to resume looking for the end of the head, so a slow head is not rescanned from the start.
    private var scanIndex = 0
    private var state: State = .head
    private var pending: PendingHead?

    private enum State: Sendable {
        case head
        case fixedBody(remaining: Int)
        case chunkSize
        case chunkData(remaining: Int)
        case chunkDataEnd
        case trailers(consumed: Int)
        case failed
    }

    private struct PendingHead: Sendable {
        var method: String
        var target: String
        var headers: HTTPHeaders
        var minorVersion: Int
        var keepAlive: Bool
        var expectsContinue: Bool
        var body: [UInt8] = []
    }

    public init(limits: Limits = Limits()) { self.limits = limits }

    public var phase: Phase {
        switch state {
        case .head: readIndex < buffer.count ? .head : .idle
        case .failed: .failed
        default: .body
        }
    }

    /// Bytes received but not yet consumed by a returned request.
    public var bufferedByteCount: Int { buffer.count - readIndex }

    public mutating func append(_ bytes: some Sequence<UInt8>) {
        if readIndex > 0 && readIndex == buffer.count {
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
            scanIndex = 0
        } else if readIndex > 4096 && readIndex * 2 > buffer.count {
            buffer.removeSubrange(0..<readIndex)
            scanIndex -= readIndex
            readIndex = 0
        }
        buffer.append(contentsOf: bytes)
    }

    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        append(bytes.bindMemory(to: UInt8.self))
    }

    public mutating func next() -> Event {
        while true {
            switch state {
            case .failed:
                return .needMoreData
            case .head:
                switch parseHead() {
                case .needMore: return .needMoreData
                case .fail(let rejection): return fail(rejection)
                case .done(let event): if let event { return event }
                }
            case .fixedBody(let remaining):
                let available = min(remaining, buffer.count - readIndex)
                if available > 0 {
                    pending?.body.append(contentsOf: buffer[readIndex..<(readIndex + available)])
                    readIndex += available
                }
                if available < remaining {
                    state = .fixedBody(remaining: remaining - available)
                    return continueOrWait()
                }
                return finishRequest()
            case .chunkSize:
                guard let lineEnd = findCRLF(from: readIndex) else {
                    if buffer.count - readIndex > 1024 { return fail(.init(status: 400, reason: "chunk size line too long")) }
                    return continueOrWait()
                }
                guard let size = parseChunkSize(readIndex..<lineEnd) else {
                    return fail(.init(status: 400, reason: "invalid chunk size"))
                }
                readIndex = lineEnd + 2
                if size == 0 {
                    state = .trailers(consumed: 0)
                } else {
                    if (pending?.body.count ?? 0) + size > limits.maxBodyBytes {
                        return fail(.init(status: 413, reason: "request body exceeds \(limits.maxBodyBytes) bytes"))
                    }
                    state = .chunkData(remaining: size)
                }
            case .chunkData(let remaining):
                let available = min(remaining, buffer.count - readIndex)
                if available > 0 {
                    pending?.body.append(contentsOf: buffer[readIndex..<(readIndex + available)])
                    readIndex += available
                }
                if available < remaining {
                    state = .chunkData(remaining: remaining - available)
                    return continueOrWait()
                }
                state = .chunkDataEnd
            case .chunkDataEnd:
                guard buffer.count - readIndex >= 2 else { return continueOrWait() }
                guard buffer[readIndex] == 13, buffer[readIndex + 1] == 10 else {
                    return fail(.init(status: 400, reason: "chunk data not followed by CRLF"))
                }
                readIndex += 2
                state = .chunkSize
            case .trailers(let consumed):
                // Trailer fields are read and ignored (RFC 9112 7.1.2 lets a recipient discard them).
                guard let lineEnd = findCRLF(from: readIndex) else {
                    if consumed + buffer.count - readIndex > limits.maxHeaderBytes {
                        return fail(.init(status: 431, reason: "trailer section too large"))
                    }
                    return .needMoreData
                }
                let length = lineEnd - readIndex
                readIndex = lineEnd + 2
                if length == 0 { return finishRequest() }
                if consumed + length > limits.maxHeaderBytes {
                    return fail(.init(status: 431, reason: "trailer section too large"))
                }
                state = .trailers(consumed: consumed + length + 2)
            }
        }
    }

    // MARK: - Head

    private enum HeadOutcome {
        case needMore
        case fail(HTTPServerRejection)
        /// The head was consumed; `event` is returned when it is already final (a request without body).
        case done(Event?)
    }

    private mutating func parseHead() -> HeadOutcome {
        // RFC 9112 2.2: ignore at least one empty line before the request line.
        while buffer.count - readIndex >= 2, buffer[readIndex] == 13, buffer[readIndex + 1] == 10 {
            readIndex += 2
        }
        if scanIndex < readIndex { scanIndex = readIndex }
        guard let headEnd = findHeadEnd() else {
            // A request line starts with a method (a token): anything else, such as a TLS ClientHello (0x16) sent
            // to this plain-HTTP port, is refused at once instead of waiting out the header timeout for a head end.
            if readIndex < buffer.count, buffer[readIndex] != 13, buffer[readIndex] != 10, !Self.isTokenByte(buffer[readIndex]) {
                return .fail(.init(status: 400, reason: "the request does not start with a method (TLS to a plain-HTTP port?)"))
            }
            scanIndex = max(readIndex, buffer.count - 3)
            if buffer.count - readIndex > limits.maxHeaderBytes {
                return .fail(.init(status: 431, reason: "request head exceeds \(limits.maxHeaderBytes) bytes"))
            }
            return .needMore
        }
        if headEnd - readIndex > limits.maxHeaderBytes {
            return .fail(.init(status: 431, reason: "request head exceeds \(limits.maxHeaderBytes) bytes"))
        }
        let head = buffer[readIndex..<headEnd]
        readIndex = headEnd + 4
        scanIndex = readIndex
        let result = head.withUnsafeBufferPointer { Self.parseHeadBytes($0, limits: limits) }
        switch result {
        case .failure(let rejection):
            return .fail(rejection)
        case .success(let parsed):
            pending = PendingHead(
                method: parsed.method, target: parsed.target, headers: parsed.headers,
                minorVersion: parsed.minorVersion, keepAlive: parsed.keepAlive, expectsContinue: parsed.expectsContinue
            )
            switch parsed.framing {
            case .none:
                return .done(finishRequest())
            case .length(let length):
                if length == 0 { return .done(finishRequest()) }
                pending?.body.reserveCapacity(length)
                state = .fixedBody(remaining: length)
                return .done(nil)
            case .chunked:
                state = .chunkSize
                return .done(nil)
            }
        }
    }

    private func findHeadEnd() -> Int? {
        var i = max(scanIndex, readIndex)
        let end = buffer.count - 3
        while i < end {
            if buffer[i] == 13 && buffer[i + 1] == 10 && buffer[i + 2] == 13 && buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    private mutating func findCRLF(from start: Int) -> Int? {
        var i = start
        while i + 1 < buffer.count {
            if buffer[i] == 13 && buffer[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }

    private mutating func continueOrWait() -> Event {
        if pending?.expectsContinue == true {
            pending?.expectsContinue = false
            return .continueExpected
        }
        return .needMoreData
    }

    private mutating func finishRequest() -> Event {
        state = .head
        guard let head = pending else { return .needMoreData }
        pending = nil
        let request = HTTPRequest(method: head.method, target: head.target, headers: head.headers, body: head.body)
        return .request(ParsedRequest(request: request, minorVersion: head.minorVersion, keepAlive: head.keepAlive))
    }

    private mutating func fail(_ rejection: HTTPServerRejection) -> Event {
        state = .failed
        pending = nil
        return .failure(rejection)
    }

    private func parseChunkSize(_ range: Range<Int>) -> Int? {
        var value = 0
        var digits = 0
        var i = range.lowerBound
        while i < range.upperBound, let digit = Self.hexValue(buffer[i]) {
            guard digits < 15 else { return nil }
            value = value * 16 + digit
            digits += 1
            i += 1
        }
        guard digits > 0 else { return nil }
        // chunk-ext (RFC 9112 7.1.1) is ignored, but it must be made of visible characters.
        while i < range.upperBound {
            let byte = buffer[i]
            if byte == 0 || byte == 10 || byte == 13 || byte == 127 { return nil }
            i += 1
        }
        if i > range.lowerBound + digits {
            let first = buffer[range.lowerBound + digits]
            guard first == UInt8(ascii: ";") || first == 32 || first == 9 else { return nil }
        }
        return value
    }

    static func hexValue(_ byte: UInt8) -> Int? {
        switch byte {
        case 48...57: Int(byte - 48)
        case 65...70: Int(byte - 55)
        case 97...102: Int(byte - 87)
        default: nil
        }
    }
}
