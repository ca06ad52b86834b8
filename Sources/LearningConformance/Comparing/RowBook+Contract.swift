import LearningContract

extension RowBook {
    /// The contract's error catalog (the pages learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 and learningcourseactivity-get, -list, -update and -delete (same path and view); github.com/microsoftgraph/microsoft-graph-docs-contrib/blob/01483532/api-reference/beta/resources/learningcourseactivity.md, Errors table; github.com/search?type=code&q=repo%3Amicrosoftgraph%2Fmicrosoft-graph-docs-contrib+%22Error+Responses+in+the+LearningCourseActivity+API%22 (the learning errors page); assumed Graph-wide rows of learn.microsoft.com/graph/errors) as the runner
    /// needs it: canonical code and message, and every documented variant of each.
    public static let contract = RowBook(catalog: .documented)

    public init(catalog: ErrorCatalog) {
        self.init(rows: catalog.rows.map { row in
            ErrorRowSpec(
                id: row.id.rawValue, status: row.status, code: row.code, messageTemplate: row.messageTemplate,
                codeVariants: row.variants.filter { $0.part == .code }.map(\.value),
                messageVariants: row.variants.filter { $0.part == .message }.map(\.value),
                source: row.sources.first.map { $0.page + ", " + $0.location } ?? ""
            )
        })
    }
}
