import Foundation
import LearningConformance
import LearningContract
import LearningHTTP
import LearningTestSupport
import Testing

/// The runner catches deviations: each `MiniTarget.Mutation` breaks the contract one way, and the runner
/// must report it; the reports are checked against a golden file.
@Suite struct WrongTargetTests {
    static func run(_ target: MiniTarget, strict: Bool = false) async -> ConformanceReport {
        let runner = ConformanceRunner(
            configuration: TestScenarios.configuration(strict: strict), transport: target.transport,
            sleeper: { _ in }, tenantIDs: TestScenarios.fixedTenant)
        return await runner.run(scenarios: TestScenarios.all)
    }

    @Test func rightTargetPassesEverything() async {
        let report = await Self.run(MiniTarget())
        #expect(report.exitCode == 0, "\(report.text())")
        #expect(report.count(.passed) == TestScenarios.all.count)
        #expect(report.variantCount == 0)
    }

    /// Mutations that only show as documented variants: accepted by default, failing under --strict.
    static let variantOnly: Set<MiniTarget.Mutation> = [.olderNotFoundCodeCasing, .otherKeySpelling]
    /// Mutations visible only under --strict (an extra member).
    static let strictOnly: Set<MiniTarget.Mutation> = [.extraMember]

    @Test(arguments: MiniTarget.Mutation.allCases)
    func everyMutationIsCaught(_ mutation: MiniTarget.Mutation) async {
        let lenient = await Self.run(MiniTarget(mutations: [mutation]))
        let strict = await Self.run(MiniTarget(mutations: [mutation]), strict: true)
        if Self.variantOnly.contains(mutation) {
            #expect(lenient.exitCode == 0 && lenient.variantCount > 0, "\(lenient.text())")
            #expect(strict.exitCode == 1, "\(strict.text())")
        } else if Self.strictOnly.contains(mutation) {
            #expect(lenient.exitCode == 0, "\(lenient.text())")
            #expect(strict.exitCode == 1 && strict.deviationCount > 0, "\(strict.text())")
        } else {
            #expect(lenient.exitCode == 1, "\(mutation): \(lenient.text())")
            #expect(lenient.deviationCount > 0)
        }
    }

    @Test func goldenReportOfEveryMutation() async {
        var text = ""
        for mutation in MiniTarget.Mutation.allCases {
            let strict = Self.strictOnly.contains(mutation) || Self.variantOnly.contains(mutation)
            let report = await Self.run(MiniTarget(mutations: [mutation]), strict: strict)
            text += "=== \(mutation.rawValue)\(strict ? " (--strict)" : "")\n" + report.text()
        }
        #expect(MiniTarget.Mutation.allCases.count >= 20)
        #expect(Golden.check(text, named: "WrongTargetTests/mutations.txt", filePath: #filePath) == nil)
    }
}

/// The opposite: servers that differ only where the contract allows pass with no deviation.
@Suite struct AllowedDifferenceTests {
    @Test(arguments: MiniTarget.Allowance.allCases)
    func allowedDifferencePasses(_ allowance: MiniTarget.Allowance) async {
        for strict in [false, true] {
            let report = await WrongTargetTests.run(MiniTarget(allowances: [allowance]), strict: strict)
            #expect(report.exitCode == 0, "\(allowance) strict=\(strict): \(report.text())")
            #expect(report.deviationCount == 0 && report.variantCount == 0)
        }
    }

    @Test func allAllowancesTogetherPass() async {
        let report = await WrongTargetTests.run(MiniTarget(allowances: Set(MiniTarget.Allowance.allCases)), strict: true)
        #expect(report.exitCode == 0, "\(report.text())")
    }
}
