/// The documented operations whose requests the contract knows (learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0, Methods table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0 and learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0, HTTP request).
public enum Operation: String, Codable, Sendable, CaseIterable {
    /// POST …/learningProviders/{registrationId}/learningCourseActivities (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, HTTP request).
    case createActivity
    /// GET by id, by external id, through /users/{id} and /me (learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, HTTP request).
    case getActivity
    /// GET /me or /users/{id} …/learningCourseActivities (learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, HTTP request).
    case listActivities
    /// PATCH …/learningProviders/{registrationId}/learningCourseActivities/{id} (learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, HTTP request).
    case updateActivity
    /// DELETE …/learningProviders/{registrationId}/learningCourseActivities/{id} (learn.microsoft.com/graph/api/learningcourseactivity-delete?view=graph-rest-1.0, HTTP request).
    case deleteActivity
    /// POST /employeeExperience/learningProviders
    /// (learn.microsoft.com/graph/api/employeeexperience-post-learningproviders?view=graph-rest-1.0, "HTTP request").
    case createProvider
    /// PATCH /employeeExperience/learningProviders/{id} (learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0, HTTP request).
    case updateProvider
    /// PATCH …/learningContents/{id} or (externalId='…') (learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0, HTTP request).
    case upsertContent
    /// GET /employeeExperience/learningProviders
    /// (learn.microsoft.com/graph/api/employeeexperience-list-learningproviders?view=graph-rest-1.0, "HTTP request").
    case listProviders
    /// GET /employeeExperience/learningProviders/{learningProviderId}
    /// (learn.microsoft.com/graph/api/learningprovider-get?view=graph-rest-1.0, "HTTP request").
    case getProvider
    /// DELETE /employeeExperience/learningProviders/{learningProviderId}/$ref
    /// (learn.microsoft.com/graph/api/employeeexperience-delete-learningproviders?view=graph-rest-1.0, "HTTP request").
    case deleteProvider
    /// GET …/learningProviders/{learningProviderId}/learningContents
    /// (learn.microsoft.com/graph/api/learningprovider-list-learningcontents?view=graph-rest-1.0, "HTTP request").
    case listContents
    /// GET …/learningContents/{learningContentId} or (externalId='…')
    /// (learn.microsoft.com/graph/api/learningcontent-get?view=graph-rest-1.0, "HTTP request").
    case getContent
    /// DELETE …/learningContents/{learningContentId}/$ref or (externalId='…')/$ref
    /// (learn.microsoft.com/graph/api/learningprovider-delete-learningcontents?view=graph-rest-1.0, "HTTP request").
    case deleteContent

    /// Whether the operation reads a collection (and so takes `$top`, `$skip` and `$count`).
    public var isList: Bool {
        switch self {
        case .listActivities, .listProviders, .listContents: true
        default: false
        }
    }

    /// Whether requests of this operation carry a JSON body the contract validates.
    public var hasRequestBody: Bool {
        switch self {
        case .createActivity, .updateActivity, .createProvider, .updateProvider, .upsertContent: true
        case .getActivity, .listActivities, .deleteActivity, .listProviders, .getProvider, .deleteProvider, .listContents,
             .getContent, .deleteContent: false
        }
    }
}

/// The Graph API version a request addresses; a few rules differ between them (the ?view=graph-rest-1.0 and ?view=graph-rest-beta versions of each page).
public enum APIVersion: String, Codable, Sendable, CaseIterable {
    case v1 = "v1.0"
    case beta
}

/// How documented contradictions (listed in Ambiguity.documented) are judged.
///
/// `lenient` accepts every reading some page documents, and reports the non-preferred ones as *variants*;
/// `strict` accepts only the preferred reading and reports the others as violations.
public enum Strictness: String, Codable, Sendable, CaseIterable {
    case strict
    case lenient
}
