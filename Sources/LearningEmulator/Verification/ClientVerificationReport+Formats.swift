import Foundation
import LearningContract

/// The three renderings `serve --report DIR` writes: JSON (the `GET /_emulator/report` body), text, JUnit XML.
extension ClientVerificationReport {
    /// File names inside `--report DIR`.
    public static let fileNames = (text: "client-report.txt", json: "client-report.json", junit: "client-report.junit.xml")

    /// Pretty-printed JSON with sorted keys.
    public var jsonText: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain value types cannot fail.
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// For a person: every request with findings, then one summary line.
    public var text: String {
        var lines: [String] = []
        for exchange in requests where !exchange.findings.isEmpty {
            lines.append("\(exchange.method) \(exchange.target) → \(exchange.status)  [client-request-id \(exchange.clientRequestID)]")
            for finding in exchange.findings {
                let label = finding.severity == .violation ? "violation" : "warning"
                lines.append("  \(label) \(finding.kind.rawValue): \(finding.message)")
                if let source = finding.sources.first { lines.append("    source: \(source)") }
            }
        }
        if dropped > 0 { lines.append("\(dropped) later requests were judged but not kept (\(droppedViolations) violations among them)") }
        let verdict = isClean ? "clean" : "violations found"
        lines.append("\(requestsJudged) requests judged: \(violationCount) violations, \(warningCount) warnings (\(verdict))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// JUnit XML: one test case per judged request, failing when it has violations; warnings go to system-out.
    public var junit: String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        let failures = requests.filter { !$0.violations.isEmpty }.count + (droppedViolations > 0 ? 1 : 0)
        let tests = requests.count + (dropped > 0 ? 1 : 0)
        xml += #"<testsuites name="learning-contract verify-clients" tests="\#(tests)" failures="\#(failures)">"# + "\n"
        xml += #"  <testsuite name="verify-clients" tests="\#(tests)" failures="\#(failures)" errors="0">"# + "\n"
        for exchange in requests {
            let name = Self.escape("\(exchange.method) \(exchange.target) [\(exchange.clientRequestID)]")
            xml += #"    <testcase classname="verify-clients" name="\#(name)">"# + "\n"
            for finding in exchange.violations {
                xml += #"      <failure type="\#(finding.kind.rawValue)" message="\#(Self.escape(finding.message))">"#
                xml += Self.escape(finding.sources.map(\.description).joined(separator: "; ")) + "</failure>\n"
            }
            let warnings = exchange.warnings
            if !warnings.isEmpty {
                xml += "      <system-out>" + Self.escape(warnings.map { "warning \($0.kind.rawValue): \($0.message)" }.joined(separator: "\n")) + "</system-out>\n"
            }
            xml += "    </testcase>\n"
        }
        if dropped > 0 {
            xml += #"    <testcase classname="verify-clients" name="\#(dropped) requests not kept">"#
            if droppedViolations > 0 { xml += #"<failure type="dropped" message="\#(droppedViolations) violations"/>"# }
            xml += "</testcase>\n"
        }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    /// Writes the three files into `directory` (created if needed). Each file is written to a temporary name
    /// first and then renamed, so a failure leaves no half-written report.
    public func write(to directory: URL) throws {
        let manager = FileManager.default
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, content) in [(Self.fileNames.text, text), (Self.fileNames.json, jsonText), (Self.fileNames.junit, junit)] {
            let target = directory.appendingPathComponent(name)
            let temporary = directory.appendingPathComponent("." + name + ".partial")
            try Data(content.utf8).write(to: temporary)
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.moveItem(at: temporary, to: target)
        }
    }

    static func escape(_ text: String) -> String { XMLText.escaped(text) }
}
