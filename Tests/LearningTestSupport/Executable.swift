import Foundation

/// The package's built executables, for tests that run them as a user would.
public enum Executable {
    /// The built `learning-contract`: next to the test runner (any `--scratch-path`), next to the test bundle, or
    /// in `.build/debug`; `nil` when none is there.
    public static var learningContract: URL? { find("learning-contract") }

    /// `learning-contract`, built now (`swift build --product`) when no built one is found.
    public static func learningContractBuildingIfNeeded() throws -> URL {
        if let found = learningContract { return found }
        // `swift test` holds the build lock while tests run, hence --ignore-lock.
        let swift = try ProcessRunner.run(
            ProcessRunner.env,
            ["swift", "build", "--ignore-lock", "--product", "learning-contract", "--package-path", Repository.root.path],
            timeout: 280
        )
        let built = Repository.path(".build/debug/learning-contract")
        guard swift.status == 0, FileManager.default.isExecutableFile(atPath: built.path) else {
            throw ProcessRunner.LaunchError(description: "swift build failed (no \(built.path)):\n\(swift.stderr)\(swift.stdout)")
        }
        return built
    }

    static func find(_ name: String) -> URL? {
        var candidates: [URL] = []
        // On Linux the test runner is itself an executable in the products folder.
        if let runner = Bundle.main.executableURL {
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent(name))
        }
        if let runner = CommandLine.arguments.first.map({ URL(fileURLWithPath: $0) }) {
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent(name))
        }
        if let bundle = Bundle.allBundles.first(where: { $0.bundleURL.pathExtension == "xctest" }) {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent(name))
        candidates.append(Repository.path(".build/debug/\(name)"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
