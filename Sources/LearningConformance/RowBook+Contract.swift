import LearningContract

extension RowBook {
    /// The contract's error catalog (spec 5.1-5.5, 6.6, 6.7; assumed Graph-wide rows of 7.1) as the runner
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
