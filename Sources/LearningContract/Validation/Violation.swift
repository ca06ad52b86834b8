/// One finding about a payload: where, what, which rule and source, and the Graph error row it maps to.
public struct Violation: Codable, Sendable, Hashable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case required, empty, tooLong, invalidType, invalidValue, outOfRange, invalidFormat
        case unknownProperty, notUpdatable, duplicateKey, malformedJSON
    }

    /// Where in the payload (RFC 6901); `""` for the whole body.
    public var pointer: JSONPointer
    /// The field name as Graph's message names it (`dueDateTime.dateTime`).
    public var field: String
    public var kind: Kind
    /// What is wrong and what would be right, for a person.
    public var detail: String
    /// Stable id of the rule that fired (`createActivity.learningAssignment.completionPercentage.range`).
    public var ruleID: String
    public var source: Source
    public var errorRow: ErrorRow.ID
    /// The Graph message for this finding (`Input field completionPercentage is invalid`).
    public var message: String
    /// Set when the finding comes from a documented contradiction (listed in Ambiguity.documented).
    public var ambiguity: Ambiguity.ID?

    public init(
        pointer: JSONPointer, field: String, kind: Kind, detail: String, ruleID: String, source: Source,
        errorRow: ErrorRow.ID, message: String, ambiguity: Ambiguity.ID? = nil
    ) {
        self.pointer = pointer
        self.field = field
        self.kind = kind
        self.detail = detail
        self.ruleID = ruleID
        self.source = source
        self.errorRow = errorRow
        self.message = message
        self.ambiguity = ambiguity
    }
}
