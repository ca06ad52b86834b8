import Foundation
import LearningHTTP

/// A shell command that reproduces a request, with secrets redacted (so it is safe in CI logs).
enum CurlCommand {
    /// Longest body and URL shown; a longer one is cut with its length (the line stays readable, and a target
    /// that returns a 4 MB id cannot make every report line 4 MB).
    static let maxShown = 2048

    static func render(_ request: HTTPRequest, origin: String) -> String {
        let method = request.method.utf8.allSatisfy { (65...90).contains($0) || (97...122).contains($0) } ? request.method : quote(request.method)
        var parts = ["curl", "-sS", "-i", "-X", method, quote(PeerText.bounded(origin + request.target, limit: maxShown))]
        for field in request.headers {
            parts.append("-H")
            parts.append(quote(PeerText.bounded(field.name + ": " + Redactor.redactHeader(name: field.name, value: field.value), limit: maxShown)))
        }
        if !request.body.isEmpty {
            parts.append("--data-binary")
            parts.append(quote(PeerText.bounded(String(decoding: request.body, as: UTF8.self), limit: maxShown)))
        }
        return parts.joined(separator: " ")
    }

    /// Shell-safe quoting on one line. POSIX single quotes (`'` becomes `'\''`) when the text has no control
    /// character; otherwise bash's `$'…'` with every control character escaped (`\r`, `\n`, `\x1b`…), so a CR/LF
    /// from a target never breaks the line or the command it is pasted into.
    static func quote(_ text: String) -> String {
        let hasControl = text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }
        guard hasControl else { return "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'" }
        var out = "$'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "'": out += "\\'"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02x", scalar.value)
                } else if (0x80...0x9F).contains(scalar.value) {
                    out += String(format: "\\u%04x", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "'"
    }
}
