/// One property of an entity or complex type as it travels on the wire: its name (both spellings where the docs
/// disagree), JSON type, nullability and whether a client may set or change it. A value: the rules, the
/// emulator's rendering and the runner's list of documented members all read it from `TypeModel`.
public struct PropertyDefinition: Codable, Sendable, Hashable {
    /// The JSON type of the value (before nullability).
    public enum JSONType: String, Codable, Sendable, Hashable {
        case string, integer, boolean, object, array
    }

    /// Who sets the property.
    public enum Access: String, Codable, Sendable, Hashable {
        /// Set by the service (`id`); a client never sends it.
        case readOnly
        /// Set when the entity is created, not listed among the updatable properties.
        case createOnly
        /// Listed among the properties an update may change.
        case updatable
    }

    /// The name the docs' property tables and examples use.
    public var name: String
    /// The metadata's (CSDL) name where it differs from `name`; nil when both agree.
    public var metadataName: String?
    /// The documented contradiction between the two spellings, when there are two.
    public var spellingAmbiguity: Ambiguity.ID?
    public var type: JSONType
    /// A refinement of `type`: `date-time`, `int32`, an enum or complex type name; nil for a plain value.
    public var format: String?
    /// CSDL `Nullable` (absent means true).
    public var nullable: Bool
    public var access: Access
    public var source: Source

    public init(
        _ name: String, _ type: JSONType, format: String? = nil, nullable: Bool = true, access: Access,
        metadataName: String? = nil, spellingAmbiguity: Ambiguity.ID? = nil, source: Source
    ) {
        self.name = name
        self.type = type
        self.format = format
        self.nullable = nullable
        self.access = access
        self.metadataName = metadataName
        self.spellingAmbiguity = spellingAmbiguity
        self.source = source
    }

    /// The metadata's spelling (`name` where the docs agree with it).
    public var metadataSpelling: String { metadataName ?? name }

    /// Every accepted spelling: the docs' first, then the metadata's when it differs.
    public var spellings: [String] { metadataName.map { [name, $0] } ?? [name] }

    /// The name a response carries under `spelling`.
    public func wireName(_ spelling: WireSpelling) -> String {
        spelling == .csdl ? metadataSpelling : name
    }
}
