import Foundation

extension ConformanceReport {
    /// The report as JSON (`--json FILE`): a stable shape with sorted keys, for dashboards and diffs.
    /// Bounded by `budget`: what it leaves out is counted in `omitted` (per scenario and in all); the summary
    /// counts everything. Every scenario is listed with its status, so `--last-failed` can read it back.
    public func jsonText(budget: Budget = .default) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(bounded(by: budget)) else { return "{}" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
