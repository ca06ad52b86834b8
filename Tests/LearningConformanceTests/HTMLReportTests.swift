import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LearningConformance
import LearningContract
import LearningTestSupport
import Testing

/// `--html`: one self-contained page. It parses (the markup is XML-well-formed), references nothing outside
/// itself, escapes whatever the target sent, and shows the summary, the deviations side by side, the skips
/// with their reasons and the coverage matrix. Chromium renders it in `Tests/Scripts/check-html-report.sh`.
@Suite struct HTMLReportTests {
    /// Elements and attributes of a page, as XMLParser sees them.
    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String] = []
        var attributes: [(element: String, name: String, value: String)] = []
        var classes: [String] = []
        var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            elements.append(name)
            for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
                self.attributes.append((name, key, value))
                if key == "class" { classes += value.split(separator: " ").map(String.init) }
            }
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    static func parse(_ html: String) -> (ok: Bool, collector: Collector) {
        // XMLParser does not know HTML's DOCTYPE; everything after it is XML.
        let body = html.replacingOccurrences(of: "<!DOCTYPE html>\n", with: "")
        let parser = XMLParser(data: Data(body.utf8))
        let collector = Collector()
        parser.delegate = collector
        return (parser.parse(), collector)
    }

    static let coverage = CoverageMatrix(rows: .contract, scenarios: TestScenarios.all)

    static let hostile = "<script>alert(1)</script><img src=\"http://evil.example/x.png\">&amp;\u{0}\u{1B}[31m"

    /// A failure, a skip with its reason, a throttled scenario and a variant, every string hostile.
    static let hostileReport = ConformanceReport(target: "http://127.0.0.1:41237/v1.0", strict: false, testTokens: true, scenarios: [
        ScenarioResult(id: "fails", title: hostile, file: "errors/fails.json", tags: [], source: hostile, status: .failed,
                       deviations: [Deviation(kind: .status, scenario: "fails", step: 1, stepName: hostile, pointer: "status",
                                              expected: "404", actual: hostile, row: "activityNotFound", source: hostile,
                                              curl: "curl -sS 'http://127.0.0.1:41237/v1.0/x' -H 'Authorization: Bearer [REDACTED]'")],
                       stepsRun: 1),
        ScenarioResult(id: "skips", title: "t", file: "errors/skips.json", tags: [], source: nil, status: .skipped,
                       skipReasons: ["state could not be set: " + hostile]),
        ScenarioResult(id: "throttled", title: "t", file: "throttling/t.json", tags: [], source: nil, status: .throttled,
                       notes: ["still throttled after 10 s"]),
        ScenarioResult(id: "variant", title: "t", file: "x.json", tags: [], source: nil, status: .passed,
                       variants: [VariantHit(scenario: "variant", step: 1, pointer: "/error/code", canonical: "\"notFound\"", actual: hostile)]),
    ])

    @Test func theMixedReportMatchesItsGolden() async {
        let html = await ReportFormatTests.mixedReport().html(coverage: Self.coverage)
        #expect(Golden.check(html, named: "ReportFormatTests/mixed.html", filePath: #filePath) == nil)
    }

    @Test func itParsesAndShowsTheSummaryDeviationsSkipsAndCoverage() async {
        let report = Self.hostileReport
        let (ok, page) = Self.parse(report.html(coverage: Self.coverage))
        #expect(ok, "the page is not well-formed")
        #expect(page.attributes.contains { $0.name == "id" && $0.value == "summary" })
        #expect(page.text.contains(report.summaryLine))
        #expect(page.classes.filter { $0 == "deviation" }.count == 1)
        #expect(page.classes.contains("expected") && page.classes.contains("actual"), "expected and actual side by side")
        #expect(page.classes.filter { $0 == "skip" }.count == 1)
        #expect(page.text.contains("state could not be set: "), "the skip shows its reason")
        #expect(page.text.contains("still throttled after 10 s"))
        #expect(page.attributes.contains { $0.name == "id" && $0.value == "coverage" })
        for row in Self.coverage.rows { #expect(page.text.contains(row.id), "coverage row \(row.id) missing") }
        #expect(page.text.contains("NO FIXTURE"), "the test scenarios leave rows uncovered, and the page says so")
    }

    @Test func nothingInThePageNeedsTheNetworkOrRunsScript() async {
        for html in [Self.hostileReport.html(coverage: Self.coverage), await ReportFormatTests.mixedReport().html()] {
            let (ok, page) = Self.parse(html)
            #expect(ok)
            #expect(!page.elements.contains("script") && !page.elements.contains("img") && !page.elements.contains("link")
                && !page.elements.contains("iframe"))
            let references = page.attributes.filter { ["src", "href", "srcset", "action", "data", "poster", "background"].contains($0.name) }
            #expect(references.allSatisfy { $0.value.hasPrefix("#") }, "\(references.map(\.value))")
            #expect(!page.attributes.contains { $0.name.hasPrefix("on") }, "no event handler attributes")
            let style = html.components(separatedBy: "<style>").dropFirst().first?.components(separatedBy: "</style>").first ?? ""
            #expect(!style.isEmpty)
            #expect(!style.contains("url(") && !style.contains("@import"))
        }
    }

    @Test func peerStringsAreEscaped() {
        let html = Self.hostileReport.html(coverage: Self.coverage)
        #expect(!html.contains("<script"))
        #expect(!html.contains("<img"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&amp;amp;"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" && $0 != "\r" }, "control characters replaced")
    }

    @Test func coverageShowsEachScenariosOutcomeInThisRun() async {
        let report = await ReportFormatTests.mixedReport()
        let html = report.html(coverage: Self.coverage)
        for result in report.scenarios {
            #expect(html.contains("<span class=\"\(result.status.rawValue)\">\(result.id)</span>")
                || !Self.coverage.rows.contains { $0.scenarios.contains(result.id) } && !Self.coverage.operations.contains { $0.scenarios.contains(result.id) },
                "\(result.id) not shown as \(result.status.rawValue)")
        }
    }
}
