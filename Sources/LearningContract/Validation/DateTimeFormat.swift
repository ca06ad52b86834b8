/// Byte-level checks of the date, time and duration formats the contract uses. No regex engine and no
/// Foundation formatter: these run for every date field of every payload.
public enum DateTimeFormat {
    /// Edm.DateTimeOffset as the Graph OpenAPI pattern P (github.com/microsoftgraph/msgraph-metadata/blob/master/openapi/v1.0/openapi.yaml: 4 or more year digits, 0 to 12 fraction
    /// digits, `Z` or an offset), written so the pattern says what the validator checks: the day exists in that
    /// month (29 February only in leap years, Gregorian rules) and the offset is at most ±23:59 (RFC 3339
    /// section 5.6). A JSON Schema validator and `isDateTimeOffset` therefore agree on every string.
    public static let offsetPattern =
        "^" + datePattern(year: "[0-9]{4,}", leapYear: "[0-9]*" + leapYearEnding) + timePattern(maxFraction: 12)
        + "(Z|[+-]([01][0-9]|2[0-3]):[0-5][0-9])$"
    /// dateTimeTimeZone.dateTime: `{date}T{time}` with up to 7 fractional digits and no offset (learn.microsoft.com/graph/api/resources/itembody?view=graph-rest-1.0 and learn.microsoft.com/graph/api/resources/datetimetimezone?view=graph-rest-1.0, Properties tables; assumed
    /// form), with real calendar days as above.
    public static let localPattern =
        "^" + datePattern(year: "[0-9]{4}", leapYear: leapYearEnding) + timePattern(maxFraction: 7) + "$"

    /// The last four digits of a leap year: `YY` a multiple of 4 other than `00`, or `CC00` with `CC` a multiple
    /// of 4 (years divisible by 400). Only the last four digits matter, as 10000 is a multiple of 400.
    static let leapYearEnding = "([0-9]{2}(0[48]|[2468][048]|[13579][26])|(0[048]|[2468][048]|[13579][26])00)"

    /// `{year}-{month}-{day}` accepting only days the month has.
    static func datePattern(year: String, leapYear: String) -> String {
        "(" + year + "-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))"
            + "|" + leapYear + "-02-29)"
    }

    static func timePattern(maxFraction: Int) -> String {
        "T([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]([.][0-9]{1,\(maxFraction)})?"
    }
    /// Edm.Duration as an ISO 8601 duration (learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table, row duration: `PT20M`).
    public static let durationPattern =
        "^-?P(?=[0-9]|T[0-9])([0-9]+Y)?([0-9]+M)?([0-9]+W)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+([.][0-9]+)?S)?)?$"

    /// The string's UTF-8 in place: no copy for native strings.
    typealias Bytes = Slice<UnsafeBufferPointer<UInt8>>

    private static func withBytes(_ text: String, _ body: (inout Bytes) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { buffer in
            var bytes = buffer[...]
            return body(&bytes)
        }
    }

    public static func isDateTimeOffset(_ text: String) -> Bool { withBytes(text, isDateTimeOffset) }
    public static func isLocalDateTime(_ text: String) -> Bool { withBytes(text, isLocalDateTime) }
    public static func isDuration(_ text: String) -> Bool { withBytes(text, isDuration) }

    private static func isDateTimeOffset(_ bytes: inout Bytes) -> Bool {
        guard let (year, month, day) = date(&bytes, minimumYearDigits: 4, maximumYearDigits: .max), time(&bytes, maxFraction: 12) else { return false }
        guard isRealDay(year: year, month: month, day: day) else { return false }
        if bytes.count == 1, bytes.first == UInt8(ascii: "Z") { return true }
        guard bytes.count == 6, bytes.first == UInt8(ascii: "+") || bytes.first == UInt8(ascii: "-") else { return false }
        bytes = bytes.dropFirst()
        guard let hours = number(&bytes, digits: 2), bytes.first == UInt8(ascii: ":") else { return false }
        bytes = bytes.dropFirst()
        guard let minutes = number(&bytes, digits: 2), bytes.isEmpty else { return false }
        return hours <= 23 && minutes <= 59
    }

    private static func isLocalDateTime(_ bytes: inout Bytes) -> Bool {
        guard let (year, month, day) = date(&bytes, minimumYearDigits: 4, maximumYearDigits: 4), time(&bytes, maxFraction: 7) else { return false }
        return bytes.isEmpty && isRealDay(year: year, month: month, day: day)
    }

    private static func isDuration(_ bytes: inout Bytes) -> Bool {
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard bytes.first == UInt8(ascii: "P") else { return false }
        bytes = bytes.dropFirst()
        var sawComponent = false
        var order = Array("YMWD".utf8)[...]
        while let first = bytes.first, first != UInt8(ascii: "T") {
            guard let (unit, fractional) = component(&bytes), !fractional, let i = order.firstIndex(of: unit) else { return false }
            order = order[(i + 1)...]
            sawComponent = true
        }
        if bytes.first == UInt8(ascii: "T") {
            bytes = bytes.dropFirst()
            var timeOrder = Array("HMS".utf8)[...]
            var sawTime = false
            while !bytes.isEmpty {
                guard let (unit, fractional) = component(&bytes), let i = timeOrder.firstIndex(of: unit) else { return false }
                if fractional && unit != UInt8(ascii: "S") { return false }
                timeOrder = timeOrder[(i + 1)...]
                sawTime = true
            }
            guard sawTime else { return false }
            sawComponent = true
        }
        return sawComponent && bytes.isEmpty
    }

    // MARK: - Pieces

    private static func component(_ bytes: inout Bytes) -> (UInt8, Bool)? {
        var digits = 0
        while let b = bytes.first, isDigit(b) { bytes = bytes.dropFirst(); digits += 1 }
        guard digits > 0 else { return nil }
        var fractional = false
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            var fractionDigits = 0
            while let b = bytes.first, isDigit(b) { bytes = bytes.dropFirst(); fractionDigits += 1 }
            guard fractionDigits > 0 else { return nil }
            fractional = true
        }
        guard let unit = bytes.first else { return nil }
        bytes = bytes.dropFirst()
        return (unit, fractional)
    }

    private static func date(_ bytes: inout Bytes, minimumYearDigits: Int, maximumYearDigits: Int) -> (Int, Int, Int)? {
        var year = 0
        var yearDigits = 0
        while let b = bytes.first, isDigit(b) {
            yearDigits += 1
            guard yearDigits <= maximumYearDigits else { return nil }
            // Only the year modulo 400 matters (leap years); 10000 is a multiple of 400, so four digits suffice.
            year = (year * 10 + Int(b - UInt8(ascii: "0"))) % 10_000
            bytes = bytes.dropFirst()
        }
        guard yearDigits >= minimumYearDigits, bytes.first == UInt8(ascii: "-") else { return nil }
        bytes = bytes.dropFirst()
        guard let month = number(&bytes, digits: 2), bytes.first == UInt8(ascii: "-") else { return nil }
        bytes = bytes.dropFirst()
        guard let day = number(&bytes, digits: 2), (1...12).contains(month), (1...31).contains(day) else { return nil }
        return (year, month, day)
    }

    private static func time(_ bytes: inout Bytes, maxFraction: Int) -> Bool {
        guard bytes.first == UInt8(ascii: "T") else { return false }
        bytes = bytes.dropFirst()
        guard let hour = number(&bytes, digits: 2), bytes.first == UInt8(ascii: ":") else { return false }
        bytes = bytes.dropFirst()
        guard let minute = number(&bytes, digits: 2), bytes.first == UInt8(ascii: ":") else { return false }
        bytes = bytes.dropFirst()
        guard let second = number(&bytes, digits: 2), hour <= 23, minute <= 59, second <= 59 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            var digits = 0
            while let b = bytes.first, isDigit(b) { bytes = bytes.dropFirst(); digits += 1 }
            guard (1...maxFraction).contains(digits) else { return false }
        }
        return true
    }

    private static func number(_ bytes: inout Bytes, digits: Int) -> Int? {
        guard bytes.count >= digits else { return nil }
        var value = 0
        for _ in 0..<digits {
            guard let b = bytes.first, isDigit(b) else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
            bytes = bytes.dropFirst()
        }
        return value
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    static func isRealDay(year: Int, month: Int, day: Int) -> Bool {
        switch month {
        case 2:
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return day <= (leap ? 29 : 28)
        case 4, 6, 9, 11: return day <= 30
        default: return day <= 31
        }
    }
}
