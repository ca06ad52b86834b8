import Foundation
import LearningContract

/// The roles of a recorded session: one per distinct credential, described by what its claims say (kind,
/// permissions, object id), never by the credential itself. A token whose claims can't be read becomes a
/// `literal` role whose Authorization is `Bearer [REDACTED]` (replays as an invalid token).
struct RoleBuilder {
    private var roles: [(name: String, definition: JSONObject)] = []

    /// The role name for a request's Authorization header.
    mutating func role(forAuthorization authorization: String?) -> String {
        var definition = JSONObject()
        let base: String
        if let authorization, !authorization.trimmingCharacters(in: .whitespaces).isEmpty {
            if let claims = Self.claims(ofAuthorization: authorization) {
                if let roles = claims["roles"]?.arrayValue {
                    base = "app"
                    definition["kind"] = "application"
                    definition["permissions"] = .array(roles.compactMap(\.stringValue).sorted().map { .string($0) })
                } else {
                    base = "user"
                    definition["kind"] = "delegated"
                    let scopes = (claims["scp"]?.stringValue ?? "").split(separator: " ").map(String.init).sorted()
                    definition["permissions"] = .array(scopes.map { .string($0) })
                }
                if let oid = claims["oid"]?.stringValue, !oid.isEmpty { definition["objectId"] = .string(oid) }
            } else {
                base = "invalidToken"
                definition["kind"] = "literal"
                definition["authorization"] = .string("Bearer " + CredentialScrubber.redacted)
            }
        } else {
            base = "anonymous"
            definition["kind"] = "none"
        }
        if let existing = roles.first(where: { $0.definition == definition }) { return existing.name }
        let taken = roles.filter { $0.name == base || $0.name.hasPrefix(base) && Int($0.name.dropFirst(base.count)) != nil }.count
        let name = taken == 0 ? base : base + String(taken + 1)
        roles.append((name, definition))
        return name
    }

    var document: JSONValue {
        var object = JSONObject()
        for role in roles {
            var definition = role.definition
            definition["description"] = "A recorded credential's kind and permissions, read from its claims; the credential itself is not stored."
            object[role.name] = .object(definition)
        }
        return ["$comment": "Written by learning-contract record/import-har. Against a target without test tokens, give each role's credential with LEARNING_CONTRACT_TOKEN_<ROLE> or --token role=VALUE.",
                "roles": .object(object)]
    }

    /// The claims of a JWT (signature not checked: only the kind and permissions are read).
    static func claims(ofAuthorization authorization: String) -> JSONValue? {
        let trimmed = authorization.trimmingCharacters(in: .whitespaces)
        guard trimmed.lowercased().hasPrefix("bearer ") else { return nil }
        let token = trimmed.dropFirst(7).trimmingCharacters(in: .whitespaces)
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3 else { return nil }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let claims = try? JSONReader().read(Array(data)).root,
              claims.objectValue != nil else { return nil }
        return claims
    }
}
