import LearningConformance
import LearningContract
import LearningEmulator

extension FreshTenantWorld {
    /// A provider the emulator's base world registers with sync disabled (not in the docs).
    static let emulatorDisabledProviderID = "0d15ab1e-5e7c-4b1a-9c0d-00000000d15a"
    /// A learner the emulator's base world gives no licence.
    static let emulatorUnlicensedLearnerID = "0bad11ce-0000-4000-8000-000000000001"

    /// A fresh emulator tenant: the docs world plus a provider with sync disabled, and the profile of its ids.
    public static let emulator = FreshTenantWorld(
        profile: TargetProfile(values: [
            .providerId: DocsWorld.contosoProviderID, .contentId: DocsWorld.contosoContentID, .learnerId: DocsWorld.learnerID,
            .otherProviderId: DocsWorld.linkedInProviderID, .disabledProviderId: emulatorDisabledProviderID,
            .unlicensedLearnerId: emulatorUnlicensedLearnerID,
        ]),
        state: [
            "seed": "docs",
            "providers": [[
                "id": .string(emulatorDisabledProviderID), "displayName": "Disabled Learning", "isCourseActivitySyncEnabled": false,
            ]],
        ]
    )
}

extension TargetProfile {
    /// The profile of a fresh emulator tenant (`FreshTenantWorld.emulator`): the docs world's ids.
    public static var emulator: TargetProfile { FreshTenantWorld.emulator.profile }
}
