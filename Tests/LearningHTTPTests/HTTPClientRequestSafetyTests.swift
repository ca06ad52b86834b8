import Foundation
@testable import LearningHTTP
import Testing

/// The client never writes a request whose target or headers would split it (request smuggling by CR/LF).
@Suite struct HTTPClientRequestSafetyTests {
    @Test(arguments: [
        HTTPRequest(method: "GET", target: "/a\r\nGET /smuggled HTTP/1.1"),
        HTTPRequest(method: "GET", target: "/a b"),
        HTTPRequest(method: "GET", target: "/a", headers: ["X-Id": "abc\r\nX-Smuggled: 1"]),
        HTTPRequest(method: "GET", target: "/a", headers: ["X-Id": "abc\u{0}"]),
        HTTPRequest(method: "G T", target: "/a"),
        HTTPRequest(method: "GET", target: "/a", headers: ["Bad Name": "x"]),
    ])
    func unsafeRequestsAreRefusedBeforeAnyByteIsSent(_ request: HTTPRequest) async {
        #expect(HTTPClient.unsafeToSend(request) != nil)
        // Port 9 is never contacted: the refusal comes first.
        await #expect(throws: HTTPClientError.self) {
            try await HTTPClient().send(request, to: URL(string: "http://127.0.0.1:9")!, timeout: .seconds(5))
        }
    }

    @Test func ordinaryRequestsPass() {
        #expect(HTTPClient.unsafeToSend(HTTPRequest(method: "PATCH", target: "/v1.0/x?$top=1", headers: ["Prefer": "a\tb"])) == nil)
    }
}
