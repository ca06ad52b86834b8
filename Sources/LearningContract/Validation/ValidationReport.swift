/// The verdict on one payload: every violation, the documented variants that were accepted, and the error
/// Graph would return.
public struct ValidationReport: Codable, Sendable, Hashable {
    public var operation: Operation
    public var apiVersion: APIVersion
    /// The body rule applied (`createActivity.learningAssignment`), nil when the subtype couldn't be told.
    public var bodyRule: String?
    /// The `@odata.type` the payload declared, when it named a known subtype.
    public var odataType: String?
    /// What fails, in rule order: duplicates, `@odata.type`, then fields as the rules list them, then unknown ones.
    public var violations: [Violation]
    /// Readings of documented contradictions accepted under `lenient` (reported, not failing).
    public var variants: [Violation]
    /// The error Graph would return; nil when the payload is valid.
    public var graphError: GraphError?

    public var isValid: Bool { violations.isEmpty }

    public init(
        operation: Operation, apiVersion: APIVersion, bodyRule: String?, odataType: String?, violations: [Violation],
        variants: [Violation], catalog: ErrorCatalog
    ) {
        self.operation = operation
        self.apiVersion = apiVersion
        self.bodyRule = bodyRule
        self.odataType = odataType
        self.violations = violations
        self.variants = variants
        self.graphError = Self.graphError(for: violations, catalog: catalog)
    }

    /// The chosen rendering (ambiguity `multipleViolationsShape`): a malformed body is its own error; field
    /// violations become one 400 badRequest whose message is the first violation's and whose details list all.
    static func graphError(for violations: [Violation], catalog: ErrorCatalog) -> GraphError? {
        guard let first = violations.first else { return nil }
        if first.errorRow == .malformedBody {
            var error = catalog.error(.malformedBody)
            error.details = [GraphError.Detail(code: error.code, message: first.detail, target: first.field.isEmpty ? nil : first.field)]
            return error
        }
        let row = violations.count == 1 ? first.errorRow : .multipleFieldValidations
        // By index, reading each violation's parts in place (a copy of each violation and each row costs more than
        // the rest of the error).
        var details: [GraphError.Detail] = []
        details.reserveCapacity(violations.count)
        var last: (row: ErrorRow.ID, code: String)?
        for index in violations.indices {
            let row = violations[index].errorRow
            let code: String
            if let last, last.row == row { code = last.code } else { code = catalog.code(row) }
            last = (row, code)
            details.append(GraphError.Detail(code: code, message: violations[index].message, target: violations[index].field))
        }
        return GraphError(
            status: 400, code: catalog.code(.multipleFieldValidations), message: first.message, details: details, row: row)
    }
}
