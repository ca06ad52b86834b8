import LearningContract
import Testing

/// Every field rule at its boundaries, on the documented example payloads: one mutation per row, and the
/// expected outcome (valid, a violation of a kind and row at a pointer, or a documented variant).
@Suite struct FieldBoundaryTests {
    enum Expected: Sendable, CustomStringConvertible {
        case valid
        case violation(Violation.Kind, ErrorRow.ID, at: JSONPointer)
        case variant(Ambiguity.ID)

        var description: String {
            switch self {
            case .valid: "valid"
            case .violation(let kind, let row, let at): "\(kind) \(row) at \(at)"
            case .variant(let id): "variant \(id)"
            }
        }
    }

    struct Case: Sendable, CustomStringConvertible {
        var example: DocumentedExample
        var mutation: PayloadMutation
        var expected: Expected
        var description: String { "\(example.id): \(mutation) → \(expected)" }
    }

    static let longID = String(repeating: "a", count: 257)
    static let maxID = String(repeating: "é", count: 256)  // 256 scalars, 512 UTF-8 bytes: length counts scalars

    static func a(_ m: PayloadMutation, _ e: Expected) -> Case { Case(example: .createAssignment, mutation: m, expected: e) }
    static func s(_ m: PayloadMutation, _ e: Expected) -> Case { Case(example: .createSelfInitiated, mutation: m, expected: e) }
    static func ua(_ m: PayloadMutation, _ e: Expected) -> Case { Case(example: .updateAssignment, mutation: m, expected: e) }
    static func us(_ m: PayloadMutation, _ e: Expected) -> Case { Case(example: .updateSelfInitiated, mutation: m, expected: e) }
    static func n(_ text: String) -> JSONValue { .number(JSONNumber(lexeme: text)) }

    static let cases: [Case] = [
        // completionPercentage: Int32, 0...100 inclusive (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body table, row completionPercentage).
        a(.set("/completionPercentage", n("-1")), .violation(.outOfRange, .fieldInvalid, at: "/completionPercentage")),
        a(.set("/completionPercentage", n("0")), .valid),
        a(.set("/completionPercentage", n("100")), .valid),
        a(.set("/completionPercentage", n("101")), .violation(.outOfRange, .fieldInvalid, at: "/completionPercentage")),
        a(.set("/completionPercentage", n("20.5")), .violation(.invalidType, .fieldInvalid, at: "/completionPercentage")),
        a(.set("/completionPercentage", n("20.0")), .valid),
        a(.set("/completionPercentage", n("2e1")), .valid),
        a(.set("/completionPercentage", n("1e400")), .violation(.outOfRange, .fieldInvalid, at: "/completionPercentage")),
        a(.set("/completionPercentage", n("-0")), .valid),
        a(.set("/completionPercentage", "20"), .violation(.invalidType, .fieldInvalid, at: "/completionPercentage")),
        a(.set("/completionPercentage", true), .violation(.invalidType, .fieldInvalid, at: "/completionPercentage")),
        a(.set("/completionPercentage", nil), .valid),
        a(.remove("/completionPercentage"), .valid),
        s(.set("/completionPercentage", n("101")), .violation(.outOfRange, .fieldInvalid, at: "/completionPercentage")),
        ua(.set("/completionPercentage", n("-1")), .violation(.outOfRange, .fieldInvalid, at: "/completionPercentage")),
        us(.set("/completionPercentage", n("100")), .valid),
        // Required ids: absent, null, empty, over-long, wrong type.
        a(.remove("/learnerUserId"), .violation(.required, .fieldRequired, at: "/learnerUserId")),
        a(.set("/learnerUserId", nil), .violation(.required, .fieldRequired, at: "/learnerUserId")),
        a(.set("/learnerUserId", ""), .violation(.empty, .fieldEmpty, at: "/learnerUserId")),
        a(.set("/learnerUserId", .string(longID)), .violation(.tooLong, .fieldTooLong, at: "/learnerUserId")),
        a(.set("/learnerUserId", .string(maxID)), .valid),
        a(.set("/learnerUserId", 5), .violation(.invalidType, .fieldInvalid, at: "/learnerUserId")),
        s(.remove("/learningContentId"), .violation(.required, .fieldRequired, at: "/learningContentId")),
        s(.set("/learningContentId", ""), .violation(.empty, .fieldEmpty, at: "/learningContentId")),
        // learningProviderId: required by the tables, omitted by example 2 (ambiguity learningProviderIdRequired).
        a(.remove("/learningProviderId"), .variant(.learningProviderIdRequired)),
        a(.set("/learningProviderId", ""), .violation(.empty, .fieldEmpty, at: "/learningProviderId")),
        // status: courseStatus, required on create and update.
        a(.remove("/status"), .violation(.required, .fieldRequired, at: "/status")),
        a(.set("/status", nil), .violation(.required, .fieldRequired, at: "/status")),
        a(.set("/status", "Completed"), .violation(.invalidValue, .fieldInvalid, at: "/status")),
        a(.set("/status", "completed"), .valid),
        a(.set("/status", "unknownFutureValue"), .variant(.courseStatusSentinel)),
        a(.set("/status", ""), .violation(.invalidValue, .fieldInvalid, at: "/status")),
        a(.set("/status", 2), .violation(.invalidType, .fieldInvalid, at: "/status")),
        s(.set("/status", "notStarted"), .variant(.selfInitiatedStatusValues)),
        s(.remove("/status"), .variant(.selfInitiatedStatusRequired)),
        ua(.remove("/status"), .violation(.required, .fieldRequired, at: "/status")),
        us(.remove("/status"), .violation(.required, .fieldRequired, at: "/status")),
        us(.set("/status", "notStarted"), .variant(.selfInitiatedStatusValues)),
        // assignmentType: required enum on create; peerRecommended only in some tables.
        a(.remove("/assignmentType"), .violation(.required, .fieldRequired, at: "/assignmentType")),
        a(.set("/assignmentType", nil), .violation(.required, .fieldRequired, at: "/assignmentType")),
        a(.set("/assignmentType", "peerRecommended"), .variant(.peerRecommendedOnCreate)),
        a(.set("/assignmentType", "optional"), .violation(.invalidValue, .fieldInvalid, at: "/assignmentType")),
        a(.set("/assignmentType", "recommended"), .valid),
        // A field of the other subtype.
        s(.set("/assignmentType", "required"), .violation(.unknownProperty, .fieldInvalid, at: "/assignmentType")),
        s(.set("/dueDateTime", ["dateTime": "2022-09-22T16:05:00", "timeZone": "UTC"]), .violation(.unknownProperty, .fieldInvalid, at: "/dueDateTime")),
        a(.set("/startedDateTime", "2021-05-21T22:57:17+00:00"), .variant(.startedDateTimeOnAssignment)),
        a(.set("/startedDateTime", "yesterday"), .violation(.invalidFormat, .fieldInvalid, at: "/startedDateTime")),
        // DateTimeOffset (pattern P plus calendar and offset range).
        a(.set("/assignedDateTime", "2021-05-11T22:57:17Z"), .valid),
        a(.set("/assignedDateTime", "2021-05-11T22:57:17.123456789012-07:00"), .valid),
        a(.set("/assignedDateTime", "2021-05-11T22:57:17.1234567890123Z"), .violation(.invalidFormat, .fieldInvalid, at: "/assignedDateTime")),
        a(.set("/assignedDateTime", "2021-05-11"), .violation(.invalidFormat, .fieldInvalid, at: "/assignedDateTime")),
        a(.set("/assignedDateTime", "2021-05-11T22:57:17"), .violation(.invalidFormat, .fieldInvalid, at: "/assignedDateTime")),
        a(.set("/assignedDateTime", "2021-02-29T00:00:00Z"), .violation(.invalidFormat, .fieldInvalid, at: "/assignedDateTime")),
        a(.set("/assignedDateTime", "2024-02-29T00:00:00Z"), .valid),
        a(.set("/assignedDateTime", "2021-05-11T24:00:00Z"), .violation(.invalidFormat, .fieldInvalid, at: "/assignedDateTime")),
        a(.set("/assignedDateTime", "2021-05-11T22:57:17+24:00"), .violation(.invalidFormat, .fieldInvalid, at: "/assignedDateTime")),
        a(.set("/assignedDateTime", "2021-05-11t22:57:17z"), .violation(.invalidFormat, .fieldInvalid, at: "/assignedDateTime")),
        a(.set("/completedDateTime", 1_620_773_837), .violation(.invalidType, .fieldInvalid, at: "/completedDateTime")),
        a(.set("/completedDateTime", ""), .violation(.invalidFormat, .fieldInvalid, at: "/completedDateTime")),
        // dueDateTime: dateTimeTimeZone object, or a string under lenient (ambiguity dueDateTimeShape).
        a(.set("/dueDateTime", "2022-09-22T16:05:00Z"), .variant(.dueDateTimeShape)),
        a(.set("/dueDateTime", "next week"), .violation(.invalidType, .fieldInvalid, at: "/dueDateTime")),
        a(.set("/dueDateTime", ["timeZone": "UTC"]), .violation(.required, .fieldRequired, at: "/dueDateTime/dateTime")),
        a(.set("/dueDateTime/dateTime", nil), .violation(.required, .fieldRequired, at: "/dueDateTime/dateTime")),
        a(.set("/dueDateTime/dateTime", ""), .violation(.empty, .fieldEmpty, at: "/dueDateTime/dateTime")),
        a(.set("/dueDateTime/dateTime", "2022-09-22T16:05:00+02:00"), .violation(.invalidFormat, .fieldInvalid, at: "/dueDateTime/dateTime")),
        a(.set("/dueDateTime/timeZone", nil), .valid),
        a(.set("/dueDateTime/timeZone", .string(String(repeating: "z", count: 129))), .violation(.tooLong, .fieldTooLong, at: "/dueDateTime/timeZone")),
        a(.set("/dueDateTime/zone", "UTC"), .violation(.unknownProperty, .fieldInvalid, at: "/dueDateTime/zone")),
        // notes: itemBody object, or a string under lenient (ambiguity notesShape).
        a(.set("/notes", "call me"), .variant(.notesShape)),
        a(.set("/notes", 5), .violation(.invalidType, .fieldInvalid, at: "/notes")),
        a(.set("/notes/contentType", "markdown"), .violation(.invalidValue, .fieldInvalid, at: "/notes/contentType")),
        a(.set("/notes/contentType", "html"), .valid),
        a(.set("/notes/content", .string(String(repeating: "x", count: 65_537))), .violation(.tooLong, .fieldTooLong, at: "/notes/content")),
        a(.set("/notes/content", .string(String(repeating: "x", count: 65_536))), .valid),
        // externalCourseActivityId and its metadata spelling (ambiguity externalCourseActivityIdSpelling).
        a(.set("/externalCourseActivityId", ""), .violation(.empty, .fieldEmpty, at: "/externalCourseActivityId")),
        a(.set("/externalCourseActivityId", nil), .valid),
        a(.set("/externalCourseActivityId", .string(longID)), .violation(.tooLong, .fieldTooLong, at: "/externalCourseActivityId")),
        a(.set("/externalcourseActivityId", "x"), .violation(.duplicateKey, .fieldInvalid, at: "/externalcourseActivityId")),
        // Server-generated fields in a create body (ambiguity serverGeneratedFieldsInCreate).
        a(.set("/id", "abc"), .variant(.serverGeneratedFieldsInCreate)),
        a(.set("/registrationId", "01e8f81b-3060-4dec-acf0-0389665a0a38"), .variant(.serverGeneratedFieldsInCreate)),
        // Non-updatable fields in an update (ambiguity nonUpdatableFieldsInUpdate).
        ua(.set("/assignmentType", "recommended"), .variant(.nonUpdatableFieldsInUpdate)),
        // Unknown properties and annotations.
        a(.set("/foo", 1), .violation(.unknownProperty, .fieldInvalid, at: "/foo")),
        a(.set("/LearnerUserId", "x"), .violation(.unknownProperty, .fieldInvalid, at: "/LearnerUserId")),
        a(.set("/@odata.context", "https://graph.microsoft.com/v1.0/$metadata#x"), .valid),
        // @odata.type selects the subtype (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body (@odata.type selects the type); learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row @odata.type).
        a(.remove("/@odata.type"), .violation(.required, .fieldRequired, at: "/@odata.type")),
        a(.set("/@odata.type", "microsoft.graph.learningAssignment"), .violation(.invalidValue, .fieldInvalid, at: "/@odata.type")),
        a(.set("/@odata.type", "#microsoft.graph.learningSelfInitiated"), .violation(.invalidValue, .fieldInvalid, at: "/@odata.type")),
        a(.set("/@odata.type", 1), .violation(.invalidType, .fieldInvalid, at: "/@odata.type")),
    ]

    @Test(arguments: cases)
    func boundary(_ testCase: Case) {
        let payload = testCase.mutation.apply(to: JSONValue.parse(testCase.example.body))
        let report = Contract().validate(payload, operation: testCase.example.operation)
        switch testCase.expected {
        case .valid:
            #expect(report.violations.isEmpty, "\(report.violations.map(\.detail))")
            #expect(report.variants.isEmpty || testCase.example == .updateAssignment || testCase.example == .updateSelfInitiated)
        case .violation(let kind, let row, let pointer):
            #expect(report.violations.count == 1, "\(report.violations.map(\.detail))")
            let first = report.violations.first
            #expect(first?.kind == kind)
            #expect(first?.errorRow == row)
            #expect(first?.pointer == pointer)
            #expect(report.graphError?.status == 400)
            #expect(report.graphError?.message == first?.message)
        case .variant(let ambiguity):
            #expect(report.violations.isEmpty, "\(report.violations.map(\.detail))")
            #expect(report.variants.contains { $0.ambiguity == ambiguity })
            // The same payload fails under strict.
            let strict = Contract(configuration: ContractConfiguration(strictness: .strict)).validate(payload, operation: testCase.example.operation)
            #expect(strict.violations.contains { $0.ambiguity == ambiguity })
        }
    }
}
