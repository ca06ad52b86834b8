/// A request body read once: its report, and its tree when the body is valid (`Contract.read`).
public struct ParsedBody: Sendable, Hashable {
    /// The report `Contract.validate` gives; its `odataType` is the subtype the body was judged as.
    public var report: ValidationReport
    /// The body's tree. nil when the report has a violation: nothing downstream keeps an invalid body, and not
    /// building its tree is what keeps invalid bodies cheap.
    public var document: JSONDocument?

    public init(report: ValidationReport, document: JSONDocument?) {
        self.report = report
        self.document = document
    }
}
