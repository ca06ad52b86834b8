/// What the runner needs to know about one documented error row (the pages learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 and learningcourseactivity-get, -list, -update and -delete (same path and view); github.com/microsoftgraph/microsoft-graph-docs-contrib/blob/01483532/api-reference/beta/resources/learningcourseactivity.md, Errors table; github.com/search?type=code&q=repo%3Amicrosoftgraph%2Fmicrosoft-graph-docs-contrib+%22Error+Responses+in+the+LearningCourseActivity+API%22 (the learning errors page); learn.microsoft.com/graph/errors, Error resource type):
/// taken from the contract's `ErrorCatalog`, so fixtures name rows instead of repeating messages.
public struct ErrorRowSpec: Sendable, Hashable, Codable {
    public var id: String
    public var status: Int
    /// Canonical `error.code` (newest docs).
    public var code: String
    /// Canonical message template with `{slot}` placeholders.
    public var messageTemplate: String
    /// Documented older spellings of the code (ambiguity errorCodeCasing), accepted and reported as variants.
    public var codeVariants: [String]
    /// Documented older wordings of the message (ambiguities notFoundWording and errorMessageWording), accepted and reported as variants.
    public var messageVariants: [String]
    /// The ambiguity behind the message variants (`notFoundWording`), when one is named.
    public var messageAmbiguity: String? {
        id.hasPrefix("activityNotFound") ? "notFoundWording" : nil
    }
    /// Doc pages and table rows, for deviation reports.
    public var source: String

    public init(
        id: String, status: Int, code: String, messageTemplate: String,
        codeVariants: [String] = [], messageVariants: [String] = [], source: String = ""
    ) {
        self.id = id; self.status = status; self.code = code; self.messageTemplate = messageTemplate
        self.codeVariants = codeVariants; self.messageVariants = messageVariants; self.source = source
    }
}

/// The error rows the runner knows, by id, in catalog order.
public struct RowBook: Sendable, Hashable {
    public private(set) var rows: [ErrorRowSpec]
    private var index: [String: Int]

    public init(rows: [ErrorRowSpec]) {
        self.rows = rows
        var index: [String: Int] = [:]
        for (offset, row) in rows.enumerated() where index[row.id] == nil { index[row.id] = offset }
        self.index = index
    }

    public subscript(id: String) -> ErrorRowSpec? { index[id].map { rows[$0] } }
    public var ids: [String] { rows.map(\.id) }
}
