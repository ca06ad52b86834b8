extension ValidationReport {
    /// A human report: what is wrong where, which rule and source says so, and the exact error Graph would return.
    ///
    /// ```
    /// payload.json: invalid as createActivity.learningAssignment (1 violation)
    ///   ✗ /completionPercentage: expected an integer in 0...100, got 101
    ///     rule   createActivity.learningAssignment.completionPercentage.range
    ///     source CREATE-v1, request body table, row completionPercentage … (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body table, row completionPercentage)
    ///     Graph  400 badRequest "Input field completionPercentage is invalid" (row fieldInvalid)
    /// ```
    public func text(name: String, showBody: Bool = true) -> String {
        var lines: [String] = []
        let subject = bodyRule.map { " as \($0)" } ?? ""
        if isValid {
            let note = variants.isEmpty ? "" : " (\(variants.count) documented variant\(variants.count == 1 ? "" : "s"))"
            lines.append("\(name): valid\(subject)\(note)")
        } else {
            lines.append("\(name): invalid\(subject) (\(violations.count) violation\(violations.count == 1 ? "" : "s"))")
        }
        for violation in violations { lines += Self.describe(violation, mark: "✗") }
        for variant in variants { lines += Self.describe(variant, mark: "~") }
        if let graphError, showBody {
            lines.append("  Graph would return HTTP \(graphError.status):")
            lines.append("    " + graphError.body(innerError: nil).serialized())
        }
        return lines.joined(separator: "\n")
    }

    static func describe(_ violation: Violation, mark: String) -> [String] {
        let location = violation.pointer.tokens.isEmpty ? "(body)" : violation.pointer.description
        var lines = ["  \(mark) \(location): \(violation.detail)"]
        if let ambiguity = violation.ambiguity {
            let verdict = mark == "~" ? "accepted as a documented variant (lenient)" : "rejected (strict)"
            lines.append("    contradiction \(ambiguity) (`learning-contract ambiguities \(ambiguity)`): \(verdict)")
        }
        lines.append("    rule   \(violation.ruleID)")
        lines.append("    source \(violation.source)")
        if mark == "✗" {
            lines.append("    Graph  \"\(violation.message)\" (row \(violation.errorRow))")
        }
        return lines
    }
}
