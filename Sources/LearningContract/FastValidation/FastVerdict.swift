/// What the single-pass validator can say about a payload without building a tree.
///
/// `needsReport` is not "invalid": it means the fast path did not settle the payload (a violation, a documented
/// variant under `lenient`, a duplicate key, an escaped member name…). The caller then runs `Contract.validate`,
/// whose report is the authority.
public enum FastVerdict: String, Sendable, Hashable, Codable {
    /// The payload has no violation and no variant: the full report would be empty.
    case valid
    /// Anything else; run the reporting path.
    case needsReport
}

/// A definite boolean where the fast path can give one: `valid`, `invalid` when it met a violation that no
/// configuration or later byte can excuse (malformed JSON, a missing required field, a value out of range…),
/// `undetermined` otherwise (documented variants, escapes in names, an unconfirmed subtype…).
public enum FastTriage: String, Sendable, Hashable, Codable {
    case valid
    case invalid
    case undetermined
}
