import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import LearningHTTP
import Testing

/// `https://` origins are looked at once, over a polled socket, before URLSession gets them: a plain-HTTP port
/// fails at once with a clear error (as curl does) instead of waiting out the timeout, and a server that never
/// answers the handshake times out without URLSession's busy wait.
@Suite(.timeLimit(.minutes(1))) struct HTTPClientTLSProbeTests {
    static func https(_ server: RawTestServer) -> URL { URL(string: "https://127.0.0.1:\(server.port)/v1.0")! }
    static let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(30)))

    @Test func anHTTPSURLOnAPlainHTTPPortFailsAtOnceSayingSo() async throws {
        // A plain-HTTP server: reads a head (the probe's hello ends with an empty line) and answers 400.
        let server = try RawTestServer(script: { fd in
            _ = RawTestServer.readHead(fd)
            RawTestServer.write(fd, "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        })
        defer { server.stop() }
        do {
            _ = try await Self.client.send(HTTPRequest(method: "GET", target: "/v1.0/x"), to: Self.https(server), timeout: .seconds(30))
            Issue.record("expected an error")
        } catch {
            guard case .notTLS(let message) = error else { Issue.record("expected notTLS, got \(error)"); return }
            #expect(message.contains("plain HTTP") && message.contains("http://"), "\(message)")
        }
    }

    @Test func aServerThatClosesWithoutAHandshakeIsNotTLS() async throws {
        let server = try RawTestServer(script: { _ in })
        defer { server.stop() }
        await #expect(throws: HTTPClientError.self) {
            try await Self.client.send(HTTPRequest(method: "GET", target: "/"), to: Self.https(server), timeout: .seconds(30))
        }
    }

    @Test func aServerThatNeverAnswersTheHandshakeTimesOut() async throws {
        let server = try RawTestServer(script: { fd in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while recv(fd, &buffer, buffer.count, 0) > 0 {}
        })
        defer { server.stop() }
        do {
            _ = try await Self.client.send(HTTPRequest(method: "GET", target: "/"), to: Self.https(server), timeout: .milliseconds(500))
            Issue.record("expected a timeout")
        } catch {
            #expect(error == .timedOut)
        }
    }

    @Test func theProbeIsAWellFormedTLSRecordEndingInAnEmptyLine() {
        let hello = HTTPClient.clientHello
        #expect(Array(hello.prefix(3)) == [0x16, 0x03, 0x01])
        let recordLength = Int(hello[3]) << 8 | Int(hello[4])
        #expect(hello.count == 5 + recordLength + 4)
        #expect(hello[5] == 0x01)  // ClientHello
        #expect(Int(hello[6]) << 16 | Int(hello[7]) << 8 | Int(hello[8]) == recordLength - 4)
        #expect(Array(hello.suffix(4)) == Array("\r\n\r\n".utf8))
    }
}
