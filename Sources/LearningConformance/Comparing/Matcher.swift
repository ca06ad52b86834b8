import Foundation
import LearningContract

/// What a server may choose, written inside expected values as an object with a `$match` key.
/// Anything that is not a matcher compares semantically (key order free, `20` == `20.0`).
public enum Matcher: Sendable, Hashable {
    /// The value has one of these JSON types (`string`, `number`, `integer`, `boolean`, `null`, `object`,
    /// `array`), and, for strings, the format (`guid`, `dateTime`, `integer`) when given.
    case type([String], format: String?)
    /// The value (a string, or a number's lexeme) matches the regular expression.
    case regex(String)
    /// The value equals (or matches) one of these.
    case oneOf([JSONValue])
    /// The canonical value or a documented variant; a variant hit is reported (and fails under `--strict`).
    /// `row` names an error row: its code or message (chosen by `field`, else by the pointer's last token).
    case variant(row: String?, field: String?, canonical: JSONValue?, variants: [DocumentedVariant])
    /// The member must not be there.
    case absent
    /// Anything, including absence.
    case ignore
    /// Any value except absence.
    case present
    /// Remember the value as `{{name}}` for later steps (it must be present, of the type when given).
    case capture(name: String, type: [String])
    /// An array with exactly these items in any order (collections whose order the docs leave open).
    case anyOrder([JSONValue])

    public static let key = "$match"

    /// A short description for reports: `type string (guid)`, `code of row activityNotFound`.
    public var summary: String {
        switch self {
        case .type(let types, let format): "type " + types.joined(separator: "|") + (format.map { " (\($0))" } ?? "")
        case .regex(let pattern): "matching /\(pattern)/"
        case .oneOf(let values): "one of \(values.count) values"
        case .variant(let row, let field, _, _): row.map { "\(field ?? "value") of row \($0)" } ?? "documented variant"
        case .absent: "absent"
        case .ignore: "anything"
        case .present: "present"
        case .capture(let name, _): "captured as {{\(name)}}"
        case .anyOrder(let items): "\(items.count) items in any order"
        }
    }

    static let knownTypes: Set<String> = ["string", "number", "integer", "boolean", "null", "object", "array"]
    static let knownFormats: Set<String> = ["guid", "dateTime", "integer"]

    /// The matcher an expected value stands for, or `nil` for a plain value. Invalid matchers give `nil`
    /// here; `validateAll` rejects them when the fixture loads.
    public static func parse(_ value: JSONValue) -> Matcher? {
        try? parseStrict(value, file: "", at: .root)
    }

    static func parseStrict(_ value: JSONValue, file: String, at pointer: JSONPointer) throws(FixtureError) -> Matcher? {
        guard case .object(let object) = value, let kindValue = object[key] else { return nil }
        func fail(_ message: String) -> FixtureError { FixtureError(file: file, pointer: pointer, message: message) }
        guard case .string(let kind) = kindValue else { throw fail("$match must be a string") }
        func types(_ value: JSONValue?) throws(FixtureError) -> [String] {
            switch value {
            case .string(let one)?: return [one]
            case .array(let many)?: return many.compactMap(\.stringValue)
            case nil: return []
            default: throw fail("type must be a string or an array of strings")
            }
        }
        switch kind {
        case "type":
            let names = try types(object["type"])
            guard !names.isEmpty, names.allSatisfy(knownTypes.contains) else {
                throw fail("type must name JSON types: \(knownTypes.sorted().joined(separator: ", "))")
            }
            let format = object["format"]?.stringValue
            if let format, !knownFormats.contains(format) { throw fail("format must be one of \(knownFormats.sorted())") }
            return .type(names, format: format)
        case "regex":
            guard let pattern = object["pattern"]?.stringValue, (try? NSRegularExpression(pattern: pattern)) != nil else {
                throw fail("regex needs a valid 'pattern'")
            }
            return .regex(pattern)
        case "oneOf":
            guard case .array(let values)? = object["values"], !values.isEmpty else { throw fail("oneOf needs 'values'") }
            return .oneOf(values)
        case "variant":
            let row = object["row"]?.stringValue
            let field = object["field"]?.stringValue
            var variants: [DocumentedVariant] = []
            if case .array(let items)? = object["variants"] {
                for item in items {
                    guard let value = item["value"] else { throw fail("each variant needs a 'value'") }
                    variants.append(DocumentedVariant(value: value, ambiguity: item["ambiguity"]?.stringValue, note: item["note"]?.stringValue))
                }
            }
            guard row != nil || object["value"] != nil else { throw fail("variant needs a 'row' or a canonical 'value'") }
            return .variant(row: row, field: field, canonical: object["value"], variants: variants)
        case "anyOrder":
            guard case .array(let items)? = object["items"] else { throw fail("anyOrder needs 'items'") }
            return .anyOrder(items)
        case "absent": return .absent
        case "ignore": return .ignore
        case "present": return .present
        case "capture":
            guard let name = object["as"]?.stringValue, !name.isEmpty else { throw fail("capture needs 'as'") }
            return .capture(name: name, type: try types(object["type"]))
        default:
            throw fail("unknown matcher '\(kind)' (type, regex, oneOf, variant, absent, ignore, present, capture, anyOrder)")
        }
    }

    /// Whether a value holds a matcher anywhere (request bodies may not).
    static func containsMatcher(_ value: JSONValue) -> Bool {
        switch value {
        case .object(let object): object[key] != nil || object.contains { containsMatcher($0.value) }
        case .array(let items): items.contains(where: containsMatcher)
        default: false
        }
    }

    /// Rejects unknown or malformed matchers anywhere in an expected value, at load time.
    static func validateAll(in value: JSONValue, file: String, at pointer: JSONPointer) throws(FixtureError) {
        switch value {
        case .object(let object):
            if try parseStrict(value, file: file, at: pointer) != nil { return }
            for member in object { try validateAll(in: member.value, file: file, at: pointer.appending(member.key)) }
        case .array(let items):
            for (index, item) in items.enumerated() { try validateAll(in: item, file: file, at: pointer.appending(index)) }
        default: return
        }
    }
}

/// An alternative the docs allow (listed in Ambiguity.documented), with the ambiguity that documents it.
public struct DocumentedVariant: Sendable, Hashable {
    public var value: JSONValue
    public var ambiguity: String?
    public var note: String?
    public init(value: JSONValue, ambiguity: String? = nil, note: String? = nil) {
        self.value = value; self.ambiguity = ambiguity; self.note = note
    }
}
