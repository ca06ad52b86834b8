import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import LearningHTTP
import Testing

/// `https://` over the system's libcurl (dlopen'd): a private CA given as a file is trusted, `insecure` skips
/// verification, an untrusted certificate is a clear TLS error, a plain-HTTP port fails at once saying so, and a
/// silent server times out. The TLS cases run against `openssl s_server` with a throwaway CA made at test time;
/// where the `openssl` command is missing they are reported as skipped (`.enabled(if:)`), never passed.
@Suite(.timeLimit(.minutes(2)), .serialized) struct HTTPClientCurlTests {
    static let opensslPresent = TLSTestServer.openssl != nil

    static func client(caFile: String? = nil, insecure: Bool = false, timeout: Duration = .seconds(20), maxResponseBytes: Int = 1 << 20) -> HTTPClient {
        var configuration = HTTPClientConfiguration(timeout: timeout, maxResponseBytes: maxResponseBytes)
        configuration.caFile = caFile
        configuration.insecure = insecure
        return HTTPClient(configuration: configuration)
    }

    static func get(_ client: HTTPClient, _ url: URL, _ target: String = "/hello.txt") async -> Result<HTTPResponse, HTTPClientError> {
        do {
            return .success(try await client.send(HTTPRequest(method: "GET", target: target), to: url))
        } catch {
            return .failure(error)
        }
    }

    @Test func libcurlIsLoadedOnThisMachine() {
        // FoundationNetworking links libcurl.so.4, so wherever URLSession works, so does this.
        #expect(Curl.shared != nil)
    }

    // MARK: - TLS against openssl s_server

    @Test(.enabled(if: opensslPresent, "needs the openssl command to make a CA and run s_server"))
    func aPrivateCAIsNotTrustedWithoutTheCAFile() async throws {
        let server = try TLSTestServer()
        defer { server.stop() }
        guard case .failure(let error) = await Self.get(Self.client(), server.url) else {
            Issue.record("a certificate from a private CA was accepted without --cacert")
            return
        }
        guard case .notTLS(let message) = error else { Issue.record("expected a TLS error, got \(error)"); return }
        #expect(message.contains("not trusted") && message.contains("--cacert") && message.contains("--insecure"), "\(message)")
        #expect(message.contains("127.0.0.1:\(server.port)"), "\(message)")
    }

    @Test(.enabled(if: opensslPresent, "needs the openssl command to make a CA and run s_server"))
    func theCAFileMakesTheServerTrusted() async throws {
        let server = try TLSTestServer()
        defer { server.stop() }
        let client = Self.client(caFile: server.caFile)
        for _ in 0..<2 {  // the second request goes through a reused easy handle
            let response = try await Self.get(client, server.url).get()
            #expect(response.status == 200)
            #expect(String(decoding: response.body, as: UTF8.self) == TLSTestServer.body)
            #expect(response.headers["Content-Type"] == "text/plain")
        }
        // The same server by name: the certificate's SAN has localhost as well.
        let byName = try await Self.get(client, URL(string: "https://localhost:\(server.port)/v1.0")!).get()
        #expect(byName.status == 200)
    }

    @Test(.enabled(if: opensslPresent, "needs the openssl command to make a CA and run s_server"))
    func anotherCAFileDoesNotMakeTheServerTrusted() async throws {
        let server = try TLSTestServer()
        defer { server.stop() }
        guard case .failure(.notTLS(let message)) = await Self.get(Self.client(caFile: server.otherCAFile), server.url) else {
            Issue.record("expected a TLS verification error")
            return
        }
        #expect(message.contains("not trusted") && message.contains(server.otherCAFile), "\(message)")
    }

    @Test(.enabled(if: opensslPresent, "needs the openssl command to make a CA and run s_server"))
    func insecureSkipsVerification() async throws {
        let server = try TLSTestServer()
        defer { server.stop() }
        let response = try await Self.get(Self.client(insecure: true), server.url).get()
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self) == TLSTestServer.body)
    }

    @Test func anUnreadableCAFileIsATLSErrorNamingIt() async throws {
        // libcurl loads the CA file once connected, so a listener that accepts (and stays silent) is needed.
        let server = try RawTestServer(script: { fd in _ = RawTestServer.readHead(fd) })
        defer { server.stop() }
        let url = URL(string: "https://127.0.0.1:\(server.port)/v1.0")!
        let result = await Self.get(Self.client(caFile: "/nonexistent/ca.pem", timeout: .seconds(5)), url)
        guard case .failure(.notTLS(let message)) = result else { Issue.record("expected a TLS error, got \(result)"); return }
        #expect(message.contains("/nonexistent/ca.pem"), "\(message)")
    }

    // MARK: - https:// on something that isn't TLS

    @Test func anHTTPSURLOnThisPackagesPlainHTTPServerFailsSayingSo() async throws {
        var configuration = HTTPServerConfiguration()
        configuration.headerTimeout = .seconds(60)
        let server = HTTPServer(configuration: configuration) { _ in HTTPResponse(status: 200) }
        let port = try server.start()
        defer { server.shutdown(); server.waitUntilShutdown() }
        // The server would wait 60 s for a head end; the client's budget is 20 s. Only the error kind is asserted:
        // waiting for a head would be `.timedOut`, not `.notTLS`.
        let result = await Self.get(Self.client(timeout: .seconds(20)), URL(string: "https://127.0.0.1:\(port)/v1.0")!)
        guard case .failure(.notTLS(let message)) = result else { Issue.record("expected notTLS, got \(result)"); return }
        #expect(message.contains("plain HTTP") && message.contains("http://"), "\(message)")
    }

    @Test func aServerThatClosesWithoutAHandshakeIsNotTLS() async throws {
        let server = try RawTestServer(script: { _ in })
        defer { server.stop() }
        let result = await Self.get(Self.client(timeout: .seconds(30)), URL(string: "https://127.0.0.1:\(server.port)/v1.0")!)
        guard case .failure(let error) = result else { Issue.record("expected an error"); return }
        #expect(error != .timedOut, "\(error)")
    }

    @Test func aServerThatNeverAnswersTheHandshakeTimesOut() async throws {
        let server = try RawTestServer(script: { fd in
            var buffer = [UInt8](repeating: 0, count: 4096)
            while recv(fd, &buffer, buffer.count, 0) > 0 {}
        })
        defer { server.stop() }
        let result = await Self.get(Self.client(timeout: .milliseconds(500)), URL(string: "https://127.0.0.1:\(server.port)/v1.0")!)
        guard case .failure(let error) = result else { Issue.record("expected a timeout"); return }
        #expect(error == .timedOut)
    }

    @Test func aClosedPortIsConnectionRefused() async throws {
        let server = try RawTestServer(script: { _ in })
        let port = server.port
        server.stop()
        let result = await Self.get(Self.client(), URL(string: "https://127.0.0.1:\(port)/v1.0")!)
        guard case .failure(.connectionRefused(let detail)) = result else { Issue.record("expected connectionRefused, got \(result)"); return }
        #expect(detail.contains("127.0.0.1:\(port)"))
    }

    // MARK: - The libcurl exchange itself, over plain http (what is sent, what comes back, the cap)

    static func exchange(_ server: RawTestServer, _ request: HTTPRequest, maxResponseBytes: Int = 1 << 20) async throws -> Result<HTTPResponse, HTTPClientError> {
        let curl = try #require(Curl.shared)
        return await client(maxResponseBytes: maxResponseBytes).sendWithCurl(curl, request, to: server.url, timeout: .seconds(20))
    }

    @Test func theRequestGoesOutAsGivenWithoutLibcurlsDefaults() async throws {
        let seen = HeadRecorder()
        let server = try RawTestServer(script: { fd in
            guard let head = RawTestServer.readHead(fd) else { return }
            var body = [UInt8](repeating: 0, count: 7)
            var count = 0
            while count < 7 { let got = recv(fd, &body[count], 7 - count, 0); if got <= 0 { break }; count += got }
            seen.record(head + String(decoding: body[0..<count], as: UTF8.self))
            RawTestServer.write(fd, "HTTP/1.1 201 Created\r\nX-One: 1\r\nX-One: 2\r\nContent-Length: 2\r\n\r\nok")
        })
        defer { server.stop() }
        let request = HTTPRequest(method: "PATCH", target: "/v1.0/a/../b?x=1", headers: ["X-Empty": "", "Content-Length": "99"], body: Array("{\"a\":1}".utf8))
        let response = try await Self.exchange(server, request).get()
        #expect(response.status == 201)
        #expect(response.headers.filter { $0.name == "X-One" }.map(\.value) == ["1", "2"])
        #expect(String(decoding: response.body, as: UTF8.self) == "ok")
        let head = try #require(seen.value)
        #expect(head.hasPrefix("PATCH /v1.0/a/../b?x=1 HTTP/1.1\r\n"), "\(head)")
        #expect(head.contains("\r\nContent-Length: 7\r\n") && head.hasSuffix("\r\n\r\n{\"a\":1}"), "\(head)")
        #expect(head.contains("\r\nX-Empty:"), "\(head)")
        // The caller's wrong Content-Length (99) is replaced, never sent (checked as a header: the Host port may hold "99").
        for absent in ["Content-Type", "Expect", "Accept:", "Content-Length: 99"] { #expect(!head.contains(absent), "\(absent) in \(head)") }
    }

    @Test func redirectsComeBackAndHeadHasNoBody() async throws {
        let server = try RawTestServer(script: HTTPClientTests.scripted([
            "HTTP/1.1 302 Found\r\nLocation: /elsewhere\r\nContent-Length: 0\r\n\r\n",
        ]))
        defer { server.stop() }
        #expect(try await Self.exchange(server, HTTPRequest(method: "GET", target: "/x")).get().status == 302)
        let head = try RawTestServer(script: HTTPClientTests.scripted(["HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\n"]))
        defer { head.stop() }
        let response = try await Self.exchange(head, HTTPRequest(method: "HEAD", target: "/x"), maxResponseBytes: 1000).get()
        #expect(response.status == 200 && response.body.isEmpty)
    }

    @Test func aDeclaredLengthOverTheCapIsRefusedUpFront() async throws {
        let server = try RawTestServer(script: { fd in
            _ = RawTestServer.readHead(fd)
            RawTestServer.write(fd, "HTTP/1.1 200 OK\r\nContent-Length: 100000000\r\n\r\nsome")
            _ = RawTestServer.readHead(fd)  // then stall: only the cap can end this request in time
        })
        defer { server.stop() }
        let result = try await Self.exchange(server, HTTPRequest(method: "GET", target: "/x"), maxResponseBytes: 1000)
        guard case .failure(let error) = result else { Issue.record("expected responseTooLarge"); return }
        #expect(error == .responseTooLarge(1000))
    }

    @Test func anEndlessChunkedBodyIsCutOffAtTheCap() async throws {
        let server = try RawTestServer(script: RawTestServer.endlessChunkedBody)
        defer { server.stop() }
        let result = try await Self.exchange(server, HTTPRequest(method: "GET", target: "/x"), maxResponseBytes: 100_000)
        guard case .failure(let error) = result else { Issue.record("expected responseTooLarge"); return }
        #expect(error == .responseTooLarge(100_000))
    }

    @Test func aBodyCutShortIsConnectionReset() async throws {
        let server = try RawTestServer(script: HTTPClientTests.scripted(["HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"]))
        defer { server.stop() }
        let result = try await Self.exchange(server, HTTPRequest(method: "GET", target: "/x"))
        guard case .failure(let error) = result else { Issue.record("expected connectionReset"); return }
        #expect(error == .connectionReset)
    }

    // MARK: - CURLcode → HTTPClientError (codes from curl.h's CURLcode enum)

    @Test(arguments: [
        (Int32(7), "Couldn't connect to server", "connectionRefused"),
        (28, "Operation timed out after 500 milliseconds", "timedOut"),
        (35, "error:0A00010B:SSL routines::wrong version number", "notTLS: plain HTTP"),
        (60, "SSL certificate problem: unable to get local issuer certificate", "notTLS: not trusted"),
        (77, "error setting certificate file: /x/ca.pem", "notTLS: CA file"),
        (52, "Empty reply from server", "connectionReset"),
        (56, "Recv failure: Connection reset by peer", "connectionReset"),
        (8, "Weird server reply", "malformedResponse"),
        (3, "URL using bad/illegal format or missing URL", "invalidURL"),
        (27, "Out of memory", "other"),
    ])
    func curlCodesMapOntoTheClientsErrors(_ code: Int32, _ detail: String, _ kind: String) {
        let error = CurlTransfer.error(code: code, detail: detail, endpoint: HTTPClientEndpoint(host: "h", port: 1), url: "https://h:1/",
                                       caFile: nil, tooLarge: false, limit: 10)
        let actual: String = switch error {
        case .connectionRefused: "connectionRefused"
        case .timedOut: "timedOut"
        case .notTLS(let message) where message.contains("plain HTTP"): "notTLS: plain HTTP"
        case .notTLS(let message) where message.contains("not trusted"): "notTLS: not trusted"
        case .notTLS(let message) where message.contains("CA file"): "notTLS: CA file"
        case .connectionReset: "connectionReset"
        case .malformedResponse: "malformedResponse"
        case .invalidURL: "invalidURL"
        case .other: "other"
        default: "\(error)"
        }
        #expect(actual == kind, "\(code): \(error)")
        // A write aborted by the cap is the cap, whatever libcurl calls it.
        #expect(CurlTransfer.error(code: 23, detail: "", endpoint: HTTPClientEndpoint(host: "h", port: 1), url: "", caFile: nil,
                                   tooLarge: true, limit: 10) == .responseTooLarge(10))
    }
}

/// The request head a test server saw, handed to the test thread.
final class HeadRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var head: String?
    func record(_ text: String) { lock.lock(); head = text; lock.unlock() }
    var value: String? { lock.lock(); defer { lock.unlock() }; return head }
}
