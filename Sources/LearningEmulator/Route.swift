import LearningContract

/// What a request path addresses under `/v1.0` or `/beta` (spec 1, 2.1, 2.2).
enum Route: Sendable, Hashable {
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
    case provider(id: String)
    /// `/employeeExperience/learningProviders/{id}/learningContents/{id}` or `(externalId='…')`.
    case content(providerID: String, ContentKey)
    /// A path Graph has (`/me`, `/employeeExperience`, …) on which this API defines no method.
    case unsupported

    /// The operation a method invokes here; `nil` = 405 methodNotAllowed. `lenientUpdatePath`: ambiguity
    /// `updatePathWithoutProvider` (spec 9 #25) accepts the old beta PATCH on the global path.
    func operation(for method: String, lenientUpdatePath: Bool) -> Operation? {
        switch (self, method) {
        case (.providerActivities, "POST"): .createActivity
        case (.globalActivity, "GET"), (.providerActivity, "GET"), (.userActivity, "GET"): .getActivity
        case (.globalActivity, "PATCH"): lenientUpdatePath ? .updateActivity : nil
        case (.providerActivity, "PATCH"): .updateActivity
        case (.providerActivity, "DELETE"): .deleteActivity
        case (.userActivities, "GET"): .listActivities
        case (.providers, "POST"): .createProvider
        case (.provider, "PATCH"): .updateProvider
        case (.content, "PATCH"): .upsertContent
        default: nil
        }
    }
}

enum UserReference: Sendable, Hashable {
    case id(String)
    case me
}

/// How an OData key addresses an activity (spec 7.4).
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
