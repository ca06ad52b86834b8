import Foundation
import LearningContract

/// How a run is done. Not Codable on purpose: it may hold credentials, which must never be written out.
public struct ConformanceConfiguration: Sendable {
    /// Base URL including the version segment: `http://127.0.0.1:8080/v1.0`.
    public var baseURL: URL
    /// The target's Pact-style state-change URL (`--state-url`): provider states are `POST`ed there as
    /// `{"state", "params", "action"}`. `nil`: the emulator's `{origin}/_emulator/provider-states` when the
    /// target is the emulator, otherwise scenarios that need operator state are skipped.
    public var stateURL: URL?
    /// The ids the user supplies about the target (`--target FILE`); fresh tenants use `freshTenant`'s.
    public var profile: TargetProfile
    /// What a fresh tenant of a target with test state holds (the emulator's: `FreshTenantWorld.emulator`, from
    /// `LearningEmbeddedEmulator`). `nil`: fresh tenants keep whatever the target seeds, with `profile`'s ids.
    public var freshTenant: FreshTenantWorld?
    /// Unique per run: `{{unique}}` is `{runID}-{scenario id}`, so every resource a run creates carries an
    /// external id no other run or scenario uses.
    public var runID: String
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
    /// Documented alternative member spellings (ambiguity externalCourseActivityIdSpelling): canonical -> variants.
    public var keySpellings: [String: [String]]
    /// Response members the docs define; under `--strict`, others are extra fields.
    public var documentedMembers: Set<String>
    /// Deadline of one step: every send, Retry-After wait, parse and comparison of it (`--step-timeout`).
    public var stepTimeout: Duration = .seconds(60)
    /// Deadline of one scenario, its state set-up included (`--scenario-timeout`).
    public var scenarioTimeout: Duration = .seconds(300)
    /// Total Retry-After waiting the whole run may spend (`--throttle-budget`); past it, the throttled step stops
    /// its scenario and the scenarios not started yet are reported "throttled out" (exit 3).
    public var throttleBudget: Duration = .seconds(60)
    /// Headers added to every request to the target (`-H 'Name: value'`), unless the step sets the same name.
    public var extraHeaders: [(name: String, value: String)] = []
    /// Most requests per second to the target (`--rate-limit N/s`); nil: as fast as the scenarios go.
    public var requestsPerSecond: Double?

    public init(
        baseURL: URL, stateURL: URL? = nil, strict: Bool = false, concurrency: Int = 4,
        requestTimeout: Duration = .seconds(10), maxRetryWait: Duration = .seconds(10),
        credentials: [String: String] = [:], mintTestTokens: Bool? = nil,
        profile: TargetProfile = TargetProfile(), freshTenant: FreshTenantWorld? = nil, runID: String = ConformanceConfiguration.newRunID(),
        roles: RoleCatalog, rows: RowBook,
        keySpellings: [String: [String]] = ConformanceConfiguration.documentedKeySpellings,
        documentedMembers: Set<String> = DocumentedMembers.all
    ) {
        self.baseURL = baseURL; self.stateURL = stateURL; self.strict = strict
        self.concurrency = max(1, concurrency); self.requestTimeout = requestTimeout; self.maxRetryWait = maxRetryWait
        self.credentials = credentials; self.mintTestTokens = mintTestTokens
        self.profile = profile; self.freshTenant = freshTenant; self.runID = runID
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

    /// Values of `extraHeaders` that are credentials (by name or by look), scrubbed from every output.
    public var extraHeaderSecrets: [String] {
        extraHeaders.filter { Redactor.isSecretHeader(name: $0.name, value: $0.value) }.map(\.value)
    }

    /// Each property the docs spell two ways (the contract's type model), both ways round: a fixture may name either
    /// spelling, and a response carrying the other one is a variant hit.
    public static let documentedKeySpellings: [String: [String]] = Dictionary(
        TypeModel.documented.flatMap(\.properties).flatMap { property in
            property.metadataName.map { [(property.name, [$0]), ($0, [property.name])] } ?? []
        },
        uniquingKeysWith: { first, _ in first })

    /// The emulator's admin endpoint (`Conformance/STATE.md`), which takes whole state documents.
    public var adminURL: URL { origin.appendingPathComponent(ProviderStateCatalog.adminPrefix) }

    /// A short random id for `runID`: 8 lowercase hex digits after `lc`.
    public static func newRunID() -> String {
        "lc" + String(UInt32.random(in: 0...UInt32.max), radix: 16).leftPadded(to: 8)
    }

    /// Credentials from `LEARNING_CONTRACT_TOKEN_<ROLE>` variables, for every role of the catalog.
    public static func credentials(from environment: [String: String], roles: RoleCatalog) -> [String: String] {
        var found: [String: String] = [:]
        for role in roles.roles {
            if let value = environment[role.environmentVariable], !value.isEmpty { found[role.name] = value }
        }
        return found
    }
}

extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}
