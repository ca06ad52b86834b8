import LearningContract

/// What a fresh tenant of a target with test state holds (`Conformance/STATE.md`): the state document the runner
/// puts in it before a scenario without `given`, and the profile (ids) that document makes true.
///
/// The runner does not know any target's world: whoever wires a target with test state into it (the CLI, for the
/// emulator: `LearningEmbeddedEmulator`) supplies it in `ConformanceConfiguration.freshTenant`.
public struct FreshTenantWorld: Sendable, Hashable {
    /// The ids scenarios see as `{{profile.KEY}}` in a fresh tenant.
    public var profile: TargetProfile
    /// The state document PUT into each fresh tenant before a scenario without `given`.
    public var state: JSONValue

    public init(profile: TargetProfile, state: JSONValue) {
        self.profile = profile
        self.state = state
    }
}
