import Foundation

/// Paths in this repository, for tests that read committed files (README, Conformance/, Schemas/, fixtures).
public enum Repository {
    /// The package root: `Tests/LearningTestSupport/Repository.swift`, two folders up.
    public static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    public static func path(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    public static var conformance: URL { path("Conformance") }
    public static var schemas: URL { path("Schemas") }
    public static var readme: URL { path("README.md") }
    /// `Tests/Fixtures`: third-party test data (JSONTestSuite, a Pact file).
    public static var fixtures: URL { path("Tests/Fixtures") }
}
