import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

@Suite struct TestTokenTests {
    @Test func mintAndParseRoundTrip() throws {
        let claims = TestToken.Claims(tenantID: "t", objectID: "o", kind: .delegated(scopes: ["A", "B"]))
        let token = TestToken.mint(claims)
        #expect(token.hasSuffix("."))
        #expect(token.split(separator: ".", omittingEmptySubsequences: false).count == 3)
        let parsed = try #require(TestToken.parse(token))
        #expect(parsed.tenantID == "t")
        #expect(parsed.objectID == "o")
        #expect(parsed.kind == .delegated(scopes: ["A", "B"]))
        let app = try #require(TestToken.parse(TestToken.mint(.init(tenantID: "t", objectID: "o", kind: .application(roles: ["R"])))))
        #expect(app.kind == .application(roles: ["R"]))
    }

    @Test func headerIsTheUnsecuredJWTHeader() throws {
        let token = TestToken.mint(TestToken.docsLearnerClaims)
        let header = String(token.prefix { $0 != "." })
        #expect(header == "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0")  // {"alg":"none","typ":"JWT"}
    }

    @Test(arguments: [
        "", "a.b", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", // no tid
        "eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOiJ0Iiwib2lkIjoibyIsInNjcCI6IkEiLCJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.",
        "eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ0Iiwib2lkIjoibyIsImF1ZCI6Imh0dHBzOi8vZ3JhcGgubWljcm9zb2Z0LmNvbSJ9.", // neither scp nor roles
        "eyJhbGciOiJub25lIn0.!!!.",
    ])
    func rejected(_ token: String) {
        #expect(TestToken.parse(token) == nil)
    }

    @Test func bearer() {
        #expect(TestToken.bearerToken(fromAuthorization: "Bearer abc") == "abc")
        #expect(TestToken.bearerToken(fromAuthorization: "bearer   abc") == "abc")
        #expect(TestToken.bearerToken(fromAuthorization: "Basic abc") == nil)
        #expect(TestToken.bearerToken(fromAuthorization: "Bearer ") == nil)
    }
}
