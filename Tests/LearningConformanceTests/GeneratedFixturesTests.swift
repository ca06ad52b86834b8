import Foundation
import LearningConformance
import LearningContract
import LearningTestSupport
import Testing
import LearningFixtures

/// `Conformance/generated/` is what `FixtureGenerator` writes from the contract's rules. Regenerate with
/// `LEARNING_RECORD=all swift test --filter GeneratedFixturesTests` after a rule changes.
@Suite struct GeneratedFixturesTests {
    static let generated = Repository.conformance.appendingPathComponent("generated")

    @Test func generatedFixturesAreUpToDate() throws {
        let files = FixtureGenerator().files()
        for file in files {
            let url = Repository.conformance.appendingPathComponent(file.path)
            #expect(Golden.check(file.text, at: url, regenerate: nil) == nil)
        }
        let names = Set(files.map { String($0.path.dropFirst("generated/".count)) })
        #expect(Golden.staleFiles(in: Self.generated, expected: names) == nil)
    }

    @Test func generatedFixturesLoadAndCoverTheFieldRows() throws {
        let scenarios = FixtureGenerator().files().map { file in
            Result { try Scenario(fixture: file.document, file: file.path) }
        }
        for case .failure(let error) in scenarios { Issue.record("\(error)") }
        let loaded = scenarios.compactMap { try? $0.get() }
        let rows = Set(loaded.flatMap(\.errorRows))
        for row in ["fieldRequired", "fieldInvalid", "fieldEmpty", "fieldTooLong", "multipleFieldValidations"] {
            #expect(rows.contains(row), "no generated fixture expects \(row)")
        }
    }
}
