/// Member names the docs define for responses of this API. Under `--strict`, a response member that the
/// fixture does not name and that is not listed here is an "extra field" deviation; members the docs
/// define but the fixture leaves out are not extra, so fixtures may check only what they care about.
public enum DocumentedMembers {
    public static let all: Set<String> = annotations.union(activity).union(provider).union(content).union(complex).union(errorEnvelope)

    /// OData annotations and collection members (learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, example response (@odata.context, @odata.nextLink); learn.microsoft.com/graph/query-parameters, OData system query options).
    static let annotations: Set<String> = ["@odata.context", "@odata.type", "@odata.nextLink", "@odata.count", "value", "id"]
    /// learningCourseActivity and its subtypes, both spellings of the external id (graph.microsoft.com/v1.0/$metadata, EntityType learningCourseActivity; learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0 and learn.microsoft.com/graph/api/resources/learningselfinitiatedcourse?view=graph-rest-1.0, Properties tables; ambiguity externalCourseActivityIdSpelling).
    static let activity: Set<String> = [
        "completedDateTime", "completionPercentage", "externalCourseActivityId", "externalcourseActivityId", "learnerUserId",
        "learningContentId", "learningProviderId", "status", "assignedDateTime", "assignerUserId", "assignmentType",
        "dueDateTime", "notes", "startedDateTime",
    ]
    /// learningProvider (learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0).
    static let provider: Set<String> = [
        "displayName", "isCourseActivitySyncEnabled", "loginWebUrl", "longLogoWebUrlForDarkTheme", "longLogoWebUrlForLightTheme",
        "squareLogoWebUrlForDarkTheme", "squareLogoWebUrlForLightTheme",
    ]
    /// learningContent (learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0).
    static let content: Set<String> = [
        "additionalTags", "contentWebUrl", "contributors", "createdDateTime", "description", "duration", "externalId", "format",
        "isActive", "isPremium", "isSearchable", "languageTag", "lastModifiedDateTime", "level", "numberOfPages", "skillTags",
        "sourceName", "thumbnailWebUrl", "title",
    ]
    /// itemBody and dateTimeTimeZone (learn.microsoft.com/graph/api/resources/itembody?view=graph-rest-1.0 and learn.microsoft.com/graph/api/resources/datetimetimezone?view=graph-rest-1.0, Properties tables).
    static let complex: Set<String> = ["content", "contentType", "dateTime", "timeZone"]
    /// The Graph error envelope (learn.microsoft.com/graph/errors, Error resource type: MainError, ErrorDetails, InnerError).
    static let errorEnvelope: Set<String> = [
        "error", "code", "message", "target", "details", "innerError", "innererror", "date", "request-id", "client-request-id",
    ]
}
