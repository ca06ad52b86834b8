import Foundation
import LearningContract

/// One finding of a comparison, before the runner adds scenario, step and curl.
struct Finding: Sendable, Hashable {
    var kind: Deviation.Kind
    var pointer: String
    var expected: String
    var actual: String
    var row: String?
    var source: String?
}

/// Compares an expected value (plain JSON with matchers) with an actual value.
/// Plain values compare semantically: member order is free and `20` equals `20.0`.
struct ResponseComparator {
    var rows: RowBook
    /// Slot values for row message templates.
    var slots: [String: String]
    /// Documented alternative spellings of member names (ambiguity externalCourseActivityIdSpelling), canonical -> variants.
    var keySpellings: [String: [String]]

    private(set) var findings: [Finding] = []
    private(set) var variants: [(pointer: String, canonical: String, actual: String, row: String?, ambiguity: String?)] = []
    private(set) var extras: [String] = []
    /// The value of each listed extra member, rendered (bounded) when it was seen.
    private(set) var extraValues: [String: String] = [:]
    private(set) var captured: [(name: String, value: JSONValue)] = []
    /// Undeclared members seen beyond the `maxExtras` listed in `extras`.
    private(set) var extrasLeftOut = 0
    /// Set when the deadline passed mid-comparison: the comparison stopped there, and said so in `findings`.
    private(set) var deadlineExceeded = false
    /// When the comparison must give up (the step's deadline covers comparing too); nil: no deadline.
    var deadline: ContinuousClock.Instant?
    private var visited = 0

    /// Undeclared members listed per response; the rest are counted (a target can send 340,000 of them).
    static let maxExtras = 100
    /// Strings longer than this are never run through a message template's regular expression (no documented
    /// message comes close), so a huge value costs one length check.
    static let maxTemplateMatchLength = 16 * 1024

    init(rows: RowBook, slots: [String: String] = [:], keySpellings: [String: [String]] = [:]) {
        self.rows = rows; self.slots = slots; self.keySpellings = keySpellings
    }

    /// JSON text of a value for a report, bounded (`PeerText`): a huge value is serialized once at most.
    static func render(_ value: JSONValue?) -> String {
        guard let value else { return "(absent)" }
        if case .string(let text) = value, text.utf8.count > 4 * PeerText.shownCharacters {
            return PeerText.bounded(JSONValue.string(PeerText.bounded(text, limit: 300)).serialized(), limit: 400)
        }
        return PeerText.bounded(value.serialized(), limit: 300)
    }

    /// A member name compared and hashed by its UTF-8 bytes, never by Swift's canonical equivalence.
    typealias Key = ExactKey

    /// Where each member name first occurs, by bytes, and which later members repeat an earlier name: one pass,
    /// so lookups inside the loops stay linear overall.
    struct MemberIndex {
        var first: [Key: Int] = [:]
        var repeats: [Int: Int] = [:]

        init(_ object: JSONObject) {
            first.reserveCapacity(object.count)
            for (position, member) in object.members.enumerated() {
                let key = Key(member.key)
                if let earlier = first[key] { repeats[position] = earlier } else { first[key] = position }
            }
        }
    }

    /// Counts work and checks the deadline every 1,024 nodes; true once it has passed.
    private mutating func outOfTime(at label: String) -> Bool {
        if deadlineExceeded { return true }
        visited += 1
        guard let deadline, visited % 1024 == 0, ContinuousClock.now >= deadline else { return false }
        deadlineExceeded = true
        findings.append(Finding(kind: .deadline, pointer: label, expected: "the comparison done within the step's deadline",
                                actual: "deadline passed after comparing \(visited) values; the rest of the response was not compared"))
        return true
    }

    mutating func compare(_ expected: JSONValue, _ actual: JSONValue?, at pointer: JSONPointer, row: String? = nil) {
        let label = pointer.tokens.isEmpty ? "/" : pointer.description
        if outOfTime(at: label) { return }
        if let matcher = Matcher.parse(expected) {
            apply(matcher, actual, at: pointer, label: label, row: row)
            return
        }
        guard let actual else {
            findings.append(Finding(kind: .missing, pointer: label, expected: Self.render(Self.readable(expected)), actual: "(absent)", row: row))
            return
        }
        switch (expected, actual) {
        case (.object(let expectedObject), .object(let actualObject)):
            let index = MemberIndex(actualObject)
            func lookup(_ key: String) -> Int? { index.first[Key(key)] }
            var used: Set<Int> = []
            for member in expectedObject {
                var value: JSONValue?
                if let position = lookup(member.key) {
                    used.insert(position)
                    value = actualObject.members[position].value
                } else if let alternates = keySpellings[member.key],
                          let (alternate, position) = alternates.lazy.compactMap({ name in lookup(name).map { (name, $0) } }).first {
                    used.insert(position)
                    value = actualObject.members[position].value
                    variants.append((pointer.appending(member.key).description, "\"\(member.key)\"", "\"\(alternate)\"", nil,
                                     Ambiguity.ID.externalCourseActivityIdSpelling.rawValue))
                }
                compare(member.value, value, at: pointer.appending(member.key), row: row)
                if deadlineExceeded { return }
            }
            for (position, member) in actualObject.members.enumerated() where !used.contains(position) {
                // A repeated name is the same member as far as lookups go; only its first occurrence is "used".
                if let first = index.repeats[position], used.contains(first) { continue }
                if extras.count < Self.maxExtras {
                    let path = pointer.appending(member.key).description
                    extras.append(path)
                    extraValues[path] = Self.render(member.value)
                } else {
                    extrasLeftOut += 1
                }
            }
        case (.array(let expectedItems), .array(let actualItems)):
            if expectedItems.count != actualItems.count {
                findings.append(Finding(kind: .body, pointer: label, expected: "\(expectedItems.count) items",
                                        actual: "\(actualItems.count) items", row: row))
            }
            for (index, item) in expectedItems.enumerated() {
                compare(item, index < actualItems.count ? actualItems[index] : nil, at: pointer.appending(index), row: row)
                if deadlineExceeded { return }
            }
        default:
            if !expected.semanticallyEquals(actual) {
                findings.append(Finding(kind: .body, pointer: label, expected: Self.render(expected), actual: Self.render(actual), row: row))
            }
        }
    }

    /// Whether `actual` satisfies `expected`, without recording anything.
    func satisfies(_ expected: JSONValue, _ actual: JSONValue?) -> Bool {
        var trial = ResponseComparator(rows: rows, slots: slots, keySpellings: keySpellings)
        trial.deadline = deadline
        trial.compare(expected, actual, at: .root)
        return trial.findings.isEmpty
    }

    private mutating func apply(_ matcher: Matcher, _ actual: JSONValue?, at pointer: JSONPointer, label: String, row: String?) {
        func fail(_ expected: String, kind: Deviation.Kind = .body) {
            findings.append(Finding(kind: actual == nil ? .missing : kind, pointer: label, expected: expected,
                                    actual: Self.render(actual), row: row))
        }
        switch matcher {
        case .ignore:
            return
        case .absent:
            if actual != nil { fail("(absent)") }
        case .present:
            if actual == nil { fail("any value") }
        case .capture(let name, let types):
            guard let actual else { return fail("a value to capture as {{\(name)}}") }
            if !types.isEmpty, !Self.hasType(actual, types) { return fail("a value of type \(types.joined(separator: "|")) to capture") }
            captured.append((name, actual))
        case .type(let types, let format):
            guard let actual, Self.hasType(actual, types) else {
                return fail("a value of type \(types.joined(separator: "|"))" + (format.map { " (\($0))" } ?? ""))
            }
            if let format, case .string(let text) = actual, !Self.hasFormat(text, format) {
                fail("a string in \(format) format")
            }
        case .regex(let pattern):
            let text: String?
            switch actual {
            case .string(let string)?: text = string
            case .number(let number)?: text = number.lexeme
            default: text = nil
            }
            guard let text, let regex = try? NSRegularExpression(pattern: pattern),
                  regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            else { return fail("a value matching /\(pattern)/") }
        case .oneOf(let values):
            if !values.contains(where: { satisfies($0, actual) }) {
                fail("one of " + values.map { Self.render($0) }.joined(separator: ", "))
            }
        case .anyOrder(let items):
            guard case .array(let actualItems)? = actual else { return fail("an array of \(items.count) items") }
            if actualItems.count != items.count {
                findings.append(Finding(kind: .body, pointer: label, expected: "\(items.count) items", actual: "\(actualItems.count) items", row: row))
            }
            var unused = Array(actualItems.indices)
            for (index, item) in items.enumerated() {
                if let match = unused.firstIndex(where: { satisfies(item, actualItems[$0]) }) {
                    // Compare again for real, so captures and variants of the matched item count.
                    let actualIndex = unused.remove(at: match)
                    compare(item, actualItems[actualIndex], at: pointer.appending(actualIndex), row: row)
                } else {
                    findings.append(Finding(kind: .body, pointer: label + "[\(index)]",
                                            expected: "an item like " + Self.render(Self.readable(item)),
                                            actual: "no such item among \(actualItems.count)", row: row))
                }
            }
        case .variant(let rowID, let field, let canonical, let documented):
            applyVariant(rowID: rowID ?? row, field: field ?? pointer.tokens.last, canonical: canonical,
                         documented: documented, actual: actual, label: label)
        }
    }

    private mutating func applyVariant(
        rowID: String?, field: String?, canonical: JSONValue?, documented: [DocumentedVariant], actual: JSONValue?, label: String
    ) {
        var canonicalCheck: (JSONValue?) -> Bool = { _ in false }
        var canonicalText = canonical.map { Self.render($0) } ?? "?"
        var variantChecks: [(text: String, ambiguity: String?, check: (JSONValue?) -> Bool)] = []
        if let canonical { canonicalCheck = { [self] in satisfies(canonical, $0) } }
        for variant in documented {
            variantChecks.append((Self.render(variant.value), variant.ambiguity, { [self] in satisfies(variant.value, $0) }))
        }
        if let rowID, canonical == nil {
            guard let spec = rows[rowID] else {
                findings.append(Finding(kind: .body, pointer: label, expected: "row \(rowID) (unknown to this runner)",
                                        actual: Self.render(actual), row: rowID))
                return
            }
            let slots = self.slots
            if field == "code" {
                canonicalText = "\"\(spec.code)\""
                canonicalCheck = { $0?.stringValue == spec.code }
                for code in spec.codeVariants {
                    variantChecks.append(("\"\(code)\"", "errorCodeCasing", { $0?.stringValue == code }))
                }
            } else {
                canonicalText = "\"" + MessageTemplate.render(spec.messageTemplate, slots: slots) + "\""
                let limit = Self.maxTemplateMatchLength
                canonicalCheck = { $0?.stringValue.map { $0.utf8.count <= limit && MessageTemplate.matches($0, template: spec.messageTemplate, slots: slots) } ?? false }
                for message in spec.messageVariants {
                    variantChecks.append(("\"" + MessageTemplate.render(message, slots: slots) + "\"", spec.messageAmbiguity, {
                        $0?.stringValue.map { $0.utf8.count <= limit && MessageTemplate.matches($0, template: message, slots: slots) } ?? false
                    }))
                }
            }
        }
        if canonicalCheck(actual) { return }
        if let hit = variantChecks.first(where: { $0.check(actual) }) {
            variants.append((label, canonicalText, Self.render(actual), rowID, hit.ambiguity))
            return
        }
        let alternatives = variantChecks.map(\.text)
        findings.append(Finding(
            kind: actual == nil ? .missing : .body, pointer: label,
            expected: canonicalText + (alternatives.isEmpty ? "" : " (or a documented variant: " + alternatives.joined(separator: ", ") + ")"),
            actual: Self.render(actual), row: rowID
        ))
    }

    /// The expected value with each matcher replaced by a short description, for reports.
    static func readable(_ value: JSONValue) -> JSONValue {
        if let matcher = Matcher.parse(value) { return .string("<\(matcher.summary)>") }
        switch value {
        case .object(let object):
            return .object(JSONObject(object.members.map { JSONObject.Member(key: $0.key, value: readable($0.value)) }))
        case .array(let items): return .array(items.map(readable))
        default: return value
        }
    }

    static func hasType(_ value: JSONValue, _ types: [String]) -> Bool {
        types.contains { type in
            switch (type, value) {
            case ("string", .string), ("number", .number), ("boolean", .bool), ("null", .null),
                 ("object", .object), ("array", .array): true
            case ("integer", .number(let number)): number.integerValue != nil
            default: false
            }
        }
    }

    static func hasFormat(_ text: String, _ format: String) -> Bool {
        let pattern: String
        switch format {
        case "guid": pattern = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
        // ISO 8601 date-time; Graph's innerError.date has no offset (learn.microsoft.com/graph/errors, Error resource type example), so the offset is optional.
        case "dateTime": pattern = "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$"
        case "integer": pattern = "^[0-9]+$"
        default: return true
        }
        return text.range(of: pattern, options: .regularExpression) != nil
    }
}
