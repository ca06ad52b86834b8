import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

@Suite struct TenantIsolationTests {
    static let other = "11111111-2222-4333-8444-555555555555"

    @Test func anotherTenantSeesAndWritesNothingOfTheDefaultOne() {
        let h = EmulatorHarness()
        let otherLearner = EmulatorHarness.token(tenant: Self.other, delegated: OperationPermission.allDelegatedScopes)
        let otherApp = EmulatorHarness.token(tenant: Self.other, app: OperationPermission.allApplicationRoles)
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
        let otherApp = EmulatorHarness.token(tenant: Self.other, app: OperationPermission.allApplicationRoles)
        #expect(h.send("DELETE", Paths.linkedInActivities + "/" + DocsWorld.selfInitiatedID, token: otherApp).status == 204)
        #expect(h.get(Paths.learnerActivities)["value"]?.arrayValue?.count == 3)
        let otherLearner = EmulatorHarness.token(tenant: Self.other, delegated: OperationPermission.allDelegatedScopes)
        #expect(h.get(Paths.learnerActivities, token: otherLearner)["value"]?.arrayValue?.count == 2)
    }

    // MARK: Identifiers by bytes (README "Tenants and identifiers")

    /// Pairs that Swift's `String ==` calls equal (canonical equivalence) but that differ in bytes.
    static let lookalikes: [(String, String)] = [
        ("caf\u{E9}", "cafe\u{301}"),   // precomposed é, e + combining acute
        ("\u{C5}", "\u{212B}"),         // Latin Å, Angstrom sign
        ("K", "\u{212A}"),              // Latin K, Kelvin sign
    ]

    /// Every byte outside ASCII letters and digits percent-encoded, for a request path.
    static func encoded(_ text: String) -> String {
        text.utf8.map { byte in
            (48...57).contains(byte) || (65...90).contains(byte) || (97...122).contains(byte)
                ? String(UnicodeScalar(byte)) : "%" + String(format: "%02X", byte)
        }.joined()
    }

    /// A provider, a content, a licensed learner and one activity, every id carrying `mark`.
    static func world(_ mark: String) -> String {
        #"""
        {"providers":[{"id":"P\#(mark)","displayName":"p","isCourseActivitySyncEnabled":true}],
         "contents":[{"id":"C\#(mark)","providerId":"P\#(mark)"}],
         "licenses":{"L\#(mark)":true},
         "activities":[{"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse","id":"A\#(mark)","learnerUserId":"L\#(mark)",
                        "learningProviderId":"P\#(mark)","learningContentId":"C\#(mark)","externalCourseActivityId":"X\#(mark)",
                        "status":"inProgress"}]}
        """#
    }

    @Test(arguments: 0..<3)
    func canonicallyEqualTenantIDsAreDifferentTenants(_ pair: Int) {
        let (first, second) = Self.lookalikes[pair]
        #expect(first == second)  // the premise: String == merges them
        #expect(Array(first.utf8) != Array(second.utf8))
        let h = EmulatorHarness()
        #expect(h.send("PUT", "/_emulator/tenants/\(Self.encoded(first))/state", token: nil, json: Self.world("1")).status == 204)
        let owner = EmulatorHarness.token(tenant: first, app: OperationPermission.allApplicationRoles)
        let intruder = EmulatorHarness.token(tenant: second, app: OperationPermission.allApplicationRoles)
        let intruderLearner = EmulatorHarness.token(tenant: second, user: "L1", delegated: OperationPermission.allDelegatedScopes)
        let activity = "/v1.0/employeeExperience/learningProviders/P1/learningCourseActivities/A1"
        #expect(h.send("GET", activity, token: owner).status == 200)
        #expect(h.send("GET", "/v1.0/employeeExperience/learningCourseActivities/A1", token: intruderLearner).status == 404)
        #expect(h.get("/v1.0/users/L1/employeeExperience/learningCourseActivities", token: intruderLearner)["value"]?.arrayValue?.count == 0)
        #expect(h.send("DELETE", activity, token: intruder).status == 400)  // the intruder's tenant has no provider P1
        #expect(h.send("GET", "/_emulator/tenants/\(Self.encoded(second))/state", token: nil).status == 404)
        #expect(h.send("DELETE", "/_emulator/tenants/\(Self.encoded(second))", token: nil).status == 204)
        // The owner's activity survived all of it.
        #expect(h.send("GET", activity, token: owner).status == 200)
    }

    @Test(arguments: 0..<3)
    func canonicallyEqualIDsAreDifferentEntities(_ pair: Int) {
        let (stored, lookalike) = Self.lookalikes[pair]
        let h = EmulatorHarness()
        #expect(h.send("PUT", "/_emulator/tenants/t/state", token: nil, json: Self.world(stored)).status == 204)
        let app = EmulatorHarness.token(tenant: "t", app: OperationPermission.allApplicationRoles)
        let provider = "/v1.0/employeeExperience/learningProviders/P" + Self.encoded(stored) + "/learningCourseActivities/"
        let wrongProvider = "/v1.0/employeeExperience/learningProviders/P" + Self.encoded(lookalike) + "/learningCourseActivities/"
        // Activity id, external id and provider id: only the exact bytes address them.
        #expect(h.send("GET", provider + "A" + Self.encoded(stored), token: app).status == 200)
        #expect(h.send("GET", provider + "A" + Self.encoded(lookalike), token: app).status == 404)
        #expect(h.send("GET", String(provider.dropLast()) + "(externalCourseActivityId='X" + Self.encoded(stored) + "')", token: app).status == 200)
        #expect(h.send("GET", String(provider.dropLast()) + "(externalCourseActivityId='X" + Self.encoded(lookalike) + "')", token: app).status == 404)
        #expect(h.send("GET", wrongProvider + "A" + Self.encoded(stored), token: app).status == 400)
        #expect(h.send("DELETE", provider + "A" + Self.encoded(lookalike), token: app).status == 404)
        #expect(h.send("DELETE", String(provider.dropLast()) + "(externalCourseActivityId='X" + Self.encoded(lookalike) + "')", token: app).status == 404)
        #expect(h.send("GET", provider + "A" + Self.encoded(stored), token: app).status == 200)
        // Learner ids: the lookalike learner lists nothing.
        let learner = "/v1.0/users/L" + Self.encoded(lookalike) + "/employeeExperience/learningCourseActivities"
        #expect(h.get(learner, token: app)["value"]?.arrayValue?.count == 0)
        // Content ids and licenses (JSON member names of the state document): a create naming the lookalike
        // content, or for the lookalike learner, is refused.
        let create = { (content: String, learner: String) in
            ##"{"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse","learnerUserId":"L\##(learner)","learningContentId":"C\##(content)","status":"inProgress"}"##
        }
        let collection = "/v1.0/employeeExperience/learningProviders/P" + Self.encoded(stored) + "/learningCourseActivities"
        #expect(h.send("POST", collection, token: app, json: create(stored, stored)).status == 201)
        #expect(h.send("POST", collection, token: app, json: create(lookalike, stored)).status == 403)
        #expect(h.send("POST", collection, token: app, json: create(stored, lookalike)).status == 403)
    }
}
