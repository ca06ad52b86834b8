/// After a violation found before the top-level `@odata.type` was reached: is the subtype the pass assumed the
/// one the reporting path will choose? Then the violation is certain.
extension FastPass {
    /// Scans the top-level members (values for grammar only) from the start. True when the top-level
    /// `@odata.type` is exactly `expected` (unescaped, once), is missing (itself a violation), is duplicated
    /// (a violation), or the document is malformed; false when it names something else or can't be read here.
    mutating func violationStandsForSubtype(expected: FastByteRange) -> Bool {
        index = 0
        skipWhitespace()
        guard index < end, base[index] == UInt8(ascii: "{") else { return true }  // not an object: invalid anyway
        index &+= 1
        skipWhitespace()
        guard index < end else { return true }
        if base[index] == UInt8(ascii: "}") { return true }  // no @odata.type
        var found = false
        let name = Validator.discriminator.utf8
        while true {
            guard index < end, base[index] == UInt8(ascii: "\"") else { return true }
            let nameStart = index &+ 1
            guard scanString() else { return true }
            if escaped || nonASCII { return false }  // might spell @odata.type
            let nameLength = index &- 1 &- nameStart
            skipWhitespace()
            guard index < end, base[index] == UInt8(ascii: ":") else { return true }
            index &+= 1
            skipWhitespace()
            if nameLength == name.count && name.elementsEqual(UnsafeBufferPointer(start: base + nameStart, count: nameLength)) {
                if found { return true }  // duplicate @odata.type
                found = true
                guard index < end, base[index] == UInt8(ascii: "\"") else { return false }
                let valueStart = index &+ 1
                guard scanString() else { return true }
                let valueLength = index &- 1 &- valueStart
                if escaped || valueLength != expected.length || !equalBytes(valueStart, tables.pool + expected.offset, valueLength) {
                    return false
                }
            } else {
                guard skipValue(depth: 1) else { return certain }
            }
            skipWhitespace()
            guard index < end else { return true }
            if base[index] == UInt8(ascii: ",") {
                index &+= 1
                skipWhitespace()
                continue
            }
            guard base[index] == UInt8(ascii: "}") else { return true }
            return true  // found and equal, or missing
        }
    }
}
