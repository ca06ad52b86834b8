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
