import LearningContract

/// Turns a raw, percent-encoded request path into a `Route` (learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0, Methods table; github.com/microsoftgraph/msgraph-metadata/blob/master/openapi/v1.0/openapi.yaml, paths under /employeeExperience, from which the SDK request builders are generated; learn.microsoft.com/graph/query-parameters, Escaping single quotes; learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 2 (alternate key)). Segment names are matched
/// case-insensitively, as Graph does; key values are exact.
struct RouteParser: Sendable {
    /// Unquoted key literals (`(externalCourseActivityId=12a2…)`, older docs) are accepted when lenient
    /// (ambiguity `alternateKeyQuoting`, ambiguity alternateKeyQuoting).
    var acceptsUnquotedKeys: Bool

    enum Failure: Error, Hashable {
        /// 400 `resourceNotFoundForSegment` naming the segment.
        case segment(String)
    }

    /// Splits the path on `/` except inside a key's parentheses, then percent-decodes each segment.
    static func segments(of path: Substring) -> [String]? {
        var result: [String] = []
        result.reserveCapacity(8)
        let utf8 = path.utf8
        var segmentStart = utf8.startIndex
        var depth = 0
        var inQuote = false
        var index = utf8.startIndex
        func flush(_ end: String.Index) -> Bool {
            guard segmentStart < end else { return true }
            let raw = path[segmentStart..<end]
            if raw.utf8.contains(UInt8(ascii: "%")) {
                guard let decoded = percentDecode(Array(raw.utf8)) else { return false }
                result.append(decoded)
            } else {
                result.append(String(raw))
            }
            return true
        }
        while index < utf8.endIndex {
            switch utf8[index] {
            case UInt8(ascii: "'") where depth > 0: inQuote.toggle()
            case UInt8(ascii: "(") where !inQuote: depth += 1
            case UInt8(ascii: ")") where !inQuote: depth = max(0, depth - 1)
            case UInt8(ascii: "/") where depth == 0:
                guard flush(index) else { return nil }
                segmentStart = utf8.index(after: index)
            default: break
            }
            index = utf8.index(after: index)
        }
        guard flush(utf8.endIndex) else { return nil }
        return result
    }

    static func percentDecode(_ bytes: [UInt8]) -> String? {
        guard bytes.contains(UInt8(ascii: "%")) else { return String(validating: bytes, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) else { return nil }
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(bytes[i])
                i += 1
            }
        }
        return String(validating: out, as: UTF8.self)
    }

    static func hex(_ c: UInt8) -> UInt8? {
        switch c {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): c - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): c - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): c - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// Parses the segments after the version segment.
    func route(_ segments: ArraySlice<String>) -> Result<Route, Failure> {
        var rest = segments
        guard let first = rest.popFirst() else { return .success(.unsupported) }
        let isUsers = RequestHeaders.equals(first.utf8, "users")
        if RequestHeaders.equals(first.utf8, "employeeexperience") {
            return employeeExperience(rest)
        } else if isUsers || RequestHeaders.equals(first.utf8, "me") {
            var user = UserReference.me
            if isUsers {
                guard let id = rest.popFirst() else { return .success(.unsupported) }
                user = .id(id)
            }
            guard let next = rest.popFirst() else { return .success(.unsupported) }
            guard RequestHeaders.equals(next.utf8, "employeeexperience") else { return .failure(.segment(next)) }
            guard let collection = rest.popFirst() else { return .success(.unsupported) }
            switch activitySegment(collection) {
            case .failure(let f): return .failure(f)
            case .success(let key?):
                return rest.isEmpty ? .success(.userActivity(user, key)) : .failure(.segment(rest.first ?? ""))
            case .success(nil):
                guard let id = rest.popFirst() else { return .success(.userActivities(user)) }
                guard rest.isEmpty else { return .failure(.segment(rest.first ?? "")) }
                return .success(Self.isCount(id) ? .count(.userActivities(user)) : .userActivity(user, .id(id)))
            }
        }
        return .failure(.segment(first))
    }

    private func employeeExperience(_ segments: ArraySlice<String>) -> Result<Route, Failure> {
        var rest = segments
        guard let collection = rest.popFirst() else { return .success(.unsupported) }
        if RequestHeaders.equals(collection.utf8, "learningproviders") {
            guard let providerID = rest.popFirst() else { return .success(.providers) }
            if Self.isCount(providerID) {
                return rest.isEmpty ? .success(.count(.providers)) : .failure(.segment(rest.first ?? ""))
            }
            guard let child = rest.popFirst() else { return .success(.provider(id: providerID)) }
            if Self.isReference(child) {
                return rest.isEmpty ? .success(.providerReference(id: providerID)) : .failure(.segment(rest.first ?? ""))
            }
            if RequestHeaders.equals(child.utf8, "learningcontents") {
                guard let id = rest.popFirst() else { return .success(.contents(providerID: providerID)) }
                if Self.isCount(id) {
                    return rest.isEmpty ? .success(.count(.contents(providerID: providerID))) : .failure(.segment(rest.first ?? ""))
                }
                return contentRoute(providerID, .id(id), rest)
            }
            if let key = keyed(child, collection: "learningcontents", names: ["externalid"]) {
                switch key {
                case .failure(let f): return .failure(f)
                case .success(let key): return contentRoute(providerID, .externalID(key.value), rest)
                }
            }
            switch activitySegment(child) {
            case .failure(let f): return .failure(f)
            case .success(let key?):
                return rest.isEmpty ? .success(.providerActivity(providerID: providerID, key)) : .failure(.segment(rest.first ?? ""))
            case .success(nil):
                guard let id = rest.popFirst() else { return .success(.providerActivities(providerID: providerID)) }
                guard rest.isEmpty else { return .failure(.segment(rest.first ?? "")) }
                return .success(Self.isCount(id) ? .count(.providerActivities(providerID: providerID)) : .providerActivity(providerID: providerID, .id(id)))
            }
        }
        switch activitySegment(collection) {
        case .failure(let f): return .failure(f)
        case .success(let key?):
            return rest.isEmpty ? .success(.globalActivity(key)) : .failure(.segment(rest.first ?? ""))
        case .success(nil):
            guard let id = rest.popFirst() else { return .success(.globalActivities) }
            guard rest.isEmpty else { return .failure(.segment(rest.first ?? "")) }
            return .success(Self.isCount(id) ? .count(.globalActivities) : .globalActivity(.id(id)))
        }
    }

    /// A content key, optionally followed by `/$ref` (the delete page's form).
    private func contentRoute(_ providerID: String, _ key: ContentKey, _ rest: ArraySlice<String>) -> Result<Route, Failure> {
        guard let next = rest.first else { return .success(.content(providerID: providerID, key)) }
        guard Self.isReference(next) else { return .failure(.segment(next)) }
        guard rest.count == 1 else { return .failure(.segment(rest.dropFirst().first ?? next)) }
        return .success(.contentReference(providerID: providerID, key))
    }

    /// `$count` after a collection (OData 4.01 URL conventions §4.8). Choice: the segment form always means the count;
    /// an activity whose id is literally `$count` stays addressable as `learningCourseActivities('$count')`.
    static func isCount(_ segment: String) -> Bool { RequestHeaders.equals(segment.utf8, "$count") }

    /// `$ref` after an entity (OData 4.01 URL conventions §4.4), as the provider and content delete pages print it.
    static func isReference(_ segment: String) -> Bool { RequestHeaders.equals(segment.utf8, "$ref") }

    /// `learningCourseActivities` → nil (collection; the id may follow as a segment);
    /// `learningCourseActivities('id')` / `(externalCourseActivityId='x')` → the key.
    private func activitySegment(_ segment: String) -> Result<ActivityKey?, Failure> {
        if RequestHeaders.equals(segment.utf8, "learningcourseactivities") { return .success(nil) }
        guard let keyed = keyed(segment, collection: "learningcourseactivities", names: ["externalcourseactivityid", ""]) else {
            return .failure(.segment(segment))
        }
        switch keyed {
        case .failure(let f): return .failure(f)
        case .success(let key): return .success(key.named ? .externalID(key.value) : .id(key.value))
        }
    }

    /// A parsed key: its value, and whether it was given by name (`(name='value')`, the alternate key).
    struct Key {
        var value: String
        var named: Bool
    }

    /// Parses `collection(name='value')` or `collection('value')`: nil when the segment is not `collection(`.
    /// Both spellings of the activity alternate key (`externalCourseActivityId`, `externalcourseActivityId`)
    /// are accepted (learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 2
    /// (alternate key), ambiguity externalCourseActivityIdSpelling); `''` inside a literal is one `'`
    /// (learn.microsoft.com/graph/query-parameters, Escaping single quotes). Read by Unicode scalar, not by
    /// Character: a quote followed by a combining mark or an emoji modifier (U+1F3FB) is one Character, but still a
    /// quote here (Schemathesis ST202 on such an external id: EXTERNAL-FINDINGS A5).
    private func keyed(_ segment: String, collection: String, names: Set<String>) -> Result<Key, Failure>? {
        let scalars = segment.unicodeScalars
        guard let open = scalars.firstIndex(of: "("), String(scalars[..<open]).lowercased() == collection else { return nil }
        guard scalars.last == ")" else { return .failure(.segment(segment)) }
        var inner = scalars[scalars.index(after: open)..<scalars.index(before: scalars.endIndex)]
        var named = false
        if let eq = inner.firstIndex(of: "="), inner.first != "'" {
            let name = String(inner[..<eq].trimmingSpaces()).lowercased()
            guard names.contains(name), !name.isEmpty else { return .failure(.segment(segment)) }
            inner = inner[inner.index(after: eq)...]
            named = true
        } else if !names.contains("") {
            return .failure(.segment(segment))
        }
        let literal = inner.trimmingSpaces()
        if literal.count >= 2, literal.first == "'", literal.last == "'" {
            // Every quote inside must be doubled.
            var value = String.UnicodeScalarView()
            var iterator = literal.dropFirst().dropLast().makeIterator()
            while let scalar = iterator.next() {
                if scalar == "'" {
                    guard iterator.next() == "'" else { return .failure(.segment(segment)) }
                }
                value.append(scalar)
            }
            return .success(Key(value: String(value), named: named))
        }
        guard acceptsUnquotedKeys, !literal.isEmpty, !literal.contains("'") else { return .failure(.segment(segment)) }
        return .success(Key(value: String(literal), named: named))
    }

}

/// Leading and trailing spaces off, for text (`Substring`) and for Unicode scalars (`Substring.UnicodeScalarView`).
extension BidirectionalCollection where SubSequence == Self, Element: Equatable & ExpressibleByUnicodeScalarLiteral {
    func trimmingSpaces() -> Self {
        var s = self
        while s.first == " " { s = s.dropFirst() }
        while s.last == " " { s = s.dropLast() }
        return s
    }
}
