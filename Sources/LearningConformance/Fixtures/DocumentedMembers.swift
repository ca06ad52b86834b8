import LearningContract

/// Member names the docs define for responses of this API. Under `--strict`, a response member that the
/// fixture does not name and that is not listed here is an "extra field" deviation; members the docs
/// define but the fixture leaves out are not extra, so fixtures may check only what they care about.
/// The entity and complex-type members come from the contract's type model (`TypeModel.documented`).
public enum DocumentedMembers {
    public static let all: Set<String> = annotations.union(activity).union(provider).union(content).union(complex).union(errorEnvelope)

    /// OData annotations and collection members (learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, example response (@odata.context, @odata.nextLink); learn.microsoft.com/graph/query-parameters, OData system query options).
    static let annotations: Set<String> = ["@odata.context", "@odata.type", "@odata.nextLink", "@odata.count", "value", "id"]
    /// learningCourseActivity and its subtypes, both spellings of a property the docs spell two ways (the type model).
    static let activity: Set<String> = names(TypeModel.learningAssignment, TypeModel.learningSelfInitiatedCourse)
    /// learningProvider.
    static let provider: Set<String> = names(TypeModel.learningProvider)
    /// learningContent.
    static let content: Set<String> = names(TypeModel.learningContent)
    /// itemBody and dateTimeTimeZone (learn.microsoft.com/graph/api/resources/itembody?view=graph-rest-1.0 and learn.microsoft.com/graph/api/resources/datetimetimezone?view=graph-rest-1.0, Properties tables).
    static let complex: Set<String> = names(TypeModel.itemBody, TypeModel.dateTimeTimeZone)
    /// The Graph error envelope (learn.microsoft.com/graph/errors, Error resource type: MainError, ErrorDetails, InnerError).
    static let errorEnvelope: Set<String> = [
        "error", "code", "message", "target", "details", "innerError", "innererror", "date", "request-id", "client-request-id",
    ]

    /// Every spelling of every property of `types`.
    static func names(_ types: TypeModel...) -> Set<String> { Set(types.flatMap { $0.properties.flatMap(\.spellings) }) }
}
