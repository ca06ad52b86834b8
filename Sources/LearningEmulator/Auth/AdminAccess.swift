/// Who may use the admin endpoint (`/_emulator`), which can read, replace and delete any tenant.
///
/// Whatever the setting, state-changing admin requests (`PUT`, `POST`) must carry a JSON `Content-Type`: a web page
/// can make a browser send a cross-site `POST` without one (a "simple request"), but not with one.
public enum AdminAccess: Sendable, Hashable {
    /// The default: no secret, but every admin request must carry a `Host` naming a loopback address
    /// (`127.0.0.1`, `localhost` or `[::1]`, with or without a port), so a web page cannot reach it through DNS
    /// rebinding; `serve` allows it only on a loopback `--host`.
    case loopbackOnly
    /// Every admin request must carry `Authorization: Bearer <secret>` (`serve --admin-token`); the `Host` is then
    /// not checked, since a page cannot know the secret.
    case token(String)
    /// Off (`serve --no-admin`): `/_emulator` answers 404.
    case disabled

    /// `true` for `127.0.0.1`, `localhost`, `[::1]`, optionally followed by `:PORT` (ASCII case-insensitive name).
    public static func isLoopbackHost(_ host: String?) -> Bool {
        guard var host = host?.lowercased() else { return false }
        if host.hasPrefix("[::1]") {
            host.removeFirst(5)
        } else if host.hasPrefix("127.0.0.1") {
            host.removeFirst(9)
        } else if host.hasPrefix("localhost") {
            host.removeFirst(9)
        } else {
            return false
        }
        if host.isEmpty { return true }
        guard host.first == ":" else { return false }
        let port = host.dropFirst()
        return !port.isEmpty && port.count <= 5 && port.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }

    /// Whether `--host` names a loopback interface: `127.0.0.0/8`, `::1` or `localhost`.
    public static func isLoopbackBindAddress(_ host: String) -> Bool {
        let lower = host.lowercased()
        if lower == "localhost" || lower == "::1" || lower == "[::1]" { return true }
        let parts = lower.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4, parts[0] == "127" else { return false }
        return parts.allSatisfy { part in
            !part.isEmpty && part.count <= 3 && part.utf8.allSatisfy { $0 >= 48 && $0 <= 57 } && Int(part)! <= 255
        }
    }
}
