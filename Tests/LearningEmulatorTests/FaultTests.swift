import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

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

    /// Adding a fault to a tenant (POST applies a state document on top) keeps the counters of the rules it
    /// already has: a spent `times=1` 429 stays spent. Through both ways of adding one: the admin state document and
    /// the Pact-style provider state.
    @Test(arguments: [
        ("/_emulator/tenants/\(TestToken.defaultTenantID)/state",
         #"{"faults":[{"operation":"getActivity","status":429,"retryAfterSeconds":1,"times":1}]}"#,
         #"{"faults":[{"operation":"deleteActivity","status":500}]}"#),
        ("/_emulator/provider-states",
         #"{"state":"faults are injected","params":{"faults":[{"operation":"getActivity","status":429,"retryAfterSeconds":1,"times":1}]}}"#,
         #"{"state":"faults are injected","params":{"faults":[{"operation":"deleteActivity","status":500}]}}"#),
    ])
    func addingAFaultKeepsTheCountersOfTheTenantsRules(_ path: String, _ first: String, _ second: String) {
        let h = EmulatorHarness()
        let activity = Paths.learnerActivities + "/" + DocsWorld.assignmentID
        #expect([200, 204].contains(h.send("POST", path, token: nil, json: first).status))
        #expect(h.get(activity).status == 429)
        #expect(h.get(activity).status == 200)
        #expect([200, 204].contains(h.send("POST", path, token: nil, json: second).status))
        #expect(h.get(activity).status == 200, "the spent times=1 rule must not fire again")
        // Both rules are still the tenant's, in order.
        let rules = h.emulator.state(ofTenant: TestToken.defaultTenantID)?.faults.map(\.operation)
        #expect(rules == ["getActivity", "deleteActivity"])
    }

    /// When several rules are due on one request, only the rule that answers spends one of its `times`: the
    /// second rule answers the next request. Global rules come before the tenant's.
    @Test func onlyTheRuleThatAnswersSpendsItsTimes() throws {
        var configuration = EmulatorConfiguration()
        configuration.faults = [try FaultRule(flag: "getActivity:429:times=1"), try FaultRule(flag: "getActivity:503:times=1")]
        let h = EmulatorHarness(configuration)
        let activity = Paths.learnerActivities + "/" + DocsWorld.assignmentID
        let statuses: [Int] = (0..<3).map { _ in h.get(activity).status }
        #expect(statuses == [429, 503, 200])
    }

    @Test func aGlobalRuleThatAnswersLeavesTheTenantsRuleUnspent() throws {
        var configuration = EmulatorConfiguration()
        configuration.faults = [try FaultRule(flag: "getActivity:429:times=1")]
        let h = EmulatorHarness(configuration)
        #expect(h.send("POST", "/_emulator/tenants/\(TestToken.defaultTenantID)/state", token: nil,
                       json: #"{"faults":[{"operation":"getActivity","status":503,"times":1}]}"#).status == 204)
        let activity = Paths.learnerActivities + "/" + DocsWorld.assignmentID
        let statuses: [Int] = (0..<3).map { _ in h.get(activity).status }
        #expect(statuses == [429, 503, 200])
    }

    /// A rule that was due but did not answer stays due: `every=2` answers the first request after its turn that no
    /// earlier rule answers. Latency-only rules still add their delay to whichever answer goes out.
    @Test func aPreemptedRuleStaysDueAndLatencyStillApplies() throws {
        var configuration = EmulatorConfiguration()
        configuration.faults = [try FaultRule(flag: "getActivity:429:every=1:times=2"),
                                try FaultRule(flag: "getActivity:503:every=2:times=1"),
                                try FaultRule(flag: "getActivity:latency=7")]
        let h = EmulatorHarness(configuration)
        let activity = Paths.learnerActivities + "/" + DocsWorld.assignmentID
        let replies = (0..<4).map { _ in h.get(activity) }
        #expect(replies.map(\.status) == [429, 429, 503, 200])
        #expect(replies.allSatisfy { $0.response.delay == .milliseconds(7) })
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
