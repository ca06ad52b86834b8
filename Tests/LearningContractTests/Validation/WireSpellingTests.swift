import Testing
import LearningContract

/// The metadata spelling `externalcourseActivityId` (schemas/v1.0-Prod.csdl, EntityType learningCourseActivity),
/// which the official SDKs send, is never refused while responses carry it (wire spelling csdl, the default), not
/// even under strict; with wire spelling docs, strict refuses it as before.
@Suite struct WireSpellingTests {
    /// CREATE-v1 example 2 (self-initiated) with the external id under its metadata spelling, as msgraph-sdk sends it.
    static let sdkCreate = """
    {"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse","externalcourseActivityId":"sdk-1",
     "learningContentId":"57baf9dc-e020-11ec-9d64-0242ac120002","learnerUserId":"7ba2228a-e020-11ec-9d64-0242ac120002",
     "learningProviderId":"01e8f81b-3060-4dec-acf0-0389665a0a38","status":"inProgress"}
    """

    struct Case: Sendable, CustomTestStringConvertible {
        var configuration: ContractConfiguration
        var valid: Bool
        var variant: Bool
        var testDescription: String
    }

    static let cases = [
        Case(configuration: .init(), valid: true, variant: true, testDescription: "lenient, csdl"),
        Case(configuration: .init(strictness: .strict), valid: true, variant: true, testDescription: "strict, csdl (default)"),
        Case(configuration: .init(wireSpelling: .docs), valid: true, variant: true, testDescription: "lenient, docs"),
        Case(configuration: .init(strictness: .strict, wireSpelling: .docs), valid: false, variant: false, testDescription: "strict, docs"),
        Case(configuration: .init(strictness: .strict, ambiguities: ["externalCourseActivityIdSpelling": .strict]),
             valid: false, variant: false, testDescription: "strict, csdl, ambiguity explicitly strict"),
    ]

    @Test(arguments: cases)
    func metadataSpellingOnCreate(_ case_: Case) {
        let report = Contract(configuration: case_.configuration).validate(Array(Self.sdkCreate.utf8), operation: .createActivity)
        #expect(report.isValid == case_.valid, "\(report.violations.map(\.detail))")
        #expect(report.variants.contains { $0.ambiguity == .externalCourseActivityIdSpelling } == case_.variant)
    }

    /// The compiled fast path agrees with the report.
    @Test(arguments: cases)
    func fastPathAgrees(_ case_: Case) {
        let contract = Contract(configuration: case_.configuration)
        let report = contract.validate(Array(Self.sdkCreate.utf8), operation: .createActivity)
        let triage = Array(Self.sdkCreate.utf8).withUnsafeBytes { FastValidator(contract: contract).triage($0, operation: .createActivity) }
        #expect(triage == (report.isValid ? .valid : .invalid))
    }

    /// Sending both spellings stays a violation in every configuration.
    @Test(arguments: cases)
    func bothSpellingsAreRefused(_ case_: Case) {
        let both = Self.sdkCreate.replacingOccurrences(of: "\"status\"", with: "\"externalCourseActivityId\":\"sdk-1\",\"status\"")
        #expect(!Contract(configuration: case_.configuration).validate(Array(both.utf8), operation: .createActivity).isValid)
    }

    @Test func contractFileReadsWireSpelling() throws {
        let docs = try StrictJSON.decode(ContractConfiguration.self, from: Array(#"{"wireSpelling": "docs"}"#.utf8))
        #expect(docs.wireSpelling == .docs)
        let absent = try StrictJSON.decode(ContractConfiguration.self, from: Array("{}".utf8))
        #expect(absent.wireSpelling == .csdl)
    }
}
