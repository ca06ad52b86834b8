/// A JSON number kept in its lexical form (`20`, `20.0`, `2e1`, `1e400`), so rules can judge
/// the text the client sent rather than a lossy `Double`.
///
/// Integer policy (decided here, documented in the README): a number counts as an integer when its
/// *mathematical value* is whole, as JSON Schema 2020-12 defines it. So `20`, `20.0` and `2e1` are the
/// integer 20; `20.5` is not an integer; `1e400` is whole but outside every integer range.
public struct JSONNumber: Sendable, Hashable, CustomStringConvertible {
    /// The exact characters of the number in the document (RFC 8259 `number` grammar).
    public let lexeme: String

    /// Wraps a lexeme. The caller guarantees it matches RFC 8259's number grammar (the reader does).
    public init(lexeme: String) { self.lexeme = lexeme }
    public init(_ value: Int) { self.lexeme = String(value) }
    public init(_ value: Double) {
        self.lexeme = value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    public var description: String { lexeme }

    /// Whether the lexeme has no fraction and no exponent (`20`, `-3`).
    public var isIntegerLexeme: Bool { !lexeme.utf8.contains { $0 == UInt8(ascii: ".") || $0 | 0x20 == UInt8(ascii: "e") } }

    /// The value as `Double` (may be ±infinity for `1e400`).
    public var doubleValue: Double { Double(lexeme) ?? .nan }

    /// The exact integer value when the number is whole and fits in `Int64`; `nil` otherwise.
    /// `20.0` and `2e1` give 20; `20.5`, `1e400` and `-0.5` give `nil`.
    public var integerValue: Int64? {
        if isIntegerLexeme { return Int64(lexeme) }
        return Self.wholeValue(of: lexeme)
    }

    /// Compares by value: `20` equals `20.0` and `2e1`.
    public func isNumericallyEqual(to other: JSONNumber) -> Bool {
        if lexeme == other.lexeme { return true }
        if let a = integerValue, let b = other.integerValue { return a == b }
        return doubleValue == other.doubleValue
    }

    /// Decimal arithmetic on the lexeme: whole values with a fraction or exponent, exactly, without
    /// the rounding a `Double` would bring to values past 2^53.
    private static func wholeValue(of lexeme: String) -> Int64? {
        var digits: [UInt8] = []
        var negative = false
        var pointShift = 0
        var exponent = 0
        var seenPoint = false
        var bytes = Array(lexeme.utf8)[...]
        if bytes.first == UInt8(ascii: "-") { negative = true; bytes = bytes.dropFirst() }
        while let b = bytes.first, b != UInt8(ascii: "e"), b != UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if b == UInt8(ascii: ".") { seenPoint = true; continue }
            digits.append(b - UInt8(ascii: "0"))
            if seenPoint { pointShift += 1 }
        }
        if !bytes.isEmpty {
            bytes = bytes.dropFirst()
            var expNegative = false
            if bytes.first == UInt8(ascii: "-") { expNegative = true; bytes = bytes.dropFirst() }
            else if bytes.first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            for b in bytes {
                exponent = exponent * 10 + Int(b - UInt8(ascii: "0"))
                if exponent > 10_000 { break }
            }
            if expNegative { exponent = -exponent }
        }
        // Value = digits × 10^(exponent − pointShift).
        while let last = digits.last, last == 0, digits.count > 1, pointShift > exponent {
            digits.removeLast(); pointShift -= 1
        }
        let scale = exponent - pointShift
        if digits.allSatisfy({ $0 == 0 }) { return 0 }
        if scale < 0 {
            // Whole only if the dropped digits are all zero.
            let drop = -scale
            guard drop <= digits.count, digits.suffix(drop).allSatisfy({ $0 == 0 }) else { return nil }
            digits.removeLast(drop)
        } else {
            guard scale <= 19 else { return nil }
            digits.append(contentsOf: repeatElement(0, count: scale))
        }
        // Accumulated as a negative number so `Int64.min` (whose magnitude has no positive Int64) fits.
        var value: Int64 = 0
        for d in digits {
            let (m, o1) = value.multipliedReportingOverflow(by: 10)
            let (s, o2) = m.subtractingReportingOverflow(Int64(d))
            if o1 || o2 { return nil }
            value = s
        }
        if negative { return value }
        return value == .min ? nil : -value
    }
}
