import Foundation

/// Unsecured test JWTs (RFC 7519 section 6: header `{"alg":"none","typ":"JWT"}`, empty signature) carrying the
/// Entra ID claims Graph reads: `tid`, `oid`, `scp` (delegated, space-separated) or `roles` (application, array).
///
/// **For testing only.** Anyone can mint one; the emulator accepts them because it protects nothing.
///
/// The one test-token format: `learning-contract token`, the emulator and the conformance runner all mint and read
/// tokens here (Conformance/STATE.md, "Test tokens").
public enum TestToken {
    /// The tenant of the seeded docs world and the default of `learning-contract token --tenant` (Conformance/STATE.md, "Test tokens").
    public static let defaultTenantID = "5c1b4f3e-7a2d-4e8f-b6c9-0d1e2f3a4b5c"
    /// The audience Graph tokens carry (Conformance/STATE.md, "Test tokens"); the Graph application id is accepted as well.
    public static let graphAudience = "https://graph.microsoft.com"
    static let acceptedAudiences: [String] = [graphAudience, "https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000"]

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

    /// The docs learner `7ba2228a-…0002`, signed in with every delegated scope this API family documents (the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0)).
    public static let docsLearnerClaims = Claims(objectID: DocsWorld.learnerID, kind: .delegated(scopes: OperationPermission.allDelegatedScopes))
    /// A provider application holding every application role this API family documents (the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0)).
    public static let providerAppClaims = Claims(objectID: DocsWorld.providerAppObjectID, kind: .application(roles: OperationPermission.allApplicationRoles))

    /// How long a minted token lives unless its claims say otherwise: 24 hours, so a long conformance run never
    /// sees its tokens expire.
    public static let lifetimeSeconds = 24 * 3600

    /// `base64url(header).base64url(claims).` with `iat` and `nbf` now and `exp` `lifetimeSeconds` later unless the
    /// claims say otherwise.
    public static func mint(_ claims: Claims, now: Date = Date()) -> String {
        let issued = claims.issuedAt ?? Int(now.timeIntervalSince1970)
        // Saturating: an `issuedAt` near `Int.max` must not trap.
        let (later, overflow) = issued.addingReportingOverflow(lifetimeSeconds)
        let expires = claims.expiresAt ?? (overflow ? Int.max : later)
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
        return Base64URL.encode(Array(header.utf8)) + "." + Base64URL.encode(JSONValue.object(object).utf8Bytes) + "."
    }

    /// How far `nbf` and `iat` may lie in the future: 5 minutes of clock skew, the default allowance of
    /// Microsoft's token validation libraries (`TokenValidationParameters.ClockSkew`). `exp` gets none.
    public static let allowedClockSkewSeconds: Int64 = 300

    /// The claims of an unsecured test token, or `nil` for anything the emulator answers with 401:
    /// not three parts, a signature, `alg` other than `none`, bad JSON, a claim (or header member) given twice,
    /// no `tid`, neither `scp` nor `roles`, an audience other than Graph's, no `exp` or an `exp` not in the
    /// future, or an `nbf` or `iat` more than `allowedClockSkewSeconds` in the future. Time claims must be
    /// whole numbers of seconds. Claim names are matched by their bytes.
    public static func parse(_ token: String, now: Date = Date()) -> Claims? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].isEmpty,
              let headerBytes = Base64URL.decode(parts[0]), let payloadBytes = Base64URL.decode(parts[1]),
              case .object(let header)? = try? JSONReader().read(headerBytes).root,
              case .object(let payload)? = try? JSONReader().read(payloadBytes).root,
              !header.hasDuplicateMemberNames, !payload.hasDuplicateMemberNames,
              let alg = header["alg"]?.stringValue, ExactKey.same(alg, "none"),
              let tenant = payload["tid"]?.stringValue, !tenant.isEmpty
        else { return nil }
        if let typ = header["typ"], typ.stringValue?.uppercased() != "JWT" { return nil }
        guard let audience = payload["aud"]?.stringValue,
              acceptedAudiences.contains(where: { ExactKey.same($0, audience) }) else { return nil }
        guard let times = timeClaims(payload, now: now) else { return nil }
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
                      issuedAt: times.issuedAt, expiresAt: times.expiresAt)
    }

    /// `exp` (required, in the future), `nbf` and `iat` (optional, at most the skew in the future): whole seconds
    /// within `Int64`, compared without arithmetic that could overflow.
    private static func timeClaims(_ payload: JSONObject, now: Date) -> (issuedAt: Int?, expiresAt: Int)? {
        let clock = now.timeIntervalSince1970
        guard clock.isFinite, abs(clock) < 1e15 else { return nil }
        let current = Int64(clock.rounded(.down))
        let latestStart = current + allowedClockSkewSeconds
        /// `.some(nil)`: absent; `nil`: present but not a whole number of seconds.
        func seconds(_ name: String) -> Int64?? {
            guard let value = payload[name] else { return .some(nil) }
            guard let whole = value.numberValue?.integerValue else { return nil }
            return .some(whole)
        }
        guard case .some(let exp?) = seconds("exp"), exp > current else { return nil }
        guard case .some(let nbf) = seconds("nbf"), nbf.map({ $0 <= latestStart }) ?? true else { return nil }
        guard case .some(let iat) = seconds("iat"), iat.map({ $0 <= latestStart }) ?? true else { return nil }
        return (iat.map { Int($0) }, Int(exp))
    }

    /// The token of an `Authorization: Bearer …` header (scheme case-insensitive, RFC 6750 section 2.1).
    public static func bearerToken(fromAuthorization value: String?) -> Substring? {
        guard let value else { return nil }
        let utf8 = value.utf8
        guard var start = utf8.firstIndex(where: { $0 != UInt8(ascii: " ") }),
              let end = utf8.index(start, offsetBy: 7, limitedBy: utf8.endIndex),
              utf8[start..<end].elementsEqual("bearer ".utf8, by: { (65...90).contains($0) ? $0 + 32 == $1 : $0 == $1 }) else { return nil }
        start = end
        while start < utf8.endIndex, utf8[start] == UInt8(ascii: " ") { start = utf8.index(after: start) }
        return start < utf8.endIndex ? value[start...] : nil
    }
}
