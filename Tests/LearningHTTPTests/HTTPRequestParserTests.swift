import Testing
@testable import LearningHTTP

/// What a byte stream parses to, flattened for table comparisons.
enum ParsedEvent: Equatable, CustomStringConvertible {
    case request(method: String, target: String, body: String, keepAlive: Bool)
    case continueExpected
    case failure(Int)

    var description: String {
        switch self {
        case .request(let method, let target, let body, let keepAlive): "\(method) \(target) [\(body)] keepAlive=\(keepAlive)"
        case .continueExpected: "100-continue"
        case .failure(let status): "failure \(status)"
        }
    }
}

/// Feeds `chunks` one after another, draining events after each.
func parse(_ chunks: [[UInt8]], limits: HTTPRequestParser.Limits = .init(maxHeaderBytes: 1024, maxBodyBytes: 64)) -> (events: [ParsedEvent], phase: HTTPRequestParser.Phase) {
    var parser = HTTPRequestParser(limits: limits)
    var events: [ParsedEvent] = []
    for chunk in chunks {
        parser.append(chunk)
        draining: while true {
            switch parser.next() {
            case .needMoreData: break draining
            case .continueExpected: events.append(.continueExpected)
            case .failure(let rejection):
                events.append(.failure(rejection.status))
                break draining
            case .request(let parsed):
                events.append(.request(method: parsed.request.method, target: parsed.request.target,
                                       body: String(decoding: parsed.request.body, as: UTF8.self), keepAlive: parsed.keepAlive))
            }
        }
    }
    return (events, parser.phase)
}

func parse(_ text: String) -> [ParsedEvent] { parse([Array(text.utf8)]).events }

@Suite("HTTPRequestParser")
struct HTTPRequestParserTests {
    static let valid: [(String, [ParsedEvent])] = [
        ("GET / HTTP/1.1\r\nHost: a\r\n\r\n", [.request(method: "GET", target: "/", body: "", keepAlive: true)]),
        ("GET /x?y=1 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n", [.request(method: "GET", target: "/x?y=1", body: "", keepAlive: false)]),
        ("GET / HTTP/1.0\r\n\r\n", [.request(method: "GET", target: "/", body: "", keepAlive: false)]),
        ("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", [.request(method: "GET", target: "/", body: "", keepAlive: true)]),
        ("\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", [.request(method: "GET", target: "/", body: "", keepAlive: true)]),
        ("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello", [.request(method: "POST", target: "/p", body: "hello", keepAlive: true)]),
        ("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 5\r\n\r\nhello", [.request(method: "POST", target: "/p", body: "hello", keepAlive: true)]),
        ("POST /p HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 5\r\n\r\nhello", [.request(method: "POST", target: "/p", body: "hello", keepAlive: true)]),
        ("PATCH /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5;name=value\r\nhello\r\n6 ; x\r\n world\r\n0\r\nTrailer-A: 1\r\n\r\n",
         [.request(method: "PATCH", target: "/c", body: "hello world", keepAlive: true)]),
        ("DELETE http://example.com:8080/a/b?q=1 HTTP/1.1\r\nHost: example.com\r\n\r\n", [.request(method: "DELETE", target: "/a/b?q=1", body: "", keepAlive: true)]),
        ("GET http://example.com HTTP/1.1\r\nHost: example.com\r\n\r\n", [.request(method: "GET", target: "/", body: "", keepAlive: true)]),
        ("OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n", [.request(method: "OPTIONS", target: "*", body: "", keepAlive: true)]),
        ("POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n",
         [.continueExpected]),
        ("POST /e HTTP/1.1\r\nHost: a\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nok",
         [.request(method: "POST", target: "/e", body: "ok", keepAlive: true)]),
        ("GET /1 HTTP/1.1\r\nHost: a\r\n\r\nPOST /2 HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nabcGET /3 HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n",
         [.request(method: "GET", target: "/1", body: "", keepAlive: true),
          .request(method: "POST", target: "/2", body: "abc", keepAlive: true),
          .request(method: "GET", target: "/3", body: "", keepAlive: false)]),
    ]

    @Test("valid requests", arguments: valid)
    func validRequests(_ text: String, _ expected: [ParsedEvent]) {
        #expect(parse(text) == expected)
    }

    @Test("valid requests split at every byte boundary parse the same", arguments: valid)
    func splitAtEveryBoundary(_ text: String, _ expected: [ParsedEvent]) {
        let bytes = Array(text.utf8)
        let withoutContinue = expected.filter { $0 != .continueExpected }
        for split in 1..<bytes.count {
            let events = parse([Array(bytes[..<split]), Array(bytes[split...])]).events.filter { $0 != .continueExpected }
            #expect(events == withoutContinue, "split at \(split)")
        }
        let oneByOne = parse(bytes.map { [$0] }).events.filter { $0 != .continueExpected }
        #expect(oneByOne == withoutContinue)
    }

    static let invalid: [(String, Int)] = [
        ("GARBAGE\r\n\r\n", 400),
        ("\u{1}\u{2}\u{3}\r\n\r\n", 400),
        ("GET  / HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET /a b HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTX/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/1.1 \r\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/2.0\r\nHost: a\r\n\r\n", 505),
        ("GET / HTTP/1.2\r\nHost: a\r\n\r\n", 505),
        ("GET example.com HTTP/1.1\r\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/1.1\nHost: a\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost : a\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\u{0}b\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\n\r\n", 400),
        ("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5, 6\r\n\r\nhello", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: -1\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 0x10\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 99999999999999999999999\r\n\r\n", 400),
        // Numbers at and past Int.max: refused without arithmetic overflow (19+ digits are not a length we take).
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9223372036854775807\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 9223372036854775808\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: +5\r\n\r\nhello", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 999999999999999999\r\n\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffff\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n7fffffffffffffff\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n\(String(repeating: "b", count: 32))\r\nfffffffffffffff\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked, gzip\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip, chunked\r\n\r\n", 501),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: gzip\r\n\r\n", 501),
        ("POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffffffff\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhelloXX0\r\n\r\n", 400),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3x\r\nabc\r\n0\r\n\r\n", 400),
        // Limits (maxHeaderBytes 1024, maxBodyBytes 64 in these tables).
        ("GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "a", count: 2000))\r\n\r\n", 431),
        ("GET / HTTP/1.1\r\nHost: a\r\nX: \(String(repeating: "a", count: 2000))", 431),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 65\r\n\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n41\r\n", 413),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n20\r\n\(String(repeating: "b", count: 32))\r\n21\r\n", 413),
    ]

    @Test("malformed and oversized requests are rejected", arguments: invalid)
    func invalidRequests(_ text: String, _ status: Int) {
        let (events, phase) = parse([Array(text.utf8)])
        #expect(events.last == .failure(status), "\(text.prefix(80).debugDescription)")
        #expect(phase == .failed)
    }

    @Test("a valid request before garbage is still delivered, then parsing stops")
    func validThenGarbage() {
        let (events, phase) = parse([Array("GET /ok HTTP/1.1\r\nHost: a\r\n\r\nBAD REQUEST LINE\r\n\r\nGET /never HTTP/1.1\r\nHost: a\r\n\r\n".utf8)])
        #expect(events == [.request(method: "GET", target: "/ok", body: "", keepAlive: true), .failure(400)])
        #expect(phase == .failed)
    }

    static let truncated: [(String, HTTPRequestParser.Phase)] = [
        ("", .idle),
        ("GET / HTTP/1.1\r\nHost: a\r\n", .head),
        ("GET / HTT", .head),
        ("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\nhello", .body),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhel", .body),
        ("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n", .body),
    ]

    @Test("truncated requests wait for more bytes", arguments: truncated)
    func truncatedRequests(_ text: String, _ phase: HTTPRequestParser.Phase) {
        let result = parse([Array(text.utf8)])
        #expect(result.events.isEmpty)
        #expect(result.phase == phase)
    }

    @Test("headers keep their order and original case; lookups are case-insensitive")
    func headerFields() {
        var parser = HTTPRequestParser()
        parser.append(Array("GET / HTTP/1.1\r\nHost: a\r\nX-One:  1 \r\nx-two:\t2\r\n\r\n".utf8))
        guard case .request(let parsed) = parser.next() else {
            Issue.record("no request")
            return
        }
        #expect(parsed.request.headers.fields.map(\.name) == ["Host", "X-One", "x-two"])
        #expect(parsed.request.headers["x-one"] == "1")
        #expect(parsed.request.headers["X-TWO"] == "2")
    }
}
