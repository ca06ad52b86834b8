/// What the runner needs to know about one documented error row (spec 5.1-5.5, 6.6, 6.7, 7.1):
/// taken from the contract's `ErrorCatalog`, so fixtures name rows instead of repeating messages.
public struct ErrorRowSpec: Sendable, Hashable, Codable {
    public var id: String
    public var status: Int
    /// Canonical `error.code` (newest docs).
    public var code: String
    /// Canonical message template with `{slot}` placeholders.
    public var messageTemplate: String
    /// Documented older spellings of the code (spec 9 #8), accepted and reported as variants.
    public var codeVariants: [String]
    /// Documented older wordings of the message (spec 9 #10, #12; R11), accepted and reported as variants.
    public var messageVariants: [String]
    /// The spec 9 ambiguity behind the message variants (`notFoundWording`), when one is named.
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
