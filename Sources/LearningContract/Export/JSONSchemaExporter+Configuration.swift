extension JSONSchemaExporter {
    /// A JSON Schema of the contract file (`ContractConfiguration`), so editors can complete and check it.
    /// Ambiguity ids and length-limit paths are enumerated from the values, as `ContractConfiguration.problems`
    /// checks them. Decoding ignores unknown members; the schema rejects them to catch typos (`$schema` is allowed).
    public static func configurationSchema(rules: RuleSet = .standard(), ambiguities: [Ambiguity] = Ambiguity.documented) -> JSONValue {
        let strictness: JSONValue = ["type": "string", "enum": .array(Strictness.allCases.map { .string($0.rawValue) })]
        var paths: [String] = []
        for body in rules.bodies {
            for path in body.fields.flatMap({ $0.limitedPaths(prefix: "") }) where !paths.contains(path) { paths.append(path) }
        }
        paths.sort()
        return [
            "$schema": .string(dialect),
            "title": "LearningContract contract file",
            "description": "The configuration read by --contract FILE (ContractConfiguration): strictness, per-ambiguity overrides, length limits, unknown-property policy. Every member is optional.",
            "type": "object",
            "properties": [
                "$schema": ["type": "string"],
                "strictness": [
                    "description": "How documented contradictions are judged unless ambiguities says otherwise. Default lenient.",
                    "type": "string", "enum": .array(Strictness.allCases.map { .string($0.rawValue) }), "default": "lenient",
                ],
                "ambiguities": [
                    "description": "Per-contradiction strictness, keyed by ambiguity id (learning-contract ambiguities).",
                    "type": "object",
                    "propertyNames": ["enum": .array(ambiguities.map { .string($0.id.rawValue) })],
                    "additionalProperties": strictness,
                ],
                "lengthLimits": [
                    "description": "Overrides of the assumed length limits (no limit is documented, no page documents one: no MaxLength in graph.microsoft.com/v1.0/$metadata, none in any Properties table), keyed by dotted field path, in Unicode scalars.",
                    "type": "object",
                    "propertyNames": ["enum": .array(paths.map(JSONValue.string))],
                    "additionalProperties": ["type": "integer", "minimum": 1],
                ],
                "unknownProperties": [
                    "description": "What happens to a body property no rule names. Default reject (assumed).",
                    "type": "string", "enum": .array(UnknownPropertyPolicy.allCases.map { .string($0.rawValue) }), "default": "reject",
                ],
                "wireSpelling": [
                    "description": "How responses spell a property the docs spell two ways: csdl (the metadata's, which the official SDKs read) or docs. Default csdl.",
                    "type": "string", "enum": .array(WireSpelling.allCases.map { .string($0.rawValue) }), "default": "csdl",
                ],
            ],
            "additionalProperties": false,
        ]
    }
}
