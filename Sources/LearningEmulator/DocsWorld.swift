import LearningContract

/// The documentation's own world (Conformance/STATE.md, "The docs world"), seeded by default into the default tenant so that the doc
/// examples of learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0; learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0; the pages learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 and learningcourseactivity-get, -list, -update and -delete (same path and view) work exactly as written.
public enum DocsWorld {
    /// Provider of create example 1, get example 2 and update example 1 (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0).
    public static let contosoProviderID = "01e8f81b-3060-4dec-acf0-0389665a0a38"
    /// Provider of the get/list/delete examples and of LP-UPDATE-v1 / LC-UPDATE-v1 (learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0; learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-delete?view=graph-rest-1.0).
    public static let linkedInProviderID = "13727311-e7bb-470d-8b20-6a23d9030d70"
    /// learningContentId of every activity example (the examples of learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0 and learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0).
    public static let contosoContentID = "57baf9dc-e020-11ec-9d64-0242ac120002"
    /// The LC-UPDATE-v1 example content (learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0).
    public static let linkedInContentID = "77029588-a660-46b6-ba58-3ce4d21d5678"
    /// learnerUserId of every example (premium license).
    public static let learnerID = "7ba2228a-e020-11ec-9d64-0242ac120002"
    /// assignerUserId of the assignment examples.
    public static let assignerID = "cea1684d-57dc-438d-a9d1-e666ec1a7f3d"
    /// Object id given to the provider application of default application test tokens (assumed).
    public static let providerAppObjectID = "0a1b2c3d-0000-4000-8000-00000000a991"

    /// Get example 1, get-by-external-id example 2, update example 1 (learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0). Stored under the
    /// Contoso provider although GET example 1 prints 13727311… (contradiction `docsWorldProviderOf8ba2`).
    public static let assignmentID = "8ba2228a-e020-11ec-9d64-0242ac120003"
    /// The list example's self-initiated course and the delete example's id (learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-delete?view=graph-rest-1.0).
    public static let selfInitiatedID = "be2f4d76-e020-11ec-9d64-0242ac120002"
    /// The list example's second item (peerRecommended), given its own id because the example repeats …0003.
    public static let peerRecommendedID = "9ca2228a-e020-11ec-9d64-0242ac120004"
    public static let externalActivityID = "12a2228a-e020-11ec-9d64-0242ac120002"

    /// Logo and login URLs of the LP-UPDATE-v1 example (learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0).
    static let logoURL = "https://support.content.office.net/en-us/media/4c531d12-4c13-4782-a6e4-4b8f991801a3.png"

    static func provider(_ id: String, _ name: String) -> JSONObject {
        object([
            "id": .string(id), "displayName": .string(name),
            "squareLogoWebUrlForDarkTheme": .string(logoURL), "longLogoWebUrlForDarkTheme": .string(logoURL),
            "squareLogoWebUrlForLightTheme": .string(logoURL), "longLogoWebUrlForLightTheme": .string(logoURL),
            "isCourseActivitySyncEnabled": true, "loginWebUrl": "https://www.linkedin.com/learning-login/teams",
        ])
    }

    static func object(_ value: JSONValue) -> JSONObject { value.objectValue ?? JSONObject() }

    /// The docs world as a state document (the admin endpoint's `"seed": "docs"`).
    public static var document: EmulatorState {
        let notes: JSONValue = ["contentType": "text", "content": "required assignment added for user"]
        let due: JSONValue = ["dateTime": "2022-09-22T16:05:00.0000000", "timeZone": "UTC"]
        return EmulatorState(
            providers: [provider(contosoProviderID, "Contoso Learning"), provider(linkedInProviderID, "LinkedIn Learning")],
            contents: [
                // Assumed metadata except id/provider/externalId (Conformance/STATE.md); required RES-LC-v1 fields filled.
                object(["id": .string(contosoContentID), "providerId": .string(contosoProviderID), "externalId": "CL-57baf9dc",
                 "title": "Contoso course 57baf9dc", "contentWebUrl": "https://contoso.example/courses/57baf9dc",
                 "languageTag": "en-us"]),
                // LC-UPDATE-v1 example (learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0): id, externalId, level, duration, createdDateTime as printed.
                object(["id": .string(linkedInContentID), "providerId": .string(linkedInProviderID), "externalId": "LP4471",
                 "title": "LinkedIn Learning course LP4471", "contentWebUrl": "https://www.linkedin.com/learning/lp4471",
                 "languageTag": "en-us", "level": "Beginner", "duration": "PT20M", "createdDateTime": "2018-01-01T00:00:00"]),
            ],
            licenses: [ExactKey(learnerID): true],
            activities: [
                // learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0 example 1, completionPercentage 20 as in example 3 (example 1 prints null).
                object(["@odata.type": .string(ActivityType.assignment.rawValue), "id": .string(assignmentID),
                 "assignedDateTime": "2021-05-11T22:57:17+00:00", "assignmentType": "required",
                 "assignerUserId": .string(assignerID), "completedDateTime": nil, "completionPercentage": 20,
                 "dueDateTime": due, "externalCourseActivityId": .string(externalActivityID),
                 "learningContentId": .string(contosoContentID), "learningProviderId": .string(contosoProviderID),
                 "learnerUserId": .string(learnerID), "notes": notes, "status": "notStarted"]),
                // learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0 list example item 3 (self-initiated); the delete example (learn.microsoft.com/graph/api/learningcourseactivity-delete?view=graph-rest-1.0) removes it.
                object(["@odata.type": .string(ActivityType.selfInitiated.rawValue), "id": .string(selfInitiatedID),
                 "completedDateTime": nil, "completionPercentage": 20, "externalCourseActivityId": .string(externalActivityID),
                 "learningContentId": .string(contosoContentID), "learningProviderId": .string(linkedInProviderID),
                 "learnerUserId": .string(learnerID), "startedDateTime": "2021-05-21T22:57:17+00:00", "status": "inProgress"]),
                // learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0 list example item 2 (peerRecommended, no external id).
                object(["@odata.type": .string(ActivityType.assignment.rawValue), "id": .string(peerRecommendedID),
                 "assignedDateTime": "2021-05-11T22:57:17+00:00", "assignmentType": "peerRecommended",
                 "assignerUserId": .string(assignerID), "completedDateTime": nil, "completionPercentage": nil,
                 "dueDateTime": due, "externalCourseActivityId": nil,
                 "learningContentId": .string(contosoContentID), "learningProviderId": .string(linkedInProviderID),
                 "learnerUserId": .string(learnerID), "notes": notes, "status": "notStarted"]),
            ])
    }

    static func state() -> TenantState {
        var state = TenantState()
        state.apply(document)
        return state
    }
}
