/// The outcome of one scenario.
public struct ScenarioResult: Sendable, Hashable, Codable {
    public enum Status: String, Sendable, Hashable, Codable {
        case passed, failed, skipped
        /// Still throttled after `--max-retry-wait` (neither pass nor fail).
        case throttled
        /// The target could not be reached or timed out.
        case unreachable
    }

    public var id: String
    public var title: String
    public var file: String
    public var tags: [String]
    public var source: String?
    public var status: Status
    /// Deviations that count (variants and extra members only under `--strict`).
    public var deviations: [Deviation]
    /// Documented variants the target took (reported in every mode).
    public var variants: [VariantHit]
    /// Extra response members (listed under `--strict`; counted otherwise).
    public var extraFields: [String]
    /// Why the scenario or some of its steps were skipped.
    public var skipReasons: [String]
    /// Throttling waits and other facts worth reporting.
    public var notes: [String]
    public var stepsRun: Int
    public var durationSeconds: Double
    /// Set in a report bounded by `ConformanceReport.Budget`: what this scenario's lists left out.
    public var omitted: ConformanceReport.Omissions?

    public init(
        id: String, title: String, file: String, tags: [String], source: String?, status: Status,
        deviations: [Deviation] = [], variants: [VariantHit] = [], extraFields: [String] = [],
        skipReasons: [String] = [], notes: [String] = [], stepsRun: Int = 0, durationSeconds: Double = 0,
        omitted: ConformanceReport.Omissions? = nil
    ) {
        self.id = id; self.title = title; self.file = file; self.tags = tags; self.source = source
        self.status = status; self.deviations = deviations; self.variants = variants; self.extraFields = extraFields
        self.skipReasons = skipReasons; self.notes = notes; self.stepsRun = stepsRun; self.durationSeconds = durationSeconds
        self.omitted = omitted
    }
}

extension ScenarioResult {
    /// Deviations found, including those a bounded report does not detail.
    public var deviationCount: Int { deviations.count + (omitted?.deviations ?? 0) }
    /// Variants taken, including those a bounded report does not detail.
    public var variantCount: Int { variants.count + (omitted?.variants ?? 0) }
}
