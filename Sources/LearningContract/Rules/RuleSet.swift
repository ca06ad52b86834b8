/// Every body rule and enum of the contract: the value that is evaluated, exported and documented.
public struct RuleSet: Codable, Sendable, Hashable {
    public var bodies: [BodyRule]
    public var enums: [EnumDefinition]
    /// What happens to a property no rule names.
    public var unknownProperties: UnknownPropertyPolicy

    public init(bodies: [BodyRule], enums: [EnumDefinition], unknownProperties: UnknownPropertyPolicy) {
        self.bodies = bodies
        self.enums = enums
        self.unknownProperties = unknownProperties
    }

    /// The bodies of one operation (two for course activities: one per subtype).
    public func bodies(for operation: Operation) -> [BodyRule] { bodies.filter { $0.operation == operation } }

    public func enumDefinition(_ name: String) -> EnumDefinition? { enums.first { $0.name == name } }
}

/// The policy for properties that no rule names. The docs never say (assumed): Graph's OData layer rejects
/// unknown properties of non-open types, so `reject` is the default; `ignore` is there for lenient pipelines.
public enum UnknownPropertyPolicy: String, Codable, Sendable, CaseIterable {
    case reject
    case ignore
}
