/// Terminal text styles. Applied only when colour is on, so piped output and `NO_COLOR` stay plain.
public enum ANSIStyle: String, Sendable, CaseIterable {
    case bold = "1"
    case dim = "2"
    case red = "31"
    case green = "32"
    case yellow = "33"

    /// `text` wrapped in this style's escape codes when `enabled`, unchanged otherwise.
    public func apply(_ text: String, enabled: Bool) -> String {
        enabled ? "\u{1B}[\(rawValue)m\(text)\u{1B}[0m" : text
    }

    /// Several styles at once (`[.bold, .red]`).
    public static func apply(_ styles: [ANSIStyle], to text: String, enabled: Bool) -> String {
        guard enabled, !styles.isEmpty else { return text }
        return "\u{1B}[\(styles.map(\.rawValue).joined(separator: ";"))m\(text)\u{1B}[0m"
    }
}
