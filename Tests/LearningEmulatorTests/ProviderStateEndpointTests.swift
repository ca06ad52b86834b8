import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// `POST /_emulator/provider-states`: the Pact verifier's state-change callback (`{"state", "params", "action"}`),
/// the reference implementation of the states `Conformance/README.md` lists.
@Suite struct ProviderStateEndpointTests {
    static let path = "/_emulator/provider-states"
    static let tenant = "33333333-3333-4333-8333-333333333333"

    @Test func docsWorldIsUpsertedWithoutRemovingAnything() {
        let h = EmulatorHarness()
        let extra = #"{"providers":[{"id":"p-extra","displayName":"Extra","isCourseActivitySyncEnabled":false}]}"#
        #expect(h.send("PUT", "/_emulator/tenants/\(Self.tenant)/state", token: nil, json: extra).status == 204)
        let r = h.send("POST", Self.path, token: nil,
                       json: #"{"state": "the docs world", "params": {"tenantId": "\#(Self.tenant)"}, "action": "setup"}"#)
        #expect(r.status == 200)
        let state = h.emulator.state(ofTenant: Self.tenant)
        #expect(state?.providers.contains { $0["id"]?.stringValue == "p-extra" } == true)
        #expect(state?.activities.contains { $0["id"]?.stringValue == DocsWorld.assignmentID } == true)
        #expect(state?.licenses[ExactKey(DocsWorld.learnerID)] == true)
    }

    @Test func faultsAreInjectedAndTornDown() {
        let h = EmulatorHarness()
        let setup = #"{"state": "faults are injected", "params": {"faults": [{"operation": "getActivity", "status": 503, "retryAfterSeconds": 7}]}}"#
        #expect(h.send("POST", Self.path, token: nil, json: setup).status == 200)
        let path = "/v1.0/employeeExperience/learningCourseActivities/\(DocsWorld.assignmentID)"
        let faulted = h.send("GET", path)
        #expect(faulted.status == 503)
        #expect(faulted.response.headers["Retry-After"] == "7")
        let teardown = #"{"state": "faults are injected", "params": {}, "action": "teardown"}"#
        #expect(h.send("POST", Self.path, token: nil, json: teardown).status == 200)
        #expect(h.send("GET", path).status == 200)
    }

    @Test func anActivityOfAnUnlicensedLearnerIsMadeAndRemoved() {
        let h = EmulatorHarness()
        let params = #"{"activityId": "act-1", "providerId": "\#(DocsWorld.contosoProviderID)", "contentId": "\#(DocsWorld.contosoContentID)", "learnerId": "u-unlicensed"}"#
        let setup = h.send("POST", Self.path, token: nil,
                           json: #"{"state": "an activity of a learner without a premium licence", "params": \#(params)}"#)
        #expect(setup.status == 200)
        #expect(setup["activityId"] == "act-1")
        let patch = h.send("PATCH", "/v1.0/employeeExperience/learningProviders/\(DocsWorld.contosoProviderID)/learningCourseActivities/act-1",
                           json: ##"{"@odata.type": "#microsoft.graph.learningAssignment", "status": "inProgress"}"##)
        #expect(patch.status == 403, "spec R10: the learner has no licence")
        let teardown = h.send("POST", Self.path, token: nil,
                              json: #"{"state": "an activity of a learner without a premium licence", "params": \#(params), "action": "teardown"}"#)
        #expect(teardown.status == 200)
        #expect(h.emulator.state(ofTenant: TestToken.defaultTenantID)?.activities.contains { $0["id"]?.stringValue == "act-1" } == false)
    }

    @Test(arguments: [
        (#"{"state": "no such state"}"#, "unknown provider state"),
        (#"{"state": 5, "params": {}}"#, "'state' must be a string"),
        (#"{"state": "the docs world", "action": "reset"}"#, "'action' must be"),
        (#"{"state": "the docs world", "params": [1]}"#, "'params' must be an object"),
        (#"{"state": "faults are injected", "params": {}}"#, "needs a non-empty array param 'faults'"),
        (#"{"state": "faults are injected", "params": {"faults": [{"operation": "nope", "status": 500}]}}"#, "unknown operation"),
        (#"{"state": "an activity of a learner without a premium licence", "params": {"activityId": "a"}}"#, "needs a non-empty string param"),
        ("not json", "JSON object"),
    ])
    func badRequestsAre400WithTheReason(_ body: String, _ message: String) {
        let r = EmulatorHarness().send("POST", Self.path, token: nil, json: body)
        #expect(r.status == 400)
        #expect(String(decoding: r.response.body, as: UTF8.self).contains(message), "\(String(decoding: r.response.body, as: UTF8.self))")
    }

    @Test func anInteractionWithoutAStateIsANoOp() {
        // What the Pact verifier sends for an interaction without provider states.
        let r = EmulatorHarness().send("POST", Self.path, token: nil, json: #"{"params": {}, "action": "setup"}"#)
        #expect(r.status == 200)
    }

    @Test func onlyPost() {
        #expect(EmulatorHarness().send("GET", Self.path, token: nil).status == 405)
    }
}
