import Foundation
import Testing

/// Citations in the shipped code name a doc page's public address, never the private restatement the package was
/// built from ("spec 5.1", `graph-spec.md`) nor `world.md`: neither is in the repository, so a reader can't follow
/// them. `/work/tools/cite.py` rewrites old ones (and leaves this file alone: cite.py: skip-file).
@Suite struct CitationLintTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static var forbidden: Regex<AnyRegexOutput> { try! Regex(#"(?i)\bspec (?:section )?[0-9]|graph-spec|world\.md"#) }

    static func offences(in text: String, file: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { number, line in
            line.firstMatch(of: forbidden) == nil ? nil : "\(file):\(number + 1): \(line.trimmingCharacters(in: .whitespaces))"
        }
    }

    @Test func noFileUnderSourcesCitesTheRestatement() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let enumerator = try #require(FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil))
        var files = 0
        var found: [String] = []
        for case let url as URL in enumerator where url.pathExtension == "swift" {
            files += 1
            let text = try String(contentsOf: url, encoding: .utf8)
            found += Self.offences(in: text, file: String(url.path.dropFirst(Self.root.path.count + 1)))
        }
        #expect(files > 100, "found only \(files) Swift files under \(sources.path)")
        #expect(found.isEmpty, "\(found.count) citations a reader cannot follow:\n\(found.joined(separator: "\n"))")
    }

    @Test(arguments: [
        ("// Create (spec 5.1)", true),
        ("/// (Spec 9 #7: the create table…)", true),
        ("the newest tables of spec section 3", true),
        ("restated in graph-spec.md", true),
        ("see world.md", true),
        ("learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, Responses table, row 404", false),
        ("the specified learning content", false),
        ("ArgumentParser.parse(tokens, spec: ServeCommand.spec)", false),
    ])
    func theLintCatchesEachForm(line: String, offends: Bool) {
        #expect(Self.offences(in: line, file: "f").isEmpty == !offends)
    }
}
