import Foundation
import LearningContract
import Testing

@Suite struct ErrorCatalogTests {
    static let namedIDs: [ErrorRow.ID] = [
        .methodNotAllowed, .permissionScopeMissing, .servicePlanInadequate, .providerNotEnabled, .registrationIdInvalid,
        .activityNotFound, .activityNotFoundOnUpdate, .internalServerError, .tooManyRequests, .serviceUnavailable,
        .fieldRequired, .fieldInvalid, .fieldEmpty, .fieldTooLong, .multipleFieldValidations, .providerContentMismatch,
        .userLicenseInvalid, .userLicenseInvalidOnUpdate, .unauthenticated, .unsupportedMediaType, .malformedBody,
        .resourceNotFoundForSegment, .invalidQueryOption, .payloadTooLarge, .requestTimeout, .itemNotFound,
    ]

    @Test func everyNamedRowExistsOnceAndNothingElse() {
        let ids = ErrorCatalog.documented.rows.map(\.id)
        #expect(Set(ids).count == ids.count)
        #expect(Set(ids) == Set(Self.namedIDs))
    }

    @Test func documentedRowsCiteTheirTables() {
        for row in ErrorCatalog.documented.rows where !row.isAssumed {
            #expect(row.sources.contains { !$0.isAssumed && $0.address != nil }, "\(row.id)")
        }
        // The learning tables' rows (the pages learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 and learningcourseactivity-get, -list, -update and -delete (same path and view)) are all documented, none assumed.
        for id in Self.namedIDs.prefix(18) { #expect(!ErrorCatalog.documented[id].isAssumed, "\(id)") }
    }

    @Test func slotsAreParsedFromTemplates() {
        #expect(ErrorCatalog.documented[.fieldTooLong].slots == ["fieldName", "expectedLength"])
        #expect(ErrorCatalog.documented.error(.tooManyRequests, slots: ["noOfMinutes": "2"]).message == "Retry after 2 minutes")
    }

    @Test func graphErrorBodyHasTheEnvelopeShape() {
        let body = ErrorCatalog.documented.error(.activityNotFound)
            .body(innerError: InnerError(date: "2021-07-02T01:40:19", requestID: "r", clientRequestID: "c"))
        #expect(body.serialized() == #"{"error":{"code":"notFound","message":"The requested assignment ID doesn't exist.","innerError":{"date":"2021-07-02T01:40:19","request-id":"r","client-request-id":"c"}}}"#)
    }
}

@Suite struct RuleSetTests {
    static func fields(_ fields: [FieldRule]) -> [FieldRule] {
        fields.flatMap { field -> [FieldRule] in
            if case .object(_, let nested) = field.kind { return [field] + Self.fields(nested) }
            return [field]
        }
    }

    @Test func everyAmbiguityARuleNamesIsDocumented() {
        let known = Set(Ambiguity.documented.map(\.id))
        for body in RuleSet.standard().bodies {
            for field in Self.fields(body.fields) {
                var referenced = field.aliases.map(\.ambiguity) + field.alternateKinds.map(\.ambiguity) + field.variantValues.map(\.ambiguity)
                switch field.presence {
                case .disputedPresent(let id), .disputedRequired(let id): referenced.append(id)
                default: break
                }
                for id in referenced { #expect(known.contains(id), "\(body.id).\(field.name) names \(id)") }
            }
        }
    }

    @Test func everyLengthLimitOfAnUndocumentedSourceSaysAssumed() {
        for body in RuleSet.standard().bodies {
            for field in Self.fields(body.fields) { if let limit = field.maxLength { #expect(limit.source.isAssumed, "\(field.name)") } }
        }
    }

    @Test func evolvableEnumsAndUpdatableFields() {
        let contract = Contract()
        #expect(contract.membersAfterSentinel["assignmentType"] == ["peerRecommended"])
        #expect(contract.updatableFields(odataType: "#microsoft.graph.learningAssignment")
            == ["assignedDateTime", "completedDateTime", "completionPercentage", "dueDateTime", "notes", "status"])
        #expect(contract.updatableFields(odataType: "#microsoft.graph.learningSelfInitiatedCourse")
            == ["completedDateTime", "completionPercentage", "startedDateTime", "status"])
    }

    @Test func ambiguityIDsAreUnique() {
        let ids = Ambiguity.documented.map(\.id)
        #expect(Set(ids).count == ids.count)
    }

    @Test func rulesRoundTripThroughCodable() throws {
        let rules = RuleSet.standard()
        let value = try JSONValue(encoding: rules)
        let decoded = try StrictJSON.decode(RuleSet.self, from: value.utf8Bytes)
        #expect(decoded == rules)
    }
}

@Suite struct CustomCatalogTests {
    @Test func aCatalogWithoutARowAnswersAGeneric500() {
        let empty = ErrorCatalog(rows: [])
        #expect(empty[.activityNotFound].status == 500)
        #expect(empty.error(.fieldRequired, slots: ["fieldName": "x"]).code == "internalServerError")
    }

    /// Rows are looked up by an index (every finding of every report does it): the first row with an id wins, and
    /// the index follows every change of `rows` and survives a round trip through Codable.
    @Test func lookupsFollowTheRows() throws {
        func row(_ id: ErrorRow.ID, _ code: String) -> ErrorRow {
            ErrorRow(id: id, scenario: "custom", status: 400, code: code, message: "m", operations: [], sources: [])
        }
        var catalog = ErrorCatalog(rows: [row(.fieldInvalid, "first"), row(.fieldInvalid, "second")])
        #expect(catalog[.fieldInvalid].code == "first")
        #expect(catalog.code(.fieldInvalid) == "first")
        #expect(catalog.code(.fieldRequired) == "internalServerError")
        catalog.rows.insert(row(.fieldRequired, "required"), at: 0)
        catalog.rows[1].code = "changed"
        #expect(catalog.code(.fieldRequired) == "required")
        #expect(catalog[.fieldInvalid].code == "changed")
        catalog.rows.removeAll { $0.code == "changed" }
        #expect(catalog.code(.fieldInvalid) == "second")
        let decoded = try JSONDecoder().decode(ErrorCatalog.self, from: JSONEncoder().encode(catalog))
        #expect(decoded == catalog)
        #expect(decoded.code(.fieldInvalid) == "second" && decoded[.fieldRequired].code == "required")
        for row in ErrorCatalog.documented.rows {
            #expect(ErrorCatalog.documented.code(row.id) == ErrorCatalog.documented.rows.first { $0.id == row.id }?.code)
        }
    }
}

/// Retry-After seconds to the minutes of the 429/503 messages: ceil(seconds / 60) (ambiguity retryAfterUnits).
@Suite struct RetryAfterMinutesTests {
    @Test(arguments: [(0, 0), (1, 1), (59, 1), (60, 1), (61, 2), (120, 2), (86_400, 1_440), (Int.max, Int.max / 60 + 1)])
    func minutes(_ seconds: Int, _ minutes: Int) {
        #expect(RetryAfter.minutes(forSeconds: seconds) == minutes)
    }
}
