import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LearningConformance
import LearningContract
import LearningTestSupport
import Testing

/// JUnit XML loads in a standard consumer (Python's xml.etree, as CI tools do), one testcase per scenario;
/// the JSON report round-trips; the summary line reads as documented.
@Suite struct ReportFormatTests {
    static func mixedReport() async -> ConformanceReport {
        // One failure, one variant, passes: a report with every element.
        await WrongTargetTests.run(MiniTarget(mutations: [.wrongNotFoundMessage, .otherKeySpelling]))
    }

    @Test func junitLoadsInPythonElementTreeWithOneTestcasePerScenario() async throws {
        let report = await Self.mixedReport()
        let xml = report.junitXML()
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("conform-\(UUID().uuidString).xml")
        try Data(xml.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import sys, xml.etree.ElementTree as ET
            root = ET.parse(sys.argv[1]).getroot()
            cases = root.findall('./testsuite/testcase')
            print(len(cases), len(root.findall('./testsuite/testcase/failure')), len(root.findall('./testsuite/testcase/skipped')), root.get('tests'))
            """
        let run = try await ProcessRunner.run(ProcessRunner.env, ["python3", "-c", script, file.path], timeout: 30)
        let output = run.stdout
        #expect(run.status == 0, "python3 could not parse the JUnit XML")
        #expect(output.trimmingCharacters(in: .whitespacesAndNewlines)
            == "\(report.scenarios.count) \(report.count(.failed)) \(report.count(.skipped)) \(report.scenarios.count)")
    }

    @Test func junitParsesWithFoundationXMLParserToo() async {
        let xml = await Self.mixedReport().junitXML()
        final class Counter: NSObject, XMLParserDelegate {
            var testcases = 0
            func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == "testcase" { testcases += 1 }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        let counter = Counter()
        parser.delegate = counter
        #expect(parser.parse())
        #expect(counter.testcases == TestScenarios.all.count)
    }

    @Test func junitEscapesEverythingItQuotes() {
        let report = ConformanceReport(target: "http://x/v1.0", strict: false, testTokens: true, scenarios: [
            ScenarioResult(id: "a<b>&\"c'", title: "t", file: "dir/a.json", tags: [], source: nil, status: .failed,
                           deviations: [Deviation(kind: .body, scenario: "a", step: 1, stepName: "s]]>", pointer: "/x",
                                                  expected: "\u{1}<&>", actual: "\"'", curl: "curl 'x'")]),
        ])
        let xml = report.junitXML(includeTimes: false)
        #expect(!xml.contains("\u{1}"))
        #expect(xml.contains("a&lt;b&gt;&amp;&quot;c&apos;"))
        #expect(XMLParser(data: Data(xml.utf8)).parse())
    }

    @Test func junitGolden() async {
        let xml = await Self.mixedReport().junitXML(includeTimes: false)
        #expect(Golden.check(xml, named: "ReportFormatTests/mixed.junit.xml", filePath: #filePath) == nil)
    }

    /// CI keeps test history by suite name: the embedded emulator's random port must not be in it.
    @Test(arguments: [
        ("http://127.0.0.1:41237/v1.0", "learning-contract conform (v1.0)"),
        ("http://127.0.0.1:5555/v1.0/", "learning-contract conform (v1.0)"),
        ("https://staging.example.com/graph/beta", "learning-contract conform (beta)"),
        ("https://staging.example.com/", "learning-contract conform"),
    ])
    func junitSuiteNameIsStableAcrossRuns(_ target: String, _ name: String) throws {
        let report = ConformanceReport(target: target, strict: false, testTokens: true, scenarios: [])
        #expect(report.suiteName == name)
        let xml = report.junitXML(includeTimes: false)
        #expect(xml.contains("<testsuite name=\"\(name)\""))
        #expect(xml.contains("<property name=\"target\" value=\"\(target)\"/>"), "the URL is a property")
        #expect(XMLParser(data: Data(xml.utf8)).parse())
    }

    @Test func junitTargetPropertyDropsCredentialsInTheURL() {
        let report = ConformanceReport(target: "https://user:secret-pw@staging.example.com/v1.0?code=secret-q", strict: true,
                                       testTokens: false, scenarios: [])
        let xml = report.junitXML(includeTimes: false)
        #expect(!xml.contains("secret"))
        #expect(xml.contains("<property name=\"mode\" value=\"strict\"/>"))
    }

    @Test func jsonReportRoundTrips() async throws {
        let report = await Self.mixedReport()
        let decoded = try JSONDecoder().decode(ConformanceReport.self, from: Data(report.jsonText().utf8))
        #expect(decoded == report)
    }

    @Test func summaryLine() async {
        let report = await Self.mixedReport()
        #expect(report.summaryLine == "conform: 6 scenarios: 4 passed, 2 failed, 0 skipped (2 variants)")
    }
}
