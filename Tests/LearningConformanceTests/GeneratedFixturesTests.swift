import Foundation
import LearningConformance
import LearningContract
import Testing

/// `Conformance/generated/` is what `FixtureGenerator` writes from the contract's rules. Regenerate with
/// `LEARNING_RECORD=all swift test --filter GeneratedFixturesTests` after a rule changes.
@Suite struct GeneratedFixturesTests {
    static let conformance = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Conformance")

    @Test func generatedFixturesAreUpToDate() throws {
        let files = FixtureGenerator().files()
        let directory = Self.conformance.appendingPathComponent("generated")
        let record = ProcessInfo.processInfo.environment["LEARNING_RECORD"] == "all"
        if record {
            try? FileManager.default.removeItem(at: directory)
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            for file in files {
                try Data(file.text.utf8).write(to: Self.conformance.appendingPathComponent(file.path))
            }
            Issue.record("regenerated \(files.count) files in \(directory.path); run again with recording off")
            return
        }
        let onDisk = Set((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        let expected = Set(files.map { String($0.path.dropFirst("generated/".count)) })
        #expect(onDisk == expected, "stale or missing generated fixtures; regenerate with LEARNING_RECORD=all")
        for file in files {
            let text = try? String(contentsOf: Self.conformance.appendingPathComponent(file.path), encoding: .utf8)
            #expect(text == file.text, "\(file.path) is out of date; regenerate with LEARNING_RECORD=all")
        }
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
