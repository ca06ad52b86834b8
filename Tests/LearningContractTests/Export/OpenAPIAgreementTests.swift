import Foundation
import LearningContract
import Testing

/// What Schemathesis found the exported OpenAPI saying differently from `serve` (Tests/Scripts/EXTERNAL-FINDINGS.md,
/// B1–B8, D4, and issue 9). Every expectation comes from a doc page's table, written out here, not from the rules.
@Suite struct OpenAPIAgreementTests {
    let document = OpenAPIExporter.document()

    static func operation(_ document: JSONValue, _ method: String, _ path: String) -> JSONValue? {
        document["paths"]?[path]?[method]
    }

    /// The `$select` item names of an operation, resolved through its parameter `$ref`.
    static func selectSchema(_ document: JSONValue, _ operation: JSONValue) -> JSONValue? {
        let references = operation["parameters"]?.arrayValue?.compactMap { $0["$ref"]?.stringValue } ?? []
        for reference in references {
            let name = String(reference.dropFirst("#/components/parameters/".count))
            let parameter = document["components"]?["parameters"]?[name]
            if parameter?["name"] == "$select" { return parameter?["schema"] }
        }
        return nil
    }

    // MARK: - B1: $select names the addressed type's properties

    /// learn.microsoft.com/graph/api/resources/learningassignment, "Properties" table, and
    /// learn.microsoft.com/graph/api/resources/learningselfinitiatedcourse, "Properties" table (the polymorphic
    /// paths read either subtype), with the metadata spelling `externalcourseActivityId` of
    /// learn.microsoft.com/graph/api/resources/learningcourseactivity (both spellings are accepted under lenient);
    /// `*` selects all (learn.microsoft.com/graph/query-parameters, "select parameter").
    static let activityProperties: Set<String> = [
        "id", "assignedDateTime", "assignerUserId", "assignmentType", "completedDateTime", "completionPercentage", "dueDateTime",
        "externalCourseActivityId", "externalcourseActivityId", "learnerUserId", "learningContentId", "learningProviderId", "notes",
        "startedDateTime", "status", "*",
    ]
    /// learn.microsoft.com/graph/api/resources/learningprovider, "Properties" table.
    static let providerProperties: Set<String> = [
        "id", "displayName", "isCourseActivitySyncEnabled", "loginWebUrl", "longLogoWebUrlForDarkTheme", "longLogoWebUrlForLightTheme",
        "squareLogoWebUrlForDarkTheme", "squareLogoWebUrlForLightTheme", "*",
    ]
    /// learn.microsoft.com/graph/api/resources/learningcontent, "Properties" table.
    static let contentProperties: Set<String> = [
        "id", "additionalTags", "contentWebUrl", "contributors", "createdDateTime", "description", "duration", "externalId", "format",
        "isActive", "isPremium", "isSearchable", "languageTag", "lastModifiedDateTime", "level", "numberOfPages", "skillTags",
        "sourceName", "thumbnailWebUrl", "title", "*",
    ]

    static func expectedSelectNames(_ path: String) -> Set<String> {
        if path.contains("learningCourseActivities") { return activityProperties }
        if path.contains("learningContents") { return contentProperties }
        return providerProperties
    }

    /// The reads that return entities (a `/$count` read returns a bare integer and takes no `$select`).
    static let reads = OpenAPIExporter.describedEndpoints(configuration: .default).filter { $0.method == "get" && !$0.isCount }

    @Test(arguments: reads)
    func selectItemsAreTheAddressedTypesPropertiesAndAtLeastOne(_ endpoint: APIEndpoint) throws {
        let operation = try #require(Self.operation(document, endpoint.method, endpoint.path))
        let schema = try #require(Self.selectSchema(document, operation), "\(endpoint.id) has no $select")
        #expect(schema["type"] == "array")
        #expect(schema["minItems"] == 1, "an empty $select is 400 invalidQueryOption")
        let names = Set(schema["items"]?["enum"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        #expect(names == Self.expectedSelectNames(endpoint.path), "\(endpoint.id)")
    }

    /// OData 4.01 ABNF, rules `top` and `skip`: a non-negative integer (`1*DIGIT`). `serve` reads it as a 64-bit
    /// integer, so the schema bounds it there: Schemathesis sent `$skip=52773400751189971307593728`, which the old
    /// schema (minimum 0, no maximum) allowed and `serve` answered 400.
    @Test(arguments: ["top", "skip"])
    func pagingOptionsAreNonNegative64BitIntegers(_ name: String) throws {
        let schema = try #require(document["components"]?["parameters"]?[name]?["schema"])
        #expect(schema["type"] == "integer")
        #expect(schema["minimum"] == 0)
        #expect(schema["maximum"]?.numberValue?.lexeme == "9223372036854775807")
    }

    // MARK: - B2: /me takes delegated tokens only

    @Test(arguments: OpenAPIExporter.describedEndpoints(configuration: .default))
    func securityListsOnlyTokenKindsThePathCanServe(_ endpoint: APIEndpoint) throws {
        let security = try #require(Self.operation(document, endpoint.method, endpoint.path)?["security"]?.arrayValue)
        #expect(!security.isEmpty)
        if endpoint.path.hasPrefix("/me/") {
            // `/me` is the signed-in user: learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0,
            // "HTTP request" (the `/me` form); an application token has no signed-in user.
            #expect(security.allSatisfy { $0["application"] == nil }, "\(endpoint.id): \(security)")
            #expect(security.contains { $0["delegated"] != nil })
        }
    }

    /// learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, "Permissions" table: Application
    /// LearningAssignedCourse.Read.All (and higher). The by-id and users forms keep them; only `/me` loses them.
    @Test func getByIdStillTakesApplicationTokens() throws {
        let security = try #require(Self.operation(document, "get", "/employeeExperience/learningCourseActivities/{id}")?["security"]?.arrayValue)
        #expect(security.contains(["application": ["LearningAssignedCourse.Read.All"]]))
        let me = try #require(Self.operation(document, "get", "/me/employeeExperience/learningCourseActivities/{id}")?["security"]?.arrayValue)
        #expect(me == [["delegated": ["LearningAssignedCourse.Read"]], ["delegated": ["LearningSelfInitiatedCourse.Read"]]])
    }

    // MARK: - 403 for a token without the permission

    /// Every operation whose `security` lists requirements can be called with a token that lacks them, which `serve`
    /// answers 403 Forbidden; the provider create and update in particular take no application permission
    /// (learn.microsoft.com/graph/api/employeeexperience-post-learningproviders?view=graph-rest-1.0 and
    /// learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0, "Permissions" tables:
    /// Application "Not supported"), nor does the list (learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0,
    /// "Permissions" table: Application "Not supported").
    @Test(arguments: OpenAPIExporter.describedEndpoints(configuration: .default))
    func aTokenWithoutThePermissionGetsADocumented403(_ endpoint: APIEndpoint) throws {
        let operation = try #require(Self.operation(document, endpoint.method, endpoint.path))
        let forbidden = try #require(operation["responses"]?["403"], "\(endpoint.id) lists no 403")
        #expect(forbidden["x-error-rows"]?.arrayValue?.contains("permissionScopeMissing") == true, "\(endpoint.id)")
    }

    // MARK: - The external-id path parameters: a quote is doubled

    static func matches(_ pattern: String, _ text: String) throws -> Bool {
        let regex = try NSRegularExpression(pattern: pattern)
        return regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    /// OData 4.01 ABNF, rule `SQUOTE-in-string`: inside `'…'` a quote is written twice; the key forms of
    /// learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0 ("HTTP request") and
    /// learn.microsoft.com/graph/api/learningcontent-get?view=graph-rest-1.0 ("HTTP request") quote the key.
    @Test(arguments: ["externalCourseActivityId", "externalId"])
    func quotedKeyParametersAllowOnlyDoubledQuotes(_ name: String) throws {
        let schema = try #require(document["components"]?["parameters"]?[name]?["schema"])
        let pattern = try #require(schema["pattern"]?.stringValue, "\(name) has no pattern")
        for valid in ["LP4471", "a''b", "''", "it''s ''quoted''", "a/b", "é", " "] {
            #expect(try Self.matches(pattern, valid), "\(name): \(valid)")
        }
        for invalid in ["'", "a'b", "x'", "'''", "a''b'"] {
            #expect(try !Self.matches(pattern, invalid), "\(name): \(invalid)")
        }
    }

    // MARK: - B4: a response may carry every value serve echoes

    /// learn.microsoft.com/graph/api/resources/learningcontent, "Properties" table, row level ("Beginner",
    /// "Intermediate", "Advanced", "unknownFutureValue"), and the response example of
    /// learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0 (`"level": "Beginner"`); the
    /// metadata's members are lower case. `serve` echoes the value as sent, so the response schema takes both.
    @Test func contentLevelInAResponseTakesBothCasings() throws {
        let level = try #require(document["components"]?["schemas"]?["microsoft.graph.learningContent"]?["properties"]?["level"])
        let values = Set(level["enum"]?.arrayValue?.compactMap(\.stringValue) ?? [])
        let expected: Set<String> = ["beginner", "intermediate", "advanced", "unknownFutureValue", "Beginner", "Intermediate", "Advanced"]
        #expect(expected.isSubset(of: values), "missing \(expected.subtracting(values))")
        #expect(level["enum"]?.arrayValue?.contains(.null) == true, "level is nullable in the metadata")
    }

    // MARK: - D6: a response carries null where the metadata allows it

    /// graph.microsoft.com/v1.0/$metadata (github.com/microsoftgraph/msgraph-metadata, schemas/v1.0-Prod.csdl),
    /// EntityType learningCourseActivity and learningAssignment: `status` has no `Nullable="false"` (so a
    /// self-initiated course created without status, which the lenient reading of selfInitiatedStatusRequired
    /// accepts, is returned with `"status": null`: Schemathesis ST108 on `serve`), while `learnerUserId`,
    /// `learningContentId` and `assignmentType` are `Nullable="false"`.
    @Test(arguments: [
        ("microsoft.graph.learningSelfInitiatedCourse", "status", true),
        ("microsoft.graph.learningAssignment", "status", true),
        ("microsoft.graph.learningSelfInitiatedCourse", "completionPercentage", true),
        ("microsoft.graph.learningSelfInitiatedCourse", "learnerUserId", false),
        ("microsoft.graph.learningAssignment", "learningContentId", false),
        ("microsoft.graph.learningAssignment", "assignmentType", false),
    ])
    func responseNullabilityIsTheMetadatas(_ type: String, _ property: String, _ nullable: Bool) throws {
        let schema = try #require(document["components"]?["schemas"]?[type]?["properties"]?[property])
        let types = schema["type"]?.arrayValue?.compactMap(\.stringValue) ?? [schema["type"]?.stringValue].compactMap { $0 }
        #expect(types.contains("null") == nullable, "\(type).\(property): type \(types)")
        if let members = schema["enum"]?.arrayValue { #expect(members.contains(.null) == nullable, "\(type).\(property): enum") }
    }

    // MARK: - B6: Prefer is any string

    /// RFC 7240 section 2: a server that doesn't recognise a preference ignores it, so any value is a valid request;
    /// learn.microsoft.com/graph/api/learningcourseactivity-list?view=graph-rest-1.0, "Request headers" table, row
    /// Prefer (include-unknown-enum-members, optional).
    @Test func preferIsAStringThatMayCarryTheEnumPreference() throws {
        let prefer = try #require(document["components"]?["parameters"]?["prefer"])
        #expect(prefer["in"] == "header")
        #expect(prefer["schema"]?["type"] == "string")
        #expect(prefer["schema"]?["enum"] == nil)
        #expect(prefer["description"]?.stringValue?.contains("include-unknown-enum-members") == true)
    }

    // MARK: - D4: one DELETE per provider or content, at the entity path

    /// learn.microsoft.com/graph/api/employeeexperience-delete-learningproviders?view=graph-rest-1.0 and
    /// learn.microsoft.com/graph/api/learningprovider-delete-learningcontents?view=graph-rest-1.0, "HTTP request":
    /// the pages print `/$ref` forms; `serve` deletes the entity through them and at the entity path alike (README,
    /// "Reference emulator"). The document lists each deletion once, at the entity path, and names the `/$ref` form.
    @Test(arguments: [
        ("/employeeExperience/learningProviders/{learningProviderId}", "/employeeExperience/learningProviders/{learningProviderId}/$ref"),
        (
            "/employeeExperience/learningProviders/{learningProviderId}/learningContents/{learningContentId}",
            "/employeeExperience/learningProviders/{learningProviderId}/learningContents/{learningContentId}/$ref"
        ),
        (
            "/employeeExperience/learningProviders/{learningProviderId}/learningContents(externalId='{externalId}')",
            "/employeeExperience/learningProviders/{learningProviderId}/learningContents(externalId='{externalId}')/$ref"
        ),
    ])
    func refDeleteIsNamedOnTheEntityDelete(_ entityPath: String, _ refPath: String) throws {
        #expect(document["paths"]?[refPath] == nil, "\(refPath) is listed as a path of its own")
        let delete = try #require(Self.operation(document, "delete", entityPath))
        let forms = delete["x-ref-forms"]?.arrayValue?.compactMap { $0["path"]?.stringValue } ?? []
        #expect(forms == [refPath])
        #expect(delete["responses"]?["204"] != nil)
    }

    // MARK: - B8: a provider update may leave a logo out, not set it to null

    static let logos = ["longLogoWebUrlForDarkTheme", "longLogoWebUrlForLightTheme", "squareLogoWebUrlForDarkTheme", "squareLogoWebUrlForLightTheme"]

    /// learn.microsoft.com/graph/api/resources/learningprovider, "Properties" table, rows longLogoWebUrlForDarkTheme,
    /// longLogoWebUrlForLightTheme, squareLogoWebUrlForDarkTheme, squareLogoWebUrlForLightTheme: Required (and not
    /// nullable in the metadata); learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0,
    /// "Request body": supply only the properties to update.
    @Test(arguments: logos)
    func providerUpdateRefusesANullLogo(_ name: String) throws {
        let contract = Contract()
        let null = try JSONReader().read(Array("{\"\(name)\": null}".utf8)).root
        let report = contract.validate(null, operation: .updateProvider)
        #expect(!report.isValid, "\(name): null accepted")
        #expect(report.violations.contains { $0.detail.contains(name) }, "\(report.violations.map(\.detail))")
        let omitted = try JSONReader().read(Array("{\"displayName\": \"Renamed\"}".utf8)).root
        #expect(contract.validate(omitted, operation: .updateProvider).isValid, "a logo left out must be fine")
        let url = try JSONReader().read(Array("{\"\(name)\": \"https://example.com/logo.png\"}".utf8)).root
        #expect(contract.validate(url, operation: .updateProvider).isValid)

        let schema = try #require(document["components"]?["schemas"]?["updateProvider"]?["properties"]?[name])
        #expect(schema["type"] == "string", "\(name): \(schema["type"] ?? .null)")
        #expect(document["components"]?["schemas"]?["updateProvider"]?["required"]?.arrayValue?.contains(.string(name)) != true)
    }
}
