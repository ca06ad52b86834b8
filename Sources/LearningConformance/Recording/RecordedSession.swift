import Foundation
import LearningHTTP

/// What `learning-contract record` (or `import-har`) captured: the target, when, and each request with the
/// response it got, in order. Turned into fixtures by `FixtureWriter`; nothing in it is written as is.
public struct RecordedSession: Sendable, Hashable {
    public struct Exchange: Sendable, Hashable {
        public var request: HTTPRequest
        public var response: HTTPResponse
        /// How messages name it (`entry 3` of a HAR); `nil`: `exchange N`, its position in the session.
        public var label: String?
        public init(request: HTTPRequest, response: HTTPResponse, label: String? = nil) {
            self.request = request
            self.response = response
            self.label = label
        }
    }

    /// The target's URL as given to `record --target` (or the HAR's first request origin).
    public var target: String
    /// When the recording started.
    public var date: Date
    public var exchanges: [Exchange]
    /// Requests that got no response (the target reset the connection, timed out…), with the reason: reported,
    /// never written as steps.
    public var failures: [String]

    public init(target: String, date: Date = Date(), exchanges: [Exchange] = [], failures: [String] = []) {
        self.target = target
        self.date = date
        self.exchanges = exchanges
        self.failures = failures
    }

    /// `2026-11-29T19:50:00Z`.
    public var isoDate: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: date)
    }
}
