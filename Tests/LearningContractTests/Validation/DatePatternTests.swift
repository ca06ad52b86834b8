import Foundation
import LearningContract
import Testing

/// The exported schemas' date patterns say exactly what the validator checks, so a JSON Schema validator and
/// `validate` agree on every date: real calendar days (29 February in leap years only, Gregorian rules) and
/// offsets up to ±23:59 (RFC 3339 section 5.6). Checked with an ECMA-like regex engine over a grid of strings.
@Suite("DateTimeFormat: patterns and checks agree")
struct DatePatternTests {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        let regex = try! NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    static let years = ["0000", "1900", "1999", "2000", "2023", "2024", "2100", "2400", "12024", "10000", "123456", "999"]

    @Test(arguments: ["Z", "+00:00", "-23:59", "+24:00", "+19:60", "-57:73", "+05:30"])
    func offsetPatternAgreesWithTheCheck(_ offset: String) {
        let regex = try! NSRegularExpression(pattern: DateTimeFormat.offsetPattern)
        for year in Self.years {
            for month in 0...13 {
                for day in 0...32 {
                    let text = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T10:00:00.5\(offset)"
                    let matched = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                    #expect(matched == DateTimeFormat.isDateTimeOffset(text), "\(text)")
                }
            }
        }
    }

    @Test func localPatternAgreesWithTheCheck() {
        let regex = try! NSRegularExpression(pattern: DateTimeFormat.localPattern)
        for year in Self.years {
            for month in 0...13 {
                for day in 0...32 {
                    let text = "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)T23:59:59.1234567"
                    let matched = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                    #expect(matched == DateTimeFormat.isLocalDateTime(text), "\(text)")
                }
            }
        }
    }

    @Test(arguments: [
        ("2024-02-29T00:00:00Z", true), ("2023-02-29T00:00:00Z", false), ("2100-02-29T00:00:00Z", false),
        ("2000-02-29T00:00:00Z", true), ("2021-04-31T00:00:00Z", false), ("2021-05-11T22:57:17+24:00", false),
        ("2021-05-11T22:57:17-23:59", true), ("1000000000-05-11T22:57:17Z", true),
    ])
    func documentedCases(_ text: String, _ valid: Bool) {
        #expect(DateTimeFormat.isDateTimeOffset(text) == valid)
        #expect(Self.matches(DateTimeFormat.offsetPattern, text) == valid)
    }
}
