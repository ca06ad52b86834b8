/// Which error answers a request when several apply: the checks in the order they run. The docs never state a
/// precedence (ambiguity `checkPrecedence`). What they give: the order the error tables list their rows in
/// (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0,
/// "Responses" table: row 403 service plan first, the provider rows, then "Multiple field validations fail", then
/// the 403 provider/content row, then the 403 license row), and learn.microsoft.com/graph/errors, "HTTP status
/// codes" table, row 401 ("Required authentication information is either missing or not valid for the resource"),
/// which needs no path to be decided. So authentication comes before everything, the route included: an unknown
/// version segment answers 401 to a request without a valid token, as every other unknown segment does.
///
/// The emulator follows this value (its tests check every adjacent pair one request can trigger together); the
/// README's "Check order" line and the ambiguity's preferred reading are its `summary`.
public struct CheckOrder: Sendable, Hashable, Codable {
    /// One check, by what it refuses.
    public enum Check: String, Sendable, Hashable, Codable, CaseIterable {
        /// 401 `unauthenticated`: no token, or one that is not valid.
        case authentication
        /// 400 `resourceNotFoundForSegment`: an unknown version or path segment, or a malformed key.
        case route
        /// 405 `methodNotAllowed`.
        case method
        /// A fault injected on demand (emulator only).
        case fault
        /// 400 `invalidQueryOption` (reads).
        case queryOptions
        /// 415 `unsupportedMediaType` (writes).
        case mediaType
        /// 400 for a body that is not JSON.
        case malformedJSON
        /// 403: the token lacks the operation's permission.
        case permission
        /// 400 `registrationIdInvalid`.
        case providerRegistered
        /// 400 `providerNotEnabled`.
        case providerSyncEnabled
        /// 404: the addressed entity does not exist (get, update, delete).
        case notFound
        /// 400: field validation.
        case fields
        /// 403: the content does not belong to the provider.
        case providerContent
        /// 403: the learner has no premium licence.
        case license

        /// How the README and the ambiguity name the check.
        public var label: String {
            switch self {
            case .authentication: "401"
            case .route: "400 unknown segment"
            case .method: "405"
            case .fault: "injected faults"
            case .queryOptions: "400 query options"
            case .mediaType: "415"
            case .malformedJSON: "400 malformed JSON"
            case .permission: "403 scope"
            case .providerRegistered: "400 provider registered"
            case .providerSyncEnabled: "400 sync enabled"
            case .notFound: "404"
            case .fields: "400 fields"
            case .providerContent: "403 provider/content"
            case .license: "403 license"
            }
        }
    }

    public var checks: [Check]

    public init(_ checks: [Check]) {
        self.checks = checks
    }

    /// The order the emulator answers in, and the contract's preferred reading of `checkPrecedence`.
    public static let standard = CheckOrder([
        .authentication, .route, .method, .fault, .queryOptions, .mediaType, .malformedJSON,
        .permission, .providerRegistered, .providerSyncEnabled, .notFound, .fields, .providerContent, .license,
    ])

    /// `401 → 400 unknown segment → … → 403 license`.
    public var summary: String { checks.map(\.label).joined(separator: " → ") }

    /// Whether `earlier` answers before `later`.
    public func precedes(_ earlier: Check, _ later: Check) -> Bool {
        guard let a = checks.firstIndex(of: earlier), let b = checks.firstIndex(of: later) else { return false }
        return a < b
    }
}
