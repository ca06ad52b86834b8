import Foundation
import LearningConformance
import LearningContract
import Testing

/// One test-token format: the runner's tokens are `TestToken`'s (the one `learning-contract token` and the emulator
/// use), with the same claims and the same lifetime.
@Suite struct TestTokenFormatTests {
    static let now = Date(timeIntervalSince1970: 1_800_000_000)

    @Test(arguments: [
        RoleDefinition(name: "app", kind: .application, permissions: ["LearningAssignedCourse.ReadWrite.All"]),
        RoleDefinition(name: "learner", kind: .delegated, permissions: ["LearningAssignedCourse.Read", "LearningAssignedCourse.Read.All"]),
    ])
    func runnerTokensAreTestTokens(_ role: RoleDefinition) throws {
        let token = TestTokenMinter.mint(tenantID: TestToken.defaultTenantID, objectID: DocsWorld.learnerID, role: role, issuedAt: Self.now)
        let kind: TestToken.Claims.Kind = role.kind == .application ? .application(roles: role.permissions) : .delegated(scopes: role.permissions)
        let claims = TestToken.Claims(objectID: DocsWorld.learnerID, kind: kind)
        #expect(token == TestToken.mint(claims, now: Self.now))
        let parsed = try #require(TestToken.parse(token, now: Self.now))
        #expect(parsed.expiresAt == Int(Self.now.timeIntervalSince1970) + TestToken.lifetimeSeconds)
        #expect(parsed.permissions == role.permissions)
    }
}
