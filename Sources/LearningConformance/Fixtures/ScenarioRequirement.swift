import LearningContract

/// What a scenario needs from the target beyond its base URL, declared in the fixture's `requires`
/// (`Conformance/README.md`, "Requirements"). The runner executes every scenario whose requirements the target
/// meets and skips the others, each skip naming the requirement it lacks.
public enum ScenarioRequirement: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Nothing beyond the documented API (401s, 405s, field validation against ids that cannot exist...).
    case api
    /// An id the user supplies in the target profile (`--target FILE`), used as `{{profile.KEY}}`.
    case profile(TargetProfile.Key)
    /// The scenario creates what it reads through the public API, and the runner deletes it afterwards.
    case setup
    /// State only the target's operator can set (licences, sync disabled, faults, the docs world): a
    /// Pact-style state endpoint (`--state-url`) or the emulator's admin endpoint.
    case operatorState
    /// `reading:lenient:<ambiguity>`: a step sends what only the lenient reading of that documented contradiction
    /// accepts (the docs' own example, which the strict reading refuses). A target that says it reads the
    /// contradiction strictly (the emulator's `GET /_emulator/info`, `readings`) skips the scenario, naming why.
    case lenientReading(Ambiguity.ID)

    static let lenientReadingPrefix = "reading:lenient:"

    /// `api`, `profile:providerId`, `setup`, `operatorState`.
    public init?(text: String) {
        switch text {
        case "api": self = .api
        case "setup": self = .setup
        case "operatorState": self = .operatorState
        case _ where text.hasPrefix(Self.lenientReadingPrefix):
            let id = Ambiguity.ID(rawValue: String(text.dropFirst(Self.lenientReadingPrefix.count)))
            guard Ambiguity.documented.contains(where: { $0.id == id }) else { return nil }
            self = .lenientReading(id)
        default:
            guard text.hasPrefix("profile:"), let key = TargetProfile.Key(rawValue: String(text.dropFirst("profile:".count))) else {
                return nil
            }
            self = .profile(key)
        }
    }

    public var description: String {
        switch self {
        case .api: "api"
        case .profile(let key): "profile:" + key.rawValue
        case .setup: "setup"
        case .operatorState: "operatorState"
        case .lenientReading(let id): Self.lenientReadingPrefix + id.rawValue
        }
    }

    public static func < (lhs: ScenarioRequirement, rhs: ScenarioRequirement) -> Bool {
        func rank(_ requirement: ScenarioRequirement) -> Int {
            switch requirement {
            case .api: 0
            case .profile: 1
            case .setup: 2
            case .operatorState: 3
            case .lenientReading: 4
            }
        }
        return (rank(lhs), lhs.description) < (rank(rhs), rhs.description)
    }

    /// Every accepted spelling, for error messages and the JSON Schema.
    public static var allTexts: [String] {
        ["api", "setup", "operatorState"] + TargetProfile.Key.allCases.map { "profile:" + $0.rawValue }
            + Ambiguity.documented.map { lenientReadingPrefix + $0.id.rawValue }
    }
}
