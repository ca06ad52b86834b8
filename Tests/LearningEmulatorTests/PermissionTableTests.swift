import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// The emulator authorises with the one permission table. Expectations are the docs' "Permissions" tables, not the
/// code: a scope outside an operation's row is refused with 403 `permissionScopeMissing`.
@Suite struct PermissionTableTests {
    static let activity = Paths.v1 + "/employeeExperience/learningCourseActivities/" + DocsWorld.assignmentID
    static let myActivities = Paths.v1 + "/me/employeeExperience/learningCourseActivities"

    @Test(arguments: [
        // learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, "Permissions" table:
        // Delegated least LearningAssignedCourse.Read.All, higher LearningSelfInitiatedCourse.Read.All.
        // Issue 9's regression: a token holding only LearningAssignedCourse.Read listed activities (200).
        (Paths.learnerActivities, ["LearningAssignedCourse.Read"], 403),
        (myActivities, ["LearningAssignedCourse.Read"], 403),
        (myActivities, ["LearningSelfInitiatedCourse.Read"], 403),
        (Paths.learnerActivities, ["LearningAssignedCourse.Read.All"], 200),
        (myActivities, ["LearningSelfInitiatedCourse.Read.All"], 200),
        (myActivities + "/$count", ["LearningAssignedCourse.Read"], 403),
        (myActivities + "/$count", ["LearningAssignedCourse.Read.All"], 200),
        // learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, "Permissions" table:
        // Delegated least LearningAssignedCourse.Read, higher LearningSelfInitiatedCourse.Read; nothing else.
        (activity, ["LearningAssignedCourse.Read"], 200),
        (activity, ["LearningSelfInitiatedCourse.Read"], 200),
        (activity, ["LearningAssignedCourse.Read.All"], 403),
        (activity, ["LearningProvider.ReadWrite"], 403),
    ] as [(String, [String], Int)])
    func delegatedReads(_ target: String, _ scopes: [String], _ status: Int) {
        let reply = EmulatorHarness().get(target, token: EmulatorHarness.token(delegated: scopes))
        #expect(reply.status == status)
        if status == 403 { #expect(reply.errorMessage == ErrorCatalog.documented[.permissionScopeMissing].messageTemplate) }
    }

    /// The emulator's grant for every operation is the table's row: exactly its delegated scopes and its
    /// application roles (plus the lenient roles of ambiguity listWithApplicationToken while it is lenient).
    @Test(arguments: LearningContract.Operation.allCases)
    func grantIsTheTableRow(_ operation: LearningContract.Operation) throws {
        let row = try #require(OperationPermission.documented(for: operation))
        for strictness in Strictness.allCases {
            let configuration = ContractConfiguration(strictness: strictness)
            let grant = OperationPermission.grant(for: operation, configuration: configuration)
            #expect(Set(grant.delegated.map(\.description)) == Set(row.delegated))
            let lenient = strictness == .lenient && operation == .listActivities
            #expect(Set(grant.application.map(\.description)) == Set(row.application + (lenient ? row.lenientApplication : [])))
        }
    }
}
