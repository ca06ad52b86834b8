/// The rule-checking half of the pass: objects whose names are in the compiled tables.
extension FastPass {
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
            // Find the closing quote eight bytes at a time; escaped or non-ASCII names may equal a rule's name by
            // value or by canonical equivalence, so the report decides those.
            let raw = UnsafeRawPointer(base)
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
                if byte == UInt8(ascii: "\\") || byte >= 0x80 { return undetermined() }
                if byte < 0x20 { return malformed() }
                index &+= 1
            }
            let nameLength = index &- nameStart
            index &+= 1
            skipWhitespace()
            guard index < end, base[index] == UInt8(ascii: ":") else { return malformed() }
            index &+= 1
            skipWhitespace()
            let slotIndex = lookup(shape, hash: fastNameHash(base + nameStart, nameLength), start: nameStart, length: nameLength)
            if slotIndex >= 0 {
                let slot = tables.slots[slotIndex]
                if seen & slot.bit != 0 { return violation() }  // duplicate name
                seen |= slot.bit
                guard validateValue(slot, depth: depth) else { return false }
            } else {
                guard unknownMember(shape, start: nameStart, length: nameLength, from: spanMark), skipValue(depth: depth) else { return false }
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
                // Missing: a required field (certain) or a disputed one (a variant or a violation, by strictness).
                return missingIsCertain(shape, seen: seen) ? violation() : undetermined()
            }
            return true
        }
    }

    @inline(__always)
    func lookup(_ shape: FastShape, hash: UInt32, start: Int, length: Int) -> Int {
        var position = Int(hash) & shape.mask
        while true {
            let entry = tables.entries[shape.entryStart &+ position]
            if entry.slot < 0 { return -1 }
            if entry.hash == hash && Int(entry.length) == length && equalBytes(start, tables.pool + Int(entry.offset), length) {
                return Int(entry.slot)
            }
            position = (position &+ 1) & shape.mask
        }
    }

    @inline(__always)
    func equalBytes(_ start: Int, _ other: UnsafePointer<UInt8>, _ length: Int) -> Bool {
        fastEqualBytes(base + start, other, length)
    }

    /// A member no rule names: a violation under `reject` unless it is an annotation (`@`), else skipped; its
    /// name is remembered so a duplicate is caught as the reporting path catches it. Only the names of the
    /// current object (spans from `from` on) count: an enclosing object's names are not duplicates.
    mutating func unknownMember(_ shape: FastShape, start: Int, length: Int, from: Int) -> Bool {
        if shape.rejectsUnknown {
            var k = 0
            var annotation = false
            while k < length {
                if base[start &+ k] == UInt8(ascii: "@") { annotation = true; break }
                k &+= 1
            }
            if !annotation { return violation() }
        }
        var span = from
        while span < spanCount {
            if spans[2 &* span &+ 1] == length && equalBytes(start, base + spans[2 &* span], length) { return violation() }
            span &+= 1
        }
        guard spanCount < spanCapacity else { return undetermined() }
        spans[2 &* spanCount] = start
        spans[2 &* spanCount &+ 1] = length
        spanCount &+= 1
        return true
    }

    /// Whether some missing required name is plainly required (not disputed, which may be only a variant).
    func missingIsCertain(_ shape: FastShape, seen: UInt64) -> Bool {
        var missing = shape.requiredMask & ~seen
        // Slots are stored in bit order from the shape's first slot; find it through the name table.
        while missing != 0 {
            let bit = missing & (0 &- missing)
            missing &= missing &- 1
            var position = 0
            while position <= shape.mask {
                let entry = tables.entries[shape.entryStart &+ position]
                if entry.slot >= 0 && tables.slots[Int(entry.slot)].bit == bit {
                    if tables.slots[Int(entry.slot)].plainlyRequired { return true }
                    break
                }
                position &+= 1
            }
        }
        return false
    }

    /// The value at `index` for `slot`.
    @inline(__always)
    mutating func validateValue(_ slot: FastSlot, depth: Int) -> Bool {
        guard index < end else { return malformed() }
        let first = base[index]
        switch slot.kind {
        case .anyValue:
            return skipValue(depth: depth)
        case .alwaysReport:
            return undetermined()
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
            if slot.nonEmpty && scalars == 0 { return violation() }
            return scalars <= slot.maxLength ? true : violation()
        case .enumeration:
            guard first == UInt8(ascii: "\"") else { return typeMismatch(slot, depth: depth) }
            let start = index &+ 1
            guard scanString() else { return false }
            if escaped || nonASCII { return undetermined() }
            let length = index &- 1 &- start
            if enumContains(tables.enumSets[slot.extra &+ versionIndex], start: start, length: length) { return true }
            // Not accepted here: a value some page lists is a variant (the report decides); anything else a violation.
            return enumContains(tables.enumSets[slot.extra &+ 2], start: start, length: length) || slot.hasAlternates
                ? undetermined() : violation()
        case .dateTimeOffset, .localDateTime, .duration:
            guard first == UInt8(ascii: "\"") else { return typeMismatch(slot, depth: depth) }
            let start = index &+ 1
            guard scanString() else { return false }
            if escaped { return undetermined() }
            let length = index &- 1 &- start
            let ok = switch slot.kind {
            case .dateTimeOffset: FastDateTime.isDateTimeOffset(base + start, length)
            case .localDateTime: FastDateTime.isLocalDateTime(base + start, length)
            default: FastDateTime.isDuration(base + start, length)
            }
            return ok ? true : (slot.hasAlternates ? undetermined() : violation())
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
            let length = index &- 1 &- start
            guard !escaped, length == slot.extraLength, equalBytes(start, tables.pool + slot.extra, length) else {
                return undetermined()  // another subtype, or an escaped spelling: let the report choose
            }
            bodyConfirmed = true
            return true
        case .anyValue, .alwaysReport:
            return undetermined()
        }
    }

    @inline(__always)
    func enumContains(_ set: FastEnumSet, start: Int, length: Int) -> Bool {
        var member = set.start
        while member < set.start &+ set.count {
            let range = tables.enumMembers[member]
            if range.length == length && equalBytes(start, tables.pool + range.offset, length) { return true }
            member &+= 1
        }
        return false
    }

    /// A value of the wrong JSON type: certain only when the payload is JSON all the way through the value and the
    /// field has no documented alternate shape.
    mutating func typeMismatch(_ slot: FastSlot, depth: Int) -> Bool {
        guard skipValue(depth: depth) else { return false }
        return slot.hasAlternates ? undetermined() : violation()
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
