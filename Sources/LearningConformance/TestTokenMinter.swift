import Foundation

/// Unsecured test JWTs (RFC 7519 section 6) in the emulator's format (Conformance/STATE.md, "Test tokens"):
/// `base64url(header) + "." + base64url(claims) + "."`. For test targets only; never a real credential.
public enum TestTokenMinter {
    public static let audience = "https://graph.microsoft.com"

    public static func mint(tenantID: String, objectID: String, role: RoleDefinition, issuedAt: Date = Date()) -> String {
        var claims: [(String, String)] = [
            ("aud", quote(audience)),
            ("iss", quote("https://login.learning-contract.test/\(tenantID)/")),
            ("tid", quote(tenantID)),
            ("oid", quote(objectID)),
        ]
        switch role.kind {
        case .application: claims.append(("roles", "[" + role.permissions.map(quote).joined(separator: ",") + "]"))
        case .delegated: claims.append(("scp", quote(role.permissions.joined(separator: " "))))
        case .none, .literal: break
        }
        let now = Int(issuedAt.timeIntervalSince1970)
        claims.append(("iat", String(now)))
        claims.append(("exp", String(now + 3600)))
        let header = #"{"alg":"none","typ":"JWT"}"#
        let body = "{" + claims.map { quote($0.0) + ":" + $0.1 }.joined(separator: ",") + "}"
        return base64url(header) + "." + base64url(body) + "."
    }

    static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func base64url(_ text: String) -> String {
        Data(text.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
