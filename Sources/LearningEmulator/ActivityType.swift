import LearningContract

/// The two concrete learningCourseActivity types (CSDL-v1, graph.microsoft.com/v1.0/$metadata, EntityType learningCourseActivity) and the properties each one renders.
public enum ActivityType: String, Sendable, CaseIterable, Codable {
    case assignment = "#microsoft.graph.learningAssignment"
    case selfInitiated = "#microsoft.graph.learningSelfInitiatedCourse"

    /// Wire properties in the order responses print them (the docs examples' order, learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0), `id` included.
    /// Base properties from CSDL-v1 learningCourseActivity; subtype properties from learningAssignment /
    /// learningSelfInitiatedCourse. `externalCourseActivityId` is emitted in the docs spelling (ambiguity #1).
    public var properties: [String] {
        switch self {
        case .assignment: Self.assignmentProperties
        case .selfInitiated: Self.selfInitiatedProperties
        }
    }

    static let assignmentProperties = [
        "assignedDateTime", "assignmentType", "assignerUserId", "completedDateTime", "completionPercentage",
        "dueDateTime", "externalCourseActivityId", "id", "learningContentId", "learningProviderId", "learnerUserId",
        "notes", "status",
    ]
    static let selfInitiatedProperties = [
        "completedDateTime", "completionPercentage", "externalCourseActivityId", "id", "learningContentId",
        "learningProviderId", "learnerUserId", "startedDateTime", "status",
    ]
    /// Position of a property in `properties`; member names match by bytes (`ExactKey`), not canonical equivalence.
    func index(of name: String) -> Int? {
        switch self {
        case .assignment: Self.assignmentIndex[ExactKey(name)]
        case .selfInitiated: Self.selfInitiatedIndex[ExactKey(name)]
        }
    }

    /// `,"name":` for each property, ready to append (rendering is the GET hot path).
    var memberPrefixes: [[UInt8]] {
        switch self {
        case .assignment: Self.assignmentPrefixes
        case .selfInitiated: Self.selfInitiatedPrefixes
        }
    }

    private static let assignmentPrefixes = assignmentProperties.map { Array(",\"\($0)\":".utf8) }
    private static let selfInitiatedPrefixes = selfInitiatedProperties.map { Array(",\"\($0)\":".utf8) }
    private static let assignmentIndex = Dictionary(uniqueKeysWithValues: assignmentProperties.enumerated().map { (ExactKey($1), $0) })
    private static let selfInitiatedIndex = Dictionary(uniqueKeysWithValues: selfInitiatedProperties.enumerated().map { (ExactKey($1), $0) })

    /// Both subtypes' properties, each once (what `$select=*` selects).
    static let allProperties = assignmentProperties + selfInitiatedProperties.filter { !assignmentProperties.contains($0) }

    /// Every property `$select` may name (both subtypes).
    static let selectable: Set<ExactKey> = Set((assignmentProperties + selfInitiatedProperties).map { ExactKey($0) })

    /// The metadata spelling of the alternate key (CSDL-v1 `externalcourseActivityId`); accepted on input (ambiguity #1).
    static let externalIDAliases = ["externalCourseActivityId", "externalcourseActivityId"]

    /// Maps an input property name to the stored (docs) spelling.
    static func canonicalName(_ name: String) -> String {
        ExactKey.same(name, "externalcourseActivityId") ? "externalCourseActivityId" : name
    }
}
