import LearningContract

/// What a request path addresses under `/v1.0` or `/beta` (graph.microsoft.com/v1.0/$metadata, EntityType employeeExperience, employeeExperienceUser and learningCourseActivity; learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0, Methods table; github.com/microsoftgraph/msgraph-metadata/blob/master/openapi/v1.0/openapi.yaml, paths under /employeeExperience, from which the SDK request builders are generated). Which methods it serves is not
/// decided here: `template` names the path's row of `APIEndpoint.all`, and `EndpointTable` answers from there.
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

    /// The `APIEndpoint` path template this route addresses (the key form included), or `nil` for a path the
    /// endpoint table has no template for (every method there is 405 with an empty `Allow`).
    var template: String? {
        switch self {
        case .globalActivities: APIEndpoint.globalActivities
        case .globalActivity(let key): APIEndpoint.globalActivities + key.template
        case .providerActivities: APIEndpoint.providerActivities
        case .providerActivity(_, let key): APIEndpoint.providerActivities + key.template
        case .userActivities(let user): user.activities
        case .userActivity(let user, let key): user.activities + key.template
        case .providers: APIEndpoint.providers
        case .provider: APIEndpoint.provider
        case .providerReference: APIEndpoint.provider + APIEndpoint.reference
        case .contents: APIEndpoint.contents
        case .content(_, let key): key.template
        case .contentReference(_, let key): key.template + APIEndpoint.reference
        case .count(let collection): collection.template.map { $0 + APIEndpoint.count }
        case .unsupported: nil
        }
    }
}

enum UserReference: Sendable, Hashable {
    case id(String)
    case me

    var activities: String { self == .me ? APIEndpoint.myActivities : APIEndpoint.userActivities }
}

/// How an OData key addresses an activity (learn.microsoft.com/graph/query-parameters, Escaping single quotes; learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 2 (alternate key)).
enum ActivityKey: Sendable, Hashable {
    case id(String)
    case externalID(String)

    var template: String {
        switch self {
        case .id: APIEndpoint.activityByID
        case .externalID: APIEndpoint.activityByExternalID
        }
    }
}

enum ContentKey: Sendable, Hashable {
    case id(String)
    case externalID(String)

    var template: String {
        switch self {
        case .id: APIEndpoint.contentByID
        case .externalID: APIEndpoint.contentByExternalID
        }
    }
}

/// The contract's operation names (Foundation also has an `Operation`; this module means the contract's).
typealias Operation = LearningContract.Operation
