import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

@Suite struct AdminEndpointTests {
    @Test func info() {
        let r = EmulatorHarness().send("GET", "/_emulator/info", token: nil)
        #expect(r.status == 200)
        #expect(r["emulator"] == "learning-contract")
        #expect(r["testTokens"] == true)
        #expect(r["defaultTenant"] == .string(TestToken.defaultTenantID))
        #expect(r["versions"] == ["v1.0", "beta"])
    }

    @Test func stateRoundTrip() throws {
        let h = EmulatorHarness()
        let tenant = "22222222-2222-4222-8222-222222222222"
        let document = ##"""
        {"providers":[{"id":"p1","displayName":"P1","isCourseActivitySyncEnabled":true}],
         "contents":[{"id":"c1","providerId":"p1","externalId":"E1","title":"T"}],
         "licenses":{"u1":true,"u2":false},
         "activities":[{"@odata.type":"#microsoft.graph.learningAssignment","id":"a1","learningProviderId":"p1","learnerUserId":"u1",
                        "learningContentId":"c1","assignmentType":"required","status":"notStarted"}],
         "faults":[{"operation":"getActivity","latencyMs":5}]}
        """##
        #expect(h.send("PUT", "/_emulator/tenants/\(tenant)/state", token: nil, json: document).status == 204)
        let state = h.send("GET", "/_emulator/tenants/\(tenant)/state", token: nil)
        #expect(state.status == 200)
        #expect(state["providers"]?.arrayValue?.first?["id"] == "p1")
        #expect(state["contents"]?.arrayValue?.first?["providerId"] == "p1")
        #expect(state["licenses"]?["u1"] == true)
        #expect(state["activities"]?.arrayValue?.first?["assignerUserId"] == .null)
        #expect(state["faults"]?.arrayValue?.first?["latencyMs"] == 5)
        // Putting the read state back reproduces it exactly.
        let text = String(decoding: state.response.body, as: UTF8.self)
        #expect(h.send("PUT", "/_emulator/tenants/\(tenant)/state", token: nil, json: text).status == 204)
        #expect(h.send("GET", "/_emulator/tenants/\(tenant)/state", token: nil).response.body == state.response.body)
        // The tenant works through the API.
        let learner = EmulatorHarness.token(tenant: tenant, user: "u1", delegated: ["LearningAssignedCourse.Read.All"])
        #expect(h.get("/v1.0/me/employeeExperience/learningCourseActivities", token: learner)["value"]?.arrayValue?.count == 1)
        let app = EmulatorHarness.token(tenant: tenant, app: ["LearningAssignedCourse.ReadWrite.All"])
        let create = ##"{"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse","learnerUserId":"u2","learningContentId":"c1","status":"inProgress"}"##
        #expect(h.send("POST", "/v1.0/employeeExperience/learningProviders/p1/learningCourseActivities", token: app, json: create).status == 403)
        // Delete the tenant.
        #expect(h.send("DELETE", "/_emulator/tenants/\(tenant)", token: nil).status == 204)
        #expect(h.send("GET", "/_emulator/tenants/\(tenant)/state", token: nil).status == 404)
    }

    @Test func docsSeedAndReset() {
        let h = EmulatorHarness()
        #expect(h.send("DELETE", Paths.linkedInActivities + "/" + DocsWorld.selfInitiatedID).status == 204)
        #expect(h.send("POST", "/_emulator/reset", token: nil, headers: ["Content-Type": "application/json"]).status == 204)
        #expect(h.get(Paths.learnerActivities)["value"]?.arrayValue?.count == 3)
        #expect(h.send("PUT", "/_emulator/tenants/\(TestToken.defaultTenantID)/state", token: nil, json: #"{"seed":"empty"}"#).status == 204)
        #expect(h.get(Paths.learnerActivities)["value"]?.arrayValue?.count == 0)
        #expect(h.send("PUT", "/_emulator/tenants/\(TestToken.defaultTenantID)/state", token: nil, json: #"{"seed":"docs","licenses":{"\#(DocsWorld.learnerID)":false}}"#).status == 204)
        #expect(h.send("POST", Paths.contosoActivities, json: DocBodies.createAssignment).status == 403)
    }

    @Test func emptyStart() {
        let h = EmulatorHarness(EmulatorConfiguration(seed: .empty))
        #expect(h.get(Paths.learnerActivities)["value"]?.arrayValue?.count == 0)
        #expect(h.send("GET", "/_emulator/tenants/\(TestToken.defaultTenantID)/state", token: nil).status == 404)
    }

    @Test(arguments: [
        #"[]"#, #"{"seed":"other"}"#, #"{"providers":[{"displayName":"no id"}]}"#, #"{"licenses":{"u":"yes"}}"#,
        ##"{"activities":[{"@odata.type":"#x","id":"a","learnerUserId":"u","learningProviderId":"p"}]}"##, #"{"unknown":1}"#, "{",
        #"{"faults":[{"operation":"getActivity"}]}"#,
    ])
    func invalidStateDocuments(_ body: String) {
        let r = EmulatorHarness().send("PUT", "/_emulator/tenants/t/state", token: nil, json: body)
        #expect(r.status == 400)
        #expect(r.errorMessage?.isEmpty == false)
    }

    @Test func unknownAdminPathsAndMethods() {
        let h = EmulatorHarness()
        #expect(h.send("GET", "/_emulator/nothing", token: nil).status == 404)
        #expect(h.send("DELETE", "/_emulator/info", token: nil).status == 405)
        #expect(h.send("GET", "/_emulator/reset", token: nil).status == 405)
    }

    @Test func stateFileSeedsAtStart() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("state-\(UUID().uuidString).json")
        try Data(#"{"tenants":{"t9":{"seed":"docs"}, "5c1b4f3e-7a2d-4e8f-b6c9-0d1e2f3a4b5c":{"licenses":{"7ba2228a-e020-11ec-9d64-0242ac120002":false}}}}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let states = try EmulatorConfiguration.states(fromFile: url.path)
        let h = EmulatorHarness(EmulatorConfiguration(initialStates: states))
        #expect(h.send("POST", Paths.contosoActivities, json: DocBodies.createAssignment).status == 403)
        let t9 = EmulatorHarness.token(tenant: "t9", app: OperationPermission.allApplicationRoles)
        #expect(h.send("POST", Paths.contosoActivities, token: t9, json: DocBodies.createAssignment).status == 201)
        // Reset returns to the seeded state, --state included.
        h.emulator.reset()
        #expect(h.send("GET", "/_emulator/tenants/t9/state", token: nil)["activities"]?.arrayValue?.count == 3)

        try Data(#"{"licenses":{"x":1}}"#.utf8).write(to: url)
        #expect(throws: EmulatorConfigurationError.self) { try EmulatorConfiguration.states(fromFile: url.path) }
    }
}
