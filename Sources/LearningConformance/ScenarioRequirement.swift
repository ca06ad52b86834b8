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

    /// `api`, `profile:providerId`, `setup`, `operatorState`.
    public init?(text: String) {
        switch text {
        case "api": self = .api
        case "setup": self = .setup
        case "operatorState": self = .operatorState
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
        }
    }

    public static func < (lhs: ScenarioRequirement, rhs: ScenarioRequirement) -> Bool {
        func rank(_ requirement: ScenarioRequirement) -> Int {
            switch requirement {
            case .api: 0
            case .profile: 1
            case .setup: 2
            case .operatorState: 3
            }
        }
        return (rank(lhs), lhs.description) < (rank(rhs), rhs.description)
    }

    /// Every accepted spelling, for error messages and the JSON Schema.
    public static var allTexts: [String] {
        ["api", "setup", "operatorState"] + TargetProfile.Key.allCases.map { "profile:" + $0.rawValue }
    }
}
