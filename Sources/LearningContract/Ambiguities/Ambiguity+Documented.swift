extension Ambiguity.ID {
    public static let externalCourseActivityIdSpelling: Self = "externalCourseActivityIdSpelling"
    public static let dueDateTimeShape: Self = "dueDateTimeShape"
    public static let notesShape: Self = "notesShape"
    public static let selfInitiatedStatusValues: Self = "selfInitiatedStatusValues"
    public static let selfInitiatedStatusRequired: Self = "selfInitiatedStatusRequired"
    public static let learningProviderIdRequired: Self = "learningProviderIdRequired"
    public static let peerRecommendedOnCreate: Self = "peerRecommendedOnCreate"
    public static let courseStatusSentinel: Self = "courseStatusSentinel"
    public static let nonUpdatableFieldsInUpdate: Self = "nonUpdatableFieldsInUpdate"
    public static let serverGeneratedFieldsInCreate: Self = "serverGeneratedFieldsInCreate"
    public static let startedDateTimeOnAssignment: Self = "startedDateTimeOnAssignment"
    public static let errorCodeCasing: Self = "errorCodeCasing"
    public static let errorMessageWording: Self = "errorMessageWording"
    public static let notFoundWording: Self = "notFoundWording"
    public static let retryAfterUnits: Self = "retryAfterUnits"
    public static let multipleViolationsShape: Self = "multipleViolationsShape"
    public static let alternateKeyQuoting: Self = "alternateKeyQuoting"
    public static let externalIdUniqueness: Self = "externalIdUniqueness"
    public static let levelCasing: Self = "levelCasing"
    public static let listWithApplicationToken: Self = "listWithApplicationToken"
    public static let updatePathWithoutProvider: Self = "updatePathWithoutProvider"
    public static let checkPrecedence: Self = "checkPrecedence"
    public static let docsWorldProviderOf8ba2: Self = "docsWorldProviderOf8ba2"
    public static let updateExample2Target: Self = "updateExample2Target"
    public static let contentUpsertStatus: Self = "contentUpsertStatus"
    public static let odataContextForm: Self = "odataContextForm"
}

extension Ambiguity {
    /// Every documented contradiction the package resolves, in spec order.
    public static let documented: [Ambiguity] = [
        Ambiguity(
            id: .externalCourseActivityIdSpelling, title: "externalCourseActivityId vs externalcourseActivityId",
            readings: [
                Reading("externalcourseActivityId (lower-case c)", sources: ["CSDL-v1 property and alternate key", "TYPEMAP-beta", "SDK", "UPDATE-v1 older examples"]),
                Reading("externalCourseActivityId", sources: ["RES-LA-v1", "RES-LSIC-v1", "CREATE-v1", "GET-v1/LIST-v1 examples", "UPDATE-v1 newest"]),
            ],
            preferred: "Input: externalCourseActivityId, the spelling of every newest page and request example. Responses: the wire spelling (serve --wire-spelling, contract file wireSpelling), by default csdl: externalcourseActivityId, the metadata's, which the official SDKs read; docs: externalCourseActivityId.",
            strict: "With wire spelling csdl (the default), the metadata spelling stays accepted and reported as a variant, so clients can send back what they read; with wire spelling docs, a body using externalcourseActivityId is a violation (fieldInvalid). Keys take both spellings.",
            lenient: "Both spellings are accepted; the metadata spelling is reported as a variant. Sending both is a violation.",
            affects: [.validation, .emulator, .runner]),
        Ambiguity(
            id: .dueDateTimeShape, title: "dueDateTime: dateTimeTimeZone object or DateTimeOffset string",
            readings: [
                Reading("dateTimeTimeZone object {dateTime, timeZone}", sources: ["CSDL-v1", "RES-LCA-v1 table", "every request and response example"]),
                Reading("DateTimeOffset string", sources: ["RES-LA-v1 table and JSON", "CREATE-v1 and UPDATE-v1 request tables"]),
            ],
            preferred: "The object: the CSDL defines the wire type and every example sends it.",
            strict: "A string is a violation (fieldInvalid).",
            lenient: "An RFC 3339 string is accepted and reported as a variant.",
            affects: [.validation, .emulator]),
        Ambiguity(
            id: .notesShape, title: "notes: itemBody object or string",
            readings: [
                Reading("itemBody object {contentType, content}", sources: ["CSDL-v1", "every example", "RES-LA-beta draft JSON"]),
                Reading("String", sources: ["RES-LA-v1 table and JSON", "CREATE-v1 and UPDATE-v1 tables"]),
            ],
            preferred: "The itemBody object (CSDL and every example).",
            strict: "A string is a violation (fieldInvalid).",
            lenient: "A string is accepted and reported as a variant.",
            affects: [.validation, .emulator]),
        Ambiguity(
            id: .selfInitiatedStatusValues, title: "Status values of a self-initiated course",
            readings: [
                Reading("inProgress, completed", sources: ["RES-LSIC-v1", "UPDATE-v1 self-initiated table"]),
                Reading("notStarted, inProgress, completed", sources: ["RES-LSIC-beta", "old UPDATE-beta", "CREATE-v1 request table (one table for both types)"]),
            ],
            preferred: "v1.0: inProgress and completed; beta: all three.",
            strict: "notStarted on a v1.0 self-initiated course is a violation (fieldInvalid).",
            lenient: "notStarted on v1.0 is accepted and reported as a variant.",
            affects: [.validation, .emulator]),
        Ambiguity(
            id: .selfInitiatedStatusRequired, title: "Is status required when creating a self-initiated course?",
            readings: [
                Reading("Required", sources: ["CREATE-v1 request table", "RES-LCA-v1"]),
                Reading("Optional", sources: ["RES-LSIC-v1", "CSDL-v1 (nullable)"]),
            ],
            preferred: "Required (the create page's own table).",
            strict: "A missing status is fieldRequired.",
            lenient: "A missing status is accepted and reported as a variant.",
            affects: [.validation, .emulator]),
        Ambiguity(
            id: .learningProviderIdRequired, title: "Is learningProviderId required in a create body?",
            readings: [
                Reading("Required", sources: ["CREATE-v1 request table", "RES-LA-v1", "RES-LSIC-v1"]),
                Reading("Omitted; the service fills it from the path", sources: ["CREATE-v1 example 2 request and response", "CSDL-v1 (nullable)"]),
            ],
            preferred: "Required (the tables), but the example shows the service fills it.",
            strict: "A missing learningProviderId is fieldRequired.",
            lenient: "A missing learningProviderId is accepted, reported as a variant, and filled from the path.",
            affects: [.validation, .emulator]),
        Ambiguity(
            id: .peerRecommendedOnCreate, title: "May a create body send assignmentType peerRecommended?",
            readings: [
                Reading("required, recommended, unknownFutureValue", sources: ["CREATE-v1 request table"]),
                Reading("… and peerRecommended", sources: ["CSDL-v1", "RES-LCA-v1", "RES-LA-v1"]),
            ],
            preferred: "Accepted: it is a member of the CSDL enum.",
            strict: "peerRecommended on create is a violation (fieldInvalid).",
            lenient: "Accepted and reported as a variant.",
            affects: [.validation, .emulator]),
        Ambiguity(
            id: .courseStatusSentinel, title: "Is unknownFutureValue a courseStatus value a client may send?",
            readings: [
                Reading("notStarted, inProgress, completed, unknownFutureValue", sources: ["CSDL-v1", "TYPEMAP-beta"]),
                Reading("notStarted, inProgress, completed", sources: ["ENUMS", "every resource and request page"]),
            ],
            preferred: "Not sendable: the sentinel marks the evolvable-enum boundary (learn.microsoft.com/graph/api/resources/learningassignment?view=graph-rest-1.0, Properties table, row assignmentType (Prefer: include-unknown-enum-members)), no page lists it for status.",
            strict: "status unknownFutureValue is a violation (fieldInvalid).",
            lenient: "Accepted and reported as a variant.",
            affects: [.validation]),
        Ambiguity(
            id: .nonUpdatableFieldsInUpdate, title: "Update bodies that carry properties the update tables don't list",
            readings: [
                Reading("Only the listed properties are updatable", sources: ["UPDATE-v1 property tables"]),
                Reading("The examples send assignmentType, assignerUserId, learningProviderId, externalCourseActivityId, learningContentId, learnerUserId", sources: ["UPDATE-v1 examples 1 and 2"]),
                Reading("assignmentType is updatable (Required)", sources: ["old UPDATE-beta"]),
            ],
            preferred: "The tables: those properties are not changed by an update.",
            strict: "Sending one is a violation (fieldInvalid).",
            lenient: "They are accepted, reported as variants, and ignored (stored values stay); the emulator still answers 403 providerContentMismatch when a body names another provider's learningContentId (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Responses table, row 403 The provider isn't valid to create course activity for the given learning content), the one way the update table's 403 row can arise.",
            affects: [.validation, .emulator]),
        Ambiguity(
            id: .serverGeneratedFieldsInCreate, title: "id and registrationId listed as create body properties",
            readings: [
                Reading("Listed in the create request table (registrationId Required)", sources: ["CREATE-v1", "CREATE-beta"]),
                Reading("Server-generated id; registrationId is the path segment; no example sends either", sources: ["CREATE-v1 examples", "CSDL-v1"]),
            ],
            preferred: "Not sent: the server generates id and takes registrationId from the path.",
            strict: "Sending either is a violation (fieldInvalid).",
            lenient: "Accepted, reported as a variant, and ignored.",
            affects: [.validation, .emulator]),
        Ambiguity(
            id: .startedDateTimeOnAssignment, title: "startedDateTime on a learningAssignment",
            readings: [
                Reading("Listed on learningAssignment", sources: ["RES-LA-v1", "RES-LCA-v1 (base type)"]),
                Reading("Defined only on learningSelfInitiatedCourse", sources: ["CSDL-v1"]),
            ],
            preferred: "Only on learningSelfInitiatedCourse (CSDL).",
            strict: "startedDateTime on an assignment is a violation (fieldInvalid).",
            lenient: "Accepted (its format still checked) and reported as a variant.",
            affects: [.validation]),
        Ambiguity(
            id: .errorCodeCasing, title: "Error code casing and spelling",
            readings: [
                Reading("camelCase: badRequest, notFound, methodNotAllowed, internalServerError, tooManyRequests, serviceUnavailable", sources: ["newest GET-v1, UPDATE-v1, DELETE-v1, CREATE-v1"]),
                Reading("BadRequest / Bad Request / NotFound / Not Found / MethodNotAllowed / TooManyRequests / Too Many Requests …", sources: ["older GET-v1, UPDATE-v1, DELETE-v1", "ERR-PAGE", "RES-LCA-beta"]),
            ],
            preferred: "The newest camelCase codes (Forbidden stays capitalised everywhere); the emulator emits them.",
            strict: "The runner fails an older casing.",
            lenient: "The runner accepts an older casing and reports it as a variant.",
            affects: [.emulator, .runner]),
        Ambiguity(
            id: .errorMessageWording, title: "Error message wording across page versions",
            readings: [
                Reading("Newest wording (\"You don't have an adequate service plan…\", \"Contact your administrator…\")", sources: ["newest rendered pages"]),
                Reading("Older wording and typos (\"…a service plan adequate…\", \"global administrator\", \"{fieldName}shouldn't\", \"Input Field\")", sources: ["older commits", "ERR-PAGE", "RES-LCA-beta"]),
            ],
            preferred: "The newest wording, with the missing spaces of the create table restored.",
            strict: "The runner fails an older wording.",
            lenient: "The runner accepts an older wording and reports it as a variant.",
            affects: [.emulator, .runner]),
        Ambiguity(
            id: .notFoundWording, title: "404 message wording",
            readings: [
                Reading("The requested assignment ID doesn't exist.", sources: ["newest GET-v1, DELETE-v1"]),
                Reading("The assignment ID requested doesn't exist.", sources: ["UPDATE-v1", "ERR-PAGE update"]),
                Reading("The requested assignment {id} doesn't exist.", sources: ["older GET/UPDATE/DELETE", "ERR-PAGE get/delete"]),
            ],
            preferred: "Each operation's newest wording (activityNotFound for get/delete, activityNotFoundOnUpdate for update).",
            strict: "The runner fails another wording.",
            lenient: "The runner accepts another documented wording as a variant.",
            affects: [.emulator, .runner]),
        Ambiguity(
            id: .retryAfterUnits, title: "Retry after minutes (message) vs seconds (header)",
            readings: [
                Reading("Message \"Retry after {noOfMinutes} minutes\"", sources: ["every learning error table"]),
                Reading("Retry-After header in seconds", sources: ["THROTTLING", "ERRORS"]),
            ],
            preferred: "Both: the header carries seconds; the message carries minutes = ceil(seconds / 60).",
            strict: "A 429/503 without an integer Retry-After header is a deviation.",
            lenient: "The same: Retry-After is required by THROTTLING; the message's number is not checked.",
            affects: [.emulator, .runner]),
        Ambiguity(
            id: .multipleViolationsShape, title: "How several field violations are returned",
            readings: [
                Reading("One 400 badRequest, message \"badRequest\", details listing each field error", sources: ["CREATE-v1 / ERR-PAGE multiple-field row"]),
                Reading("Separate rows: \"Required fields are missing\", \"Input fields are invalid\"", sources: ["UPDATE-v1"]),
            ],
            preferred: "One 400 badRequest whose message is the first violation's and whose details list every violation (code, message, target). The docs never say; this is the chosen default.",
            strict: "The runner requires the chosen shape.",
            lenient: "The runner also accepts the documented table-level messages as variants.",
            affects: [.validation, .emulator, .runner]),
        Ambiguity(
            id: .alternateKeyQuoting, title: "Alternate key: quoted or unquoted value",
            readings: [
                Reading("(externalCourseActivityId='…') quoted", sources: ["GET-v1 newest", "OData string literal rule (QUERY)"]),
                Reading("(externalCourseActivityId=…) unquoted", sources: ["GET-v1 commits", "GET-beta", "GETBYEXT-beta"]),
            ],
            preferred: "Quoted.",
            strict: "An unquoted key is 400 (resourceNotFoundForSegment).",
            lenient: "An unquoted key is accepted.",
            affects: [.emulator, .runner]),
        Ambiguity(
            id: .externalIdUniqueness, title: "Is externalCourseActivityId unique?",
            readings: [
                Reading("Unique: it is the alternate key", sources: ["CSDL-v1 Core.AlternateKeys"]),
                Reading("Shared by an assignment and a self-initiated course", sources: ["LIST-v1 example", "CREATE-v1 examples"]),
            ],
            preferred: "Unique per provider (OData alternate-key semantics).",
            strict: "Creating a second activity with the same external id under one provider is 400 (fieldInvalid on externalCourseActivityId).",
            lenient: "Allowed; a key lookup returns the earliest-created match.",
            affects: [.emulator]),
        Ambiguity(
            id: .levelCasing, title: "learningContent level casing",
            readings: [
                Reading("beginner, intermediate, advanced, unknownFutureValue", sources: ["CSDL-v1"]),
                Reading("Beginner, Intermediate, Advanced", sources: ["RES-LC-v1", "LC-UPDATE-v1 example"]),
            ],
            preferred: "The CSDL's lower-case members.",
            strict: "Capitalised values are a violation (fieldInvalid).",
            lenient: "Capitalised values are accepted and reported as variants.",
            affects: [.validation, .emulator]),
        Ambiguity(
            id: .listWithApplicationToken, title: "Listing a user's activities with an application token",
            readings: [
                Reading("Application: Not supported", sources: ["LIST-v1 newest", "PERM-LIST-beta"]),
                Reading("Providers list a user's courses through /users/{id}", sources: ["EEU-LIST-beta prose"]),
            ],
            preferred: "Not supported (the newest permission table).",
            strict: "403 permissionScopeMissing.",
            lenient: "Allowed on /users/{id}/… with a Read.All or ReadWrite.All application role.",
            affects: [.emulator]),
        Ambiguity(
            id: .updatePathWithoutProvider, title: "PATCH without the provider segment",
            readings: [
                Reading("PATCH /employeeExperience/learningProviders/{registrationId}/learningCourseActivities/{id}", sources: ["UPDATE-v1", "UPDATE-beta newest"]),
                Reading("PATCH /employeeExperience/learningCourseActivities/{id}", sources: ["old UPDATE-beta"]),
            ],
            preferred: "With the provider segment.",
            strict: "PATCH on the global path is 405 methodNotAllowed.",
            lenient: "PATCH on the global path is accepted on beta.",
            affects: [.emulator]),
        Ambiguity(
            id: .checkPrecedence, title: "Which error wins when several apply",
            readings: [
                Reading("Tables list: permission, service plan, provider enabled, registrationId, not found, fields, provider/content, license", sources: ["CREATE-v1", "UPDATE-v1", "ERR-PAGE"]),
            ],
            preferred: CheckOrder.standard.summary + ". Undocumented; the chosen default (CheckOrder).",
            strict: "The same order.",
            lenient: "The same order.",
            affects: [.emulator, .runner]),
        Ambiguity(
            id: .docsWorldProviderOf8ba2, title: "Which provider owns activity 8ba2228a-…-0242ac120003",
            readings: [
                Reading("13727311-e7bb-470d-8b20-6a23d9030d70", sources: ["GET-v1 example 1", "LIST-v1 example"]),
                Reading("01e8f81b-3060-4dec-acf0-0389665a0a38", sources: ["GET-v1 example 2 (by external id)", "UPDATE-v1 examples (path)"]),
            ],
            preferred: "01e8f81b-…: so get-by-external-id and update work as written.",
            strict: "The same (seed data).",
            lenient: "The same (seed data); fixtures accept either provider id in GET example 1.",
            affects: [.emulator, .runner]),
        Ambiguity(
            id: .updateExample2Target, title: "Update example 2 sends a self-initiated body to assignment 8ba2…0003",
            readings: [
                Reading("Example 2 PATCHes …/learningCourseActivities/8ba2228a-e020-11ec-9d64-0242ac120003 with @odata.type learningSelfInitiatedCourse", sources: ["UPDATE-v1 example 2"]),
                Reading("8ba2228a-…0003 is a learningAssignment", sources: ["GET-v1 example 1", "UPDATE-v1 example 1"]),
            ],
            preferred: "The body's @odata.type must match the stored activity's type.",
            strict: "A mismatch is 400 fieldInvalid on @odata.type.",
            lenient: "The same; fixtures replay example 2 against the self-initiated activity be2f4d76-….",
            affects: [.emulator, .runner]),
        Ambiguity(
            id: .contentUpsertStatus, title: "learningContent PATCH answers 202 with a body",
            readings: [
                Reading("202 Accepted with the entity", sources: ["LC-UPDATE-v1"]),
                Reading("200/204, the usual Graph PATCH answers", sources: ["ERRORS", "LP-UPDATE-v1 (204)"]),
            ],
            preferred: "202 Accepted with the entity, as documented.",
            strict: "The runner requires 202.",
            lenient: "The runner accepts 200 or 204 as variants.",
            affects: [.emulator, .runner]),
        Ambiguity(
            id: .odataContextForm, title: "@odata.context form",
            readings: [
                Reading("$metadata#learningProviders('…')/learningCourseActivities('…')$entity", sources: ["every example"]),
                Reading("$metadata#employeeExperience/learningProviders('…')/learningCourseActivities/$entity", sources: ["OData JSON format (7.3)"]),
            ],
            preferred: "The standards form; the emulator emits it.",
            strict: "The runner requires a $metadata# URL.",
            lenient: "The runner requires a $metadata# URL.",
            affects: [.emulator, .runner]),
    ]
}
