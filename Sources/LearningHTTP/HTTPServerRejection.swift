/// Why the server refused a request before any handler saw it: 400 malformed, 408 too slow, 413 body too large,
/// 431 head too large, 501 unsupported transfer coding, 503 too many connections, 505 unsupported version.
public struct HTTPServerRejection: Error, Sendable, Hashable {
    public var status: Int
    public var reason: String
    public init(status: Int, reason: String) {
        self.status = status
        self.reason = reason
    }
}
