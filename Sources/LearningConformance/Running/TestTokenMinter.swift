import Foundation
import LearningContract

/// The runner's test tokens for a role: the one test-token format (`TestToken`, Conformance/STATE.md, "Test
/// tokens"), so a runner token and one from `learning-contract token` differ only in their claims' values.
/// For test targets only; never a real credential.
public enum TestTokenMinter {
    /// The claims of `role`'s token: its permissions as `roles` (application) or `scp` (delegated). Roles of kind
    /// `none` and `literal` carry no minted token; they get an application token without roles.
    public static func claims(tenantID: String, objectID: String, role: RoleDefinition) -> TestToken.Claims {
        let kind: TestToken.Claims.Kind = switch role.kind {
        case .delegated: .delegated(scopes: role.permissions)
        case .application, .none, .literal: .application(roles: role.kind == .application ? role.permissions : [])
        }
        return TestToken.Claims(tenantID: tenantID, objectID: objectID, kind: kind)
    }

    public static func mint(tenantID: String, objectID: String, role: RoleDefinition, issuedAt: Date = Date()) -> String {
        TestToken.mint(claims(tenantID: tenantID, objectID: objectID, role: role), now: issuedAt)
    }
}
