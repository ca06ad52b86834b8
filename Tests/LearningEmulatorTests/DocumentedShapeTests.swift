import LearningContract
import LearningEmulator
import Testing

/// A `dueDateTime` or `notes` string, accepted under lenient (ambiguities `dueDateTimeShape`, `notesShape`), is
/// stored and returned in the metadata's shape, which a client typed from the metadata reads:
/// learn.microsoft.com/graph/api/resources/learningassignment, "Properties" table, rows dueDateTime (dateTimeTimeZone)
/// and notes (itemBody); learn.microsoft.com/graph/api/resources/datetimetimezone, "Properties" table, rows dateTime
/// ("{date}T{time}; for example, 2017-08-29T04:00:00.0000000") and timeZone; every example sends `"timeZone": "UTC"`.
@Suite struct DocumentedShapeTests {
    /// The create example with its `dueDateTime` and `notes` replaced.
    static func body(dueDateTime: String, notes: String = #""a note""#) -> String {
        #"""
        {"@odata.type": "#microsoft.graph.learningAssignment", "assignmentType": "required",
         "learningContentId": "57baf9dc-e020-11ec-9d64-0242ac120002", "learningProviderId": "01e8f81b-3060-4dec-acf0-0389665a0a38",
         "learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002", "status": "notStarted",
         "dueDateTime": \#(dueDateTime), "notes": \#(notes)}
        """#
    }

    static func due(_ dateTime: String) -> JSONValue { ["dateTime": .string(dateTime), "timeZone": "UTC"] }

    /// (sent, the same instant as the docs' dateTimeTimeZone in UTC).
    @Test(arguments: [
        ("2022-09-22T16:05:00Z", "2022-09-22T16:05:00.0000000"),
        ("2021-05-11T22:57:17+00:00", "2021-05-11T22:57:17.0000000"),
        ("2022-09-22T18:05:00.5+02:00", "2022-09-22T16:05:00.5000000"),
        ("2022-09-22T01:05:00+02:00", "2022-09-21T23:05:00.0000000"),
        ("2024-03-01T00:30:00+01:00", "2024-02-29T23:30:00.0000000"),
        ("2023-03-01T00:30:00+01:00", "2023-02-28T23:30:00.0000000"),
        ("2021-12-31T23:59:59.123456789-00:30", "2022-01-01T00:29:59.123456789"),
        ("9999-12-31T23:00:00-01:00", "10000-01-01T00:00:00.0000000"),
        ("10000-01-01T00:00:00+00:01", "9999-12-31T23:59:00.0000000"),
        ("2022-01-31T23:59:00-23:59", "2022-02-01T23:58:00.0000000"),
    ])
    func aDueDateTimeStringIsStoredAsADateTimeTimeZone(_ sent: String, _ utc: String) {
        let h = EmulatorHarness()
        let created = h.send("POST", Paths.contosoActivities, json: Self.body(dueDateTime: "\"\(sent)\""))
        #expect(created.status == 201)
        #expect(created["dueDateTime"] == Self.due(utc))
        #expect(created["notes"] == ["contentType": "text", "content": "a note"])
        let id = created["id"]?.stringValue ?? ""
        let read = h.get(Paths.learnerActivities + "/" + id)
        #expect(read["dueDateTime"] == Self.due(utc))
        #expect(read["notes"] == ["contentType": "text", "content": "a note"])
    }

    @Test func theDocumentedShapesAreStoredAsSent() {
        let h = EmulatorHarness()
        let sent: JSONValue = ["dateTime": "2022-09-22T16:05:00.0000000", "timeZone": "Pacific Standard Time"]
        let created = h.send("POST", Paths.contosoActivities, json: Self.body(
            dueDateTime: #"{"dateTime": "2022-09-22T16:05:00.0000000", "timeZone": "Pacific Standard Time"}"#,
            notes: #"{"contentType": "html", "content": "<b>x</b>"}"#))
        #expect(created.status == 201)
        #expect(created["dueDateTime"] == sent)
        #expect(created["notes"] == ["contentType": "html", "content": "<b>x</b>"])
    }

    @Test func anUpdateStoresTheDocumentedShapeToo() {
        let h = EmulatorHarness()
        let path = Paths.contosoActivities + "/" + DocsWorld.assignmentID
        let patch = h.send("PATCH", path, json: #"""
        {"@odata.type": "#microsoft.graph.learningAssignment", "status": "inProgress",
         "dueDateTime": "2023-01-01T00:00:00-05:00", "notes": "changed"}
        """#)
        #expect(patch.status == 204)
        let read = h.get(Paths.learnerActivities + "/" + DocsWorld.assignmentID)
        #expect(read["dueDateTime"] == Self.due("2023-01-01T05:00:00.0000000"))
        #expect(read["notes"] == ["contentType": "text", "content": "changed"])
    }
}

/// `serve --strict` refuses an update body that repeats a non-updatable property (ambiguity
/// `nonUpdatableFieldsInUpdate`, strict reading: learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0,
/// "Request body" table, which doesn't list assignmentType). The value is valid; the message says what is wrong:
/// the documented "Input field {fieldName} is invalid" (same page, "Responses" table, row 400 invalid) followed by the
/// reason.
@Suite struct StrictUpdateMessageTests {
    @Test func aNonUpdatablePropertyIsNamedAsSuch() {
        let h = EmulatorHarness(EmulatorConfiguration(contract: ContractConfiguration(strictness: .strict)))
        let r = h.send("PATCH", Paths.contosoActivities + "/" + DocsWorld.assignmentID, json: #"""
        {"@odata.type": "#microsoft.graph.learningAssignment", "assignmentType": "required", "status": "inProgress"}
        """#)
        #expect(r.status == 400)
        let documented = h.emulator.contract.catalog.error(.fieldInvalid, slots: ["fieldName": "assignmentType"])
        #expect(r.errorCode == documented.code)
        #expect(r.errorMessage == documented.message + ": it is not an updatable property")
    }
}
