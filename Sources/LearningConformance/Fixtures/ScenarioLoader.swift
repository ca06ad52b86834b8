import Foundation
import LearningContract

/// Loads `Conformance/`: every `*.json` under the directory except `roles.json` is one scenario.
public enum ScenarioLoader {
    public static let rolesFileName = "roles.json"

    /// Scenarios sorted by file path; duplicate ids, bad JSON and bad fixtures are errors (exit 2).
    public static func load(directory: URL) throws(FixtureError) -> [Scenario] {
        let files = try fixtureFiles(in: directory)
        var scenarios: [Scenario] = []
        var seen: [String: String] = [:]
        for file in files {
            let relative = relativePath(of: file, in: directory)
            let root = try readJSON(file, named: relative)
            let scenario = try Scenario(fixture: root, file: relative)
            if let other = seen[scenario.id] {
                throw FixtureError(file: relative, pointer: "/id", message: "duplicate scenario id '\(scenario.id)' (also in \(other))")
            }
            seen[scenario.id] = relative
            scenarios.append(scenario)
        }
        return scenarios
    }

    /// `roles.json` of the fixtures directory.
    public static func loadRoles(directory: URL) throws(FixtureError) -> RoleCatalog {
        let url = directory.appendingPathComponent(rolesFileName)
        return try RoleCatalog(document: try readJSON(url, named: rolesFileName), file: rolesFileName)
    }

    /// Checks that every step names a defined role and a known error row: mistakes in fixtures are
    /// usage errors (exit 2), not deviations of the target.
    public static func validate(_ scenarios: [Scenario], roles: RoleCatalog, rows: RowBook) throws(FixtureError) {
        for scenario in scenarios {
            for (index, step) in scenario.steps.enumerated() {
                let pointer = JSONPointer(["steps", String(index)])
                if roles[step.role] == nil {
                    throw FixtureError(file: scenario.file, pointer: pointer.appending("role"),
                                       message: "role '\(step.role)' is not defined in roles.json")
                }
                for row in step.expect.rowsReferenced where rows[row] == nil {
                    throw FixtureError(file: scenario.file, pointer: pointer.appending("expect"),
                                       message: "unknown error row '\(row)'")
                }
            }
        }
    }

    /// Keeps scenarios whose id, title, file or a tag contains `text` (case-insensitive).
    public static func filter(_ scenarios: [Scenario], by text: String?) -> [Scenario] {
        guard let text, !text.isEmpty else { return scenarios }
        let needle = text.lowercased()
        return scenarios.filter { scenario in
            ([scenario.id, scenario.title, scenario.file] + scenario.tags).contains { $0.lowercased().contains(needle) }
        }
    }

    static func fixtureFiles(in directory: URL) throws(FixtureError) -> [URL] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FixtureError(file: directory.path, message: "not a directory")
        }
        guard let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil) else {
            throw FixtureError(file: directory.path, message: "cannot list the directory")
        }
        var files: [URL] = []
        for case let url as URL in enumerator where url.pathExtension == "json" && url.lastPathComponent != rolesFileName {
            files.append(url)
        }
        return files.sorted { relativePath(of: $0, in: directory) < relativePath(of: $1, in: directory) }
    }

    static func relativePath(of file: URL, in directory: URL) -> String {
        let base = directory.standardizedFileURL.path
        let path = file.standardizedFileURL.path
        return path.hasPrefix(base + "/") ? String(path.dropFirst(base.count + 1)) : path
    }

    static func readJSON(_ url: URL, named name: String) throws(FixtureError) -> JSONValue {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw FixtureError(file: name, message: "cannot read: \(error.localizedDescription)")
        }
        do { return try JSONReader().read(data).root } catch {
            throw FixtureError(file: name, message: "invalid JSON: \(error)")
        }
    }
}
