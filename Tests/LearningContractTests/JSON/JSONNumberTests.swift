import LearningContract
import Testing

@Suite("JSONNumber")
struct JSONNumberTests {
    @Test(arguments: [
        ("20", 20), ("20.0", 20), ("2e1", 20), ("2E+1", 20), ("20.5", nil), ("1e400", nil), ("-0.5", nil),
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
        ("-9223372036854775808.0", Int64.min), ("-92233720368547758.08e2", Int64.min),
        ("9223372036854775808", nil), ("9223372036854775808.0", nil), ("-9223372036854775809", nil),
        ("1.0e-0", 1), ("100e-2", 1), ("0.0", 0), ("-0", 0), ("0e99999", 0), ("1e-400", nil),
        ("12.3400e2", 1234), ("1.5e1", 15), ("1.55e1", nil), ("9007199254740993.0", 9_007_199_254_740_993),
    ] as [(String, Int64?)])
    func integerValue(_ lexeme: String, _ expected: Int64?) throws {
        // Read through the reader so every lexeme here is also proven grammar-valid.
        let number = try #require(try JSONReader().read(Array(lexeme.utf8)).root.numberValue)
        #expect(number.lexeme == lexeme)
        #expect(number.integerValue == expected)
    }

    @Test func numericEquality() {
        #expect(JSONNumber(lexeme: "20").isNumericallyEqual(to: JSONNumber(lexeme: "2e1")))
        #expect(!JSONNumber(lexeme: "20").isNumericallyEqual(to: JSONNumber(lexeme: "20.5")))
        #expect(JSONNumber(lexeme: "20") != JSONNumber(lexeme: "20.0"))
    }
}
