/// The contract's rules, built from the docs. Each `Source` names the page (a DocumentationPage label) and the table row.
extension RuleSet {
    /// The rules, with assumed length limits replaced by `lengthLimits` (dotted field path → scalars).
    public static func standard(
        lengthLimits: [String: Int] = [:], unknownProperties: UnknownPropertyPolicy = .reject
    ) -> RuleSet {
        var set = RuleSet(
            bodies: [
                createAssignment, createSelfInitiated, updateAssignment, updateSelfInitiated,
                createProvider, updateProvider, upsertContent,
            ],
            enums: enums,
            unknownProperties: unknownProperties
        )
        if !lengthLimits.isEmpty {
            set.bodies = set.bodies.map { body in
                var body = body
                body.fields = body.fields.map { $0.overridingLengths(lengthLimits, prefix: "") }
                return body
            }
        }
        return set
    }

    static let assignmentType = "#microsoft.graph.learningAssignment"
    static let selfInitiatedType = "#microsoft.graph.learningSelfInitiatedCourse"

    // MARK: - Enums (CSDL-v1 member order; graph.microsoft.com/v1.0/$metadata, EntityType learningCourseActivity)

    static let enums: [EnumDefinition] = [
        EnumDefinition(
            name: "assignmentType", members: ["required", "recommended", "unknownFutureValue", "peerRecommended"],
            sentinel: "unknownFutureValue", source: Source("CSDL-v1", "EnumType assignmentType")),
        EnumDefinition(
            name: "courseStatus", members: ["notStarted", "inProgress", "completed", "unknownFutureValue"],
            sentinel: "unknownFutureValue", source: Source("CSDL-v1", "EnumType courseStatus")),
        EnumDefinition(name: "bodyType", members: ["text", "html"], source: Source("CSDL-v1", "EnumType bodyType")),
        EnumDefinition(
            name: "level", members: ["beginner", "intermediate", "advanced", "unknownFutureValue"],
            sentinel: "unknownFutureValue", source: Source("CSDL-v1", "EnumType level")),
    ]

    // MARK: - Assumed length limits (none documented: no MaxLength in graph.microsoft.com/v1.0/$metadata)

    /// Ids are GUIDs (36) or `{learnerUserId}:{GUID}` (73) in the examples (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, example 1 response (id); learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, example 1); 256 leaves room.
    static let idLength = FieldRule.LengthLimit(256, source: .assumed("no limit documented (no page documents one: no MaxLength in graph.microsoft.com/v1.0/$metadata, none in any Properties table); ids in examples are ≤ 73 characters"))
    static let externalIdLength = FieldRule.LengthLimit(256, source: .assumed("no limit documented (no page documents one: no MaxLength in graph.microsoft.com/v1.0/$metadata, none in any Properties table); provider-defined ids"))
    static let notesLength = FieldRule.LengthLimit(65_536, source: .assumed("no limit documented (no page documents one: no MaxLength in graph.microsoft.com/v1.0/$metadata, none in any Properties table)"))
    static let timeZoneLength = FieldRule.LengthLimit(128, source: .assumed("Windows and IANA zone names are far shorter"))
    static let textLength = FieldRule.LengthLimit(1_024, source: .assumed("no limit documented (learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0; learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0)"))
    static let longTextLength = FieldRule.LengthLimit(65_536, source: .assumed("no limit documented (learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0)"))
    static let urlLength = FieldRule.LengthLimit(2_048, source: .assumed("common URL limit; none documented"))

    // MARK: - Complex types

    static let dateTimeTimeZone = FieldKind.object(type: "dateTimeTimeZone", fields: [
        FieldRule(
            name: "dateTime", kind: .localDateTime, presence: .required, nullable: false, nonEmpty: true,
            source: Source("CSDL-v1", "ComplexType dateTimeTimeZone: dateTime Nullable=false; DTTZ description")),
        FieldRule(
            name: "timeZone", kind: .string, nullable: true, maxLength: timeZoneLength,
            source: Source("CSDL-v1", "ComplexType dateTimeTimeZone: timeZone (nullable)")),
    ])

    static let itemBody = FieldKind.object(type: "itemBody", fields: [
        FieldRule(
            name: "content", kind: .string, nullable: true, maxLength: notesLength,
            source: Source("CSDL-v1", "ComplexType itemBody: content")),
        FieldRule(
            name: "contentType", kind: .enumeration(name: "bodyType", allowed: ["text", "html"]), nullable: true,
            source: Source("ITEMBODY-v1", "contentType: text or html")),
    ])

    // MARK: - Fields shared by the activity bodies

    private static func createTable(_ row: String) -> Source { Source("CREATE-v1", "request body table, row \(row)") }
    private static func updateTable(_ subtype: String, _ row: String) -> Source {
        Source("UPDATE-v1", "\(subtype) table, row \(row)")
    }

    static let completionPercentage = FieldRule(
        name: "completionPercentage", kind: .integer(range: 0...100), nullable: true,
        source: Source("CREATE-v1", "request body table, row completionPercentage: \"between 0 and 100 (inclusive)\"; also UPDATE-v1, RES-LA-v1, RES-LSIC-v1"))

    static func dateTimeOffset(_ name: String, _ source: Source) -> FieldRule {
        FieldRule(name: name, kind: .dateTimeOffset, nullable: true, source: source)
    }

    static func requiredID(_ name: String, _ source: Source) -> FieldRule {
        FieldRule(name: name, kind: .string, presence: .required, nullable: false, nonEmpty: true, maxLength: idLength, source: source)
    }

    /// Named and spelled as the type model says (`TypeModel.externalCourseActivityId`: the docs' spelling, and the
    /// metadata's as an alias under its ambiguity).
    static let externalCourseActivityId = FieldRule(
        name: TypeModel.externalCourseActivityId.name, kind: .string, nullable: TypeModel.externalCourseActivityId.nullable,
        nonEmpty: true, maxLength: externalIdLength,
        aliases: TypeModel.externalCourseActivityId.metadataName.map { [FieldRule.Alias($0, ambiguity: .externalCourseActivityIdSpelling)] } ?? [],
        source: TypeModel.externalCourseActivityId.source)

    static let learningProviderId = FieldRule(
        name: "learningProviderId", kind: .string, presence: .disputedRequired(.learningProviderIdRequired), nullable: true,
        nonEmpty: true, maxLength: idLength,
        source: Source("CREATE-v1", "request body table, row learningProviderId (Required); example 2 omits it"))

    static func serverGenerated(_ name: String, _ source: Source) -> FieldRule {
        FieldRule(name: name, kind: .string, presence: .disputedPresent(.serverGeneratedFieldsInCreate), nullable: true, source: source)
    }

    /// The entity's own key in an update body: like the other non-updatable properties, accepted and ignored under
    /// lenient (a reported variant) and refused under strict, so a client can GET, change a field and PATCH the
    /// object back as the official SDKs do. OData 4.01 Protocol §11.4.3 "Update an Entity": key and other
    /// non-updatable properties "can be omitted from the request. If the request contains a value for one of these
    /// properties, the service MUST ignore that value when applying the update."
    static let keyInUpdate = FieldRule(
        name: "id", kind: .string, presence: .disputedPresent(.nonUpdatableFieldsInUpdate), nullable: false,
        source: Source(
            "docs.oasis-open.org/odata/odata/v4.01/odata-v4.01-part1-protocol.html",
            "section 11.4.3 Update an Entity: a key property in the body is ignored (CSDL-v1: entity key id, Nullable=false)"))

    static func status(allowed: [String], variants: [FieldRule.VariantValue], presence: Presence, source: Source) -> FieldRule {
        FieldRule(
            name: "status", kind: .enumeration(name: "courseStatus", allowed: allowed), presence: presence, nullable: false,
            variantValues: variants + [FieldRule.VariantValue("unknownFutureValue", ambiguity: .courseStatusSentinel)], source: source)
    }

    static let notes = FieldRule(
        name: "notes", kind: itemBody, nullable: true,
        alternateKinds: [FieldRule.AlternateKind(.string, ambiguity: .notesShape)],
        source: Source("CSDL-v1", "learningAssignment.notes: graph.itemBody; CREATE-v1 table says String"))

    static let dueDateTime = FieldRule(
        name: "dueDateTime", kind: dateTimeTimeZone, nullable: true,
        alternateKinds: [FieldRule.AlternateKind(.dateTimeOffset, ambiguity: .dueDateTimeShape)],
        source: Source("CSDL-v1", "learningAssignment.dueDateTime: graph.dateTimeTimeZone; CREATE-v1 table says DateTimeOffset"))

    static let assignmentTypeField = FieldRule(
        name: "assignmentType", kind: .enumeration(name: "assignmentType", allowed: ["required", "recommended", "unknownFutureValue"]),
        presence: .required, nullable: false,
        variantValues: [FieldRule.VariantValue("peerRecommended", ambiguity: .peerRecommendedOnCreate)],
        source: Source("CREATE-v1", "request body table, row assignmentType (Required); CSDL-v1 Nullable=false"))

    static let selfInitiatedNotStarted = FieldRule.VariantValue("notStarted", ambiguity: .selfInitiatedStatusValues, validIn: [.beta])

    private static let assignmentOnly = [
        "assignedDateTime", "assignerUserId", "assignmentType", "dueDateTime", "notes",
    ].reduce(into: [String: String]()) { $0[$1] = "learningAssignment" }
    private static let selfInitiatedOnly = ["startedDateTime": "learningSelfInitiatedCourse"]

    // MARK: - Create (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0)

    static let createAssignment = BodyRule(
        id: "createActivity.learningAssignment", operation: .createActivity, odataType: assignmentType,
        fields: [
            dateTimeOffset("assignedDateTime", createTable("assignedDateTime")),
            assignmentTypeField,
            FieldRule(name: "assignerUserId", kind: .string, nullable: true, nonEmpty: true, maxLength: idLength, source: createTable("assignerUserId")),
            dateTimeOffset("completedDateTime", createTable("completedDateTime")),
            completionPercentage,
            dueDateTime,
            externalCourseActivityId,
            serverGenerated("id", createTable("id (server-generated)")),
            requiredID("learnerUserId", createTable("learnerUserId (Required); CSDL-v1 Nullable=false")),
            requiredID("learningContentId", createTable("learningContentId (Required); CSDL-v1 Nullable=false")),
            learningProviderId,
            notes,
            serverGenerated("registrationId", createTable("registrationId (the path segment)")),
            FieldRule(
                name: "startedDateTime", kind: .dateTimeOffset, presence: .disputedPresent(.startedDateTimeOnAssignment), nullable: true,
                source: Source("RES-LA-v1", "property table, row startedDateTime; CSDL-v1 has it only on learningSelfInitiatedCourse")),
            status(
                allowed: ["notStarted", "inProgress", "completed"], variants: [], presence: .required,
                source: createTable("status (Required): notStarted, inProgress, completed")),
        ],
        otherSubtypeFields: [:],
        source: Source("CREATE-v1", "request body table and example 1"))

    static let createSelfInitiated = BodyRule(
        id: "createActivity.learningSelfInitiatedCourse", operation: .createActivity, odataType: selfInitiatedType,
        fields: [
            dateTimeOffset("completedDateTime", createTable("completedDateTime")),
            completionPercentage,
            externalCourseActivityId,
            serverGenerated("id", createTable("id (server-generated)")),
            requiredID("learnerUserId", Source("RES-LSIC-v1", "property table, row learnerUserId (Required)")),
            requiredID("learningContentId", Source("RES-LSIC-v1", "property table, row learningContentId (Required)")),
            learningProviderId,
            serverGenerated("registrationId", createTable("registrationId (the path segment)")),
            dateTimeOffset("startedDateTime", Source("RES-LSIC-v1", "property table, row startedDateTime")),
            status(
                allowed: ["inProgress", "completed"], variants: [selfInitiatedNotStarted],
                presence: .disputedRequired(.selfInitiatedStatusRequired),
                source: Source("RES-LSIC-v1", "property table, row status: inProgress, completed (v1.0)")),
        ],
        otherSubtypeFields: assignmentOnly,
        source: Source("CREATE-v1", "request body table and example 2"))

    // MARK: - Update (learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0)

    private static func notUpdatable(_ field: FieldRule) -> FieldRule {
        var field = field
        field.presence = .disputedPresent(.nonUpdatableFieldsInUpdate)
        return field
    }

    /// An update body's fields, each one the type model does not list as updatable marked `notUpdatable` (the
    /// update page's "Request body" tables, as `TypeModel` records them).
    private static func updateFields(of type: TypeModel, _ fields: [FieldRule]) -> [FieldRule] {
        fields.map { field in type.property(field.name)?.access == .updatable ? field : notUpdatable(field) }
    }

    static let updateAssignment = BodyRule(
        id: "updateActivity.learningAssignment", operation: .updateActivity, odataType: assignmentType,
        fields: updateFields(of: .learningAssignment, [
            dateTimeOffset("assignedDateTime", updateTable("assignment", "assignedDateTime")),
            assignmentTypeField,
            FieldRule(name: "assignerUserId", kind: .string, nullable: true, nonEmpty: true, maxLength: idLength, source: updateTable("assignment", "(not listed)")),
            dateTimeOffset("completedDateTime", updateTable("assignment", "completedDateTime")),
            completionPercentage,
            dueDateTime,
            externalCourseActivityId,
            keyInUpdate,
            FieldRule(name: "learnerUserId", kind: .string, nullable: false, maxLength: idLength, source: updateTable("assignment", "(not listed); CSDL-v1 Nullable=false")),
            FieldRule(name: "learningContentId", kind: .string, nullable: false, maxLength: idLength, source: updateTable("assignment", "(not listed); CSDL-v1 Nullable=false")),
            FieldRule(name: "learningProviderId", kind: .string, nullable: true, maxLength: idLength, source: updateTable("assignment", "(not listed)")),
            notes,
            status(
                allowed: ["notStarted", "inProgress", "completed"], variants: [], presence: .required,
                source: updateTable("assignment", "status (Required): notStarted, inProgress, completed")),
        ]),
        otherSubtypeFields: selfInitiatedOnly,
        source: Source("UPDATE-v1", "assignment table and example 1"))

    static let updateSelfInitiated = BodyRule(
        id: "updateActivity.learningSelfInitiatedCourse", operation: .updateActivity, odataType: selfInitiatedType,
        fields: updateFields(of: .learningSelfInitiatedCourse, [
            dateTimeOffset("completedDateTime", updateTable("self-initiated", "completedDateTime")),
            completionPercentage,
            externalCourseActivityId,
            keyInUpdate,
            FieldRule(name: "learnerUserId", kind: .string, nullable: false, maxLength: idLength, source: updateTable("self-initiated", "(not listed); CSDL-v1 Nullable=false")),
            FieldRule(name: "learningContentId", kind: .string, nullable: false, maxLength: idLength, source: updateTable("self-initiated", "(not listed); CSDL-v1 Nullable=false")),
            FieldRule(name: "learningProviderId", kind: .string, nullable: true, maxLength: idLength, source: updateTable("self-initiated", "(not listed)")),
            dateTimeOffset("startedDateTime", updateTable("self-initiated", "startedDateTime (no marker)")),
            status(
                allowed: ["inProgress", "completed"], variants: [selfInitiatedNotStarted], presence: .required,
                source: updateTable("self-initiated", "status (Required): inProgress, completed")),
        ]),
        otherSubtypeFields: assignmentOnly,
        source: Source("UPDATE-v1", "self-initiated table and example 2"))

    // MARK: - learningProvider (learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0)

    private static func providerRow(_ row: String) -> Source { Source("RES-LP-v1", "property table, row \(row)") }

    private static func url(_ name: String, _ presence: Presence) -> FieldRule {
        FieldRule(
            name: name, kind: .string, presence: presence, nullable: presence != .required, nonEmpty: true, maxLength: urlLength,
            source: providerRow(name + (presence == .required ? " (Required; CSDL Nullable=false)" : "")))
    }

    static let createProvider = BodyRule(
        id: "createProvider", operation: .createProvider,
        fields: [
            FieldRule(name: "displayName", kind: .string, presence: .required, nullable: false, nonEmpty: true, maxLength: textLength, source: providerRow("displayName (Required)")),
            FieldRule(name: "isCourseActivitySyncEnabled", kind: .boolean, nullable: true, source: providerRow("isCourseActivitySyncEnabled (default false)")),
            url("loginWebUrl", .optional),
            url("longLogoWebUrlForDarkTheme", .required), url("longLogoWebUrlForLightTheme", .required),
            url("squareLogoWebUrlForDarkTheme", .required), url("squareLogoWebUrlForLightTheme", .required),
        ],
        source: Source("RES-LP-v1", "Create method (employeeexperience-post-learningproviders)"))

    static let updateProvider = BodyRule(
        id: "updateProvider", operation: .updateProvider,
        fields: [
            FieldRule(name: "displayName", kind: .string, nullable: false, nonEmpty: true, maxLength: textLength, source: Source("LP-UPDATE-v1", "updatable: displayName")),
            keyInUpdate,
            FieldRule(name: "isCourseActivitySyncEnabled", kind: .boolean, nullable: true, source: Source("LP-UPDATE-v1", "updatable: isCourseActivitySyncEnabled")),
            url("loginWebUrl", .optional),
            logoInUpdate("longLogoWebUrlForDarkTheme"), logoInUpdate("longLogoWebUrlForLightTheme"),
            logoInUpdate("squareLogoWebUrlForDarkTheme"), logoInUpdate("squareLogoWebUrlForLightTheme"),
        ],
        source: Source("LP-UPDATE-v1", "\"Supply only the values for properties to update\""))

    /// A logo URL in a provider update: it may be left out (an update sends only what changes), but not set to null,
    /// since the property is required and not nullable.
    private static func logoInUpdate(_ name: String) -> FieldRule {
        FieldRule(
            name: name, kind: .string, presence: .optional, nullable: false, nonEmpty: true, maxLength: urlLength,
            source: Source(
                "learn.microsoft.com/graph/api/resources/learningprovider",
                "\"Properties\" table, row \(name) (Required; CSDL Nullable=false); learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0, \"Request body\" table: optional in an update"))
    }

    // MARK: - learningContent (learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0)

    private static func contentRow(_ row: String) -> Source { Source("RES-LC-v1", "property table, row \(row)") }

    static let upsertContent = BodyRule(
        id: "upsertContent", operation: .upsertContent,
        fields: [
            FieldRule(name: "additionalTags", kind: .stringArray, nullable: true, source: contentRow("additionalTags")),
            FieldRule(name: "contentWebUrl", kind: .string, presence: .required, nullable: false, nonEmpty: true, maxLength: urlLength, source: contentRow("contentWebUrl (Required)")),
            FieldRule(name: "contributors", kind: .stringArray, nullable: true, source: contentRow("contributors")),
            dateTimeOffset("createdDateTime", contentRow("createdDateTime (ISO 8601 UTC)")),
            FieldRule(name: "description", kind: .string, nullable: true, maxLength: longTextLength, source: contentRow("description")),
            FieldRule(name: "duration", kind: .duration, nullable: true, source: contentRow("duration (ISO 8601, e.g. PT20M)")),
            FieldRule(
                name: "externalId", kind: .string, presence: .optional, nullable: false, nonEmpty: true, maxLength: externalIdLength,
                source: Source("RES-LC-v1", "row externalId (Required); it is the alternate key, so the (externalId='…') path supplies it")),
            FieldRule(name: "format", kind: .string, nullable: true, maxLength: textLength, source: contentRow("format")),
            serverGenerated("id", contentRow("id (read-only)")),
            FieldRule(name: "isActive", kind: .boolean, nullable: true, source: contentRow("isActive (default true)")),
            FieldRule(name: "isPremium", kind: .boolean, nullable: true, source: contentRow("isPremium (default false)")),
            FieldRule(name: "isSearchable", kind: .boolean, nullable: true, source: contentRow("isSearchable (default true)")),
            FieldRule(name: "languageTag", kind: .string, presence: .required, nullable: false, nonEmpty: true, maxLength: textLength, source: contentRow("languageTag (Required)")),
            dateTimeOffset("lastModifiedDateTime", contentRow("lastModifiedDateTime (ISO 8601 UTC)")),
            FieldRule(
                name: "level", kind: .enumeration(name: "level", allowed: ["beginner", "intermediate", "advanced", "unknownFutureValue"]),
                nullable: true,
                variantValues: ["Beginner", "Intermediate", "Advanced"].map { FieldRule.VariantValue($0, ambiguity: .levelCasing) },
                source: Source("CSDL-v1", "EnumType level; RES-LC-v1 capitalises the values")),
            FieldRule(name: "numberOfPages", kind: .integer(range: Int64(Int32.min)...Int64(Int32.max)), nullable: true, source: contentRow("numberOfPages (Int32)")),
            FieldRule(name: "skillTags", kind: .stringArray, nullable: true, source: contentRow("skillTags")),
            FieldRule(name: "sourceName", kind: .string, nullable: true, maxLength: textLength, source: contentRow("sourceName")),
            FieldRule(name: "thumbnailWebUrl", kind: .string, nullable: true, maxLength: urlLength, source: contentRow("thumbnailWebUrl")),
            FieldRule(name: "title", kind: .string, presence: .required, nullable: false, nonEmpty: true, maxLength: textLength, source: contentRow("title (Required)")),
        ],
        source: Source("LC-UPDATE-v1", "upsert by id or externalId"))
}

extension FieldRule {
    /// The rule with its length limit (and its nested fields' limits) taken from `limits` where the dotted path is listed.
    func overridingLengths(_ limits: [String: Int], prefix: String) -> FieldRule {
        var rule = self
        let path = prefix.isEmpty ? name : prefix + "." + name
        if let value = limits[path] {
            rule.maxLength = LengthLimit(value, source: .assumed("overridden by the contract configuration"))
        }
        if case .object(let type, let fields) = kind {
            rule.kind = .object(type: type, fields: fields.map { $0.overridingLengths(limits, prefix: path) })
        }
        return rule
    }
}
