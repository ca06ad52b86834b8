/// One property of a request body and everything the contract requires of it.
///
/// A value, not a closure: the validator evaluates it, the exporters turn it into JSON Schema and
/// OpenAPI, and `learning-contract` prints it, all from the same data.
public struct FieldRule: Codable, Sendable, Hashable {
    /// The wire name (`completionPercentage`).
    public var name: String
    public var kind: FieldKind
    public var presence: Presence
    /// Whether JSON `null` is accepted (CSDL `Nullable`, graph.microsoft.com/v1.0/$metadata, EntityType learningCourseActivity).
    public var nullable: Bool
    /// Whether `""` is the `fieldEmpty` error.
    public var nonEmpty: Bool
    /// Longest accepted string, in Unicode scalars; the `fieldTooLong` error beyond it.
    public var maxLength: LengthLimit?
    /// Other accepted spellings of the name, each a documented contradiction (ambiguity externalCourseActivityIdSpelling).
    public var aliases: [Alias]
    /// Other accepted shapes of the value, each a documented contradiction (ambiguity dueDateTimeShape; ambiguity notesShape).
    public var alternateKinds: [AlternateKind]
    /// Enum values accepted only as documented variants (ambiguity peerRecommendedOnCreate; ambiguity selfInitiatedStatusValues).
    public var variantValues: [VariantValue]
    /// Where the rule comes from.
    public var source: Source

    public init(
        name: String, kind: FieldKind, presence: Presence = .optional, nullable: Bool = true, nonEmpty: Bool = false,
        maxLength: LengthLimit? = nil, aliases: [Alias] = [], alternateKinds: [AlternateKind] = [],
        variantValues: [VariantValue] = [], source: Source
    ) {
        self.name = name
        self.kind = kind
        self.presence = presence
        self.nullable = nullable
        self.nonEmpty = nonEmpty
        self.maxLength = maxLength
        self.aliases = aliases
        self.alternateKinds = alternateKinds
        self.variantValues = variantValues
        self.source = source
    }

    public struct LengthLimit: Codable, Sendable, Hashable {
        public var value: Int
        public var source: Source
        public init(_ value: Int, source: Source) { self.value = value; self.source = source }
    }

    public struct Alias: Codable, Sendable, Hashable {
        public var name: String
        public var ambiguity: Ambiguity.ID
        public init(_ name: String, ambiguity: Ambiguity.ID) { self.name = name; self.ambiguity = ambiguity }
    }

    public struct AlternateKind: Codable, Sendable, Hashable {
        public var kind: FieldKind
        public var ambiguity: Ambiguity.ID
        public init(_ kind: FieldKind, ambiguity: Ambiguity.ID) { self.kind = kind; self.ambiguity = ambiguity }
    }

    public struct VariantValue: Codable, Sendable, Hashable {
        public var value: String
        public var ambiguity: Ambiguity.ID
        /// API versions in which the value is simply valid (beta accepts `notStarted` for self-initiated courses).
        public var validIn: [APIVersion]
        public init(_ value: String, ambiguity: Ambiguity.ID, validIn: [APIVersion] = []) {
            self.value = value
            self.ambiguity = ambiguity
            self.validIn = validIn
        }
    }
}
