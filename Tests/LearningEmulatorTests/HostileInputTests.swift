import Foundation
import LearningContract
import LearningEmulator
import Testing

/// Inputs found by review that once crashed the emulator; each must now be refused and leave it serving.
@Suite struct HostileInputTests {
    @Test(arguments: [9_223_372_036_854_775_807, 86_401, -1])
    func anOutOfRangeRetryAfterIsRefused(_ seconds: Int) {
        let h = EmulatorHarness()
        let tenant = UUID().uuidString.lowercased()
        let document = #"{"seed":"docs","faults":[{"status":429,"retryAfterSeconds":\#(seconds)}]}"#
        #expect(h.send("PUT", "/_emulator/tenants/\(tenant)/state", token: nil, json: document).status == 400)
        #expect(throws: EmulatorConfigurationError.self) { try FaultRule(flag: "getActivity:429:retry-after=\(seconds)") }
    }

    @Test func theLongestRetryAfterGivesWholeMinutes() {
        let h = EmulatorHarness()
        let tenant = UUID().uuidString.lowercased()
        let document = #"{"seed":"docs","faults":[{"operation":"getActivity","status":503,"retryAfterSeconds":86400}]}"#
        #expect(h.send("PUT", "/_emulator/tenants/\(tenant)/state", token: nil, json: document).status == 204)
        let token = EmulatorHarness.token(tenant: tenant, app: ["LearningAssignedCourse.Read.All"])
        let reply = h.send("GET", "/v1.0/employeeExperience/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003", token: token)
        #expect(reply.status == 503)
        #expect(reply.header("Retry-After") == "86400")
        #expect(reply.errorMessage == "Retry after 1440 minutes")
    }
}
