import Foundation

/// An identifier compared and hashed by its exact UTF-8 bytes.
///
/// Swift's `String ==` and `String` hashing use canonical equivalence: "café" with a precomposed é and
/// "cafe\u{301}", or "K" and the Kelvin sign U+212A, are equal strings. Graph identifiers (tenant ids, activity ids,
/// external ids, provider and content ids, user ids) are opaque byte strings, so two of them that differ in a single
/// byte must never reach the same tenant or the same entity, and JSON member names that differ in a byte are different
/// members (to JSON and to JSON Schema). Every identifier the emulator keys by, and every member name the validator
/// and the conformance runner index, is an `ExactKey`.
public struct ExactKey: Sendable, Hashable, Comparable, CustomStringConvertible, ExpressibleByStringLiteral {
    public let text: String

    public init(_ text: String) { self.text = text }
    public init(stringLiteral value: String) { self.text = value }

    public static func == (lhs: ExactKey, rhs: ExactKey) -> Bool { same(lhs.text, rhs.text) }

    public func hash(into hasher: inout Hasher) {
        var text = text
        text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        hasher.combine(text.utf8.count)
    }

    /// Byte order (UTF-8 order is code point order), so listings are stable and never merge equivalent ids.
    public static func < (lhs: ExactKey, rhs: ExactKey) -> Bool {
        lhs.text.utf8.lexicographicallyPrecedes(rhs.text.utf8)
    }

    public var description: String { text }

    /// Whether two identifiers have the same bytes (not merely canonically equivalent).
    public static func same(_ lhs: String, _ rhs: String) -> Bool {
        let count = lhs.utf8.count
        guard count == rhs.utf8.count else { return false }
        if count == 0 { return true }
        let direct: Bool?? = lhs.utf8.withContiguousStorageIfAvailable { l in
            rhs.utf8.withContiguousStorageIfAvailable { r in memcmp(l.baseAddress!, r.baseAddress!, count) == 0 }
        }
        if let direct, let direct { return direct }
        return lhs.utf8.elementsEqual(rhs.utf8)
    }

    /// `same` for an optional on either side: `nil` matches only `nil`.
    public static func same(_ lhs: String?, _ rhs: String?) -> Bool {
        switch (lhs, rhs) {
        case (nil, nil): true
        case (let l?, let r?): same(l, r)
        default: false
        }
    }
}
