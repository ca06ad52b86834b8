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

    /// The findings' fixed texts for these rules and this catalog (`Contract.reportTexts`).
    let texts: ReportTexts

    init(
        rules: RuleSet, configuration: ContractConfiguration, catalog: ErrorCatalog, apiVersion: APIVersion,
        texts: ReportTexts? = nil
    ) {
        self.texts = texts ?? ReportTexts(rules: rules, catalog: catalog)
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
            let bodyTexts = texts.body(chosen) ?? ReportTexts.Body(chosen, catalog: catalog)
            checkObject(
                index, fields: chosen.fields, texts: bodyTexts.fields, lowercasedNames: bodyTexts.lowercasedNames, pointer: .root,
                prefix: "", body: chosen, subtype: bodyTexts.subtype, topLevel: true, bodyTexts: bodyTexts)
        }
        return finish(operation, body: chosen)
    }

    /// The report of what was found. `mutating` only so that a caller holding the validator in a closure's capture
    /// doesn't copy the whole validator to call it (it changes nothing).
    mutating func finish(_ operation: Operation, body: BodyRule?) -> ValidationReport {
        ValidationReport(
            operation: operation, apiVersion: apiVersion, bodyRule: body?.id, odataType: body?.odataType,
            violations: violations, variants: variants, catalog: catalog)
    }

    // MARK: - Subtype

    /// Picks the body rule by `@odata.type` (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body (@odata.type selects the type); learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row @odata.type; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, Request body (@odata.type states the type; status Required)). Without a usable one no field can be judged,
    /// so the report says only that.
    mutating func selectSubtype(_ object: MemberIndex, bodies: [BodyRule], operation: Operation) -> BodyRule? {
        let subtype = texts.subtype(operation, bodies: bodies, catalog: catalog)
        let types = subtype.types
        let ruleID = subtype.ruleID
        let source = Source("CREATE-v1", "\"@odata.type selects the type\"; RES-LA-v1 and RES-LSIC-v1 mark @odata.type Required")
        guard let value = object.value(Self.discriminator) else {
            report(.required, at: subtype.pointer, field: Self.discriminator,
                   detail: "@odata.type is required and selects the subtype: " + subtype.typesJoinedByOr,
                   ruleID: ruleID + ".required", source: source, row: .fieldRequired, message: subtype.requiredMessage)
            return nil
        }
        guard case .string(let text) = value else {
            report(.invalidType, at: subtype.pointer, field: Self.discriminator,
                   detail: "expected a string (\(subtype.typesJoinedByOr)), got \(value.typeName)",
                   ruleID: ruleID + ".type", source: source, row: .fieldInvalid, message: subtype.invalidMessage)
            return nil
        }
        if let body = bodies.first(where: { $0.odataType.map { ExactKey.same($0, text) } ?? false }) { return body }
        var hint = ""
        let lowercasedText = text.lowercased()
        if let match = types.indices.first(where: { types[$0].dropFirst() == text || subtype.lowercasedTypes[$0] == lowercasedText })
            .map({ types[$0] }) {
            hint = "; did you mean \"\(match)\"? (the leading # and the casing matter)"
        } else if text.hasSuffix("learningSelfInitiated") {
            hint = "; the type is learningSelfInitiatedCourse (the docs' prose says \"learningSelfInitiated\", learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 prose says learningSelfInitiated; the type is learningSelfInitiatedCourse (graph.microsoft.com/v1.0/$metadata))"
        }
        report(.invalidValue, at: subtype.pointer, field: Self.discriminator,
               detail: "\"\(text)\" is not one of \(subtype.typesJoinedByComma)" + hint,
               ruleID: ruleID + ".value", source: source, row: .fieldInvalid, message: subtype.invalidMessage)
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

    /// `texts` and `lowercasedNames`: the fields' texts and lowercased names (`ReportTexts`), in the order of `fields`.
    private mutating func checkObject(
        _ index: MemberIndex, fields: [FieldRule], texts: [ReportTexts.Field], lowercasedNames: [String], pointer: JSONPointer,
        prefix: String, body: BodyRule, subtype: String, topLevel: Bool, bodyTexts: ReportTexts.Body? = nil
    ) {
        for position in fields.indices {
            let rule = fields[position]
            checkField(
                rule, texts: texts[position], value: index.value(rule.name), alias: { index.value(rule.aliases[$0].name) }, body: body,
                subtype: subtype)
        }
        for (position, member) in index.members.enumerated() where !Self.isKnown(member.key, fields: fields, topLevel: topLevel) {
            if Self.isAnnotation(member.key) { continue }
            guard rules.unknownProperties == .reject, index.first(member.key) == position else { continue }  // once per name
            reportUnknown(
                member.key, pointer: pointer, prefix: prefix, body: body, subtype: subtype, fields: fields,
                lowercasedNames: lowercasedNames, topLevel: topLevel, bodyTexts: bodyTexts)
        }
    }

    /// A member no rule names (not an annotation), under `unknownProperties=reject`, reported once per name.
    /// `subtype`: the body's subtype as a finding names it; `lowercasedNames`: the names of `fields`, lowercased.
    mutating func reportUnknown(
        _ key: String, pointer: JSONPointer, prefix: String, body: BodyRule, subtype: String, fields: [FieldRule],
        lowercasedNames: [String], topLevel: Bool, bodyTexts: ReportTexts.Body? = nil
    ) {
        // Another subtype's property at the top level: every text of its finding is fixed (`ReportTexts.Body`).
        if topLevel, pointer.tokens.isEmpty, let found = bodyTexts?.otherSubtypeFindings[key], ExactKey.same(found.key, key) {
            report(.unknownProperty, at: found.pointer, field: key, detail: found.detail, ruleID: found.ruleID, source: found.source,
                   row: .fieldInvalid, message: found.message)
            return
        }
        let field = dotted(prefix, key)
        var detail = "\"\(key)\" is not a property of this body"
        var source = Source.assumed("the docs never say; Graph rejects properties its types don't define (policy unknownProperties=reject)")
        if topLevel, let owner = body.otherSubtypeFields[key], body.otherSubtypeFields.keys.contains(where: { ExactKey.same($0, key) }) {
            detail = "\"\(key)\" belongs to \(owner), not to \(subtype)"
            source = Source("CSDL-v1", "EntityType \(owner) defines \(key); \(subtype) does not")
        } else if case let lower = key.lowercased(), let close = lowercasedNames.firstIndex(where: { $0 == lower }) {
            detail += "; did you mean \"\(fields[close].name)\"? (property names are case-sensitive)"
        }
        report(.unknownProperty, at: pointer.appending(key), field: field, detail: detail,
               ruleID: body.id + "." + field + ".unknown", source: source, row: .fieldInvalid)
    }

    private static func isKnown(_ key: String, fields: [FieldRule], topLevel: Bool) -> Bool {
        if topLevel && ExactKey.same(key, discriminator) { return true }
        return fields.contains { ExactKey.same($0.name, key) || $0.aliases.contains { ExactKey.same($0.name, key) } }
    }

    /// Checks one field against `rule`: `value` is the (first) member with the rule's name, `alias(i)` the one with
    /// the name of `rule.aliases[i]`, each nil when absent. `texts` are the field's texts (`ReportTexts.Field`),
    /// `subtype` the body's subtype as a finding names it.
    mutating func checkField(
        _ rule: FieldRule, texts: ReportTexts.Field, value: JSONValue?, alias aliasValue: (Int) -> JSONValue?, body: BodyRule,
        subtype: String
    ) {
        var location = FieldLocation(texts: texts)
        var value = value
        // Other spellings of the name (ambiguity externalCourseActivityIdSpelling).
        for (position, alias) in rule.aliases.enumerated() {
            guard let sent = aliasValue(position) else { continue }
            if value != nil {
                report(.duplicateKey, at: texts.parent.appending(alias.name), field: texts.dotted,
                       detail: "both \"\(rule.name)\" and \"\(alias.name)\" are present; send one", ruleID: texts.ruleID(.alias),
                       source: rule.source, row: .fieldInvalid, message: texts.message(.fieldInvalid, catalog: catalog))
                return
            }
            location.key = alias.name
            value = sent
            report(.invalidValue, at: texts.parent.appending(alias.name), field: texts.dotted,
                   detail: "\"\(alias.name)\" is the metadata spelling; the docs' newest pages send \"\(rule.name)\"",
                   ruleID: texts.ruleID(.alias), source: rule.source, row: .fieldInvalid,
                   message: texts.message(.fieldInvalid, catalog: catalog), ambiguity: alias.ambiguity)
        }
        guard let value else {
            switch rule.presence {
            case .required:
                report(.required, at: location.pointer, field: texts.dotted, detail: texts.requiredDetail, ruleID: texts.ruleID(.required),
                       source: rule.source, row: .fieldRequired, message: texts.message(.fieldRequired, catalog: catalog))
            case .disputedRequired(let ambiguity):
                report(.required, at: location.pointer, field: texts.dotted, detail: texts.disputedRequiredDetail,
                       ruleID: texts.ruleID(.required), source: rule.source, row: .fieldRequired,
                       message: texts.message(.fieldRequired, catalog: catalog), ambiguity: ambiguity)
            case .optional, .disputedPresent:
                break
            }
            return
        }
        if case .disputedPresent(let ambiguity) = rule.presence {
            let isStrict = configuration.strictness(for: ambiguity) == .strict
            report(ambiguity == .nonUpdatableFieldsInUpdate ? .notUpdatable : .unknownProperty, at: location.pointer, field: texts.dotted,
                   detail: texts.presenceDetail ?? "", ruleID: texts.ruleID(.presence), source: rule.source, row: .fieldInvalid,
                   message: texts.presenceMessage ?? texts.message(.fieldInvalid, catalog: catalog), ambiguity: ambiguity)
            if isStrict { return }
        }
        if case .null = value {
            if rule.nullable { return }
            if rule.presence == .required {
                report(.required, at: location.pointer, field: texts.dotted, detail: texts.nullRequiredDetail, ruleID: texts.ruleID(.required),
                       source: rule.source, row: .fieldRequired, message: texts.message(.fieldRequired, catalog: catalog))
            } else {
                report(.invalidType, at: location.pointer, field: texts.dotted, detail: texts.nullableDetail, ruleID: texts.ruleID(.nullable),
                       source: rule.source, row: .fieldInvalid, message: texts.message(.fieldInvalid, catalog: catalog))
            }
            return
        }
        if let failure = check(value, against: rule.kind, summary: texts.summary, rule: rule, location: location, body: body, subtype: subtype) {
            // A documented alternate shape (ambiguity dueDateTimeShape; ambiguity notesShape) turns a type failure into a variant.
            if let alternate = rule.alternateKinds.first(where: {
                check(value, against: $0.kind, summary: "", rule: rule, location: location, body: body, subtype: subtype, dryRun: true) == nil
            }) {
                report(.invalidType, at: location.pointer, field: texts.dotted,
                       detail: "\(texts.dotted) sent as \(alternate.kind.summary); the metadata and every example use \(texts.summary)",
                       ruleID: texts.ruleID(.type), source: rule.source, row: .fieldInvalid,
                       message: texts.message(.fieldInvalid, catalog: catalog), ambiguity: alternate.ambiguity)
                return
            }
            report(failure.kind, at: failure.pointer, field: texts.dotted, detail: failure.detail, ruleID: texts.ruleID(failure.check),
                   source: failure.source, row: failure.row, message: texts.message(failure.row, catalog: catalog))
        }
    }

    /// Where a field is: its texts, and the name it was sent under when that is another spelling (an alias).
    private struct FieldLocation {
        let texts: ReportTexts.Field
        var key: String?

        var pointer: JSONPointer { key.map { texts.parent.appending($0) } ?? texts.pointer }
    }

    /// A field's finding: the field, its rule id and its message follow from the field's texts and `check`, `row`.
    private struct Failure {
        var kind: Violation.Kind
        var pointer: JSONPointer
        var detail: String
        var check: ReportTexts.Field.Check
        var source: Source
        var row: ErrorRow.ID
    }

    /// Checks a non-null value against a kind (`summary`: its `FieldKind.summary`). Returns the first failure (for
    /// scalars), or nil. For objects it reports nested findings itself and returns a failure only when the value
    /// isn't an object at all. A `dryRun` only says whether the value fits: its failure's texts are not built.
    private mutating func check(
        _ value: JSONValue, against kind: FieldKind, summary: String, rule: FieldRule, location: FieldLocation, body: BodyRule,
        subtype: String, dryRun: Bool = false
    ) -> Failure? {
        let texts = location.texts
        var at: JSONPointer { location.pointer }
        var field: String { texts.dotted }
        func failure(_ kind: Violation.Kind, _ detail: @autoclosure () -> String, _ check: ReportTexts.Field.Check,
                     row: ErrorRow.ID = .fieldInvalid, at pointer: @autoclosure () -> JSONPointer? = nil) -> Failure {
            if dryRun { return Failure(kind: kind, pointer: .root, detail: "", check: check, source: rule.source, row: row) }
            return Failure(kind: kind, pointer: pointer() ?? at, detail: detail(), check: check, source: rule.source, row: row)
        }
        func typeFailure() -> Failure { failure(.invalidType, "expected \(summary), got \(describe(value))", .type) }
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
                return failure(
                    whole ? .outOfRange : .invalidType,
                    whole ? "\(number.lexeme) is outside \(range.lowerBound)...\(range.upperBound)" : "expected \(summary), got \(number.lexeme), which is not a whole number",
                    whole ? .range : .type)
            }
            guard range.contains(integer) else {
                return failure(.outOfRange, "expected \(summary), got \(number.lexeme)", .range)
            }
            return nil
        case .enumeration(let name, let allowed):
            guard case .string(let text) = value else { return typeFailure() }
            if allowed.contains(where: { ExactKey.same($0, text) }) { return nil }
            if let variant = rule.variantValues.first(where: { ExactKey.same($0.value, text) }) {
                if variant.validIn.contains(apiVersion) { return nil }
                if dryRun { return typeFailure() }
                report(.invalidValue, at: at, field: field,
                       detail: "\"\(text)\" is listed for \(name) by some pages only; \(summary)",
                       ruleID: texts.ruleID(.enumeration), source: rule.source, row: .fieldInvalid,
                       message: texts.message(.fieldInvalid, catalog: catalog), ambiguity: variant.ambiguity)
                return nil
            }
            return failure(.invalidValue, {
                var detail = "\"\(text)\" is not \(summary)"
                // The texts' lowercased values are the rule's own kind's; an alternate kind lowercases its own.
                let lowercased = texts.lowercasedValues.count == allowed.count ? texts.lowercasedValues : allowed.map { $0.lowercased() }
                if case let lower = text.lowercased(), let close = lowercased.firstIndex(where: { $0 == lower }) {
                    detail += "; did you mean \"\(allowed[close])\"? (enum values are case-sensitive)"
                }
                return detail
            }(), .enumeration)
        case .dateTimeOffset, .localDateTime, .duration:
            guard case .string(let text) = value else { return typeFailure() }
            let ok = switch kind {
            case .dateTimeOffset: DateTimeFormat.isDateTimeOffset(text)
            case .localDateTime: DateTimeFormat.isLocalDateTime(text)
            default: DateTimeFormat.isDuration(text)
            }
            if ok { return nil }
            if text.isEmpty && rule.nonEmpty {
                return failure(.empty, texts.emptyDateDetail, .nonEmpty, row: .fieldEmpty)
            }
            return failure(.invalidFormat, "\"\(text)\" is not \(summary)", .format)
        case .stringArray:
            guard case .array(let items) = value else { return typeFailure() }
            for (index, item) in items.enumerated() where item.stringValue == nil {
                return failure(.invalidType, "item \(index) must be a string, got \(describe(item))", .items, at: at.appending(index))
            }
            return nil
        case .object(_, let fields):
            guard case .object(let nested) = value else { return typeFailure() }
            if dryRun { return nil }
            let index = MemberIndex(nested)
            reportDuplicates(index, pointer: at, prefix: field, ruleID: texts.ruleID)
            // The nested texts hang under the field's own name; sent under another spelling, they are made for it.
            let nestedTexts = location.key == nil && texts.nested.count == fields.count
                ? texts.nested
                : fields.map { ReportTexts.Field($0, parent: at, prefix: field, bodyID: body.id, catalog: catalog) }
            let lowercased = texts.lowercasedNestedNames.count == fields.count ? texts.lowercasedNestedNames : fields.map { $0.name.lowercased() }
            checkObject(
                index, fields: fields, texts: nestedTexts, lowercasedNames: lowercased, pointer: at, prefix: field, body: body,
                subtype: subtype, topLevel: false)
            return nil
        }
    }

    private func checkString(_ text: String, rule: FieldRule, location: FieldLocation) -> Failure? {
        let texts = location.texts
        if rule.nonEmpty && text.isEmpty {
            return Failure(kind: .empty, pointer: location.pointer, detail: texts.emptyDetail, check: .nonEmpty, source: rule.source, row: .fieldEmpty)
        }
        // A string of at most `limit` UTF-8 bytes has at most `limit` scalars: count them only beyond that.
        if let limit = rule.maxLength, text.utf8.count > limit.value {
            let length = Self.scalarCount(text)
            if length > limit.value {
                return Failure(kind: .tooLong, pointer: location.pointer,
                               detail: texts.dotted + " is " + String(length) + texts.tooLongDetailTail,
                               check: .maxLength, source: limit.source, row: .fieldTooLong)
            }
        }
        return nil
    }

    /// The number of Unicode scalars of `text`: its UTF-8 bytes that start a scalar (a String is valid UTF-8).
    static func scalarCount(_ text: String) -> Int {
        var text = text
        return text.withUTF8 { bytes in
            var count = 0
            for byte in bytes where byte & 0xC0 != 0x80 { count &+= 1 }
            return count
        }
    }

    // MARK: - Reporting

    /// `message`: the finding's Graph message when the caller has it (a field's, from its texts); otherwise the
    /// row's template is rendered for `field`.
    private mutating func report(
        _ kind: Violation.Kind, at pointer: JSONPointer, field: String, detail: String, ruleID: String, source: Source,
        row: ErrorRow.ID, message: String? = nil, ambiguity: Ambiguity.ID? = nil
    ) {
        let message = message ?? texts.message(row, field: field, catalog: catalog)
        // Built where it is stored (a violation held in a local and then appended is copied, field by field).
        if let ambiguity, configuration.strictness(for: ambiguity) == .lenient {
            variants.append(Violation(
                pointer: pointer, field: field, kind: kind, detail: detail, ruleID: ruleID, source: source, errorRow: row,
                message: message, ambiguity: ambiguity))
        } else {
            violations.append(Violation(
                pointer: pointer, field: field, kind: kind, detail: detail, ruleID: ruleID, source: source, errorRow: row,
                message: message, ambiguity: ambiguity))
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
        case .string(let s):
            // More than 40 characters: the first 40 and "…" (`s.count` would walk the whole string).
            if s.utf8.count > 40, let cut = s.index(s.startIndex, offsetBy: 40, limitedBy: s.endIndex), cut != s.endIndex {
                "the string \"\(String(s[..<cut]) + "…")\""
            } else {
                "the string \"\(s)\""
            }
        case .number(let n): "the number \(n.lexeme)"
        case .bool(let b): "the boolean \(b)"
        case .null: "null"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
