import Foundation

/// Keeps secrets out of every output: Authorization keeps its scheme (`Bearer [REDACTED]`), other
/// credential-looking headers are replaced whole, and known credential values are scrubbed from any text.
public struct Redactor: Sendable {
    public static let marker = "[REDACTED]"
    /// Header names whose values are secrets (lower-cased), after Schemathesis' list.
    static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "ocp-apim-subscription-key",
    ]
    static let secretMarkers = ["token", "secret", "password", "passwd", "credential", "session", "key", "auth", "cookie", "signature"]

    /// Credential values to scrub wherever they appear (configured tokens, minted tokens).
    public var secrets: [String]

    /// Each credential is scrubbed as given and without a leading `Bearer ` (a user may pass either form);
    /// values under 4 characters are not credentials anyone would use and would only mangle the output.
    public init(secrets: [String] = []) {
        var all: [String] = []
        for secret in secrets {
            let trimmed = secret.trimmingCharacters(in: .whitespaces)
            let bare = trimmed.lowercased().hasPrefix("bearer ") ? String(trimmed.dropFirst(7)).trimmingCharacters(in: .whitespaces) : trimmed
            for candidate in [trimmed, bare] where candidate.count >= 4 && !all.contains(candidate) { all.append(candidate) }
        }
        // Longest first, so a bare token inside its `Bearer …` form doesn't leave the prefix's remainder behind.
        self.secrets = all.sorted { $0.count > $1.count }
    }

    public static func redactHeader(name: String, value: String) -> String {
        let lower = name.lowercased()
        if lower == "authorization" || lower == "proxy-authorization" {
            if let space = value.firstIndex(of: " ") { return String(value[..<space]) + " " + marker }
            return marker
        }
        if isSecretHeader(name: name, value: value) { return marker }
        return value
    }

    /// Whether a header carries a credential: by its name (Authorization, Cookie, `*token*`, `*key*`, `*secret*`…)
    /// or by its value (an auth scheme such as `Bearer …`/`Basic …`, or a JWT).
    public static func isSecretHeader(name: String, value: String) -> Bool {
        let lower = name.lowercased()
        if secretHeaders.contains(lower) || secretMarkers.contains(where: lower.contains) { return true }
        let text = value.trimmingCharacters(in: .whitespaces)
        let scheme = text.prefix { $0 != " " }.lowercased()
        if ["bearer", "basic", "digest", "negotiate", "token", "sharedkey", "apikey"].contains(scheme), text.count > scheme.count { return true }
        // A JWT: three base64url parts, the first a JSON header (`eyJ`).
        if text.hasPrefix("eyJ"), text.split(separator: ".", omittingEmptySubsequences: false).count == 3 { return true }
        return false
    }

    public func scrub(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) { text = text.replacingOccurrences(of: secret, with: Self.marker) }
        return text
    }
}
