import LearningContract

/// Member names the docs define for responses of this API. Under `--strict`, a response member that the
/// fixture does not name and that is not listed here is an "extra field" deviation; members the docs
/// define but the fixture leaves out are not extra, so fixtures may check only what they care about.
/// The entity and complex-type members come from the contract's type model (`TypeModel.documented`).
public enum DocumentedMembers {
    public static let all: Set<String> = annotations.union(activity).union(provider).union(content).union(complex).union(errorEnvelope)

    /// OData annotations and collection members (spec 7.3, 7.5).
    static let annotations: Set<String> = ["@odata.context", "@odata.type", "@odata.nextLink", "@odata.count", "value", "id"]
    /// learningCourseActivity and its subtypes, both spellings of a property the docs spell two ways (the type model).
    static let activity: Set<String> = names(TypeModel.learningAssignment, TypeModel.learningSelfInitiatedCourse)
    /// learningProvider.
    static let provider: Set<String> = names(TypeModel.learningProvider)
    /// learningContent.
    static let content: Set<String> = names(TypeModel.learningContent)
    /// itemBody and dateTimeTimeZone (spec 4.6).
    static let complex: Set<String> = names(TypeModel.itemBody, TypeModel.dateTimeTimeZone)
    /// The Graph error envelope (spec 7.1: MainError, ErrorDetails, InnerError).
    static let errorEnvelope: Set<String> = [
        "error", "code", "message", "target", "details", "innerError", "innererror", "date", "request-id", "client-request-id",
    ]

    /// Every spelling of every property of `types`.
    static func names(_ types: TypeModel...) -> Set<String> { Set(types.flatMap { $0.properties.flatMap(\.spellings) }) }
}
