import Foundation
import LearningHTTP

/// The request headers the emulator reads, found in one pass without allocating (the GET hot path reads
/// five of them; `HTTPHeaders`' subscript lowercases both names on every comparison).
struct RequestHeaders {
    var authorization: String?
    var host: String?
    var contentType: String?
    var clientRequestID: String?
    var includeUnknownEnumMembers = false

    init(_ headers: HTTPHeaders) {
        for field in headers.fields {
            let name = field.name.utf8
            switch name.count {
            case 4 where Self.equals(name, "host"): if host == nil { host = field.value }
            case 6 where Self.equals(name, "prefer"):
                if Self.contains(field.value, "include-unknown-enum-members") { includeUnknownEnumMembers = true }
            case 12 where Self.equals(name, "content-type"): if contentType == nil { contentType = field.value }
            case 13 where Self.equals(name, "authorization"): if authorization == nil { authorization = field.value }
            case 17 where Self.equals(name, "client-request-id"): if clientRequestID == nil { clientRequestID = field.value }
            default: break
            }
        }
    }

    /// ASCII case-insensitive comparison with a lower-case literal.
    static func equals(_ name: some Collection<UInt8>, _ lower: StaticString) -> Bool {
        lower.withUTF8Buffer { expected in
            guard name.count == expected.count else { return false }
            var i = 0
            for byte in name {
                let folded = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
                if folded != expected[i] { return false }
                i += 1
            }
            return true
        }
    }

    /// Whether a comma-separated header value lists `token` (ASCII case-insensitive, spaces trimmed).
    static func contains(_ value: String, _ token: StaticString) -> Bool {
        value.split(separator: ",").contains { equals($0.trimmingSpaces().utf8, token) }
    }
}
