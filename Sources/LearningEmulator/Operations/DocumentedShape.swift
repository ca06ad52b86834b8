import LearningContract

/// The metadata's shape of a property that a lenient reading accepts in another form, so what the emulator stores
/// and returns is what a client typed from the metadata can read (an official SDK reads `dueDateTime` as a
/// dateTimeTimeZone and `notes` as an itemBody, and a string in either place is lost to it):
///
/// - `dueDateTime` sent as a DateTimeOffset string (ambiguity `dueDateTimeShape`) becomes
///   `{"dateTime": "<the same instant in UTC, {date}T{time}>", "timeZone": "UTC"}`, the form of every example
///   (learn.microsoft.com/graph/api/resources/datetimetimezone, "Properties" table, rows dateTime and timeZone;
///   learn.microsoft.com/graph/api/resources/learningassignment, "Properties" table, row dueDateTime). The fraction
///   keeps every digit sent, padded to the examples' seven (`2022-09-22T16:05:00.0000000`); nothing is rounded.
/// - `notes` sent as a string (ambiguity `notesShape`) becomes `{"contentType": "text", "content": "<the string>"}`
///   (learn.microsoft.com/graph/api/resources/itembody, "Properties" table, rows content and contentType).
///
/// Any other value is returned as it is.
enum DocumentedShape {
    static func normalized(_ name: String, _ value: JSONValue) -> JSONValue {
        guard case .string(let text) = value else { return value }
        switch name {
        case "dueDateTime": return dateTimeTimeZone(fromOffset: text) ?? value
        case "notes": return ["contentType": "text", "content": .string(text)]
        default: return value
        }
    }

    /// `2021-05-11T22:57:17+02:00` → `{"dateTime": "2021-05-11T20:57:17.0000000", "timeZone": "UTC"}`; `nil` when the
    /// text is not a DateTimeOffset (the validator has refused it already) or the UTC date would fall before year 0.
    static func dateTimeTimeZone(fromOffset text: String) -> JSONValue? {
        let bytes = Array(text.utf8)
        var i = 0
        func digits(_ count: Int) -> Int? {
            guard i + count <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[i..<(i + count)] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            i += count
            return value
        }
        func expect(_ character: Character) -> Bool {
            guard i < bytes.count, bytes[i] == character.asciiValue else { return false }
            i += 1
            return true
        }
        // The year has 4 or more digits: kept as text, so no year overflows.
        var yearEnd = 0
        while yearEnd < bytes.count, (0x30...0x39).contains(bytes[yearEnd]) { yearEnd += 1 }
        guard yearEnd >= 4 else { return nil }
        var year = String(decoding: bytes[0..<yearEnd], as: UTF8.self)
        i = yearEnd
        guard expect("-"), var month = digits(2), expect("-"), var day = digits(2), expect("T"),
              let hour = digits(2), expect(":"), let minute = digits(2), expect(":"), let second = digits(2) else { return nil }
        var fraction = ""
        if expect(".") {
            let start = i
            while i < bytes.count, (0x30...0x39).contains(bytes[i]) { i += 1 }
            guard i > start else { return nil }
            fraction = String(decoding: bytes[start..<i], as: UTF8.self)
        }
        var offsetMinutes = 0
        if expect("Z") {
            offsetMinutes = 0
        } else {
            guard i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") else { return nil }
            let sign = bytes[i] == UInt8(ascii: "-") ? -1 : 1
            i += 1
            guard let hours = digits(2), expect(":"), let minutes = digits(2) else { return nil }
            offsetMinutes = sign * (hours * 60 + minutes)
        }
        guard i == bytes.count, (1...12).contains(month), (1...daysIn(month, year: year)).contains(day),
              hour < 24, minute < 60, second < 60 else { return nil }

        // UTC = local time - offset; at most ±23:59, so the date moves by at most one day.
        var minutes = hour * 60 + minute - offsetMinutes
        if minutes < 0 {
            minutes += 1440
            day -= 1
            if day == 0 {
                month -= 1
                if month == 0 {
                    guard let previous = step(year, by: -1) else { return nil }
                    year = previous
                    month = 12
                }
                day = daysIn(month, year: year)
            }
        } else if minutes >= 1440 {
            minutes -= 1440
            day += 1
            if day > daysIn(month, year: year) {
                day = 1
                month += 1
                if month == 13 {
                    guard let next = step(year, by: 1) else { return nil }
                    year = next
                    month = 1
                }
            }
        }
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        if fraction.utf8.count < 7 { fraction += String(repeating: "0", count: 7 - fraction.utf8.count) }
        let dateTime = "\(year)-\(two(month))-\(two(day))T\(two(minutes / 60)):\(two(minutes % 60)):\(two(second)).\(fraction)"
        return ["dateTime": .string(dateTime), "timeZone": "UTC"]
    }

    /// Days of a month in the Gregorian calendar; only the year's last four digits decide a leap year (10000 is a
    /// multiple of 400).
    static func daysIn(_ month: Int, year: String) -> Int {
        switch month {
        case 2:
            let last4 = Int(String(year.suffix(4))) ?? 1
            let leap = last4 % 4 == 0 && (last4 % 100 != 0 || last4 % 400 == 0)
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// A decimal year one up or down, as text of at least 4 digits; `nil` below 0000.
    static func step(_ year: String, by delta: Int) -> String? {
        var digits = Array(year.utf8).map { Int($0 - 0x30) }
        var index = digits.count - 1
        while index >= 0 {
            digits[index] += delta
            if digits[index] == 10 { digits[index] = 0 } else if digits[index] == -1 { digits[index] = 9 } else { break }
            index -= 1
        }
        if index < 0 {
            if delta < 0 { return nil }
            digits.insert(1, at: 0)
        }
        while digits.count > 4, digits.first == 0 { digits.removeFirst() }
        return String(decoding: digits.map { UInt8($0 + 0x30) }, as: UTF8.self)
    }
}
