import Foundation

/// The rule-checking half of the pass: objects whose names are in the compiled tables.
extension FastPass {
    /// Whether the string just scanned (`scalars`) meets a `.string` slot: not empty where it must not be, and
    /// within its length.
    @inline(__always)
    func scannedStringFits(_ slot: FastSlot) -> Bool { !(slot.nonEmpty && scalars == 0) && scalars <= slot.maxLength }

    /// Checks the object whose `{` is at `index` against `shapeIndex`. `depth` counts it (the body is depth 1).
    mutating func validateObject(shape shapeIndex: Int, depth: Int) -> Bool {
        let shape = tables.shapes[shapeIndex]
        guard shape.supported else { return undetermined() }
        index &+= 1
        skipWhitespace()
        let spanMark = spanCount
        defer { spanCount = spanMark }
        guard index < end else { return malformed() }
        if base[index] == UInt8(ascii: "}") {
            index &+= 1
            return shape.requiredMask == 0 ? true : violation()
        }
        var seen: UInt64 = 0
        while true {
            guard index < end, base[index] == UInt8(ascii: "\"") else { return malformed() }
            index &+= 1
            let nameStart = index
            // Find the closing quote eight bytes at a time; a name with an escape or a non-ASCII byte is read
            // again by the full string scanner and compared by its decoded bytes.
            let raw = UnsafeRawPointer(base)
            var plain = true
            while true {
                while index &+ 8 <= end {
                    let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    let quote = word ^ 0x2222_2222_2222_2222
                    let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
                    let flags = (((quote &- 0x0101_0101_0101_0101) & ~quote)
                        | ((backslash &- 0x0101_0101_0101_0101) & ~backslash)
                        | ((word &- 0x2020_2020_2020_2020) & ~word)
                        | word) & 0x8080_8080_8080_8080
                    if flags != 0 {
                        index &+= flags.trailingZeroBitCount >> 3
                        break
                    }
                    index &+= 8
                }
                guard index < end else { return malformed() }
                let byte = base[index]
                if byte == UInt8(ascii: "\"") { break }
                if byte == UInt8(ascii: "\\") || byte >= 0x80 { plain = false; break }
                if byte < 0x20 { return malformed() }
                index &+= 1
            }
            let name: (pointer: UnsafePointer<UInt8>, length: Int)
            if plain {
                name = (base + nameStart, index &- nameStart)
                index &+= 1
            } else {
                index = nameStart &- 1
                guard scanString() else { return false }
                name = stringBytes(from: nameStart)
            }
            skipWhitespace()
            guard index < end, base[index] == UInt8(ascii: ":") else { return malformed() }
            index &+= 1
            skipWhitespace()
            let slotIndex = lookup(shape, hash: fastNameHash(name.pointer, name.length), name: name.pointer, length: name.length)
            if slotIndex >= 0 {
                let slot = tables.slots[slotIndex]
                // A duplicate name, or both spellings of one property.
                if seen & (slot.bit | slot.conflict) != 0 { return violation() }
                seen |= slot.bit | slot.alsoSets
                if slot.presenceAmbiguity >= 0 && !variant(slot.presenceAmbiguity) { return false }
                guard validateValue(slot, depth: depth) else { return false }
            } else {
                guard unknownMember(shape, name: name.pointer, length: name.length, from: spanMark), skipValue(depth: depth) else { return false }
            }
            skipWhitespace()
            guard index < end else { return malformed() }
            let byte = base[index]
            if byte == UInt8(ascii: ",") {
                index &+= 1
                skipWhitespace()
                continue
            }
            guard byte == UInt8(ascii: "}") else { return malformed() }
            index &+= 1
            if seen & shape.requiredMask != shape.requiredMask {
                // Missing: a required field (a violation) or a disputed one (a variant or a violation, by strictness).
                return missing(shape, seen: seen)
            }
            return true
        }
    }

    @inline(__always)
    func lookup(_ shape: FastShape, hash: UInt32, name: UnsafePointer<UInt8>, length: Int) -> Int {
        var position = Int(hash) & shape.mask
        while true {
            let entry = tables.entries[shape.entryStart &+ position]
            if entry.slot < 0 { return -1 }
            if entry.hash == hash && Int(entry.length) == length && fastEqualBytes(name, tables.pool + Int(entry.offset), length) {
                return Int(entry.slot)
            }
            position = (position &+ 1) & shape.mask
        }
    }

    @inline(__always)
    func equalBytes(_ start: Int, _ other: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        fastEqualBytes(base + start, other, length)
    }

    /// A member no rule names: a violation under `reject` unless it is an annotation (a name containing the
    /// scalar `@`, byte 0x40 in UTF-8, as the schema's `patternProperties {"@": true}` says), else skipped; its
    /// name is remembered so a duplicate is caught as the reporting path catches it. Only the names of the
    /// current object (spans from `from` on) count: an enclosing object's names are not duplicates.
    mutating func unknownMember(_ shape: FastShape, name: UnsafePointer<UInt8>, length: Int, from: Int) -> Bool {
        if shape.rejectsUnknown && memchr(name, 0x40, length) == nil { return violation() }
        var span = from
        while span < spanCount {
            if spans[2 &* span &+ 1] == length,
               fastEqualBytes(name, UnsafePointer(bitPattern: spans[2 &* span])!, length) { return violation() }
            span &+= 1
        }
        guard spanCount < spanCapacity else { return undetermined() }
        spans[2 &* spanCount] = Int(bitPattern: name)
        spans[2 &* spanCount &+ 1] = length
        spanCount &+= 1
        return true
    }

    /// Required names that are missing: a plainly required one is a violation; a disputed one is a reading of
    /// its contradiction (a variant, or a violation under `strict`).
    mutating func missing(_ shape: FastShape, seen: UInt64) -> Bool {
        let absent = shape.requiredMask & ~seen
        var slotIndex = shape.slotStart
        while slotIndex < shape.slotStart &+ shape.slotCount {
            let slot = tables.slots[slotIndex]
            if absent & slot.bit != 0 && slot.plainlyRequired { return violation() }
            slotIndex &+= 1
        }
        slotIndex = shape.slotStart
        while slotIndex < shape.slotStart &+ shape.slotCount {
            let slot = tables.slots[slotIndex]
            if absent & slot.bit != 0 && slot.absenceAmbiguity >= 0 && !variant(slot.absenceAmbiguity) { return false }
            slotIndex &+= 1
        }
        return true
    }

    /// The value at `index` for `slot`.
    @inline(__always)
    mutating func validateValue(_ slot: FastSlot, depth: Int) -> Bool {
        guard index < end else { return malformed() }
        let first = base[index]
        switch slot.kind {
        case .anyValue:
            return skipValue(depth: depth)
        default:
            break
        }
        if first == UInt8(ascii: "n") {
            guard literal() else { return malformed() }
            return slot.nullable ? true : violation()
        }
        switch slot.kind {
        case .string:
            guard first == UInt8(ascii: "\"") else { return typeMismatch(slot, depth: depth) }
            guard scanString() else { return false }
            return scannedStringFits(slot) ? true : violation()
        case .enumeration:
            guard first == UInt8(ascii: "\"") else { return typeMismatch(slot, depth: depth) }
            let start = index &+ 1
            guard scanString() else { return false }
            let value = stringBytes(from: start)
            // Accepted, a reading of a contradiction, or (in no set) a violation.
            let ambiguity = enumMember(tables.enumSets[slot.extra &+ versionIndex], value.pointer, value.length)
            if ambiguity == -1 { return true }
            if ambiguity == -2 { return violation() }
            return variant(ambiguity)
        case .dateTimeOffset, .localDateTime, .duration:
            guard first == UInt8(ascii: "\"") else { return typeMismatch(slot, depth: depth) }
            let start = index &+ 1
            guard scanString() else { return false }
            let value = stringBytes(from: start)
            return Self.isFormatted(slot.kind, value.pointer, value.length) ? true : violation()
        case .boolean:
            guard first == UInt8(ascii: "t") || first == UInt8(ascii: "f") else { return typeMismatch(slot, depth: depth) }
            return literal() ? true : malformed()
        case .integer:
            guard first == UInt8(ascii: "-") || isDigit(first) else { return typeMismatch(slot, depth: depth) }
            let start = index
            guard scanNumber() else { return malformed() }
            guard let value = integerValue(from: start, to: index), value >= slot.low, value <= slot.high else { return violation() }
            return true
        case .stringArray:
            guard first == UInt8(ascii: "[") else { return typeMismatch(slot, depth: depth) }
            guard depth &+ 1 <= maxDepth else { return malformed() }
            index &+= 1
            skipWhitespace()
            guard index < end else { return malformed() }
            if base[index] == UInt8(ascii: "]") { index &+= 1; return true }
            while true {
                guard index < end else { return malformed() }
                if base[index] != UInt8(ascii: "\"") {
                    // A non-string item is a violation, but only once the whole value is known to be JSON.
                    return skipRestOfArray(depth: depth &+ 1) ? violation() : false
                }
                guard scanString() else { return false }
                skipWhitespace()
                guard index < end else { return malformed() }
                if base[index] == UInt8(ascii: ",") {
                    index &+= 1
                    skipWhitespace()
                    continue
                }
                guard base[index] == UInt8(ascii: "]") else { return malformed() }
                index &+= 1
                return true
            }
        case .object:
            guard first == UInt8(ascii: "{") else { return typeMismatch(slot, depth: depth) }
            guard depth &+ 1 <= maxDepth else { return malformed() }
            return validateObject(shape: slot.extra, depth: depth &+ 1)
        case .odataType:
            guard first == UInt8(ascii: "\"") else { return typeMismatch(slot, depth: depth) }
            let start = index &+ 1
            guard scanString() else { return false }
            let value = stringBytes(from: start)
            guard value.length == slot.extraLength, fastEqualBytes(value.pointer, tables.pool + slot.extra, value.length) else {
                otherSubtype = true  // another subtype (the guess was a nested one) or none: the caller reads the top level
                return undetermined()
            }
            bodyConfirmed = true
            return true
        case .anyValue:
            return skipValue(depth: depth)
        }
    }

    @inline(__always)
    static func isFormatted(_ kind: FastKind, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        switch kind {
        case .dateTimeOffset: FastDateTime.isDateTimeOffset(p, n)
        case .localDateTime: FastDateTime.isLocalDateTime(p, n)
        case .duration: FastDateTime.isDuration(p, n)
        default: true
        }
    }

    /// -1 when the value is simply accepted, the ambiguity index when it is a reading of a contradiction, -2
    /// when the set doesn't have it.
    @inline(__always)
    func enumMember(_ set: FastEnumSet, _ value: UnsafePointer<UInt8>, _ length: Int) -> Int {
        var member = set.start
        while member < set.start &+ set.count {
            let range = tables.enumMembers[member]
            if range.length == length && fastEqualBytes(value, tables.pool + range.offset, length) { return range.ambiguity }
            member &+= 1
        }
        return -2
    }

    /// A value of the wrong JSON type: certain only when the payload is JSON all the way through the value and the
    /// field has no documented alternate shape.
    mutating func typeMismatch(_ slot: FastSlot, depth: Int) -> Bool {
        // A documented alternate shape (a string where the metadata has an object) is a reading of its contradiction.
        if let alternate = slot.alternateKind, base[index] == UInt8(ascii: "\"") {
            let start = index &+ 1
            guard scanString() else { return false }
            let value = stringBytes(from: start)
            let fits = switch alternate {
            case .string: !(slot.nonEmpty && value.length == 0) && (slot.maxLength == .max || scalars <= slot.maxLength)
            default: Self.isFormatted(alternate, value.pointer, value.length)
            }
            return fits ? variant(slot.alternateAmbiguity) : violation()
        }
        guard skipValue(depth: depth) else { return false }
        return violation()
    }

    /// The rest of an array whose item at `index` isn't a string (grammar only). The array is already open.
    mutating func skipRestOfArray(depth: Int) -> Bool {
        while true {
            guard skipValue(depth: depth) else { return false }
            skipWhitespace()
            guard index < end else { return malformed() }
            if base[index] == UInt8(ascii: ",") {
                index &+= 1
                skipWhitespace()
                continue
            }
            guard base[index] == UInt8(ascii: "]") else { return malformed() }
            index &+= 1
            return true
        }
    }
}
