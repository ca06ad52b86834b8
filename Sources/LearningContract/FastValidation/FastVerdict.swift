/// What the single-pass validator can say about a payload without building a tree.
///
/// `needsReport` is not "invalid": it means the full report would not be empty (a violation, or a documented
/// variant under `lenient`). The caller then runs `Contract.validate` to build it.
public enum FastVerdict: String, Sendable, Hashable, Codable {
    /// The payload has no violation and no variant: the full report would be empty.
    case valid
    /// Anything else; run the reporting path.
    case needsReport
}

/// A definite boolean where the fast path can give one: `valid` (possibly under a documented reading), `invalid`
/// when it met a violation, `undetermined` in the few cases it leaves to the report (see `FastValidator`).
public enum FastTriage: String, Sendable, Hashable, Codable {
    case valid
    case invalid
    case undetermined
}

/// The fast path's full answer: the verdict, and for a valid body the documented contradictions it was read
/// under (each a variant the report lists, under the default `lenient` configuration).
public struct FastResult: Sendable, Hashable {
    public var triage: FastTriage
    /// Empty unless `triage` is `valid`; in the order the validator compiled them.
    public var variants: [Ambiguity.ID]

    public init(triage: FastTriage, variants: [Ambiguity.ID]) {
        self.triage = triage
        self.variants = variants
    }
}
