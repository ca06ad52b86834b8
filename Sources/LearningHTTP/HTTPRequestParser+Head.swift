/// The request line and header section (RFC 9112 sections 3 and 5), parsed strictly: anything the framing
/// could be confused by (obs-fold, bare CR/LF, NUL, whitespace before the colon, conflicting lengths) is a 400.
extension HTTPRequestParser {
    enum BodyFraming: Sendable, Hashable {
        case none
        case length(Int)
        case chunked
    }

    struct ParsedHead: Sendable {
        var method: String
        var target: String
        var headers: HTTPHeaders
        var minorVersion: Int
        var keepAlive: Bool
        var expectsContinue: Bool
        var framing: BodyFraming
    }

    private static let cr: UInt8 = 13
    private static let lf: UInt8 = 10
    private static let space: UInt8 = 32
    private static let tab: UInt8 = 9

    /// Parses a head without its final empty line; `head` is the request line and field lines separated by CRLF.
    static func parseHeadBytes(_ head: UnsafeBufferPointer<UInt8>, limits: Limits) -> Result<ParsedHead, HTTPServerRejection> {
        let count = head.count
        // Request line.
        var lineEnd = 0
        while lineEnd < count && head[lineEnd] != cr { lineEnd += 1 }
        guard let (method, rawTarget, minor) = parseRequestLine(head, 0..<lineEnd) else {
            return .failure(.init(status: 400, reason: "malformed request line"))
        }
        guard minor >= 0 else { return .failure(.init(status: 505, reason: "HTTP version not supported")) }
        guard let target = normalizedTarget(rawTarget) else {
            return .failure(.init(status: 400, reason: "malformed request target"))
        }

        var fields: [HTTPHeaders.Field] = []
        fields.reserveCapacity(8)
        var contentLength: Int?
        var transferCodings: [String] = []
        var sawTransferEncoding = false
        var connectionClose = false
        var connectionKeepAlive = false
        var expectsContinue = false
        var hostCount = 0

        var lineStart = lineEnd
        while lineStart < count {
            // Every further line starts right after a CRLF.
            guard lineStart + 1 < count, head[lineStart] == cr, head[lineStart + 1] == lf else {
                return .failure(.init(status: 400, reason: "bare CR in request head"))
            }
            lineStart += 2
            var end = lineStart
            while end < count && head[end] != cr { end += 1 }
            guard end > lineStart else { return .failure(.init(status: 400, reason: "empty header line")) }
            let first = head[lineStart]
            if first == space || first == tab {
                return .failure(.init(status: 400, reason: "obsolete line folding is not accepted"))
            }
            var colon = lineStart
            while colon < end && isTokenByte(head[colon]) { colon += 1 }
            guard colon > lineStart, colon < end, head[colon] == UInt8(ascii: ":") else {
                return .failure(.init(status: 400, reason: "malformed header field name"))
            }
            var valueStart = colon + 1
            var valueEnd = end
            while valueStart < valueEnd && (head[valueStart] == space || head[valueStart] == tab) { valueStart += 1 }
            while valueEnd > valueStart && (head[valueEnd - 1] == space || head[valueEnd - 1] == tab) { valueEnd -= 1 }
            for i in valueStart..<valueEnd {
                let byte = head[i]
                if (byte < 32 && byte != tab) || byte == 127 {
                    return .failure(.init(status: 400, reason: "invalid character in header field value"))
                }
            }
            let nameBytes = UnsafeBufferPointer(rebasing: head[lineStart..<colon])
            let valueBytes = UnsafeBufferPointer(rebasing: head[valueStart..<valueEnd])
            let name = String(decoding: nameBytes, as: UTF8.self)
            let value = String(decoding: valueBytes, as: UTF8.self)

            switch nameBytes.count {
            case 4 where equalsLowercase(nameBytes, "host"):
                hostCount += 1
            case 6 where equalsLowercase(nameBytes, "expect"):
                if equalsLowercase(valueBytes, "100-continue") { expectsContinue = true }
            case 10 where equalsLowercase(nameBytes, "connection"):
                for token in value.split(separator: ",") {
                    let option = token.trimmingSpaces().lowercased()
                    if option == "close" { connectionClose = true }
                    if option == "keep-alive" { connectionKeepAlive = true }
                }
            case 14 where equalsLowercase(nameBytes, "content-length"):
                for element in value.split(separator: ",", omittingEmptySubsequences: false) {
                    let digits = element.trimmingSpaces()
                    guard !digits.isEmpty, digits.count <= 18, digits.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }),
                          let length = Int(digits) else {
                        return .failure(.init(status: 400, reason: "invalid Content-Length"))
                    }
                    if let known = contentLength, known != length {
                        return .failure(.init(status: 400, reason: "conflicting Content-Length values"))
                    }
                    contentLength = length
                }
            case 17 where equalsLowercase(nameBytes, "transfer-encoding"):
                sawTransferEncoding = true
                for token in value.split(separator: ",") {
                    let coding = token.trimmingSpaces().lowercased()
                    if !coding.isEmpty { transferCodings.append(coding) }
                }
            default:
                break
            }
            fields.append(HTTPHeaders.Field(name: name, value: value))
            lineStart = end
        }

        if minor == 1 && hostCount != 1 {
            return .failure(.init(status: 400, reason: hostCount == 0 ? "missing Host header" : "more than one Host header"))
        }
        var framing = BodyFraming.none
        if sawTransferEncoding {
            // RFC 9112 6.1: Transfer-Encoding with Content-Length (or in HTTP/1.0) is a smuggling vector; reject.
            if contentLength != nil {
                return .failure(.init(status: 400, reason: "both Transfer-Encoding and Content-Length"))
            }
            if minor == 0 {
                return .failure(.init(status: 400, reason: "Transfer-Encoding in an HTTP/1.0 request"))
            }
            if transferCodings == ["chunked"] {
                framing = .chunked
            } else if transferCodings.dropLast().contains("chunked") || transferCodings.isEmpty {
                return .failure(.init(status: 400, reason: "invalid Transfer-Encoding"))
            } else {
                return .failure(.init(status: 501, reason: "unsupported transfer coding"))
            }
        } else if let contentLength {
            if contentLength > limits.maxBodyBytes {
                return .failure(.init(status: 413, reason: "request body exceeds \(limits.maxBodyBytes) bytes"))
            }
            framing = .length(contentLength)
        }
        let keepAlive = minor == 1 ? !connectionClose : (connectionKeepAlive && !connectionClose)
        return .success(ParsedHead(
            method: method, target: target, headers: HTTPHeaders(fields), minorVersion: minor,
            keepAlive: keepAlive, expectsContinue: expectsContinue && minor == 1, framing: framing
        ))
    }

    /// `method SP request-target SP HTTP-version`; the minor version is `-1` for a well-formed but unsupported version.
    private static func parseRequestLine(_ head: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> (String, String, Int)? {
        var i = range.lowerBound
        while i < range.upperBound && isTokenByte(head[i]) { i += 1 }
        guard i > range.lowerBound, i < range.upperBound, head[i] == space else { return nil }
        let method = knownMethod(UnsafeBufferPointer(rebasing: head[range.lowerBound..<i]))
        i += 1
        let targetStart = i
        while i < range.upperBound && head[i] > 32 && head[i] < 127 { i += 1 }
        guard i > targetStart, i < range.upperBound, head[i] == space else { return nil }
        let target = String(decoding: UnsafeBufferPointer(rebasing: head[targetStart..<i]), as: UTF8.self)
        i += 1
        guard range.upperBound - i == 8 else { return nil }
        let version = UnsafeBufferPointer(rebasing: head[i..<range.upperBound])
        guard version[0] == UInt8(ascii: "H"), version[1] == UInt8(ascii: "T"), version[2] == UInt8(ascii: "T"),
              version[3] == UInt8(ascii: "P"), version[4] == UInt8(ascii: "/"), version[6] == UInt8(ascii: "."),
              (48...57).contains(version[5]), (48...57).contains(version[7]) else { return nil }
        let minor = version[5] == UInt8(ascii: "1") && version[7] <= UInt8(ascii: "1") ? Int(version[7] - 48) : -1
        return (method, target, minor)
    }

    private static func knownMethod(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        // Avoids a fresh String decode for the common methods on the hot path.
        if bytes.count == 3 && bytes[0] == UInt8(ascii: "G") && bytes[1] == UInt8(ascii: "E") && bytes[2] == UInt8(ascii: "T") {
            return "GET"
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Origin-form stays as is; absolute-form (RFC 9112 3.2.2) is reduced to its path and query; `*` is kept.
    static func normalizedTarget(_ target: String) -> String? {
        if target.utf8.first == UInt8(ascii: "/") || target == "*" { return target }
        let lower = target.lowercased()
        let schemeLength: Int
        if lower.hasPrefix("http://") {
            schemeLength = 7
        } else if lower.hasPrefix("https://") {
            schemeLength = 8
        } else {
            return nil
        }
        let rest = target.utf8.dropFirst(schemeLength)
        guard let authorityEnd = rest.firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") }) else {
            return rest.isEmpty ? nil : "/"
        }
        guard authorityEnd > rest.startIndex else { return nil }
        let pathAndQuery = String(target[authorityEnd...])
        return pathAndQuery.hasPrefix("?") ? "/" + pathAndQuery : pathAndQuery
    }

    static func isTokenByte(_ byte: UInt8) -> Bool {
        switch byte {
        case 48...57, 65...90, 97...122: true
        case UInt8(ascii: "!"), UInt8(ascii: "#"), UInt8(ascii: "$"), UInt8(ascii: "%"), UInt8(ascii: "&"),
             UInt8(ascii: "'"), UInt8(ascii: "*"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."),
             UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "`"), UInt8(ascii: "|"), UInt8(ascii: "~"): true
        default: false
        }
    }

    /// ASCII case-insensitive comparison against a lowercase literal.
    static func equalsLowercase(_ bytes: UnsafeBufferPointer<UInt8>, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let expected = lowercase.utf8Start
        for i in 0..<bytes.count {
            var byte = bytes[i]
            if byte >= 65 && byte <= 90 { byte += 32 }
            if byte != expected[i] { return false }
        }
        return true
    }
}

extension Substring {
    /// Without leading and trailing spaces and tabs (OWS).
    func trimmingSpaces() -> Substring {
        var result = self
        while let first = result.first, first == " " || first == "\t" { result = result.dropFirst() }
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
