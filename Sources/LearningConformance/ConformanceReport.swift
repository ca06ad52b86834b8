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

    public init(target: String, strict: Bool, testTokens: Bool, scenarios: [ScenarioResult], unreachable: String? = nil) {
        self.target = target; self.strict = strict; self.testTokens = testTokens
        self.scenarios = scenarios; self.unreachable = unreachable
    }

    public func count(_ status: ScenarioResult.Status) -> Int { scenarios.filter { $0.status == status }.count }
    public var variantCount: Int { scenarios.reduce(0) { $0 + $1.variants.count } }
    public var deviationCount: Int { scenarios.reduce(0) { $0 + $1.deviations.count } }

    /// 0 conformant, 1 deviations, 3 unreachable, timed out or throttled out (2 is for usage and fixture errors,
    /// decided before a run starts). Unreachability wins: the results are incomplete.
    public var exitCode: Int32 {
        if unreachable != nil || count(.unreachable) > 0 { return 3 }
        if count(.failed) > 0 { return 1 }
        if count(.throttled) > 0 { return 3 }
        return 0
    }

    /// `conform: 63 scenarios: 61 passed, 0 failed, 2 skipped (1 variant)`: the line a deployment gate prints.
    public var summaryLine: String {
        var line = "conform: \(scenarios.count) scenarios: \(count(.passed)) passed, \(count(.failed)) failed, \(count(.skipped)) skipped"
        if count(.throttled) > 0 { line += ", \(count(.throttled)) throttled" }
        if count(.unreachable) > 0 { line += ", \(count(.unreachable)) unreachable" }
        let variants = variantCount
        if variants > 0 { line += " (\(variants) variant\(variants == 1 ? "" : "s"))" }
        if let unreachable { line += "; target unreachable: \(unreachable)" }
        return line
    }
}
