/// The recording half of the pass, for the compiled report: it reads a body's top-level object member by member
/// against one shape and never stops at a violation, so every finding's place is known after one pass.
extension FastPass {
    /// Reads the top-level object (the whole payload) against `shapeIndex` into `members`. Each value is checked by
    /// the same compiled checks as the fast path (`validateValue`); a value that fails or meets a contradiction is
    /// scanned again for grammar only to find its end. Returns the number of members, or nil when the payload is
    /// not a well-formed object, has more than `capacity` members, or needs something the pass leaves to the
    /// tree (a shape it can't compile, nesting deeper than it tracks). `types`/`candidates`: for a multi-subtype
    /// body, the `@odata.type` values that select a body.
    mutating func recordMembers(
        shape shapeIndex: Int, into members: UnsafeMutablePointer<FastMember>, capacity: Int,
        types: [FastByteRange?], candidates: [Int]
    ) -> Int? {
        let shape = tables.shapes[shapeIndex]
        guard shape.recordable else { return nil }
        index = 0
        skipWhitespace()
        guard index < end, base[index] == UInt8(ascii: "{") else { return nil }
        index &+= 1
        skipWhitespace()
        guard index < end else { return nil }
        var count = 0
        if base[index] == UInt8(ascii: "}") {
            index &+= 1
        } else {
            while true {
                guard index < end, base[index] == UInt8(ascii: "\"") else { return nil }
                let nameStart = index &+ 1
                guard scanString() else { return nil }
                let name = stringBytes(from: nameStart)
                skipWhitespace()
                guard index < end, base[index] == UInt8(ascii: ":") else { return nil }
                index &+= 1
                skipWhitespace()
                guard count < capacity, index < end else { return nil }
                let slotIndex = lookup(shape, hash: fastNameHash(name.pointer, name.length), name: name.pointer, length: name.length)
                let valueStart = index
                var clean = true
                var typeMatch = -2
                if slotIndex < 0 {
                    guard skipValue(depth: 1) else { return nil }
                } else if tables.slots[slotIndex].kind == .odataType {
                    clean = false
                    if base[index] == UInt8(ascii: "\"") {
                        guard scanString() else { return nil }
                        let value = stringBytes(from: valueStart &+ 1)
                        typeMatch = candidates.first { candidate in
                            guard let type = types[candidate] else { return false }
                            return type.length == value.length && fastEqualBytes(value.pointer, tables.pool + type.offset, value.length)
                        } ?? -1
                    } else {
                        guard skipValue(depth: 1) else { return nil }
                    }
                } else if tables.slots[slotIndex].kind == .string && base[index] == UInt8(ascii: "\"") {
                    // A string's checks come after its scan, so a failing one (empty, too long) ends where the
                    // string does: no second scan (an over-long string is the longest value there is to scan).
                    guard scanString() else { return nil }
                    clean = scannedStringFits(tables.slots[slotIndex])
                } else {
                    // A contradiction met is a variant (or a violation under strict): the report shows it, so the
                    // member isn't clean. Each member starts from no contradiction.
                    variants = 0
                    if !validateValue(tables.slots[slotIndex], depth: 1) || variants != 0 {
                        clean = false
                        index = valueStart
                        guard skipValue(depth: 1) else { return nil }
                    }
                }
                members[count] = FastMember(
                    name: name.pointer, nameLength: name.length, slot: slotIndex < 0 ? -1 : slotIndex &- shape.slotStart,
                    valueStart: valueStart, valueEnd: index, clean: clean, typeMatch: typeMatch)
                count &+= 1
                skipWhitespace()
                guard index < end else { return nil }
                if base[index] == UInt8(ascii: ",") {
                    index &+= 1
                    skipWhitespace()
                    continue
                }
                guard base[index] == UInt8(ascii: "}") else { return nil }
                index &+= 1
                break
            }
        }
        skipWhitespace()
        return index == end ? count : nil
    }
}
