import LearningContract
import LearningEmulator
import LearningHTTP
import Testing
import LearningFixtures

/// Bad input never crashes: seeded random targets, headers and bodies always get a response, and every error
/// response is the Graph envelope.
@Suite struct RobustnessTests {
    static let pieces = [
        "/", "v1.0", "beta", "employeeExperience", "learningProviders", DocsWorld.contosoProviderID, "learningCourseActivities",
        "learningContents", "users", "me", DocsWorld.assignmentID, "(", ")", "'", "''", "=", "externalCourseActivityId",
        "%", "%2", "%27", "%3A", "%FF", "%C3%A9", "?", "&", "$select=", "$top=", "$skip=", "$count=", "id", "status", ",", "-1",
        "99999999999999999999", "_emulator", "tenants", "state", "reset", "info", "é", "\u{0}", " ",
    ]
    static let bodies = [
        "", "{", "[]", "null", "{}", "\"x\"", #"{"status":1}"#, #"{"@odata.type":5}"#, DocBodies.createAssignment,
        DocBodies.updateAssignment, String(repeating: "[", count: 300), #"{"a":1,"a":2}"#, "\u{FEFF}{}",
    ]

    @Test func randomRequestsNeverCrash() {
        let h = EmulatorHarness()
        var random = SplitMix64(seed: 20261122)
        let methods = ["GET", "POST", "PATCH", "DELETE", "PUT", "HEAD", "OPTIONS", "get"]
        let tokens: [String?] = [nil, EmulatorHarness.app, EmulatorHarness.learner, "x.y.", "Bearer"]
        for _ in 0..<3000 {
            var target = "/"
            for _ in 0..<Int.random(in: 1...10, using: &random) { target += Self.pieces.randomElement(using: &random) ?? "" }
            let method = methods.randomElement(using: &random) ?? "GET"
            let body = Self.bodies.randomElement(using: &random) ?? ""
            let r = h.send(method, target, token: tokens.randomElement(using: &random) ?? nil, json: body.isEmpty ? nil : body)
            #expect((200...599).contains(r.status))
            if r.status >= 400 {
                #expect(r.json?["error"]?["code"]?.stringValue != nil, "no envelope for \(method) \(target)")
            }
        }
    }

    @Test func servicePlanRowThroughAFault() {
        var configuration = EmulatorConfiguration()
        configuration.faults = [FaultRule(operation: "createActivity", status: 403)]
        let h = EmulatorHarness(configuration)
        let r = h.send("POST", Paths.contosoActivities, json: DocBodies.createAssignment)
        #expect(r.status == 403)
        #expect(r.errorMessage == h.emulator.contract.catalog.error(.servicePlanInadequate).message)
    }
}
