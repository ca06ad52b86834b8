import Foundation
import LearningContract

/// What the user knows about the target: ids of things that exist there (`--target FILE`, JSON; its JSON Schema
/// is `Schemas/target-profile.schema.json`). Fixtures use them as `{{profile.KEY}}` and declare `profile:KEY`
/// in `requires`; a scenario whose keys the profile lacks is skipped, naming them.
///
/// `readings` says how the target reads the documented contradictions, for a target that can't say so itself (only
/// this package's emulator answers `GET /_emulator/info`): `"strict"` or `"lenient"` for all of them, or an object
/// of ambiguity ids (`learning-contract ambiguities`) to `"strict"` or `"lenient"`. A scenario that sends what only
/// the lenient reading of a contradiction accepts (`requires: reading:lenient:ID`) is skipped on a target that reads
/// it strictly.
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
    /// The reading of every contradiction `readings` doesn't name (`"readings": "strict"`); nil when not declared.
    public var reading: Strictness?
    /// Per-contradiction readings (`"readings": {"ID": "strict"}`).
    public var readings: [Ambiguity.ID: Strictness]

    static let readingsKey = "readings"

    public init(values: [Key: String] = [:], reading: Strictness? = nil, readings: [Ambiguity.ID: Strictness] = [:]) {
        self.values = values
        self.reading = reading
        self.readings = readings
    }

    public subscript(key: Key) -> String? { values[key] }

    /// How the profile says the target reads one contradiction; nil when it doesn't say.
    public func reading(of ambiguity: Ambiguity.ID) -> Strictness? { readings[ambiguity] ?? reading }

    /// `{{profile.KEY}}` variables.
    var variables: [String: JSONValue] {
        Dictionary(uniqueKeysWithValues: values.map { ("profile." + $0.key.rawValue, JSONValue.string($0.value)) })
    }

    /// Reads a profile document; every problem names the file and the JSON pointer.
    public init(document: JSONValue, file: String) throws(FixtureError) {
        let reader = FixtureReader(file: file)
        let object = try reader.object(document, at: .root)
        try reader.allowOnly(Set(["$schema", "$comment", Self.readingsKey] + Key.allCases.map(\.rawValue)), in: object, at: .root)
        var values: [Key: String] = [:]
        var reading: Strictness?
        var readings: [Ambiguity.ID: Strictness] = [:]
        if let declared = object[Self.readingsKey] {
            (reading, readings) = try Self.readings(declared, reader: reader, at: JSONPointer.root.appending(Self.readingsKey))
        }
        for member in object where !member.key.hasPrefix("$") && member.key != Self.readingsKey {
            guard let key = Key(rawValue: member.key) else { continue }
            let pointer = JSONPointer.root.appending(member.key)
            let text = try reader.string(member.value, at: pointer)
            guard !text.isEmpty, text.count <= 1024, !text.contains(where: { $0.isNewline }) else {
                throw FixtureError(file: file, pointer: pointer, message: "expected a non-empty id on one line (at most 1024 characters)")
            }
            values[key] = text
        }
        self.init(values: values, reading: reading, readings: readings)
    }

    /// `"strict"` / `"lenient"`, or `{"ID": "strict" | "lenient", …}` with documented ambiguity ids only.
    private static func readings(
        _ value: JSONValue, reader: FixtureReader, at pointer: JSONPointer
    ) throws(FixtureError) -> (Strictness?, [Ambiguity.ID: Strictness]) {
        func strictness(_ value: JSONValue, at pointer: JSONPointer) throws(FixtureError) -> Strictness {
            guard let text = value.stringValue, let strictness = Strictness(rawValue: text) else {
                throw reader.fail(pointer, "expected \"strict\" or \"lenient\"")
            }
            return strictness
        }
        if case .string = value { return (try strictness(value, at: pointer), [:]) }
        guard case .object(let object) = value else {
            throw reader.fail(pointer, "expected \"strict\", \"lenient\" or an object of ambiguity ids")
        }
        let known = Set(Ambiguity.documented.map(\.id.rawValue))
        try reader.allowOnly(known, in: object, at: pointer)
        var readings: [Ambiguity.ID: Strictness] = [:]
        for member in object {
            readings[Ambiguity.ID(rawValue: member.key)] = try strictness(member.value, at: pointer.appending(member.key))
        }
        return (nil, readings)
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
