/// One accepted socket, owned by exactly one event loop (never touched from another thread).
final class HTTPConnection {
    let fd: Int32
    /// Tells this connection apart from a later one that reuses the descriptor.
    let serial: UInt64
    var parser: HTTPRequestParser
    /// Bytes waiting to be written, from `outputOffset` on.
    var output: [UInt8] = []
    var outputOffset = 0
    /// A response held back by `HTTPResponse.delay`; later pipelined requests wait behind it.
    var delayed: (due: UInt64, bytes: [UInt8], keepAlive: Bool)?
    /// A worker runs the handler of the current request; nothing is read or parsed until it answers.
    var awaitingHandler = false
    /// Close once `output` is flushed.
    var closeAfterWrite = false
    /// Write side shut; input is read and discarded until EOF or the deadline, so the peer gets our last response
    /// instead of a reset.
    var lingering = false
    var peerClosed = false
    var wantsWritable = false
    /// Parsing stopped because too much output was pending; resume once it drained.
    var pausedForOutput = false
    /// Counted against `maxConnections` (a connection refused with 503 is not).
    let counted: Bool
    var requestsServed = 0
    var phase: HTTPRequestParser.Phase = .idle
    var phaseStart: UInt64
    var lastWriteProgress: UInt64
    var lingerDeadline: UInt64 = 0

    init(fd: Int32, serial: UInt64, limits: HTTPRequestParser.Limits, counted: Bool, now: UInt64) {
        self.fd = fd
        self.serial = serial
        self.parser = HTTPRequestParser(limits: limits)
        self.counted = counted
        self.phaseStart = now
        self.lastWriteProgress = now
    }

    var hasPendingOutput: Bool { outputOffset < output.count }
}
