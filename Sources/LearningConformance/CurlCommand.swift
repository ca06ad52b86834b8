import LearningHTTP

/// A shell command that reproduces a request, with secrets redacted (so it is safe in CI logs).
enum CurlCommand {
    static func render(_ request: HTTPRequest, origin: String) -> String {
        var parts = ["curl", "-sS", "-i", "-X", request.method, quote(origin + request.target)]
        for field in request.headers {
            parts.append("-H")
            parts.append(quote(field.name + ": " + Redactor.redactHeader(name: field.name, value: field.value)))
        }
        if !request.body.isEmpty {
            parts.append("--data-binary")
            parts.append(quote(String(decoding: request.body, as: UTF8.self)))
        }
        return parts.joined(separator: " ")
    }

    /// POSIX single quoting: `'` becomes `'\''`.
    static func quote(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }
}
