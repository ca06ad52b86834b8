/// Where a fact comes from: a documentation page (by its `DocumentationPage` label) and the place on it,
/// or `assumed` where the docs are silent.
public struct Source: Codable, Sendable, Hashable, CustomStringConvertible {
    /// Label of a `DocumentationPage` (`CREATE-v1`, `CSDL-v1`, `UPDATE-v1`…), or `assumed`.
    public var page: String
    /// The table and row, paragraph or example on that page.
    public var location: String

    public init(_ page: String, _ location: String) {
        self.page = page
        self.location = location
    }

    /// A choice made where the docs say nothing; `why` says what it is based on.
    public static func assumed(_ why: String) -> Source { Source("assumed", why) }

    public var isAssumed: Bool { page == "assumed" }

    /// The public address of the page (`learn.microsoft.com/graph/api/…`), nil for `assumed` or an unknown label.
    public var address: String? { DocumentationPage.address(of: page) }

    /// The page's public address and the location on it, with any other page the location names by label
    /// (`also UPDATE-v1`) given by its address too; the label itself only if no page has it.
    public var description: String {
        let location = DocumentationPage.citing(location)
        return isAssumed ? "assumed: \(location)" : "\(address ?? page), \(location)"
    }

    private enum CodingKeys: String, CodingKey { case page, location, address }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        page = try container.decode(String.self, forKey: .page)
        location = try container.decode(String.self, forKey: .location)
    }

    /// Exports carry the public address beside the label, so a reader of `Schemas/` needs no table.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(page, forKey: .page)
        try container.encode(location, forKey: .location)
        try container.encodeIfPresent(address, forKey: .address)
    }
}
