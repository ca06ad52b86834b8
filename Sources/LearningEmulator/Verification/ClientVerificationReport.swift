/// What `serve --verify-clients` found: every judged request with its findings, in arrival order. Served by
/// `GET /_emulator/report` and written by `serve --report DIR` as text, JSON and JUnit.
public struct ClientVerificationReport: Codable, Sendable, Hashable {
    /// Requests judged (admin requests under `/_emulator` are not judged).
    public var requestsJudged: Int
    /// The judged requests kept (the first `ClientViolationLog.capacity`), in arrival order.
    public var requests: [ClientExchange]
    /// Requests judged after the log was full: counted, not kept.
    public var dropped: Int
    /// Violations in the dropped requests.
    public var droppedViolations: Int

    public init(requestsJudged: Int = 0, requests: [ClientExchange] = [], dropped: Int = 0, droppedViolations: Int = 0) {
        self.requestsJudged = requestsJudged
        self.requests = requests
        self.dropped = dropped
        self.droppedViolations = droppedViolations
    }

    public var violationCount: Int { requests.reduce(droppedViolations) { $0 + $1.violations.count } }
    public var warningCount: Int { requests.reduce(0) { $0 + $1.warnings.count } }
    /// Whether no kept request broke the contract (warnings are allowed).
    public var isClean: Bool { violationCount == 0 }

    /// The requests of one `client-request-id`.
    public func requests(clientRequestID: String) -> [ClientExchange] {
        requests.filter { $0.clientRequestID == clientRequestID }
    }
}
