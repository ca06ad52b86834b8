import LearningContract
import Testing

@Suite struct DocumentedExampleTests {
    @Test(arguments: DocumentedExample.all)
    func documentedExampleValidatesClean(_ example: DocumentedExample) {
        let report = Contract().validate(Array(example.body.utf8), operation: example.operation)
        #expect(report.violations == [], "\(example.id): \(report.violations.map(\.detail))")
        #expect(report.graphError == nil)
    }

    @Test func updateExamplesReportTheirDocumentedVariants() {
        let report = Contract().validate(Array(DocumentedExample.updateSelfInitiated.body.utf8), operation: .updateActivity)
        let ambiguities = Set(report.variants.compactMap(\.ambiguity))
        #expect(ambiguities == [.externalCourseActivityIdSpelling, .nonUpdatableFieldsInUpdate])
    }

    @Test func strictModeRejectsTheVariantsTheExamplesUse() {
        let strict = Contract(configuration: ContractConfiguration(strictness: .strict))
        let report = strict.validate(Array(DocumentedExample.createSelfInitiated.body.utf8), operation: .createActivity)
        #expect(report.violations.map(\.field) == ["learningProviderId"])
        #expect(report.graphError?.message == "Input field learningProviderId is required")
    }
}
