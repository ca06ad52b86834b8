/// The fixed texts of every finding a report can hold, built once per rule set and catalog (`Contract.init`): for
/// each field of each body its pointer, dotted name, rule ids, Graph messages and the details that quote nothing
/// of the payload. A finding then shares these strings instead of concatenating them for every payload; only what
/// quotes the payload (a value, a count, an unknown name) is built per finding. The `Validator` takes every such
/// text from here, on the tree path and the compiled path alike, so the texts are written once.
final class ReportTexts: Sendable {
    /// Per body of `RuleSet.bodies`, in order.
    let bodies: [Body]
    /// The position in `bodies` of each body id (the first body with that id).
    private let positions: [String: Int]
    /// Per operation with a body: the texts of its `@odata.type` findings.
    private let subtypes: [Operation: Subtype]
    /// The templates of the rows a finding about a name no field has maps to (an unknown or repeated name), each cut
    /// around its one `{fieldName}`: the message is the text before, the name, the text after.
    private let nameTemplates: [(row: ErrorRow.ID, before: String, after: String)]

    init(rules: RuleSet, catalog: ErrorCatalog) {
        bodies = rules.bodies.map { Body($0, catalog: catalog) }
        var positions: [String: Int] = [:]
        for (position, body) in rules.bodies.enumerated() where positions[body.id] == nil { positions[body.id] = position }
        self.positions = positions
        var subtypes: [Operation: Subtype] = [:]
        for operation in Operation.allCases where operation.hasRequestBody {
            subtypes[operation] = Subtype(operation: operation, bodies: rules.bodies(for: operation), catalog: catalog)
        }
        self.subtypes = subtypes
        nameTemplates = [ErrorRow.ID.fieldInvalid, .fieldRequired].compactMap { row in
            let template = catalog[row].messageTemplate
            guard ErrorRow.slots(in: template) == ["fieldName"], let range = template.firstRange(of: "{fieldName}") else { return nil }
            return (row, String(template[..<range.lowerBound]), String(template[range.upperBound...]))
        }
    }

    /// The message of a finding that maps to `row`, for `field` (`{fieldName}`; no other slot).
    func message(_ row: ErrorRow.ID, field: String, catalog: ErrorCatalog) -> String {
        for entry in nameTemplates where entry.row == row { return entry.before + field + entry.after }
        return Validator.render(catalog[row].messageTemplate, field: field, slots: [:])
    }

    /// The texts of `operation`'s `@odata.type` findings, for its `bodies` (`RuleSet.bodies(for:)`).
    func subtype(_ operation: Operation, bodies: [BodyRule], catalog: ErrorCatalog) -> Subtype {
        subtypes[operation] ?? Subtype(operation: operation, bodies: bodies, catalog: catalog)
    }

    /// The fixed texts of the findings about a body's `@odata.type` (`Validator.selectSubtype`).
    final class Subtype: Sendable {
        /// The subtypes' `@odata.type` values, and the same lowercased.
        let types: [String]
        let lowercasedTypes: [String]
        let typesJoinedByOr: String
        let typesJoinedByComma: String
        /// `{operation}.@odata.type`.
        let ruleID: String
        let pointer = JSONPointer([Validator.discriminator])
        let requiredMessage: String
        let invalidMessage: String

        init(operation: Operation, bodies: [BodyRule], catalog: ErrorCatalog) {
            types = bodies.compactMap(\.odataType)
            lowercasedTypes = types.map { $0.lowercased() }
            typesJoinedByOr = types.joined(separator: " or ")
            typesJoinedByComma = types.joined(separator: ", ")
            ruleID = "\(operation.rawValue).@odata.type"
            requiredMessage = Validator.render(catalog[.fieldRequired].messageTemplate, field: Validator.discriminator, slots: [:])
            invalidMessage = Validator.render(catalog[.fieldInvalid].messageTemplate, field: Validator.discriminator, slots: [:])
        }
    }

    /// The texts of the body rule `body` (found by its id).
    func body(_ body: BodyRule) -> Body? { positions[body.id].map { bodies[$0] } }

    /// One body rule's texts.
    final class Body: Sendable {
        let fields: [Field]
        /// The subtype as a finding names it (`learningAssignment`, the last part of `@odata.type`), or "this body".
        let subtype: String
        /// The fields' names lowercased, for "did you mean" (property names are case-sensitive).
        let lowercasedNames: [String]
        /// The finding of each other subtype's property sent at the top level (`BodyRule.otherSubtypeFields`).
        let otherSubtypeFindings: [String: OtherSubtypeFinding]

        /// A property of another subtype: where it is, what it is, and the finding's texts.
        struct OtherSubtypeFinding: Sendable {
            let key: String
            let pointer: JSONPointer
            let detail: String
            let source: Source
            let ruleID: String
            let message: String
        }

        init(_ body: BodyRule, catalog: ErrorCatalog) {
            fields = body.fields.map { Field($0, parent: .root, prefix: "", bodyID: body.id, catalog: catalog) }
            let subtype = body.odataType.flatMap { $0.split(separator: ".").last.map(String.init) } ?? "this body"
            self.subtype = subtype
            lowercasedNames = body.fields.map { $0.name.lowercased() }
            var findings: [String: OtherSubtypeFinding] = [:]
            for (key, owner) in body.otherSubtypeFields {
                findings[key] = OtherSubtypeFinding(
                    key: key, pointer: JSONPointer([key]), detail: "\"\(key)\" belongs to \(owner), not to \(subtype)",
                    source: Source("CSDL-v1", "EntityType \(owner) defines \(key); \(subtype) does not"),
                    ruleID: body.id + "." + key + ".unknown",
                    message: Validator.render(catalog[.fieldInvalid].messageTemplate, field: key, slots: [:]))
            }
            otherSubtypeFindings = findings
        }
    }

    /// One field's texts, and those of the fields of its object kind.
    final class Field: Sendable {
        /// The checks a rule id names (`createActivity.learningAssignment.completionPercentage.range`).
        enum Check: Int, CaseIterable {
            case required, nullable, type, range, enumeration, format, nonEmpty, maxLength, items, presence, alias

            var suffix: String {
                switch self {
                case .required: ".required"
                case .nullable: ".nullable"
                case .type: ".type"
                case .range: ".range"
                case .enumeration: ".enum"
                case .format: ".format"
                case .nonEmpty: ".nonEmpty"
                case .maxLength: ".maxLength"
                case .items: ".items"
                case .presence: ".presence"
                case .alias: ".alias"
                }
            }
        }

        /// The object the field is in, and the field's own place in it.
        let parent: JSONPointer
        let pointer: JSONPointer
        /// The name as Graph's messages name it (`dueDateTime.dateTime`).
        let dotted: String
        /// The rule id of the field, then one per check (`Check`).
        let ruleID: String
        private let ruleIDs: [String]
        /// `FieldKind.summary` of the rule's kind.
        let summary: String
        /// The rows a field's finding maps to, with their messages for this field (`fieldTooLong` with its limit).
        private let messages: [(row: ErrorRow.ID, message: String)]
        /// The message of a property that may not be sent (a disputed presence), with the reason after it.
        let presenceMessage: String?
        /// Details that quote nothing of the payload.
        let requiredDetail: String
        let disputedRequiredDetail: String
        let nullRequiredDetail: String
        let nullableDetail: String
        let presenceDetail: String?
        let emptyDetail: String
        let emptyDateDetail: String
        /// What follows the length in a too-long finding's detail: the limit and its source.
        let tooLongDetailTail: String
        /// For an enumeration: its values lowercased, for "did you mean" (enum values are case-sensitive).
        let lowercasedValues: [String]
        /// For an object kind: its fields' texts, and their names lowercased.
        let nested: [Field]
        let lowercasedNestedNames: [String]

        init(_ rule: FieldRule, parent: JSONPointer, prefix: String, bodyID: String, catalog: ErrorCatalog) {
            self.parent = parent
            pointer = parent.appending(rule.name)
            let dotted = prefix.isEmpty ? rule.name : prefix + "." + rule.name
            self.dotted = dotted
            ruleID = bodyID + "." + dotted
            ruleIDs = Check.allCases.map { bodyID + "." + dotted + $0.suffix }
            summary = rule.kind.summary
            let rows: [ErrorRow.ID] = [.fieldInvalid, .fieldRequired, .fieldEmpty, .fieldTooLong]
            messages = rows.map { row in
                let slots = row == .fieldTooLong ? rule.maxLength.map { ["expectedLength": String($0.value)] } ?? [:] : [:]
                return (row, Validator.render(catalog[row].messageTemplate, field: dotted, slots: slots))
            }
            requiredDetail = "\(dotted) is required: \(summary)"
            disputedRequiredDetail = "\(dotted) is required by the docs' tables, though an example omits it"
            nullRequiredDetail = "\(dotted) is required and can't be null"
            nullableDetail = "\(dotted) can't be null: \(summary)"
            emptyDetail = "\(dotted) shouldn't be empty"
            emptyDateDetail = "\(dotted) is empty"
            tooLongDetailTail = rule.maxLength.map { " characters (Unicode scalars); the limit is \($0.value) (\($0.source))" } ?? ""
            if case .disputedPresent(let ambiguity) = rule.presence {
                presenceDetail = ambiguity == .nonUpdatableFieldsInUpdate
                    ? "\(dotted) is not an updatable property (the update example sends it anyway)"
                    : ambiguity == .serverGeneratedFieldsInCreate
                        ? "\(dotted) is set by the service, not by the request body"
                        : "\(dotted) is not a property of this subtype in the metadata"
                // The message names the reason after the documented "Input field {fieldName} is invalid": the value
                // may be valid, it is the property that may not be sent.
                let reason = ambiguity == .nonUpdatableFieldsInUpdate ? "it is not an updatable property"
                    : ambiguity == .serverGeneratedFieldsInCreate ? "it is set by the service" : nil
                let invalid = messages[0].message
                presenceMessage = reason.map { invalid + ": " + $0 } ?? invalid
            } else {
                presenceDetail = nil
                presenceMessage = nil
            }
            if case .enumeration(_, let allowed) = rule.kind {
                lowercasedValues = allowed.map { $0.lowercased() }
            } else {
                lowercasedValues = []
            }
            if case .object(_, let fields) = rule.kind {
                let pointer = parent.appending(rule.name)
                nested = fields.map { Field($0, parent: pointer, prefix: dotted, bodyID: bodyID, catalog: catalog) }
                lowercasedNestedNames = fields.map { $0.name.lowercased() }
            } else {
                nested = []
                lowercasedNestedNames = []
            }
        }

        func ruleID(_ check: Check) -> String { ruleIDs[check.rawValue] }

        /// The message of a finding of this field that maps to `row`.
        func message(_ row: ErrorRow.ID, catalog: ErrorCatalog) -> String {
            for entry in messages where entry.row == row { return entry.message }
            return Validator.render(catalog[row].messageTemplate, field: dotted, slots: [:])
        }
    }
}
