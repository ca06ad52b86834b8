import LearningContract

/// The docs world (`DocsWorld`'s ids) as emulator state.
extension DocsWorld {
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
