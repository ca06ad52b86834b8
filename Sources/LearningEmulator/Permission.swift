import LearningContract

/// Which scopes (delegated) and roles (application) let a token call an operation: the Permissions tables (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0; newest
/// tables), widened where the lead decided so (the `.All`/ReadWrite forms of a Read scope also grant it).
/// No page pairs a scope with an activity type; such a rule is undocumented and not enforced.
public struct Permission: Sendable, Hashable {
    /// Accepted delegated scopes; empty = delegated tokens are refused (403 `permissionScopeMissing`).
    public var delegated: Set<String>
    /// Accepted application roles; empty = application tokens are refused.
    public var application: Set<String>
    public var source: String

    public static func required(for operation: LearningContract.Operation, configuration: ContractConfiguration) -> Permission {
        switch operation {
        case .createActivity, .updateActivity, .deleteActivity:
            // the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0) Create/Update/Delete rows: application only.
            return Permission(delegated: [], application: readWriteAll, source: "the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0) (CREATE-v1, PERM-UPDATE-v1, DELETE-v1)")
        case .getActivity:
            // the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0) Get row; delegated .All and ReadWrite forms accepted as higher privileges (lead decision).
            return Permission(delegated: readScopes.union(readAllScopes).union(readWriteAll).union(readWrite),
                              application: readAllScopes.union(readWriteAll), source: "the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0) (GET-v1 rendered 2025-07-23)")
        case .listActivities:
            // the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0) List row: delegated only. Under lenient (the default), ambiguity `listWithApplicationToken`
            // also lets application tokens list a user's activities (EEU-LIST-beta prose; ambiguity listWithApplicationToken); strict refuses.
            let lenient = configuration.strictness(for: .listWithApplicationToken) == .lenient
            return Permission(delegated: readAllScopes.union(readScopes).union(readWriteAll).union(readWrite),
                              application: lenient ? readAllScopes.union(readWriteAll) : [], source: "the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0) (LIST-v1 rendered)")
        case .updateProvider, .createProvider, .upsertContent, .listProviders, .getProvider, .deleteProvider, .listContents,
             .getContent, .deleteContent:
            // The provider and content pages' permission tables, exactly as the contract states them (least and
            // higher privileged); no widening.
            return documented(operation)
        }
    }

    /// The contract's row for `operation`; an operation without one is refused to every token.
    static func documented(_ operation: LearningContract.Operation) -> Permission {
        guard let row = OperationPermission.documented(for: operation) else {
            return Permission(delegated: [], application: [], source: "no permission row")
        }
        return Permission(delegated: Set(row.delegated), application: Set(row.application), source: row.source.description)
    }

    public func allows(_ claims: TestToken.Claims) -> Bool {
        switch claims.kind {
        case .delegated(let scopes): scopes.contains { delegated.contains($0) }
        case .application(let roles): roles.contains { application.contains($0) }
        }
    }

    static let readScopes: Set<String> = ["LearningAssignedCourse.Read", "LearningSelfInitiatedCourse.Read"]
    static let readAllScopes: Set<String> = ["LearningAssignedCourse.Read.All", "LearningSelfInitiatedCourse.Read.All"]
    static let readWrite: Set<String> = ["LearningAssignedCourse.ReadWrite", "LearningSelfInitiatedCourse.ReadWrite"]
    static let readWriteAll: Set<String> = ["LearningAssignedCourse.ReadWrite.All", "LearningSelfInitiatedCourse.ReadWrite.All"]

    /// Every delegated scope named in the Permissions tables (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0) (for the default test tokens).
    public static let allDelegatedScopes = [
        "LearningAssignedCourse.Read", "LearningSelfInitiatedCourse.Read",
        "LearningAssignedCourse.Read.All", "LearningSelfInitiatedCourse.Read.All", "LearningProvider.ReadWrite",
        "LearningProvider.Read", "LearningContent.Read.All",
    ]
    /// Every application role named in the Permissions tables (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0) (for the default test tokens).
    public static let allApplicationRoles = [
        "LearningAssignedCourse.ReadWrite.All", "LearningSelfInitiatedCourse.ReadWrite.All",
        "LearningAssignedCourse.Read.All", "LearningSelfInitiatedCourse.Read.All", "LearningContent.ReadWrite.All",
        "LearningContent.Read.All",
    ]
}
