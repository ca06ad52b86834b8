import Foundation
import LearningContract
import LearningHTTP

/// Per-request values every response needs: the ids of `innerError` and the headers, the API version,
/// the base URL of contexts, whether unknown enum members may be shown, and injected latency.
struct RequestContext {
    let request: HTTPRequest
    /// A fresh GUID per request (learn.microsoft.com/graph/errors, Error resource type, innerError request-id).
    let requestID: String
    /// Echoed from the request's `client-request-id` header; when absent, the request id (as Graph does).
    let clientRequestID: String
    /// `Prefer: include-unknown-enum-members` (graph.microsoft.com/v1.0/$metadata, EnumType assignmentType and courseStatus; learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row assignmentType (Prefer: include-unknown-enum-members)).
    let includeUnknownEnumMembers: Bool
    var version: APIVersion = .v1
    var base = ""
    var delay: Duration?

    let headers: RequestHeaders

    init(request: HTTPRequest, requestID: String) {
        self.request = request
        self.headers = RequestHeaders(request.headers)
        self.requestID = requestID
        self.clientRequestID = headers.clientRequestID ?? requestID
        self.includeUnknownEnumMembers = headers.includeUnknownEnumMembers
    }

    /// `date` of `innerError`: UTC, seconds, no zone suffix (learn.microsoft.com/graph/errors, Error resource type example `2021-07-02T01:40:19`).
    static func innerErrorDate(_ date: Date = Date()) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))"
    }
}
