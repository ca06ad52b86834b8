import Foundation
import LearningContract
import LearningTestSupport
import Testing

/// The committed `Schemas/` must be exactly what the generator writes.
@Suite struct SchemaExportSyncTests {
    static let schemasDirectory = Repository.schemas
    static let regenerate = "`swift run learning-contract schema --out Schemas`"
    /// Files in `Schemas/` that the generator doesn't write.
    static let handWritten: Set<String> = ["README.md", "fixture.schema.json", "target-profile.schema.json"]

    @Test(arguments: SchemaExport().files())
    func committedFileMatchesGenerator(_ file: SchemaExport.File) throws {
        let url = Self.schemasDirectory.appendingPathComponent(file.name)
        #expect(Golden.check(file.content, at: url, regenerate: Self.regenerate) == nil)
    }

    @Test func noStaleGeneratedFiles() throws {
        let generated = Set(SchemaExport().files().map(\.name))
        #expect(Golden.staleFiles(in: Self.schemasDirectory, expected: generated, keep: Self.handWritten) == nil)
    }

    @Test func generationIsDeterministicAndEndsWithNewline() {
        let first = SchemaExport().files(), second = SchemaExport().files()
        #expect(first == second)
        for file in first { #expect(file.content.hasSuffix("\n") && !file.content.hasSuffix("\n\n"), "\(file.name)") }
        #expect(Set(first.map(\.name)).count == first.count)
    }
}

@Suite struct OpenAPIExportTests {
    let document = OpenAPIExporter.document()

    /// learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0, Methods table, as printed (leading `/` added to #4 and #5).
    static let specRows: [(row: String, method: String, path: String)] = [
        ("#1", "post", "/employeeExperience/learningProviders/{registrationId}/learningCourseActivities"),
        ("#2", "get", "/employeeExperience/learningCourseActivities/{Id}"),
        ("#3", "get", "/employeeExperience/learningProviders/{registrationId}/learningCourseActivities(externalCourseActivityId='{externalCourseActivityId}')"),
        ("#4", "get", "/users/{user-id}/employeeExperience/learningCourseActivities/{id}"),
        ("#5", "get", "/me/employeeExperience/learningCourseActivities/{id}"),
        ("#6", "get", "/me/employeeExperience/learningCourseActivities"),
        ("#7", "get", "/users/{user-id}/employeeExperience/learningCourseActivities"),
        ("#8", "patch", "/employeeExperience/learningProviders/{registrationId}/learningCourseActivities/{learningCourseActivityId}"),
        ("#9", "delete", "/employeeExperience/learningProviders/{registrationId}/learningCourseActivities/{id}"),
        ("#10", "patch", "/employeeExperience/learningProviders/{learningProviderId}"),
        ("#11", "patch", "/employeeExperience/learningProviders/{learningProviderId}/learningContents/{learningContentId}"),
        ("#12", "patch", "/employeeExperience/learningProviders/{learningProviderId}/learningContents(externalId='{externalId}')"),
    ]

    /// A template with its parameter names blanked: `/a/{}/b`.
    static func shape(_ path: String) -> String {
        var result = ""
        var inside = false
        for character in path {
            if character == "{" { inside = true; result.append("{}") } else if character == "}" { inside = false } else if !inside { result.append(character) }
        }
        return result
    }

    @Test func everySpecPathAndMethodIsPresent() throws {
        let paths = try #require(document["paths"]?.objectValue)
        let byShape = Dictionary(paths.map { (Self.shape($0.key), $0.value) }, uniquingKeysWith: { first, _ in first })
        for row in Self.specRows {
            let item = byShape[Self.shape(row.path)]
            #expect(item?[row.method] != nil, "learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0, Methods table \(row.row): \(row.method.uppercased()) \(row.path)")
        }
    }

    @Test func operationIdsAreUniqueAndEveryOperationHasAnEndpoint() {
        #expect(Set(APIEndpoint.all.map(\.id)).count == APIEndpoint.all.count)
        #expect(Set(APIEndpoint.all.map(\.operation)) == Set(LearningContract.Operation.allCases))
        #expect(Set(APIEndpoint.all.map { "\($0.method) \($0.path)" }).count == APIEndpoint.all.count)
    }

    @Test func serverAndDialect() {
        #expect(document["openapi"]?.stringValue == "3.1.0")
        #expect(document["jsonSchemaDialect"]?.stringValue == "https://json-schema.org/draft/2020-12/schema")
        let server = document["servers"]?.arrayValue?.first
        #expect(server?["url"]?.stringValue == "https://graph.microsoft.com/{version}")
        #expect(server?["variables"]?["version"]?["enum"] == ["v1.0", "beta"])
    }

    /// The old beta update page prints `PATCH /employeeExperience/learningCourseActivities/{id}`, without the provider
    /// segment (learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-beta, "HTTP request", in
    /// its older version; ambiguity updatePathWithoutProvider). `/beta` serves it while that reading is lenient and
    /// v1.0 never does, so only the beta document lists it (Schemathesis's undeclared-method check found `openapi.json`
    /// silent about a method `/beta` answers).
    @Test func betaDocumentListsBetasProviderlessUpdateWhileLenient() {
        let path = "/employeeExperience/learningCourseActivities/{id}"
        #expect(document["paths"]?[path]?["patch"] == nil)
        let beta = OpenAPIExporter.document(version: .beta)
        #expect(beta["paths"]?[path]?["patch"]?["operationId"] != nil)
        #expect(beta["servers"]?.arrayValue?.first?["variables"]?["version"]?["enum"] == ["beta"])
        let strict = Contract(configuration: ContractConfiguration(ambiguities: [Ambiguity.ID.updatePathWithoutProvider.rawValue: .strict]))
        #expect(OpenAPIExporter.document(contract: strict, version: .beta)["paths"]?[path]?["patch"] == nil)
    }

    @Test(arguments: OpenAPIExporter.describedEndpoints(configuration: .default))
    func operationListsItsErrorRowsAndStatuses(_ endpoint: APIEndpoint) throws {
        let operation = try #require(document["paths"]?[endpoint.path]?[endpoint.method])
        // The catalog's rows, and the 403 for a token without the permission on every secured operation.
        let rows = ErrorCatalog.documented.rows.filter {
            $0.operations.contains(endpoint.operation) || $0.id == .permissionScopeMissing
        }
        #expect(operation["x-error-rows"] == .array(rows.map { .string($0.id.rawValue) }))
        let responses = try #require(operation["responses"]?.objectValue)
        #expect(responses[String(endpoint.successStatus)] != nil)
        for row in rows {
            let response = responses[String(row.status)]
            #expect(response?["content"]?["application/json"]?["schema"]?["$ref"] == "#/components/schemas/ODataError", "\(row.id)")
            #expect(response?["x-error-rows"]?.arrayValue?.contains(.string(row.id.rawValue)) == true, "\(row.id)")
        }
        #expect(Set(responses.keys) == Set([String(endpoint.successStatus)] + rows.map { String($0.status) }))
    }

    @Test func errorEnvelopeHasInnerErrorAndDetails() throws {
        let schemas = try #require(document["components"]?["schemas"])
        #expect(schemas["ODataError"]?["required"] == ["error"])
        let main = try #require(schemas["MainError"]?["properties"])
        #expect(main["details"]?["items"]?["$ref"] == "#/components/schemas/ErrorDetails")
        #expect(main["innerError"]?["$ref"] == "#/components/schemas/InnerError")
        let inner = try #require(schemas["InnerError"]?["properties"]?.objectValue)
        #expect(Set(inner.keys) == ["date", "request-id", "client-request-id"])
    }

    @Test(arguments: [LearningContract.Operation.createActivity, .updateActivity])
    func activityBodiesUseTheDiscriminator(_ operation: LearningContract.Operation) throws {
        let union = try #require(document["components"]?["schemas"]?[operation.rawValue])
        #expect(union["discriminator"]?["propertyName"] == "@odata.type")
        let mapping = try #require(union["discriminator"]?["mapping"]?.objectValue)
        let bodies = RuleSet.standard().bodies(for: operation)
        #expect(Set(mapping.keys) == Set(bodies.compactMap(\.odataType)))
        for body in bodies {
            #expect(mapping[body.odataType ?? ""] == .string("#/components/schemas/" + body.id))
            #expect(document["components"]?["schemas"]?[body.id]?["properties"]?["@odata.type"]?["const"] == body.odataType.map(JSONValue.string))
        }
    }

    @Test(arguments: OpenAPIExporter.describedEndpoints(configuration: .default))
    func securityFollowsThePermissionTable(_ endpoint: APIEndpoint) throws {
        let permission = try #require(OperationPermission.documented(for: endpoint.operation))
        let security = try #require(document["paths"]?[endpoint.path]?[endpoint.method]?["security"]?.arrayValue)
        // `/me` is the signed-in user's path: delegated requirements only.
        let application = endpoint.path.hasPrefix("/me/") ? [] : permission.application
        let expected: [JSONValue] = permission.delegated.map { ["delegated": [.string($0)]] } + application.map { ["application": [.string($0)]] }
        #expect(security == expected)
        #expect(!security.isEmpty)
        let schemes = document["components"]?["securitySchemes"]
        for scope in permission.delegated {
            #expect(schemes?["delegated"]?["flows"]?["authorizationCode"]?["scopes"]?[scope] != nil)
        }
        for role in permission.application {
            #expect(schemes?["application"]?["flows"]?["clientCredentials"]?["scopes"]?[role] != nil)
        }
    }

    @Test func listIsDelegatedOnlyAndGetsTakeQueryOptions() throws {
        let list = try #require(document["paths"]?["/me/employeeExperience/learningCourseActivities"]?["get"])
        #expect(list["security"]?.arrayValue?.allSatisfy { $0["application"] == nil } == true)
        let refs = list["parameters"]?.arrayValue?.compactMap { $0["$ref"]?.stringValue } ?? []
        #expect(refs == ["select-learningCourseActivity", "top", "skip", "count", "prefer"].map { "#/components/parameters/" + $0 })
        let parameters = try #require(document["components"]?["parameters"])
        #expect(parameters["select-learningCourseActivity"]?["name"] == "$select")
        #expect(parameters["prefer"]?["in"] == "header")
    }
}

@Suite struct JSONSchemaExportTests {
    let rules = RuleSet.standard()

    @Test func everyErrorRowIsInTheCatalogExport() throws {
        let file = try #require(SchemaExport().files().first { $0.name == "error-catalog.json" })
        let root = try JSONReader().read(Array(file.content.utf8)).root
        let exported = Set(root["rows"]?.arrayValue?.compactMap { $0["id"]?.stringValue } ?? [])
        let ids: [ErrorRow.ID] = [
            .methodNotAllowed, .permissionScopeMissing, .servicePlanInadequate, .providerNotEnabled, .registrationIdInvalid,
            .activityNotFound, .activityNotFoundOnUpdate, .internalServerError, .tooManyRequests, .serviceUnavailable,
            .fieldRequired, .fieldInvalid, .fieldEmpty, .fieldTooLong, .multipleFieldValidations, .providerContentMismatch,
            .userLicenseInvalid, .userLicenseInvalidOnUpdate, .unauthenticated, .unsupportedMediaType, .malformedBody,
            .resourceNotFoundForSegment, .invalidQueryOption, .payloadTooLarge, .requestTimeout, .itemNotFound,
        ]
        for id in ids { #expect(exported.contains(id.rawValue), "\(id)") }
        #expect(exported == Set(ErrorCatalog.documented.rows.map(\.id.rawValue)))
    }

    @Test func ambiguitiesExportListsEveryDocumentedOne() throws {
        let file = try #require(SchemaExport().files().first { $0.name == "ambiguities.json" })
        let root = try JSONReader().read(Array(file.content.utf8)).root
        #expect(root.arrayValue?.compactMap { $0["id"]?.stringValue } == Ambiguity.documented.map(\.id.rawValue))
    }

    @Test(arguments: [LearningContract.Operation.createActivity, .updateActivity])
    func combinedSchemaDispatchesOnTheRuleValues(_ operation: LearningContract.Operation) throws {
        let schema = JSONSchemaExporter.combinedSchema(for: operation, rules: rules)
        let types = rules.bodies(for: operation).compactMap(\.odataType)
        #expect(types.count == 2)
        #expect(schema["required"] == ["@odata.type"])
        #expect(schema["properties"]?["@odata.type"]?["enum"] == .array(types.map(JSONValue.string)))
        let branches = try #require(schema["allOf"]?.arrayValue)
        #expect(branches.compactMap { $0["if"]?["properties"]?["@odata.type"]?["const"]?.stringValue } == types)
        #expect(branches.compactMap { $0["then"]?["properties"]?["@odata.type"]?["const"]?.stringValue } == types)
        #expect(branches.allSatisfy { $0["then"]?["$schema"] == nil })
    }

    @Test func lenientSchemaAcceptsVariantsAndStrictRejectsThem() throws {
        let body = try #require(rules.bodies.first { $0.id == "createActivity.learningAssignment" })
        let lenient = JSONSchemaExporter.schema(for: body, rules: rules)
        #expect(lenient["required"]?.arrayValue?.contains("learningProviderId") == false)
        #expect(lenient["properties"]?["assignmentType"]?["enum"] == ["required", "recommended", "unknownFutureValue", "peerRecommended"])
        #expect(lenient["properties"]?["dueDateTime"]?["anyOf"]?.arrayValue?.count == 2)
        #expect(lenient["properties"]?["externalcourseActivityId"]?["x-alias-of"] == "externalCourseActivityId")

        let strictRules = RuleSet.standard()
        let strict = JSONSchemaExporter.schema(
            for: body, rules: strictRules, options: .init(configuration: ContractConfiguration(strictness: .strict)))
        #expect(strict["required"]?.arrayValue?.contains("learningProviderId") == true)
        #expect(strict["properties"]?["assignmentType"]?["enum"] == ["required", "recommended", "unknownFutureValue"])
        #expect(strict["properties"]?["dueDateTime"]?["anyOf"] == nil)
        // The metadata spelling stays accepted under strict while responses carry it (wire spelling csdl, the default).
        #expect(strict["properties"]?["externalcourseActivityId"]?["x-alias-of"] == "externalCourseActivityId")
        #expect(strict["properties"]?["id"]?["not"] == [:])
        let strictDocs = JSONSchemaExporter.schema(
            for: body, rules: strictRules, options: .init(configuration: ContractConfiguration(strictness: .strict, wireSpelling: .docs)))
        #expect(strictDocs["properties"]?["externalcourseActivityId"]?["not"] == [:])
    }

    @Test func ignorePolicyDropsAdditionalPropertiesFalse() {
        let ignoring = RuleSet.standard(unknownProperties: .ignore)
        let schema = JSONSchemaExporter.schema(for: ignoring.bodies[0], rules: ignoring)
        #expect(schema["additionalProperties"] == nil)
        #expect(JSONSchemaExporter.schema(for: rules.bodies[0], rules: rules)["additionalProperties"] == false)
    }

    @Test func lengthOverridesReachTheSchema() {
        let overridden = RuleSet.standard(lengthLimits: ["notes.content": 4_000])
        let body = overridden.bodies[0]
        let schema = JSONSchemaExporter.schema(for: body, rules: overridden)
        let notes = schema["properties"]?["notes"]?["anyOf"]?.arrayValue?.first
        #expect(notes?["properties"]?["content"]?["maxLength"] == 4_000)
    }

    @Test(arguments: RuleSet.standard().bodies.map(\.id))
    func everyPropertyNamesItsSource(_ id: String) throws {
        let body = try #require(rules.bodies.first { $0.id == id })
        let schema = JSONSchemaExporter.schema(for: body, rules: rules)
        #expect(schema["x-source"]?.stringValue == body.source.description)
        for member in schema["properties"]?.objectValue ?? JSONObject() {
            #expect(member.value["x-source"]?.stringValue?.isEmpty == false, "\(body.id).\(member.key)")
        }
    }

    @Test func configurationSchemaEnumeratesIdsAndPaths() {
        let schema = JSONSchemaExporter.configurationSchema()
        let ids = schema["properties"]?["ambiguities"]?["propertyNames"]?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(ids == Ambiguity.documented.map(\.id.rawValue))
        let paths = schema["properties"]?["lengthLimits"]?["propertyNames"]?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? []
        #expect(paths.contains("notes.content"))
        #expect(paths.contains("externalCourseActivityId"))
        for path in paths {
            #expect(ContractConfiguration(lengthLimits: [path: 10]).problems() == [], "\(path)")
        }
    }

    @Test(arguments: SchemaCase.all())
    func caseVerdictIsWhatTheCaseMeans(_ item: SchemaCase) {
        let report = Contract().validate(item.body, operation: item.operation)
        #expect(report.isValid == item.expectValid, "\(item.id): \(report.violations.map(\.detail))")
    }

    @Test func everyDocumentedExampleIsACaseWithASchema() {
        let cases = SchemaCase.all()
        for example in DocumentedExample.all {
            #expect(cases.contains { $0.id == "example/" + example.id && $0.expectValid })
            #expect(SchemaExport.schemaName(for: example.operation) != nil)
        }
    }
}

extension SchemaExport.File: CustomTestStringConvertible {
    public var testDescription: String { name }
}

extension SchemaCase: CustomTestStringConvertible {
    public var testDescription: String { id }
}

extension APIEndpoint: CustomTestStringConvertible {
    public var testDescription: String { id }
}
