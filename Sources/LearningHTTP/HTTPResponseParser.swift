/// An incremental HTTP/1.1 response parser for the client (RFC 9112 section 6.3 framing), free of sockets.
///
/// Interim 1xx responses are skipped; bodies are delimited by Content-Length, chunked coding, or the end of the
/// connection. Anything unparseable is reported, never trapped on.
struct HTTPResponseParser: Sendable {
    enum Outcome: Sendable, Equatable {
        case needMoreData
        /// `reusable`: the connection may carry another request (keep-alive and a self-delimited body).
        case response(HTTPResponse, reusable: Bool)
        case failure(HTTPClientError)
    }

    private enum Framing { case none, length(Int), chunked, untilClose }
    private enum ChunkState { case size, data(Int), dataEnd, trailers }

    let maxBytes: Int
    let isHeadRequest: Bool
    private var buffer: [UInt8] = []
    private var index = 0
    private var head: (status: Int, headers: HTTPHeaders, keepAlive: Bool)?
    private var framing = Framing.none
    private var body: [UInt8] = []
    private var chunkState = ChunkState.size
    private var totalBytes = 0

    init(maxBytes: Int, isHeadRequest: Bool) {
        self.maxBytes = maxBytes
        self.isHeadRequest = isHeadRequest
    }

    /// Whether any byte of a response arrived (a pooled connection that fails before that may be retried).
    var receivedAny: Bool { totalBytes > 0 }

    mutating func append(_ bytes: UnsafeRawBufferPointer) {
        totalBytes += bytes.count
        buffer.append(contentsOf: bytes)
    }

    mutating func next() -> Outcome {
        if totalBytes > maxBytes { return .failure(.responseTooLarge(maxBytes)) }
        while true {
            guard let current = head else {
                switch parseHead() {
                case .some(.failure(let error)): return .failure(error)
                case .some(.success): continue
                case .none: return .needMoreData
                }
            }
            switch framing {
            case .none:
                return finish(current, reusable: current.keepAlive)
            case .length(let remaining):
                let available = min(remaining, buffer.count - index)
                body.append(contentsOf: buffer[index..<(index + available)])
                index += available
                if available < remaining {
                    framing = .length(remaining - available)
                    return .needMoreData
                }
                return finish(current, reusable: current.keepAlive)
            case .untilClose:
                body.append(contentsOf: buffer[index...])
                index = buffer.count
                return .needMoreData
            case .chunked:
                switch parseChunks() {
                case .failure(let error): return .failure(error)
                case .success(false): return .needMoreData
                case .success(true): return finish(current, reusable: current.keepAlive)
                }
            }
        }
    }

    /// The peer closed the connection: completes a close-delimited body, anything else is truncated.
    mutating func finishAtEndOfStream() -> Outcome {
        let outcome = next()
        if case .needMoreData = outcome {
            if let current = head, case .untilClose = framing { return finish(current, reusable: false) }
            return .failure(totalBytes == 0 ? .connectionReset : .malformedResponse("connection closed before the response was complete"))
        }
        return outcome
    }

    private mutating func finish(_ current: (status: Int, headers: HTTPHeaders, keepAlive: Bool), reusable: Bool) -> Outcome {
        let response = HTTPResponse(status: current.status, headers: current.headers, body: body)
        // Bytes after a complete response on a keep-alive connection mean the stream is out of step.
        return .response(response, reusable: reusable && index == buffer.count)
    }

    private func findCRLF(from start: Int) -> Int? {
        var i = start
        while i + 1 < buffer.count {
            if buffer[i] == 13 && buffer[i + 1] == 10 { return i }
            i += 1
        }
        return nil
    }

    /// `.success(true)` when a final head was parsed, `.success(false)` after skipping an interim 1xx head; nil: need more.
    private mutating func parseHead() -> Result<Bool, HTTPClientError>? {
        var end = index
        var found = false
        while end + 3 < buffer.count {
            if buffer[end] == 13 && buffer[end + 1] == 10 && buffer[end + 2] == 13 && buffer[end + 3] == 10 {
                found = true
                break
            }
            end += 1
        }
        guard found else {
            if buffer.count - index > 64 * 1024 { return .failure(.malformedResponse("response head too large")) }
            return nil
        }
        let lines = buffer[index..<end].split(separator: 10, omittingEmptySubsequences: false).map { line in
            line.last == 13 ? line.dropLast() : line
        }
        index = end + 4
        guard let statusLine = lines.first, statusLine.count >= 12,
              statusLine.starts(with: Array("HTTP/1.".utf8)),
              statusLine[statusLine.startIndex + 8] == 32 else {
            return .failure(.malformedResponse("bad status line"))
        }
        let minor = statusLine[statusLine.startIndex + 7]
        let digits = statusLine[(statusLine.startIndex + 9)..<(statusLine.startIndex + 12)]
        guard digits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              statusLine.count == 12 || statusLine[statusLine.startIndex + 12] == 32 else {
            return .failure(.malformedResponse("bad status code"))
        }
        let status = digits.reduce(0) { $0 * 10 + Int($1 - 48) }
        var headers = HTTPHeaders()
        var contentLength: Int?
        var chunked = false
        var close = minor == UInt8(ascii: "0")
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")), colon > line.startIndex,
                  line[line.startIndex..<colon].allSatisfy(HTTPRequestParser.isTokenByte) else {
                return .failure(.malformedResponse("bad header line"))
            }
            let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self)
            let value = String(decoding: line[(colon + 1)...], as: UTF8.self).trimmingOWS()
            headers.append(name: name, value: value)
            switch name.lowercased() {
            case "content-length":
                guard !value.isEmpty, value.count <= 18, value.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let length = Int(value),
                      contentLength == nil || contentLength == length else {
                    return .failure(.malformedResponse("bad Content-Length"))
                }
                contentLength = length
            case "transfer-encoding":
                chunked = value.lowercased().split(separator: ",").last.map { $0.trimmingSpaces() == "chunked" } ?? false
            case "connection":
                let tokens = value.lowercased().split(separator: ",").map { $0.trimmingSpaces() }
                if tokens.contains("close") { close = true }
                if tokens.contains("keep-alive") && minor == UInt8(ascii: "0") { close = false }
            default:
                break
            }
        }
        if (100..<200).contains(status) && status != 101 {
            return .success(false)  // interim response: the final one follows
        }
        if isHeadRequest || status == 204 || status == 304 || status == 101 {
            framing = .none
            if status == 101 { close = true }  // the connection now speaks another protocol
        } else if chunked {
            framing = .chunked
        } else if let contentLength {
            if contentLength > maxBytes { return .failure(.responseTooLarge(maxBytes)) }
            framing = .length(contentLength)
            body.reserveCapacity(contentLength)
        } else {
            framing = .untilClose
            close = true
        }
        head = (status, headers, !close)
        return .success(true)
    }

    private mutating func parseChunks() -> Result<Bool, HTTPClientError> {
        while true {
            switch chunkState {
            case .size:
                guard let lineEnd = findCRLF(from: index) else {
                    return buffer.count - index > 1024 ? .failure(.malformedResponse("chunk size line too long")) : .success(false)
                }
                var size = 0
                var digits = 0
                var i = index
                while i < lineEnd, let digit = HTTPRequestParser.hexValue(buffer[i]) {
                    // At most 15 hex digits (< 2^60), checked before the multiplication so it can't overflow.
                    guard digits < 15 else { return .failure(.malformedResponse("chunk size too large")) }
                    size = size * 16 + digit
                    digits += 1
                    i += 1
                }
                guard digits > 0 else { return .failure(.malformedResponse("bad chunk size")) }
                index = lineEnd + 2
                if size == 0 {
                    chunkState = .trailers
                } else {
                    if body.count + size > maxBytes { return .failure(.responseTooLarge(maxBytes)) }
                    chunkState = .data(size)
                }
            case .data(let remaining):
                let available = min(remaining, buffer.count - index)
                body.append(contentsOf: buffer[index..<(index + available)])
                index += available
                if available < remaining {
                    chunkState = .data(remaining - available)
                    return .success(false)
                }
                chunkState = .dataEnd
            case .dataEnd:
                guard buffer.count - index >= 2 else { return .success(false) }
                guard buffer[index] == 13, buffer[index + 1] == 10 else { return .failure(.malformedResponse("bad chunk end")) }
                index += 2
                chunkState = .size
            case .trailers:
                guard let lineEnd = findCRLF(from: index) else { return .success(false) }
                let empty = lineEnd == index
                index = lineEnd + 2
                if empty { return .success(true) }
            }
        }
    }
}

extension String {
    /// Without leading and trailing spaces and tabs (OWS).
    func trimmingOWS() -> String { String(self[...].trimmingSpaces()) }
}
