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

/// Time claims and duplicate claims (README "Test tokens"): `exp` required and in the future, `nbf`/`iat` at most
/// `allowedClockSkewSeconds` ahead, each claim once, times whole seconds within Int64.
@Suite struct TestTokenClaimCheckTests {
    static let now = 1_800_000_000
    static let clock = Date(timeIntervalSince1970: TimeInterval(now))

    static func token(_ members: String) -> String {
        ErrorRowTests.rawToken(#"{"aud":"https://graph.microsoft.com","tid":"t","oid":"o","scp":"A""# + members + "}")
    }

    @Test(arguments: [
        ("no exp", ""),
        ("exp now", #","exp":1800000000"#),
        ("exp past", #","exp":1799999999"#),
        ("exp a string", #","exp":"1800003600""#),
        ("exp fractional", #","exp":1800003600.5"#),
        ("exp beyond Int64", #","exp":9223372036854775808"#),
        ("exp huge exponent", #","exp":1e400"#),
        ("nbf a day ahead", #","exp":1800090000,"nbf":1800086400"#),
        ("nbf just past the skew", #","exp":1800090000,"nbf":1800000301"#),
        ("iat a day ahead", #","exp":1800090000,"iat":1800086400"#),
        ("iat Int64.max", #","exp":9223372036854775807,"iat":9223372036854775807"#),
        ("nbf a string", #","exp":1800090000,"nbf":"0""#),
        ("duplicate exp", #","exp":1800090000,"exp":1"#),
        ("duplicate tid", #","exp":1800090000,"tid":"other""#),
        ("duplicate scp", #","exp":1800090000,"scp":"B""#),
    ])
    func refused(_ name: String, _ members: String) {
        #expect(TestToken.parse(Self.token(members), now: Self.clock) == nil, "\(name)")
    }

    @Test(arguments: [
        ("exp ahead", #","exp":1800000001"#),
        ("exp Int64.max", #","exp":9223372036854775807"#),
        ("nbf and iat within the skew", #","exp":1800090000,"nbf":1800000300,"iat":1800000300"#),
        ("nbf and iat past", #","exp":1800090000,"nbf":0,"iat":-5"#),
    ])
    func accepted(_ name: String, _ members: String) {
        #expect(TestToken.parse(Self.token(members), now: Self.clock) != nil, "\(name)")
    }

    @Test func mintedTokensCarryTheTimeClaimsAndPass() throws {
        let token = TestToken.mint(.init(tenantID: "t", objectID: "o", kind: .delegated(scopes: ["A"])), now: Self.clock)
        let parsed = try #require(TestToken.parse(token, now: Self.clock))
        #expect(parsed.issuedAt == Self.now)
        #expect(parsed.expiresAt == Self.now + 86_400)
        // An issuedAt near Int.max saturates instead of trapping (and is then refused as from the future).
        let far = TestToken.mint(.init(tenantID: "t", objectID: "o", kind: .delegated(scopes: ["A"]), issuedAt: Int.max - 5), now: Self.clock)
        #expect(TestToken.parse(far, now: Self.clock) == nil)
    }
}
