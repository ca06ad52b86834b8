import Foundation

/// Golden files with a record mode, without a dependency.
///
/// `assertGolden(text, named:)` compares `text` with `Tests/<Target>/__Snapshots__/<name>`.
/// The record mode comes from the environment variable `LEARNING_RECORD`:
/// - `never` (the default, and what CI uses): a missing or different file is a failure;
/// - `missing`: writes files that do not exist yet, and still fails so the run is never green by accident;
/// - `all`: rewrites every golden file it is asked about, and fails to say so.
public enum Golden {
    public enum RecordMode: String, Sendable { case never, missing, all }

    public static var recordMode: RecordMode {
        ProcessInfo.processInfo.environment["LEARNING_RECORD"].flatMap(RecordMode.init(rawValue:)) ?? .never
    }

    /// The outcome of a comparison with `Tests/<Target>/__Snapshots__/<name>`: `nil` when it matched, otherwise a
    /// message that says why it did not.
    public static func check(_ actual: String, named name: String, filePath: String = #filePath) -> String? {
        check(actual, at: snapshotDirectory(for: filePath).appendingPathComponent(name), regenerate: nil)
    }

    /// The same comparison with a golden file anywhere in the repository (generated files that are committed, like
    /// `Schemas/` and `Conformance/generated/`). `regenerate` names another way to rewrite them, for the message.
    public static func check(_ actual: String, at url: URL, regenerate: String?) -> String? {
        let existing = try? String(contentsOf: url, encoding: .utf8)
        let mode = recordMode
        let also = regenerate.map { " (or \($0))" } ?? ""
        if mode == .all || (mode == .missing && existing == nil) {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return "recorded \(url.path) (LEARNING_RECORD=\(mode.rawValue)); run again with recording off"
        }
        guard let existing else {
            return "no golden file at \(url.path); run with LEARNING_RECORD=missing to record it\(also)"
        }
        if existing == actual { return nil }
        return "output differs from \(url.path); LEARNING_RECORD=all rewrites it\(also):\n"
            + String(lineDiff(expected: existing, actual: actual).prefix(3_000))
    }

    /// Files in `directory` that no golden check names any more (`expected`: the names that are; hidden files and
    /// `keep` are never stale). Under `LEARNING_RECORD=all` they are deleted; the message says which, or `nil`.
    public static func staleFiles(in directory: URL, expected: Set<String>, keep: Set<String> = []) -> String? {
        let names = Set((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
        let stale = names.subtracting(expected).subtracting(keep).filter { !$0.hasPrefix(".") }.sorted()
        guard !stale.isEmpty else { return nil }
        if recordMode == .all {
            for name in stale { try? FileManager.default.removeItem(at: directory.appendingPathComponent(name)) }
            return "removed stale files from \(directory.path) (LEARNING_RECORD=all): \(stale)"
        }
        return "stale files in \(directory.path) that nothing generates any more (LEARNING_RECORD=all removes them): \(stale)"
    }

    /// `Tests/<Target>/__Snapshots__` for a test file anywhere under `Tests/<Target>/`, so every golden file of a
    /// target sits in the one folder the package manifest excludes from the target's sources.
    static func snapshotDirectory(for filePath: String) -> URL {
        var url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while url.pathComponents.count > 2, url.deletingLastPathComponent().lastPathComponent != "Tests" {
            url = url.deletingLastPathComponent()
        }
        return url.appendingPathComponent("__Snapshots__")
    }

    /// A short line diff: `-` golden, `+` actual, unchanged runs collapsed.
    public static func lineDiff(expected: String, actual: String) -> String {
        let e = expected.components(separatedBy: "\n"), a = actual.components(separatedBy: "\n")
        var out: [String] = []
        var unchanged = 0
        for i in 0..<max(e.count, a.count) {
            let l = i < e.count ? e[i] : nil, r = i < a.count ? a[i] : nil
            if l == r { unchanged += 1; continue }
            if unchanged > 0 { out.append("  … (\(unchanged) unchanged)"); unchanged = 0 }
            if let l { out.append("- " + l) }
            if let r { out.append("+ " + r) }
        }
        if unchanged > 0 { out.append("  … (\(unchanged) unchanged)") }
        return out.joined(separator: "\n")
    }
}
