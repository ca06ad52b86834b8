import LearningContract

/// The endpoints a running emulator serves, by version, path template and method: `APIEndpoint.served(in:configuration:)`.
/// Routing answers from it and nowhere else, so the emulator serves exactly the endpoint table the OpenAPI lists,
/// and a 405's `Allow` names exactly the table's methods for the path.
struct EndpointTable: Sendable {
    private let byVersion: [APIVersion: [String: [String: APIEndpoint]]]

    init(configuration: ContractConfiguration) {
        var table: [APIVersion: [String: [String: APIEndpoint]]] = [:]
        for version in APIVersion.allCases {
            for endpoint in APIEndpoint.served(in: version, configuration: configuration) {
                table[version, default: [:]][endpoint.path, default: [:]][endpoint.httpMethod] = endpoint
            }
        }
        byVersion = table
    }

    /// The endpoint a method invokes on a route; HEAD invokes what GET invokes (RFC 9110 §9.3.2).
    func endpoint(_ route: Route, method: String, version: APIVersion) -> APIEndpoint? {
        guard let template = route.template else { return nil }
        return byVersion[version]?[template]?[method == "HEAD" ? "GET" : method]
    }

    /// The methods the route's path supports, for the `Allow` header of a 405 (RFC 9110 §15.5.6 and §10.2.1):
    /// the table's, plus HEAD wherever GET is served.
    func allowedMethods(_ route: Route, version: APIVersion) -> [String] {
        guard let template = route.template, let methods = byVersion[version]?[template] else { return [] }
        return Self.order.filter { methods[$0 == "HEAD" ? "GET" : $0] != nil }
    }

    /// The order `Allow` lists methods in.
    static let order = ["GET", "HEAD", "POST", "PATCH", "DELETE"]
}
