import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

@Suite struct TenantIsolationTests {
    static let other = "11111111-2222-4333-8444-555555555555"

    @Test func anotherTenantSeesAndWritesNothingOfTheDefaultOne() {
        let h = EmulatorHarness()
        let otherLearner = EmulatorHarness.token(tenant: Self.other, delegated: Permission.allDelegatedScopes)
        let otherApp = EmulatorHarness.token(tenant: Self.other, app: Permission.allApplicationRoles)
        #expect(h.get(Paths.contosoActivities + "/" + DocsWorld.assignmentID, token: otherLearner).status == 400)
        #expect(h.get("/v1.0/employeeExperience/learningCourseActivities/" + DocsWorld.assignmentID, token: otherLearner).status == 404)
        #expect(h.get(Paths.learnerActivities, token: otherLearner)["value"]?.arrayValue?.count == 0)
        #expect(h.send("POST", Paths.contosoActivities, token: otherApp, json: DocBodies.createAssignment).status == 400)
        #expect(h.send("DELETE", Paths.linkedInActivities + "/" + DocsWorld.selfInitiatedID, token: otherApp).status == 400)
        #expect(h.send("PATCH", "/v1.0/employeeExperience/learningProviders/" + DocsWorld.contosoProviderID, token: otherLearner,
                       json: #"{"isCourseActivitySyncEnabled":false}"#).status == 404)
        // The default tenant is untouched.
        #expect(h.get(Paths.learnerActivities)["value"]?.arrayValue?.count == 3)
    }

    @Test func sameIDsLiveIndependentlyInTwoTenants() {
        let h = EmulatorHarness()
        h.send("PUT", "/_emulator/tenants/\(Self.other)/state", token: nil, json: #"{"seed":"docs"}"#)
        let otherApp = EmulatorHarness.token(tenant: Self.other, app: Permission.allApplicationRoles)
        #expect(h.send("DELETE", Paths.linkedInActivities + "/" + DocsWorld.selfInitiatedID, token: otherApp).status == 204)
        #expect(h.get(Paths.learnerActivities)["value"]?.arrayValue?.count == 3)
        let otherLearner = EmulatorHarness.token(tenant: Self.other, delegated: Permission.allDelegatedScopes)
        #expect(h.get(Paths.learnerActivities, token: otherLearner)["value"]?.arrayValue?.count == 2)
    }
}
