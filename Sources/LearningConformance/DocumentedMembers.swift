/// Member names the docs define for responses of this API. Under `--strict`, a response member that the
/// fixture does not name and that is not listed here is an "extra field" deviation; members the docs
/// define but the fixture leaves out are not extra, so fixtures may check only what they care about.
public enum DocumentedMembers {
    public static let all: Set<String> = annotations.union(activity).union(provider).union(content).union(complex).union(errorEnvelope)

    /// OData annotations and collection members (spec 7.3, 7.5).
    static let annotations: Set<String> = ["@odata.context", "@odata.type", "@odata.nextLink", "@odata.count", "value", "id"]
    /// learningCourseActivity and its subtypes, both spellings of the external id (spec 4.1-4.4, 9 #1).
    static let activity: Set<String> = [
        "completedDateTime", "completionPercentage", "externalCourseActivityId", "externalcourseActivityId", "learnerUserId",
        "learningContentId", "learningProviderId", "status", "assignedDateTime", "assignerUserId", "assignmentType",
        "dueDateTime", "notes", "startedDateTime",
    ]
    /// learningProvider (spec 4.7).
    static let provider: Set<String> = [
        "displayName", "isCourseActivitySyncEnabled", "loginWebUrl", "longLogoWebUrlForDarkTheme", "longLogoWebUrlForLightTheme",
        "squareLogoWebUrlForDarkTheme", "squareLogoWebUrlForLightTheme",
    ]
    /// learningContent (spec 4.8).
    static let content: Set<String> = [
        "additionalTags", "contentWebUrl", "contributors", "createdDateTime", "description", "duration", "externalId", "format",
        "isActive", "isPremium", "isSearchable", "languageTag", "lastModifiedDateTime", "level", "numberOfPages", "skillTags",
        "sourceName", "thumbnailWebUrl", "title",
    ]
    /// itemBody and dateTimeTimeZone (spec 4.6).
    static let complex: Set<String> = ["content", "contentType", "dateTime", "timeZone"]
    /// The Graph error envelope (spec 7.1: MainError, ErrorDetails, InnerError).
    static let errorEnvelope: Set<String> = [
        "error", "code", "message", "target", "details", "innerError", "innererror", "date", "request-id", "client-request-id",
    ]
}
