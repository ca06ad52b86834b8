import LearningContract
import LearningEmulator
import Testing

/// GET, change a field, PATCH the object back, as the official SDKs do: the body carries the entity's own key.
/// OData 4.01 Protocol §11.4.3 ("Update an Entity"): key and read-only properties in the body are ignored.
@Suite struct PatchBackTests {
    static let admin = EmulatorHarness.token(delegated: ["LearningProvider.ReadWrite"])

    /// The object of a response, annotations included, with `changes` applied.
    static func patchBody(_ reply: EmulatorHarness.Reply, _ changes: [String: JSONValue]) -> String {
        var object = reply.json?.objectValue ?? JSONObject()
        for (key, value) in changes.sorted(by: { $0.key < $1.key }) { object[key] = value }
        return JSONValue.object(object).serialized()
    }

    @Test(arguments: [DocsWorld.assignmentID, DocsWorld.selfInitiatedID])
    func activityPatchedBackWithItsID(_ id: String) {
        let h = EmulatorHarness()
        let learner = h.get(Paths.learnerActivities + "/" + id)
        let provider = learner["learningProviderId"]?.stringValue ?? ""
        let path = Paths.v1 + "/employeeExperience/learningProviders/" + provider + "/learningCourseActivities/" + id
        let got = h.send("GET", path)
        #expect(got["id"]?.stringValue == id)
        let r = h.send("PATCH", path, json: Self.patchBody(got, ["completionPercentage": 90, "status": "inProgress"]))
        #expect(r.status == 204, "\(r.errorMessage ?? "")")
        #expect(h.send("GET", path)["completionPercentage"] == .number(JSONNumber(90)))
        #expect(h.send("GET", path)["id"]?.stringValue == id)
    }

    /// A different id in the body is ignored too: the path names the entity.
    @Test func aForeignIDInTheBodyChangesNothingButTheFields() {
        let h = EmulatorHarness()
        let path = Paths.contosoActivities + "/" + DocsWorld.assignmentID
        let r = h.send("PATCH", path, json: ##"{"@odata.type": "#microsoft.graph.learningAssignment", "id": "other", "status": "completed"}"##)
        #expect(r.status == 204)
        #expect(h.send("GET", path)["status"] == "completed")
        #expect(h.send("GET", Paths.contosoActivities + "/other").status == 404)
    }

    @Test func providerPatchedBackWithItsID() {
        let h = EmulatorHarness()
        let path = ProviderOperationTests.providers + "/" + DocsWorld.linkedInProviderID
        let got = h.get(path, token: Self.admin)
        #expect(got.status == 200)
        let r = h.send("PATCH", path, token: Self.admin, json: Self.patchBody(got, ["displayName": "Renamed"]))
        #expect(r.status == 204, "\(r.errorMessage ?? "")")
        let after = h.get(path, token: Self.admin)
        #expect(after["displayName"] == "Renamed")
        #expect(after["id"]?.stringValue == DocsWorld.linkedInProviderID)
    }
}
