/// A request body paired with the contract validator's verdict, exported to `Schemas/schema-cases.json` so
/// external JSON Schema validators (the Python check, jsonschema-rs) can be compared with ours.
///
/// The cases are the documented examples (all valid) and variants of them that probe each kind of rule.
/// A case JSON Schema can't judge like the validator names the difference in `knownDifference`.
public struct SchemaCase: Sendable, Hashable {
    public var id: String
    public var operation: Operation
    public var body: JSONValue
    /// What the case is meant to show; the sync test checks the validator agrees with it.
    public var expectValid: Bool
    /// Why a JSON Schema validator reaches another verdict, when it does (a difference listed in Schemas/README.md).
    public var knownDifference: String?

    public init(id: String, operation: Operation, body: JSONValue, expectValid: Bool, knownDifference: String? = nil) {
        self.id = id
        self.operation = operation
        self.body = body
        self.expectValid = expectValid
        self.knownDifference = knownDifference
    }
}

extension SchemaCase {
    /// The documented examples, then the variants.
    public static func all() -> [SchemaCase] {
        var cases: [SchemaCase] = []
        for example in DocumentedExample.all {
            guard let body = try? JSONReader().read(Array(example.body.utf8)).root else { continue }
            cases.append(SchemaCase(id: "example/" + example.id, operation: example.operation, body: body, expectValid: true))
        }
        cases += variants()
        return cases
    }

    static func parsed(_ example: DocumentedExample) -> JSONObject {
        (try? JSONReader().read(Array(example.body.utf8)).root.objectValue) ?? JSONObject()
    }

    static func variant(
        _ id: String, of example: DocumentedExample, valid: Bool, difference: String? = nil, _ change: (inout JSONObject) -> Void
    ) -> SchemaCase {
        var object = parsed(example)
        change(&object)
        return SchemaCase(id: "variant/" + id, operation: example.operation, body: .object(object), expectValid: valid, knownDifference: difference)
    }

    static let dollarDifference = "regex dialect: Python's re.search lets $ match before a final newline; ECMA-262 (and jsonschema-rs) doesn't (README: patterns)"

    static func variants() -> [SchemaCase] {
        let assignment = DocumentedExample.createAssignment
        let selfInitiated = DocumentedExample.createSelfInitiated
        let update = DocumentedExample.updateSelfInitiated
        let provider = DocumentedExample.updateProvider
        let longID = String(repeating: "a", count: 257)
        let astralID = String(repeating: "\u{1F600}", count: 256)  // 256 scalars, 512 UTF-16 units
        var cases: [SchemaCase] = [
            variant("completionPercentage-101", of: assignment, valid: false) { $0["completionPercentage"] = 101 },
            variant("completionPercentage-minus-1", of: assignment, valid: false) { $0["completionPercentage"] = -1 },
            variant("completionPercentage-20.0", of: assignment, valid: true) { $0["completionPercentage"] = .number(JSONNumber(lexeme: "20.0")) },
            variant("completionPercentage-2e1", of: assignment, valid: true) { $0["completionPercentage"] = .number(JSONNumber(lexeme: "2e1")) },
            variant("completionPercentage-20.5", of: assignment, valid: false) { $0["completionPercentage"] = .number(JSONNumber(lexeme: "20.5")) },
            variant("completionPercentage-string", of: assignment, valid: false) { $0["completionPercentage"] = "20" },
            variant("learnerUserId-missing", of: assignment, valid: false) { $0["learnerUserId"] = nil },
            variant("learnerUserId-empty", of: assignment, valid: false) { $0["learnerUserId"] = "" },
            variant("learnerUserId-null", of: assignment, valid: false) { $0["learnerUserId"] = .null },
            variant("learnerUserId-257", of: assignment, valid: false) { $0["learnerUserId"] = .string(longID) },
            variant("learnerUserId-256-astral", of: assignment, valid: true) { $0["learnerUserId"] = .string(astralID) },
            variant("odata-type-missing", of: assignment, valid: false) { $0["@odata.type"] = nil },
            variant("odata-type-without-hash", of: assignment, valid: false) { $0["@odata.type"] = "microsoft.graph.learningAssignment" },
            variant("odata-type-number", of: assignment, valid: false) { $0["@odata.type"] = 1 },
            variant("unknown-property", of: assignment, valid: false) { $0["foo"] = "bar" },
            variant("other-subtype-property", of: selfInitiated, valid: false) { $0["assignmentType"] = "required" },
            variant("instance-annotation", of: assignment, valid: true) { $0["notes@odata.type"] = "#microsoft.graph.itemBody" },
            variant("dueDateTime-as-string", of: assignment, valid: true) { $0["dueDateTime"] = "2022-09-22T16:05:00Z" },
            variant("dueDateTime-bad-local", of: assignment, valid: false) {
                $0["dueDateTime"] = ["dateTime": "2022-09-22T16:05:00Z", "timeZone": "UTC"]
            },
            variant("dueDateTime-without-dateTime", of: assignment, valid: false) { $0["dueDateTime"] = ["timeZone": "UTC"] },
            variant("dueDateTime-unknown-member", of: assignment, valid: false) {
                $0["dueDateTime"] = ["dateTime": "2022-09-22T16:05:00", "timeZone": "UTC", "zone": "x"]
            },
            variant("notes-as-string", of: assignment, valid: true) { $0["notes"] = "a note" },
            variant("notes-contentType-markdown", of: assignment, valid: false) { $0["notes"] = ["contentType": "markdown", "content": "x"] },
            variant("assignmentType-peerRecommended", of: assignment, valid: true) { $0["assignmentType"] = "peerRecommended" },
            variant("assignmentType-null", of: assignment, valid: false) { $0["assignmentType"] = .null },
            variant("status-PascalCase", of: assignment, valid: false) { $0["status"] = "NotStarted" },
            variant("status-unknownFutureValue", of: assignment, valid: true) { $0["status"] = "unknownFutureValue" },
            variant("status-missing", of: assignment, valid: false) { $0["status"] = nil },
            variant("startedDateTime-on-assignment", of: assignment, valid: true) { $0["startedDateTime"] = "2021-05-21T22:57:17Z" },
            variant("server-generated-id", of: assignment, valid: true) { $0["id"] = "8ba2228a-e020-11ec-9d64-0242ac120003" },
            variant("both-external-id-spellings", of: assignment, valid: false) { $0[TypeModel.externalCourseActivityId.metadataSpelling] = "x" },
            variant("assignedDateTime-no-offset", of: assignment, valid: false) { $0["assignedDateTime"] = "2021-05-11T22:57:17" },
            variant("assignedDateTime-fraction-12", of: assignment, valid: true) { $0["assignedDateTime"] = "2021-05-11T22:57:17.123456789012Z" },
            // The patterns say what the validator checks: real calendar days, offsets up to ±23:59, 4 or more year digits.
            variant("assignedDateTime-february-30", of: assignment, valid: false) { $0["assignedDateTime"] = "2021-02-30T00:00:00Z" },
            variant("assignedDateTime-february-29-common-year", of: assignment, valid: false) { $0["assignedDateTime"] = "2100-02-29T00:00:00Z" },
            variant("assignedDateTime-february-29-leap-year", of: assignment, valid: true) { $0["assignedDateTime"] = "2000-02-29T00:00:00Z" },
            variant("assignedDateTime-april-31", of: assignment, valid: false) { $0["assignedDateTime"] = "2021-04-31T00:00:00Z" },
            variant("assignedDateTime-offset-24", of: assignment, valid: false) { $0["assignedDateTime"] = "2021-05-11T22:57:17+24:00" },
            variant("assignedDateTime-offset-minus-57-73", of: assignment, valid: false) { $0["assignedDateTime"] = "2021-05-11T22:57:17-57:73" },
            variant("assignedDateTime-offset-23-59", of: assignment, valid: true) { $0["assignedDateTime"] = "2021-05-11T22:57:17-23:59" },
            variant("assignedDateTime-ten-digit-year", of: assignment, valid: true) { $0["assignedDateTime"] = "1000000000-05-11T22:57:17Z" },
            variant("assignedDateTime-leap-day-long-year", of: assignment, valid: true) { $0["assignedDateTime"] = "123456-02-29T22:57:17Z" },
            variant("dueDateTime-local-february-29-common-year", of: assignment, valid: false) {
                $0["dueDateTime"] = ["dateTime": "2023-02-29T16:05:00", "timeZone": "UTC"]
            },
            variant("assignedDateTime-trailing-newline", of: assignment, valid: false, difference: dollarDifference) {
                $0["assignedDateTime"] = "2021-05-11T22:57:17Z\n"
            },
            variant("self-initiated-without-status", of: selfInitiated, valid: true) { $0["status"] = nil },
            variant("self-initiated-notStarted", of: selfInitiated, valid: true) { $0["status"] = "notStarted" },
            variant("learningProviderId-missing", of: assignment, valid: true) { $0["learningProviderId"] = nil },
            variant("update-status-missing", of: update, valid: false) { $0["status"] = nil },
            variant("update-learningContentId-empty-allowed", of: update, valid: true) { $0["learningContentId"] = "" },
            variant("provider-displayName-null", of: provider, valid: false) { $0["displayName"] = .null },
            variant("provider-displayName-empty", of: provider, valid: false) { $0["displayName"] = "" },
            variant("provider-sync-string", of: provider, valid: false) { $0["isCourseActivitySyncEnabled"] = "true" },
        ]
        cases.append(SchemaCase(id: "variant/body-is-array", operation: .createActivity, body: [], expectValid: false))
        let content: JSONObject = ["contentWebUrl": "https://example.com/c/1", "languageTag": "en-us", "title": "Intro"]
        func contentCase(_ id: String, valid: Bool, _ change: (inout JSONObject) -> Void) -> SchemaCase {
            var object = content
            change(&object)
            return SchemaCase(id: "variant/" + id, operation: .upsertContent, body: .object(object), expectValid: valid)
        }
        cases += [
            contentCase("content-minimal", valid: true) { _ in },
            contentCase("content-title-missing", valid: false) { $0["title"] = nil },
            contentCase("content-level-Beginner", valid: true) { $0["level"] = "Beginner" },
            contentCase("content-level-expert", valid: false) { $0["level"] = "expert" },
            contentCase("content-duration-PT20M", valid: true) { $0["duration"] = "PT20M" },
            contentCase("content-duration-words", valid: false) { $0["duration"] = "20 minutes" },
            contentCase("content-duration-P", valid: false) { $0["duration"] = "P" },
            contentCase("content-numberOfPages-int32-overflow", valid: false) { $0["numberOfPages"] = 2_147_483_648 },
            contentCase("content-numberOfPages-1e400", valid: false) { $0["numberOfPages"] = .number(JSONNumber(lexeme: "1e400")) },
            contentCase("content-tags-not-strings", valid: false) { $0["skillTags"] = ["a", 1] },
        ]
        return cases
    }
}
