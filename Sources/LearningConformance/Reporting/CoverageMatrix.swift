import LearningContract

/// Which fixtures exercise which documented error row on which operation, and which documented endpoint:
/// `learning-contract conform --coverage`. A row counts as covered on an operation only when a step of that
/// operation expects it: (error row x operation) pairs, so faults exercised only on GET do not cover POST.
/// Pairs, rows and operations with no fixture are flagged.
public struct CoverageMatrix: Sendable, Hashable, Codable {
    public struct Entry: Sendable, Hashable, Codable {
        public var id: String
        /// `404 notFound` for rows, `GET /me/...` for operations.
        public var summary: String
        public var scenarios: [String]
        public var isCovered: Bool { !scenarios.isEmpty }
    }

    /// The documented endpoints, by the names fixtures use in `operation` (`APIEndpoint.documented`, of the table the OpenAPI
    /// export is built from), with their method and path.
    public static let specOperations: [(id: String, summary: String)] = APIEndpoint.documented.map { endpoint in
        (endpoint.id, endpoint.method.uppercased() + " " + endpoint.path)
    }

    public var rows: [Entry]
    public var operations: [Entry]
    /// One entry per documented (row, contract operation) pair: id `row x operation`.
    public var pairs: [Entry]

    /// The contract operation of a fixture's `operation` name (an `APIEndpoint` id such as `getMyActivity`).
    static let contractOperation: [String: Operation] = Dictionary(
        APIEndpoint.all.map { ($0.id, $0.operation) }, uniquingKeysWith: { first, _ in first })

    public init(rows book: RowBook, scenarios: [Scenario], catalog: ErrorCatalog = .documented) {
        rows = book.rows.map { row in
            Entry(id: row.id, summary: "\(row.status) \(row.code)",
                  scenarios: scenarios.filter { $0.errorRows.contains(row.id) }.map(\.id))
        }
        var pairs: [Entry] = []
        for row in book.rows {
            let operations = catalog.rows.first { $0.id.rawValue == row.id }?.operations ?? []
            for operation in operations {
                let covering = scenarios.filter { scenario in
                    scenario.steps.contains { step in
                        step.expect.rowsReferenced.contains(row.id)
                            && step.operation.flatMap { Self.contractOperation[$0] ?? Operation(rawValue: $0) } == operation
                    }
                }
                pairs.append(Entry(id: "\(row.id) x \(operation.rawValue)", summary: "\(row.status) \(row.code)",
                                   scenarios: covering.map(\.id)))
            }
        }
        self.pairs = pairs
        operations = Self.specOperations.map { operation in
            Entry(id: operation.id, summary: operation.summary,
                  scenarios: scenarios.filter { $0.operations.contains(operation.id) }.map(\.id))
        }
    }

    public var uncoveredRows: [String] { rows.filter { !$0.isCovered }.map(\.id) }
    public var uncoveredOperations: [String] { operations.filter { !$0.isCovered }.map(\.id) }
    public var uncoveredPairs: [String] { pairs.filter { !$0.isCovered }.map(\.id) }

    /// The matrix as text: one line per row with its fixture count and the first fixtures, `NO FIXTURE` flagged.
    public func text(maxNames: Int = 4) -> String {
        func section(_ title: String, _ entries: [Entry]) -> [String] {
            let width = entries.map(\.id.count).max() ?? 0
            var lines = [title]
            for entry in entries {
                let name = entry.id.padding(toLength: width, withPad: " ", startingAt: 0)
                let names = entry.scenarios.prefix(maxNames).joined(separator: ", ")
                    + (entry.scenarios.count > maxNames ? ", +\(entry.scenarios.count - maxNames) more" : "")
                let fixtures = entry.isCovered ? "\(entry.scenarios.count) fixture\(entry.scenarios.count == 1 ? "" : "s"): \(names)" : "NO FIXTURE"
                lines.append("  \(name)  \(entry.summary)  \(fixtures)")
            }
            return lines
        }
        var lines = section("Error rows x fixtures", rows)
        lines.append("")
        lines += section("Endpoints x fixtures", operations)
        lines.append("")
        lines += section("(Error row x operation) pairs x fixtures", pairs)
        lines.append("")
        lines.append("coverage: \(pairs.count - uncoveredPairs.count)/\(pairs.count) (error row x operation) pairs, "
            + "\(rows.count - uncoveredRows.count)/\(rows.count) error rows, "
            + "\(operations.count - uncoveredOperations.count)/\(operations.count) operations"
            + (uncoveredRows.isEmpty ? "" : "; rows without a fixture: " + uncoveredRows.joined(separator: ", ")))
        return lines.joined(separator: "\n") + "\n"
    }
}
