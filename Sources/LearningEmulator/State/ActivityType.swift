import LearningContract

/// The two concrete learningCourseActivity types and the properties each one stores and renders, from the contract's
/// type model (`TypeModel.learningAssignment`, `TypeModel.learningSelfInitiatedCourse`).
public enum ActivityType: String, Sendable, CaseIterable, Codable {
    case assignment = "#microsoft.graph.learningAssignment"
    case selfInitiated = "#microsoft.graph.learningSelfInitiatedCourse"

    /// The type's model: its properties in the order responses print them (the docs examples' order), `id` included.
    public var model: TypeModel {
        switch self {
        case .assignment: TypeModel.learningAssignment
        case .selfInitiated: TypeModel.learningSelfInitiatedCourse
        }
    }

    /// The stored names (the docs' spelling), in response order. A property spelled two ways is stored once, under
    /// the docs' name; responses spell it as the configuration's `wireSpelling` says (`memberPrefixes`).
    public var properties: [String] {
        switch self {
        case .assignment: Self.assignmentProperties
        case .selfInitiated: Self.selfInitiatedProperties
        }
    }

    static let assignmentProperties = TypeModel.learningAssignment.names
    static let selfInitiatedProperties = TypeModel.learningSelfInitiatedCourse.names

    /// Position of a property in `properties`; member names match by bytes (`ExactKey`), not canonical equivalence.
    func index(of name: String) -> Int? {
        switch self {
        case .assignment: Self.assignmentIndex[ExactKey(name)]
        case .selfInitiated: Self.selfInitiatedIndex[ExactKey(name)]
        }
    }

    /// `,"name":` for each property as `spelling` names it, ready to append (rendering is the GET hot path).
    func memberPrefixes(_ spelling: WireSpelling) -> [[UInt8]] {
        switch (self, spelling) {
        case (.assignment, .csdl): Self.assignmentPrefixes.csdl
        case (.assignment, .docs): Self.assignmentPrefixes.docs
        case (.selfInitiated, .csdl): Self.selfInitiatedPrefixes.csdl
        case (.selfInitiated, .docs): Self.selfInitiatedPrefixes.docs
        }
    }

    private static func prefixes(_ model: TypeModel) -> (csdl: [[UInt8]], docs: [[UInt8]]) {
        (model.wireNames(.csdl).map { Array(",\"\($0)\":".utf8) }, model.wireNames(.docs).map { Array(",\"\($0)\":".utf8) })
    }

    private static let assignmentPrefixes = prefixes(TypeModel.learningAssignment)
    private static let selfInitiatedPrefixes = prefixes(TypeModel.learningSelfInitiatedCourse)
    private static let assignmentIndex = Dictionary(uniqueKeysWithValues: assignmentProperties.enumerated().map { (ExactKey($1), $0) })
    private static let selfInitiatedIndex = Dictionary(uniqueKeysWithValues: selfInitiatedProperties.enumerated().map { (ExactKey($1), $0) })

    /// Both subtypes' properties, each once (what `$select=*` selects).
    static let allProperties = assignmentProperties + selfInitiatedProperties.filter { !assignmentProperties.contains($0) }

    /// Every property `$select` may name (both subtypes), by its stored name.
    static let selectable: Set<ExactKey> = Set((assignmentProperties + selfInitiatedProperties).map { ExactKey($0) })

    /// Stored name of each other spelling (the metadata's `externalcourseActivityId` → the docs' name).
    private static let storedNames: [ExactKey: String] = Dictionary(
        (TypeModel.learningAssignment.properties + TypeModel.learningSelfInitiatedCourse.properties).compactMap { property in
            property.metadataName.map { (ExactKey($0), property.name) }
        },
        uniquingKeysWith: { first, _ in first })

    /// Maps an input property name (either spelling) to the stored (docs) spelling.
    static func canonicalName(_ name: String) -> String { storedNames[ExactKey(name)] ?? name }

    /// The name a response gives the stored property `name` under `spelling`.
    func wireName(_ name: String, _ spelling: WireSpelling) -> String {
        model.property(name)?.wireName(spelling) ?? name
    }
}
