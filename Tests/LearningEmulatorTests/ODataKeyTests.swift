import LearningContract
import LearningEmulator
import Testing

/// OData key forms (learn.microsoft.com/graph/query-parameters, Escaping single quotes; learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 2 (alternate key), ambiguities externalCourseActivityIdSpelling and alternateKeyQuoting; the id form of create example 1).
@Suite struct ODataKeyTests {
    /// An activity whose id and external id contain `:` and `'`, under the Contoso provider.
    static let state = ##"""
    {"activities":[{"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse","id":"7ba2228a-e020-11ec-9d64-0242ac120002:abc",
      "externalCourseActivityId":"O'Brien:42/x","learnerUserId":"7ba2228a-e020-11ec-9d64-0242ac120002",
      "learningProviderId":"01e8f81b-3060-4dec-acf0-0389665a0a38","learningContentId":"57baf9dc-e020-11ec-9d64-0242ac120002",
      "status":"inProgress"}]}
    """##

    static func harness(_ configuration: EmulatorConfiguration = EmulatorConfiguration()) -> EmulatorHarness {
        let h = EmulatorHarness(configuration)
        h.send("POST", "/_emulator/tenants/\(TestToken.defaultTenantID)/state", token: nil, json: state)
        return h
    }

    @Test(arguments: [
        "(externalCourseActivityId='12a2228a-e020-11ec-9d64-0242ac120002')",
        "(externalcourseActivityId='12a2228a-e020-11ec-9d64-0242ac120002')",
        "(externalCourseActivityId=%2712a2228a-e020-11ec-9d64-0242ac120002%27)",
        "(externalCourseActivityId=12a2228a-e020-11ec-9d64-0242ac120002)",
        "/8ba2228a-e020-11ec-9d64-0242ac120003",
        "('8ba2228a-e020-11ec-9d64-0242ac120003')",
        "/8ba2228a%2De020-11ec-9d64-0242ac120003",
    ])
    func docsActivityKeyForms(_ suffix: String) {
        let r = Self.harness().get(Paths.contosoActivities + suffix)
        #expect(r.status == 200)
        #expect(r["id"] == .string(DocsWorld.assignmentID))
    }

    @Test(arguments: [
        "(externalCourseActivityId='O''Brien:42/x')",
        "(externalCourseActivityId='O%27%27Brien%3A42%2Fx')",
        "(externalcourseActivityId=%27O%27%27Brien:42%2Fx%27)",
    ])
    func externalIDsWithQuotesColonsAndSlashes(_ suffix: String) {
        let r = Self.harness().get(Paths.contosoActivities + suffix)
        #expect(r.status == 200)
        #expect(r["id"] == "7ba2228a-e020-11ec-9d64-0242ac120002:abc")
    }

    @Test(arguments: [
        "/employeeExperience/learningCourseActivities/7ba2228a-e020-11ec-9d64-0242ac120002:abc",
        "/employeeExperience/learningCourseActivities/7ba2228a-e020-11ec-9d64-0242ac120002%3Aabc",
        "/employeeExperience/learningCourseActivities/7ba2228a-e020-11ec-9d64-0242ac120002%3aabc",
        "/users/7ba2228a-e020-11ec-9d64-0242ac120002/employeeExperience/learningCourseActivities/7ba2228a-e020-11ec-9d64-0242ac120002:abc",
        "/me/employeeExperience/learningCourseActivities/7ba2228a-e020-11ec-9d64-0242ac120002%3Aabc",
        "/me/employeeExperience/learningCourseActivities(externalCourseActivityId='O''Brien:42/x')",
        "/employeeExperience/learningCourseActivities(externalCourseActivityId='O''Brien:42/x')",
        "/EmployeeExperience/LearningCourseActivities/7ba2228a-e020-11ec-9d64-0242ac120002:abc",
    ])
    func idsWithColonsThroughEveryPath(_ path: String) {
        let r = Self.harness().get("/v1.0" + path)
        #expect(r.status == 200)
        #expect(r["id"] == "7ba2228a-e020-11ec-9d64-0242ac120002:abc")
    }

    @Test(arguments: [
        "(externalCourseActivityId='O'Brien:42/x')",   // undoubled quote
        "(externalCourseActivityId='unterminated)",
        "(someOtherKey='12a2228a-e020-11ec-9d64-0242ac120002')",
        "(externalCourseActivityId='x'",
    ])
    func malformedKeysAreRefused(_ suffix: String) {
        let r = Self.harness().get(Paths.contosoActivities + suffix)
        #expect(r.status == 400)
        #expect(r.errorCode == EmulatorHarness().emulator.contract.catalog[.resourceNotFoundForSegment].code)
    }

    /// OData 4.01 URL conventions, ABNF `SQUOTE-in-string = SQUOTE SQUOTE`: a `'` inside a string literal is written
    /// `''`, so an external id that is one quote is addressed `''''` and decoded back to `'`; a lone `'` inside ends
    /// the literal early and the rest is malformed: 400, never a lookup of something else.
    @Test func anExternalIDOfOneQuoteIsAddressedWithTheQuoteDoubled() {
        let h = EmulatorHarness()
        let created = h.send("POST", Paths.contosoActivities, json: #"""
        {"@odata.type": "#microsoft.graph.learningSelfInitiatedCourse", "learnerUserId": "\#(DocsWorld.learnerID)",
         "learningContentId": "\#(DocsWorld.contosoContentID)", "learningProviderId": "\#(DocsWorld.contosoProviderID)",
         "status": "inProgress", "externalCourseActivityId": "'"}
        """#)
        #expect(created.status == 201)
        for suffix in ["(externalCourseActivityId='''')", "(externalCourseActivityId=%27%27%27%27)", "(externalcourseActivityId=''%27')"] {
            let r = h.get(Paths.contosoActivities + suffix)
            #expect(r.status == 200, "\(suffix)")
            #expect(r["id"] == created["id"], "\(suffix)")
            #expect(r[TypeModel.externalCourseActivityId.metadataSpelling] == "'", "\(suffix)")  // the wire spelling serve writes by default
        }
        for suffix in ["(externalCourseActivityId=''')", "(externalCourseActivityId='%27')", "(externalCourseActivityId=')",
                       "(externalCourseActivityId=''''')", "(externalCourseActivityId='a'b')"] {
            let r = h.get(Paths.contosoActivities + suffix)
            #expect(r.status == 400, "\(suffix)")
            #expect(r.errorCode == h.emulator.contract.catalog[.resourceNotFoundForSegment].code, "\(suffix)")
        }
    }

    /// A quote followed by a combining mark or an emoji modifier is one Swift Character but two Unicode scalars; the
    /// key syntax (OData ABNF `SQUOTE-in-string`) is about the quote scalar, so doubling it still addresses the id
    /// (Schemathesis ST202 on `…(externalCourseActivityId='…''🏻…')`, Tests/Scripts/EXTERNAL-FINDINGS.md A5).
    @Test(arguments: ["'\u{1F3FB}x", "a'\u{301}b", "''\u{1F3FB}''$!0\u{F5}''", "=('"])
    func quotesBeforeMarksAndModifiersAreStillQuotes(_ externalID: String) throws {
        let h = EmulatorHarness()
        let body: JSONValue = [
            "@odata.type": "#microsoft.graph.learningSelfInitiatedCourse", "learnerUserId": .string(DocsWorld.learnerID),
            "learningContentId": .string(DocsWorld.contosoContentID), "learningProviderId": .string(DocsWorld.contosoProviderID),
            "status": "inProgress", "externalCourseActivityId": .string(externalID),
        ]
        let created = h.send("POST", Paths.contosoActivities, json: body.serialized())
        #expect(created.status == 201)
        let doubled = String(String.UnicodeScalarView(externalID.unicodeScalars.flatMap { $0 == "'" ? [$0, $0] : [$0] }))
        let r = h.get(Paths.contosoActivities + "(externalCourseActivityId='" + doubled + "')")
        #expect(r.status == 200, "\(r.errorMessage ?? "")")
        #expect(r["id"] == created["id"])
        let undoubled = h.get(Paths.contosoActivities + "(externalCourseActivityId='" + externalID + "')")
        #expect(undoubled["id"] == nil, "without its quotes doubled the literal is malformed or means another id")
    }

    /// `collection('value')` is the id form even when the value holds `=`; only `name=` makes it the alternate key.
    @Test func aKeyWithAnEqualsSignButNoNameIsAnID() throws {
        let h = EmulatorHarness()
        let body: JSONValue = [
            "@odata.type": "#microsoft.graph.learningSelfInitiatedCourse", "learnerUserId": .string(DocsWorld.learnerID),
            "learningContentId": .string(DocsWorld.contosoContentID), "learningProviderId": .string(DocsWorld.contosoProviderID),
            "status": "inProgress", "externalCourseActivityId": "a=b",
        ]
        #expect(h.send("POST", Paths.contosoActivities, json: body.serialized()).status == 201)
        #expect(h.get(Paths.contosoActivities + "(externalCourseActivityId='a=b')").status == 200)
        let byID = h.get(Paths.contosoActivities + "('a=b')")
        #expect(byID.status == 404, "no activity has the id a=b; the external id must not answer for it")
    }

    @Test func unquotedKeysAreRefusedWhenStrict() {
        var configuration = EmulatorConfiguration()
        configuration.contract.ambiguities["alternateKeyQuoting"] = .strict
        let h = Self.harness(configuration)
        #expect(h.get(Paths.contosoActivities + "(externalCourseActivityId=12a2228a-e020-11ec-9d64-0242ac120002)").status == 400)
        #expect(h.get(Paths.contosoActivities + "(externalCourseActivityId='12a2228a-e020-11ec-9d64-0242ac120002')").status == 200)
    }

    @Test func externalIDLookupIsCaseSensitive() {
        #expect(Self.harness().get(Paths.contosoActivities + "(externalCourseActivityId='o''brien:42/x')").status == 404)
    }

    @Test func updateAndDeleteByExternalID() {
        let h = Self.harness()
        let key = Paths.contosoActivities + "(externalCourseActivityId='O''Brien:42/x')"
        let patch = h.send("PATCH", key, json: ##"{"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse","status":"completed"}"##)
        #expect(patch.status == 204)
        #expect(h.get(key)["status"] == "completed")
        #expect(h.send("DELETE", key).status == 204)
        #expect(h.get(key).status == 404)
    }
}
