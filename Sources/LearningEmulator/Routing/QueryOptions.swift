import LearningContract

/// The OData system query options this API documents (learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0 and learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, Optional query parameters; learn.microsoft.com/graph/query-parameters, OData system query options): `$select` on every GET; `$top`, `$skip`
/// and `$count` on lists. Other `$` options are refused with 400 `invalidQueryOption`; options without `$`
/// are ignored on v1.0 and read as system options on beta, where the prefix is optional (learn.microsoft.com/graph/query-parameters, OData system query options).
struct QueryOptions: Sendable, Hashable {
    var select: [String]?
    var top: Int?
    var skip: Int?
    var count: Bool = false

    enum Failure: Error, Hashable {
        /// The option to name in the error message, e.g. `$top`.
        case invalid(String)
    }

    static func parse(_ query: Substring?, version: APIVersion, isList: Bool) -> Result<QueryOptions, Failure> {
        var options = QueryOptions()
        guard let query, !query.isEmpty else { return .success(options) }
        for pair in query.split(separator: "&") {
            let eq = pair.firstIndex(of: "=")
            let rawName = eq.map { pair[..<$0] } ?? pair
            let rawValue = eq.map { pair[pair.index(after: $0)...] } ?? ""
            guard let name = decode(rawName), let value = decode(rawValue) else { return .failure(.invalid(String(rawName))) }
            var option = name.lowercased()
            if !option.hasPrefix("$") {
                guard version == .beta, ["select", "top", "skip", "count", "filter", "orderby", "expand", "search"].contains(option) else { continue }
                option = "$" + option
            }
            let display = "$" + option.dropFirst()
            switch option {
            case "$select":
                let names = value.split(separator: ",", omittingEmptySubsequences: false).map { String($0.trimmingSpaces()) }
                guard !names.isEmpty, !names.contains(where: \.isEmpty) else { return .failure(.invalid(display)) }
                var selected: [String] = []
                for name in names {
                    if name == "*" { selected = ActivityType.allProperties; break }
                    let canonical = ActivityType.canonicalName(name)
                    guard ActivityType.selectable.contains(ExactKey(canonical)) else { return .failure(.invalid(display)) }
                    if !selected.contains(where: { ExactKey.same($0, canonical) }) { selected.append(canonical) }
                }
                options.select = selected
            case "$top", "$skip":
                guard isList, let number = Self.nonNegativeInteger(value) else { return .failure(.invalid(display)) }
                if option == "$top" { options.top = number } else { options.skip = number }
            case "$count":
                guard isList else { return .failure(.invalid(display)) }
                switch value.lowercased() {
                case "true": options.count = true
                case "false": options.count = false
                default: return .failure(.invalid(display))
                }
            default:
                return .failure(.invalid(display))
            }
        }
        return .success(options)
    }

    /// `1*DIGIT` (OData ABNF for `$top` and `$skip`: no sign, no exponent) that fits in `Int`; `nil` otherwise.
    static func nonNegativeInteger(_ text: String) -> Int? {
        guard !text.isEmpty else { return nil }
        var value = 0
        for byte in text.utf8 {
            guard byte >= 48 && byte <= 57 else { return nil }
            let (shifted, overflowShift) = value.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdd) = shifted.addingReportingOverflow(Int(byte - 48))
            if overflowShift || overflowAdd { return nil }
            value = sum
        }
        return value
    }

    /// Query values are percent-encoded; `+` stays `+` (RFC 3986, not form encoding).
    private static func decode(_ text: Substring) -> String? {
        RouteParser.percentDecode(Array(text.utf8))
    }

    /// The options again, for `@odata.nextLink` (with a new `$skip` and the remaining `$top`).
    func queryString(skip: Int, top: Int?) -> String {
        var parts: [String] = []
        if let select { parts.append("$select=" + select.joined(separator: ",")) }
        if let top { parts.append("$top=\(top)") }
        if count { parts.append("$count=true") }
        parts.append("$skip=\(skip)")
        return parts.joined(separator: "&")
    }
}
