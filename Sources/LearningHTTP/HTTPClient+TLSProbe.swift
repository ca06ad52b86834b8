import Foundation
import Glibc

/// Before URLSession is given an `https://` origin, one look at what listens there, over our own socket with
/// poll(2) (no busy wait): URLSession on Linux spins the CPU while a handshake waits, and waits out its whole
/// timeout when the port speaks plain HTTP (a server waiting for the end of a head never answers a ClientHello).
///
/// The probe sends a minimal TLS 1.2 ClientHello followed by an empty line. A TLS server answers the hello at
/// once (a ServerHello, or an alert if it dislikes the offer); a plain-HTTP server sees a head end and answers
/// `HTTP/1.x 400` or closes. Each origin is probed once per client.
extension HTTPClient {
    enum TLSProbeOutcome: Equatable {
        case tls
        case failed(HTTPClientError)
    }

    static let clientHello: [UInt8] = {
        var body: [UInt8] = [0x03, 0x03] + [UInt8](repeating: 0x42, count: 32) + [0x00]  // version, random, no session
        let suites: [UInt8] = [0x13, 0x01, 0x13, 0x02, 0xC0, 0x2F, 0xC0, 0x2B, 0xC0, 0x30, 0xC0, 0x2C, 0x00, 0x9C, 0x00, 0x2F]
        body += [0x00, UInt8(suites.count)] + suites + [0x01, 0x00] + [0x00, 0x00]  // suites, null compression, no extensions
        let handshake: [UInt8] = [0x01, 0x00, UInt8(body.count >> 8), UInt8(body.count & 0xFF)] + body
        return [0x16, 0x03, 0x01, UInt8(handshake.count >> 8), UInt8(handshake.count & 0xFF)] + handshake + Array("\r\n\r\n".utf8)
    }()

    /// What the first bytes back say about the server at `endpoint`, by `deadline`.
    static func probeTLS(_ endpoint: HTTPClientEndpoint, deadline: UInt64) -> TLSProbeOutcome {
        let fd: Int32
        switch connect(to: endpoint, deadline: deadline) {
        case .success(let connected): fd = connected
        case .failure(let error): return .failed(error)
        }
        defer { close(fd) }
        var offset = 0
        let hello = clientHello
        while offset < hello.count {
            let sent = hello.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + offset, $0.count - offset, Int32(MSG_NOSIGNAL)) }
            if sent > 0 { offset += sent; continue }
            if sent < 0 && (errno == EINTR) { continue }
            if sent < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
                if let error = wait(fd, events: Int16(POLLOUT), deadline: deadline) { return .failed(error) }
                continue
            }
            return .failed(.connectionReset)
        }
        var first = [UInt8](repeating: 0, count: 5)
        var received = 0
        while received < 5 {
            if let error = wait(fd, events: Int16(POLLIN), deadline: deadline) {
                // A TLS server answers a ClientHello at once: silence until the deadline is a timeout, not a reason
                // to let URLSession spin through the same wait again.
                return .failed(error)
            }
            let count = first.withUnsafeMutableBytes { recv(fd, $0.baseAddress! + received, 5 - received, 0) }
            if count > 0 { received += count; if first[0] == 0x16 || first[0] == 0x15 { return .tls }; continue }
            if count < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) { continue }
            break
        }
        if received > 0, first[0] == 0x16 || first[0] == 0x15 { return .tls }
        if received >= 5, first.starts(with: Array("HTTP/".utf8)) {
            return .failed(.notTLS("https:// URL, but \(endpoint) answers in plain HTTP, not TLS (did you mean http://?)"))
        }
        return .failed(.notTLS("https:// URL, but \(endpoint) "
            + (received == 0 ? "closed the connection without a TLS handshake" : "answered something that is not TLS")))
    }
}

/// Origins that answered a TLS ClientHello, so they are probed once per client.
final class HTTPClientTLSOrigins: @unchecked Sendable {
    private let lock = NSLock()
    private var verified: Set<HTTPClientEndpoint> = []
    func contains(_ endpoint: HTTPClientEndpoint) -> Bool { lock.lock(); defer { lock.unlock() }; return verified.contains(endpoint) }
    func insert(_ endpoint: HTTPClientEndpoint) { lock.lock(); verified.insert(endpoint); lock.unlock() }
}
