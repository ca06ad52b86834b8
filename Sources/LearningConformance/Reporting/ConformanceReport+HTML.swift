extension ConformanceReport {
    /// `--html FILE`: one self-contained page for people who would rather look than read JUnit. The summary,
    /// the deviations (expected and actual side by side, with the curl that reproduces each step), the skips
    /// with their reasons, variants and notes, the coverage matrix with this run's outcome of each scenario,
    /// and every scenario's status. Inline CSS, no script, and no reference to anything outside the file
    /// (the only links are `#fragments`), so it renders offline and from a CI artifact store.
    ///
    /// Every string from the target or the fixtures is HTML-escaped (control characters become U+FFFD) and
    /// bounded by `budget`; the page says what it left out. Deterministic (no times), so it can be golden-tested.
    /// The markup is well-formed XML as well, so tests parse it with `XMLParser`.
    public func html(coverage: CoverageMatrix? = nil, budget: Budget = .default) -> String {
        bounded(by: budget).boundedHTML(coverage: coverage)
    }

    private func boundedHTML(coverage: CoverageMatrix?) -> String {
        func e(_ text: String) -> String { Self.escape(text) }
        let failedOrErrored = scenarios.filter { [.failed, .throttled, .unreachable].contains($0.status) }
        let skipped = scenarios.filter { $0.status == .skipped }
        let remarked = scenarios.filter { !$0.variants.isEmpty || !$0.notes.isEmpty }
        let verdict = exitCode == 0 ? "pass" : (count(.failed) > 0 ? "fail" : "error")
        var h: [String] = []
        h.append("<!DOCTYPE html>")
        h.append("<html lang=\"en\">")
        h.append("<head>")
        h.append("<meta charset=\"utf-8\"/>")
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>")
        h.append("<title>\(e(suiteName)): \(e(summaryLine))</title>")
        h.append("<style>\n\(Self.htmlStyle)</style>")
        h.append("</head>")
        h.append("<body>")
        h.append("<header>")
        h.append("<h1>\(e(suiteName))</h1>")
        h.append("<p class=\"target\">Target <code>\(e(redactedTarget))</code> · \(strict ? "strict" : "lenient") · "
            + (testTokens ? "test tokens minted" : "credentials from environment/flags") + "</p>")
        h.append("<p id=\"summary\" class=\"summary \(verdict)\">\(e(summaryLine))</p>")
        let counts: [(String, Int, String)] = [
            ("scenarios", scenarios.count, ""), ("passed", count(.passed), "passed"), ("failed", count(.failed), "failed"),
            ("skipped", count(.skipped), "skipped"), ("throttled", count(.throttled), "throttled"),
            ("unreachable", count(.unreachable), "unreachable"), ("deviations", deviationCount, ""),
            ("variants", variantCount, ""), ("exit code", Int(exitCode), verdict),
        ]
        h.append("<table class=\"counts\"><tr>" + counts.map { "<th>\($0.0)</th>" }.joined() + "</tr>")
        h.append("<tr>" + counts.map { "<td class=\"\($0.2)\">\($0.1)</td>" }.joined() + "</tr></table>")
        if let unreachable { h.append("<p class=\"unreachable\">Target unreachable: \(e(unreachable))</p>") }
        if let sentence = omitted?.sentence {
            h.append("<p class=\"budget\">Report budget: \(e(sentence)); the counts cover everything.</p>")
        }
        h.append("<nav><a href=\"#deviations\">Deviations</a> <a href=\"#skips\">Skips</a> <a href=\"#remarks\">Variants and notes</a>"
            + (coverage == nil ? "" : " <a href=\"#coverage\">Coverage</a>") + " <a href=\"#scenarios\">All scenarios</a></nav>")
        h.append("</header>")

        // Deviations, side by side.
        h.append("<section id=\"deviations\">")
        h.append("<h2>Deviations: \(deviationCount) in \(failedOrErrored.count) scenario\(failedOrErrored.count == 1 ? "" : "s")</h2>")
        if failedOrErrored.isEmpty { h.append("<p class=\"none\">None.</p>") }
        for result in failedOrErrored {
            h.append("<article class=\"scenario \(result.status.rawValue)\" id=\"\(Self.anchor(result.id))\">")
            h.append("<h3><span class=\"badge \(result.status.rawValue)\">\(result.status.rawValue.uppercased())</span> "
                + "\(e(result.id))</h3>")
            h.append("<p class=\"meta\">\(e(result.title)) · <code>\(e(result.file))</code>"
                + (result.source.map { " · \(e($0))" } ?? "") + "</p>")
            for note in result.notes { h.append("<p class=\"note\">\(e(note))</p>") }
            if !result.deviations.isEmpty {
                h.append("<table class=\"deviations\">")
                h.append("<thead><tr><th>Step</th><th>Where</th><th>Expected</th><th>Actual</th></tr></thead>")
                h.append("<tbody>")
                var lastStep = 0
                for deviation in result.deviations {
                    if deviation.step != lastStep {
                        lastStep = deviation.step
                        h.append("<tr class=\"step\"><td colspan=\"4\">step \(deviation.step) · \(e(deviation.stepName))"
                            + (deviation.curl.isEmpty ? "" : "<pre class=\"reproduce\">\(e(deviation.curl))</pre>") + "</td></tr>")
                    }
                    var whereCell = "<code>\(e(deviation.pointer))</code> <span class=\"kind\">\(e(deviation.kind.rawValue))</span>"
                    if let row = deviation.row { whereCell += "<br/>row <code>\(e(row))</code>" }
                    if let source = deviation.source, !source.isEmpty { whereCell += "<br/><span class=\"source\">\(e(source))</span>" }
                    h.append("<tr class=\"deviation\"><td>\(deviation.step)</td><td>\(whereCell)</td>"
                        + "<td><pre class=\"expected\">\(e(deviation.expected))</pre></td>"
                        + "<td><pre class=\"actual\">\(e(deviation.actual))</pre></td></tr>")
                }
                h.append("</tbody></table>")
            }
            if let sentence = result.omitted?.sentence { h.append("<p class=\"budget\">… \(e(sentence)) (report budget)</p>") }
            h.append("</article>")
        }
        h.append("</section>")

        // Skips.
        h.append("<section id=\"skips\">")
        h.append("<h2>Skipped: \(skipped.count)</h2>")
        if skipped.isEmpty {
            h.append("<p class=\"none\">None.</p>")
        } else {
            h.append("<table class=\"skips\"><thead><tr><th>Scenario</th><th>File</th><th>Why</th></tr></thead><tbody>")
            for result in skipped {
                let reasons = result.skipReasons.map { "<li>\(e($0))</li>" }.joined()
                    + (result.omitted.map { $0.skipReasons > 0 ? "<li>… \($0.skipReasons) more not shown (report budget)</li>" : "" } ?? "")
                h.append("<tr class=\"skip\" id=\"\(Self.anchor(result.id))\"><td>\(e(result.id))</td><td><code>\(e(result.file))</code></td>"
                    + "<td><ul>\(reasons)</ul></td></tr>")
            }
            h.append("</tbody></table>")
        }
        h.append("</section>")

        // Variants and notes of scenarios that did not fail.
        h.append("<section id=\"remarks\">")
        h.append("<h2>Variants and notes</h2>")
        let quiet = remarked.filter { !failedOrErrored.map(\.id).contains($0.id) }
        if quiet.isEmpty { h.append("<p class=\"none\">None.</p>") }
        for result in quiet {
            h.append("<h3>\(e(result.id))</h3><ul>")
            for hit in result.variants {
                var line = "variant: step \(hit.step) <code>\(e(hit.pointer))</code>: <code>\(e(hit.actual))</code> instead of <code>\(e(hit.canonical))</code>"
                if let ambiguity = hit.ambiguity { line += " [ambiguity \(e(ambiguity))]" }
                if let row = hit.row { line += " [row \(e(row))]" }
                h.append("<li>\(line)</li>")
            }
            for note in result.notes { h.append("<li>note: \(e(note))</li>") }
            h.append("</ul>")
            if let sentence = result.omitted?.sentence { h.append("<p class=\"budget\">… \(e(sentence)) (report budget)</p>") }
        }
        h.append("</section>")

        // Coverage, with this run's outcome of each scenario.
        if let coverage {
            let status = Dictionary(scenarios.map { ($0.id, $0.status.rawValue) }, uniquingKeysWith: { first, _ in first })
            h.append("<section id=\"coverage\">")
            h.append("<h2>Coverage: \(coverage.rows.count - coverage.uncoveredRows.count)/\(coverage.rows.count) error rows, "
                + "\(coverage.operations.count - coverage.uncoveredOperations.count)/\(coverage.operations.count) operations</h2>")
            h.append("<p class=\"legend\">Each scenario is shown with its outcome in this run: "
                + "<span class=\"passed\">passed</span> <span class=\"failed\">failed</span> <span class=\"skipped\">skipped</span> "
                + "<span class=\"notrun\">not run</span>.</p>")
            for (title, entries) in [("Error rows", coverage.rows), ("Operations", coverage.operations)] {
                h.append("<table class=\"coverage\"><thead><tr><th>\(title)</th><th>Documented</th><th>Scenarios</th></tr></thead><tbody>")
                for entry in entries {
                    let names = entry.scenarios.map { id in
                        "<span class=\"\(status[id] ?? "notrun")\">\(e(id))</span>"
                    }.joined(separator: " ")
                    h.append("<tr class=\"\(entry.isCovered ? "covered" : "uncovered")\"><td><code>\(e(entry.id))</code></td>"
                        + "<td>\(e(entry.summary))</td><td>\(entry.isCovered ? names : "<strong>NO FIXTURE</strong>")</td></tr>")
                }
                h.append("</tbody></table>")
            }
            h.append("</section>")
        }

        // Every scenario.
        h.append("<section id=\"scenarios\">")
        h.append("<h2>All scenarios: \(scenarios.count)</h2>")
        h.append("<table class=\"scenarios\"><thead><tr><th>Status</th><th>Scenario</th><th>Title</th><th>File</th><th>Steps</th></tr></thead><tbody>")
        for result in scenarios {
            h.append("<tr class=\"\(result.status.rawValue)\"><td><span class=\"badge \(result.status.rawValue)\">\(result.status.rawValue)</span></td>"
                + "<td>\(e(result.id))</td><td>\(e(result.title))</td><td><code>\(e(result.file))</code></td><td>\(result.stepsRun)</td></tr>")
        }
        h.append("</tbody></table>")
        h.append("</section>")
        h.append("<footer>learning-contract conform · exit \(exitCode): 0 conformant, 1 deviations, 3 unreachable, throttled out or nothing checked</footer>")
        h.append("</body>")
        h.append("</html>")
        return h.joined(separator: "\n") + "\n"
    }

    /// A fragment id for a scenario: letters, digits, `-` and `_` kept, anything else `_`.
    static func anchor(_ id: String) -> String {
        "scenario-" + String(id.unicodeScalars.map { scalar -> Character in
            let allowed = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_")
            return allowed ? Character(scalar) : "_"
        })
    }

    static let htmlStyle = """
        :root { color-scheme: light; --pass: #1a7f37; --fail: #cf222e; --skip: #9a6700; --muted: #57606a; --line: #d0d7de; }
        body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 1200px; padding: 1em 1.5em; color: #1f2328; }
        h1 { font-size: 1.5em; margin: 0.2em 0; } h2 { border-bottom: 1px solid var(--line); padding-bottom: 0.2em; margin-top: 1.6em; }
        h3 { font-size: 1.05em; margin: 1.2em 0 0.3em; }
        code, pre { font: 12px/1.4 ui-monospace, "DejaVu Sans Mono", monospace; }
        pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0; }
        table { border-collapse: collapse; width: 100%; margin: 0.5em 0; }
        th, td { border: 1px solid var(--line); padding: 0.3em 0.5em; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #f6f8fa; }
        table.counts { width: auto; } table.counts td { text-align: right; font-weight: 600; }
        table.deviations td:nth-child(3), table.deviations td:nth-child(4) { width: 38%; }
        pre.expected { background: #ffebe9; } pre.actual { background: #dafbe1; }
        pre.reproduce { background: #f6f8fa; padding: 0.3em; margin-top: 0.3em; }
        tr.step td { background: #f6f8fa; font-weight: 600; }
        .summary { font-weight: 600; padding: 0.4em 0.6em; border-radius: 4px; }
        .summary.pass { background: #dafbe1; } .summary.fail { background: #ffebe9; } .summary.error { background: #fff8c5; }
        .passed, .pass { color: var(--pass); } .failed, .fail { color: var(--fail); }
        .skipped, .throttled, .error { color: var(--skip); } .unreachable { color: var(--fail); } .notrun { color: var(--muted); }
        .badge { font-size: 0.8em; font-weight: 700; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.3em; }
        .meta, .legend, .none, footer, .source { color: var(--muted); }
        .budget { font-style: italic; color: var(--skip); }
        tr.uncovered td { background: #fff8c5; }
        nav a { margin-right: 1em; }
        footer { margin-top: 2em; font-size: 0.9em; }

        """
}
