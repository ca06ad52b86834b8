import LearningContract
import LearningEmulator
import Testing

/// Responses spell the external id as the metadata does (`externalcourseActivityId`, schemas/v1.0-Prod.csdl, EntityType
/// learningCourseActivity), which the official SDKs read, unless `wireSpelling` is `docs` (the spelling of
/// learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0, "Properties" table). Input
/// takes either spelling; under strict the metadata one is still accepted while responses carry it.
@Suite struct WireSpellingTests {
    static let metadata = "externalcourseActivityId"
    static let docs = "externalCourseActivityId"

    static func harness(_ spelling: WireSpelling? = nil, strict: Bool = false) -> EmulatorHarness {
        var configuration = EmulatorConfiguration()
        if let spelling { configuration.contract.wireSpelling = spelling }
        if strict { configuration.contract.strictness = .strict }
        return EmulatorHarness(configuration)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var spelling: WireSpelling?
        var emitted: String
        var other: String
        var testDescription: String { "\(spelling?.rawValue ?? "default") emits \(emitted)" }
    }

    static let cases = [
        Case(spelling: nil, emitted: metadata, other: docs),
        Case(spelling: .csdl, emitted: metadata, other: docs),
        Case(spelling: .docs, emitted: docs, other: metadata),
    ]

    @Test(arguments: cases)
    func getByID(_ c: Case) {
        let r = Self.harness(c.spelling).get(Paths.contosoActivities + "/" + DocsWorld.assignmentID)
        #expect(r.status == 200)
        #expect(r[c.emitted] == .string(DocsWorld.externalActivityID))
        #expect(r[c.other] == nil)
    }

    @Test(arguments: cases)
    func list(_ c: Case) {
        let items = Self.harness(c.spelling).get(Paths.learnerActivities)["value"]?.arrayValue ?? []
        #expect(items.count == 3)
        for item in items {
            #expect(item[c.emitted] != nil)
            #expect(item[c.other] == nil)
        }
    }

    /// `$select` takes either spelling; the response and its context name the property as the wire does.
    @Test(arguments: cases)
    func select(_ c: Case) {
        for name in [Self.metadata, Self.docs] {
            let r = Self.harness(c.spelling).get(Paths.contosoActivities + "/" + DocsWorld.assignmentID + "?$select=" + name)
            #expect(r.status == 200)
            #expect(r.json?.objectValue?.keys == ["@odata.type", "@odata.context", c.emitted, "id"])
            #expect(r["@odata.context"]?.stringValue?.hasSuffix("/learningCourseActivities(\(c.emitted))/$entity") == true)
        }
    }

    /// A create that sets the external id under the metadata spelling (what msgraph-sdk sends), then read back by
    /// external id: accepted under lenient and under strict with the default wire spelling.
    @Test(arguments: [false, true])
    func metadataSpellingCreateRoundTrips(strict: Bool) {
        let h = Self.harness(strict: strict)
        // What msgraph-sdk 1.65 sends for CREATE-v1 example 2 with the external id set (learningProviderId included,
        // as the create page's table requires).
        let body = """
        {"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse","completionPercentage":20,
         "\(Self.metadata)":"sdk-made-1","learningContentId":"\(DocsWorld.contosoContentID)",
         "learningProviderId":"\(DocsWorld.contosoProviderID)","learnerUserId":"\(DocsWorld.learnerID)",
         "startedDateTime":"2021-05-21T22:57:17Z","status":"inProgress"}
        """
        let created = h.send("POST", Paths.contosoActivities, json: body)
        #expect(created.status == 201, "\(created.json.map { $0.serialized() } ?? "")")
        #expect(created[Self.metadata] == "sdk-made-1")
        let read = h.get(Paths.contosoActivities + "(\(Self.metadata)='sdk-made-1')")
        #expect(read.status == 200)
        #expect(read[Self.metadata] == "sdk-made-1")
    }

    /// With the docs wire spelling, strict refuses the metadata spelling (the ambiguity's strict reading).
    @Test func strictDocsSpellingRefusesTheMetadataSpelling() {
        let body = DocBodies.createSelfInitiated.replacingOccurrences(of: "\"\(Self.docs)\"", with: "\"\(Self.metadata)\"")
        let r = Self.harness(.docs, strict: true).send("POST", Paths.contosoActivities, json: body)
        #expect(r.status == 400)
        #expect(r.errorMessage == "Input field externalCourseActivityId is invalid")
    }
}
