import Foundation
import LearningContract
import LearningHTTP

/// Per-request values every response needs: the ids of `innerError` and the headers, the API version,
/// the base URL of contexts, whether unknown enum members may be shown, and injected latency.
struct RequestContext {
    let request: HTTPRequest
    /// A fresh GUID per request (spec 7.1 `request-id`).
    let requestID: String
    /// Echoed from the request's `client-request-id` header; when absent, the request id (as Graph does).
    let clientRequestID: String
    /// `Prefer: include-unknown-enum-members` (spec 4.5, 7.6).
    let includeUnknownEnumMembers: Bool
    var version: APIVersion = .v1
    var base = ""
    var delay: Duration?

    init(request: HTTPRequest) {
        self.request = request
        self.requestID = UUID().uuidString.lowercased()
        self.clientRequestID = request.headers["client-request-id"] ?? requestID
        self.includeUnknownEnumMembers = request.headers.values(for: "Prefer").contains { value in
            value.split(separator: ",").contains { $0.trimmingSpaces().lowercased() == "include-unknown-enum-members" }
        }
    }

    /// `date` of `innerError`: UTC, seconds, no zone suffix (spec 7.1 example `2021-07-02T01:40:19`).
    static func innerErrorDate(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}
