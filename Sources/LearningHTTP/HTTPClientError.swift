/// Why `HTTPClient.send` produced no response.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    case invalidURL(String)
    case connectionRefused(String)
    case timedOut
    case connectionReset
    case malformedResponse(String)
    /// The response exceeded the configured limit (the associated value is that limit in bytes).
    case responseTooLarge(Int)
    /// An `https://` origin with which no TLS session could be set up: the server does not speak TLS (plain HTTP on
    /// that port, or something else), its certificate is not trusted, or the CA file can't be used. The message
    /// says which, in libcurl's words, and what to do.
    case notTLS(String)
    case other(String)

    public var description: String {
        switch self {
        case .invalidURL(let url): "invalid URL: \(url)"
        case .connectionRefused(let address): "connection refused: \(address)"
        case .timedOut: "timed out"
        case .connectionReset: "connection reset by peer"
        case .malformedResponse(let reason): "malformed response: \(reason)"
        case .responseTooLarge(let limit): "response larger than \(limit) bytes"
        case .notTLS(let reason): reason
        case .other(let reason): reason
        }
    }
}
