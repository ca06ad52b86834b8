import Foundation
import LearningContract

extension ConformanceReport {
    /// JUnit XML: one `<testsuite>`, one `<testcase>` per scenario (classname = fixture directory),
    /// `<failure>` with the deviations, `<skipped>` with the reasons. Loads in standard consumers.
    /// The suite's name is `suiteName` (stable across runs, so CI keeps its test history); the target URL and
    /// the mode are `<property>` elements. Bounded by `budget`, saying what it left out.
    public func junitXML(includeTimes: Bool = true, budget: Budget = .default) -> String {
        bounded(by: budget).boundedJUnitXML(includeTimes: includeTimes)
    }

    /// `learning-contract conform (v1.0)`: the API version from the target's last path segment, never the host
    /// or port (the embedded emulator's port changes every run).
    public var suiteName: String {
        let segment = URL(string: target)?.path.split(separator: "/").last.map(String.init) ?? ""
        return ["v1.0", "beta"].contains(segment) ? "learning-contract conform (\(segment))" : "learning-contract conform"
    }

    /// The target without user info, query or fragment (they may carry credentials).
    var redactedTarget: String {
        guard var components = URLComponents(string: target) else { return target }
        if components.user != nil || components.password != nil { components.user = nil; components.password = nil }
        if components.query != nil { components.query = Redactor.marker }
        components.fragment = nil
        return components.string ?? target
    }

    private func boundedJUnitXML(includeTimes: Bool) -> String {
        let failures = count(.failed)
        let errors = count(.unreachable) + count(.throttled)
        let skipped = count(.skipped)
        let total = scenarios.reduce(0.0) { $0 + $1.durationSeconds }
        var xml = #"<?xml version="1.0" encoding="UTF-8"?>"# + "\n"
        xml += "<testsuites name=\"learning-contract conform\" tests=\"\(scenarios.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\">\n"
        xml += "  <testsuite name=\"\(Self.escape(suiteName))\" tests=\"\(scenarios.count)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\""
        xml += includeTimes ? " time=\"\(Self.seconds(total))\">\n" : ">\n"
        var properties = [("target", redactedTarget), ("mode", strict ? "strict" : "lenient"),
                          ("credentials", testTokens ? "test tokens minted" : "environment/flags")]
        if let sentence = omitted?.sentence { properties.append(("report-budget", sentence)) }
        xml += "    <properties>\n"
        for (name, value) in properties {
            xml += "      <property name=\"\(name)\" value=\"\(Self.escape(value))\"/>\n"
        }
        xml += "    </properties>\n"
        for result in scenarios {
            let directory = result.file.split(separator: "/").dropLast().joined(separator: ".")
            let classname = "conformance" + (directory.isEmpty ? "" : "." + directory)
            xml += "    <testcase classname=\"\(Self.escape(classname))\" name=\"\(Self.escape(result.id))\""
            xml += includeTimes ? " time=\"\(Self.seconds(result.durationSeconds))\"" : ""
            xml += ">\n"
            switch result.status {
            case .failed:
                let message = "\(result.deviationCount) deviation\(result.deviationCount == 1 ? "" : "s")"
                let detail = result.deviations.map { deviation in
                    "step \(deviation.step) '\(deviation.stepName)' \(deviation.pointer) (\(deviation.kind.rawValue))"
                        + (deviation.row.map { " [row \($0)]" } ?? "")
                        + "\n  - \(deviation.expected)\n  + \(deviation.actual)\n  reproduce: \(deviation.curl)"
                }.joined(separator: "\n") + (result.omitted?.sentence.map { "\n… \($0) (report budget)" } ?? "")
                xml += "      <failure message=\"\(Self.escape(message))\" type=\"deviation\">\(Self.escape(detail))</failure>\n"
            case .skipped:
                xml += "      <skipped message=\"\(Self.escape(result.skipReasons.joined(separator: "; ")))\"/>\n"
            case .throttled, .unreachable:
                xml += "      <error message=\"\(Self.escape(result.status.rawValue))\" type=\"\(result.status.rawValue)\">"
                xml += Self.escape((result.notes + result.deviations.map { "\($0.pointer): \($0.actual)" }).joined(separator: "\n"))
                xml += "</error>\n"
            case .passed:
                break
            }
            let out = result.variants.map { "variant: step \($0.step) \($0.pointer): \($0.actual) instead of \($0.canonical)" }
                + result.notes.map { "note: \($0)" }
                + (result.status == .failed ? [] : result.omitted?.sentence.map { ["… \($0) (report budget)"] } ?? [])
            if !out.isEmpty { xml += "      <system-out>\(Self.escape(out.joined(separator: "\n")))</system-out>\n" }
            xml += "    </testcase>\n"
        }
        var errText: [String] = []
        if let unreachable { errText.append("target unreachable: " + unreachable) }
        if let sentence = omitted?.sentence { errText.append("report budget: \(sentence); the counts cover everything") }
        if !errText.isEmpty { xml += "    <system-err>\(Self.escape(errText.joined(separator: "\n")))</system-err>\n" }
        xml += "  </testsuite>\n</testsuites>\n"
        return xml
    }

    static func seconds(_ value: Double) -> String {
        let millis = Int((value * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    static func escape(_ text: String) -> String { XMLText.escaped(text) }
}
