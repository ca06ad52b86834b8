/// Keeps secrets out of every output: Authorization keeps its scheme (`Bearer [REDACTED]`), other
/// credential-looking headers are replaced whole, and known credential values are scrubbed from any text.
public struct Redactor: Sendable {
    public static let marker = "[REDACTED]"
    /// Header names whose values are secrets (lower-cased), after Schemathesis' list.
    static let secretHeaders: Set<String> = [
        "authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key", "api-key", "ocp-apim-subscription-key",
    ]
    static let secretMarkers = ["token", "secret", "password", "credential", "session"]

    /// Credential values to scrub wherever they appear (configured tokens, minted tokens).
    public var secrets: [String]

    public init(secrets: [String] = []) { self.secrets = secrets.filter { $0.count >= 8 } }

    public static func redactHeader(name: String, value: String) -> String {
        let lower = name.lowercased()
        if lower == "authorization" || lower == "proxy-authorization" {
            if let space = value.firstIndex(of: " ") { return String(value[..<space]) + " " + marker }
            return marker
        }
        if secretHeaders.contains(lower) || secretMarkers.contains(where: lower.contains) { return marker }
        return value
    }

    public func scrub(_ text: String) -> String {
        var text = text
        for secret in secrets where text.contains(secret) { text = text.replacingOccurrences(of: secret, with: Self.marker) }
        return text
    }
}
