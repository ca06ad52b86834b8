import Foundation

/// Fast unique ids for `request-id` and created activities, providers and contents: GUID-shaped (version 4 bits set)
/// from SplitMix64, seeded once from the system generator, or from `seed` (`serve --id-seed`) so that the same
/// requests in the same order get the same ids. `UUID()` costs a system call per id, which the hot path feels.
final class IDGenerator: @unchecked Sendable {
    private let lock = NSLock()
    private var state: UInt64

    init(seed: UInt64? = nil) {
        var system = SystemRandomNumberGenerator()
        state = seed ?? system.next()
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
