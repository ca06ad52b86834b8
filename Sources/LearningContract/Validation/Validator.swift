/// Evaluates a `RuleSet` against one parsed payload, collecting every finding in a stable order.
///
/// This is the reporting path: it builds messages and explanations. The fast path (`FastValidator`)
/// must reach the same verdict; a test checks both on the fuzz corpus.
struct Validator {
    let rules: RuleSet
    let configuration: ContractConfiguration
    let catalog: ErrorCatalog
    let apiVersion: APIVersion

    private(set) var violations: [Violation] = []
    private(set) var variants: [Violation] = []

    /// The catalog's message templates by row (`Contract.messageTemplates`), so a finding needs no catalog search.
    let messageTemplates: [ErrorRow.ID: String]

    init(
        rules: RuleSet, configuration: ContractConfiguration, catalog: ErrorCatalog, apiVersion: APIVersion,
        messageTemplates: [ErrorRow.ID: String] = [:]
    ) {
        self.messageTemplates = messageTemplates
        self.rules = rules
        self.configuration = configuration
        self.catalog = catalog
        self.apiVersion = apiVersion
    }

    static let discriminator = "@odata.type"

    /// Validates `root` as the body of `operation`.
    mutating func validate(_ root: JSONValue, operation: Operation) -> ValidationReport {
        let bodies = rules.bodies(for: operation)
        var chosen: BodyRule?
        guard !bodies.isEmpty else {
            report(.invalidType, at: .root, field: "", detail: "\(operation.rawValue) takes no request body (learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, Request body: \"Don't supply a request body for this method\")",
                   ruleID: "\(operation.rawValue).body", source: Source("GET-v1", "Request body"), row: .malformedBody)
            return finish(operation, body: nil)
        }
        guard case .object(let object) = root else {
            report(.invalidType, at: .root, field: "", detail: "the body must be a JSON object, got \(root.typeName)",
                   ruleID: "\(operation.rawValue).body", source: Source("CREATE-v1", "request body: a JSON object"), row: .malformedBody)
            return finish(operation, body: nil)
        }
        let index = MemberIndex(object)
        if bodies.count == 1 {
            chosen = bodies[0]
        } else {
            chosen = selectSubtype(index, bodies: bodies, operation: operation)
        }
        reportDuplicates(index, pointer: .root, prefix: "", ruleID: chosen?.id ?? operation.rawValue)
        if let chosen {
            checkObject(index, fields: chosen.fields, pointer: .root, prefix: "", body: chosen, topLevel: true)
        }
        return finish(operation, body: chosen)
    }

    func finish(_ operation: Operation, body: BodyRule?) -> ValidationReport {
        ValidationReport(
            operation: operation, apiVersion: apiVersion, bodyRule: body?.id, odataType: body?.odataType,
            violations: violations, variants: variants, catalog: catalog)
    }

    // MARK: - Subtype

    /// Picks the body rule by `@odata.type` (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body (@odata.type selects the type); learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row @odata.type; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, Request body (@odata.type states the type; status Required)). Without a usable one no field can be judged,
    /// so the report says only that.
    mutating func selectSubtype(_ object: MemberIndex, bodies: [BodyRule], operation: Operation) -> BodyRule? {
        let types = bodies.compactMap(\.odataType)
        let ruleID = "\(operation.rawValue).@odata.type"
        let source = Source("CREATE-v1", "\"@odata.type selects the type\"; RES-LA-v1 and RES-LSIC-v1 mark @odata.type Required")
        guard let value = object.value(Self.discriminator) else {
            report(.required, at: JSONPointer([Self.discriminator]), field: Self.discriminator,
                   detail: "@odata.type is required and selects the subtype: \(types.joined(separator: " or "))",
                   ruleID: ruleID + ".required", source: source, row: .fieldRequired)
            return nil
        }
        guard case .string(let text) = value else {
            report(.invalidType, at: JSONPointer([Self.discriminator]), field: Self.discriminator,
                   detail: "expected a string (\(types.joined(separator: " or "))), got \(value.typeName)",
                   ruleID: ruleID + ".type", source: source, row: .fieldInvalid)
            return nil
        }
        if let body = bodies.first(where: { $0.odataType.map { ExactKey.same($0, text) } ?? false }) { return body }
        var hint = ""
        if let match = types.first(where: { $0.dropFirst() == text || $0.lowercased() == text.lowercased() }) {
            hint = "; did you mean \"\(match)\"? (the leading # and the casing matter)"
        } else if text.hasSuffix("learningSelfInitiated") {
            hint = "; the type is learningSelfInitiatedCourse (the docs' prose says \"learningSelfInitiated\", learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 prose says learningSelfInitiated; the type is learningSelfInitiatedCourse (graph.microsoft.com/v1.0/$metadata))"
        }
        report(.invalidValue, at: JSONPointer([Self.discriminator]), field: Self.discriminator,
               detail: "\"\(text)\" is not one of \(types.joined(separator: ", "))" + hint,
               ruleID: ruleID + ".value", source: source, row: .fieldInvalid)
        return nil
    }

    // MARK: - Objects

    /// Keys are compared byte for byte, as the reader and the fast path compare them: `"caf\u00e9"` and
    /// `"cafe\u0301"` are different names to JSON, though Swift's `==` calls the strings equal. One pass.
    private mutating func reportDuplicates(_ index: MemberIndex, pointer: JSONPointer, prefix: String, ruleID: String) {
        reportDuplicates(index.repeated, pointer: pointer, prefix: prefix, ruleID: ruleID)
    }

    /// `repeated`: names that appear more than once, in the order of their second appearance, with their counts.
    mutating func reportDuplicates(_ repeated: [(key: String, count: Int)], pointer: JSONPointer, prefix: String, ruleID: String) {
        for (key, count) in repeated {
            report(.duplicateKey, at: pointer.appending(key), field: dotted(prefix, key),
                   detail: "\"\(key)\" appears \(count) times; JSON parsers disagree on which value wins (RFC 8259 section 4)",
                   ruleID: ruleID + ".duplicateKey", source: .assumed("RFC 8259: names within an object SHOULD be unique"), row: .fieldInvalid)
        }
    }

    /// An OData instance annotation (`@odata.context`, `x@odata.type`): a name containing the scalar `@`, as the
    /// schema's `patternProperties {"@": true}` matches it. A scalar test, not a grapheme one: in `"a@\u0301"`
    /// the `@` and the combining mark form one grapheme, but the name still contains U+0040.
    static func isAnnotation(_ key: String) -> Bool { key.utf8.contains(UInt8(ascii: "@")) }

    private mutating func checkObject(
        _ index: MemberIndex, fields: [FieldRule], pointer: JSONPointer, prefix: String, body: BodyRule, topLevel: Bool
    ) {
        for rule in fields { checkField(rule, in: index, pointer: pointer, prefix: prefix, body: body) }
        for (position, member) in index.members.enumerated() where !Self.isKnown(member.key, fields: fields, topLevel: topLevel) {
            if Self.isAnnotation(member.key) { continue }
            guard rules.unknownProperties == .reject, index.first(member.key) == position else { continue }  // once per name
            reportUnknown(member.key, pointer: pointer, prefix: prefix, body: body, fields: fields, topLevel: topLevel)
        }
    }

    /// A member no rule names (not an annotation), under `unknownProperties=reject`, reported once per name.
    mutating func reportUnknown(_ key: String, pointer: JSONPointer, prefix: String, body: BodyRule, fields: [FieldRule], topLevel: Bool) {
        let field = dotted(prefix, key)
        var detail = "\"\(key)\" is not a property of this body"
        var source = Source.assumed("the docs never say; Graph rejects properties its types don't define (policy unknownProperties=reject)")
        if topLevel, let owner = body.otherSubtypeFields[key], body.otherSubtypeFields.keys.contains(where: { ExactKey.same($0, key) }) {
            let subtype = body.odataType.flatMap { $0.split(separator: ".").last.map(String.init) } ?? "this body"
            detail = "\"\(key)\" belongs to \(owner), not to \(subtype)"
            source = Source("CSDL-v1", "EntityType \(owner) defines \(key); \(subtype) does not")
        } else if case let lower = key.lowercased(), let close = fields.first(where: { $0.name.lowercased() == lower }) {
            detail += "; did you mean \"\(close.name)\"? (property names are case-sensitive)"
        }
        report(.unknownProperty, at: pointer.appending(key), field: field, detail: detail,
               ruleID: "\(body.id).\(field).unknown", source: source, row: .fieldInvalid)
    }

    private static func isKnown(_ key: String, fields: [FieldRule], topLevel: Bool) -> Bool {
        if topLevel && ExactKey.same(key, discriminator) { return true }
        return fields.contains { ExactKey.same($0.name, key) || $0.aliases.contains { ExactKey.same($0.name, key) } }
    }

    mutating func checkField(_ rule: FieldRule, in object: MemberIndex, pointer: JSONPointer, prefix: String, body: BodyRule) {
        var key = rule.name
        var value = object.value(rule.name)
        // Names, ids and pointers are built only when something is found: this runs for every field of every payload.
        var location: FieldLocation { FieldLocation(parent: pointer, key: key, prefix: prefix, name: rule.name, bodyID: body.id) }
        var ruleID: String { location.ruleID }
        // Other spellings of the name (ambiguity externalCourseActivityIdSpelling).
        for alias in rule.aliases where object.first(alias.name) != nil {
            if value != nil {
                report(.duplicateKey, at: pointer.appending(alias.name), field: location.dotted,
                       detail: "both \"\(rule.name)\" and \"\(alias.name)\" are present; send one", ruleID: ruleID + ".alias",
                       source: rule.source, row: .fieldInvalid)
                return
            }
            key = alias.name
            value = object.value(alias.name)
            report(.invalidValue, at: pointer.appending(alias.name), field: location.dotted,
                   detail: "\"\(alias.name)\" is the metadata spelling; the docs' newest pages send \"\(rule.name)\"",
                   ruleID: ruleID + ".alias", source: rule.source, row: .fieldInvalid, ambiguity: alias.ambiguity)
        }
        guard let value else {
            switch rule.presence {
            case .required:
                report(.required, at: location.pointer, field: location.dotted, detail: "\(location.dotted) is required: \(rule.kind.summary)", ruleID: ruleID + ".required",
                       source: rule.source, row: .fieldRequired)
            case .disputedRequired(let ambiguity):
                report(.required, at: location.pointer, field: location.dotted, detail: "\(location.dotted) is required by the docs' tables, though an example omits it",
                       ruleID: ruleID + ".required", source: rule.source, row: .fieldRequired, ambiguity: ambiguity)
            case .optional, .disputedPresent:
                break
            }
            return
        }
        if case .disputedPresent(let ambiguity) = rule.presence {
            let explanation = ambiguity == .nonUpdatableFieldsInUpdate
                ? "\(location.dotted) is not an updatable property (the update example sends it anyway)"
                : ambiguity == .serverGeneratedFieldsInCreate
                    ? "\(location.dotted) is set by the service, not by the request body"
                    : "\(location.dotted) is not a property of this subtype in the metadata"
            let isStrict = configuration.strictness(for: ambiguity) == .strict
            // The message names the reason after the documented "Input field {fieldName} is invalid": the value may be
            // valid, it is the property that may not be sent.
            let reason = ambiguity == .nonUpdatableFieldsInUpdate ? "it is not an updatable property"
                : ambiguity == .serverGeneratedFieldsInCreate ? "it is set by the service" : nil
            report(ambiguity == .nonUpdatableFieldsInUpdate ? .notUpdatable : .unknownProperty, at: location.pointer, field: location.dotted,
                   detail: explanation, ruleID: ruleID + ".presence", source: rule.source, row: .fieldInvalid, ambiguity: ambiguity,
                   reason: reason)
            if isStrict { return }
        }
        if case .null = value {
            if rule.nullable { return }
            if rule.presence == .required {
                report(.required, at: location.pointer, field: location.dotted, detail: "\(location.dotted) is required and can't be null", ruleID: ruleID + ".required",
                       source: rule.source, row: .fieldRequired)
            } else {
                report(.invalidType, at: location.pointer, field: location.dotted, detail: "\(location.dotted) can't be null: \(rule.kind.summary)", ruleID: ruleID + ".nullable",
                       source: rule.source, row: .fieldInvalid)
            }
            return
        }
        if let failure = check(value, against: rule.kind, rule: rule, location: location, body: body) {
            // A documented alternate shape (ambiguity dueDateTimeShape; ambiguity notesShape) turns a type failure into a variant.
            if let alternate = rule.alternateKinds.first(where: { check(value, against: $0.kind, rule: rule, location: location, body: body, dryRun: true) == nil }) {
                report(.invalidType, at: location.pointer, field: location.dotted,
                       detail: "\(location.dotted) sent as \(alternate.kind.summary); the metadata and every example use \(rule.kind.summary)",
                       ruleID: ruleID + ".type", source: rule.source, row: .fieldInvalid, ambiguity: alternate.ambiguity)
                return
            }
            report(failure.kind, at: failure.pointer, field: failure.field, detail: failure.detail, ruleID: failure.ruleID,
                   source: failure.source, row: failure.row, slots: failure.slots)
        }
    }

    /// Where a field is, with its names built only on demand (most fields never need them).
    private struct FieldLocation {
        var parent: JSONPointer
        var key: String
        var prefix: String
        var name: String
        var bodyID: String

        var pointer: JSONPointer { parent.appending(key) }
        var dotted: String { prefix.isEmpty ? name : prefix + "." + name }
        var ruleID: String { bodyID + "." + dotted }
    }

    private struct Failure {
        var kind: Violation.Kind
        var pointer: JSONPointer
        var field: String
        var detail: String
        var ruleID: String
        var source: Source
        var row: ErrorRow.ID
        var slots: [String: String] = [:]
    }

    /// Checks a non-null value against a kind. Returns the first failure (for scalars), or nil. For objects it
    /// reports nested findings itself and returns a failure only when the value isn't an object at all.
    private mutating func check(
        _ value: JSONValue, against kind: FieldKind, rule: FieldRule, location: FieldLocation, body: BodyRule, dryRun: Bool = false
    ) -> Failure? {
        var at: JSONPointer { location.pointer }
        var field: String { location.dotted }
        var ruleID: String { location.ruleID }
        func typeFailure() -> Failure {
            Failure(kind: .invalidType, pointer: at, field: field, detail: "expected \(kind.summary), got \(describe(value))",
                    ruleID: ruleID + ".type", source: rule.source, row: .fieldInvalid)
        }
        switch kind {
        case .string:
            guard case .string(let text) = value else { return typeFailure() }
            return checkString(text, rule: rule, location: location)
        case .boolean:
            guard case .bool = value else { return typeFailure() }
            return nil
        case .integer(let range):
            guard case .number(let number) = value else { return typeFailure() }
            guard let integer = number.integerValue else {
                let whole = number.doubleValue.rounded() == number.doubleValue
                return Failure(
                    kind: whole ? .outOfRange : .invalidType, pointer: at, field: field,
                    detail: whole ? "\(number.lexeme) is outside \(range.lowerBound)...\(range.upperBound)" : "expected \(kind.summary), got \(number.lexeme), which is not a whole number",
                    ruleID: ruleID + (whole ? ".range" : ".type"), source: rule.source, row: .fieldInvalid)
            }
            guard range.contains(integer) else {
                return Failure(kind: .outOfRange, pointer: at, field: field, detail: "expected \(kind.summary), got \(number.lexeme)",
                               ruleID: ruleID + ".range", source: rule.source, row: .fieldInvalid)
            }
            return nil
        case .enumeration(let name, let allowed):
            guard case .string(let text) = value else { return typeFailure() }
            if allowed.contains(where: { ExactKey.same($0, text) }) { return nil }
            if let variant = rule.variantValues.first(where: { ExactKey.same($0.value, text) }) {
                if variant.validIn.contains(apiVersion) { return nil }
                if dryRun { return typeFailure() }
                report(.invalidValue, at: at, field: field,
                       detail: "\"\(text)\" is listed for \(name) by some pages only; \(kind.summary)",
                       ruleID: ruleID + ".enum", source: rule.source, row: .fieldInvalid, ambiguity: variant.ambiguity)
                return nil
            }
            var detail = "\"\(text)\" is not \(kind.summary)"
            if case let lower = text.lowercased(), let close = allowed.first(where: { $0.lowercased() == lower }) {
                detail += "; did you mean \"\(close)\"? (enum values are case-sensitive)"
            }
            return Failure(kind: .invalidValue, pointer: at, field: field, detail: detail, ruleID: ruleID + ".enum",
                           source: rule.source, row: .fieldInvalid)
        case .dateTimeOffset, .localDateTime, .duration:
            guard case .string(let text) = value else { return typeFailure() }
            let ok = switch kind {
            case .dateTimeOffset: DateTimeFormat.isDateTimeOffset(text)
            case .localDateTime: DateTimeFormat.isLocalDateTime(text)
            default: DateTimeFormat.isDuration(text)
            }
            if ok { return nil }
            if text.isEmpty && rule.nonEmpty {
                return Failure(kind: .empty, pointer: at, field: field, detail: "\(field) is empty", ruleID: ruleID + ".nonEmpty",
                               source: rule.source, row: .fieldEmpty, slots: [:])
            }
            return Failure(kind: .invalidFormat, pointer: at, field: field, detail: "\"\(text)\" is not \(kind.summary)",
                           ruleID: ruleID + ".format", source: rule.source, row: .fieldInvalid)
        case .stringArray:
            guard case .array(let items) = value else { return typeFailure() }
            for (index, item) in items.enumerated() where item.stringValue == nil {
                return Failure(kind: .invalidType, pointer: at.appending(index), field: field,
                               detail: "item \(index) must be a string, got \(describe(item))", ruleID: ruleID + ".items",
                               source: rule.source, row: .fieldInvalid)
            }
            return nil
        case .object(_, let fields):
            guard case .object(let nested) = value else { return typeFailure() }
            if dryRun { return nil }
            let index = MemberIndex(nested)
            reportDuplicates(index, pointer: at, prefix: field, ruleID: ruleID)
            checkObject(index, fields: fields, pointer: at, prefix: field, body: body, topLevel: false)
            return nil
        }
    }

    private func checkString(_ text: String, rule: FieldRule, location: FieldLocation) -> Failure? {
        var at: JSONPointer { location.pointer }
        var field: String { location.dotted }
        var ruleID: String { location.ruleID }
        if rule.nonEmpty && text.isEmpty {
            return Failure(kind: .empty, pointer: at, field: field, detail: "\(field) shouldn't be empty", ruleID: ruleID + ".nonEmpty",
                           source: rule.source, row: .fieldEmpty)
        }
        // A string of at most `limit` UTF-8 bytes has at most `limit` scalars: count them only beyond that.
        if let limit = rule.maxLength, text.utf8.count > limit.value {
            let length = text.unicodeScalars.count
            if length > limit.value {
                return Failure(kind: .tooLong, pointer: at, field: field,
                               detail: "\(field) is \(length) characters (Unicode scalars); the limit is \(limit.value) (\(limit.source))",
                               ruleID: ruleID + ".maxLength", source: limit.source, row: .fieldTooLong,
                               slots: ["expectedLength": String(limit.value)])
            }
        }
        return nil
    }

    // MARK: - Reporting

    private mutating func report(
        _ kind: Violation.Kind, at pointer: JSONPointer, field: String, detail: String, ruleID: String, source: Source,
        row: ErrorRow.ID, slots: [String: String] = [:], ambiguity: Ambiguity.ID? = nil, reason: String? = nil
    ) {
        let message = Self.render(messageTemplates[row] ?? catalog[row].messageTemplate, field: field, slots: slots)
        let violation = Violation(
            pointer: pointer, field: field, kind: kind, detail: detail, ruleID: ruleID, source: source, errorRow: row,
            message: reason.map { message + ": " + $0 } ?? message, ambiguity: ambiguity)
        if let ambiguity, configuration.strictness(for: ambiguity) == .lenient {
            variants.append(violation)
        } else {
            violations.append(violation)
        }
    }

    /// `ErrorRow.render` for one violation (`{fieldName}` and the given slots), in one pass over the template
    /// without Foundation: this runs for every finding of every invalid payload.
    static func render(_ template: String, field: String, slots: [String: String]) -> String {
        let utf8 = template.utf8
        guard utf8.contains(UInt8(ascii: "{")) else { return template }
        var result = ""
        result.reserveCapacity(utf8.count + field.utf8.count)
        var rest = utf8[...]
        while let open = rest.firstIndex(of: UInt8(ascii: "{")) {
            result += Substring(rest[..<open])
            let afterOpen = utf8.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: UInt8(ascii: "}")) else {
                rest = rest[open...]
                break
            }
            let name = Substring(rest[afterOpen..<close])
            if name == "fieldName" {
                result += field
            } else if let value = slots[String(name)] {
                result += value
            } else {
                result += Substring(rest[open...close])
            }
            rest = rest[utf8.index(after: close)...]
        }
        result += Substring(rest)
        return result
    }

    private func dotted(_ prefix: String, _ name: String) -> String { prefix.isEmpty ? name : prefix + "." + name }

    private func describe(_ value: JSONValue) -> String {
        switch value {
        case .string(let s): "the string \"\(s.count > 40 ? String(s.prefix(40)) + "…" : s)\""
        case .number(let n): "the number \(n.lexeme)"
        case .bool(let b): "the boolean \(b)"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
