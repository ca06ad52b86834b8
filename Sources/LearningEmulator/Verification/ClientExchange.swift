/// One request judged by `serve --verify-clients`: who sent it (its `client-request-id`), what it was, what the
/// emulator answered, and the findings.
public struct ClientExchange: Codable, Sendable, Hashable {
    /// The request's `client-request-id` header, or the emulator's `request-id` when the client sent none.
    public var clientRequestID: String
    /// Whether the client sent its own `client-request-id`.
    public var clientSentID: Bool
    public var method: String
    /// The path and query as sent.
    public var target: String
    /// The status the emulator answered with.
    public var status: Int
    public var findings: [ClientFinding]

    public init(clientRequestID: String, clientSentID: Bool, method: String, target: String, status: Int, findings: [ClientFinding]) {
        self.clientRequestID = clientRequestID
        self.clientSentID = clientSentID
        self.method = method
        self.target = target
        self.status = status
        self.findings = findings
    }

    public var violations: [ClientFinding] { findings.filter { $0.severity == .violation } }
    public var warnings: [ClientFinding] { findings.filter { $0.severity == .warning } }
}
