/// The API as an OpenAPI 3.1 document, built from the contract's values: `APIEndpoint.all` for paths,
/// the body rules for request bodies (through `JSONSchemaExporter`), the error catalog for error responses,
/// and `OperationPermission.documented` for security. A pure function: the same contract gives the same bytes.
public enum OpenAPIExporter {
    static let schemas = "#/components/schemas/"
    static let parameters = "#/components/parameters/"
    static let errorEnvelope = "ODataError"
    static let activityEntity = "microsoft.graph.learningCourseActivity"

    /// `version` nil: what both versions serve, under a server variable naming both (`openapi.json`). A version: what
    /// that version serves, an older page's form included while its ambiguity is lenient (`openapi-beta.json` holds
    /// beta's provider-less update path, ambiguity `updatePathWithoutProvider`, which one document for both can't list).
    public static func document(contract: Contract = Contract(), version: APIVersion? = nil) -> JSONValue {
        let versions = version.map { [$0] } ?? APIVersion.allCases
        return [
            "openapi": "3.1.0",
            "jsonSchemaDialect": .string(JSONSchemaExporter.dialect),
            "info": [
                "title": "Microsoft Graph Viva Learning: learningCourseActivity and related APIs (LearningContract)",
                "version": .string(version?.rawValue ?? "v1.0"),
                "description": .string(
                    "Generated from the LearningContract rule values, error catalog and endpoint table by `learning-contract schema`. "
                        + "Request body schemas accept what the contract's validator accepts under its configuration "
                        + "(strictness \(contract.configuration.strictness.rawValue), unknown properties \(contract.rules.unknownProperties.rawValue)); "
                        + "see Schemas/README.md for what JSON Schema can't express. Facts name their source in x-source."),
            ],
            "servers": [
                [
                    "url": "https://graph.microsoft.com/{version}",
                    "description": "Microsoft Graph, global service only (learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, National cloud availability).",
                    "variables": ["version": ["enum": .array(versions.map { .string($0.rawValue) }), "default": .string(versions[0].rawValue)]],
                ],
            ],
            "paths": paths(contract: contract, version: version),
            "components": components(contract: contract),
            "tags": [
                ["name": "learningCourseActivity", "description": "the pages learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 and learningcourseactivity-get, -list, -update and -delete (same path and view)."],
                ["name": "learningProvider", "description": "learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0."],
                ["name": "learningContent", "description": "learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0."],
            ],
        ]
    }

    // MARK: - Paths

    static func paths(contract: Contract, version: APIVersion? = nil) -> JSONValue {
        var paths = JSONObject()
        // Exactly what `serve` serves under this configuration at the versions the server variable names.
        for endpoint in describedEndpoints(configuration: contract.configuration, version: version) {
            var item = paths[endpoint.path]?.objectValue ?? JSONObject()
            item[endpoint.method] = operation(endpoint, contract: contract)
            paths[endpoint.path] = .object(item)
        }
        return .object(paths)
    }

    static func operation(_ endpoint: APIEndpoint, contract: Contract) -> JSONValue {
        var object = JSONObject()
        object["operationId"] = .string(endpoint.id)
        object["summary"] = .string(endpoint.summary)
        object["tags"] = [.string(tag(for: endpoint.operation))]
        object["x-operation"] = .string(endpoint.operation.rawValue)
        object["x-source"] = .string(endpoint.source.description)
        let aliases = refAliases(of: endpoint)
        if !aliases.isEmpty {
            object["x-ref-forms"] = .array(aliases.map { alias in
                ["operationId": .string(alias.id), "path": .string(alias.path), "x-source": .string(alias.source.description)]
            })
            object["description"] = .string(
                "The same deletion is served at " + aliases.map(\.path).joined(separator: " and ")
                    + " (the form the doc page prints); it is listed once, here, so that a tool reading this document knows the "
                    + "entity at this path is gone after either form.")
        }
        if endpoint.exposure == .sdk { object["x-exposure"] = "exposed by the SDK, not on a doc page" }
        var parameters: [JSONValue] = endpoint.pathParameters.map { ["$ref": .string(Self.parameters + $0)] }
        if endpoint.method == "get" && !endpoint.isCount {
            // Component keys can't hold `$`: `select-…` is the `$select` parameter of the entity read.
            let options = [selectParameter(for: endpoint.operation)] + (endpoint.operation.isList ? ["top", "skip", "count"] : [])
            parameters += options.map { ["$ref": .string(Self.parameters + $0)] }
            parameters.append(["$ref": .string(Self.parameters + "prefer")])
        }
        object["parameters"] = .array(parameters)
        if endpoint.operation.hasRequestBody {
            object["requestBody"] = [
                "required": true,
                "content": ["application/json": ["schema": ["$ref": .string(Self.schemas + requestSchemaName(endpoint.operation, rules: contract.rules))]]],
            ]
        }
        object["responses"] = responses(endpoint, contract: contract)
        object["security"] = security(for: endpoint)
        let rows = errorRows(for: endpoint.operation, contract: contract)
        object["x-error-rows"] = .array(rows.map { .string($0.id.rawValue) })
        return .object(object)
    }

    static func tag(for operation: Operation) -> String {
        switch operation {
        case .createActivity, .getActivity, .listActivities, .updateActivity, .deleteActivity: "learningCourseActivity"
        case .createProvider, .updateProvider, .listProviders, .getProvider, .deleteProvider: "learningProvider"
        case .upsertContent, .listContents, .getContent, .deleteContent: "learningContent"
        }
    }

    /// The component a request body refers to: the body rule's id, or the operation's union of subtypes.
    static func requestSchemaName(_ operation: Operation, rules: RuleSet) -> String {
        let bodies = rules.bodies(for: operation)
        return bodies.count == 1 ? bodies[0].id : operation.rawValue
    }

    static func responses(_ endpoint: APIEndpoint, contract: Contract) -> JSONValue {
        var responses = JSONObject()
        var success: JSONObject = ["description": .string(successDescription(endpoint.successStatus))]
        if endpoint.isCount {
            // `/$count` answers the bare integer (OData 4.01 URL conventions §4.8).
            success["content"] = ["text/plain": ["schema": ["type": "integer", "minimum": 0]]]
        } else if let entity = successSchema(endpoint.operation) {
            success["content"] = ["application/json": ["schema": ["$ref": .string(Self.schemas + entity)]]]
        }
        responses[String(endpoint.successStatus)] = .object(success)
        let rows = errorRows(for: endpoint.operation, contract: contract)
        for status in Set(rows.map(\.status)).sorted() {
            let matching = rows.filter { $0.status == status }
            var response: JSONObject = [
                "description": .string(matching.map { "\($0.scenario): \($0.code), \"\($0.messageTemplate)\"" }.joined(separator: "; ")),
                "content": ["application/json": ["schema": ["$ref": .string(Self.schemas + errorEnvelope)]]],
                "x-error-rows": .array(matching.map { .string($0.id.rawValue) }),
            ]
            if status == 405 {
                response["headers"] = [
                    "Allow": [
                        "description": "The methods the path supports (RFC 9110 section 15.5.6: a 405 must carry Allow).",
                        "required": true,
                        "schema": ["type": "string"],
                    ],
                ]
            }
            if status == 429 || status == 503 {
                response["headers"] = [
                    "Retry-After": [
                        "description": "Seconds to wait before retrying (THROTTLING, learn.microsoft.com/graph/throttling, Best practices to handle throttling (Retry-After in seconds); the message speaks of minutes, ambiguity retryAfterUnits).",
                        "schema": ["type": "integer", "minimum": 0],
                    ],
                ]
            }
            responses[String(status)] = .object(response)
        }
        return .object(responses)
    }

    /// The error rows an operation can answer: the catalog's rows for it, plus `permissionScopeMissing` wherever the
    /// operation has a documented permission, since a token without it is refused with that row (the row's notes:
    /// also for the create and the list, whose pages print a permissions table but no such error row).
    static func errorRows(for operation: Operation, contract: Contract) -> [ErrorRow] {
        let secured = OperationPermission.documented(for: operation) != nil
        return contract.catalog.rows.filter { row in
            row.operations.contains(operation) || (secured && row.id == .permissionScopeMissing)
        }
    }

    static func successDescription(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 201: "Created"
        case 202: "Accepted (the content is created or replaced; ambiguity contentUpsertStatus)"
        case 204: "No Content"
        default: "Success"
        }
    }

    static func successSchema(_ operation: Operation) -> String? {
        switch operation {
        case .createActivity, .getActivity: activityEntity
        case .listActivities: "microsoft.graph.learningCourseActivityCollectionResponse"
        case .createProvider, .getProvider: "microsoft.graph.learningProvider"
        case .upsertContent, .getContent: "microsoft.graph.learningContent"
        case .listProviders: "microsoft.graph.learningProviderCollectionResponse"
        case .listContents: "microsoft.graph.learningContentCollectionResponse"
        case .updateActivity, .deleteActivity, .updateProvider, .deleteProvider, .deleteContent: nil
        }
    }

    /// Alternatives: any one documented delegated scope or application role. A `/me` path takes delegated ones
    /// only: `/me` is the signed-in user, and an application token has none
    /// (learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, "HTTP request", the `/me`
    /// form; `serve` answers an application token there with 400 "Resource not found for the segment 'me'.").
    static func security(for endpoint: APIEndpoint) -> JSONValue {
        guard let permission = OperationPermission.documented(for: endpoint.operation) else { return [] }
        let delegated: [JSONValue] = permission.delegated.map { ["delegated": [.string($0)]] }
        let application: [JSONValue] = permission.application.map { ["application": [.string($0)]] }
        return .array(delegated + (addressesSignedInUser(endpoint) ? [] : application))
    }

    /// Whether the path is the signed-in user's (`/me/…`).
    static func addressesSignedInUser(_ endpoint: APIEndpoint) -> Bool { endpoint.path == "/me" || endpoint.path.hasPrefix("/me/") }

    /// The endpoints a document describes: what `serve` serves at `version` (nil: at every version), except a `/$ref`
    /// DELETE whose entity path answers the same DELETE of the same operation. The README ("Reference emulator")
    /// serves both as one deletion; OpenAPI tools infer that a DELETE removes the resource at its own path and the
    /// paths below it, and `…/{id}/$ref` is neither, so listing it would tell them the entity survives a deletion.
    /// The `/$ref` forms are named on the entity-path operation (`x-ref-forms`).
    public static func describedEndpoints(configuration: ContractConfiguration, version: APIVersion? = nil) -> [APIEndpoint] {
        let served = version.map { APIEndpoint.served(in: $0, configuration: configuration) }
            ?? APIEndpoint.servedInEveryVersion(configuration: configuration)
        return served.filter { !isRefAlias($0) }
    }

    static func isRefAlias(_ endpoint: APIEndpoint) -> Bool {
        guard endpoint.method == "delete", endpoint.path.hasSuffix("/$ref") else { return false }
        let entityPath = String(endpoint.path.dropLast("/$ref".count))
        return APIEndpoint.all.contains { $0.method == "delete" && $0.operation == endpoint.operation && $0.path == entityPath }
    }

    /// The `/$ref` DELETEs described by `endpoint`'s entity path.
    static func refAliases(of endpoint: APIEndpoint) -> [APIEndpoint] {
        guard endpoint.method == "delete" else { return [] }
        return APIEndpoint.all.filter { isRefAlias($0) && $0.operation == endpoint.operation && $0.path == endpoint.path + "/$ref" }
    }

    // MARK: - Components

    static func components(contract: Contract) -> JSONValue {
        var schemas = JSONObject()
        let rules = contract.rules
        let options = JSONSchemaExporter.Options(configuration: contract.configuration, standalone: false)
        for body in rules.bodies {
            schemas[body.id] = JSONSchemaExporter.schema(for: body, rules: rules, options: options)
        }
        for operation in Operation.allCases {
            let bodies = rules.bodies(for: operation)
            guard bodies.count > 1 else { continue }
            schemas[operation.rawValue] = union(
                bodies.compactMap { body in body.odataType.map { ($0, Self.schemas + body.id) } },
                description: "The \(operation.rawValue) body; @odata.type selects the subtype (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Request body (@odata.type selects the type); learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row @odata.type; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0, Request body (@odata.type states the type; status Required)).")
        }
        for (name, schema) in OpenAPIExporter.entitySchemas(rules: rules) { schemas[name] = schema }
        for (name, schema) in errorSchemas() { schemas[name] = schema }
        return [
            "schemas": .object(schemas),
            "parameters": parameterComponents(rules: rules, configuration: contract.configuration),
            "securitySchemes": securitySchemes(),
        ]
    }

    /// `oneOf` the subtypes with the `@odata.type` discriminator and its mapping.
    static func union(_ members: [(odataType: String, reference: String)], description: String) -> JSONValue {
        var mapping = JSONObject()
        for member in members { mapping[member.odataType] = .string(member.reference) }
        return [
            "description": .string(description),
            "oneOf": .array(members.map { ["$ref": .string($0.reference)] }),
            "discriminator": ["propertyName": .string(JSONSchemaExporter.discriminator), "mapping": .object(mapping)],
        ]
    }

    static func parameterComponents(rules: RuleSet, configuration: ContractConfiguration) -> JSONValue {
        func path(_ name: String, _ description: String, pattern: String? = nil) -> JSONValue {
            var schema: JSONObject = ["type": "string", "minLength": 1]
            if let pattern { schema["pattern"] = .string(pattern) }
            return ["name": .string(name), "in": "path", "required": true, "description": .string(description), "schema": .object(schema)]
        }
        var parameters: JSONObject = [
            "registrationId": path("registrationId", "The provider's registration id (learningProvider.id), a GUID (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, example 1 response (id); learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 1)."),
            "learningProviderId": path("learningProviderId", "The provider's id, the same value as registrationId (learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0)."),
            "id": path("id", "The learningCourseActivity id: a GUID, or {learnerUserId}:{GUID} in create responses (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, example 1 response (id); learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 1; learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, example 1 response: id {learnerUserId}:{GUID})."),
            "user-id": path("user-id", "The user's id or userPrincipalName."),
            "externalCourseActivityId": path(
                "externalCourseActivityId",
                "The provider's external id (alternate key; the CSDL alias is \(TypeModel.externalCourseActivityId.metadataSpelling), ambiguity externalCourseActivityIdSpelling). An embedded single quote is doubled (learn.microsoft.com/graph/query-parameters, Escaping single quotes; learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 2 (alternate key)); the unquoted form of older pages is ambiguity alternateKeyQuoting.",
                pattern: quotedKeyPattern),
            "learningContentId": path("learningContentId", "The learningContent id (learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0)."),
            "externalId": path("externalId", "The learningContent externalId (alternate key, learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0); an embedded single quote is doubled.", pattern: quotedKeyPattern),
            "top": [
                "name": "$top", "in": "query", "required": false, "description": "Page size (LIST-v1, learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0 and learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, Optional query parameters).",
                "schema": pagingSchema,
            ],
            "skip": [
                "name": "$skip", "in": "query", "required": false, "description": "Items to skip (LIST-v1, learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0 and learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, Optional query parameters).",
                "schema": pagingSchema,
            ],
            "count": [
                "name": "$count", "in": "query", "required": false, "description": "Adds @odata.count (LIST-v1, learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0 and learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, Optional query parameters; learn.microsoft.com/graph/query-parameters, OData system query options).",
                "schema": ["type": "boolean"],
            ],
            // Any string: RFC 7240 section 2, a server ignores a preference it doesn't recognise.
            "prefer": [
                "name": "Prefer", "in": "header", "required": false,
                "description": .string(
                    "Client preferences (RFC 7240); the one this API acts on is include-unknown-enum-members, which returns members after "
                        + "unknownFutureValue (peerRecommended) instead of the sentinel; others are ignored "
                        + "(learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, \"Request headers\" table, row Prefer)."),
                "schema": ["type": "string", "examples": ["include-unknown-enum-members"]],
            ],
        ]
        for (tag, _) in entityBodies {
            let names = selectableNames(tag: tag, rules: rules, configuration: configuration)
            parameters["select-" + tag] = [
                "name": "$select", "in": "query", "required": false, "style": "form", "explode": false,
                "description": .string(
                    "Properties of the \(tag) to return, comma-separated, at least one; * selects them all "
                        + "(learn.microsoft.com/graph/query-parameters, \"select parameter\"). Any other name, an empty list or an empty item is 400 invalidQueryOption."),
                "schema": ["type": "array", "minItems": 1, "items": ["type": "string", "enum": .array(names.map(JSONValue.string))]],
            ]
        }
        return .object(parameters)
    }

    static func securitySchemes() -> JSONValue {
        var delegated = JSONObject()
        var application = JSONObject()
        for permission in OperationPermission.documented {
            for scope in permission.delegated where delegated[scope] == nil {
                delegated[scope] = .string("Delegated permission (the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0))")
            }
            for role in permission.application where application[role] == nil {
                application[role] = .string("Application permission (the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0))")
            }
        }
        let authority = "https://login.microsoftonline.com/common/oauth2/v2.0/"
        return [
            "delegated": [
                "type": "oauth2",
                "description": "Delegated permissions of a work or school account; personal accounts are not supported (the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0)).",
                "flows": ["authorizationCode": [
                    "authorizationUrl": .string(authority + "authorize"), "tokenUrl": .string(authority + "token"), "scopes": .object(delegated),
                ]],
            ],
            "application": [
                "type": "oauth2",
                "description": "Application permissions (app roles) (the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0)).",
                "flows": ["clientCredentials": ["tokenUrl": .string(authority + "token"), "scopes": .object(application)]],
            ],
        ]
    }
}
