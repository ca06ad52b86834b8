import Foundation
import LearningContract
import Testing
import LearningTestSupport

/// The README is part of the contract with a newcomer: it names every documented contradiction, and `.ci/run`
/// runs exactly the test command it gives.
@Suite struct ReadmeTests {
    static let root = Repository.root

    static func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func listsEveryDocumentedContradiction() throws {
        let readme = try Self.read("README.md")
        for ambiguity in Ambiguity.documented {
            #expect(readme.contains("| `\(ambiguity.id)` |"), "README lacks \(ambiguity.id)")
        }
    }

    @Test func ciRunsTheReadmeTestCommand() throws {
        let readme = try Self.read("README.md")
        let ci = try Self.read(".ci/run")
        #expect(readme.contains("swift test                               # run the tests"))
        #expect(readme.contains("swift run learning-contract conform"))
        let commands = ci.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.hasPrefix("set ") && !$0.hasPrefix("cd ") && !$0.isEmpty }
        // `swift test` first; after it only the test scripts the README describes.
        #expect(commands.first == "swift test")
        for command in commands.dropFirst() {
            let script = command.hasPrefix("bash ") ? String(command.dropFirst(5)) : ""
            #expect(script.hasPrefix("Tests/Scripts/") && readme.contains("`\(script)`"), "\(command): not a test script the README describes")
        }
    }
}
