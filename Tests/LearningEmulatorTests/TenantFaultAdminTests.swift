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

@Suite struct FaultTests {
    @Test func everyThirdCreateIsThrottledDeterministically() throws {
        var configuration = EmulatorConfiguration()
        configuration.faults = [try FaultRule(flag: "createActivity:429:every=3:retry-after=90")]
        let h = EmulatorHarness(configuration)
        var statuses: [Int] = []
        for _ in 0..<7 { statuses.append(h.send("POST", Paths.contosoActivities, json: DocBodies.createSelfInitiated).status) }
        #expect(statuses == [201, 201, 429, 201, 201, 429, 201])
        let r = h.send("POST", Paths.contosoActivities, json: DocBodies.createSelfInitiated)
        #expect(r.status == 201)
        let throttled = h.send("POST", Paths.contosoActivities, json: DocBodies.createSelfInitiated)
        #expect(throttled.status == 429)
        #expect(throttled.header("Retry-After") == "90")
        #expect(throttled.errorMessage == h.emulator.contract.catalog.error(.tooManyRequests, slots: ["noOfMinutes": "2"]).message)
        #expect(throttled.errorCode == h.emulator.contract.catalog[.tooManyRequests].code)
        // Other operations are not affected.
        #expect(h.get(Paths.learnerActivities).status == 200)
    }

    @Test func timesLimitsAFaultAnd503CarriesRetryAfter() throws {
        var configuration = EmulatorConfiguration()
        configuration.faults = [try FaultRule(flag: "*:503:times=2:retry-after=5")]
        let h = EmulatorHarness(configuration)
        let first = h.get(Paths.learnerActivities)
        #expect(first.status == 503)
        #expect(first.header("Retry-After") == "5")
        #expect(first.errorMessage == h.emulator.contract.catalog.error(.serviceUnavailable, slots: ["noOfMinutes": "1"]).message)
        #expect(h.get(Paths.learnerActivities).status == 503)
        #expect(h.get(Paths.learnerActivities).status == 200)
        // Reset starts the counters again.
        h.emulator.reset()
        #expect(h.get(Paths.learnerActivities).status == 503)
    }

    @Test func internalServerErrorAndLatency() throws {
        var configuration = EmulatorConfiguration()
        configuration.faults = [try FaultRule(flag: "getActivity:500:method=GET:every=2"), try FaultRule(flag: "getActivity:latency=120")]
        let h = EmulatorHarness(configuration)
        let path = Paths.learnerActivities + "/" + DocsWorld.assignmentID
        let ok = h.get(path)
        #expect(ok.status == 200)
        #expect(ok.response.delay == .milliseconds(120))
        let failed = h.get(path)
        #expect(failed.status == 500)
        #expect(failed.errorCode == h.emulator.contract.catalog[.internalServerError].code)
        #expect(failed.response.delay == .milliseconds(120))
    }

    @Test func tenantFaultsFromTheStateDocument() {
        let h = EmulatorHarness()
        let put = h.send("POST", "/_emulator/tenants/\(TestToken.defaultTenantID)/state", token: nil,
                         json: #"{"faults":[{"operation":"deleteActivity","status":429,"retryAfterSeconds":2,"every":1,"times":1}]}"#)
        #expect(put.status == 204)
        let r = h.send("DELETE", Paths.linkedInActivities + "/" + DocsWorld.selfInitiatedID)
        #expect(r.status == 429)
        #expect(r.header("Retry-After") == "2")
        #expect(h.send("DELETE", Paths.linkedInActivities + "/" + DocsWorld.selfInitiatedID).status == 204)
    }

    @Test(arguments: ["", "nope:429", "createActivity:429:every=0", "createActivity:abc", "createActivity:429:color=red", "createActivity", "createActivity:200"])
    func invalidFaultFlags(_ flag: String) {
        #expect(throws: EmulatorConfigurationError.self) { try FaultRule(flag: flag) }
    }

    @Test func faultsFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("faults-\(UUID().uuidString).json")
        try Data(#"{"faults":[{"operation":"listActivities","status":503,"retryAfterSeconds":3}]}"#.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let rules = try EmulatorConfiguration.faults(fromFile: url.path)
        #expect(rules == [FaultRule(operation: "listActivities", status: 503, retryAfterSeconds: 3)])
        try Data(#"[{"operation":"listActivities","every":0,"status":503}]"#.utf8).write(to: url)
        #expect(throws: EmulatorConfigurationError.self) { try EmulatorConfiguration.faults(fromFile: url.path) }
    }
}

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
        #expect(h.send("POST", "/_emulator/reset", token: nil).status == 204)
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
        let t9 = EmulatorHarness.token(tenant: "t9", app: Permission.allApplicationRoles)
        #expect(h.send("POST", Paths.contosoActivities, token: t9, json: DocBodies.createAssignment).status == 201)
        // Reset returns to the seeded state, --state included.
        h.emulator.reset()
        #expect(h.send("GET", "/_emulator/tenants/t9/state", token: nil)["activities"]?.arrayValue?.count == 3)

        try Data(#"{"licenses":{"x":1}}"#.utf8).write(to: url)
        #expect(throws: EmulatorConfigurationError.self) { try EmulatorConfiguration.states(fromFile: url.path) }
    }
}

@Suite struct TestTokenTests {
    @Test func mintAndParseRoundTrip() throws {
        let claims = TestToken.Claims(tenantID: "t", objectID: "o", kind: .delegated(scopes: ["A", "B"]))
        let token = TestToken.mint(claims)
        #expect(token.hasSuffix("."))
        #expect(token.split(separator: ".", omittingEmptySubsequences: false).count == 3)
        let parsed = try #require(TestToken.parse(token))
        #expect(parsed.tenantID == "t")
        #expect(parsed.objectID == "o")
        #expect(parsed.kind == .delegated(scopes: ["A", "B"]))
        let app = try #require(TestToken.parse(TestToken.mint(.init(tenantID: "t", objectID: "o", kind: .application(roles: ["R"])))))
        #expect(app.kind == .application(roles: ["R"]))
    }

    @Test func headerIsTheUnsecuredJWTHeader() throws {
        let token = TestToken.mint(TestToken.docsLearnerClaims)
        let header = String(token.prefix { $0 != "." })
        #expect(header == "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0")  // {"alg":"none","typ":"JWT"}
    }

    @Test(arguments: [
        "", "a.b", "a.b.c", "eyJhbGciOiJub25lIn0.e30.", // no tid
        "eyJhbGciOiJIUzI1NiJ9.eyJ0aWQiOiJ0Iiwib2lkIjoibyIsInNjcCI6IkEiLCJhdWQiOiJodHRwczovL2dyYXBoLm1pY3Jvc29mdC5jb20ifQ.",
        "eyJhbGciOiJub25lIn0.eyJ0aWQiOiJ0Iiwib2lkIjoibyIsImF1ZCI6Imh0dHBzOi8vZ3JhcGgubWljcm9zb2Z0LmNvbSJ9.", // neither scp nor roles
        "eyJhbGciOiJub25lIn0.!!!.",
    ])
    func rejected(_ token: String) {
        #expect(TestToken.parse(token) == nil)
    }

    @Test func bearer() {
        #expect(TestToken.bearerToken(fromAuthorization: "Bearer abc") == "abc")
        #expect(TestToken.bearerToken(fromAuthorization: "bearer   abc") == "abc")
        #expect(TestToken.bearerToken(fromAuthorization: "Basic abc") == nil)
        #expect(TestToken.bearerToken(fromAuthorization: "Bearer ") == nil)
    }
}
