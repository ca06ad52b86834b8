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

/// Fast unique ids for `request-id` and created activities: GUID-shaped (version 4 bits set) from SplitMix64,
/// seeded once from the system generator. `UUID()` costs a system call per id, which the hot path feels.
final class IDGenerator: @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64

    init() {
        var system = SystemRandomNumberGenerator()
        state = system.next()
    }

    private func nextPair() -> (UInt64, UInt64) {
        lock.lock()
        defer { lock.unlock() }
        return (Self.mix(&state), Self.mix(&state))
    }

    private static func mix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A lower-case GUID string, e.g. `749c8786-99bb-4b3b-8d5d-586428f6aaa3`.
    func guid() -> String {
        var (high, low) = nextPair()
        high = (high & ~0xF000) | 0x4000                          // version 4
        low = (low & ~(0xC000 << 48)) | (0x8000 << 48)            // RFC 4122 variant
        let hex = Self.hexDigits
        var bytes = [UInt8](repeating: UInt8(ascii: "-"), count: 36)
        var position = 0
        func put(_ value: UInt64, nibbles: Int) {
            for shift in stride(from: (nibbles - 1) * 4, through: 0, by: -4) {
                if position == 8 || position == 13 || position == 18 || position == 23 { position += 1 }
                bytes[position] = hex[Int((value >> UInt64(shift)) & 0xF)]
                position += 1
            }
        }
        put(high, nibbles: 16)
        put(low, nibbles: 16)
        return String(decoding: bytes, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
