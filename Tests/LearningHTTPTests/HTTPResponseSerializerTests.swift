import Testing
@testable import LearningHTTP

@Suite("HTTPResponseSerializer")
struct HTTPResponseSerializerTests {
    static let date = "Sun, 06 Nov 1994 08:49:37 GMT"

    @Test("adds Date and Content-Length, drops framing headers from the handler")
    func framing() {
        let response = HTTPResponse(status: 201, headers: ["Content-Type": "application/json", "Content-Length": "999",
                                                           "Transfer-Encoding": "chunked", "Connection": "upgrade"],
                                    body: Array("{}".utf8))
        let text = String(decoding: HTTPResponseSerializer.serialize(response, keepAlive: true, date: Self.date), as: UTF8.self)
        #expect(text == "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\nDate: \(Self.date)\r\nContent-Length: 2\r\n\r\n{}")
    }

    @Test("no body for 204, 304, 1xx and HEAD; Connection close and HTTP/1.0 keep-alive")
    func bodyless() {
        let body = Array("abc".utf8)
        func text(_ status: Int, keepAlive: Bool = true, minor: Int = 1, head: Bool = false) -> String {
            String(decoding: HTTPResponseSerializer.serialize(HTTPResponse(status: status, body: body), keepAlive: keepAlive,
                                                              minorVersion: minor, isHeadRequest: head, date: Self.date), as: UTF8.self)
        }
        #expect(text(204) == "HTTP/1.1 204 No Content\r\nDate: \(Self.date)\r\n\r\n")
        #expect(text(304).hasSuffix("\r\n\r\n"))
        #expect(text(200, head: true) == "HTTP/1.1 200 OK\r\nDate: \(Self.date)\r\nContent-Length: 3\r\n\r\n")
        #expect(text(200, keepAlive: false) == "HTTP/1.1 200 OK\r\nDate: \(Self.date)\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc")
        #expect(text(200, minor: 0).contains("Connection: keep-alive\r\n"))
    }

    @Test("header fields that could split the response are dropped")
    func injection() {
        let response = HTTPResponse(status: 200, headers: ["X-Evil": "a\r\nSet-Cookie: x", "Bad Name": "v", "X-Good": "ok"])
        let text = String(decoding: HTTPResponseSerializer.serialize(response, keepAlive: true, date: Self.date), as: UTF8.self)
        #expect(!text.contains("Set-Cookie"))
        #expect(!text.contains("Bad Name"))
        #expect(text.contains("X-Good: ok\r\n"))
    }

    @Test("IMF-fixdate")
    func httpDate() {
        #expect(HTTPResponseSerializer.httpDate(secondsSince1970: 784_111_777) == Self.date)
    }

    @Test("default error envelope is JSON with the status as code")
    func defaultError() {
        let response = HTTPServerConfiguration.defaultErrorResponse(.init(status: 431, reason: "too \"big\""))
        #expect(response.status == 431)
        #expect(String(decoding: response.body, as: UTF8.self) == #"{"error":{"code":"431","message":"too \"big\""}}"#)
    }
}
