import Foundation

/// How a run is done. Not Codable on purpose: it may hold credentials, which must never be written out.
public struct ConformanceConfiguration: Sendable {
    /// Base URL including the version segment: `http://127.0.0.1:8080/v1.0`.
    public var baseURL: URL
    /// The target's state endpoint (world.md admin endpoint); `nil` = `{origin}/_emulator`.
    public var stateURL: URL?
    /// `--strict`: documented variants and extra response members fail the run.
    public var strict: Bool
    /// Scenarios run at the same time (each in its own tenant).
    public var concurrency: Int
    /// Per-request timeout.
    public var requestTimeout: Duration
    /// Longest total wait for Retry-After on one step before the step counts as throttled.
    public var maxRetryWait: Duration
    /// Credentials by role name (values without the `Bearer ` scheme), from flags or the environment.
    public var credentials: [String: String]
    /// `nil`: mint test tokens when the target's `/_emulator/info` says `testTokens: true`.
    public var mintTestTokens: Bool?
    /// The roles steps may name (`Conformance/roles.json`).
    public var roles: RoleCatalog
    /// The documented error rows (`errorRow` expectations, `variant` matchers).
    public var rows: RowBook
    /// Documented alternative member spellings (spec 9 #1): canonical -> variants.
    public var keySpellings: [String: [String]]
    /// Response members the docs define; under `--strict`, others are extra fields.
    public var documentedMembers: Set<String>

    public init(
        baseURL: URL, stateURL: URL? = nil, strict: Bool = false, concurrency: Int = 4,
        requestTimeout: Duration = .seconds(10), maxRetryWait: Duration = .seconds(10),
        credentials: [String: String] = [:], mintTestTokens: Bool? = nil,
        roles: RoleCatalog, rows: RowBook,
        keySpellings: [String: [String]] = ["externalCourseActivityId": ["externalcourseActivityId"]],
        documentedMembers: Set<String> = DocumentedMembers.all
    ) {
        self.baseURL = baseURL; self.stateURL = stateURL; self.strict = strict
        self.concurrency = max(1, concurrency); self.requestTimeout = requestTimeout; self.maxRetryWait = maxRetryWait
        self.credentials = credentials; self.mintTestTokens = mintTestTokens
        self.roles = roles; self.rows = rows; self.keySpellings = keySpellings
        self.documentedMembers = documentedMembers
    }

    /// `scheme://host:port` of the base URL.
    public var origin: URL {
        var components = URLComponents()
        components.scheme = baseURL.scheme
        components.host = baseURL.host
        components.port = baseURL.port
        return components.url ?? baseURL
    }

    public var resolvedStateURL: URL { stateURL ?? origin.appendingPathComponent("_emulator") }

    /// Credentials from `LEARNING_CONTRACT_TOKEN_<ROLE>` variables, for every role of the catalog.
    public static func credentials(from environment: [String: String], roles: RoleCatalog) -> [String: String] {
        var found: [String: String] = [:]
        for role in roles.roles {
            if let value = environment[role.environmentVariable], !value.isEmpty { found[role.name] = value }
        }
        return found
    }
}
