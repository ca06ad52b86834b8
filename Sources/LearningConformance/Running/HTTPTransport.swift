import Foundation
import LearningHTTP

/// How the runner reaches a target. `HTTPClientTransport` uses sockets; tests inject in-memory targets.
public protocol HTTPTransport: Sendable {
    /// Sends `request` (its target is a path and query) to the origin of `baseURL`.
    func send(_ request: HTTPRequest, to baseURL: URL, timeout: Duration?) async throws(HTTPClientError) -> HTTPResponse
}

/// The real network, through LearningHTTP's client.
public struct HTTPClientTransport: HTTPTransport {
    public let client: HTTPClient
    public init(client: HTTPClient = HTTPClient()) { self.client = client }
    public func send(_ request: HTTPRequest, to baseURL: URL, timeout: Duration?) async throws(HTTPClientError) -> HTTPResponse {
        try await client.send(request, to: baseURL, timeout: timeout)
    }
}

/// A target that is a function: no sockets, deterministic, for tests and deliberately wrong servers.
public struct InMemoryTransport: HTTPTransport {
    public typealias Handler = @Sendable (HTTPRequest) async throws(HTTPClientError) -> HTTPResponse
    public let handler: Handler
    public init(handler: @escaping Handler) { self.handler = handler }
    public func send(_ request: HTTPRequest, to baseURL: URL, timeout: Duration?) async throws(HTTPClientError) -> HTTPResponse {
        try await handler(request)
    }
}
