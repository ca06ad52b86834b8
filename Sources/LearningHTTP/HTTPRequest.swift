/// One HTTP/1.1 request, as parsed by the server or as sent by the client.
public struct HTTPRequest: Sendable, Hashable {
    /// The method token exactly as sent (`GET`, `PATCH`; methods are case-sensitive, RFC 9110 9.1).
    public var method: String
    /// The raw request-target (`/v1.0/me/employeeExperience/learningCourseActivities?$top=2`), not decoded.
    public var target: String
    public var headers: HTTPHeaders
    public var body: [UInt8]

    public init(method: String, target: String, headers: HTTPHeaders = [:], body: [UInt8] = []) {
        self.method = method
        self.target = target
        self.headers = headers
        self.body = body
    }

    /// The target before `?`, still percent-encoded.
    public var path: Substring { target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? "" }

    /// The target after the first `?`, still percent-encoded; `nil` when there is none.
    public var query: Substring? {
        guard let i = target.firstIndex(of: "?") else { return nil }
        return target[target.index(after: i)...]
    }
}
