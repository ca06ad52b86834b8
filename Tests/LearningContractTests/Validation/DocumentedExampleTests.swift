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

@Suite struct DuplicateNameTests {
    /// JSON compares names by their code points; Swift's `==` applies canonical equivalence. The reader, the fast
    /// path and the report must all say these two names differ.
    @Test func canonicallyEquivalentNamesAreNotDuplicates() {
        let contract = Contract(configuration: ContractConfiguration(unknownProperties: .ignore))
        let body = Array(#"{"displayName":"x","caf\u00e9":1,"cafe\u0301":2,"squareLogoWebUrlForDarkTheme":"a","squareLogoWebUrlForLightTheme":"a","longLogoWebUrlForDarkTheme":"a","longLogoWebUrlForLightTheme":"a"}"#.utf8)
        #expect(contract.validate(body, operation: .createProvider).isValid)
        #expect(contract.validateFast(body, operation: .createProvider).isValid)
        let duplicated = Array(#"{"displayName":"x","caf\u00e9":1,"caf\u00e9":2,"squareLogoWebUrlForDarkTheme":"a","squareLogoWebUrlForLightTheme":"a","longLogoWebUrlForDarkTheme":"a","longLogoWebUrlForLightTheme":"a"}"#.utf8)
        #expect(contract.validate(duplicated, operation: .createProvider).violations.map(\.kind) == [.duplicateKey])
    }
}
