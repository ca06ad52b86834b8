/// The permissions one operation accepts (each page's newest "Permissions" table): any one listed scope suffices.
/// The one permission table: the emulator authorises with it and the OpenAPI's `security` lists it. No scope
/// outside a row grants the operation (a delegated `LearningAssignedCourse.Read` does not list: the List table's
/// least privilege is `.Read.All`).
public struct OperationPermission: Codable, Sendable, Hashable {
    public var operation: Operation
    /// Delegated (work or school account) scopes, least privileged first; empty when not supported.
    public var delegated: [String]
    /// Application roles, least privileged first; empty when not supported.
    public var application: [String]
    /// Application roles accepted as well while `ambiguity` is judged lenient (an older page's reading).
    public var lenientApplication: [String]
    public var ambiguity: Ambiguity.ID?
    public var source: Source

    public init(
        operation: Operation, delegated: [String], application: [String], lenientApplication: [String] = [],
        ambiguity: Ambiguity.ID? = nil, source: Source
    ) {
        self.operation = operation
        self.delegated = delegated
        self.application = application
        self.lenientApplication = lenientApplication
        self.ambiguity = ambiguity
        self.source = source
    }

    /// The application roles accepted under `configuration`.
    public func applicationRoles(under configuration: ContractConfiguration) -> [String] {
        guard let ambiguity, configuration.strictness(for: ambiguity) == .lenient else { return application }
        return application + lenientApplication.filter { !application.contains($0) }
    }
}

extension OperationPermission {
    /// the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0), one row per operation. Personal Microsoft accounts are supported by none.
    public static let documented: [OperationPermission] = [
        OperationPermission(
            operation: .createActivity, delegated: [],
            application: ["LearningAssignedCourse.ReadWrite.All", "LearningSelfInitiatedCourse.ReadWrite.All"],
            source: Source("CREATE-v1", "permissions table (rendered)")),
        OperationPermission(
            operation: .getActivity, delegated: ["LearningAssignedCourse.Read", "LearningSelfInitiatedCourse.Read"],
            application: [
                "LearningAssignedCourse.Read.All", "LearningAssignedCourse.ReadWrite.All", "LearningSelfInitiatedCourse.Read.All",
                "LearningSelfInitiatedCourse.ReadWrite.All",
            ],
            source: Source("GET-v1", "permissions table (rendered 2025-07-23)")),
        OperationPermission(
            operation: .listActivities, delegated: ["LearningAssignedCourse.Read.All", "LearningSelfInitiatedCourse.Read.All"],
            application: [],
            // Ambiguity listWithApplicationToken: the beta draft's prose lets a provider list a user's courses.
            lenientApplication: [
                "LearningAssignedCourse.Read.All", "LearningSelfInitiatedCourse.Read.All", "LearningAssignedCourse.ReadWrite.All",
                "LearningSelfInitiatedCourse.ReadWrite.All",
            ],
            ambiguity: .listWithApplicationToken,
            source: Source(
                "learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0",
                "\"Permissions\" table: Delegated least LearningAssignedCourse.Read.All, higher LearningSelfInitiatedCourse.Read.All; Application not supported")),
        OperationPermission(
            operation: .updateActivity, delegated: [],
            application: ["LearningAssignedCourse.ReadWrite.All", "LearningSelfInitiatedCourse.ReadWrite.All"],
            source: Source("UPDATE-v1", "permissions table (rendered); PERM-UPDATE-v1")),
        OperationPermission(
            operation: .deleteActivity, delegated: [],
            application: ["LearningAssignedCourse.ReadWrite.All", "LearningSelfInitiatedCourse.ReadWrite.All"],
            source: Source("DELETE-v1", "permissions table (rendered)")),
        OperationPermission(
            operation: .createProvider, delegated: ["LearningProvider.ReadWrite"], application: [],
            source: Source(
                "learn.microsoft.com/graph/api/employeeexperience-post-learningproviders?view=graph-rest-1.0",
                "\"Permissions\" table: Delegated (work or school account) LearningProvider.ReadWrite; Application not supported")),
        OperationPermission(
            operation: .updateProvider, delegated: ["LearningProvider.ReadWrite"], application: [],
            source: Source("LP-UPDATE-v1", "permissions table")),
        OperationPermission(
            operation: .upsertContent, delegated: [], application: ["LearningContent.ReadWrite.All"],
            source: Source("LC-UPDATE-v1", "permissions table")),
        OperationPermission(
            operation: .listProviders, delegated: ["LearningProvider.Read", "LearningProvider.ReadWrite"], application: [],
            source: Source(
                "learn.microsoft.com/graph/api/employeeexperience-list-learningproviders?view=graph-rest-1.0",
                "\"Permissions\" table: Delegated least LearningProvider.Read, higher LearningProvider.ReadWrite; Application not supported")),
        OperationPermission(
            operation: .getProvider, delegated: ["LearningProvider.Read", "LearningProvider.ReadWrite"], application: [],
            source: Source(
                "learn.microsoft.com/graph/api/learningprovider-get?view=graph-rest-1.0",
                "\"Permissions\" table: Delegated least LearningProvider.Read, higher LearningProvider.ReadWrite; Application not supported")),
        OperationPermission(
            operation: .deleteProvider, delegated: ["LearningProvider.ReadWrite"], application: [],
            source: Source(
                "learn.microsoft.com/graph/api/employeeexperience-delete-learningproviders?view=graph-rest-1.0",
                "\"Permissions\" table: Delegated LearningProvider.ReadWrite; Application not supported")),
        OperationPermission(
            operation: .listContents, delegated: ["LearningContent.Read.All"],
            application: ["LearningContent.Read.All", "LearningContent.ReadWrite.All"],
            source: Source(
                "learn.microsoft.com/graph/api/learningprovider-list-learningcontents?view=graph-rest-1.0",
                "\"Permissions\" table: Delegated LearningContent.Read.All; Application least LearningContent.Read.All, higher LearningContent.ReadWrite.All")),
        OperationPermission(
            operation: .getContent, delegated: ["LearningContent.Read.All"],
            application: ["LearningContent.Read.All", "LearningContent.ReadWrite.All"],
            source: Source(
                "learn.microsoft.com/graph/api/learningcontent-get?view=graph-rest-1.0",
                "\"Permissions\" table: Delegated LearningContent.Read.All; Application least LearningContent.Read.All, higher LearningContent.ReadWrite.All")),
        OperationPermission(
            operation: .deleteContent, delegated: [], application: ["LearningContent.ReadWrite.All"],
            source: Source(
                "learn.microsoft.com/graph/api/learningprovider-delete-learningcontents?view=graph-rest-1.0",
                "\"Permissions\" table: Delegated not supported; Application LearningContent.ReadWrite.All")),
    ]

    /// The row for `operation`.
    public static func documented(for operation: Operation) -> OperationPermission? { documented.first { $0.operation == operation } }

    /// Every delegated scope the table names, in table order (what a test token for "every permission" holds).
    public static var allDelegatedScopes: [String] { unique(documented.flatMap(\.delegated)) }
    /// Every application role the table names, in table order.
    public static var allApplicationRoles: [String] { unique(documented.flatMap(\.application)) }

    static func unique(_ names: [String]) -> [String] {
        var seen = Set<String>()
        return names.filter { seen.insert($0).inserted }
    }
}
