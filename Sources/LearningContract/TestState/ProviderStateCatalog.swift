/// The Pact-style provider states fixtures may name (`Conformance/README.md`, "Provider states"), and where a target
/// that supports test state takes them (`Conformance/STATE.md`). One list, shared by the runner (which checks the
/// names when it loads fixtures) and by the emulator (which implements them), so that neither imports the other.
public enum ProviderStateCatalog {
    /// The admin prefix of a target with test state: `{origin}/_emulator`.
    public static let adminPrefix = "_emulator"
    /// The path segment of the state-change endpoint under the admin prefix.
    public static let segment = "provider-states"

    public static let docsWorld = "the docs world"
    public static let faultsInjected = "faults are injected"
    public static let unlicensedLearnerActivity = "an activity of a learner without a premium licence"

    /// Every state, with its params: the catalog fixtures may name.
    public static let catalog: [(name: String, params: [String: String], summary: String)] = [
        (docsWorld, [:],
         "The documentation's providers, contents, licence and activities are present (upserted; nothing else is removed)."),
        (faultsInjected, ["faults": "array of fault rules (operation, method, status, retryAfterSeconds, latencyMs, every, times)"],
         "The tenant answers matching requests with these faults; teardown removes every fault of the tenant."),
        (unlicensedLearnerActivity,
         ["activityId": "id of the activity to create", "providerId": "its provider", "contentId": "its content",
          "learnerId": "a learner who has no premium licence"],
         "An assignment of a learner whose premium licence is gone (the learner's licence is set to false); teardown deletes the activity."),
    ]

    public static var names: [String] { catalog.map(\.name) }
}
