import Foundation
import LearningContract

/// What the user knows about the target: ids of things that exist there (`--target FILE`, JSON; its JSON Schema
/// is `Schemas/target-profile.schema.json`). Fixtures use them as `{{profile.KEY}}` and declare `profile:KEY`
/// in `requires`; a scenario whose keys the profile lacks is skipped, naming them.
public struct TargetProfile: Sendable, Hashable {
    public enum Key: String, Sendable, Hashable, CaseIterable, Comparable {
        case providerId, contentId, learnerId, otherProviderId, disabledProviderId, unlicensedLearnerId, tenantId

        public var summary: String {
            switch self {
            case .providerId: "A registered learningProvider with course-activity sync enabled (isCourseActivitySyncEnabled true)."
            case .contentId: "A learningContent id of providerId."
            case .learnerId: "A user with a premium Viva Learning licence: the user the 'learner' role's token signs in."
            case .otherProviderId: "A second registered learningProvider with sync enabled, which does not own contentId."
            case .disabledProviderId: "A registered learningProvider whose course-activity sync is disabled."
            case .unlicensedLearnerId: "A user without a premium Viva Learning licence."
            case .tenantId: "The tenant the credentials belong to; read from the tokens' tid claim when they are JWTs."
            }
        }

        public static func < (lhs: Key, rhs: Key) -> Bool {
            allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
        }
    }

    public var values: [Key: String]

    public init(values: [Key: String] = [:]) { self.values = values }

    public subscript(key: Key) -> String? { values[key] }

    /// `{{profile.KEY}}` variables.
    var variables: [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: values.map { ("profile." + $0.key.rawValue, JSONValue.string($0.value)) })
    }

    /// Reads a profile document; every problem names the file and the JSON pointer.
    public init(document: JSONValue, file: String) throws(FixtureError) {
        let reader = FixtureReader(file: file)
        let object = try reader.object(document, at: .root)
        try reader.allowOnly(Set(["$schema", "$comment"] + Key.allCases.map(\.rawValue)), in: object, at: .root)
        var values: [Key: String] = [:]
        for member in object where !member.key.hasPrefix("$") {
            guard let key = Key(rawValue: member.key) else { continue }
            let pointer = JSONPointer.root.appending(member.key)
            let text = try reader.string(member.value, at: pointer)
            guard !text.isEmpty, text.count <= 1024, !text.contains(where: { $0.isNewline }) else {
                throw FixtureError(file: file, pointer: pointer, message: "expected a non-empty id on one line (at most 1024 characters)")
            }
            values[key] = text
        }
        self.init(values: values)
    }

    /// Reads `--target FILE`.
    public static func load(_ url: URL) throws(FixtureError) -> TargetProfile {
        let name = url.path
        if let size = (try? FileManager.default.attributesOfItem(atPath: url.path))?[.size] as? Int, size > 1 << 20 {
            throw FixtureError(file: name, message: "target profile over 1 MiB")
        }
        return try TargetProfile(document: try ScenarioLoader.readJSON(url, named: name), file: name)
    }
}
