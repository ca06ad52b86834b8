/// The error table as data: every documented row (and the assumed Graph-wide ones), looked up by id.
public struct ErrorCatalog: Codable, Sendable, Hashable {
    public var rows: [ErrorRow]

    public init(rows: [ErrorRow] = ErrorRow.documented) { self.rows = rows }

    public static let documented = ErrorCatalog()

    /// The row with `id`. Every `ErrorRow.ID` constant has a documented row (a test checks it); an id a custom
    /// catalog lacks gives its internal-server-error row, or a generic 500, rather than trapping.
    public subscript(id: ErrorRow.ID) -> ErrorRow {
        rows.first { $0.id == id } ?? rows.first { $0.id == .internalServerError } ?? Self.missingRow(id)
    }

    private static func missingRow(_ id: ErrorRow.ID) -> ErrorRow {
        ErrorRow(
            id: id, scenario: "Row missing from this catalog", status: 500, code: "internalServerError",
            message: "Internal server error.", operations: [], sources: [.assumed("a custom catalog without row \(id)")])
    }

    /// Renders one row as the error Graph would return.
    public func error(_ id: ErrorRow.ID, slots: [String: String] = [:]) -> GraphError {
        let row = self[id]
        return GraphError(status: row.status, code: row.code, message: row.render(slots), details: [], row: id)
    }

    /// The rows that list `operation`.
    public func rows(for operation: Operation) -> [ErrorRow] { rows.filter { $0.operations.contains(operation) } }
}
