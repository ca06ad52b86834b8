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
    /// Exactly one candidate body's type (escapes decoded, compared byte for byte).
    case matches(Int)
    /// A non-string or a string naming no candidate: a violation.
    case other
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
        let discriminator = tables.pool + discriminatorOffset
        while true {
            guard index < end, base[index] == UInt8(ascii: "\"") else { return .malformed }
            let nameStart = index &+ 1
            guard scanString() else { return .malformed }
            let name = stringBytes(from: nameStart)
            skipWhitespace()
            guard index < end, base[index] == UInt8(ascii: ":") else { return .malformed }
            index &+= 1
            skipWhitespace()
            let isType = name.length == discriminatorLength && fastEqualBytes(name.pointer, discriminator, name.length)
            if isType {
                found = found == nil ? .other : .duplicate
                guard index < end else { return .malformed }
                if base[index] == UInt8(ascii: "\"") {
                    let valueStart = index &+ 1
                    guard scanString() else { return .malformed }
                    let value = stringBytes(from: valueStart)
                    if found != .duplicate, let match = candidates.first(where: { candidate in
                        guard let type = types[candidate] else { return false }
                        return type.length == value.length && fastEqualBytes(value.pointer, tables.pool + type.offset, value.length)
                    }) {
                        found = .matches(match)
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
