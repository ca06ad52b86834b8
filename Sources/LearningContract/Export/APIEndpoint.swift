/// One path and method of the API (learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0, Methods table), the contract operation it belongs to, and what it answers.
///
/// The OpenAPI export is built from this table; a test checks that every operation of the Methods tables (learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0) is in it.
public struct APIEndpoint: Codable, Sendable, Hashable, Identifiable {
    /// The OpenAPI `operationId` (`getActivityByExternalId`).
    public var id: String
    public var operation: Operation
    /// Lower-case HTTP method as OpenAPI keys it (`get`, `patch`).
    public var method: String
    /// Path template relative to `https://graph.microsoft.com/{version}`.
    public var path: String
    public var summary: String
    /// Row of the operation table (`#3`), or nil for a path the table doesn't list.
    public var specRow: String?
    public var successStatus: Int
    public var source: Source

    public init(
        id: String, operation: Operation, method: String, path: String, summary: String, specRow: String?,
        successStatus: Int, source: Source
    ) {
        self.id = id
        self.operation = operation
        self.method = method
        self.path = path
        self.summary = summary
        self.specRow = specRow
        self.successStatus = successStatus
        self.source = source
    }
}

extension APIEndpoint {
    /// Path parameters, in template order (`registrationId`, `id`).
    public var pathParameters: [String] {
        var names: [String] = []
        var rest = path[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    private static let providerActivities = "/employeeExperience/learningProviders/{registrationId}/learningCourseActivities"

    /// Every documented path and method, in the order of the Methods table of learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0, then the provider create of RES-LP-v1, then the
    /// provider and content reads and deletes of their own pages.
    ///
    /// Update (#8) and delete (#9) share one template: the docs name its last segment
    /// `{learningCourseActivityId}` on the update page and `{id}` on the delete page, and OpenAPI allows one
    /// name per template, so both use `{id}`.
    public static let all: [APIEndpoint] = [
        APIEndpoint(
            id: "createActivity", operation: .createActivity, method: "post", path: providerActivities,
            summary: "Create a learningAssignment or learningSelfInitiatedCourse", specRow: "#1", successStatus: 201,
            source: Source("CREATE-v1", "HTTP request")),
        APIEndpoint(
            id: "getActivity", operation: .getActivity, method: "get", path: "/employeeExperience/learningCourseActivities/{id}",
            summary: "Get a learningCourseActivity by id", specRow: "#2", successStatus: 200,
            source: Source("GET-v1", "HTTP request, first form")),
        APIEndpoint(
            id: "getActivityByExternalId", operation: .getActivity, method: "get",
            path: providerActivities + "(externalCourseActivityId='{externalCourseActivityId}')",
            summary: "Get a learningCourseActivity by its externalCourseActivityId (alternate key)", specRow: "#3", successStatus: 200,
            source: Source("GET-v1", "HTTP request, alternate key form (newest, quoted)")),
        APIEndpoint(
            id: "getUserActivity", operation: .getActivity, method: "get",
            path: "/users/{user-id}/employeeExperience/learningCourseActivities/{id}",
            summary: "Get a user's learningCourseActivity", specRow: "#4", successStatus: 200,
            source: Source("GET-v1", "HTTP request, users form (the docs omit the leading /)")),
        APIEndpoint(
            id: "getMyActivity", operation: .getActivity, method: "get", path: "/me/employeeExperience/learningCourseActivities/{id}",
            summary: "Get the signed-in user's learningCourseActivity", specRow: "#5", successStatus: 200,
            source: Source("GET-v1", "HTTP request, me form")),
        APIEndpoint(
            id: "listMyActivities", operation: .listActivities, method: "get", path: "/me/employeeExperience/learningCourseActivities",
            summary: "List the signed-in user's learningCourseActivities", specRow: "#6", successStatus: 200,
            source: Source("LIST-v1", "HTTP request, me form")),
        APIEndpoint(
            id: "listUserActivities", operation: .listActivities, method: "get", path: "/users/{user-id}/employeeExperience/learningCourseActivities",
            summary: "List a user's learningCourseActivities", specRow: "#7", successStatus: 200,
            source: Source("LIST-v1", "HTTP request, users form")),
        APIEndpoint(
            id: "updateActivity", operation: .updateActivity, method: "patch", path: providerActivities + "/{id}",
            summary: "Update a learningCourseActivity", specRow: "#8", successStatus: 204,
            source: Source("UPDATE-v1", "HTTP request (the page names the segment {learningCourseActivityId})")),
        APIEndpoint(
            id: "deleteActivity", operation: .deleteActivity, method: "delete", path: providerActivities + "/{id}",
            summary: "Delete a learningCourseActivity", specRow: "#9", successStatus: 204,
            source: Source("DELETE-v1", "HTTP request")),
        APIEndpoint(
            id: "updateProvider", operation: .updateProvider, method: "patch", path: "/employeeExperience/learningProviders/{learningProviderId}",
            summary: "Update a learningProvider (turns course-activity sync on)", specRow: "#10", successStatus: 204,
            source: Source("LP-UPDATE-v1", "HTTP request")),
        APIEndpoint(
            id: "upsertContent", operation: .upsertContent, method: "patch",
            path: "/employeeExperience/learningProviders/{learningProviderId}/learningContents/{learningContentId}",
            summary: "Create or replace a learningContent by id", specRow: "#11", successStatus: 202,
            source: Source("LC-UPDATE-v1", "HTTP request, by id")),
        APIEndpoint(
            id: "upsertContentByExternalId", operation: .upsertContent, method: "patch",
            path: "/employeeExperience/learningProviders/{learningProviderId}/learningContents(externalId='{externalId}')",
            summary: "Create or replace a learningContent by externalId (alternate key)", specRow: "#12", successStatus: 202,
            source: Source("LC-UPDATE-v1", "HTTP request, by externalId")),
        APIEndpoint(
            id: "createProvider", operation: .createProvider, method: "post", path: "/employeeExperience/learningProviders",
            summary: "Register a learningProvider", specRow: nil, successStatus: 201,
            source: Source("RES-LP-v1", "Methods: Create (employeeexperience-post-learningproviders); the 201 status is assumed")),
        APIEndpoint(
            id: "listProviders", operation: .listProviders, method: "get", path: providers,
            summary: "List the learningProviders registered for the tenant", specRow: nil, successStatus: 200,
            source: Source(listProvidersPage, "\"HTTP request\"; \"Response\": 200 OK with a collection")),
        APIEndpoint(
            id: "getProvider", operation: .getProvider, method: "get", path: provider,
            summary: "Get a learningProvider", specRow: nil, successStatus: 200,
            source: Source("learn.microsoft.com/graph/api/learningprovider-get?view=graph-rest-1.0", "\"HTTP request\"; \"Response\": 200 OK")),
        APIEndpoint(
            id: "deleteProvider", operation: .deleteProvider, method: "delete", path: provider + "/$ref",
            summary: "Delete a learningProvider (its contents and activities go with it)", specRow: nil, successStatus: 204,
            source: Source(deleteProviderPage, "\"HTTP request\" (with /$ref); \"Response\": 204 No Content")),
        APIEndpoint(
            id: "deleteProviderEntity", operation: .deleteProvider, method: "delete", path: provider,
            summary: "Delete a learningProvider, addressed as the entity (the SDKs' item request builder)", specRow: nil, successStatus: 204,
            source: .assumed("the docs print only the /$ref form; OData deletes an entity at its own URL, which is where the Kiota item request builders send DELETE")),
        APIEndpoint(
            id: "listContents", operation: .listContents, method: "get", path: contents,
            summary: "List a provider's learningContents", specRow: nil, successStatus: 200,
            source: Source(listContentsPage, "\"HTTP request\"; \"Response\": 200 OK with a collection")),
        APIEndpoint(
            id: "getContent", operation: .getContent, method: "get", path: contents + "/{learningContentId}",
            summary: "Get a learningContent by id", specRow: nil, successStatus: 200,
            source: Source(getContentPage, "\"HTTP request\", by id (primary key); \"Response\": 200 OK")),
        APIEndpoint(
            id: "getContentByExternalId", operation: .getContent, method: "get", path: contents + "(externalId='{externalId}')",
            summary: "Get a learningContent by externalId (alternate key)", specRow: nil, successStatus: 200,
            source: Source(getContentPage, "\"HTTP request\", by external id (secondary key); \"Response\": 200 OK")),
        APIEndpoint(
            id: "deleteContent", operation: .deleteContent, method: "delete", path: contents + "/{learningContentId}/$ref",
            summary: "Delete a learningContent by id", specRow: nil, successStatus: 204,
            source: Source(deleteContentPage, "\"HTTP request\", by id (with /$ref); \"Response\": 204 No Content")),
        APIEndpoint(
            id: "deleteContentByExternalId", operation: .deleteContent, method: "delete", path: contents + "(externalId='{externalId}')/$ref",
            summary: "Delete a learningContent by externalId (alternate key)", specRow: nil, successStatus: 204,
            source: Source(deleteContentPage, "\"HTTP request\", by external id (with /$ref); \"Response\": 204 No Content")),
        APIEndpoint(
            id: "deleteContentEntity", operation: .deleteContent, method: "delete", path: contents + "/{learningContentId}",
            summary: "Delete a learningContent by id, addressed as the entity (the SDKs' item request builder)", specRow: nil, successStatus: 204,
            source: .assumed("the docs print only the /$ref form; OData deletes an entity at its own URL")),
        APIEndpoint(
            id: "deleteContentEntityByExternalId", operation: .deleteContent, method: "delete", path: contents + "(externalId='{externalId}')",
            summary: "Delete a learningContent by externalId, addressed as the entity", specRow: nil, successStatus: 204,
            source: .assumed("the docs print only the /$ref form; OData deletes an entity at its own URL")),
    ]

    private static let providers = "/employeeExperience/learningProviders"
    private static let provider = providers + "/{learningProviderId}"
    private static let contents = provider + "/learningContents"
    private static let listProvidersPage = "learn.microsoft.com/graph/api/employeeexperience-list-learningproviders?view=graph-rest-1.0"
    private static let deleteProviderPage = "learn.microsoft.com/graph/api/employeeexperience-delete-learningproviders?view=graph-rest-1.0"
    private static let listContentsPage = "learn.microsoft.com/graph/api/learningprovider-list-learningcontents?view=graph-rest-1.0"
    private static let getContentPage = "learn.microsoft.com/graph/api/learningcontent-get?view=graph-rest-1.0"
    private static let deleteContentPage = "learn.microsoft.com/graph/api/learningprovider-delete-learningcontents?view=graph-rest-1.0"
}
