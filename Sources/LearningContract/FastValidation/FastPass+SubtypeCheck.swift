/// What the top-level `@odata.type` of a payload is, found by reading only the top-level members (their values
/// for grammar only). Used when the byte search found no usable `@odata.type`, and after a violation met before
/// the top-level one was reached: the violation is certain only if the subtype the pass assumed is the right one.
enum FastTopLevelType: Equatable {
    /// The document is not JSON, or not an object: the report rejects it whatever the type.
    case malformed
    /// No `@odata.type`: itself a violation.
    case missing
    /// Two of them: a violation.
    case duplicate
    /// Exactly one candidate body's type, unescaped.
    case matches(Int)
    /// A non-string or a string naming no candidate: a violation.
    case other
    /// An escaped name or value: only the report can tell.
    case unreadable
}

extension FastPass {
    mutating func topLevelType(candidates: [Int], types: [FastByteRange?]) -> FastTopLevelType {
        index = 0
        skipWhitespace()
        guard index < end else { return .malformed }
        guard base[index] == UInt8(ascii: "{") else { return .malformed }  // not an object is a violation too
        index &+= 1
        skipWhitespace()
        guard index < end else { return .malformed }
        if base[index] == UInt8(ascii: "}") {
            index &+= 1
            return trailingIsClean() ? .missing : .malformed
        }
        var found: FastTopLevelType?
        let name = Validator.discriminator.utf8
        while true {
            guard index < end, base[index] == UInt8(ascii: "\"") else { return .malformed }
            let nameStart = index &+ 1
            guard scanString() else { return .malformed }
            let nameLength = index &- 1 &- nameStart
            let nameEscaped = escaped || nonASCII
            skipWhitespace()
            guard index < end, base[index] == UInt8(ascii: ":") else { return .malformed }
            index &+= 1
            skipWhitespace()
            let isType = !nameEscaped && nameLength == name.count
                && name.elementsEqual(UnsafeBufferPointer(start: base + nameStart, count: nameLength))
            if nameEscaped && found == nil {
                found = .unreadable  // might spell @odata.type; keep reading for grammar
            }
            if isType {
                if let previous = found, previous != .unreadable { found = .duplicate } else { found = .other }
                guard index < end else { return .malformed }
                if base[index] == UInt8(ascii: "\"") {
                    let valueStart = index &+ 1
                    guard scanString() else { return .malformed }
                    let valueLength = index &- 1 &- valueStart
                    if found != .duplicate {
                        if escaped || nonASCII {
                            found = .unreadable
                        } else if let match = candidates.first(where: { candidate in
                            guard let type = types[candidate] else { return false }
                            return type.length == valueLength && equalBytes(valueStart, tables.pool + type.offset, valueLength)
                        }) {
                            found = .matches(match)
                        }
                    }
                } else {
                    guard skipValue(depth: 1) else { return .malformed }
                }
            } else {
                guard skipValue(depth: 1) else { return .malformed }
            }
            skipWhitespace()
            guard index < end else { return .malformed }
            if base[index] == UInt8(ascii: ",") {
                index &+= 1
                skipWhitespace()
                continue
            }
            guard base[index] == UInt8(ascii: "}") else { return .malformed }
            index &+= 1
            return trailingIsClean() ? (found ?? .missing) : .malformed
        }
    }

    private mutating func trailingIsClean() -> Bool {
        skipWhitespace()
        return index == end
    }
}
