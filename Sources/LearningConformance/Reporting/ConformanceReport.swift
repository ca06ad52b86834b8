/// Everything a run found, as a value: rendered as text, JSON (`--json`) and JUnit XML (`--junit`).
public struct ConformanceReport: Sendable, Hashable, Codable {
    /// The base URL that was tested.
    public var target: String
    public var strict: Bool
    /// Whether the runner minted test tokens (target advertised `testTokens`).
    public var testTokens: Bool
    public var scenarios: [ScenarioResult]
    /// Set when the target could not be reached at all (exit 3).
    public var unreachable: String?
    /// Set when the report was bounded (`bounded(by:)`) and left something out: the totals.
    public var omitted: Omissions?

    public init(target: String, strict: Bool, testTokens: Bool, scenarios: [ScenarioResult], unreachable: String? = nil,
                omitted: Omissions? = nil) {
        self.target = target; self.strict = strict; self.testTokens = testTokens
        self.scenarios = scenarios; self.unreachable = unreachable; self.omitted = omitted
    }

    public func count(_ status: ScenarioResult.Status) -> Int { scenarios.filter { $0.status == status }.count }
    public var variantCount: Int { scenarios.reduce(0) { $0 + $1.variantCount } }
    public var deviationCount: Int { scenarios.reduce(0) { $0 + $1.deviationCount } }

    /// 0 conformant, 1 deviations, 3 unreachable, timed out or throttled out (2 is for usage and fixture errors,
    /// decided before a run starts). Unreachability wins: the results are incomplete. A run in which every
    /// scenario was skipped checked nothing, so it is not "conformant" either: 3, never a green gate.
    public var exitCode: Int32 {
        if unreachable != nil || count(.unreachable) > 0 { return 3 }
        if count(.failed) > 0 { return 1 }
        if count(.throttled) > 0 { return 3 }
        if checkedNothing { return 3 }
        return 0
    }

    /// Every scenario was skipped (no credential, no state endpoint…): the target was not exercised at all.
    public var checkedNothing: Bool { !scenarios.isEmpty && scenarios.allSatisfy { $0.status == .skipped } }

    /// The counts a dashboard wants without walking the scenarios (written into the JSON report).
    public struct Summary: Sendable, Hashable, Codable {
        public var scenarios, passed, failed, skipped, throttled, unreachable, deviations, variants: Int
        public var exitCode: Int32
        public var line: String
    }

    public var summary: Summary {
        Summary(scenarios: scenarios.count, passed: count(.passed), failed: count(.failed), skipped: count(.skipped),
                throttled: count(.throttled), unreachable: count(.unreachable), deviations: deviationCount,
                variants: variantCount, exitCode: exitCode, line: summaryLine)
    }

    /// `conform: 63 scenarios: 61 passed, 0 failed, 2 skipped (1 variant)`: the line a deployment gate prints.
    public var summaryLine: String {
        var line = "conform: \(scenarios.count) scenarios: \(count(.passed)) passed, \(count(.failed)) failed, \(count(.skipped)) skipped"
        if count(.throttled) > 0 { line += ", \(count(.throttled)) throttled" }
        if count(.unreachable) > 0 { line += ", \(count(.unreachable)) unreachable" }
        let variants = variantCount
        if variants > 0 { line += " (\(variants) variant\(variants == 1 ? "" : "s"))" }
        if let unreachable { line += "; target unreachable: \(unreachable)" }
        if checkedNothing { line += "; nothing was checked: every scenario was skipped (see the reasons above)" }
        return line
    }
}

extension ConformanceReport {
    enum CodingKeys: String, CodingKey { case target, strict, testTokens, scenarios, unreachable, omitted, summary }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            target: try container.decode(String.self, forKey: .target), strict: try container.decode(Bool.self, forKey: .strict),
            testTokens: try container.decode(Bool.self, forKey: .testTokens),
            scenarios: try container.decode([ScenarioResult].self, forKey: .scenarios),
            unreachable: try container.decodeIfPresent(String.self, forKey: .unreachable),
            omitted: try container.decodeIfPresent(Omissions.self, forKey: .omitted))
    }

    /// Everything, plus the derived `summary` (counts, exit code, the summary line).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(target, forKey: .target)
        try container.encode(strict, forKey: .strict)
        try container.encode(testTokens, forKey: .testTokens)
        try container.encode(scenarios, forKey: .scenarios)
        try container.encodeIfPresent(unreachable, forKey: .unreachable)
        try container.encodeIfPresent(omitted, forKey: .omitted)
        try container.encode(summary, forKey: .summary)
    }
}
