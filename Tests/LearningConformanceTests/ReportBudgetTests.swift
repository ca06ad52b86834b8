import Foundation
import LearningConformance
import LearningContract
import Testing

/// Every report has a size budget and says what it left out: a target that answers with huge bodies, or a
/// suite that fails thousands of times, gives a report of bounded size whose counts still cover everything.
@Suite struct ReportBudgetTests {
    enum Format: String, CaseIterable, Sendable { case text, json, junit, html }

    static func render(_ report: ConformanceReport, _ format: Format, budget: ConformanceReport.Budget = .default) -> String {
        switch format {
        case .text: report.text(verbose: true, budget: budget)
        case .json: report.jsonText(budget: budget)
        case .junit: report.junitXML(includeTimes: false, budget: budget)
        case .html: report.html(coverage: CoverageMatrix(rows: .contract, scenarios: TestScenarios.all), budget: budget)
        }
    }

    static func deviation(_ index: Int, actual: String = "\"x\"", scenario: String = "s") -> Deviation {
        Deviation(kind: .body, scenario: scenario, step: 1 + index / 10, stepName: "step", pointer: "/value/\(index)",
                  expected: "\"expected \(index)\"", actual: actual, row: "activityNotFound", curl: "curl -sS 'http://t/v1.0/x'")
    }

    static func failed(_ id: String, deviations: [Deviation], notes: [String] = []) -> ScenarioResult {
        ScenarioResult(id: id, title: "title of \(id)", file: "errors/\(id).json", tags: ["error"], source: nil, status: .failed,
                       deviations: deviations, notes: notes, stepsRun: 1)
    }

    /// One deviation whose actual value is 8 MB (a body the target sent back), plus a note of 1 MB.
    static let hugeStrings: ConformanceReport = {
        let huge = String(repeating: "A", count: 8_000_000)
        return ConformanceReport(target: "http://127.0.0.1:1/v1.0", strict: false, testTokens: true, scenarios: [
            failed("huge", deviations: [deviation(0, actual: huge)], notes: [String(repeating: "n", count: 1_000_000)]),
        ])
    }()

    /// 200 scenarios with 300 deviations each: 60,000 deviations.
    static let manyDeviations = ConformanceReport(target: "http://127.0.0.1:1/v1.0", strict: false, testTokens: true,
        scenarios: (0..<200).map { s in failed("many-\(s)", deviations: (0..<300).map { deviation($0, scenario: "many-\(s)") }) })

    @Test(arguments: Format.allCases)
    func hugeStringsAreCutAndSayHowLongTheyWere(_ format: Format) {
        let output = Self.render(Self.hugeStrings, format)
        #expect(output.utf8.count < 100_000, "\(format): \(output.utf8.count) bytes")
        #expect(output.contains("8,000,000 bytes in all"), "\(format) does not say how long the actual value was")
        #expect(output.contains("1,000,000 bytes in all"), "\(format) does not say how long the note was")
        #expect(output.contains(String(repeating: "A", count: 1_000)), "\(format) keeps the start of the value")
    }

    @Test(arguments: Format.allCases)
    func manyDeviationsAreCountedButNotAllDetailed(_ format: Format) {
        let budget = ConformanceReport.Budget.default
        let output = Self.render(Self.manyDeviations, format)
        // 500 detailed entries of a few hundred bytes, plus one line per scenario: far below 1 MB.
        #expect(output.utf8.count < 1_000_000, "\(format): \(output.utf8.count) bytes")
        let detailed = Self.manyDeviations.bounded(by: budget).scenarios.reduce(0) { $0 + $1.deviations.count }
        #expect(detailed == budget.maxDetailedItems)
        #expect(output.contains("many-199"), "a scenario past the whole-report budget is still listed")
        if format == .json {
            // Counted in `omitted`, per scenario and in all (checked in countsCoverEverythingAfterBounding).
            #expect(output.contains("\"omitted\""))
            return
        }
        // The first scenario details 25 of its 300; the report as a whole leaves out 60,000 - 500.
        #expect(output.contains("275 deviations not shown"), "\(format) does not say what the first scenario left out")
        #expect(output.contains("59,500 deviations not shown"), "\(format) does not say what the report left out")
        #expect(output.contains("300 deviations not shown"), "a scenario past the whole-report budget says what it left out")
    }

    @Test func countsCoverEverythingAfterBounding() throws {
        let bounded = Self.manyDeviations.bounded()
        #expect(bounded.deviationCount == 60_000)
        #expect(bounded.summary == Self.manyDeviations.summary)
        #expect(bounded.omitted?.deviations == 59_500)
        #expect(bounded.scenarios[0].omitted?.deviations == 275)
        #expect(bounded.scenarios[199].deviations.isEmpty)
        let decoded = try JSONDecoder().decode(ConformanceReport.self, from: Data(Self.manyDeviations.jsonText().utf8))
        #expect(decoded.summary.deviations == 60_000)
        #expect(decoded.deviationCount == 60_000)
        #expect(decoded.scenarios.count == 200, "every scenario is listed, so --last-failed can read them all")
    }

    @Test func aReportWithinBudgetIsItself() async {
        let report = await ReportFormatTests.mixedReport()
        #expect(report.bounded() == report)
        #expect(report.bounded().omitted == nil)
    }

    @Test(arguments: [
        (String(repeating: "A", count: 500), 100), (String(repeating: "é", count: 500), 101), (String(repeating: "é", count: 500), 100),
        (String(repeating: "👩‍👩‍👧", count: 50), 120), (String(repeating: "👩‍👩‍👧", count: 50), 64), ("abc", 3), ("a\u{0}b" + String(repeating: "\u{301}", count: 5_000), 200),
    ] as [(String, Int)])
    func truncationKeepsWholeCharactersAndFitsTheLimit(_ text: String, _ limit: Int) throws {
        guard text.utf8.count > limit else {
            #expect(ConformanceReport.truncate(text, toBytes: limit) == nil)
            return
        }
        let cut = try #require(ConformanceReport.truncate(text, toBytes: limit))
        let marker = "… [truncated: \(Self.grouped(text.utf8.count)) bytes in all]"
        #expect(cut.hasSuffix(marker), "\(cut)")
        #expect(cut.utf8.count <= limit)
        let kept = String(cut.utf8.dropLast(marker.utf8.count))!
        #expect(text.hasPrefix(kept), "the kept part is a whole-character prefix")
        let next = text.dropFirst(kept.count).first.map { String($0).utf8.count } ?? 0
        #expect(kept.utf8.count + next > limit - marker.utf8.count, "no further character would have fitted")
        #expect(ConformanceReport.truncate(cut, toBytes: limit) == nil, "cutting twice changes nothing")
    }

    /// `12345` as `12,345`, written out here rather than taken from the code under test.
    static func grouped(_ value: Int) -> String {
        let digits = Array(String(value))
        return stride(from: digits.count, to: 0, by: -3).reversed().map { end in String(digits[max(0, end - 3)..<end]) }
            .joined(separator: ",")
    }

    @Test func boundingTwiceChangesNothingAndTheJSONReadsBackAsTheBoundedReport() throws {
        let budget = ConformanceReport.Budget(maxFieldBytes: 100)
        let long = String(repeating: "q", count: 5_000)
        let report = ConformanceReport(target: long, strict: false, testTokens: true,
            scenarios: [Self.failed("long", deviations: [Self.deviation(1, actual: long)])] + Self.manyDeviations.scenarios.prefix(30),
            unreachable: long)
        let once = report.bounded(by: budget)
        #expect(once.omitted?.truncatedStrings == 3)
        #expect(once.bounded(by: budget) == once)
        let decoded = try JSONDecoder().decode(ConformanceReport.self, from: Data(report.jsonText(budget: budget).utf8))
        #expect(decoded == once)
        #expect(decoded.text(budget: budget) == report.text(budget: budget))
    }

    @Test func everyEchoedStringIsBounded() {
        let long = String(repeating: "z", count: 50_000)
        let deviation = Deviation(kind: .extraField, scenario: long, step: 1, stepName: long, pointer: "/" + long,
                                  expected: long, actual: long, row: long, source: long, curl: long)
        let variant = VariantHit(scenario: long, step: 1, pointer: long, canonical: long, actual: long, row: long, ambiguity: long)
        let result = ScenarioResult(id: long, title: long, file: long, tags: [long], source: long, status: .failed,
                                    deviations: [deviation], variants: [variant], extraFields: [long], skipReasons: [long], notes: [long])
        let report = ConformanceReport(target: long, strict: true, testTokens: false, scenarios: [result], unreachable: long)
        let budget = ConformanceReport.Budget(maxFieldBytes: 100)
        for format in Format.allCases {
            let output = Self.render(report, format, budget: budget)
            #expect(!output.contains(String(repeating: "z", count: 101)), "\(format) echoes a string past the budget")
        }
        #expect(report.bounded(by: budget).omitted?.truncatedStrings == 24)
    }

    @Test func theBudgetIsClampedToSaneValues() {
        let budget = ConformanceReport.Budget(maxFieldBytes: -5, maxItemsPerScenario: 0, maxDetailedItems: -1)
        #expect(budget.maxFieldBytes >= 64 && budget.maxItemsPerScenario >= 1 && budget.maxDetailedItems >= 1)
    }
}
