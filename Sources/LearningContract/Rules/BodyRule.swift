/// The rules for one request body: an operation, and for course activities one `@odata.type` subtype.
public struct BodyRule: Codable, Sendable, Hashable, Identifiable {
    /// Stable id: `createActivity.learningAssignment`, `updateProvider`.
    public var id: String
    public var operation: Operation
    /// The `@odata.type` this body is chosen by (`#microsoft.graph.learningAssignment`), or nil for untyped bodies.
    public var odataType: String?
    public var fields: [FieldRule]
    /// Other subtypes' properties, named so that "a field of the other subtype" gets its own explanation.
    public var otherSubtypeFields: [String: String]
    public var source: Source

    public init(
        id: String, operation: Operation, odataType: String? = nil, fields: [FieldRule],
        otherSubtypeFields: [String: String] = [:], source: Source
    ) {
        self.id = id
        self.operation = operation
        self.odataType = odataType
        self.fields = fields
        self.otherSubtypeFields = otherSubtypeFields
        self.source = source
    }

    /// The field named `name`, or nil.
    public func field(_ name: String) -> FieldRule? { fields.first { $0.name == name } }
}
