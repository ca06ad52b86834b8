/// Turns body rules into JSON Schema (draft 2020-12), as pure functions from values to `JSONValue`.
///
/// The schemas say as much of the validator's verdict as JSON Schema can: required members, JSON types,
/// nullability (type arrays), enum values, integer ranges, `minLength: 1` for non-empty strings,
/// `maxLength` (JSON Schema counts code points, as the contract counts Unicode scalars), the date, time and
/// duration patterns of `DateTimeFormat`, and `additionalProperties: false` under the reject policy. What
/// it can't say is listed in `Schemas/README.md`. Every property carries its rule's source in `x-source`.
///
/// The verdict follows one configuration: under `lenient` (the default) a documented variant reading is
/// *accepted* (the validator reports it without failing), so the schema accepts it too; under `strict` it
/// doesn't. No `$ref` is used, so a body schema can be embedded anywhere (OpenAPI components, `$defs`).
public enum JSONSchemaExporter {
    public static let dialect = "https://json-schema.org/draft/2020-12/schema"
    static let discriminator = "@odata.type"

    /// The options a schema is generated under.
    public struct Options: Sendable, Hashable {
        public var configuration: ContractConfiguration
        public var apiVersion: APIVersion
        /// Whether the schema is a standalone document (with `$schema` and `title`) or embedded.
        public var standalone: Bool

        public init(configuration: ContractConfiguration = .default, apiVersion: APIVersion = .v1, standalone: Bool = true) {
            self.configuration = configuration
            self.apiVersion = apiVersion
            self.standalone = standalone
        }
    }

    /// The schema of one body rule. With `requireDiscriminator`, a body that has an `@odata.type` must send it
    /// (the validator requires it wherever an operation has several subtypes, learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body (@odata.type selects the type); learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row @odata.type; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, Request body (@odata.type states the type; status Required)).
    public static func schema(
        for body: BodyRule, rules: RuleSet, options: Options = Options(), requireDiscriminator: Bool = true
    ) -> JSONValue {
        var object = JSONObject()
        if options.standalone {
            object["$schema"] = .string(dialect)
            object["title"] = .string(title(for: body))
        }
        object["description"] = .string(description(for: body))
        object["x-source"] = .string(body.source.description)
        object["x-body-rule"] = .string(body.id)
        object["type"] = "object"
        var properties = JSONObject()
        var required: [String] = []
        if let odataType = body.odataType {
            properties[discriminator] = [
                "const": .string(odataType),
                "description": "Selects the subtype (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body (@odata.type selects the type); learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row @odata.type; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, Request body (@odata.type states the type; status Required)).",
                "x-source": "CREATE-v1, \"@odata.type selects the type\"; RES-LA-v1 and RES-LSIC-v1 mark @odata.type Required (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0; learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body (@odata.type selects the type); learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row @odata.type; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, Request body (@odata.type states the type; status Required))",
            ]
            if requireDiscriminator { required.append(discriminator) }
        }
        var constraints: [JSONValue] = []
        addFields(body.fields, rules: rules, options: options, properties: &properties, required: &required, constraints: &constraints)
        object["properties"] = .object(properties)
        if !required.isEmpty { object["required"] = .array(required.map(JSONValue.string)) }
        applyUnknownPolicy(rules.unknownProperties, to: &object)
        if !constraints.isEmpty { object["allOf"] = .array(constraints) }
        return .object(object)
    }

    /// One schema for every body of `operation`. With several subtypes (course activities) it dispatches on
    /// `@odata.type` with `if`/`then`, each `then` being the subtype's whole schema; a missing or unknown
    /// `@odata.type` fails the `required`/`enum` check, as in the validator.
    public static func combinedSchema(for operation: Operation, rules: RuleSet, options: Options = Options()) -> JSONValue {
        let bodies = rules.bodies(for: operation)
        let embedded = Options(configuration: options.configuration, apiVersion: options.apiVersion, standalone: false)
        if bodies.count == 1, let body = bodies.first {
            return schema(for: body, rules: rules, options: options)
        }
        var object = JSONObject()
        if options.standalone {
            object["$schema"] = .string(dialect)
            object["title"] = .string("\(operation.rawValue) request body (every subtype)")
        }
        object["description"] = .string(
            "The \(operation.rawValue) body: @odata.type selects the subtype, whose rules apply (\(bodies.map(\.id).joined(separator: ", "))).")
        object["x-source"] = "CREATE-v1 and UPDATE-v1: \"@odata.type selects the type\" (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0; learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body (@odata.type selects the type); learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row @odata.type; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, Request body (@odata.type states the type; status Required))"
        object["type"] = "object"
        object["required"] = [.string(discriminator)]
        object["properties"] = [
            discriminator: [
                "type": "string",
                "enum": .array(bodies.compactMap(\.odataType).map(JSONValue.string)),
                "description": "Selects the subtype (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body (@odata.type selects the type); learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row @odata.type; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, Request body (@odata.type states the type; status Required)).",
            ],
        ]
        object["allOf"] = .array(bodies.compactMap { body in
            guard let odataType = body.odataType else { return nil }
            return [
                "if": ["properties": [discriminator: ["const": .string(odataType)]], "required": [.string(discriminator)]],
                "then": schema(for: body, rules: rules, options: embedded),
            ]
        })
        return .object(object)
    }

    // MARK: - Fields

    /// Adds each field (and its aliases) to `properties`; required ones to `required`; cross-member
    /// constraints (an alias together with its name, a required field sent under its alias) to `constraints`.
    static func addFields(
        _ fields: [FieldRule], rules: RuleSet, options: Options,
        properties: inout JSONObject, required: inout [String], constraints: inout [JSONValue]
    ) {
        let configuration = options.configuration
        for rule in fields {
            let fieldSchema = schema(for: rule, rules: rules, options: options)
            properties[rule.name] = fieldSchema
            let acceptedAliases = rule.aliases.filter { configuration.strictness(for: $0.ambiguity) == .lenient }
            for alias in rule.aliases {
                if acceptedAliases.contains(alias) {
                    var aliasSchema = fieldSchema.objectValue ?? JSONObject()
                    aliasSchema["description"] = .string("Other spelling of \(rule.name) (ambiguity \(alias.ambiguity.rawValue)); accepted and reported as a variant.")
                    aliasSchema["x-alias-of"] = .string(rule.name)
                    properties[alias.name] = .object(aliasSchema)
                    // Sending both spellings is a violation (the validator: "send one").
                    constraints.append(["not": ["required": [.string(rule.name), .string(alias.name)]]])
                } else {
                    properties[alias.name] = rejected("Other spelling of \(rule.name) (ambiguity \(alias.ambiguity.rawValue)); a violation under strict.")
                }
            }
            if isRequired(rule, configuration: configuration) {
                if acceptedAliases.isEmpty {
                    required.append(rule.name)
                } else {
                    let spellings = [rule.name] + acceptedAliases.map(\.name)
                    constraints.append(["anyOf": .array(spellings.map { ["required": [.string($0)]] })])
                }
            }
        }
    }

    /// Whether an absent field fails under `configuration`.
    static func isRequired(_ rule: FieldRule, configuration: ContractConfiguration) -> Bool {
        switch rule.presence {
        case .required: true
        case .disputedRequired(let ambiguity): configuration.strictness(for: ambiguity) == .strict
        case .optional, .disputedPresent: false
        }
    }

    /// The schema of one field's value: its kind (and accepted alternate kinds), null when nullable.
    public static func schema(for rule: FieldRule, rules: RuleSet, options: Options = Options(standalone: false)) -> JSONValue {
        let configuration = options.configuration
        if case .disputedPresent(let ambiguity) = rule.presence, configuration.strictness(for: ambiguity) == .strict {
            var object = rejected("\(rule.name) should not be sent (ambiguity \(ambiguity.rawValue)); a violation under strict.")
                .objectValue ?? JSONObject()
            object["x-source"] = .string(rule.source.description)
            return .object(object)
        }
        var object = kindSchema(rule.kind, rule: rule, rules: rules, options: options, nullable: rule.nullable)
        let alternates = rule.alternateKinds.filter { configuration.strictness(for: $0.ambiguity) == .lenient }
        if !alternates.isEmpty {
            let main = object
            object = JSONObject()
            object["anyOf"] = .array([.object(main)] + alternates.map {
                var alternate = kindSchema($0.kind, rule: rule, rules: rules, options: options, nullable: false)
                alternate["description"] = .string("Accepted and reported as a variant (ambiguity \($0.ambiguity.rawValue)).")
                return .object(alternate)
            })
        }
        var described = JSONObject()
        described["description"] = .string(fieldDescription(rule))
        described["x-source"] = .string(rule.source.description)
        let ambiguities = ambiguityIDs(of: rule)
        if !ambiguities.isEmpty { described["x-ambiguities"] = .array(ambiguities.map(JSONValue.string)) }
        return .object(JSONObject(described.members + object.members))
    }

    /// The schema of a value of `kind` (no description), with `null` added to the type when `nullable`.
    static func kindSchema(_ kind: FieldKind, rule: FieldRule, rules: RuleSet, options: Options, nullable: Bool) -> JSONObject {
        func type(_ name: String) -> JSONValue { nullable ? [.string(name), "null"] : .string(name) }
        var object = JSONObject()
        switch kind {
        case .string:
            object["type"] = type("string")
            addStringLimits(rule, to: &object)
        case .boolean:
            object["type"] = type("boolean")
        case .integer(let range):
            object["type"] = type("integer")
            object["minimum"] = .number(JSONNumber(lexeme: String(range.lowerBound)))
            object["maximum"] = .number(JSONNumber(lexeme: String(range.upperBound)))
        case .enumeration(let name, _):
            object["type"] = type("string")
            let values = acceptedValues(rule, options: options)
            object["enum"] = .array(values.map(JSONValue.string) + (nullable ? [.null] : []))
            object["x-enum"] = .string(name)
        case .dateTimeOffset:
            object["type"] = type("string")
            object["pattern"] = .string(DateTimeFormat.offsetPattern)
        case .localDateTime:
            object["type"] = type("string")
            object["pattern"] = .string(DateTimeFormat.localPattern)
        case .duration:
            object["type"] = type("string")
            object["pattern"] = .string(DateTimeFormat.durationPattern)
        case .stringArray:
            object["type"] = type("array")
            object["items"] = ["type": "string"]
        case .object(let typeName, let fields):
            object["type"] = type("object")
            object["x-type"] = .string(typeName)
            var properties = JSONObject()
            var required: [String] = []
            var constraints: [JSONValue] = []
            addFields(fields, rules: rules, options: options, properties: &properties, required: &required, constraints: &constraints)
            object["properties"] = .object(properties)
            if !required.isEmpty { object["required"] = .array(required.map(JSONValue.string)) }
            applyUnknownPolicy(rules.unknownProperties, to: &object)
            if !constraints.isEmpty { object["allOf"] = .array(constraints) }
        }
        return object
    }

    /// Enum values that don't fail: the allowed ones, plus variants accepted under the configuration
    /// (lenient) or valid in the API version (beta's `notStarted` for self-initiated courses).
    public static func acceptedValues(_ rule: FieldRule, options: Options = Options()) -> [String] {
        guard case .enumeration(_, let allowed) = rule.kind else { return [] }
        var values = allowed
        for variant in rule.variantValues where !values.contains(variant.value) {
            if options.configuration.strictness(for: variant.ambiguity) == .lenient || variant.validIn.contains(options.apiVersion) {
                values.append(variant.value)
            }
        }
        return values
    }

    static func addStringLimits(_ rule: FieldRule, to object: inout JSONObject) {
        if rule.nonEmpty { object["minLength"] = 1 }
        if let limit = rule.maxLength {
            object["maxLength"] = .number(JSONNumber(limit.value))
            object["x-maxLength-source"] = .string(limit.source.description)
        }
    }

    /// Members with `@` in their name are OData instance annotations, which the validator never rejects.
    static func applyUnknownPolicy(_ policy: UnknownPropertyPolicy, to object: inout JSONObject) {
        object["patternProperties"] = ["@": true]
        switch policy {
        case .reject:
            object["additionalProperties"] = false
            object["x-unknown-properties"] = "reject (assumed: Graph rejects properties its types don't define)"
        case .ignore:
            object["x-unknown-properties"] = "ignore"
        }
    }

    static func rejected(_ description: String) -> JSONValue {
        ["description": .string(description), "not": [:]]
    }

    static func ambiguityIDs(of rule: FieldRule) -> [String] {
        var ids: [String] = []
        switch rule.presence {
        case .disputedRequired(let id), .disputedPresent(let id): ids.append(id.rawValue)
        case .required, .optional: break
        }
        ids += rule.aliases.map(\.ambiguity.rawValue)
        ids += rule.alternateKinds.map(\.ambiguity.rawValue)
        ids += rule.variantValues.map(\.ambiguity.rawValue)
        var seen: Set<String> = []
        return ids.filter { seen.insert($0).inserted }
    }

    static func fieldDescription(_ rule: FieldRule) -> String {
        var text = rule.kind.summary.prefix(1).uppercased() + rule.kind.summary.dropFirst()
        switch rule.presence {
        case .required: text += "; required"
        case .optional: text += "; optional"
        case .disputedRequired(let id): text += "; required by the docs' tables, omitted by an example (ambiguity \(id.rawValue))"
        case .disputedPresent(let id): text += "; should not be sent (ambiguity \(id.rawValue))"
        }
        text += rule.nullable ? ", nullable" : ", not nullable"
        if rule.nonEmpty { text += ", not empty" }
        if let limit = rule.maxLength { text += ", at most \(limit.value) Unicode scalars" }
        return text + "."
    }

    static func title(for body: BodyRule) -> String {
        "\(body.operation.rawValue) request body" + (body.odataType.map { " (\($0))" } ?? "")
    }

    static func description(for body: BodyRule) -> String {
        "Request body of \(body.operation.rawValue)" + (body.odataType.map { " for \($0)" } ?? "")
            + ", generated from the contract's rule values (body rule \(body.id))."
    }
}
