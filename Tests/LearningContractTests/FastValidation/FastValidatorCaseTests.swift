import Foundation
@testable import LearningContract
import Testing

/// Tricky single payloads: each is checked for agreement and for the verdict the fast path should reach.
@Suite("FastValidator: tricky cases")
struct FastValidatorCaseTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var body: String
        var verdict: FastVerdict
        var why: String
        var testDescription: String { why }
    }

    static let base = #""learningContentId":"c","learnerUserId":"u","learningProviderId":"p","completionPercentage":PCT,"status":"inProgress""#
    static func selfInitiated(_ members: String, percentage: String = "20", typeLast: Bool = false) -> String {
        let type = ##""@odata.type":"#microsoft.graph.learningSelfInitiatedCourse""##
        let core = base.replacingOccurrences(of: "PCT", with: percentage) + (members.isEmpty ? "" : "," + members)
        return typeLast ? "{\(core),\(type)}" : "{\(type),\(core)}"
    }

    static let cases: [Case] = [
        Case(body: selfInitiated(""), verdict: .valid, why: "plain valid payload"),
        Case(body: selfInitiated("", typeLast: true), verdict: .valid, why: "@odata.type last"),
        Case(body: " \n\t" + selfInitiated("") + " \r\n", verdict: .valid, why: "surrounding whitespace"),
        Case(body: selfInitiated("", percentage: "20.0"), verdict: .valid, why: "20.0 is the integer 20"),
        Case(body: selfInitiated("", percentage: "-0"), verdict: .valid, why: "-0 is 0"),
        Case(body: selfInitiated("", percentage: "1e2"), verdict: .valid, why: "1e2 is 100"),
        Case(body: selfInitiated("", percentage: "1E+2"), verdict: .valid, why: "1E+2 is 100"),
        Case(body: selfInitiated("", percentage: "100.00e0"), verdict: .valid, why: "100.00e0 is 100"),
        Case(body: selfInitiated("", percentage: "0.0e-400"), verdict: .valid, why: "zero with a huge negative exponent"),
        Case(body: selfInitiated("", percentage: "1e3"), verdict: .needsReport, why: "1e3 is out of range"),
        Case(body: selfInitiated("", percentage: "99999999999999999999999"), verdict: .needsReport, why: "big integer"),
        Case(body: selfInitiated("", percentage: "1e400"), verdict: .needsReport, why: "huge exponent"),
        Case(body: selfInitiated("", percentage: "20.5"), verdict: .needsReport, why: "not whole"),
        Case(body: selfInitiated("", percentage: "-1"), verdict: .needsReport, why: "below range"),
        Case(body: selfInitiated("", percentage: "020"), verdict: .needsReport, why: "leading zero is malformed"),
        Case(body: selfInitiated(#""\u0073tatus":"completed""#), verdict: .needsReport, why: "escaped name duplicates status"),
        Case(body: selfInitiated(#""status":"completed""#), verdict: .needsReport, why: "duplicate status"),
        Case(body: selfInitiated(#""x@odata.type":"a","x@odata.type":"b""#), verdict: .needsReport, why: "duplicate annotation"),
        Case(body: selfInitiated(#""@odata.context":"https://x","y@odata.type":"t""#), verdict: .valid, why: "annotations are skipped"),
        Case(body: selfInitiated(#""extra":{"deep":[1,{"a":null}]}"#), verdict: .needsReport, why: "nested unknown property"),
        Case(body: selfInitiated(#""externalCourseActivityId":"a\"b\\c\u00e9\ud83c\udf93""#), verdict: .valid, why: "escapes in a value"),
        Case(body: selfInitiated(#""externalCourseActivityId":"\ud83c""#), verdict: .needsReport, why: "lone surrogate escape"),
        Case(body: selfInitiated(#""externalCourseActivityId":"""#), verdict: .needsReport, why: "empty non-empty string"),
        Case(body: selfInitiated(#""startedDateTime":"2024-02-29T10:00:00.123456789012+05:30""#), verdict: .valid, why: "leap day, 12 fraction digits"),
        Case(body: selfInitiated(#""startedDateTime":"2023-02-29T10:00:00Z""#), verdict: .needsReport, why: "no Feb 29 in 2023"),
        Case(body: selfInitiated(#""startedDateTime":"2023-02-2\u0038T10:00:00Z""#), verdict: .valid, why: "escaped date, 2023-02-28 once decoded"),
        Case(body: selfInitiated(#""startedDateTime":"2023-02-2\u0039T10:00:00Z""#), verdict: .needsReport, why: "escaped date, 2023-02-29 once decoded"),
        Case(body: selfInitiated(#""st\u0061rtedDateTime":"2024-02-29T10:00:00Z""#), verdict: .valid, why: "escaped name of a known property"),
        Case(body: selfInitiated(#""a@\u0301":1"#), verdict: .valid, why: "an @ followed by a combining mark is still an annotation name"),
        Case(body: selfInitiated(#""a\u0040b":1"#), verdict: .valid, why: "an escaped @ makes an annotation name"),
        Case(body: selfInitiated(#""caf\u00e9@x":1,"cafe\u0301@x":2"#), verdict: .valid, why: "canonically equivalent names are different names"),
        Case(body: selfInitiated(#""caf\u00e9@x":1,"café@x":2"#), verdict: .needsReport, why: "the same name escaped and raw is a duplicate"),
        Case(body: selfInitiated(#""completedDateTime":null"#), verdict: .valid, why: "nullable date"),
        Case(body: selfInitiated(#""registrationId":"r""#), verdict: .needsReport, why: "server-generated property is a variant"),
        Case(body: selfInitiated(#""notes":{"content":"x"}"#), verdict: .needsReport, why: "assignment-only field"),
        Case(body: selfInitiated("").replacingOccurrences(of: "}", with: ",}"), verdict: .needsReport, why: "trailing comma"),
        Case(body: "\u{FEFF}" + selfInitiated(""), verdict: .needsReport, why: "byte order mark"),
        Case(body: ##"{"@odata.type":"#microsoft.graph.learningAssignment","@odata.context":"c","assignmentType":"required","learningContentId":"c","learnerUserId":"u","learningProviderId":"p","status":"notStarted","notes":{"@odata.context":"c","content":"x"}}"##,
             verdict: .valid, why: "the same annotation at two levels is no duplicate"),
        Case(body: "[]", verdict: .needsReport, why: "not an object"),
        Case(body: "", verdict: .needsReport, why: "empty"),
        Case(body: ##"{"@odata.type":"#microsoft.graph.learningAssignment","notes":{"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse"}}"##,
             verdict: .needsReport, why: "nested @odata.type first, required fields missing"),
    ]

    @Test(arguments: cases)
    func verdictAndAgreement(_ testCase: Case) {
        let agreement = FastAgreement()
        let bytes = Array(testCase.body.utf8)
        #expect(bytes.withUnsafeBytes { agreement.fast.verdict($0, operation: .createActivity) } == testCase.verdict)
        #expect(agreement.disagreement(bytes) == nil)
        // The fast path decides every one of these itself.
        let report = Contract().validate(bytes, operation: .createActivity)
        let triage = bytes.withUnsafeBytes { agreement.fast.triage($0, operation: .createActivity) }
        #expect(triage == (report.isValid ? .valid : .invalid), "triage \(triage) vs report \(report.isValid)")
    }

    @Test func validReportNamesTheBody() {
        let contract = Contract()
        let report = contract.validateFast(Array(Self.selfInitiated("", typeLast: true).utf8), operation: .createActivity)
        #expect(report.isValid)
        #expect(report.bodyRule == "createActivity.learningSelfInitiatedCourse")
        #expect(report.odataType == "#microsoft.graph.learningSelfInitiatedCourse")
    }

    @Test func nonContiguousInputWorks() {
        let contract = Contract()
        let bytes = Array(Self.selfInitiated("").utf8)
        let report = contract.validateFast(bytes.lazy.map { $0 }, operation: .createActivity)
        #expect(report == contract.validate(bytes, operation: .createActivity))
    }

    @Test func betaAcceptsNotStartedForSelfInitiatedCourses() {
        let body = Array(Self.selfInitiated("").replacingOccurrences(of: "inProgress", with: "notStarted").utf8)
        let fast = FastValidator(contract: Contract())
        #expect(body.withUnsafeBytes { fast.verdict($0, operation: .createActivity, apiVersion: .beta) } == .valid)
        #expect(body.withUnsafeBytes { fast.verdict($0, operation: .createActivity, apiVersion: .v1) } == .needsReport)
        #expect(FastAgreement().disagreement(body, apiVersion: .beta) == nil)
    }

    @Test func lengthLimitsOverridesApply() {
        let agreement = FastAgreement(ContractConfiguration(lengthLimits: ["externalCourseActivityId": 3]))
        let ok = Array(Self.selfInitiated(#""externalCourseActivityId":"é🎓x""#).utf8)
        let long = Array(Self.selfInitiated(#""externalCourseActivityId":"é🎓xy""#).utf8)
        #expect(ok.withUnsafeBytes { agreement.fast.verdict($0, operation: .createActivity) } == .valid)
        #expect(long.withUnsafeBytes { agreement.fast.triage($0, operation: .createActivity) } == .invalid)
        #expect(agreement.disagreement(ok) == nil)
        #expect(agreement.disagreement(long) == nil)
    }
}
