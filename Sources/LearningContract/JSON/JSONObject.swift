/// A JSON object's members in document order. Duplicate keys are kept (the reader reports them);
/// lookups return the first member with a key, as `JSONDecoder` does.
public struct JSONObject: Sendable, Hashable, RandomAccessCollection {
    public struct Member: Sendable, Hashable {
        public var key: String
        public var value: JSONValue
        public init(key: String, value: JSONValue) { self.key = key; self.value = value }
    }

    public var members: [Member]

    public init(_ members: [Member] = []) { self.members = members }

    public var startIndex: Int { members.startIndex }
    public var endIndex: Int { members.endIndex }
    public subscript(position: Int) -> Member { members[position] }

    /// The first member named `key` (byte for byte: names that are only canonically equivalent differ), or
    /// `nil`. Setting replaces the first such member or appends one.
    public subscript(key: String) -> JSONValue? {
        get { members.first { ExactKey.same($0.key, key) }?.value }
        set {
            if let i = members.firstIndex(where: { ExactKey.same($0.key, key) }) {
                if let newValue { members[i].value = newValue } else { members.remove(at: i) }
            } else if let newValue {
                members.append(Member(key: key, value: newValue))
            }
        }
    }

    public var keys: [String] { members.map(\.key) }
}

/// Keeps the literal's member order.
extension JSONObject: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self.init(elements.map { Member(key: $0.0, value: $0.1) })
    }
}
