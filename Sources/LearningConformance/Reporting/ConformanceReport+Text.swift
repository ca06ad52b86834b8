extension ConformanceReport {
    /// The human report: one line per scenario, then for each failure its deviations as
    /// `- expected` / `+ actual` per pointer, the error row, the source and a `curl` to reproduce it.
    /// Deterministic (no timings), so it can be golden-tested. Bounded by `budget`; what it leaves out is said
    /// under each scenario and in a line before the summary.
    public func text(verbose: Bool = false, budget: Budget = .default) -> String {
        bounded(by: budget).boundedText(verbose: verbose)
    }

    private func boundedText(verbose: Bool) -> String {
        var lines: [String] = []
        lines.append("learning-contract conform: \(target) (\(strict ? "strict" : "lenient"), "
            + (testTokens ? "test tokens minted" : "credentials from environment/flags") + ")")
        if let unreachable { lines.append("UNREACHABLE  \(unreachable)") }
        for result in scenarios {
            switch result.status {
            case .passed:
                if verbose || !result.variants.isEmpty || !result.notes.isEmpty || result.omitted != nil {
                    lines.append("PASS  \(result.id)")
                }
            case .failed: lines.append("FAIL  \(result.id)  (\(result.file))")
            case .skipped: lines.append("SKIP  \(result.id)  (\(result.file))")
            case .throttled: lines.append("THROTTLED  \(result.id)  (\(result.file))")
            case .unreachable: lines.append("UNREACHABLE  \(result.id)  (\(result.file))")
            }
            for reason in result.skipReasons { lines.append("  skipped: \(reason)") }
            for note in result.notes { lines.append("  note: \(note)") }
            for hit in result.variants where !strict {
                var line = "  variant: step \(hit.step) \(hit.pointer): \(hit.actual) instead of \(hit.canonical)"
                if let ambiguity = hit.ambiguity { line += " [ambiguity \(ambiguity)]" }
                if let row = hit.row { line += " [row \(row)]" }
                lines.append(line)
            }
            var lastStep = 0
            for deviation in result.deviations {
                if deviation.step != lastStep {
                    lastStep = deviation.step
                    lines.append("  step \(deviation.step) '\(deviation.stepName)'")
                    if !deviation.curl.isEmpty { lines.append("    reproduce: \(deviation.curl)") }
                }
                var heading = "    \(deviation.pointer)  (\(deviation.kind.rawValue))"
                if let row = deviation.row { heading += "  [row \(row)]" }
                if let source = deviation.source, !source.isEmpty { heading += "  [\(source)]" }
                lines.append(heading)
                lines.append("      - \(deviation.expected)")
                lines.append("      + \(deviation.actual)")
            }
            if let sentence = result.omitted?.sentence { lines.append("  … \(sentence) (report budget)") }
        }
        if let sentence = omitted?.sentence { lines.append("report budget: \(sentence); the counts cover everything") }
        lines.append(summaryLine)
        return lines.joined(separator: "\n") + "\n"
    }
}
