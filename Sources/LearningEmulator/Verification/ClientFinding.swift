import LearningContract

/// One thing `serve --verify-clients` found wrong (a violation) or worth knowing (a warning) about a request a
/// client sent: what, where, and the documented fact it rests on.
public struct ClientFinding: Codable, Sendable, Hashable {
    public enum Severity: String, Codable, Sendable, Hashable { case violation, warning }

    public enum Kind: String, Codable, Sendable, Hashable, CaseIterable {
        /// No `Authorization` header (a required request header of every operation).
        case missingAuthorization
        /// An `Authorization` header the emulator cannot read as a bearer test token.
        case invalidToken
        /// A path this API does not have.
        case unknownPath
        /// A method the path does not support.
        case methodNotAllowed
        /// A query option the operation does not document.
        case invalidQueryOption
        /// A create or update sent without `Content-Type: application/json`.
        case contentType
        /// A body that is not JSON.
        case malformedJSON
        /// A body field the contract refuses (missing, out of range, wrong enum member, unknown…).
        case field
        /// The token holds none of the scopes or roles the operation needs.
        case missingScope
        /// A documented but non-preferred reading of a contradiction in the docs (a warning).
        case documentedVariant
    }

    public var severity: Severity
    public var kind: Kind
    /// The field (`completionPercentage`) or header (`Content-Type`) concerned; empty for the whole request.
    public var field: String
    /// What is wrong and what would be right, for a person.
    public var message: String
    /// The rule that fired (`createActivity.learningAssignment.completionPercentage.range`) or the error row.
    public var ruleID: String
    /// Where the fact comes from.
    public var sources: [Source]
    /// The documented contradiction, for warnings about readings.
    public var ambiguity: Ambiguity.ID?

    public init(severity: Severity = .violation, kind: Kind, field: String = "", message: String, ruleID: String,
                sources: [Source], ambiguity: Ambiguity.ID? = nil) {
        self.severity = severity
        self.kind = kind
        self.field = field
        self.message = message
        self.ruleID = ruleID
        self.sources = sources
        self.ambiguity = ambiguity
    }
}
