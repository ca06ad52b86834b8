import Dispatch
import Foundation
import LearningContract
import LearningHTTP

/// `learning-contract record`: a forwarding proxy on a local port. Each request is forwarded to the target (http
/// directly, https through `HTTPClient`'s URLSession path), the answer goes back to the client unchanged, and the
/// exchange joins the session. After every exchange the fixtures are rewritten (`FixtureWriter`), so stopping
/// the recorder at any moment loses nothing.
///
/// A request the target does not answer (connection refused or reset, timeout) gets a 502 with a Graph-style
/// error body naming the reason; it is listed in `session.failures` and never written as a step.
public final class Recorder: @unchecked Sendable {
    public let target: URL
    public let directory: URL
    public let writer: FixtureWriter
    private let client: HTTPClient
    private let timeout: Duration
    private let serverBox = LockedServer()
    private var server: HTTPServer? { serverBox.server }
    private let lock = NSLock()
    private var recorded: RecordedSession
    private var lastWriteError: RecordingError?

    /// Throws when `directory` can't be created or written (checked before anything is served).
    public init(target: URL, directory: URL, name: String, timeout: Duration = .seconds(30)) throws(RecordingError) {
        guard let scheme = target.scheme?.lowercased(), ["http", "https"].contains(scheme), target.host != nil else {
            throw RecordingError("--target must be an http or https URL, got '\(target.absoluteString)'")
        }
        try FixtureWriter.checkWritable(directory)
        self.target = target
        self.directory = directory
        self.writer = FixtureWriter(name: name)
        self.timeout = timeout
        self.client = HTTPClient(configuration: HTTPClientConfiguration(timeout: timeout))
        self.recorded = RecordedSession(target: target.absoluteString)
    }

    /// Binds `host:port` (0 picks a free port) and starts forwarding; returns the bound port.
    public func start(host: String = "127.0.0.1", port: Int = 0) throws -> Int {
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: host, port: port)) { [self] request in
            forward(request)
        }
        serverBox.server = server
        return try server.start()
    }

    public func waitUntilShutdown() { server?.waitUntilShutdown() }

    /// Stops accepting (for a signal handler); `stop()` then writes the fixtures.
    public func stopServing() { server?.shutdown() }

    /// Stops serving and writes the fixtures a last time. Throws when they can't be written (the session is
    /// still available in `session`).
    @discardableResult
    public func stop() throws(RecordingError) -> FixtureWriter.Output {
        server?.shutdown()
        server?.waitUntilShutdown()
        return try persist()
    }

    /// Everything recorded so far.
    public var session: RecordedSession {
        lock.lock()
        defer { lock.unlock() }
        return recorded
    }

    /// The latest failure to write the fixtures while recording, if any (recording goes on; `stop` tries again).
    public var writeError: RecordingError? {
        lock.lock()
        defer { lock.unlock() }
        return lastWriteError
    }

    func forward(_ request: HTTPRequest) -> HTTPResponse {
        var outgoing = request
        var headers = HTTPHeaders()
        for field in request.headers.fields {
            switch field.name.lowercased() {
            case "host", "connection", "keep-alive", "proxy-connection", "content-length", "transfer-encoding": continue
            default: headers.append(name: field.name, value: field.value)
            }
        }
        outgoing.headers = headers
        let result = Self.blocking { [client, target, timeout, outgoing] () async -> Result<HTTPResponse, HTTPClientError> in
            do throws(HTTPClientError) { return .success(try await client.send(outgoing, to: target, timeout: timeout)) } catch { return .failure(error) }
        }
        switch result {
        case .success(let response):
            lock.lock()
            recorded.exchanges.append(.init(request: request, response: response))
            lock.unlock()
            _ = try? persist()
            return response
        case .failure(let error):
            let reason = "\(request.method) \(String(request.path)): \(target.absoluteString) gave no response (\(error))"
            lock.lock()
            recorded.failures.append(reason)
            lock.unlock()
            let message = JSONValue.object(["error": ["code": "badGateway", "message": .string("learning-contract record: " + reason)]])
            return HTTPResponse(status: 502, headers: ["Content-Type": "application/json"], body: Array(message.serialized().utf8))
        }
    }

    @discardableResult
    private func persist() throws(RecordingError) -> FixtureWriter.Output {
        lock.lock()
        defer { lock.unlock() }
        let output = writer.fixtures(for: recorded)
        guard !output.files.isEmpty else { return output }
        do {
            try FixtureWriter.write(output, to: directory)
            lastWriteError = nil
        } catch {
            lastWriteError = error
            throw error
        }
        return output
    }

    /// Runs async work to completion from a synchronous server handler (the server's threads are not the
    /// concurrency pool's, so waiting here cannot starve the work it waits for).
    static func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// The proxy's server, set once by `start` and read by `stop` from a signal handler's thread.
private final class LockedServer: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: HTTPServer?
    var server: HTTPServer? {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; lock.unlock() }
    }
}
