/// A request body printed in the docs, verbatim, with where it is printed. The contract must accept every one
/// of them under the default (lenient) configuration; tests, benchmarks and fixtures start from them.
public struct DocumentedExample: Codable, Sendable, Hashable, Identifiable {
    public var id: String
    public var operation: Operation
    public var source: Source
    /// The request path as printed (relative to `https://graph.microsoft.com/v1.0`).
    public var path: String
    public var body: String

    public init(id: String, operation: Operation, source: Source, path: String, body: String) {
        self.id = id
        self.operation = operation
        self.source = source
        self.path = path
        self.body = body
    }
}

extension DocumentedExample {
    public static let createAssignment = DocumentedExample(
        id: "create-assignment", operation: .createActivity, source: Source("CREATE-v1", "example 1 request"),
        path: "/employeeExperience/learningProviders/01e8f81b-3060-4dec-acf0-0389665a0a38/learningCourseActivities",
        body: """
        {
          "@odata.type": "#microsoft.graph.learningAssignment",
          "assignedDateTime": "2021-05-11T22:57:17+00:00",
          "assignmentType": "required",
          "assignerUserId": "cea1684d-57dc-438d-a9d1-e666ec1a7f3d",
          "completedDateTime": null,
          "completionPercentage": 20,
          "dueDateTime": { "dateTime": "2022-09-22T16:05:00.0000000", "timeZone": "UTC" },
          "externalCourseActivityId": "12a2228a-e020-11ec-9d64-0242ac120002",
          "learningContentId": "57baf9dc-e020-11ec-9d64-0242ac120002",
          "learningProviderId": "01e8f81b-3060-4dec-acf0-0389665a0a38",
          "learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002",
          "notes": { "contentType": "text", "content": "required assignment added for user" },
          "status": "notStarted"
        }
        """)

    public static let createSelfInitiated = DocumentedExample(
        id: "create-self-initiated", operation: .createActivity, source: Source("CREATE-v1", "example 2 request"),
        path: "/employeeExperience/learningProviders/01e8f81b-3060-4dec-acf0-0389665a0a38/learningCourseActivities",
        body: """
        {
          "@odata.type": "#microsoft.graph.learningSelfInitiatedCourse",
          "completedDateTime": null,
          "completionPercentage": 20,
          "externalCourseActivityId": "12a2228a-e020-11ec-9d64-0242ac120002",
          "learningContentId": "57baf9dc-e020-11ec-9d64-0242ac120002",
          "learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002",
          "startedDateTime": "2021-05-21T22:57:17+00:00",
          "status": "inProgress"
        }
        """)

    public static let updateAssignment = DocumentedExample(
        id: "update-assignment", operation: .updateActivity, source: Source("UPDATE-v1", "example 1 request (newest)"),
        path: "/employeeExperience/learningProviders/01e8f81b-3060-4dec-acf0-0389665a0a38/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003",
        body: """
        {
          "@odata.type": "#microsoft.graph.learningAssignment",
          "assignedDateTime": "2021-05-11T22:57:17+00:00",
          "assignmentType": "required",
          "assignerUserId": "cea1684d-57dc-438d-a9d1-e666ec1a7f3d",
          "completedDateTime": null,
          "completionPercentage": 20,
          "learningProviderId": "01e8f81b-3060-4dec-acf0-0389665a0a38",
          "dueDateTime": { "dateTime": "2022-09-22T16:05:00.0000000", "timeZone": "UTC" },
          "externalCourseActivityId": "12a2228a-e020-11ec-9d64-0242ac120002",
          "learningContentId": "57baf9dc-e020-11ec-9d64-0242ac120002",
          "learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002",
          "notes": { "contentType": "text", "content": "required assignment added for user" },
          "status": "inProgress"
        }
        """)

    public static let updateSelfInitiated = DocumentedExample(
        id: "update-self-initiated", operation: .updateActivity, source: Source("UPDATE-v1", "example 2 request (older commits' spelling)"),
        path: "/employeeExperience/learningProviders/01e8f81b-3060-4dec-acf0-0389665a0a38/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003",
        body: """
        {
          "@odata.type": "#microsoft.graph.learningSelfInitiatedCourse",
          "completedDateTime": null,
          "completionPercentage": 30,
          "externalcourseActivityId": "12a2228a-e020-11ec-9d64-0242ac120002",
          "learningContentId": "57baf9dc-e020-11ec-9d64-0242ac120002",
          "learningProviderId": "01e8f81b-3060-4dec-acf0-0389665a0a38",
          "startedDateTime": "2021-05-11T22:57:17+00:00",
          "status": "inProgress"
        }
        """)

    public static let updateProvider = DocumentedExample(
        id: "update-provider", operation: .updateProvider, source: Source("LP-UPDATE-v1", "example request"),
        path: "/employeeExperience/learningProviders/13727311-e7bb-470d-8b20-6a23d9030d70",
        body: """
        {
            "displayName": "Microsoft",
            "squareLogoWebUrlForDarkTheme": "https://support.content.office.net/en-us/media/4c531d12-4c13-4782-a6e4-4b8f991801a3.png",
            "longLogoWebUrlForDarkTheme": "https://support.content.office.net/en-us/media/4c531d12-4c13-4782-a6e4-4b8f991801a3.png",
            "squareLogoWebUrlForLightTheme": "https://support.content.office.net/en-us/media/4c531d12-4c13-4782-a6e4-4b8f991801a3.png",
            "longLogoWebUrlForLightTheme": "https://support.content.office.net/en-us/media/4c531d12-4c13-4782-a6e4-4b8f991801a3.png",
            "loginWebUrl": "https://www.linkedin.com/learning-login/teams","isCourseActivitySyncEnabled": true
        }
        """)

    /// Every documented request body, in spec order.
    public static let all: [DocumentedExample] = [createAssignment, createSelfInitiated, updateAssignment, updateSelfInitiated, updateProvider]
}
