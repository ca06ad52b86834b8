/// HTTP header fields in arrival order, with case-insensitive lookup (RFC 9110 section 5.1).
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    public struct Field: Sendable, Hashable {
        public var name: String
        public var value: String
        public init(name: String, value: String) { self.name = name; self.value = value }
    }

    public private(set) var fields: [Field]

    public init(_ fields: [Field] = []) { self.fields = fields }
    public init(dictionaryLiteral elements: (String, String)...) {
        self.fields = elements.map { Field(name: $0.0, value: $0.1) }
    }

    public func makeIterator() -> IndexingIterator<[Field]> { fields.makeIterator() }
    public var isEmpty: Bool { fields.isEmpty }
    public var count: Int { fields.count }

    /// The first value of `name` (case-insensitive); setting replaces every field of that name.
    public subscript(name: String) -> String? {
        get { fields.first { $0.name.lowercased() == name.lowercased() }?.value }
        set {
            let lower = name.lowercased()
            let first = fields.firstIndex { $0.name.lowercased() == lower }
            fields.removeAll { $0.name.lowercased() == lower }
            if let newValue {
                fields.insert(Field(name: name, value: newValue), at: Swift.min(first ?? fields.count, fields.count))
            }
        }
    }

    /// Every value of `name` (case-insensitive), in order.
    public func values(for name: String) -> [String] {
        let lower = name.lowercased()
        return fields.filter { $0.name.lowercased() == lower }.map(\.value)
    }

    public mutating func append(name: String, value: String) { fields.append(Field(name: name, value: value)) }
}
