@testable import LearningContract
import LearningFixtures
import LearningTestSupport
import Testing

/// The full content of the reports the validator gives (every violation and variant: pointer, field, kind, rule id,
/// error row, message, ambiguity, detail and source, in order, and the Graph error), pinned in a golden file for
/// every shape the corpus generator makes, under the default and the strict configuration, and for the hand-made
/// order cases. The agreement tests say the compiled and the tree path give the same report; this one says that
/// report doesn't change when the way it is built does (speed work on the reporting path must not change a word).
@Suite("Reports: content pinned")
struct ReportContentGoldenTests {
    static let configurations: [(name: String, agreement: FastAgreement)] = [
        ("default", FastAgreement()),
        ("strict", FastAgreement(ContractConfiguration(strictness: .strict))),
    ]

    @Test func reportsOfEveryShapeAndOrderCase() {
        var text = ""
        for (name, agreement) in Self.configurations {
            for shape in SyntheticCorpus.Shape.allCases {
                for seed in 0..<2 as Range<UInt64> {
                    let payload = SyntheticCorpus.payload(shape, seed: seed)
                    let report = agreement.contract.validateFast(payload.bytes, operation: .createActivity, using: agreement.fast)
                    text += "## \(name) \(shape) seed \(seed)\n" + Self.describe(report)
                }
            }
            for (index, body) in CompiledReportTests.orderCases.enumerated() {
                for operation in [Operation.createActivity, .updateActivity] {
                    for version in [APIVersion.v1, .beta] {
                        let report = agreement.contract.validateFast(Array(body.utf8), operation: operation, apiVersion: version, using: agreement.fast)
                        text += "## \(name) order case \(index) \(operation) \(version)\n" + Self.describe(report)
                    }
                }
            }
        }
        #expect(Golden.check(text, named: "Reports/content.txt", filePath: #filePath) == nil)
    }

    /// One line per finding and one for the Graph error, every public value of the report.
    static func describe(_ report: ValidationReport) -> String {
        var text = "rule \(report.bodyRule ?? "-") type \(report.odataType ?? "-") \(report.operation) \(report.apiVersion)\n"
        for (label, list) in [("violation", report.violations), ("variant", report.variants)] {
            for v in list {
                text += "\(label) \(v.pointer) | \(v.field) | \(v.kind) | \(v.ruleID) | \(v.errorRow) | \(v.message) | "
                    + "\(v.ambiguity.map { "\($0)" } ?? "-") | \(v.detail) | \(v.source.page): \(v.source.location)\n"
            }
        }
        if let error = report.graphError {
            text += "error \(error.status) \(error.code) \(error.row) \(error.message)\n"
            for detail in error.details { text += "  detail \(detail.code) \(detail.target ?? "-") \(detail.message)\n" }
        }
        return text
    }
}
