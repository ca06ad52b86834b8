/// Where a fact comes from: a documentation page (by the labels of spec section 0.1), the place on it,
/// and the section of `graph-spec.md` that restates it; or `assumed` where the docs are silent.
public struct Source: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Page label from spec 0.1 (`CREATE-v1`, `CSDL-v1`, `UPDATE-v1`…), or `assumed`.
    public var page: String
    /// The table and row, paragraph or example on that page.
    public var location: String
    /// Section of `graph-spec.md` that restates it (`5.1`, `9 #2`).
    public var spec: String?

    public init(_ page: String, _ location: String, spec: String? = nil) {
        self.page = page
        self.location = location
        self.spec = spec
    }

    /// A choice made where the docs say nothing; `why` says what it is based on.
    public static func assumed(_ why: String) -> Source { Source("assumed", why) }

    public var isAssumed: Bool { page == "assumed" }

    public var description: String {
        isAssumed ? "assumed: \(location)" : "\(page), \(location)" + (spec.map { " (spec \($0))" } ?? "")
    }
}
