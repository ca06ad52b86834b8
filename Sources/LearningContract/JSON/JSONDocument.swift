/// What the strict reader returns: the value and the duplicate member names it met.
///
/// Duplicates are not a read error (RFC 8259 only says names "SHOULD be unique"); the validator
/// decides what to do with them, so the reader reports each one with where it is.
public struct JSONDocument: Sendable, Hashable {
    public var root: JSONValue
    public var duplicateKeys: [DuplicateKey]

    public init(root: JSONValue, duplicateKeys: [DuplicateKey] = []) {
        self.root = root
        self.duplicateKeys = duplicateKeys
    }
}

/// A member whose name already appeared earlier in the same object.
public struct DuplicateKey: Sendable, Hashable, Codable {
    /// The pointer of the duplicated member (`/a/0/b` for the second `b` in `{"a":[{"b":1,"b":2}]}`).
    public var pointer: JSONPointer
    public var key: String
    /// Byte offset of the opening quote of the repeated name.
    public var offset: Int

    public init(pointer: JSONPointer, key: String, offset: Int) {
        self.pointer = pointer
        self.key = key
        self.offset = offset
    }
}
