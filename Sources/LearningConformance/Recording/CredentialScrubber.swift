import Foundation
import LearningContract

/// Removes credentials from everything `record` and `import-har` write: `Authorization` and cookies, any header,
/// query parameter or JSON member whose name looks like a credential, any value that looks like one (a JWT, a
/// `Bearer`/`Basic` credential, a long opaque token), and every credential value seen anywhere in the session
/// wherever it is echoed. The replacement is `[REDACTED]`.
public struct CredentialScrubber: Sendable {
    public static let redacted = "[REDACTED]"

    /// Secret values seen in the session (tokens of `Authorization`, cookie values, credential-named fields).
    public private(set) var secrets: Set<String> = []

    public init() {}

    /// Header names that always carry credentials.
    static let credentialHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]
    /// Name fragments (lower-case, without `-` and `_`) that mark a header, query parameter or member as a credential.
    static let credentialFragments = ["token", "secret", "password", "passwd", "apikey", "authorization", "cookie",
                                      "session", "signature", "credential", "privatekey", "clientassertion"]
    /// Exact names (normalised as above) of headers and members that are credentials.
    static let credentialNames: Set<String> = ["assertion", "xapikey", "xfunctionskey"]
    /// Exact names of query parameters that are credentials in OAuth redirects and signed URLs.
    static let credentialQueryNames: Set<String> = ["code", "sig", "key", "auth"]

    /// Whether a header, query parameter (`inQuery`) or JSON member of this name carries a credential.
    public static func isCredentialName(_ name: String, inQuery: Bool = false) -> Bool {
        let normalised = String(name.lowercased().filter { $0 != "-" && $0 != "_" && $0 != "." })
        if credentialHeaders.contains(name.lowercased()) || credentialNames.contains(normalised) { return true }
        if inQuery, credentialQueryNames.contains(normalised) { return true }
        // X-Api-Key, Ocp-Apim-Subscription-Key, X-Functions-Key, privateKey…
        if normalised.hasSuffix("key") && normalised.count > 3 { return true }
        return credentialFragments.contains { normalised.contains($0) }
    }

    /// Whether a value looks like a credential whatever its name: a JWT, `Bearer …`/`Basic …`, or a long opaque
    /// token (32+ characters of base64/hex alphabet with letters and digits, not a GUID).
    public static func looksLikeCredential(_ value: String) -> Bool {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        if lower.hasPrefix("bearer ") || lower.hasPrefix("basic ") { return true }
        let parts = trimmed.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].hasPrefix("eyJ"), parts[1].count >= 4, parts.prefix(2).allSatisfy({ $0.allSatisfy(isBase64URL) }) {
            return true
        }
        guard trimmed.count >= 32, trimmed.allSatisfy({ isBase64URL($0) || "+/=".contains($0) }) else { return false }
        if isGUIDish(trimmed) { return false }
        return trimmed.contains(where: \.isLetter) && trimmed.contains(where: \.isNumber)
    }

    static func isBase64URL(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || character == "-" || character == "_")
    }

    /// GUIDs and GUID-derived ids (`{guid}`, hex with dashes in the 8-4-4-4-12 places) are identifiers, not secrets.
    static func isGUIDish(_ text: String) -> Bool {
        let groups = text.split(separator: "-", omittingEmptySubsequences: false).map(\.count)
        return groups == [8, 4, 4, 4, 12] && text.allSatisfy { $0.isHexDigit || $0 == "-" }
    }

    /// Notes a secret so that every later echo of it is redacted too.
    public mutating func remember(_ secret: String) {
        let value = secret.trimmingCharacters(in: .whitespaces)
        guard value.count >= 6 else { return }
        secrets.insert(value)
        let lower = value.lowercased()
        for scheme in ["bearer ", "basic "] where lower.hasPrefix(scheme) {
            let token = String(value.dropFirst(scheme.count)).trimmingCharacters(in: .whitespaces)
            if token.count >= 6 { secrets.insert(token) }
        }
    }

    /// Collects the secrets of a request's headers, query and JSON body (call for every exchange before scrubbing).
    public mutating func learn(headers: [(name: String, value: String)], target: String, body: JSONValue?) {
        for header in headers where Self.isCredentialName(header.name) || Self.looksLikeCredential(header.value) {
            if header.name.lowercased() == "cookie" || header.name.lowercased() == "set-cookie" {
                for pair in header.value.split(separator: ";") {
                    let cookie = pair.split(separator: "=", maxSplits: 1)
                    if cookie.count == 2 { remember(String(cookie[1])) }
                }
            }
            remember(header.value)
        }
        for (name, value) in Self.queryPairs(target) where Self.isCredentialName(name, inQuery: true) || Self.looksLikeCredential(value) {
            remember(value)
        }
        if let body { learn(body) }
    }

    private mutating func learn(_ value: JSONValue) {
        switch value {
        case .object(let object):
            for member in object {
                if Self.isCredentialName(member.key), case .string(let secret) = member.value { remember(secret) }
                learn(member.value)
            }
        case .array(let items): for item in items { learn(item) }
        case .string(let text): if Self.looksLikeCredential(text) { remember(text) }
        default: break
        }
    }

    /// A text with every known secret replaced.
    public func scrub(text: String) -> String {
        var result = text
        for secret in secrets.sorted(by: { $0.count > $1.count }) where result.contains(secret) {
            result = result.replacingOccurrences(of: secret, with: Self.redacted)
        }
        return result
    }

    /// A string value: redacted when it looks like a credential, else with known secrets replaced.
    public func scrub(value: String) -> String {
        Self.looksLikeCredential(value) ? Self.redacted : scrub(text: value)
    }

    /// A JSON value with credential-named members and credential-looking strings redacted.
    public func scrub(json: JSONValue) -> JSONValue {
        switch json {
        case .object(let object):
            var result = JSONObject()
            for member in object {
                if Self.isCredentialName(member.key), member.value.stringValue != nil || member.value.numberValue != nil {
                    result.members.append(.init(key: member.key, value: .string(Self.redacted)))
                } else {
                    result.members.append(.init(key: member.key, value: scrub(json: member.value)))
                }
            }
            return .object(result)
        case .array(let items): return .array(items.map { scrub(json: $0) })
        case .string(let text): return .string(scrub(value: text))
        default: return json
        }
    }

    /// A request target (path and query) with credential query parameters redacted.
    public func scrub(target: String) -> String {
        guard let mark = target.firstIndex(of: "?") else { return scrub(text: target) }
        let path = scrub(text: String(target[..<mark]))
        let pairs = target[target.index(after: mark)...].split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { return scrub(text: String(pair)) }
            let name = String(parts[0]).removingPercentEncoding ?? String(parts[0])
            let value = String(parts[1]).removingPercentEncoding ?? String(parts[1])
            if Self.isCredentialName(name, inQuery: true) || Self.looksLikeCredential(value) { return parts[0] + "=" + Self.redacted }
            return scrub(text: String(pair))
        }
        return path + "?" + pairs.joined(separator: "&")
    }

    static func queryPairs(_ target: String) -> [(String, String)] {
        guard let mark = target.firstIndex(of: "?") else { return [] }
        return target[target.index(after: mark)...].split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (text: Substring) in String(text).removingPercentEncoding ?? String(text) }
            return (decode(parts[0]), parts.count == 2 ? decode(parts[1]) : "")
        }
    }
}
