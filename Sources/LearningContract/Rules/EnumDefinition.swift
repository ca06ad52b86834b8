/// A Graph enum type with its members in CSDL order (graph.microsoft.com/v1.0/$metadata, EntityType learningCourseActivity; graph.microsoft.com/v1.0/$metadata, EnumType assignmentType and courseStatus).
public struct EnumDefinition: Codable, Sendable, Hashable {
    public var name: String
    public var members: [String]
    /// Evolvable enums (learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row assignmentType (Prefer: include-unknown-enum-members)): members after this sentinel are returned only with
    /// `Prefer: include-unknown-enum-members`; otherwise the sentinel is returned instead.
    public var sentinel: String?
    public var source: Source

    public init(name: String, members: [String], sentinel: String? = nil, source: Source) {
        self.name = name
        self.members = members
        self.sentinel = sentinel
        self.source = source
    }

    /// Members listed after the sentinel (`peerRecommended` for assignmentType).
    public var membersAfterSentinel: [String] {
        guard let sentinel, let i = members.firstIndex(of: sentinel) else { return [] }
        return Array(members[(i + 1)...])
    }
}
