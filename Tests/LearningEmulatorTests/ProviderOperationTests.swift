import Foundation
import LearningContract
import LearningEmulator
import Testing

/// The learningProvider operations besides update: List, Create, Get and Delete. Expectations come from the
/// pages' "Permissions" tables and "Response" sections (learn.microsoft.com/graph/api/employeeexperience-list-learningproviders,
/// learningprovider-get, employeeexperience-post-learningproviders, employeeexperience-delete-learningproviders).
@Suite struct ProviderOperationTests {
    static let providers = Paths.v1 + "/employeeExperience/learningProviders"
    static let admin = EmulatorHarness.token(delegated: ["LearningProvider.ReadWrite"])
    static let reader = EmulatorHarness.token(delegated: ["LearningProvider.Read"])
    /// GET-v1, error table row 2 (the 403 permission row the activity pages print).
    static let scopeMissing = "Your account doesn't have access to this report or data. Contact your administrator to request access."
    static let newProvider = """
    {"displayName": "Fabrikam", "squareLogoWebUrlForDarkTheme": "https://f.example/s.png",
     "longLogoWebUrlForDarkTheme": "https://f.example/l.png", "squareLogoWebUrlForLightTheme": "https://f.example/s.png",
     "longLogoWebUrlForLightTheme": "https://f.example/l.png", "isCourseActivitySyncEnabled": true}
    """

    @Test func listGivesTheDocsWorldProvidersInRegistrationOrder() {
        let r = EmulatorHarness().get(Self.providers, token: Self.reader)
        #expect(r.status == 200)
        let ids = r["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(ids == [DocsWorld.contosoProviderID, DocsWorld.linkedInProviderID])
        #expect(r["@odata.context"]?.stringValue?.hasSuffix("/$metadata#employeeExperience/learningProviders") == true)
    }

    @Test func listPagesWithTopSkipCountAndSelect() {
        let h = EmulatorHarness()
        for _ in 0..<3 { #expect(h.send("POST", Self.providers, token: Self.admin, json: Self.newProvider).status == 201) }
        let first = h.get(Self.providers + "?$top=2&$count=true&$select=displayName", token: Self.reader)
        #expect(first.status == 200)
        #expect(first["@odata.count"] == .number(JSONNumber(5)))
        let page = first["value"]?.arrayValue ?? []
        #expect(page.count == 2)
        #expect(page.first?.objectValue?.keys == ["id", "displayName"])
        // $top=2 asked for two items only: no next link.
        #expect(first["@odata.nextLink"] == nil)
        let skipped = h.get(Self.providers + "?$skip=4", token: Self.reader)
        #expect(skipped["value"]?.arrayValue?.count == 1)
    }

    @Test func serverDrivenPagingFollowsTheNextLink() throws {
        var configuration = EmulatorConfiguration()
        configuration.pageSize = 1
        let h = EmulatorHarness(configuration)
        let first = h.get(Self.providers, token: Self.reader)
        let next = try #require(first["@odata.nextLink"]?.stringValue)
        #expect(next == "http://graph.test/v1.0/employeeExperience/learningProviders?$skip=1")
        let second = h.get(String(next.dropFirst("http://graph.test".count)), token: Self.reader)
        #expect(second["value"]?.arrayValue?.first?["id"]?.stringValue == DocsWorld.linkedInProviderID)
        #expect(second["@odata.nextLink"] == nil)
    }

    @Test func countSegmentIsPlainText() {
        let r = EmulatorHarness().get(Self.providers + "/$count", token: Self.reader)
        #expect(r.status == 200)
        #expect(r.header("Content-Type")?.hasPrefix("text/plain") == true)
        #expect(String(decoding: r.response.body, as: UTF8.self) == "2")
    }

    @Test func getByID() {
        let r = EmulatorHarness().get(Self.providers + "/" + DocsWorld.linkedInProviderID, token: Self.reader)
        #expect(r.status == 200)
        #expect(r["displayName"] == "LinkedIn Learning")
        #expect(r["isCourseActivitySyncEnabled"] == true)
        #expect(r["@odata.context"]?.stringValue?.hasSuffix("/$metadata#employeeExperience/learningProviders/$entity") == true)
    }

    @Test func getWithSelect() {
        let r = EmulatorHarness().get(Self.providers + "/" + DocsWorld.linkedInProviderID + "?$select=displayName", token: Self.reader)
        #expect(r.json?.objectValue?.keys == ["@odata.context", "id", "displayName"])
        let bad = EmulatorHarness().get(Self.providers + "/" + DocsWorld.linkedInProviderID + "?$select=status", token: Self.reader)
        #expect(bad.status == 400)
        #expect(bad.errorMessage == "Query option '$select' is invalid.")
    }

    @Test func createThenGetThenDeleteThenGetGives404() throws {
        let h = EmulatorHarness()
        let created = h.send("POST", Self.providers, token: Self.admin, json: Self.newProvider)
        #expect(created.status == 201)
        let id = try #require(created["id"]?.stringValue)
        #expect(h.get(Self.providers + "/" + id, token: Self.reader)["displayName"] == "Fabrikam")
        #expect(h.send("DELETE", Self.providers + "/" + id + "/$ref", token: Self.admin).status == 204)
        let gone = h.get(Self.providers + "/" + id, token: Self.reader)
        #expect(gone.status == 404)
        #expect(gone.errorCode == "itemNotFound")
        #expect(h.send("DELETE", Self.providers + "/" + id, token: Self.admin).errorCode == "itemNotFound")
    }

    /// Choice: a provider's contents and activities go with it.
    @Test func deleteTakesContentsAndActivitiesAlong() {
        let h = EmulatorHarness()
        #expect(h.send("DELETE", Self.providers + "/" + DocsWorld.contosoProviderID, token: Self.admin).status == 204)
        let state = h.emulator.state(ofTenant: TestToken.defaultTenantID)
        #expect(state?.providers.map { $0["id"]?.stringValue } == [DocsWorld.linkedInProviderID])
        #expect(state?.contents.contains { $0["providerId"]?.stringValue == DocsWorld.contosoProviderID } == false)
        #expect(state?.activities.contains { $0["learningProviderId"]?.stringValue == DocsWorld.contosoProviderID } == false)
        #expect(h.get(Paths.learnerActivities + "/" + DocsWorld.assignmentID).status == 404)
        // The other provider's activities stay.
        #expect(h.get(Paths.learnerActivities + "/" + DocsWorld.selfInitiatedID).status == 200)
    }

    @Test func providerIDsAreComparedByteForByte() {
        let h = EmulatorHarness()
        let nfc = "caf\u{E9}", nfd = "cafe\u{301}"
        var state = h.emulator.state(ofTenant: TestToken.defaultTenantID) ?? EmulatorState()
        state.providers.append(["id": .string(nfc), "displayName": "Caf\u{E9}", "isCourseActivitySyncEnabled": true])
        h.emulator.setState(state, ofTenant: TestToken.defaultTenantID)
        #expect(h.get(Self.providers + "/caf%C3%A9", token: Self.reader).status == 200)
        #expect(h.get(Self.providers + "/cafe%CC%81", token: Self.reader).status == 404)
        #expect(h.send("DELETE", Self.providers + "/cafe%CC%81", token: Self.admin).status == 404)
        let encoded = nfd.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? nfd
        let other = h.get(Self.providers + "/" + encoded + "/learningContents", token: EmulatorHarness.app)
        #expect(other.status == 400)
        #expect(other.errorCode == "badRequest")
    }

    /// Least privilege per the pages' tables: application tokens are refused everywhere; a Read scope reads but
    /// doesn't delete.
    @Test(arguments: [
        ("GET", "", EmulatorHarness.app, 403),
        ("GET", "/" + DocsWorld.linkedInProviderID, EmulatorHarness.app, 403),
        ("DELETE", "/" + DocsWorld.linkedInProviderID + "/$ref", EmulatorHarness.app, 403),
        ("DELETE", "/" + DocsWorld.linkedInProviderID + "/$ref", ProviderOperationTests.reader, 403),
        ("GET", "/" + DocsWorld.linkedInProviderID, EmulatorHarness.learner, 200),
        ("GET", "", EmulatorHarness.token(delegated: ["LearningAssignedCourse.Read.All"]), 403),
        ("GET", "/" + DocsWorld.linkedInProviderID, nil, 401),
    ] as [(String, String, String?, Int)])
    func permissions(method: String, suffix: String, token: String?, status: Int) {
        let r = EmulatorHarness().send(method, Self.providers + suffix, token: token)
        #expect(r.status == status)
        if status == 403 { #expect(r.errorMessage == Self.scopeMissing) }
    }
}
