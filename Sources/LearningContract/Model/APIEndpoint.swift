/// One path and method of the API, the contract operation it belongs to, and what it answers: the one table of
/// endpoints. The emulator routes from it (an addressed path and method not in it is 405, with `Allow` listing the
/// table's methods for that path), and the OpenAPI export lists exactly it; a test checks that every row of
/// learn.microsoft.com's "HTTP request" sections is in it.
///
/// Besides the documented requests it holds the ones the official SDKs expose without a doc page (`exposure ==
/// .sdk`: the Kiota request builders generated from Graph's metadata) and the OData `/$count` segment of every
/// documented list, so a client built from the SDK works against the emulator and the OpenAPI says so.
public struct APIEndpoint: Codable, Sendable, Hashable, Identifiable {
    /// Where a request form comes from.
    public enum Exposure: String, Codable, Sendable, Hashable {
        /// A doc page's "HTTP request" section prints it.
        case docs
        /// Exposed by the SDK (or OData conventions the SDK follows), not on a doc page.
        case sdk
    }

    /// The OpenAPI `operationId` (`getActivityByExternalId`).
    public var id: String
    public var operation: Operation
    /// Lower-case HTTP method as OpenAPI keys it (`get`, `patch`).
    public var method: String
    /// Path template relative to `https://graph.microsoft.com/{version}`.
    public var path: String
    public var summary: String
    public var successStatus: Int
    public var source: Source
    public var exposure: Exposure
    /// The versions that serve it (`/v1.0`, `/beta`).
    public var versions: [APIVersion]
    /// When set, served only while this ambiguity is judged `lenient` (a reading of an older page).
    public var ambiguity: Ambiguity.ID?

    public init(
        id: String, operation: Operation, method: String, path: String, summary: String,
        successStatus: Int, source: Source, exposure: Exposure = .docs, versions: [APIVersion] = APIVersion.allCases,
        ambiguity: Ambiguity.ID? = nil
    ) {
        self.id = id
        self.operation = operation
        self.method = method
        self.path = path
        self.summary = summary
        self.successStatus = successStatus
        self.source = source
        self.exposure = exposure
        self.versions = versions
        self.ambiguity = ambiguity
    }
}

extension APIEndpoint {
    /// The HTTP method as it appears on the wire (`GET`, `PATCH`).
    public var httpMethod: String { method.uppercased() }

    /// Whether it answers a collection's size as `text/plain` (OData 4.01 URL conventions §4.8).
    public var isCount: Bool { path.hasSuffix("/$count") }

    /// Whether a server under `configuration` serves it at `version`.
    public func isServed(in version: APIVersion, configuration: ContractConfiguration) -> Bool {
        guard versions.contains(version) else { return false }
        guard let ambiguity else { return true }
        return configuration.strictness(for: ambiguity) == .lenient
    }

    /// The endpoints served at `version` under `configuration`.
    public static func served(in version: APIVersion, configuration: ContractConfiguration) -> [APIEndpoint] {
        all.filter { $0.isServed(in: version, configuration: configuration) }
    }

    /// The endpoints every version serves under `configuration`: what one OpenAPI document, whose server variable
    /// names both versions, can describe.
    public static func servedInEveryVersion(configuration: ContractConfiguration) -> [APIEndpoint] {
        all.filter { endpoint in APIVersion.allCases.allSatisfy { endpoint.isServed(in: $0, configuration: configuration) } }
    }

    /// The endpoints the newest doc pages print (the coverage matrix's targets); an older page's form, served while
    /// its ambiguity is lenient, is covered through that ambiguity's scenarios.
    public static var documented: [APIEndpoint] { all.filter { $0.exposure == .docs && $0.ambiguity == nil } }

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

    // MARK: Path templates (relative to `https://graph.microsoft.com/{version}`); the emulator's routes map onto them.

    public static let globalActivities = "/employeeExperience/learningCourseActivities"
    public static let providers = "/employeeExperience/learningProviders"
    public static let provider = providers + "/{learningProviderId}"
    public static let providerActivities = providers + "/{registrationId}/learningCourseActivities"
    public static let userActivities = "/users/{user-id}/employeeExperience/learningCourseActivities"
    public static let myActivities = "/me/employeeExperience/learningCourseActivities"
    public static let contents = provider + "/learningContents"
    /// An activity by id, after an activity collection.
    public static let activityByID = "/{id}"
    /// An activity by its alternate key, after an activity collection (learn.microsoft.com/graph/query-parameters, Escaping single quotes; learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 2 (alternate key)).
    public static let activityByExternalID = "(externalCourseActivityId='{externalCourseActivityId}')"
    public static let contentByID = contents + "/{learningContentId}"
    public static let contentByExternalID = contents + "(externalId='{externalId}')"
    /// `/$ref` after an entity (OData 4.01 URL conventions §4.4), as the provider and content delete pages print it.
    public static let reference = "/$ref"
    /// `/$count` after a collection (OData 4.01 URL conventions §4.8).
    public static let count = "/$count"

    /// Every path and method served: the documented ones in the order of the Methods table of learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0, then the provider create of
    /// RES-LP-v1, the provider and content reads and deletes of their own pages, the old beta update path; then the
    /// SDK's request forms and the `/$count` segments.
    ///
    /// Update (#8) and delete (#9) share one template: the docs name its last segment
    /// `{learningCourseActivityId}` on the update page and `{id}` on the delete page, and OpenAPI allows one
    /// name per template, so both use `{id}`.
    public static let all: [APIEndpoint] = [
        APIEndpoint(
            id: "createActivity", operation: .createActivity, method: "post", path: providerActivities,
            summary: "Create a learningAssignment or learningSelfInitiatedCourse", successStatus: 201,
            source: Source("CREATE-v1", "HTTP request")),
        APIEndpoint(
            id: "getActivity", operation: .getActivity, method: "get", path: globalActivities + activityByID,
            summary: "Get a learningCourseActivity by id", successStatus: 200,
            source: Source("GET-v1", "HTTP request, first form")),
        APIEndpoint(
            id: "getActivityByExternalId", operation: .getActivity, method: "get",
            path: providerActivities + activityByExternalID,
            summary: "Get a learningCourseActivity by its externalCourseActivityId (alternate key)", successStatus: 200,
            source: Source("GET-v1", "HTTP request, alternate key form (newest, quoted)")),
        APIEndpoint(
            id: "getUserActivity", operation: .getActivity, method: "get",
            path: userActivities + activityByID,
            summary: "Get a user's learningCourseActivity", successStatus: 200,
            source: Source("GET-v1", "HTTP request, users form (the docs omit the leading /)")),
        APIEndpoint(
            id: "getMyActivity", operation: .getActivity, method: "get", path: myActivities + activityByID,
            summary: "Get the signed-in user's learningCourseActivity", successStatus: 200,
            source: Source("GET-v1", "HTTP request, me form")),
        APIEndpoint(
            id: "listMyActivities", operation: .listActivities, method: "get", path: myActivities,
            summary: "List the signed-in user's learningCourseActivities", successStatus: 200,
            source: Source("LIST-v1", "HTTP request, me form")),
        APIEndpoint(
            id: "listUserActivities", operation: .listActivities, method: "get", path: userActivities,
            summary: "List a user's learningCourseActivities", successStatus: 200,
            source: Source("LIST-v1", "HTTP request, users form")),
        APIEndpoint(
            id: "updateActivity", operation: .updateActivity, method: "patch", path: providerActivities + activityByID,
            summary: "Update a learningCourseActivity", successStatus: 204,
            source: Source("UPDATE-v1", "HTTP request (the page names the segment {learningCourseActivityId})")),
        APIEndpoint(
            id: "deleteActivity", operation: .deleteActivity, method: "delete", path: providerActivities + activityByID,
            summary: "Delete a learningCourseActivity", successStatus: 204,
            source: Source("DELETE-v1", "HTTP request")),
        APIEndpoint(
            id: "updateProvider", operation: .updateProvider, method: "patch", path: provider,
            summary: "Update a learningProvider (turns course-activity sync on)", successStatus: 204,
            source: Source("LP-UPDATE-v1", "HTTP request")),
        APIEndpoint(
            id: "upsertContent", operation: .upsertContent, method: "patch",
            path: contentByID,
            summary: "Create or replace a learningContent by id", successStatus: 202,
            source: Source("LC-UPDATE-v1", "HTTP request, by id")),
        APIEndpoint(
            id: "upsertContentByExternalId", operation: .upsertContent, method: "patch",
            path: contentByExternalID,
            summary: "Create or replace a learningContent by externalId (alternate key)", successStatus: 202,
            source: Source("LC-UPDATE-v1", "HTTP request, by externalId")),
        APIEndpoint(
            id: "createProvider", operation: .createProvider, method: "post", path: providers,
            summary: "Register a learningProvider", successStatus: 201,
            source: Source("RES-LP-v1", "Methods: Create (employeeexperience-post-learningproviders); the 201 status is assumed")),
        APIEndpoint(
            id: "listProviders", operation: .listProviders, method: "get", path: providers,
            summary: "List the learningProviders registered for the tenant", successStatus: 200,
            source: Source(listProvidersPage, "\"HTTP request\"; \"Response\": 200 OK with a collection")),
        APIEndpoint(
            id: "getProvider", operation: .getProvider, method: "get", path: provider,
            summary: "Get a learningProvider", successStatus: 200,
            source: Source("learn.microsoft.com/graph/api/learningprovider-get?view=graph-rest-1.0", "\"HTTP request\"; \"Response\": 200 OK")),
        APIEndpoint(
            id: "deleteProvider", operation: .deleteProvider, method: "delete", path: provider + reference,
            summary: "Delete a learningProvider (its contents and activities go with it)", successStatus: 204,
            source: Source(deleteProviderPage, "\"HTTP request\" (with /$ref); \"Response\": 204 No Content")),
        APIEndpoint(
            id: "deleteProviderEntity", operation: .deleteProvider, method: "delete", path: provider,
            summary: "Delete a learningProvider, addressed as the entity (the SDKs' item request builder)", successStatus: 204,
            source: .assumed("the docs print only the /$ref form; OData deletes an entity at its own URL, which is where the Kiota item request builders send DELETE"),
            exposure: .sdk),
        APIEndpoint(
            id: "listContents", operation: .listContents, method: "get", path: contents,
            summary: "List a provider's learningContents", successStatus: 200,
            source: Source(listContentsPage, "\"HTTP request\"; \"Response\": 200 OK with a collection")),
        APIEndpoint(
            id: "getContent", operation: .getContent, method: "get", path: contentByID,
            summary: "Get a learningContent by id", successStatus: 200,
            source: Source(getContentPage, "\"HTTP request\", by id (primary key); \"Response\": 200 OK")),
        APIEndpoint(
            id: "getContentByExternalId", operation: .getContent, method: "get", path: contentByExternalID,
            summary: "Get a learningContent by externalId (alternate key)", successStatus: 200,
            source: Source(getContentPage, "\"HTTP request\", by external id (secondary key); \"Response\": 200 OK")),
        APIEndpoint(
            id: "deleteContent", operation: .deleteContent, method: "delete", path: contentByID + reference,
            summary: "Delete a learningContent by id", successStatus: 204,
            source: Source(deleteContentPage, "\"HTTP request\", by id (with /$ref); \"Response\": 204 No Content")),
        APIEndpoint(
            id: "deleteContentByExternalId", operation: .deleteContent, method: "delete", path: contentByExternalID + reference,
            summary: "Delete a learningContent by externalId (alternate key)", successStatus: 204,
            source: Source(deleteContentPage, "\"HTTP request\", by external id (with /$ref); \"Response\": 204 No Content")),
        APIEndpoint(
            id: "deleteContentEntity", operation: .deleteContent, method: "delete", path: contentByID,
            summary: "Delete a learningContent by id, addressed as the entity (the SDKs' item request builder)", successStatus: 204,
            source: .assumed("the docs print only the /$ref form; OData deletes an entity at its own URL"), exposure: .sdk),
        APIEndpoint(
            id: "deleteContentEntityByExternalId", operation: .deleteContent, method: "delete", path: contentByExternalID,
            summary: "Delete a learningContent by externalId, addressed as the entity", successStatus: 204,
            source: .assumed("the docs print only the /$ref form; OData deletes an entity at its own URL"), exposure: .sdk),
        // The old beta update path, without the provider segment: served on /beta while ambiguity
        // updatePathWithoutProvider is lenient.
        APIEndpoint(
            id: "updateActivityWithoutProvider", operation: .updateActivity, method: "patch", path: globalActivities + activityByID,
            summary: "Update a learningCourseActivity at the old beta path (no provider segment)", successStatus: 204,
            source: Source(
                "learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-beta",
                "\"HTTP request\" of the page's older version (docs-contrib commit 0626ecc3); ambiguity updatePathWithoutProvider"),
            versions: [.beta], ambiguity: .updatePathWithoutProvider),
    ] + sdkEndpoints + countEndpoints

    /// Request forms the official SDKs expose without a doc page (Kiota request builders generated from Graph's
    /// metadata): the other key form of each activity request, and the provider-scoped GET by id.
    static let sdkEndpoints: [APIEndpoint] = [
        APIEndpoint(
            id: "getProviderActivity", operation: .getActivity, method: "get", path: providerActivities + activityByID,
            summary: "Get a learningCourseActivity by id under its provider (SDK request builder)", successStatus: 200,
            source: sdk("learningProviders/{learningProvider-id}/learningCourseActivities/{learningCourseActivity-id}: GET, PATCH, DELETE"),
            exposure: .sdk),
        APIEndpoint(
            id: "updateActivityByExternalId", operation: .updateActivity, method: "patch", path: providerActivities + activityByExternalID,
            summary: "Update a learningCourseActivity by its externalCourseActivityId (SDK request builder)", successStatus: 204,
            source: sdk("learningProviders/{learningProvider-id}/learningCourseActivities(externalcourseActivityId=…): GET, PATCH, DELETE"),
            exposure: .sdk),
        APIEndpoint(
            id: "deleteActivityByExternalId", operation: .deleteActivity, method: "delete", path: providerActivities + activityByExternalID,
            summary: "Delete a learningCourseActivity by its externalCourseActivityId (SDK request builder)", successStatus: 204,
            source: sdk("learningProviders/{learningProvider-id}/learningCourseActivities(externalcourseActivityId=…): GET, PATCH, DELETE"),
            exposure: .sdk),
        APIEndpoint(
            id: "getActivityByExternalIdWithoutProvider", operation: .getActivity, method: "get", path: globalActivities + activityByExternalID,
            summary: "Get a learningCourseActivity by its externalCourseActivityId, without the provider (SDK request builder)",
            successStatus: 200,
            source: sdk("employeeExperience/learningCourseActivities(externalcourseActivityId=…) builder"), exposure: .sdk),
        APIEndpoint(
            id: "getUserActivityByExternalId", operation: .getActivity, method: "get", path: userActivities + activityByExternalID,
            summary: "Get a user's learningCourseActivity by its externalCourseActivityId (SDK request builder)", successStatus: 200,
            source: sdk("users/{user-id}/employeeExperience/learningCourseActivities(externalcourseActivityId=…): GET"), exposure: .sdk),
        APIEndpoint(
            id: "getMyActivityByExternalId", operation: .getActivity, method: "get", path: myActivities + activityByExternalID,
            summary: "Get the signed-in user's learningCourseActivity by its externalCourseActivityId", successStatus: 200,
            source: .assumed("by analogy with the SDK's users/{user-id} form of the alternate key; /me is the signed-in user"),
            exposure: .sdk),
    ]

    /// `/$count` of each collection a list is documented for, with the list's permissions and errors.
    static let countEndpoints: [APIEndpoint] = [
        ("countMyActivities", Operation.listActivities, myActivities, "the signed-in user's learningCourseActivities"),
        ("countUserActivities", .listActivities, userActivities, "a user's learningCourseActivities"),
        ("countProviders", .listProviders, providers, "the learningProviders registered for the tenant"),
        ("countContents", .listContents, contents, "a provider's learningContents"),
    ].map { id, operation, collection, what in
        APIEndpoint(
            id: id, operation: operation, method: "get", path: collection + count,
            summary: "Count \(what) (text/plain)", successStatus: 200,
            source: Source(
                "learn.microsoft.com/graph/query-parameters",
                "\"count parameter\": the /$count segment returns only the integer; the SDKs generate a Count request builder per collection"),
            exposure: .sdk)
    }

    /// The source of an SDK-only request form: the Kiota URL template and the methods generated for it.
    static func sdk(_ template: String) -> Source {
        Source("github.com/microsoftgraph/msgraph-sdk-python", "Kiota request builder " + template + " (no doc page prints it)")
    }

    private static let listProvidersPage = "learn.microsoft.com/graph/api/employeeexperience-list-learningproviders?view=graph-rest-1.0"
    private static let deleteProviderPage = "learn.microsoft.com/graph/api/employeeexperience-delete-learningproviders?view=graph-rest-1.0"
    private static let listContentsPage = "learn.microsoft.com/graph/api/learningprovider-list-learningcontents?view=graph-rest-1.0"
    private static let getContentPage = "learn.microsoft.com/graph/api/learningcontent-get?view=graph-rest-1.0"
    private static let deleteContentPage = "learn.microsoft.com/graph/api/learningprovider-delete-learningcontents?view=graph-rest-1.0"
}
