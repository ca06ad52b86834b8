extension OpenAPIExporter {
    /// Response entity schemas, derived from the create and upsert body rules: the properties a body may set
    /// (not the disputed ones), plus `id` and the OData annotations. Enum properties list every CSDL member,
    /// since a response may carry `unknownFutureValue` or, with the Prefer header, later members (learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row assignmentType (Prefer: include-unknown-enum-members)).
    static func entitySchemas(rules: RuleSet) -> [(String, JSONValue)] {
        var result: [(String, JSONValue)] = []
        var activityMembers: [(odataType: String, reference: String)] = []
        for body in rules.bodies(for: .createActivity) {
            guard let odataType = body.odataType else { continue }
            let name = String(odataType.dropFirst())  // microsoft.graph.learningAssignment
            result.append((name, entity(body, odataType: odataType, type: documentedType(name), rules: rules)))
            activityMembers.append((odataType, schemas + name))
        }
        result.append((activityEntity, union(
            activityMembers, description: "A learningCourseActivity: one of its two subtypes, told by @odata.type (CSDL-v1, graph.microsoft.com/v1.0/$metadata, EntityType employeeExperience, employeeExperienceUser and learningCourseActivity; graph.microsoft.com/v1.0/$metadata, EntityType learningCourseActivity).")))
        result.append(("microsoft.graph.learningCourseActivityCollectionResponse", [
            "type": "object",
            "description": "A page of activities (LIST-v1, learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, example response (@odata.context, @odata.nextLink)).",
            "required": ["value"],
            "properties": [
                "@odata.context": ["type": "string"],
                "@odata.nextLink": ["type": "string", "description": "The next page, paged with $skip (learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, example response (@odata.context, @odata.nextLink); ambiguity externalIdUniqueness)."],
                "@odata.count": ["type": "integer", "minimum": 0, "description": "Present with $count=true (learn.microsoft.com/graph/query-parameters, OData system query options)."],
                "value": ["type": "array", "items": ["$ref": .string(schemas + activityEntity)]],
            ],
        ]))
        for (operation, name) in [(Operation.createProvider, "microsoft.graph.learningProvider"), (.upsertContent, "microsoft.graph.learningContent")] {
            for body in rules.bodies(for: operation) {
                result.append((name, entity(body, odataType: nil, type: documentedType(name), rules: rules)))
            }
            result.append((name + "CollectionResponse", [
                "type": "object",
                "description": .string("A page of \(name.dropFirst("microsoft.graph.".count))s (OData collection: value, @odata.nextLink with $skip, @odata.count)."),
                "required": ["value"],
                "properties": [
                    "@odata.context": ["type": "string"],
                    "@odata.nextLink": ["type": "string"],
                    "@odata.count": ["type": "integer", "minimum": 0],
                    "value": ["type": "array", "items": ["$ref": .string(schemas + name)]],
                ],
            ]))
        }
        return result
    }

    /// The type model of `microsoft.graph.NAME`.
    static func documentedType(_ qualifiedName: String) -> TypeModel? {
        TypeModel.documented.first { "microsoft.graph." + $0.name == qualifiedName }
    }

    static func entity(_ body: BodyRule, odataType: String?, type: TypeModel?, rules: RuleSet) -> JSONValue {
        var properties: JSONObject = [
            "@odata.context": ["type": "string", "description": "Metadata URL of the response (learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, example response (@odata.context, @odata.nextLink); ambiguity odataContextForm)."],
        ]
        var required: [JSONValue] = ["id"]
        if let odataType {
            properties["@odata.type"] = ["const": .string(odataType)]
            required.insert("@odata.type", at: 0)
        }
        properties["id"] = ["type": "string", "description": "Server-generated id (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, example 2 response (learningProviderId filled from the path)).", "x-source": "CSDL-v1, entity key id (Nullable=false)"]
        for field in body.fields where isEntityProperty(field) {
            var schema = responseSchema(field, of: type, rules: rules)
            schema = JSONObject([JSONObject.Member(key: "x-source", value: .string(field.source.description))] + schema.members)
            properties[field.name] = .object(schema)
        }
        var object: JSONObject = [
            "type": "object",
            "description": .string("As returned by the service; derived from body rule \(body.id)."),
            "required": .array(required),
            "properties": .object(properties),
        ]
        object["x-body-rule"] = .string(body.id)
        return .object(object)
    }

    /// The schema of a property as a response carries it. An enum lists every CSDL member and every documented variant
    /// value: a response echoes the member as it was stored, and a variant a request may send is stored as sent.
    /// The reading for learningContent `level`: `serve` echoes "Advanced" as sent, and the docs' own response example
    /// is capitalised (learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0, "Response" example,
    /// `"level": "Beginner"`), while the CSDL members are lower case (ambiguity levelCasing); a response may carry either.
    ///
    /// Nullability is the type model's (the metadata's `Nullable`) where `model` has the property: a response carries
    /// what is stored, and a property a request body may not set to null can still be null when it was left out
    /// (learningSelfInitiatedCourse `status`, optional on create and nullable in graph.microsoft.com/v1.0/$metadata,
    /// EntityType learningCourseActivity). The body rule's nullability applies only where the model is silent.
    static func responseSchema(_ field: FieldRule, of model: TypeModel?, rules: RuleSet) -> JSONObject {
        let nullable = model?.property(field.name)?.nullable ?? field.nullable
        func type(_ name: String) -> JSONValue { nullable ? [.string(name), "null"] : .string(name) }
        switch field.kind {
        case .string, .localDateTime, .duration:
            return ["type": type("string")]
        case .dateTimeOffset:
            // Responses echo offsets as sent; learningContent drops the Z (learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0), so no pattern here.
            return ["type": type("string")]
        case .boolean:
            return ["type": type("boolean")]
        case .integer(let range):
            return [
                "type": type("integer"), "minimum": .number(JSONNumber(lexeme: String(range.lowerBound))),
                "maximum": .number(JSONNumber(lexeme: String(range.upperBound))),
            ]
        case .enumeration(let name, let allowed):
            var values = rules.enumDefinition(name)?.members ?? allowed
            for value in allowed + field.variantValues.map(\.value) where !values.contains(value) { values.append(value) }
            return ["type": type("string"), "enum": .array(values.map(JSONValue.string) + (nullable ? [.null] : [])), "x-enum": .string(name)]
        case .stringArray:
            return ["type": type("array"), "items": ["type": "string"]]
        case .object(let typeName, let fields):
            var properties = JSONObject()
            let nested = documentedType("microsoft.graph." + typeName)
            for field in fields { properties[field.name] = .object(responseSchema(field, of: nested, rules: rules)) }
            return ["type": type("object"), "x-type": .string(typeName), "properties": .object(properties)]
        }
    }

    /// The Graph error envelope (learn.microsoft.com/graph/errors, Error resource type; SDK `ODataError`, `MainError`, `ErrorDetails`, `InnerError`).
    static func errorSchemas() -> [(String, JSONValue)] {
        [
            (errorEnvelope, [
                "type": "object",
                "description": "Every error body: a single property error (ERRORS, learn.microsoft.com/graph/errors, Error resource type).",
                "required": ["error"],
                "properties": ["error": ["$ref": .string(schemas + "MainError")]],
            ]),
            ("MainError", [
                "type": "object",
                "required": ["code", "message"],
                "properties": [
                    "code": ["type": "string", "description": "Branch on this, not on message (ERRORS)."],
                    "message": ["type": "string"],
                    "target": ["type": "string"],
                    "details": ["type": "array", "items": ["$ref": .string(schemas + "ErrorDetails")],
                                "description": "One entry per field violation (ambiguity multipleViolationsShape)."],
                    "innerError": ["$ref": .string(schemas + "InnerError")],
                ],
            ]),
            ("ErrorDetails", [
                "type": "object",
                "required": ["code", "message"],
                "properties": ["code": ["type": "string"], "message": ["type": "string"], "target": ["type": "string"]],
            ]),
            ("InnerError", [
                "type": "object",
                "properties": [
                    "date": ["type": "string", "description": "When the error occurred, like 2021-07-02T01:40:19 (learn.microsoft.com/graph/errors, Error resource type)."],
                    "request-id": ["type": "string", "description": "Request id as tracked by the service."],
                    "client-request-id": ["type": "string", "description": "The client-request-id header the client sent."],
                ],
            ]),
        ]
    }
}
