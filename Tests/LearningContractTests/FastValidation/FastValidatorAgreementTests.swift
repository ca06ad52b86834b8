import Foundation
@testable import LearningContract
import Testing
import LearningFixtures

/// The fast path and the reporting path never disagree: on the benchmark corpus, on mutations of it, on the
/// JSONTestSuite documents and the reader's rejection table, under several configurations.
@Suite("FastValidator: agreement with the reporting path")
struct FastValidatorAgreementTests {
    static let small = SyntheticCorpus(size: .small, seed: 42).generate(count: 3_000)

    @Test func smallCorpusAgrees() {
        let agreement = FastAgreement()
        var fastValid = 0
        var valid = 0
        for payload in Self.small {
            #expect(agreement.disagreement(payload.bytes) == nil)
            let report = agreement.contract.validate(payload.bytes, operation: .createActivity)
            if report.isValid { valid += 1 }
            if payload.bytes.withUnsafeBytes({ agreement.fast.verdict($0, operation: .createActivity) }) == .valid { fastValid += 1 }
        }
        // The generator's valid payloads are valid, and the fast path settles nearly all of them.
        let generatedValid = Self.small.count { $0.mutation == nil }
        #expect(valid >= generatedValid)
        #expect(fastValid >= generatedValid * 95 / 100, "fast path settled \(fastValid) of \(generatedValid) valid payloads")
    }

    @Test func mostInvalidPayloadsAreSettledWithoutAReport() {
        let agreement = FastAgreement()
        let invalid = Self.small.filter { $0.mutation != nil }
        let settled = invalid.count { agreement.settled($0.bytes) }
        #expect(settled >= invalid.count * 8 / 10, "\(settled) of \(invalid.count)")
    }

    @Test func largeCorpusAgrees() {
        let agreement = FastAgreement()
        for payload in SyntheticCorpus(size: .large, seed: 7).generate(count: 40) {
            #expect(agreement.disagreement(payload.bytes) == nil)
        }
    }

    static let configurations: [ContractConfiguration] = [
        ContractConfiguration(strictness: .strict),
        ContractConfiguration(unknownProperties: .ignore),
        ContractConfiguration(lengthLimits: ["notes.content": 100, "learnerUserId": 36, "externalCourseActivityId": 10]),
        ContractConfiguration(strictness: .lenient, ambiguities: ["learningProviderIdRequired": "strict"].mapValues { Strictness(rawValue: $0)! }),
    ]

    @Test(arguments: configurations)
    func otherConfigurationsAgree(_ configuration: ContractConfiguration) {
        let agreement = FastAgreement(configuration)
        for payload in Self.small.prefix(800) {
            #expect(agreement.disagreement(payload.bytes) == nil)
            #expect(agreement.disagreement(payload.bytes, apiVersion: .beta) == nil)
        }
    }

    @Test func everyOperationAgreesOnEveryDocumentedExample() {
        let agreement = FastAgreement()
        for example in DocumentedExample.all {
            for operation in Operation.allCases {
                #expect(agreement.disagreement(Array(example.body.utf8), operation: operation) == nil)
            }
        }
    }

    /// The JSON fuzz mutations (`JSONFuzzTests.mutate`) of corpus payloads and of the fuzz seeds, as bodies of
    /// every operation that has one.
    @Test func fuzzMutationsAgree() {
        let agreement = FastAgreement()
        var random = SplitMix64(seed: 2026)
        let inputs = Self.small.prefix(400).map(\.bytes) + JSONFuzzSeeds.all.map { Array($0.utf8) }
        let operations = Operation.allCases.filter(\.hasRequestBody)
        for round in 0..<6_000 {
            let bytes = JSONFuzzTests.mutate(inputs[round % inputs.count], &random)
            let operation = round % 3 == 0 ? operations[random.below(operations.count)] : .createActivity
            #expect(agreement.disagreement(bytes, operation: operation) == nil)
        }
    }

    @Test func jsonTestSuiteDocumentsAgree() {
        let agreement = FastAgreement(ContractConfiguration(unknownProperties: .ignore))
        for prefix in ["y_", "n_", "i_"] {
            for name in JSONTestSuiteTests.files(prefix: prefix) {
                let bytes = JSONTestSuiteTests.bytes(name)
                #expect(agreement.disagreement(bytes, operation: .updateProvider) == nil, "\(name)")
                // The same document as the value of an ignored member, inside an otherwise valid body.
                let wrapped = Array(#"{"displayName":"x","extra":"#.utf8) + bytes + Array("}".utf8)
                #expect(agreement.disagreement(wrapped, operation: .updateProvider) == nil, "\(name) wrapped")
            }
        }
        for rejection in JSONReaderTests.rejections {
            #expect(agreement.disagreement(Array(rejection.input.utf8), operation: .updateProvider) == nil, "\(rejection.input)")
        }
    }

    @Test func depthLimitAgrees() {
        let agreement = FastAgreement(ContractConfiguration(unknownProperties: .ignore))
        for depth in [125, 126, 127, 128, 129, 200] {
            let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
            let body = Array(#"{"displayName":"x","extra":\#(nested)}"#.utf8)
            #expect(agreement.disagreement(body, operation: .updateProvider) == nil, "depth \(depth)")
        }
    }
}
