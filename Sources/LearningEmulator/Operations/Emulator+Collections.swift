import Foundation
import LearningContract
import LearningHTTP

/// What the provider and content reads share: their query options, paging and rendering.
extension Emulator {
    /// The properties `$select` may name on the entity an operation reads, or `nil` for activity operations
    /// (whose options `QueryOptions` parses against the activity properties).
    func entityProperties(_ operation: Operation) -> [String]? {
        switch operation {
        case .listProviders, .getProvider: StoredProvider.propertyNames
        case .listContents, .getContent:
            // RES-LC-v1's properties, as the contract's upsert body states them (`id` included).
            ["id"] + contract.rules.bodies(for: .upsertContent).flatMap { $0.fields.map(\.name) }.filter { $0 != "id" }
        default: nil
        }
    }

    /// `$select` checked against `names` (exact, as OData property names are; `*` selects all); every other
    /// option goes to `QueryOptions`, so `$top`, `$skip` and `$count` behave as on the activity list.
    static func entityOptions(_ query: Substring?, version: APIVersion, isList: Bool, names: [String]) -> Result<QueryOptions, QueryOptions.Failure> {
        guard let query, !query.isEmpty else { return .success(QueryOptions()) }
        var rest: [Substring] = []
        var select: [String]?
        for pair in query.split(separator: "&") {
            let eq = pair.firstIndex(of: "=")
            let rawName = eq.map { pair[..<$0] } ?? pair
            guard let name = RouteParser.percentDecode(Array(rawName.utf8))?.lowercased(),
                  name == "$select" || (version == .beta && name == "select") else {
                rest.append(pair)
                continue
            }
            let rawValue = eq.map { pair[pair.index(after: $0)...] } ?? ""
            guard let value = RouteParser.percentDecode(Array(rawValue.utf8)) else { return .failure(.invalid("$select")) }
            var selected: [String] = []
            for item in value.split(separator: ",", omittingEmptySubsequences: false).map({ String($0.trimmingSpaces()) }) {
                if item == "*" { selected = names; break }
                guard names.contains(item) else { return .failure(.invalid("$select")) }
                if !selected.contains(item) { selected.append(item) }
            }
            select = selected
        }
        let remaining = rest.joined(separator: "&")
        switch QueryOptions.parse(remaining.isEmpty ? nil : remaining[...], version: version, isList: isList) {
        case .failure(let failure): return .failure(failure)
        case .success(var options):
            options.select = select
            return .success(options)
        }
    }

    /// `id` and the selected members (in the entity's order), or the whole object without `$select`.
    static func selecting(_ object: JSONObject, _ select: [String]?) -> JSONObject {
        guard let select else { return object }
        return JSONObject(object.members.filter { $0.key == "id" || select.contains($0.key) })
    }

    /// A page of a collection with `@odata.context`, `@odata.count` (with `$count=true`) and `@odata.nextLink`
    /// (server-driven paging with `$skip`), the way the activity list pages (learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, example response (@odata.context, @odata.nextLink)).
    /// `path` is the collection's path after the version, for the next link.
    func collectionResponse(_ items: [JSONObject], contextURL: String, path: String, options: QueryOptions,
                            _ context: RequestContext) -> HTTPResponse {
        let total = items.count
        let start = min(options.skip ?? 0, total)
        let end = min(total, start + min(options.top ?? Int.max, max(1, configuration.pageSize)))
        var result = JSONObject()
        var collectionContext = contextURL
        if let select = options.select { collectionContext += "(" + select.joined(separator: ",") + ")" }
        result["@odata.context"] = .string(collectionContext)
        if options.count { result["@odata.count"] = .number(JSONNumber(total)) }
        let remainingWanted = options.top.map { $0 - (end - start) }
        if end < total, remainingWanted ?? 1 > 0 {
            result["@odata.nextLink"] = .string(context.base + path + "?" + options.queryString(skip: end, top: remainingWanted))
        }
        result["value"] = .array(items[start..<end].map { object in
            var presentedObject = JSONObject()
            for member in Self.selecting(object, options.select).members {
                presentedObject.members.append(.init(key: member.key, value: presented(member.key, member.value, context)))
            }
            return .object(presentedObject)
        })
        return response(200, body: JSONWriter.bytes(of: .object(result)), context, preferenceApplied: true)
    }

    /// A path segment for a next link: the id percent-encoded.
    static func pathSegment(_ id: String) -> String {
        id.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed.subtracting(["/"])) ?? id
    }
}
