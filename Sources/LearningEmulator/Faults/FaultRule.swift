import Foundation
import LearningContract

/// A fault to inject on demand, deterministically: on every `every`-th request that matches `operation` and
/// `method`, at most `times` times. A rule with a `status` answers with that error (429 and 503 carry
/// `Retry-After`); a rule with only `latencyMs` delays the normal response.
public struct FaultRule: Sendable, Hashable, Codable {
    /// An `Operation` raw value (`createActivity`) or `*`.
    public var operation: String
    /// An HTTP method or `*`.
    public var method: String
    /// 429, 503, 500 (or any 4xx/5xx the catalog has a row for); `nil` = latency only.
    public var status: Int?
    /// `Retry-After` in seconds for 429/503 (learn.microsoft.com/graph/throttling, Best practices to handle throttling (Retry-After in seconds)); the message says ceil(seconds/60) minutes (ambiguity #11).
    public var retryAfterSeconds: Int?
    public var latencyMs: Int?
    public var every: Int
    /// `nil` = unlimited.
    public var times: Int?

    public init(operation: String = "*", method: String = "*", status: Int? = nil, retryAfterSeconds: Int? = nil,
                latencyMs: Int? = nil, every: Int = 1, times: Int? = nil) {
        self.operation = operation
        self.method = method
        self.status = status
        self.retryAfterSeconds = retryAfterSeconds
        self.latencyMs = latencyMs
        self.every = every
        self.times = times
    }

    enum CodingKeys: String, CodingKey { case operation, method, status, retryAfterSeconds, latencyMs, every, times }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(operation: try c.decodeIfPresent(String.self, forKey: .operation) ?? "*",
                  method: try c.decodeIfPresent(String.self, forKey: .method) ?? "*",
                  status: try c.decodeIfPresent(Int.self, forKey: .status),
                  retryAfterSeconds: try c.decodeIfPresent(Int.self, forKey: .retryAfterSeconds),
                  latencyMs: try c.decodeIfPresent(Int.self, forKey: .latencyMs),
                  every: try c.decodeIfPresent(Int.self, forKey: .every) ?? 1,
                  times: try c.decodeIfPresent(Int.self, forKey: .times))
        if let problem = problem { throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: problem)) }
    }

    /// Why the rule cannot be used, or `nil`.
    var problem: String? {
        if operation != "*", Operation(rawValue: operation) == nil { return "unknown operation '\(operation)'" }
        if every < 1 { return "every must be at least 1" }
        if let times, times < 0 { return "times must not be negative" }
        if let status, !(400...599).contains(status) { return "status must be 4xx or 5xx, got \(status)" }
        if status == nil && latencyMs == nil { return "a fault needs a status or latencyMs" }
        if let latencyMs, !(0...60_000).contains(latencyMs) { return "latencyMs must be in 0...60000" }
        if let retryAfterSeconds, !(0...86_400).contains(retryAfterSeconds) { return "retryAfterSeconds must be in 0...86400 (a day)" }
        return nil
    }

    /// Parses the `--fault` flag form: `OPERATION[:STATUS][:key=value]…` with keys `every`, `times`, `method`,
    /// `retry-after` (seconds) and `latency` (ms). Example: `createActivity:429:every=3:retry-after=2`.
    public init(flag: String) throws(EmulatorConfigurationError) {
        let parts = flag.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty else { throw .invalidFault(flag, "missing operation") }
        self.init(operation: first)
        for part in parts.dropFirst() {
            if let eq = part.firstIndex(of: "=") {
                let key = part[..<eq].lowercased(), value = String(part[part.index(after: eq)...])
                switch key {
                case "method": method = value.uppercased()
                case "every", "times", "retry-after", "retryafter", "latency", "latencyms":
                    guard let number = Int(value) else { throw .invalidFault(flag, "'\(key)' needs an integer") }
                    switch key {
                    case "every": every = number
                    case "times": times = number
                    case "latency", "latencyms": latencyMs = number
                    default: retryAfterSeconds = number
                    }
                default: throw .invalidFault(flag, "unknown option '\(key)'")
                }
            } else if let number = Int(part), status == nil {
                status = number
            } else {
                throw .invalidFault(flag, "unexpected '\(part)'")
            }
        }
        if let problem { throw .invalidFault(flag, problem) }
    }

    func matches(operation: Operation, method: String) -> Bool {
        (self.operation == "*" || self.operation == operation.rawValue) && (self.method == "*" || self.method == method)
    }
}
