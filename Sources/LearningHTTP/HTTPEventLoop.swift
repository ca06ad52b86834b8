import Foundation
import Glibc

/// One poll(2) loop on its own thread (Glibc as imported by Swift has no epoll): accepts from the shared listener, reads, parses, calls the handler, writes,
/// and runs the timers (timeouts and delayed responses) for the connections it owns.
///
/// Responsiveness: a request whose body reaches `offloadBodyBytes` (the kind a handler may take long over, e.g.
/// validating a large invalid document) is handled on a worker queue; its connection stops reading until the
/// response is posted back through the wake pipe, while the loop goes on serving every other connection.
final class HTTPEventLoop: @unchecked Sendable {
    let index: Int
    private let listener: Int32
    /// Read and write ends of a self-pipe that wakes the loop for shutdown.
    private let wakeFd: Int32
    private let wakeWriteFd: Int32
    /// The polled descriptors: slot 0 the wake pipe, slot 1 the listener, then connections (swap-removed on close).
    private var pollFds: [pollfd] = []
    /// `pollFds` slot of each connection fd, or -1.
    private var pollSlot: [Int] = []
    private let counter: ConnectionCounter
    private let configuration: HTTPServerConfiguration
    private let limits: HTTPRequestParser.Limits
    private let handler: @Sendable (HTTPRequest) -> HTTPResponse

    private let shutdownLock = NSLock()
    private var shutdownRequested = false
    private var wakePipeClosed = false
    /// Responses of offloaded handlers, waiting for the loop (guarded by `shutdownLock`).
    private var completions: [Completion] = []
    private let workers: DispatchQueue
    private let offloadBodyBytes: Int
    private var nextSerial: UInt64 = 0

    /// An offloaded handler's answer for the connection `fd` had when its request was taken (`serial` tells a
    /// reused descriptor apart).
    private struct Completion: Sendable {
        var fd: Int32
        var serial: UInt64
        var parsed: HTTPRequestParser.ParsedRequest
        var response: HTTPResponse
    }

    // Loop-thread state only below.
    private var connections: [HTTPConnection?] = []
    private var openCount = 0
    private var delayedCount = 0
    private var shuttingDown = false
    private var shutdownDeadline: UInt64 = 0
    private var lastScan: UInt64 = 0
    private let readBufferSize = 64 * 1024
    private let readBuffer: UnsafeMutableRawPointer
    private var dateSecond = -1
    private var dateBytes: [UInt8] = []
    private let headerTimeout: UInt64
    private let idleTimeout: UInt64
    private let bodyTimeout: UInt64
    private static let lingerTime: UInt64 = 2_000_000_000
    private static let shutdownGrace: UInt64 = 3_000_000_000
    private static let scanInterval: UInt64 = 50_000_000
    private static let continueBytes: [UInt8] = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    init?(index: Int, listener: Int32, server: HTTPServer, counter: ConnectionCounter) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return nil }
        for end in ends {
            SocketSupport.setNonBlocking(end)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        self.index = index
        self.listener = listener
        self.wakeFd = ends[0]
        self.wakeWriteFd = ends[1]
        self.counter = counter
        self.configuration = server.configuration
        self.limits = .init(maxHeaderBytes: configuration.maxHeaderBytes, maxBodyBytes: configuration.maxBodyBytes)
        self.handler = server.handler
        self.readBuffer = UnsafeMutableRawPointer.allocate(byteCount: readBufferSize, alignment: 16)
        self.headerTimeout = SocketSupport.nanoseconds(configuration.headerTimeout)
        self.idleTimeout = SocketSupport.nanoseconds(configuration.idleTimeout)
        self.bodyTimeout = SocketSupport.nanoseconds(configuration.bodyTimeout)
        self.offloadBodyBytes = max(0, configuration.offloadBodyBytes)
        self.workers = DispatchQueue(label: "http-loop-\(index)-handlers", attributes: .concurrent)
        pollFds = [pollfd(fd: wakeFd, events: Int16(POLLIN), revents: 0), pollfd(fd: listener, events: Int16(POLLIN), revents: 0)]
    }

    deinit {
        readBuffer.deallocate()
        closeWakePipe()  // a loop that never ran (start() failed part-way) still owns its pipe
    }

    /// Thread-safe: asks the loop to begin its graceful shutdown. Never writes to the wake pipe once the loop
    /// has closed it: by then its descriptor number may belong to another file or socket.
    func requestShutdown() {
        shutdownLock.lock()
        defer { shutdownLock.unlock() }
        shutdownRequested = true
        guard !wakePipeClosed else { return }
        var one: UInt64 = 1
        _ = write(wakeWriteFd, &one, 8)
    }

    /// Closes the wake pipe once, under the shutdown lock that `requestShutdown` writes under.
    private func closeWakePipe() {
        shutdownLock.lock()
        defer { shutdownLock.unlock() }
        guard !wakePipeClosed else { return }
        wakePipeClosed = true
        close(wakeFd)
        close(wakeWriteFd)
    }

    func run() {
        var ready: [(fd: Int32, events: Int16)] = []
        defer {
            for case let connection? in connections { closeConnection(connection) }
            closeWakePipe()
        }
        while true {
            let count = poll(&pollFds, nfds_t(pollFds.count), nextWaitMilliseconds())
            if count < 0 && errno != EINTR { return }
            var now = SocketSupport.now()
            refreshDate()
            ready.removeAll(keepingCapacity: true)
            if count > 0 {
                for entry in pollFds where entry.revents != 0 { ready.append((entry.fd, entry.revents)) }
            }
            for (fd, events) in ready {
                if fd == listener {
                    acceptConnections(now: now)
                } else if fd == wakeFd {
                    var drain = [UInt8](repeating: 0, count: 64)
                    _ = read(wakeFd, &drain, 64)
                    beginShutdownIfRequested(now: now)
                    deliverCompletions()
                } else if let connection = connection(for: fd) {
                    if events & Int16(POLLIN) != 0 {
                        handleReadable(connection, now: now)
                    } else if events & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 {
                        // Both directions are gone (or the socket failed): nothing can be delivered any more.
                        closeConnection(connection)
                        continue
                    }
                    if events & Int16(POLLOUT) != 0, self.connection(for: fd) === connection {
                        flush(connection, now: now)
                    }
                }
            }
            now = SocketSupport.now()
            if delayedCount > 0 || now &- lastScan >= Self.scanInterval {
                runTimers(now: now)
            }
            if shuttingDown {
                if openCount == 0 { return }
                if now >= shutdownDeadline { return }
            }
        }
    }

    private func setPollEvents(_ fd: Int32, _ events: Int16) {
        let index = Int(fd)
        guard index < pollSlot.count, pollSlot[index] >= 0 else { return }
        pollFds[pollSlot[index]].events = events
    }

    private func nextWaitMilliseconds() -> Int32 {
        if openCount == 0 && !shuttingDown { return -1 }
        var wait = Self.scanInterval
        if delayedCount > 0 {
            let now = SocketSupport.now()
            for case let connection? in connections {
                if let delayed = connection.delayed {
                    wait = min(wait, delayed.due > now ? delayed.due - now : 0)
                }
            }
        }
        return Int32((wait + 999_999) / 1_000_000)
    }

    private func connection(for fd: Int32) -> HTTPConnection? {
        let slot = Int(fd)
        guard slot >= 0, slot < connections.count else { return nil }
        return connections[slot]
    }

    private func refreshDate() {
        let second = time(nil)
        if second != dateSecond {
            dateSecond = second
            dateBytes = Array(HTTPResponseSerializer.httpDate(secondsSince1970: second).utf8)
        }
    }

    private func beginShutdownIfRequested(now: UInt64) {
        shutdownLock.lock()
        let requested = shutdownRequested
        shutdownLock.unlock()
        guard requested, !shuttingDown else { return }
        shuttingDown = true
        shutdownDeadline = now + Self.shutdownGrace
        pollFds[1].fd = -1  // poll ignores negative descriptors: stop accepting
        for case let connection? in connections where isQuiet(connection) {
            closeConnection(connection)
        }
    }

    /// Nothing in flight: no partial request, no handler running, no pending or delayed response.
    private func isQuiet(_ connection: HTTPConnection) -> Bool {
        connection.parser.phase == .idle && !connection.hasPendingOutput && connection.delayed == nil && !connection.awaitingHandler
    }

    // MARK: - Offloaded handlers

    /// Runs the handler on a worker; the loop picks the response up in `deliverCompletions`.
    private func offload(_ parsed: HTTPRequestParser.ParsedRequest, for connection: HTTPConnection) {
        connection.awaitingHandler = true
        updateInterest(connection)
        let fd = connection.fd, serial = connection.serial, handler = self.handler
        workers.async { [self] in
            let response = handler(parsed.request)
            post(Completion(fd: fd, serial: serial, parsed: parsed, response: response))
        }
    }

    /// Thread-safe: queues a worker's response and wakes the loop (never once the loop closed its pipe).
    private func post(_ completion: Completion) {
        shutdownLock.lock()
        defer { shutdownLock.unlock() }
        guard !wakePipeClosed else { return }
        completions.append(completion)
        var one: UInt64 = 1
        _ = write(wakeWriteFd, &one, 8)
    }

    /// Writes the responses workers finished, to connections that are still the ones that asked.
    private func deliverCompletions() {
        shutdownLock.lock()
        let finished = completions
        completions.removeAll()
        shutdownLock.unlock()
        for completion in finished {
            guard let connection = connection(for: completion.fd), connection.serial == completion.serial,
                  connection.awaitingHandler else { continue }
            connection.awaitingHandler = false
            let now = SocketSupport.now()
            answer(completion.parsed, with: completion.response, on: connection, now: now)
            updateInterest(connection)
            updatePhase(connection, now: now)
            flush(connection, now: now, resume: false)
            guard self.connection(for: connection.fd) === connection else { continue }
            if connection.delayed == nil && !connection.closeAfterWrite && connection.parser.bufferedByteCount > 0 {
                process(connection, now: now)
            }
        }
    }

    // MARK: - Accept

    private func acceptConnections(now: UInt64) {
        guard !shuttingDown else { return }
        // One connection per wake-up: every loop polls the listener, so taking turns spreads connections evenly.
        for _ in 0..<1 {
            let fd = accept(listener, nil, nil)
            if fd < 0 {
                if errno == EINTR || errno == ECONNABORTED { continue }
                return
            }
            SocketSupport.setNonBlocking(fd)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            SocketSupport.setNoDelay(fd)
            let counted = counter.tryAcquire(limit: configuration.maxConnections)
            nextSerial &+= 1
            let connection = HTTPConnection(fd: fd, serial: nextSerial, limits: limits, counted: counted, now: now)
            if Int(fd) >= connections.count {
                let grow = Int(fd) + 1 - connections.count + 64
                connections.append(contentsOf: repeatElement(nil, count: grow))
                pollSlot.append(contentsOf: repeatElement(-1, count: grow))
            }
            pollSlot[Int(fd)] = pollFds.count
            pollFds.append(pollfd(fd: fd, events: Int16(POLLIN), revents: 0))
            connections[Int(fd)] = connection
            openCount += 1
            if !counted {
                reject(connection, HTTPServerRejection(status: 503, reason: "too many connections"), now: now)
            }
        }
    }

    // MARK: - Read and process

    private func handleReadable(_ connection: HTTPConnection, now: UInt64) {
        // At most 1 MiB per wake-up, so one fast sender cannot starve the other connections of this loop.
        for _ in 0..<16 {
            let count = recv(connection.fd, readBuffer, readBufferSize, 0)
            if count > 0 {
                if !connection.lingering && !connection.closeAfterWrite {
                    connection.parser.append(UnsafeRawBufferPointer(start: readBuffer, count: count))
                }
                if count < readBufferSize { break }
            } else if count == 0 {
                connection.peerClosed = true
                break
            } else {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { break }
                closeConnection(connection)
                return
            }
        }
        if connection.lingering {
            if connection.peerClosed { closeConnection(connection) }
            return
        }
        process(connection, now: now)
        guard self.connection(for: connection.fd) === connection else { return }
        if connection.peerClosed {
            // The peer finished sending: answer what is complete, then close; stop watching for input.
            connection.closeAfterWrite = true
            if connection.delayed == nil && !connection.hasPendingOutput && !connection.awaitingHandler {
                closeConnection(connection)
            } else {
                updateInterest(connection)
            }
        }
    }

    /// Parses and answers as many buffered requests as possible, in order, then writes. Stops parsing while more
    /// than 1 MiB of responses is unwritten (backpressure) and resumes once that drained.
    private func process(_ connection: HTTPConnection, now start: UInt64) {
        var now = start
        while true {
            var paused = false
            parsing: while connection.delayed == nil && !connection.awaitingHandler && !connection.closeAfterWrite {
                if connection.output.count - connection.outputOffset >= 1 << 20 {
                    paused = true
                    break parsing
                }
                switch connection.parser.next() {
                case .needMoreData:
                    break parsing
                case .continueExpected:
                    connection.output.append(contentsOf: Self.continueBytes)
                case .request(let parsed):
                    connection.requestsServed += 1
                    if parsed.request.body.count >= offloadBodyBytes {
                        offload(parsed, for: connection)
                        break parsing
                    }
                    let response = handler(parsed.request)
                    // The handler took time: timers and deadlines count from now, not from before it ran.
                    now = SocketSupport.now()
                    answer(parsed, with: response, on: connection, now: now)
                    if connection.delayed != nil { break parsing }
                case .failure(let rejection):
                    appendRejection(rejection, to: connection)
                }
            }
            if connection.pausedForOutput != paused {
                connection.pausedForOutput = paused
                updateInterest(connection)
            }
            updatePhase(connection, now: now)
            flush(connection, now: now, resume: false)
            guard paused, self.connection(for: connection.fd) === connection, !connection.hasPendingOutput else { return }
        }
    }

    /// Serializes a handler's response: held back by its `delay`, or queued for writing.
    private func answer(_ parsed: HTTPRequestParser.ParsedRequest, with response: HTTPResponse, on connection: HTTPConnection, now: UInt64) {
        let keepAlive = parsed.keepAlive && !shuttingDown
        if let delay = response.delay, delay > .zero {
            var bytes: [UInt8] = []
            HTTPResponseSerializer.append(response, keepAlive: keepAlive, minorVersion: parsed.minorVersion,
                                          isHeadRequest: parsed.isHead, date: dateBytes, to: &bytes)
            connection.delayed = (now + SocketSupport.nanoseconds(delay), bytes, keepAlive)
            delayedCount += 1
            updateInterest(connection)
            return
        }
        HTTPResponseSerializer.append(response, keepAlive: keepAlive, minorVersion: parsed.minorVersion,
                                      isHeadRequest: parsed.isHead, date: dateBytes, to: &connection.output)
        if !keepAlive { connection.closeAfterWrite = true }
    }

    private func appendRejection(_ rejection: HTTPServerRejection, to connection: HTTPConnection) {
        var response = configuration.errorResponder(rejection)
        response.delay = nil
        HTTPResponseSerializer.append(response, keepAlive: false, minorVersion: 1, isHeadRequest: false,
                                      date: dateBytes, to: &connection.output)
        connection.closeAfterWrite = true
    }

    private func reject(_ connection: HTTPConnection, _ rejection: HTTPServerRejection, now: UInt64) {
        if let delayed = connection.delayed {
            connection.output.append(contentsOf: delayed.bytes)
            connection.delayed = nil
            delayedCount -= 1
            updateInterest(connection)
        }
        appendRejection(rejection, to: connection)
        flush(connection, now: now)
    }

    private func updatePhase(_ connection: HTTPConnection, now: UInt64) {
        let phase = connection.parser.phase
        if phase != connection.phase {
            connection.phase = phase
            connection.phaseStart = now
        }
    }

    // MARK: - Write

    private func flush(_ connection: HTTPConnection, now: UInt64, resume: Bool = true) {
        while connection.hasPendingOutput {
            let sent = connection.output.withUnsafeBytes { bytes in
                send(connection.fd, bytes.baseAddress! + connection.outputOffset,
                     bytes.count - connection.outputOffset, Int32(MSG_NOSIGNAL))
            }
            if sent > 0 {
                connection.outputOffset += sent
                // The clock, not the caller's `now`: that may predate a handler that ran for a while, and the
                // write timeout must count from real progress or a response is cut off while it is being read.
                connection.lastWriteProgress = SocketSupport.now()
            } else if sent < 0 && errno == EINTR {
                continue
            } else if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                setWritableInterest(connection, true)
                return
            } else {
                closeConnection(connection)
                return
            }
        }
        if connection.output.capacity > 1 << 20 {
            connection.output = []
        } else {
            connection.output.removeAll(keepingCapacity: true)
        }
        connection.outputOffset = 0
        if connection.wantsWritable { setWritableInterest(connection, false) }
        if connection.closeAfterWrite && connection.delayed == nil && !connection.awaitingHandler {
            if connection.peerClosed {
                closeConnection(connection)
                return
            }
            shutdown(connection.fd, Int32(SHUT_WR))
            connection.lingering = true
            connection.lingerDeadline = now + Self.lingerTime
            return
        }
        // Output drained: resume requests that waited behind the backpressure limit.
        if resume && connection.pausedForOutput {
            process(connection, now: now)
        }
    }

    private func setWritableInterest(_ connection: HTTPConnection, _ enabled: Bool) {
        guard connection.wantsWritable != enabled else { return }
        connection.wantsWritable = enabled
        updateInterest(connection)
    }

    /// Reads stop while the peer closed its side or while parsing is paused for unwritten output (so a client
    /// that pipelines without reading cannot grow our buffers); writes are watched only while a write would block.
    private func updateInterest(_ connection: HTTPConnection) {
        // No reading while output is backed up or a delayed response is pending: a pipelining client must not be
        // able to grow the buffer without bound while nothing parses it.
        var events: Int16 = connection.peerClosed || connection.pausedForOutput || connection.delayed != nil
            || connection.awaitingHandler ? 0 : Int16(POLLIN)
        if connection.wantsWritable { events |= Int16(POLLOUT) }
        setPollEvents(connection.fd, events)
    }

    private func closeConnection(_ connection: HTTPConnection) {
        let slot = Int(connection.fd)
        guard slot < connections.count, connections[slot] === connection else { return }
        connections[slot] = nil
        openCount -= 1
        if connection.delayed != nil { delayedCount -= 1 }
        connection.delayed = nil
        let removed = pollSlot[slot]
        if removed >= 0 {
            let last = pollFds.count - 1
            if removed != last {
                pollFds[removed] = pollFds[last]
                pollSlot[Int(pollFds[removed].fd)] = removed
            }
            pollFds.removeLast()
            pollSlot[slot] = -1
        }
        close(connection.fd)
        if connection.counted { counter.release() }
    }

    // MARK: - Timers

    private func runTimers(now: UInt64) {
        lastScan = now
        for case let connection? in connections {
            if connection.awaitingHandler { continue }  // our own handler is working: no client timeout runs
            if connection.lingering {
                if now >= connection.lingerDeadline { closeConnection(connection) }
                continue
            }
            if let delayed = connection.delayed {
                if now >= delayed.due {
                    connection.output.append(contentsOf: delayed.bytes)
                    if !delayed.keepAlive || shuttingDown { connection.closeAfterWrite = true }
                    connection.delayed = nil
                    delayedCount -= 1
                    updateInterest(connection)
                    connection.phaseStart = now  // the idle clock starts when the response leaves, not when it was made
                    flush(connection, now: now, resume: false)
                    if self.connection(for: connection.fd) === connection, !connection.closeAfterWrite,
                       connection.parser.bufferedByteCount > 0 {
                        process(connection, now: now)
                    }
                }
                continue
            }
            if connection.hasPendingOutput {
                if now &- connection.lastWriteProgress >= idleTimeout { closeConnection(connection) }
                continue
            }
            if shuttingDown && isQuiet(connection) {
                closeConnection(connection)
                continue
            }
            let elapsed = now &- max(connection.phaseStart, connection.lastWriteProgress)
            switch connection.phase {
            case .idle:
                let limit = connection.requestsServed == 0 ? headerTimeout : idleTimeout
                if elapsed >= limit { closeConnection(connection) }
            case .head:
                if elapsed >= headerTimeout {
                    reject(connection, HTTPServerRejection(status: 408, reason: "request head not received in time"), now: now)
                }
            case .body:
                if elapsed >= bodyTimeout {
                    reject(connection, HTTPServerRejection(status: 408, reason: "request body not received in time"), now: now)
                }
            case .failed:
                break
            }
        }
    }
}
