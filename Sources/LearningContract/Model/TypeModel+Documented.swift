/// The types of the API and their properties, from the metadata (CSDL, github.com/microsoftgraph/msgraph-metadata
/// schemas/v1.0-Prod.csdl) and the resource pages' "Properties" tables; updatability from the update pages'
/// "Request body" tables.
extension TypeModel {
    // MARK: - Sources

    private static func csdl(_ type: String, _ property: String) -> Source {
        Source("github.com/microsoftgraph/msgraph-metadata/blob/master/schemas/v1.0-Prod.csdl", "EntityType \(type), Property \(property)")
    }

    private static func updateRow(_ table: String, _ property: String) -> Source {
        Source("learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0", "\"Request body\", \(table) table, row \(property)")
    }

    private static func notInUpdate(_ type: String, _ property: String) -> Source {
        Source("learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0",
               "\"Request body\" tables: \(property) is not listed, so not updatable (\(csdl(type, property).location))")
    }

    private static func row(_ resource: String, _ property: String) -> Source {
        Source("learn.microsoft.com/graph/api/resources/\(resource)?view=graph-rest-1.0", "\"Properties\" table, row \(property)")
    }

    // MARK: - learningCourseActivity and its subtypes

    /// The alternate key of learningCourseActivity. The one place that knows it has two spellings: the metadata's
    /// `externalcourseActivityId` (property and `Org.OData.Core.V1.AlternateKeys` alias) and the resource pages'
    /// `externalCourseActivityId`.
    public static let externalCourseActivityId = PropertyDefinition(
        "externalCourseActivityId", .string, access: .createOnly,
        metadataName: "externalcourseActivityId", spellingAmbiguity: .externalCourseActivityIdSpelling,
        source: Source(
            "learn.microsoft.com/graph/api/resources/learningcourseactivity?view=graph-rest-1.0",
            "\"Properties\" table, row externalCourseActivityId; the metadata (schemas/v1.0-Prod.csdl, EntityType learningCourseActivity) spells it externalcourseActivityId"))

    private static let id = PropertyDefinition(
        "id", .string, nullable: false, access: .readOnly, source: csdl("entity", "id (the key, Nullable=false)"))

    private static func completedDateTime(_ table: String) -> PropertyDefinition {
        PropertyDefinition("completedDateTime", .string, format: "date-time", access: .updatable, source: updateRow(table, "completedDateTime"))
    }

    private static func completionPercentage(_ table: String) -> PropertyDefinition {
        PropertyDefinition("completionPercentage", .integer, format: "int32", access: .updatable, source: updateRow(table, "completionPercentage"))
    }

    private static func status(_ table: String) -> PropertyDefinition {
        PropertyDefinition("status", .string, format: "courseStatus", access: .updatable, source: updateRow(table, "status"))
    }

    private static func base(_ type: String, _ name: String, nullable: Bool) -> PropertyDefinition {
        PropertyDefinition(name, .string, nullable: nullable, access: .createOnly, source: notInUpdate(type, name))
    }

    /// learningAssignment, in the order of the docs' response examples
    /// (learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, "Response" example).
    public static let learningAssignment = TypeModel(name: "learningAssignment", properties: [
        PropertyDefinition("assignedDateTime", .string, format: "date-time", access: .updatable, source: updateRow("assignment", "assignedDateTime")),
        PropertyDefinition("assignmentType", .string, format: "assignmentType", nullable: false, access: .createOnly,
                           source: notInUpdate("learningAssignment", "assignmentType")),
        PropertyDefinition("assignerUserId", .string, access: .createOnly, source: notInUpdate("learningAssignment", "assignerUserId")),
        completedDateTime("assignment"),
        completionPercentage("assignment"),
        PropertyDefinition("dueDateTime", .object, format: "dateTimeTimeZone", access: .updatable, source: updateRow("assignment", "dueDateTime")),
        externalCourseActivityId,
        id,
        base("learningCourseActivity", "learningContentId", nullable: false),
        base("learningCourseActivity", "learningProviderId", nullable: true),
        base("learningCourseActivity", "learnerUserId", nullable: false),
        PropertyDefinition("notes", .object, format: "itemBody", access: .updatable, source: updateRow("assignment", "notes")),
        status("assignment"),
    ])

    /// learningSelfInitiatedCourse, in the order of the docs' response examples.
    public static let learningSelfInitiatedCourse = TypeModel(name: "learningSelfInitiatedCourse", properties: [
        completedDateTime("self-initiated"),
        completionPercentage("self-initiated"),
        externalCourseActivityId,
        id,
        base("learningCourseActivity", "learningContentId", nullable: false),
        base("learningCourseActivity", "learningProviderId", nullable: true),
        base("learningCourseActivity", "learnerUserId", nullable: false),
        PropertyDefinition("startedDateTime", .string, format: "date-time", access: .updatable, source: updateRow("self-initiated", "startedDateTime")),
        status("self-initiated"),
    ])

    // MARK: - learningProvider and learningContent

    private static func provider(_ name: String, _ type: PropertyDefinition.JSONType = .string, nullable: Bool = true) -> PropertyDefinition {
        PropertyDefinition(name, type, nullable: nullable, access: .updatable, source: row("learningprovider", name))
    }

    /// learningProvider; every property but `id` is updatable
    /// (learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0, "Request body" table).
    public static let learningProvider = TypeModel(name: "learningProvider", properties: [
        id,
        provider("displayName", nullable: false),
        provider("isCourseActivitySyncEnabled", .boolean),
        provider("loginWebUrl"),
        provider("longLogoWebUrlForDarkTheme", nullable: false),
        provider("longLogoWebUrlForLightTheme", nullable: false),
        provider("squareLogoWebUrlForDarkTheme", nullable: false),
        provider("squareLogoWebUrlForLightTheme", nullable: false),
    ])

    private static func content(
        _ name: String, _ type: PropertyDefinition.JSONType = .string, format: String? = nil, nullable: Bool = true
    ) -> PropertyDefinition {
        PropertyDefinition(name, type, format: format, nullable: nullable, access: .updatable, source: row("learningcontent", name))
    }

    /// learningContent; an upsert replaces every property but `id` and the alternate key `externalId`
    /// (learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0, "Request body").
    public static let learningContent = TypeModel(name: "learningContent", properties: [
        content("additionalTags", .array),
        content("contentWebUrl", nullable: false),
        content("contributors", .array),
        content("createdDateTime", format: "date-time"),
        content("description"),
        content("duration", format: "duration"),
        PropertyDefinition("externalId", .string, nullable: false, access: .createOnly, source: row("learningcontent", "externalId (alternate key)")),
        content("format"),
        id,
        content("isActive", .boolean),
        content("isPremium", .boolean),
        content("isSearchable", .boolean),
        content("languageTag", nullable: false),
        content("lastModifiedDateTime", format: "date-time"),
        content("level", format: "level"),
        content("numberOfPages", .integer, format: "int32"),
        content("skillTags", .array),
        content("sourceName"),
        content("thumbnailWebUrl"),
        content("title", nullable: false),
    ])

    // MARK: - Complex types

    /// itemBody (learn.microsoft.com/graph/api/resources/itembody?view=graph-rest-1.0, "Properties" table).
    public static let itemBody = TypeModel(name: "itemBody", properties: [
        PropertyDefinition("content", .string, access: .updatable, source: row("itembody", "content")),
        PropertyDefinition("contentType", .string, format: "bodyType", access: .updatable, source: row("itembody", "contentType")),
    ])

    /// dateTimeTimeZone (learn.microsoft.com/graph/api/resources/datetimetimezone?view=graph-rest-1.0, "Properties" table).
    public static let dateTimeTimeZone = TypeModel(name: "dateTimeTimeZone", properties: [
        PropertyDefinition("dateTime", .string, nullable: false, access: .updatable, source: row("datetimetimezone", "dateTime")),
        PropertyDefinition("timeZone", .string, access: .updatable, source: row("datetimetimezone", "timeZone")),
    ])

    /// Every type of the API.
    public static let documented: [TypeModel] = [
        learningAssignment, learningSelfInitiatedCourse, learningProvider, learningContent, itemBody, dateTimeTimeZone,
    ]

    /// The contradictions about a property's spelling (today one: the external id's).
    public static let spellingAmbiguities: Set<Ambiguity.ID> = Set(documented.flatMap { $0.properties.compactMap(\.spellingAmbiguity) })
}
