import LearningContract
import LearningEmulator
import Testing

/// `$select`, `$top`, `$skip`, `$count`, `@odata.nextLink` and the beta `$`-less form (learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0 and learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, Optional query parameters; learn.microsoft.com/graph/query-parameters, OData system query options).
@Suite struct QueryOptionTests {
    /// The docs world plus `n` more activities of the learner.
    static func harness(extra n: Int, pageSize: Int = 100) -> EmulatorHarness {
        var configuration = EmulatorConfiguration()
        configuration.pageSize = pageSize
        let h = EmulatorHarness(configuration)
        for _ in 0..<n { h.send("POST", Paths.contosoActivities, json: DocBodies.createSelfInitiated) }
        return h
    }

    @Test func selectOnGet() {
        let r = Self.harness(extra: 0).get(Paths.contosoActivities + "/" + DocsWorld.assignmentID + "?$select=status,completionPercentage")
        #expect(r.status == 200)
        #expect(r.json?.objectValue?.keys == ["@odata.type", "@odata.context", "completionPercentage", "id", "status"])
        #expect(r["@odata.context"]?.stringValue?.hasSuffix("/learningCourseActivities(status,completionPercentage)/$entity") == true)
    }

    @Test func selectAcceptsTheMetadataSpellingAndEncodedCommas() {
        let r = Self.harness(extra: 0).get(Paths.learnerActivities + "/" + DocsWorld.assignmentID + "?%24select=externalcourseActivityId%2Cstatus")
        #expect(r.status == 200)
        #expect(r["externalcourseActivityId"] == "12a2228a-e020-11ec-9d64-0242ac120002")
        #expect(r["learnerUserId"] == nil)
    }

    @Test func selectOnList() {
        let r = Self.harness(extra: 0).get(Paths.learnerActivities + "?$select=assignmentType")
        let items = r["value"]?.arrayValue ?? []
        #expect(items.count == 3)
        #expect(items[0].objectValue?.keys == ["@odata.type", "@odata.context", "assignmentType", "id"])
        #expect(items[1].objectValue?.keys == ["@odata.type", "@odata.context", "id"])
        #expect(items[2]["assignmentType"] == "unknownFutureValue")
    }

    @Test func topSkipCountAndNextLink() {
        let h = Self.harness(extra: 7)  // 10 activities
        let r = h.get(Paths.learnerActivities + "?$top=4&$count=true")
        #expect(r["value"]?.arrayValue?.count == 4)
        #expect(r["@odata.count"] == 10)
        #expect(r["@odata.nextLink"] == nil, "client paging with $top: no nextLink")
        let skipped = h.get(Paths.learnerActivities + "?$skip=8")
        #expect(skipped["value"]?.arrayValue?.count == 2)
        #expect(skipped["value"]?.arrayValue?.first?["id"] != .string(DocsWorld.assignmentID))
        #expect(h.get(Paths.learnerActivities + "?$skip=50")["value"]?.arrayValue?.count == 0)
        #expect(h.get(Paths.learnerActivities + "?$top=0")["value"]?.arrayValue?.count == 0)
    }

    @Test func serverPagingFollowsNextLinksToTheEnd() throws {
        let h = Self.harness(extra: 7, pageSize: 3)
        var target: String? = Paths.learnerActivities + "?$count=true&$select=id,status"
        var ids: [String] = []
        var pages = 0
        while let next = target, pages < 10 {
            let r = h.get(next)
            try #require(r.status == 200)
            ids += (r["value"]?.arrayValue ?? []).compactMap { $0["id"]?.stringValue }
            #expect(r["@odata.count"] == 10)
            target = r["@odata.nextLink"]?.stringValue.map { link in
                #expect(link.hasPrefix("http://graph.test/v1.0/users/\(DocsWorld.learnerID)/employeeExperience/learningCourseActivities?"))
                #expect(link.contains("$select=id,status"))
                return String(link.dropFirst("http://graph.test".count))
            }
            pages += 1
        }
        #expect(pages == 4)
        #expect(ids.count == 10)
        #expect(Set(ids).count == 10)
    }

    @Test func nextLinkCarriesTheRemainingTop() {
        let h = Self.harness(extra: 7, pageSize: 3)
        let r = h.get(Paths.learnerActivities + "?$top=5")
        #expect(r["value"]?.arrayValue?.count == 3)
        let link = r["@odata.nextLink"]?.stringValue ?? ""
        #expect(link.contains("$top=2"))
        #expect(link.contains("$skip=3"))
    }

    @Test func betaAcceptsOptionsWithoutDollar() {
        let h = Self.harness(extra: 2)
        #expect(h.get("/beta/users/\(DocsWorld.learnerID)/employeeExperience/learningCourseActivities?top=1")["value"]?.arrayValue?.count == 1)
        #expect(h.get(Paths.learnerActivities + "?top=1")["value"]?.arrayValue?.count == 5, "v1.0 ignores options without $")
    }

    @Test(arguments: ["?$top=abc", "?$skip=-3", "?$top=+5", "?$top=9223372036854775808", "?$skip=99999999999999999999",
                      "?$top=1e3", "?$skip=%2B1", "?$top=-9223372036854775808", "?$top=", "?$count=maybe", "?$select=", "?$select=status,,id", "?$orderby=status", "?$expand=x"])
    func invalidListOptions(_ query: String) {
        let r = Self.harness(extra: 0).get(Paths.learnerActivities + query)
        #expect(r.status == 400)
        #expect(r.errorCode == EmulatorHarness().emulator.contract.catalog[.invalidQueryOption].code)
    }

    @Test func topIsNotAnOptionOfSingleEntities() {
        #expect(Self.harness(extra: 0).get(Paths.contosoActivities + "/" + DocsWorld.assignmentID + "?$top=1").status == 400)
    }

    @Test func preferHeaderOnGetBothWays() {
        let h = Self.harness(extra: 0)
        let path = Paths.learnerActivities + "/" + DocsWorld.peerRecommendedID
        #expect(h.get(path)["assignmentType"] == "unknownFutureValue")
        let preferred = h.get(path, headers: ["Prefer": "odata.maxpagesize=5, include-unknown-enum-members"])
        #expect(preferred["assignmentType"] == "peerRecommended")
        #expect(preferred.header("Preference-Applied") == "include-unknown-enum-members")
    }

    @Test func writingPeerRecommendedReadsBackPerPrefer() {
        let h = Self.harness(extra: 0)
        let body = DocBodies.createAssignment.replacingOccurrences(of: "\"assignmentType\": \"required\"", with: "\"assignmentType\": \"peerRecommended\"")
        let created = h.send("POST", Paths.contosoActivities, json: body)
        let contract = h.emulator.contract
        let report = contract.validate(Array(body.utf8), operation: .createActivity)
        if report.isValid {
            #expect(created.status == 201)
            #expect(created["assignmentType"] == "unknownFutureValue")
            let id = created["id"]?.stringValue ?? ""
            #expect(h.get(Paths.learnerActivities + "/" + id, headers: ["Prefer": "include-unknown-enum-members"])["assignmentType"] == "peerRecommended")
        } else {
            #expect(created.status == 400)
        }
    }
}

extension QueryOptionTests {
    @Test func selectStarSelectsEverything() {
        let r = Self.harness(extra: 0).get(Paths.contosoActivities + "/" + DocsWorld.assignmentID + "?$select=*")
        #expect(r.status == 200)
        #expect(r.json?.objectValue?.keys.count == 15)
    }

    @Test func optionsAreIgnoredOnWrites() {
        let h = Self.harness(extra: 0)
        #expect(h.send("POST", Paths.contosoActivities + "?$select=nope&$top=x", json: DocBodies.createSelfInitiated).status == 201)
    }
}
