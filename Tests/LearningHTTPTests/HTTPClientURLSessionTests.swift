import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import LearningHTTP
import Testing

/// The `https://` path (URLSession), exercised over plain http against the raw test server: the same answers,
/// redirects handed back, and a size cap enforced while the body streams in, not after buffering all of it.
@Suite("HTTPClient over URLSession")
struct HTTPClientURLSessionTests {
    static func send(_ server: RawTestServer, maxResponseBytes: Int = 1 << 20) async -> Result<HTTPResponse, HTTPClientError> {
        let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(20), maxResponseBytes: maxResponseBytes))
        return await client.sendWithURLSession(HTTPRequest(method: "GET", target: "/x"), to: server.url, timeout: .seconds(20))
    }

    @Test func answersAndRedirectsComeBackAsSent() async throws {
        let ok = try RawTestServer(script: HTTPClientTests.scripted(["HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"]))
        defer { ok.stop() }
        let response = try await Self.send(ok).get()
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        let redirect = try RawTestServer(script: HTTPClientTests.scripted(["HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n"]))
        defer { redirect.stop() }
        #expect(try await Self.send(redirect).get().status == 302)
    }

    @Test(.timeLimit(.minutes(1))) func aDeclaredLengthOverTheCapIsRefusedUpFront() async throws {
        let server = try RawTestServer(script: { fd in
            _ = RawTestServer.readHead(fd)
            RawTestServer.write(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\nsome")
            _ = RawTestServer.readHead(fd)  // then stall: only the cap can end this request in time
        })
        defer { server.stop() }
        guard case .failure(let error) = await Self.send(server, maxResponseBytes: 1000) else {
            Issue.record("expected responseTooLarge")
            return
        }
        #expect(error == .responseTooLarge(1000))
    }

    @Test(.timeLimit(.minutes(1))) func anEndlessChunkedBodyIsCutOffAtTheCap() async throws {
        let server = try RawTestServer(script: RawTestServer.endlessChunkedBody)
        defer { server.stop() }
        guard case .failure(let error) = await Self.send(server, maxResponseBytes: 100_000) else {
            Issue.record("expected responseTooLarge")
            return
        }
        #expect(error == .responseTooLarge(100_000))
    }
}
