import Foundation

/// Every file `learning-contract schema` writes into `Schemas/`, by name, with its exact content.
/// The CLI writes them; a test regenerates them in memory and compares them with the committed files.
///
/// Content is byte-stable: JSON is written with sorted keys, two-space indentation and a final newline.
public struct SchemaExport: Sendable {
    public struct File: Sendable, Hashable {
        public var name: String
        public var content: String
        /// What the file is, for `--help` and the README.
        public var summary: String
        public init(name: String, content: String, summary: String) {
            self.name = name
            self.content = content
            self.summary = summary
        }
    }

    public let contract: Contract

    public init(contract: Contract = Contract()) { self.contract = contract }

    /// File names of the per-body schemas, keyed by body rule id.
    public static let bodySchemaNames: [String: String] = [
        "createActivity.learningAssignment": "create-learningAssignment.schema.json",
        "createActivity.learningSelfInitiatedCourse": "create-learningSelfInitiatedCourse.schema.json",
        "updateActivity.learningAssignment": "update-learningAssignment.schema.json",
        "updateActivity.learningSelfInitiatedCourse": "update-learningSelfInitiatedCourse.schema.json",
        "createProvider": "createProvider.schema.json",
        "updateProvider": "updateProvider.schema.json",
        "upsertContent": "upsertContent.schema.json",
    ]

    /// File names of the schemas that dispatch on `@odata.type`, keyed by operation.
    public static let combinedSchemaNames: [Operation: String] = [
        .createActivity: "create-learningCourseActivity.schema.json",
        .updateActivity: "update-learningCourseActivity.schema.json",
    ]

    /// The schema file that judges a whole body of `operation` (the combined one where there are subtypes).
    public static func schemaName(for operation: Operation, rules: RuleSet = .standard()) -> String? {
        if let combined = combinedSchemaNames[operation] { return combined }
        return rules.bodies(for: operation).first.flatMap { bodySchemaNames[$0.id] }
    }

    /// Every generated file, sorted by name.
    public func files() -> [File] {
        let rules = contract.rules
        let options = JSONSchemaExporter.Options(configuration: contract.configuration)
        var files: [File] = [
            File(name: "openapi.json", content: Self.text(OpenAPIExporter.document(contract: contract)),
                 summary: "OpenAPI 3.1: every documented path, bodies, responses, error envelope, security"),
            File(name: "openapi-beta.json", content: Self.text(OpenAPIExporter.document(contract: contract, version: .beta)),
                 summary: "OpenAPI 3.1 of what /beta serves: openapi.json plus beta's older forms read leniently"),
            File(name: "error-catalog.json", content: Self.text(Self.encoded(contract.catalog)),
                 summary: "the error catalog: every row with status, code, message, sources, variants"),
            File(name: "ambiguities.json", content: Self.text(Self.encoded(contract.ambiguities)),
                 summary: "the documented contradictions and how strict/lenient treat them"),
            File(name: "contract.schema.json", content: Self.text(JSONSchemaExporter.configurationSchema(rules: rules, ambiguities: contract.ambiguities)),
                 summary: "JSON Schema of the contract file (--contract FILE)"),
            File(name: "schema-cases.json", content: Self.text(Self.cases(rules: rules, contract: contract)),
                 summary: "bodies with the validator's verdict, to compare external JSON Schema validators"),
        ]
        for body in rules.bodies {
            guard let name = Self.bodySchemaNames[body.id] else { continue }
            files.append(File(name: name, content: Self.text(JSONSchemaExporter.schema(for: body, rules: rules, options: options)),
                              summary: "JSON Schema 2020-12 of the \(body.id) body"))
        }
        for (operation, name) in Self.combinedSchemaNames.sorted(by: { $0.value < $1.value }) {
            files.append(File(name: name, content: Self.text(JSONSchemaExporter.combinedSchema(for: operation, rules: rules, options: options)),
                              summary: "JSON Schema 2020-12 of any \(operation.rawValue) body, dispatching on @odata.type"))
        }
        return files.sorted { $0.name < $1.name }
    }

    /// `schema-cases.json`: each case with its body, the schema files that judge it, and our verdict.
    static func cases(rules: RuleSet, contract: Contract = Contract()) -> JSONValue {
        let bodyNames = bodySchemaNames
        let items: [JSONValue] = SchemaCase.all().map { item in
            let report = contract.validate(item.body, operation: item.operation)
            var schemas: [JSONValue] = []
            if let combined = schemaName(for: item.operation, rules: rules) { schemas.append(.string(combined)) }
            if let type = item.body["@odata.type"]?.stringValue,
               let body = rules.bodies(for: item.operation).first(where: { $0.odataType == type }),
               combinedSchemaNames[item.operation] != nil, let name = bodyNames[body.id] {
                schemas.append(.string(name))
            }
            var object: JSONObject = [
                "id": .string(item.id),
                "operation": .string(item.operation.rawValue),
                "schemas": .array(schemas),
                "valid": .bool(report.isValid),
                "body": item.body,
            ]
            if let difference = item.knownDifference { object["knownDifference"] = .string(difference) }
            return .object(object)
        }
        return [
            "description": "Request bodies with the LearningContract validator's verdict (default configuration, v1.0). A JSON Schema validator should agree with 'valid' on every case without 'knownDifference'.",
            "cases": .array(items),
        ]
    }

    /// Pretty JSON with sorted keys and a final newline.
    public static func text(_ value: JSONValue) -> String { value.serialized(pretty: true, sortedKeys: true) + "\n" }

    /// A Codable value as `JSONValue` (through `JSONEncoder` and the strict reader).
    static func encoded(_ value: some Encodable) -> JSONValue {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(value), let document = try? JSONReader().read(Array(data)) else {
            return .null
        }
        return document.root
    }
}
