/// One mismatch between a response and its fixture: what a reader needs to act on it.
public struct Deviation: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case status, header, body
        /// The body is not JSON, or not the JSON shape expected.
        case malformedBody
        /// A member the fixture expects is missing.
        case missing
        /// A member the fixture does not name (reported under `--strict` only).
        case extraField
        /// A documented variant (reported under `--strict` only; a note otherwise).
        case variant
        /// The connection failed, reset, or returned a malformed or oversized response.
        case transport
        /// A value a later step needs was not captured.
        case capture
        /// The step stayed throttled past `--max-retry-wait`, and its fixture expected throttling to count.
        case throttled
        /// The step or its scenario ran past its deadline (`--step-timeout`, `--scenario-timeout`), comparing included.
        case deadline
    }

    public var kind: Kind
    public var scenario: String
    /// 1-based step number and its name.
    public var step: Int
    public var stepName: String
    /// `status`, `header Retry-After`, or a JSON pointer into the body (`/error/code`).
    public var pointer: String
    /// JSON text of the expectation (or a description of the matcher).
    public var expected: String
    /// JSON text of what came back (`(absent)` when missing).
    public var actual: String
    /// The documented error row the step expects, when there is one.
    public var row: String?
    /// Where the expectation comes from (doc page, table row; or the ambiguity id for variants).
    public var source: String?
    /// A `curl` command reproducing the request, Authorization redacted.
    public var curl: String

    public init(
        kind: Kind, scenario: String, step: Int, stepName: String, pointer: String, expected: String, actual: String,
        row: String? = nil, source: String? = nil, curl: String = ""
    ) {
        self.kind = kind; self.scenario = scenario; self.step = step; self.stepName = stepName
        self.pointer = pointer; self.expected = expected; self.actual = actual
        self.row = row; self.source = source; self.curl = curl
    }
}

/// A response that took a documented variant (older code casing, other key spelling, unquoted key...).
public struct VariantHit: Sendable, Hashable, Codable {
    public var scenario: String
    public var step: Int
    public var pointer: String
    /// The canonical (newest docs) value.
    public var canonical: String
    /// What the target returned.
    public var actual: String
    public var row: String?
    public var ambiguity: String?

    public init(scenario: String, step: Int, pointer: String, canonical: String, actual: String, row: String? = nil, ambiguity: String? = nil) {
        self.scenario = scenario; self.step = step; self.pointer = pointer
        self.canonical = canonical; self.actual = actual; self.row = row; self.ambiguity = ambiguity
    }
}
