/// One pass over one payload's bytes: strict RFC 8259 grammar, UTF-8 validation and the compiled rules at once,
/// without building a tree or allocating. Every method returns false as soon as the payload can't be settled
/// as valid; `outcome` then says whether what stopped it is a certain violation.
struct FastPass {
    let base: UnsafePointer<UInt8>
    let end: Int
    let tables: FastTableView
    let maxDepth: Int
    /// 0 for v1.0, 1 for beta: the enum set to use.
    let versionIndex: Int
    /// Names of unknown (ignored) or `@` members seen in the open objects, as (offset, length) pairs, to find duplicates.
    let spans: UnsafeMutablePointer<Int>
    let spanCapacity: Int
    var spanCount = 0
    var index = 0
    /// Unicode scalars of the last string scanned, and whether it had escapes or non-ASCII bytes.
    var scalars = 0
    var escaped = false
    var nonASCII = false
    /// True once the top-level `@odata.type` matched the subtype being checked (or the body has one shape).
    var bodyConfirmed: Bool
    /// Set when a `false` return is a violation the reporting path is certain to report.
    var certain = false
    /// Set when a rule violation was found before the subtype was confirmed.
    var needsTypeCheck = false
    /// Set when the `@odata.type` value names a subtype other than the one being checked.
    var otherSubtype = false
    /// The documented contradictions met so far (bit i: the validator's ambiguity i), all read leniently.
    var variants: UInt64 = 0
    /// The contradictions the configuration judges strictly: meeting one is a violation.
    let strictMask: UInt64
    /// `@odata.type` in the table pool.
    let discriminatorOffset: Int
    let discriminatorLength: Int
    /// Decoded copies of escaped strings (names and values), allocated on the first escape: decoding never
    /// makes a string longer, so the payload's size is enough for all of them. The caller calls `release()`.
    var arena: UnsafeMutablePointer<UInt8>? = nil
    var arenaUsed = 0

    init(base: UnsafePointer<UInt8>, count: Int, tables: FastTableView, maxDepth: Int, versionIndex: Int,
         spans: UnsafeMutablePointer<Int>, spanCapacity: Int, bodyConfirmed: Bool, strictMask: UInt64,
         discriminator: FastByteRange) {
        self.base = base
        self.end = count
        self.tables = tables
        self.maxDepth = maxDepth
        self.versionIndex = versionIndex
        self.spans = spans
        self.spanCapacity = spanCapacity
        self.bodyConfirmed = bodyConfirmed
        self.strictMask = strictMask
        self.discriminatorOffset = discriminator.offset
        self.discriminatorLength = discriminator.length - 1  // the range ends with the closing quote
    }

    mutating func release() {
        arena?.deallocate()
        arena = nil
    }

    // MARK: - Outcomes

    /// Malformed JSON: the reporting path reports `malformedJSON`, whatever the rules.
    @inline(__always) mutating func malformed() -> Bool { certain = true; needsTypeCheck = false; return false }
    /// A rule violation: certain only once the subtype is confirmed (otherwise a later `@odata.type` may pick another body).
    /// A rule violation: certain once the subtype is confirmed; before that, `needsTypeCheck` asks the caller to
    /// find the top-level `@odata.type` (a later one may pick another body).
    @inline(__always) mutating func violation() -> Bool {
        certain = bodyConfirmed
        needsTypeCheck = !bodyConfirmed
        return false
    }
    /// Not settled here (variants, escapes, canonical equivalence of names…).
    @inline(__always) mutating func undetermined() -> Bool { certain = false; needsTypeCheck = false; return false }
    @inline(__always) mutating func malformedOrUndetermined(_ isMalformed: Bool) -> Bool { isMalformed ? malformed() : undetermined() }
    /// A documented contradiction met: a variant under `lenient`, a violation under `strict`.
    @inline(__always) mutating func variant(_ ambiguity: Int) -> Bool {
        let bit: UInt64 = 1 << UInt64(ambiguity)
        if strictMask & bit != 0 { return violation() }
        variants |= bit
        return true
    }

    // MARK: - Decoded strings

    /// The bytes of the string just scanned (its content starts at `start`; `index` is past its closing quote):
    /// in place when it has no escape, else decoded into the arena. Names and values are compared by these
    /// bytes, never by canonical equivalence.
    @inline(__always)
    mutating func stringBytes(from start: Int) -> (pointer: UnsafePointer<UInt8>, length: Int) {
        let stop = index &- 1
        guard escaped else { return (base + start, stop &- start) }
        return decode(from: start, to: stop)
    }

    /// Decodes an already validated string body (no quotes) into the arena.
    mutating func decode(from start: Int, to stop: Int) -> (pointer: UnsafePointer<UInt8>, length: Int) {
        if arena == nil { arena = .allocate(capacity: max(end, 1)) }
        let out = arena! + arenaUsed
        var length = 0
        var i = start
        func hex(_ at: Int) -> UInt32 {
            var value: UInt32 = 0
            for k in at..<(at &+ 4) {
                let b = base[k]
                let digit: UInt8 = b <= UInt8(ascii: "9") ? b &- UInt8(ascii: "0") : (b | 0x20) &- UInt8(ascii: "a") &+ 10
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while i < stop {
            let byte = base[i]
            guard byte == UInt8(ascii: "\\") else {
                out[length] = byte
                length &+= 1
                i &+= 1
                continue
            }
            let kind = base[i &+ 1]
            var scalar: UInt32
            switch kind {
            case UInt8(ascii: "b"): scalar = 0x08
            case UInt8(ascii: "f"): scalar = 0x0C
            case UInt8(ascii: "n"): scalar = 0x0A
            case UInt8(ascii: "r"): scalar = 0x0D
            case UInt8(ascii: "t"): scalar = 0x09
            case UInt8(ascii: "u"):
                scalar = hex(i &+ 2)
                if scalar >= 0xD800 && scalar <= 0xDBFF {
                    let low = hex(i &+ 8)
                    scalar = 0x10000 &+ ((scalar &- 0xD800) << 10) &+ (low &- 0xDC00)
                    i &+= 6
                }
                i &+= 4
            default: scalar = UInt32(kind)  // \" \\ \/
            }
            i &+= 2
            switch scalar {
            case 0..<0x80:
                out[length] = UInt8(scalar)
                length &+= 1
            case 0x80..<0x800:
                out[length] = UInt8(0xC0 | scalar >> 6)
                out[length &+ 1] = UInt8(0x80 | scalar & 0x3F)
                length &+= 2
            case 0x800..<0x10000:
                out[length] = UInt8(0xE0 | scalar >> 12)
                out[length &+ 1] = UInt8(0x80 | scalar >> 6 & 0x3F)
                out[length &+ 2] = UInt8(0x80 | scalar & 0x3F)
                length &+= 3
            default:
                out[length] = UInt8(0xF0 | scalar >> 18)
                out[length &+ 1] = UInt8(0x80 | scalar >> 12 & 0x3F)
                out[length &+ 2] = UInt8(0x80 | scalar >> 6 & 0x3F)
                out[length &+ 3] = UInt8(0x80 | scalar & 0x3F)
                length &+= 4
            }
        }
        arenaUsed &+= length
        return (UnsafePointer(out), length)
    }

    // MARK: - Whitespace and literals

    @inline(__always)
    mutating func skipWhitespace() {
        while index < end {
            let byte = base[index]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            index &+= 1
        }
    }

    /// `true`, `false` or `null` at `index`; false when the bytes differ.
    @inline(__always)
    mutating func literal() -> Bool {
        let remaining = end &- index
        switch base[index] {
        case UInt8(ascii: "t"):
            guard remaining >= 4, base[index + 1] == UInt8(ascii: "r"), base[index + 2] == UInt8(ascii: "u"),
                  base[index + 3] == UInt8(ascii: "e") else { return false }
            index &+= 4
        case UInt8(ascii: "f"):
            guard remaining >= 5, base[index + 1] == UInt8(ascii: "a"), base[index + 2] == UInt8(ascii: "l"),
                  base[index + 3] == UInt8(ascii: "s"), base[index + 4] == UInt8(ascii: "e") else { return false }
            index &+= 5
        case UInt8(ascii: "n"):
            guard remaining >= 4, base[index + 1] == UInt8(ascii: "u"), base[index + 2] == UInt8(ascii: "l"),
                  base[index + 3] == UInt8(ascii: "l") else { return false }
            index &+= 4
        default:
            return false
        }
        return true
    }

    // MARK: - Strings

    /// Scans a string whose opening quote is at `index`; on success `index` is past the closing quote and
    /// `scalars`, `escaped`, `nonASCII` describe it. Eight ASCII bytes at a time while there is nothing to look at.
    @inline(__always)
    mutating func scanString() -> Bool {
        index &+= 1
        var count = 0
        escaped = false
        nonASCII = false
        let raw = UnsafeRawPointer(base)
        while true {
            while index &+ 8 <= end {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                let quote = word ^ 0x2222_2222_2222_2222
                let backslash = word ^ 0x5C5C_5C5C_5C5C_5C5C
                let special = ((quote &- 0x0101_0101_0101_0101) & ~quote)
                    | ((backslash &- 0x0101_0101_0101_0101) & ~backslash)
                    | ((word &- 0x2020_2020_2020_2020) & ~word)
                    | word
                let flags = special & 0x8080_8080_8080_8080
                if flags == 0 {
                    index &+= 8
                    count &+= 8
                    continue
                }
                let skip = flags.trailingZeroBitCount >> 3
                index &+= skip
                count &+= skip
                break
            }
            guard index < end else { return malformed() }
            let byte = base[index]
            if byte == UInt8(ascii: "\"") {
                index &+= 1
                scalars = count
                return true
            }
            if byte == UInt8(ascii: "\\") {
                guard escape() else { return malformed() }
                escaped = true
                count &+= 1
            } else if byte < 0x20 {
                return malformed()
            } else if byte < 0x80 {
                index &+= 1
                count &+= 1
            } else {
                guard multiByte() else { return malformed() }
                nonASCII = true
                count &+= 1
            }
        }
    }

    /// One escape at `index` (a backslash), exactly as the reader accepts them: surrogates only in pairs.
    @inline(__always)
    mutating func escape() -> Bool {
        guard index &+ 1 < end else { return false }
        switch base[index &+ 1] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            index &+= 2
            return true
        case UInt8(ascii: "u"):
            guard let unit = hexQuad(at: index &+ 2) else { return false }
            if unit >= 0xDC00 && unit <= 0xDFFF { return false }
            if unit >= 0xD800 && unit <= 0xDBFF {
                guard index &+ 8 <= end, base[index &+ 6] == UInt8(ascii: "\\"), base[index &+ 7] == UInt8(ascii: "u"),
                      let low = hexQuad(at: index &+ 8), low >= 0xDC00 && low <= 0xDFFF else { return false }
                index &+= 12
                return true
            }
            index &+= 6
            return true
        default:
            return false
        }
    }

    @inline(__always)
    func hexQuad(at offset: Int) -> UInt16? {
        guard offset &+ 4 <= end else { return nil }
        var value: UInt16 = 0
        for position in offset..<(offset &+ 4) {
            let byte = base[position]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte &- UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte &- UInt8(ascii: "a") &+ 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte &- UInt8(ascii: "A") &+ 10
            default: return nil
            }
            value = value << 4 | UInt16(digit)
        }
        return value
    }

    /// One multi-byte UTF-8 sequence at `index` (Unicode table 3-7, as the reader checks it).
    @inline(__always)
    mutating func multiByte() -> Bool {
        guard let (length, low, high) = UTF8Table.sequence(lead: base[index]) else { return false }
        guard index &+ length <= end else { return false }
        let second = base[index &+ 1]
        guard second >= low && second <= high else { return false }
        var position = index &+ 2
        while position < index &+ length {
            guard base[position] & 0xC0 == 0x80 else { return false }
            position &+= 1
        }
        index &+= length
        return true
    }

    // MARK: - Numbers

    /// RFC 8259 number grammar at `index`; `index` ends past it.
    @inline(__always)
    mutating func scanNumber() -> Bool {
        if base[index] == UInt8(ascii: "-") { index &+= 1 }
        guard index < end, isDigit(base[index]) else { return false }
        if base[index] == UInt8(ascii: "0") {
            index &+= 1
            if index < end && isDigit(base[index]) { return false }
        } else {
            while index < end && isDigit(base[index]) { index &+= 1 }
        }
        if index < end && base[index] == UInt8(ascii: ".") {
            index &+= 1
            guard index < end, isDigit(base[index]) else { return false }
            while index < end && isDigit(base[index]) { index &+= 1 }
        }
        if index < end && base[index] | 0x20 == UInt8(ascii: "e") {
            index &+= 1
            if index < end && (base[index] == UInt8(ascii: "+") || base[index] == UInt8(ascii: "-")) { index &+= 1 }
            guard index < end, isDigit(base[index]) else { return false }
            while index < end && isDigit(base[index]) { index &+= 1 }
        }
        return true
    }

    @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte &- UInt8(ascii: "0") < 10 }

    /// The exact whole value of a valid number lexeme, as `JSONNumber.integerValue` defines it (`20.0` and `2e1`
    /// are 20), or nil when it isn't whole or doesn't fit in `Int64`.
    func integerValue(from start: Int, to stop: Int) -> Int64? {
        var position = start
        let negative = base[position] == UInt8(ascii: "-")
        if negative { position &+= 1 }
        var magnitude: UInt64 = 0
        var plain = true
        var scan = position
        while scan < stop {
            let byte = base[scan]
            if !isDigit(byte) { plain = false; break }
            scan &+= 1
        }
        if plain {
            while position < stop {
                let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(UInt64(base[position] &- UInt8(ascii: "0")))
                if o1 || o2 { return nil }
                magnitude = s
                position &+= 1
            }
            return signed(magnitude, negative: negative, allowMinimum: true)
        }
        // Digits (integer and fraction), the count of fraction digits, then the exponent.
        var firstSignificant = -1
        var lastNonZero = -1
        var digitCount = 0
        var fractionDigits = 0
        var inFraction = false
        var exponent = 0
        while position < stop {
            let byte = base[position]
            if byte == UInt8(ascii: ".") { inFraction = true; position &+= 1; continue }
            if byte | 0x20 == UInt8(ascii: "e") { break }
            if byte != UInt8(ascii: "0") {
                if firstSignificant < 0 { firstSignificant = digitCount }
                lastNonZero = digitCount
            }
            digitCount &+= 1
            if inFraction { fractionDigits &+= 1 }
            position &+= 1
        }
        if position < stop {
            position &+= 1
            var exponentNegative = false
            if base[position] == UInt8(ascii: "-") { exponentNegative = true; position &+= 1 }
            else if base[position] == UInt8(ascii: "+") { position &+= 1 }
            while position < stop {
                exponent = exponent &* 10 &+ Int(base[position] &- UInt8(ascii: "0"))
                if exponent > 10_000 { break }
                position &+= 1
            }
            if exponentNegative { exponent = -exponent }
        }
        if firstSignificant < 0 { return 0 }
        // Value = significant digits [firstSignificant...lastNonZero] × 10^scale.
        let trailingZeros = digitCount - 1 - lastNonZero
        let scale = exponent - fractionDigits + trailingZeros
        if scale < 0 { return nil }
        let significant = lastNonZero - firstSignificant + 1
        if significant + scale > 19 { return nil }
        // Walk the digits again, collecting the significant ones.
        var digitIndex = 0
        position = negative ? start + 1 : start
        while position < stop {
            let byte = base[position]
            if byte == UInt8(ascii: ".") { position &+= 1; continue }
            if byte | 0x20 == UInt8(ascii: "e") { break }
            if digitIndex >= firstSignificant && digitIndex <= lastNonZero {
                let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(UInt64(byte &- UInt8(ascii: "0")))
                if o1 || o2 { return nil }
                magnitude = s
            }
            digitIndex &+= 1
            position &+= 1
        }
        for _ in 0..<scale {
            let (m, o) = magnitude.multipliedReportingOverflow(by: 10)
            if o { return nil }
            magnitude = m
        }
        return signed(magnitude, negative: negative, allowMinimum: false)
    }

    /// `allowMinimum`: `Int64(lexeme)` reads -9223372036854775808; the decimal path of `JSONNumber` doesn't.
    private func signed(_ magnitude: UInt64, negative: Bool, allowMinimum: Bool) -> Int64? {
        if negative {
            if allowMinimum && magnitude == UInt64(Int64.max) + 1 { return .min }
            return magnitude <= UInt64(Int64.max) ? -Int64(magnitude) : nil
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    // MARK: - Any value

    /// Checks one complete value of any shape (an ignored or `@` member) for grammar only, without recursion.
    /// `depth` is the number of containers already open around it.
    mutating func skipValue(depth: Int) -> Bool {
        var open = 0
        var objectBits: (UInt64, UInt64) = (0, 0)
        func isObject(_ level: Int, _ bits: (UInt64, UInt64)) -> Bool {
            level < 64 ? bits.0 >> UInt64(level) & 1 == 1 : bits.1 >> UInt64(level - 64) & 1 == 1
        }
        while true {
            // A value starts at `index`.
            guard index < end else { return malformed() }
            var closedValue = true
            switch base[index] {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let object = base[index] == UInt8(ascii: "{")
                guard depth &+ open &+ 1 <= maxDepth else { return malformed() }
                guard open < 128 else { return undetermined() }  // deeper than the bit stack: let the reader judge
                if object {
                    if open < 64 { objectBits.0 |= 1 << UInt64(open) } else { objectBits.1 |= 1 << UInt64(open - 64) }
                } else {
                    if open < 64 { objectBits.0 &= ~(1 << UInt64(open)) } else { objectBits.1 &= ~(1 << UInt64(open - 64)) }
                }
                open &+= 1
                index &+= 1
                skipWhitespace()
                let closer = object ? UInt8(ascii: "}") : UInt8(ascii: "]")
                if index < end && base[index] == closer {
                    index &+= 1
                    open &-= 1
                } else {
                    if object && !memberName() { return false }
                    closedValue = false
                }
            case UInt8(ascii: "\""):
                guard scanString() else { return false }
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard scanNumber() else { return malformed() }
            case UInt8(ascii: "t"), UInt8(ascii: "f"), UInt8(ascii: "n"):
                guard literal() else { return malformed() }
            default:
                return malformed()
            }
            if !closedValue { continue }
            // After a value: close containers or move to the next element.
            var next = false
            while !next {
                if open == 0 { return true }
                skipWhitespace()
                guard index < end else { return malformed() }
                let byte = base[index]
                let object = isObject(open - 1, objectBits)
                if byte == UInt8(ascii: ",") {
                    index &+= 1
                    skipWhitespace()
                    if object && !memberName() { return false }
                    next = true
                } else if byte == (object ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    index &+= 1
                    open &-= 1
                } else {
                    return malformed()
                }
            }
        }
    }

    /// `"name" :` inside a skipped object, any name.
    @inline(__always)
    mutating func memberName() -> Bool {
        guard index < end, base[index] == UInt8(ascii: "\"") else { return malformed() }
        guard scanString() else { return false }
        skipWhitespace()
        guard index < end, base[index] == UInt8(ascii: ":") else { return malformed() }
        index &+= 1
        skipWhitespace()
        return true
    }
}
