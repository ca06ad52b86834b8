/// An entity or complex type of the API with its wire properties, in the order responses print them. The one list
/// of properties per type: `RuleSet.standard` takes the names (and the external id's two spellings) from here, the
/// emulator renders activities from it (`ActivityType`), and the runner's documented members are its names.
public struct TypeModel: Codable, Sendable, Hashable {
    /// The OData type name without namespace (`learningAssignment`).
    public var name: String
    public var properties: [PropertyDefinition]

    public init(name: String, properties: [PropertyDefinition]) {
        self.name = name
        self.properties = properties
    }

    /// `#microsoft.graph.{name}`, the `@odata.type` of an instance.
    public var odataType: String { "#microsoft.graph." + name }

    /// The property whose docs or metadata spelling is `name` (compared by bytes).
    public func property(_ name: String) -> PropertyDefinition? {
        properties.first { $0.spellings.contains { ExactKey.same($0, name) } }
    }

    /// The docs' names, in response order.
    public var names: [String] { properties.map(\.name) }

    /// The names a response carries under `spelling`, in response order.
    public func wireNames(_ spelling: WireSpelling) -> [String] { properties.map { $0.wireName(spelling) } }
}
