/// `DateTimeFormat`'s checks over raw bytes, for the fast path: the same grammar, step by step, without
/// building a `String`. A test compares both on generated and mutated inputs.
enum FastDateTime {
    static func isDateTimeOffset(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        guard let (year, month, day) = date(p, n, &i, minimumYearDigits: 4, maximumYearDigits: .max),
              time(p, n, &i, maxFraction: 12),
              DateTimeFormat.isRealDay(year: year, month: month, day: day) else { return false }
        let rest = n - i
        if rest == 1 && p[i] == UInt8(ascii: "Z") { return true }
        guard rest == 6, p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: "-") else { return false }
        i += 1
        guard let hours = two(p, n, &i), p[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard let minutes = two(p, n, &i) else { return false }
        return hours <= 23 && minutes <= 59
    }

    static func isLocalDateTime(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        guard let (year, month, day) = date(p, n, &i, minimumYearDigits: 4, maximumYearDigits: 4),
              time(p, n, &i, maxFraction: 7) else { return false }
        return i == n && DateTimeFormat.isRealDay(year: year, month: month, day: day)
    }

    static func isDuration(_ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        if i < n && p[i] == UInt8(ascii: "-") { i += 1 }
        guard i < n, p[i] == UInt8(ascii: "P") else { return false }
        i += 1
        var sawComponent = false
        var order = 0
        while i < n && p[i] != UInt8(ascii: "T") {
            guard let (unit, fractional) = component(p, n, &i), !fractional,
                  let k = dateUnit(unit), k >= order else { return false }
            order = k + 1
            sawComponent = true
        }
        if i < n && p[i] == UInt8(ascii: "T") {
            i += 1
            var timeOrder = 0
            var sawTime = false
            while i < n {
                guard let (unit, fractional) = component(p, n, &i),
                      let k = timeUnit(unit), k >= timeOrder else { return false }
                if fractional && unit != UInt8(ascii: "S") { return false }
                timeOrder = k + 1
                sawTime = true
            }
            guard sawTime else { return false }
            sawComponent = true
        }
        return sawComponent && i == n
    }

    // MARK: - Pieces

    /// Order of the date units `YMWD` (each at most once, in this order).
    private static func dateUnit(_ unit: UInt8) -> Int? {
        switch unit {
        case UInt8(ascii: "Y"): 0
        case UInt8(ascii: "M"): 1
        case UInt8(ascii: "W"): 2
        case UInt8(ascii: "D"): 3
        default: nil
        }
    }

    /// Order of the time units `HMS`.
    private static func timeUnit(_ unit: UInt8) -> Int? {
        switch unit {
        case UInt8(ascii: "H"): 0
        case UInt8(ascii: "M"): 1
        case UInt8(ascii: "S"): 2
        default: nil
        }
    }

    private static func component(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) -> (UInt8, Bool)? {
        var digits = 0
        while i < n && isDigit(p[i]) { i += 1; digits += 1 }
        guard digits > 0 else { return nil }
        var fractional = false
        if i < n && p[i] == UInt8(ascii: ".") {
            i += 1
            var fractionDigits = 0
            while i < n && isDigit(p[i]) { i += 1; fractionDigits += 1 }
            guard fractionDigits > 0 else { return nil }
            fractional = true
        }
        guard i < n else { return nil }
        let unit = p[i]
        i += 1
        return (unit, fractional)
    }

    private static func date(
        _ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, minimumYearDigits: Int, maximumYearDigits: Int
    ) -> (Int, Int, Int)? {
        var year = 0
        var yearDigits = 0
        while i < n && isDigit(p[i]) {
            yearDigits += 1
            guard yearDigits <= maximumYearDigits else { return nil }
            year = (year * 10 + Int(p[i] - UInt8(ascii: "0"))) % 10_000  // the year modulo 400 is what matters
            i += 1
        }
        guard yearDigits >= minimumYearDigits, i < n, p[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let month = two(p, n, &i), i < n, p[i] == UInt8(ascii: "-") else { return nil }
        i += 1
        guard let day = two(p, n, &i), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }

    private static func time(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int, maxFraction: Int) -> Bool {
        guard i < n, p[i] == UInt8(ascii: "T") else { return false }
        i += 1
        guard let hour = two(p, n, &i), i < n, p[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard let minute = two(p, n, &i), i < n, p[i] == UInt8(ascii: ":") else { return false }
        i += 1
        guard let second = two(p, n, &i), hour <= 23, minute <= 59, second <= 59 else { return false }
        if i < n && p[i] == UInt8(ascii: ".") {
            i += 1
            var digits = 0
            while i < n && isDigit(p[i]) { i += 1; digits += 1 }
            guard digits >= 1 && digits <= maxFraction else { return false }
        }
        return true
    }

    @inline(__always)
    private static func two(_ p: UnsafePointer<UInt8>, _ n: Int, _ i: inout Int) -> Int? {
        guard i + 2 <= n, isDigit(p[i]), isDigit(p[i + 1]) else { return nil }
        let value = Int(p[i] - UInt8(ascii: "0")) * 10 + Int(p[i + 1] - UInt8(ascii: "0"))
        i += 2
        return value
    }

    @inline(__always)
    private static func isDigit(_ b: UInt8) -> Bool { b &- UInt8(ascii: "0") < 10 }
}
