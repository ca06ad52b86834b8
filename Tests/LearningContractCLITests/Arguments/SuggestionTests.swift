@testable import LearningContractCLI
import Testing

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("format", "format", 0), ("fromat", "format", 1), ("formt", "format", 1), ("formats", "format", 1),
        ("", "abc", 3), ("abc", "", 3), ("kitten", "sitting", 3), ("ca", "abc", 3),
    ])
    func measuresEditDistance(_ a: String, _ b: String, _ expected: Int) {
        #expect(Suggestion.editDistance(Array(a), Array(b)) == expected)
    }

    static let commands = ["validate", "errors", "schema", "ambiguities", "serve", "token", "conform", "version", "help"]

    @Test(arguments: [
        ("valdate", "validate"), ("VALIDATE", "validate"), ("serv", "serve"), ("tokn", "token"), ("verison", "version"),
        ("ambig", "ambiguities"), ("confrom", "conform"), ("xyz", nil), ("", nil), ("e", nil),
    ] as [(String, String?)])
    func suggestsPlausibleTypos(_ typed: String, _ expected: String?) {
        #expect(Suggestion.closest(to: typed, among: Self.commands) == expected)
    }
}
