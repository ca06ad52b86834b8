import Foundation
import LearningConformance
import LearningContract
import LearningEmbeddedEmulator

/// Scenarios the `MiniTarget` answers correctly when it has no mutation.
enum TestScenarios {
    static let provider = "01e8f81b-3060-4dec-acf0-0389665a0a38"
    static let assignmentBody = #"""
        {"@odata.type": "#microsoft.graph.learningAssignment", "assignmentType": "required",
         "completionPercentage": 20, "externalCourseActivityId": "ext-1",
         "learningContentId": "57baf9dc-e020-11ec-9d64-0242ac120002",
         "learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002", "status": "notStarted"}
        """#

    static let lifecycle = #"""
        {"id": "lifecycle", "title": "create, read, update, delete", "source": {"page": "CREATE-v1"},
         "tags": ["lifecycle"],
         "steps": [
          {"name": "create", "role": "app", "operation": "createActivity",
           "request": {"method": "POST", "path": "/employeeExperience/learningProviders/PROVIDER/learningCourseActivities", "body": BODY},
           "expect": {"status": 201, "body": {
              "@odata.type": "#microsoft.graph.learningAssignment",
              "@odata.context": {"$match": "regex", "pattern": "\\$metadata#"},
              "id": {"$match": "capture", "as": "id", "type": "string"},
              "learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002",
              "learningProviderId": "PROVIDER",
              "completionPercentage": 20, "status": "notStarted",
              "externalCourseActivityId": "ext-1"}}},
          {"name": "get by id", "role": "app", "operation": "getActivity",
           "request": {"method": "GET", "path": "/employeeExperience/learningCourseActivities/{{id}}"},
           "expect": {"status": 200, "body": {"@odata.type": "#microsoft.graph.learningAssignment", "id": "{{id}}",
              "completionPercentage": {"$match": "type", "type": "integer"}}}},
          {"name": "get by external id", "role": "app", "operation": "getActivityByExternalId",
           "request": {"method": "GET", "path": "/employeeExperience/learningProviders/PROVIDER/learningCourseActivities(externalCourseActivityId='ext-1')"},
           "expect": {"status": 200, "body": {"id": "{{id}}", "externalCourseActivityId": "ext-1"}}},
          {"name": "patch", "role": "app", "operation": "updateActivity",
           "request": {"method": "PATCH", "path": "/employeeExperience/learningProviders/PROVIDER/learningCourseActivities/{{id}}",
                       "body": {"@odata.type": "#microsoft.graph.learningAssignment", "status": "inProgress", "completionPercentage": 30}},
           "expect": {"status": 204}},
          {"name": "get after patch", "role": "app", "operation": "getActivity",
           "request": {"method": "GET", "path": "/employeeExperience/learningCourseActivities/{{id}}"},
           "expect": {"status": 200, "body": {"id": "{{id}}", "status": "inProgress", "completionPercentage": 30}}},
          {"name": "delete", "role": "app", "operation": "deleteActivity",
           "request": {"method": "DELETE", "path": "/employeeExperience/learningProviders/PROVIDER/learningCourseActivities/{{id}}"},
           "expect": {"status": 204}},
          {"name": "get after delete", "role": "app",
           "request": {"method": "GET", "path": "/employeeExperience/learningCourseActivities/{{id}}"},
           "expect": {"errorRow": "activityNotFound"}}
         ]}
        """#

    static let notFound = #"""
        {"id": "not-found", "source": {"page": "GET-v1", "row": "Bad request | 404"},
         "steps": [{"name": "unknown id", "role": "app",
           "request": {"method": "GET", "path": "/employeeExperience/learningCourseActivities/00000000-0000-0000-0000-000000000000",
                       "headers": {"client-request-id": "5d2c6a0e-1111-4222-8333-444455556666"}},
           "expect": {"errorRow": "activityNotFound"}}]}
        """#

    static let throttled = #"""
        {"id": "throttled", "source": {"page": "GET-v1", "row": "Request throttled"},
         "given": {"seed": "docs", "faults": [{"operation": "*", "status": 429, "retryAfterSeconds": 2, "times": 1}]},
         "steps": [{"name": "throttled get", "role": "app",
           "request": {"method": "GET", "path": "/employeeExperience/learningCourseActivities/00000000-0000-0000-0000-000000000000"},
           "expect": {"errorRow": "tooManyRequests"}}]}
        """#

    static let unavailable = #"""
        {"id": "unavailable", "source": {"page": "GET-v1", "row": "Service unavailable"},
         "given": {"seed": "docs", "faults": [{"operation": "*", "status": 503, "retryAfterSeconds": 120, "times": 1}]},
         "steps": [{"name": "unavailable get", "role": "app",
           "request": {"method": "GET", "path": "/employeeExperience/learningCourseActivities/00000000-0000-0000-0000-000000000000"},
           "expect": {"errorRow": "serviceUnavailable", "slots": {"noOfMinutes": "2"}}}]}
        """#

    static let fieldInvalid = #"""
        {"id": "field-invalid", "source": {"page": "CREATE-v1", "row": "R1"},
         "steps": [{"name": "101 percent", "role": "app",
           "request": {"method": "POST", "path": "/employeeExperience/learningProviders/PROVIDER/learningCourseActivities",
                       "body": {"@odata.type": "#microsoft.graph.learningAssignment", "completionPercentage": 101}},
           "expect": {"errorRow": "fieldInvalid", "slots": {"fieldName": "completionPercentage"}}}]}
        """#

    static let unauthenticated = #"""
        {"id": "unauthenticated", "source": {"page": "ERRORS"},
         "steps": [{"name": "no token", "role": "anonymous",
           "request": {"method": "GET", "path": "/employeeExperience/learningCourseActivities/00000000-0000-0000-0000-000000000000"},
           "expect": {"errorRow": "unauthenticated"}}]}
        """#

    static var all: [Scenario] {
        [lifecycle, notFound, throttled, unavailable, fieldInvalid, unauthenticated].map(scenario)
    }

    static func scenario(_ text: String) -> Scenario {
        let filled = text.replacingOccurrences(of: "PROVIDER", with: provider).replacingOccurrences(of: "BODY", with: assignmentBody)
        do {
            let root = try JSONReader().read(Array(filled.utf8)).root
            let id = root["id"]?.stringValue ?? "?"
            return try Scenario(fixture: root, file: "tests/\(id).json")
        } catch {
            preconditionFailure("test scenario does not load: \(error)")
        }
    }

    static let roles = RoleCatalog(roles: [
        RoleDefinition(name: "app", kind: .application, permissions: ["LearningAssignedCourse.ReadWrite.All"]),
        RoleDefinition(name: "anonymous", kind: .none),
        RoleDefinition(name: "learner", kind: .delegated, permissions: ["LearningAssignedCourse.Read"],
                       objectID: "7ba2228a-e020-11ec-9d64-0242ac120002"),
    ])

    /// The contract's catalog: the tests exercise the real rows and variants.
    static let rows = RowBook.contract

    static func configuration(strict: Bool = false, concurrency: Int = 1) -> ConformanceConfiguration {
        ConformanceConfiguration(
            baseURL: URL(string: "http://target.test/v1.0")!, strict: strict, concurrency: concurrency,
            freshTenant: .emulator, roles: roles, rows: rows)
    }

    static let fixedTenant: @Sendable () -> String = { "11111111-2222-4333-8444-555555555555" }
}
