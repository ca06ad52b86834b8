/// Whether a field must, may or should not appear in a body.
public enum Presence: Codable, Sendable, Hashable {
    /// Absent (or null, for a non-nullable field) is the `fieldRequired` error.
    case required
    /// May be absent.
    case optional
    /// Required by the docs' tables but omitted by a documented example (a contradiction): absent is a violation
    /// under `strict` and a reported variant under `lenient`.
    case disputedRequired(Ambiguity.ID)
    /// Should not be sent, but a documented example or page sends it: present is a violation (`fieldInvalid`) under
    /// `strict` and a reported variant under `lenient` (the value is still checked against its kind).
    case disputedPresent(Ambiguity.ID)
}
