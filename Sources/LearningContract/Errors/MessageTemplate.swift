import Foundation

/// Matches a rendered Graph message against a catalog template such as
/// `Input field {fieldName} length exceeded than {expectedLength}`: known slots must equal their
/// values, unknown slots match any non-empty text.
public enum MessageTemplate {
    public static func matches(_ message: String, template: String, slots: [String: String]) -> Bool {
        guard let regex = try? NSRegularExpression(pattern: pattern(for: template, slots: slots), options: [.dotMatchesLineSeparators]) else {
            return false
        }
        let range = NSRange(message.startIndex..., in: message)
        return regex.firstMatch(in: message, options: [], range: range) != nil
    }

    /// The template with its known slots filled in, for reports (`Input field status is required`).
    public static func render(_ template: String, slots: [String: String]) -> String {
        var text = template
        for (name, value) in slots { text = text.replacingOccurrences(of: "{\(name)}", with: value) }
        return text
    }

    public static func pattern(for template: String, slots: [String: String]) -> String {
        var pattern = "^"
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open]))
            guard let close = rest[open...].firstIndex(of: "}") else {
                rest = rest[open...]
                break
            }
            let name = String(rest[rest.index(after: open)..<close])
            if let value = slots[name] {
                pattern += NSRegularExpression.escapedPattern(for: value)
            } else {
                pattern += ".+?"
            }
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        // A documented variant cut short with "…" (as the docs print it) matches any ending.
        return pattern.replacingOccurrences(of: "…", with: ".*")
    }

    /// Recovers slot values from a message rendered from `template` (used by the fixture generator).
    public static func slots(in message: String, template: String) -> [String: String]? {
        var names: [String] = []
        var pattern = "^"
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            pattern += NSRegularExpression.escapedPattern(for: String(rest[..<open])) + "(.+?)"
            names.append(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        pattern += NSRegularExpression.escapedPattern(for: String(rest)) + "$"
        guard let regex = try? NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators]),
              let match = regex.firstMatch(in: message, options: [], range: NSRange(message.startIndex..., in: message))
        else { return nil }
        var slots: [String: String] = [:]
        for (offset, name) in names.enumerated() {
            if let range = Range(match.range(at: offset + 1), in: message) { slots[name] = String(message[range]) }
        }
        return slots
    }
}
