import LearningContract
import LearningEmulator

extension TargetProfile {
    /// A provider the emulator's base world registers with sync disabled (not in the docs).
    static let emulatorDisabledProviderID = "0d15ab1e-5e7c-4b1a-9c0d-00000000d15a"
    /// A learner the emulator's base world gives no licence.
    static let emulatorUnlicensedLearnerID = "0bad11ce-0000-4000-8000-000000000001"

    /// The profile of a fresh emulator tenant holding `emulatorWorld`: the docs world's ids.
    public static let emulator = TargetProfile(values: [
        .providerId: DocsWorld.contosoProviderID, .contentId: DocsWorld.contosoContentID, .learnerId: DocsWorld.learnerID,
        .otherProviderId: DocsWorld.linkedInProviderID, .disabledProviderId: emulatorDisabledProviderID,
        .unlicensedLearnerId: emulatorUnlicensedLearnerID,
    ])

    /// The state document the runner puts in each fresh emulator tenant before a scenario without `given`:
    /// the docs world plus a provider with sync disabled, so that `TargetProfile.emulator` holds.
    public static let emulatorWorld: JSONValue = [
        "seed": "docs",
        "providers": [[
            "id": .string(emulatorDisabledProviderID), "displayName": "Disabled Learning", "isCourseActivitySyncEnabled": false,
        ]],
    ]
}
