import Foundation
import LearningContract

/// Unsecured test JWTs (RFC 7519 section 6: header `{"alg":"none","typ":"JWT"}`, empty signature) carrying the
/// Entra ID claims Graph reads: `tid`, `oid`, `scp` (delegated, space-separated) or `roles` (application, array).
///
/// **For testing only.** Anyone can mint one; the emulator accepts them because it protects nothing.
public enum TestToken {
    /// The tenant of the seeded docs world and the default of `learning-contract token --tenant` (world.md).
    public static let defaultTenantID = "5c1b4f3e-7a2d-4e8f-b6c9-0d1e2f3a4b5c"
    /// The audience Graph tokens carry (world.md); the Graph application id is accepted as well.
    public static let graphAudience = "https://graph.microsoft.com"
    static let acceptedAudiences: Set<String> = [graphAudience, "https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000"]

    public struct Claims: Sendable, Hashable {
        public enum Kind: Sendable, Hashable {
            case application(roles: [String])
            case delegated(scopes: [String])
        }
        public var tenantID: String
        public var objectID: String
        public var kind: Kind
        public var audience: String
        /// Seconds since 1970; `nil` omits the claim.
        public var issuedAt: Int?
        public var expiresAt: Int?

        public init(tenantID: String = TestToken.defaultTenantID, objectID: String, kind: Kind,
                    audience: String = TestToken.graphAudience, issuedAt: Int? = nil, expiresAt: Int? = nil) {
            self.tenantID = tenantID
            self.objectID = objectID
            self.kind = kind
            self.audience = audience
            self.issuedAt = issuedAt
            self.expiresAt = expiresAt
        }

        public var isDelegated: Bool { if case .delegated = kind { true } else { false } }
        /// Scopes (delegated) or roles (application).
        public var permissions: [String] {
            switch kind {
            case .application(let roles): roles
            case .delegated(let scopes): scopes
            }
        }
    }

    /// The docs learner `7ba2228a-…0002`, signed in with every delegated scope this API family documents (spec 3.1).
    public static let docsLearnerClaims = Claims(objectID: DocsWorld.learnerID, kind: .delegated(scopes: Permission.allDelegatedScopes))
    /// A provider application holding every application role this API family documents (spec 3.1).
    public static let providerAppClaims = Claims(objectID: DocsWorld.providerAppObjectID, kind: .application(roles: Permission.allApplicationRoles))

    /// `base64url(header).base64url(claims).` with `iat` now and `exp` in 24 hours unless the claims say otherwise.
    public static func mint(_ claims: Claims, now: Date = Date()) -> String {
        let issued = claims.issuedAt ?? Int(now.timeIntervalSince1970)
        let expires = claims.expiresAt ?? issued + 24 * 3600
        var object = JSONObject()
        object["aud"] = .string(claims.audience)
        object["iss"] = .string("https://login.learning-contract.test/\(claims.tenantID)/")
        object["iat"] = .number(JSONNumber(issued))
        object["nbf"] = .number(JSONNumber(issued))
        object["exp"] = .number(JSONNumber(expires))
        object["tid"] = .string(claims.tenantID)
        object["oid"] = .string(claims.objectID)
        switch claims.kind {
        case .application(let roles): object["roles"] = .array(roles.map { .string($0) })
        case .delegated(let scopes): object["scp"] = .string(scopes.joined(separator: " "))
        }
        let header = #"{"alg":"none","typ":"JWT"}"#
        var writer = JSONWriter()
        writer.write(.object(object))
        return Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(writer.bytes) + "."
    }

    /// The claims of an unsecured test token, or `nil` for anything the emulator answers with 401:
    /// not three parts, a signature, `alg` other than `none`, bad JSON, no `tid`, neither `scp` nor `roles`,
    /// an audience other than Graph's, or an `exp` in the past.
    public static func parse(_ token: String, now: Date = Date()) -> Claims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].isEmpty,
              let headerBytes = Base64URL.decode(parts[0]), let payloadBytes = Base64URL.decode(parts[1]),
              let header = try? JSONReader().read(headerBytes).root,
              header["alg"]?.stringValue == "none",
              let payload = try? JSONReader().read(payloadBytes).root,
              let tenant = payload["tid"]?.stringValue, !tenant.isEmpty
        else { return nil }
        if let typ = header["typ"], typ.stringValue?.uppercased() != "JWT" { return nil }
        guard let audience = payload["aud"]?.stringValue, acceptedAudiences.contains(audience) else { return nil }
        let seconds = Int(now.timeIntervalSince1970)
        if let exp = payload["exp"] {
            guard let value = exp.numberValue?.integerValue, value > seconds else { return nil }
        }
        let object = payload["oid"]?.stringValue ?? ""
        let kind: Claims.Kind
        if let scp = payload["scp"] {
            guard let text = scp.stringValue, !object.isEmpty else { return nil }
            kind = .delegated(scopes: text.split(separator: " ").map(String.init))
        } else if let roles = payload["roles"]?.arrayValue {
            kind = .application(roles: roles.compactMap(\.stringValue))
        } else {
            return nil
        }
        return Claims(tenantID: tenant, objectID: object, kind: kind, audience: audience,
                      issuedAt: payload["iat"]?.numberValue?.integerValue.map { Int($0) },
                      expiresAt: payload["exp"]?.numberValue?.integerValue.map { Int($0) })
    }

    /// The token of an `Authorization: Bearer …` header (scheme case-insensitive, RFC 6750 section 2.1).
    public static func bearerToken(fromAuthorization value: String?) -> Substring? {
        guard let value else { return nil }
        let utf8 = value.utf8
        guard var start = utf8.firstIndex(where: { $0 != UInt8(ascii: " ") }),
              let end = utf8.index(start, offsetBy: 7, limitedBy: utf8.endIndex),
              RequestHeaders.equals(utf8[start..<end], "bearer ") else { return nil }
        start = end
        while start < utf8.endIndex, utf8[start] == UInt8(ascii: " ") { start = utf8.index(after: start) }
        return start < utf8.endIndex ? value[start...] : nil
    }
}
