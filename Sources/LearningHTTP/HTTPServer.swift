import Dispatch
import Foundation
import Glibc

/// A small HTTP/1.1 server: `threads` poll(2) event loops share one non-blocking listener; each connection lives on
/// one loop and is parsed incrementally. Handlers of small requests run on the loop (they must be quick);
/// requests with a body of `offloadBodyBytes` or more are handled on a worker queue, so a slow handler never holds
/// up the loop's other connections. `HTTPResponse.delay` is served by a loop timer, not by blocking.
public final class HTTPServer: Sendable {
    public let configuration: HTTPServerConfiguration
    let handler: @Sendable (HTTPRequest) -> HTTPResponse
    private let state = ServerState()

    public init(configuration: HTTPServerConfiguration, handler: @escaping @Sendable (HTTPRequest) -> HTTPResponse) {
        self.configuration = configuration
        self.handler = handler
    }

    /// Binds, listens and starts the event loops; returns the bound port (the real one when port 0 was asked).
    @discardableResult
    public func start() throws -> Int {
        signal(SIGPIPE, SIG_IGN)
        let listener = try Self.makeListener(host: configuration.host, port: configuration.port)
        let port = SocketSupport.boundPort(listener)
        var loops: [HTTPEventLoop] = []
        for index in 0..<max(1, configuration.threads) {
            guard let loop = HTTPEventLoop(index: index, listener: listener, server: self, counter: state.connections) else {
                for loop in loops { loop.requestShutdown() }
                close(listener)
                throw SocketError(code: errno, message: "cannot create event loop: \(SocketSupport.errorText(errno))")
            }
            loops.append(loop)
        }
        guard state.begin(listener: listener, port: port, loops: loops) else {
            close(listener)
            throw SocketError(code: 0, message: "server already started")
        }
        for loop in loops {
            state.group.enter()
            let thread = Thread { [state] in
                loop.run()
                state.loopFinished()
                state.group.leave()
            }
            thread.name = "http-loop-\(loop.index)"
            thread.start()
        }
        return port
    }

    /// The bound port, or 0 before `start()`.
    public var port: Int { state.port }

    /// Stops accepting, lets in-flight responses finish (bounded by a few seconds), then closes every connection.
    public func shutdown() {
        for loop in state.loops { loop.requestShutdown() }
    }

    /// Blocks until every event loop has exited after `shutdown()`; returns at once if the server never started.
    public func waitUntilShutdown() {
        state.group.wait()
        state.closeListener()
    }

    private static func makeListener(host: String, port: Int) throws -> Int32 {
        let addresses: [(family: Int32, address: [UInt8])]
        switch SocketSupport.resolve(host: host, port: port, passive: true) {
        case .success(let list): addresses = list
        case .failure(let error): throw error
        }
        var lastError = SocketError(code: 0, message: "no address for \(host)")
        for candidate in addresses {
            let fd = socket(candidate.family, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            guard fd >= 0 else { continue }
            var one: Int32 = 1
            _ = setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            let bound = candidate.address.withUnsafeBytes {
                bind(fd, $0.baseAddress?.assumingMemoryBound(to: sockaddr.self), socklen_t($0.count))
            }
            if bound == 0 && listen(fd, 1024) == 0 {
                SocketSupport.setNonBlocking(fd)
                return fd
            }
            lastError = SocketError(code: errno, message: "cannot listen on \(host):\(port): \(SocketSupport.errorText(errno))")
            close(fd)
        }
        throw lastError
    }
}

/// The server's mutable state, behind a lock (touched only at start, shutdown and accept, never per request).
final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    private var listener: Int32 = -1
    private var boundPort = 0
    private var eventLoops: [HTTPEventLoop] = []
    let group = DispatchGroup()
    let connections = ConnectionCounter()

    func begin(listener: Int32, port: Int, loops: [HTTPEventLoop]) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard self.listener < 0 else { return false }
        self.listener = listener
        self.boundPort = port
        self.eventLoops = loops
        return true
    }

    var port: Int {
        lock.lock()
        defer { lock.unlock() }
        return boundPort
    }

    var loops: [HTTPEventLoop] {
        lock.lock()
        defer { lock.unlock() }
        return eventLoops
    }

    private var finishedLoops = 0

    /// The last loop to finish closes the listener, so a shutdown without `waitUntilShutdown()` leaks nothing.
    func loopFinished() {
        lock.lock()
        finishedLoops += 1
        let all = finishedLoops == eventLoops.count
        lock.unlock()
        if all { closeListener() }
    }

    func closeListener() {
        lock.lock()
        defer { lock.unlock() }
        if listener >= 0 {
            close(listener)
            listener = -2
        }
    }
}

/// Open connections across all loops, to enforce `maxConnections`.
final class ConnectionCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var open = 0

    func tryAcquire(limit: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard open < limit else { return false }
        open += 1
        return true
    }

    func release() {
        lock.lock()
        open -= 1
        lock.unlock()
    }
}
