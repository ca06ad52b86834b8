import LearningContract

/// What a request path addresses under `/v1.0` or `/beta` (graph.microsoft.com/v1.0/$metadata, EntityType employeeExperience, employeeExperienceUser and learningCourseActivity; learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0, Methods table; github.com/microsoftgraph/msgraph-metadata/blob/master/openapi/v1.0/openapi.yaml, paths under /employeeExperience, from which the SDK request builders are generated).
indirect enum Route: Sendable, Hashable {
    /// `/employeeExperience/learningCourseActivities` (SDK only: no documented method).
    case globalActivities
    /// `/employeeExperience/learningCourseActivities/{id}` or `(externalCourseActivityId='…')`.
    case globalActivity(ActivityKey)
    /// `/employeeExperience/learningProviders/{registrationId}/learningCourseActivities`.
    case providerActivities(providerID: String)
    /// `/employeeExperience/learningProviders/{registrationId}/learningCourseActivities/{id}` or `(…='…')`.
    case providerActivity(providerID: String, ActivityKey)
    /// `/users/{id}/employeeExperience/learningCourseActivities` or `/me/…`.
    case userActivities(UserReference)
    case userActivity(UserReference, ActivityKey)
    /// `/employeeExperience/learningProviders`.
    case providers
    /// `/employeeExperience/learningProviders/{id}`.
    case provider(id: String)
    /// `/employeeExperience/learningProviders/{id}/$ref`: the path the delete page prints.
    case providerReference(id: String)
    /// `/employeeExperience/learningProviders/{id}/learningContents`.
    case contents(providerID: String)
    /// `/employeeExperience/learningProviders/{id}/learningContents/{id}` or `(externalId='…')`.
    case content(providerID: String, ContentKey)
    /// The same followed by `/$ref`: the paths the content delete page prints.
    case contentReference(providerID: String, ContentKey)
    /// `{collection}/$count`: the collection's size as `text/plain` (OData 4.01 URL conventions §4.8), for the
    /// collections that have a documented list; the others answer 405 like their collection.
    case count(Route)
    /// A path Graph has (`/me`, `/employeeExperience`, …) on which this API defines no method.
    case unsupported

    /// The operation a method invokes here; `nil` = 405 methodNotAllowed. HEAD invokes what GET invokes
    /// (RFC 9110 §9.3.2). `lenientUpdatePath`: ambiguity `updatePathWithoutProvider` (ambiguity updatePathWithoutProvider) accepts the old
    /// beta PATCH on the global path.
    func operation(for method: String, lenientUpdatePath: Bool) -> Operation? {
        let method = method == "HEAD" ? "GET" : method
        return switch (self, method) {
        case (.providerActivities, "POST"): .createActivity
        case (.globalActivity, "GET"), (.providerActivity, "GET"), (.userActivity, "GET"): .getActivity
        case (.globalActivity, "PATCH"): lenientUpdatePath ? .updateActivity : nil
        case (.providerActivity, "PATCH"): .updateActivity
        case (.providerActivity, "DELETE"): .deleteActivity
        case (.userActivities, "GET"): .listActivities
        case (.providers, "POST"): .createProvider
        case (.providers, "GET"): .listProviders
        case (.provider, "GET"): .getProvider
        case (.provider, "PATCH"): .updateProvider
        case (.provider, "DELETE"), (.providerReference, "DELETE"): .deleteProvider
        case (.contents, "GET"): .listContents
        case (.content, "GET"): .getContent
        case (.content, "PATCH"): .upsertContent
        case (.content, "DELETE"), (.contentReference, "DELETE"): .deleteContent
        case (.count(let collection), "GET"):
            collection.operation(for: "GET", lenientUpdatePath: lenientUpdatePath).flatMap { $0.isList ? $0 : nil }
        default: nil
        }
    }

    /// The methods this path supports, for the `Allow` header of a 405 (RFC 9110 §15.5.6 and §10.2.1).
    func allowedMethods(lenientUpdatePath: Bool) -> [String] {
        Self.methods.filter { operation(for: $0, lenientUpdatePath: lenientUpdatePath) != nil }
    }

    static let methods = ["GET", "HEAD", "POST", "PATCH", "DELETE"]
}

enum UserReference: Sendable, Hashable {
    case id(String)
    case me
}

/// How an OData key addresses an activity (learn.microsoft.com/graph/query-parameters, Escaping single quotes; learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 2 (alternate key)).
enum ActivityKey: Sendable, Hashable {
    case id(String)
    case externalID(String)
}

enum ContentKey: Sendable, Hashable {
    case id(String)
    case externalID(String)
}

/// The contract's operation names (Foundation also has an `Operation`; this module means the contract's).
typealias Operation = LearningContract.Operation
