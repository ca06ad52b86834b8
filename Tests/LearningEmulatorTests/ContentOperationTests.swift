import LearningContract
import LearningEmulator
import Testing

/// The learningContent operations besides the upsert: List, Get (by id and by externalId) and Delete
/// (learn.microsoft.com/graph/api/learningprovider-list-learningcontents, learningcontent-get,
/// learningprovider-delete-learningcontents: "Permissions" tables, "HTTP request" and "Response" sections).
@Suite struct ContentOperationTests {
    static let linkedIn = Paths.v1 + "/employeeExperience/learningProviders/" + DocsWorld.linkedInProviderID + "/learningContents"
    static let contentReader = EmulatorHarness.token(app: ["LearningContent.Read.All"])
    static let delegatedReader = EmulatorHarness.token(delegated: ["LearningContent.Read.All"])

    @Test func listGivesOnlyThatProvidersContents() {
        let r = EmulatorHarness().get(Self.linkedIn, token: Self.contentReader)
        #expect(r.status == 200)
        #expect(r["value"]?.arrayValue?.compactMap { $0["id"]?.stringValue } == [DocsWorld.linkedInContentID])
        #expect(r["@odata.context"]?.stringValue?.hasSuffix("learningProviders('\(DocsWorld.linkedInProviderID)')/learningContents") == true)
    }

    @Test func listPagesAndCounts() {
        let h = EmulatorHarness()
        for n in 0..<3 {
            let body = DocBodies.upsertContent.replacingOccurrences(of: "LP4471", with: "X\(n)")
            #expect(h.send("PATCH", Self.linkedIn + "(externalId='X\(n)')", json: body).status == 202)
        }
        let r = h.get(Self.linkedIn + "?$top=2&$skip=1&$count=true&$select=externalId", token: Self.contentReader)
        #expect(r["@odata.count"] == .number(JSONNumber(4)))
        #expect(r["value"]?.arrayValue?.compactMap { $0["externalId"]?.stringValue } == ["X0", "X1"])
        #expect(r["value"]?.arrayValue?.first?.objectValue?.keys == ["id", "externalId"])
        let count = h.get(Self.linkedIn + "/$count", token: Self.contentReader)
        #expect(count.status == 200)
        #expect(String(decoding: count.response.body, as: UTF8.self) == "4")
    }

    @Test(arguments: ["/" + DocsWorld.linkedInContentID, "(externalId='LP4471')"])
    func getByKey(_ key: String) {
        let r = EmulatorHarness().get(Self.linkedIn + key, token: Self.delegatedReader)
        #expect(r.status == 200)
        #expect(r["id"]?.stringValue == DocsWorld.linkedInContentID)
        #expect(r["externalId"] == "LP4471")
        #expect(r["@odata.context"]?.stringValue?.hasSuffix("/learningContents/$entity") == true)
    }

    @Test func anotherProvidersContentIsNotFoundUnderThisOne() {
        let r = EmulatorHarness().get(Self.linkedIn + "/" + DocsWorld.contosoContentID, token: Self.contentReader)
        #expect(r.status == 404)
        #expect(r.errorCode == "itemNotFound")
    }

    @Test func externalIDsAreExact() {
        #expect(EmulatorHarness().get(Self.linkedIn + "(externalId='lp4471')", token: Self.contentReader).status == 404)
    }

    @Test(arguments: ["/" + DocsWorld.linkedInContentID + "/$ref", "(externalId='LP4471')/$ref", "/" + DocsWorld.linkedInContentID])
    func deleteThenGetGives404(_ key: String) {
        let h = EmulatorHarness()
        #expect(h.send("DELETE", Self.linkedIn + key).status == 204)
        #expect(h.get(Self.linkedIn + "/" + DocsWorld.linkedInContentID, token: Self.contentReader).status == 404)
        let again = h.send("DELETE", Self.linkedIn + key)
        #expect(again.status == 404)
        #expect(again.errorCode == "itemNotFound")
    }

    @Test func unregisteredProviderIsRegistrationIdInvalid() {
        let r = EmulatorHarness().get(Paths.v1 + "/employeeExperience/learningProviders/00000000-0000-0000-0000-00000000dead/learningContents",
                                      token: Self.contentReader)
        #expect(r.status == 400)
        #expect(r.errorMessage == "There was an issue with your request. Make sure the registrationId you entered is valid or registered for your tenant.")
    }

    /// Least privilege: reads take LearningContent.Read.All (delegated or application); delete only the
    /// application LearningContent.ReadWrite.All.
    @Test(arguments: [
        ("GET", "", EmulatorHarness.token(delegated: ["LearningProvider.ReadWrite"]), 403),
        ("GET", "/" + DocsWorld.linkedInContentID, EmulatorHarness.token(app: ["LearningAssignedCourse.Read.All"]), 403),
        ("DELETE", "/" + DocsWorld.linkedInContentID + "/$ref", ContentOperationTests.contentReader, 403),
        ("DELETE", "/" + DocsWorld.linkedInContentID + "/$ref", EmulatorHarness.token(delegated: ["LearningContent.Read.All"]), 403),
        ("GET", "", EmulatorHarness.token(app: ["LearningContent.ReadWrite.All"]), 200),
        ("DELETE", "/" + DocsWorld.linkedInContentID + "/$ref", EmulatorHarness.token(app: ["LearningContent.ReadWrite.All"]), 204),
        ("GET", "", nil, 401),
    ] as [(String, String, String?, Int)])
    func permissions(method: String, suffix: String, token: String?, status: Int) {
        let r = EmulatorHarness().send(method, Self.linkedIn + suffix, token: token)
        #expect(r.status == status)
        if status == 403 { #expect(r.errorMessage == ProviderOperationTests.scopeMissing) }
    }
}
