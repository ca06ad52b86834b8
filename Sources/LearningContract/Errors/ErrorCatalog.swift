/// The error table as data: every documented row (and the assumed Graph-wide ones), looked up by id.
public struct ErrorCatalog: Codable, Sendable, Hashable {
    public var rows: [ErrorRow] {
        didSet { positions = Self.positions(of: rows) }
    }
    /// The position of each id's first row, so a lookup (every finding of every report) is not a search.
    private var positions: [ErrorRow.ID: Int] {
        didSet { fieldCodes = Self.fieldCodes(rows, positions) }
    }
    /// The codes of the rows a field's finding maps to, looked up without hashing (every report's error lists them).
    private var fieldCodes: [(id: ErrorRow.ID, code: String)]

    public init(rows: [ErrorRow] = ErrorRow.documented) {
        self.rows = rows
        let positions = Self.positions(of: rows)
        self.positions = positions
        self.fieldCodes = Self.fieldCodes(rows, positions)
    }

    private static func fieldCodes(_ rows: [ErrorRow], _ positions: [ErrorRow.ID: Int]) -> [(id: ErrorRow.ID, code: String)] {
        [ErrorRow.ID.fieldInvalid, .fieldRequired, .fieldEmpty, .fieldTooLong, .multipleFieldValidations].compactMap { id in
            positions[id].map { (id, rows[$0].code) }
        }
    }

    private static func positions(of rows: [ErrorRow]) -> [ErrorRow.ID: Int] {
        var positions: [ErrorRow.ID: Int] = [:]
        for (position, row) in rows.enumerated() where positions[row.id] == nil { positions[row.id] = position }
        return positions
    }

    private enum CodingKeys: String, CodingKey { case rows }

    public init(from decoder: any Decoder) throws {
        self.init(rows: try decoder.container(keyedBy: CodingKeys.self).decode([ErrorRow].self, forKey: .rows))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(rows, forKey: .rows)
    }

    public static func == (lhs: Self, rhs: Self) -> Bool { lhs.rows == rhs.rows }
    public func hash(into hasher: inout Hasher) { hasher.combine(rows) }

    public static let documented = ErrorCatalog()

    /// The row with `id`. Every `ErrorRow.ID` constant has a documented row (a test checks it); an id a custom
    /// catalog lacks gives its internal-server-error row, or a generic 500, rather than trapping.
    public subscript(id: ErrorRow.ID) -> ErrorRow {
        if let position = positions[id] { return rows[position] }
        return positions[.internalServerError].map { rows[$0] } ?? Self.missingRow(id)
    }

    /// `self[id].code`, without copying the row.
    public func code(_ id: ErrorRow.ID) -> String {
        for entry in fieldCodes where entry.id == id { return entry.code }
        if let position = positions[id] ?? positions[.internalServerError] { return rows[position].code }
        return Self.missingRow(id).code
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
