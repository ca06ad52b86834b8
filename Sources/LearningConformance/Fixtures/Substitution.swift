import Foundation
import LearningContract

/// `{{name}}` placeholders in fixture strings, filled from captures and built-ins (`tenantId`).
enum Substitution {
    /// Where the text goes, so a value is encoded for it: captured values come from the target, and a value
    /// holding `/`, `?`, `#`, `%`, a space or CR/LF must not change the request it is put into.
    enum Destination {
        /// As is: a header value (checked for control characters by the runner) or a raw body.
        case verbatim
        /// A request target (path, then query after the first `?` of the template): each value percent-encoded
        /// for the component it lands in (RFC 3986 section 3.3 `pchar`, section 3.4 query minus `&`, `=`, `+`).
        case requestTarget
    }

    /// The text with every known placeholder replaced; unknown names are returned in `missing`.
    static func apply(_ text: String, _ variables: [String: JSONValue], missing: inout [String], for destination: Destination = .verbatim) -> String {
        guard text.contains("{{") else { return text }
        var output = ""
        var rest = Substring(text)
        var inQuery = false
        while let open = rest.range(of: "{{") {
            if rest[..<open.lowerBound].contains("?") { inQuery = true }
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else {
                output += rest[open.lowerBound...]
                return output
            }
            let expression = String(rest[open.upperBound..<close.lowerBound]).trimmingCharacters(in: .whitespaces)
            // `{{id|percent}}` percent-encodes the value for a path segment (`:` becomes `%3A`).
            let parts = expression.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            let name = parts.first ?? ""
            let filter = parts.count > 1 ? parts[1] : nil
            if !name.isEmpty, filter == nil || filter == "percent", let value = variables[name] {
                let text = value.stringValue ?? value.serialized()
                switch (filter, destination) {
                case ("percent"?, _): output += percentEncode(text)
                case (_, .requestTarget): output += text.addingPercentEncoding(withAllowedCharacters: inQuery ? queryAllowed : pathAllowed) ?? ""
                case (_, .verbatim): output += text
                }
            } else {
                // An unknown name, an empty `{{}}` or an unknown filter: reported, never a crash.
                let shown = name.isEmpty ? "{{}}" : filter.map { "\(name)|\($0)" } ?? name
                if !missing.contains(shown) { missing.append(shown) }
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        return output + rest
    }

    /// RFC 3986 `pchar`: unreserved, sub-delims, `:` and `@`.
    static let pathAllowed: CharacterSet = {
        var set = unreserved
        set.insert(charactersIn: "!$&'()*+,;=:@")
        return set
    }()

    /// A query value: `pchar`, `/` and `?`, without the separators `&`, `=`, `+` (and `#`, never allowed).
    static let queryAllowed: CharacterSet = {
        var set = unreserved
        set.insert(charactersIn: "!$'()*,;:@/?")
        return set
    }()

    /// RFC 3986 section 2.3, ASCII only (`CharacterSet.alphanumerics` would keep non-ASCII letters raw).
    static let unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    /// RFC 3986 unreserved characters stay; everything else is percent-encoded.
    static func percentEncode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// Substitutes inside a JSON tree. A string that is exactly `{{name}}` takes the variable's JSON value.
    static func apply(_ value: JSONValue, _ variables: [String: JSONValue], missing: inout [String]) -> JSONValue {
        switch value {
        case .string(let text):
            if text.hasPrefix("{{"), text.hasSuffix("}}"), text.count > 4 {
                let name = String(text.dropFirst(2).dropLast(2)).trimmingCharacters(in: .whitespaces)
                if !name.contains("{"), !name.contains("}") {
                    if let variable = variables[name] { return variable }
                    if !missing.contains(name) { missing.append(name) }
                    return value
                }
            }
            return .string(apply(text, variables, missing: &missing))
        case .array(let items):
            return .array(items.map { apply($0, variables, missing: &missing) })
        case .object(let object):
            return .object(JSONObject(object.members.map {
                JSONObject.Member(key: $0.key, value: apply($0.value, variables, missing: &missing))
            }))
        default:
            return value
        }
    }
}

import Foundation
