@testable import LearningContract
import Testing
import LearningFixtures

/// Every named shape of the corpus generator: the reporting path gives the verdict the shape is documented to
/// have, the fast path decides it on its own (never `undetermined`) with the same variants, and both paths agree.
/// The arguments are `Shape.allCases`, so a new shape is tested the moment it exists.
@Suite("Corpus shapes: fast path and reporting path agree")
struct ShapeAgreementTests {
    static let agreement = FastAgreement()

    @Test(arguments: SyntheticCorpus.Shape.allCases)
    func shapeIsDecidedByTheFastPathAsTheReportDecidesIt(_ shape: SyntheticCorpus.Shape) {
        for seed in 0..<(shape == .longNotes ? 3 : 25) as Range<UInt64> {
            let payload = SyntheticCorpus.payload(shape, seed: seed)
            let text = String(decoding: payload.bytes.prefix(200), as: UTF8.self)
            let report = Self.agreement.contract.validate(payload.bytes, operation: .createActivity)
            #expect(report.isValid == shape.isValid, "\(shape) seed \(seed): \(report.violations.map(\.ruleID)) \(text)")
            if shape.isValid {
                // Exactly the shape's documented reading, or none.
                let expected: Set<Ambiguity.ID> = shape.ambiguity.map { [$0] } ?? []
                #expect(Set(report.variants.compactMap(\.ambiguity)) == expected, "\(shape) seed \(seed): \(report.variants.map(\.ruleID)) \(text)")
            }
            let result = payload.bytes.withUnsafeBytes { Self.agreement.fast.result($0, operation: .createActivity) }
            #expect(result.triage == (shape.isValid ? .valid : .invalid), "\(shape) seed \(seed): fast path said \(result.triage) \(text)")
            #expect(Self.agreement.disagreement(payload.bytes) == nil)
        }
    }

    /// Under `strict`, a body valid only under a reading is invalid, and the fast path says so itself. (With the
    /// docs' wire spelling: while responses carry the metadata's `externalcourseActivityId`, the default, strict
    /// still accepts it on input; `WireSpellingTests` covers that.)
    @Test(arguments: SyntheticCorpus.Shape.allCases.filter { $0.ambiguity != nil })
    func strictRefusesEveryReading(_ shape: SyntheticCorpus.Shape) {
        let strict = FastAgreement(ContractConfiguration(strictness: .strict, wireSpelling: .docs))
        for seed in 0..<5 as Range<UInt64> {
            let payload = SyntheticCorpus.payload(shape, seed: seed)
            #expect(!strict.contract.validate(payload.bytes, operation: .createActivity).isValid)
            #expect(payload.bytes.withUnsafeBytes { strict.fast.triage($0, operation: .createActivity) } == .invalid)
            #expect(strict.disagreement(payload.bytes) == nil)
        }
    }

    /// The mixed corpus the benchmark measures holds every shape.
    @Test func mixedCorpusHoldsEveryShape() {
        var random = SplitMix64(seed: 1)
        var seen = Set<SyntheticCorpus.Shape>()
        for _ in 0..<20_000 { seen.insert(SyntheticCorpus.mixedShape(&random)) }
        #expect(seen == Set(SyntheticCorpus.Shape.allCases), "missing: \(Set(SyntheticCorpus.Shape.allCases).subtracting(seen))")
    }

    /// Every valid shape except the documented readings is valid without a variant; every reading has its shape.
    @Test func everyReadingTheValidatorCanMeetHasAShape() {
        let readings = Set(SyntheticCorpus.Shape.allCases.compactMap(\.ambiguity))
        let fast = FastValidator(contract: Contract())
        let createReadings = Set(fast.ambiguities).subtracting([.nonUpdatableFieldsInUpdate, .levelCasing])
        #expect(createReadings.isSubset(of: readings), "no shape for \(createReadings.subtracting(readings))")
    }
}

/// The corpus is written as JSON Lines: no body may hold a raw line feed.
@Suite("Corpus shapes: one line each")
struct ShapeLineTests {
    @Test(arguments: SyntheticCorpus.Shape.allCases)
    func bodyHasNoRawLineFeed(_ shape: SyntheticCorpus.Shape) {
        for seed in 0..<3 as Range<UInt64> {
            #expect(!SyntheticCorpus.payload(shape, seed: seed).bytes.contains(0x0A), "\(shape) seed \(seed)")
        }
    }
}
