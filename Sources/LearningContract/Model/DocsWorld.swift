/// The ids of the documentation's own world (Conformance/STATE.md, "The docs world"): the one place they are
/// written. The emulator seeds this world into the default tenant (`DocsWorld+State.swift`) so that the doc
/// examples of learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0; learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0; the pages learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 and learningcourseactivity-get, -list, -update and -delete (same path and view) work exactly as written; the runner's emulator profile and the test
/// tokens name the same ids from here.
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
}
