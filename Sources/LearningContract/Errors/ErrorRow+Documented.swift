extension ErrorRow.ID {
    // Documented in the learning error tables (the pages learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 and learningcourseactivity-get, -list, -update and -delete (same path and view); github.com/microsoftgraph/microsoft-graph-docs-contrib/blob/01483532/api-reference/beta/resources/learningcourseactivity.md, Errors table; github.com/search?type=code&q=repo%3Amicrosoftgraph%2Fmicrosoft-graph-docs-contrib+%22Error+Responses+in+the+LearningCourseActivity+API%22 (the learning errors page)).
    public static let methodNotAllowed: Self = "methodNotAllowed"
    public static let permissionScopeMissing: Self = "permissionScopeMissing"
    public static let servicePlanInadequate: Self = "servicePlanInadequate"
    public static let providerNotEnabled: Self = "providerNotEnabled"
    public static let registrationIdInvalid: Self = "registrationIdInvalid"
    public static let activityNotFound: Self = "activityNotFound"
    public static let activityNotFoundOnUpdate: Self = "activityNotFoundOnUpdate"
    public static let internalServerError: Self = "internalServerError"
    public static let tooManyRequests: Self = "tooManyRequests"
    public static let serviceUnavailable: Self = "serviceUnavailable"
    public static let fieldRequired: Self = "fieldRequired"
    public static let fieldInvalid: Self = "fieldInvalid"
    public static let fieldEmpty: Self = "fieldEmpty"
    public static let fieldTooLong: Self = "fieldTooLong"
    public static let multipleFieldValidations: Self = "multipleFieldValidations"
    public static let providerContentMismatch: Self = "providerContentMismatch"
    public static let userLicenseInvalid: Self = "userLicenseInvalid"
    public static let userLicenseInvalidOnUpdate: Self = "userLicenseInvalidOnUpdate"
    // Graph-wide conventions (learn.microsoft.com/graph/errors, Error resource type) the learning tables don't list: assumed.
    public static let unauthenticated: Self = "unauthenticated"
    public static let unsupportedMediaType: Self = "unsupportedMediaType"
    public static let malformedBody: Self = "malformedBody"
    public static let resourceNotFoundForSegment: Self = "resourceNotFoundForSegment"
    public static let invalidQueryOption: Self = "invalidQueryOption"
    public static let payloadTooLarge: Self = "payloadTooLarge"
    public static let requestTimeout: Self = "requestTimeout"
    public static let itemNotFound: Self = "itemNotFound"
}

extension ErrorRow {
    private static let activityOperations: [Operation] = [.createActivity, .getActivity, .updateActivity, .deleteActivity]
    private static let bodyOperations: [Operation] = Operation.allCases.filter(\.hasRequestBody)
    /// The provider and content operations whose own pages print no error table.
    private static let providerReads: [Operation] = [.listProviders, .getProvider]
    private static let contentOperations: [Operation] = [.upsertContent, .listContents, .getContent, .deleteContent]
    private static let entityOperations: [Operation] = [.createProvider, .updateProvider, .listProviders, .getProvider, .deleteProvider]
        + contentOperations
    private static let badRequestCasings: [Variant] = [
        Variant(.code, "BadRequest", sources: ["older UPDATE-v1 (06557e35)", "RES-LCA-beta"]),
        Variant(.code, "Bad Request", sources: ["older GET-v1 (0426793f)", "DELETE-v1 error conditions"]),
        Variant(.code, "Bad request", sources: ["ERR-PAGE create"]),
    ]
    private static let fieldSources: [Source] = [
        Source("CREATE-v1", "error table, row \"Multiple field validations fail\" (Details)"),
        Source("UPDATE-v1", "error table, rows \"Required fields are missing\", \"Input fields are invalid\", \"badRequest\""),
        Source("ERR-PAGE", "create and update sections"),
    ]

    /// Every documented error row, then the assumed Graph-wide ones.
    public static let documented: [ErrorRow] = [
        ErrorRow(
            id: .methodNotAllowed, scenario: "Method not supported for entity", status: 405, code: "methodNotAllowed",
            message: "This method isn't supported for this entity type. See the Microsoft Graph documentation for the methods applicable to this entity.",
            operations: [.getActivity, .updateActivity, .deleteActivity] + entityOperations,
            sources: [
                Source("GET-v1", "error table row 1"), Source("UPDATE-v1", "error table row 1"),
                Source("DELETE-v1", "error table row 1"), Source("RES-LCA-beta", "error table row 1 (GET, DELETE, PATCH)"),
                Source("ERR-PAGE", "get, delete and update sections"),
            ],
            variants: [
                Variant(.code, "MethodNotAllowed", sources: ["older GET-v1 (0426793f)", "RES-LCA-beta"]),
                Variant(.message, "This method is not supported for this entity type…", sources: ["RES-LCA-beta"]),
            ],
            notes: [
                "The response carries Allow with the methods the path supports (RFC 9110 section 15.5.6).",
                "Applying it to the provider and content paths is assumed: their pages print no error table.",
            ]),
        ErrorRow(
            id: .permissionScopeMissing, scenario: "User doesn't have appropriate permission scope", status: 403, code: "Forbidden",
            message: "Your account doesn't have access to this report or data. Contact your administrator to request access.",
            operations: [.getActivity, .updateActivity, .deleteActivity] + entityOperations,
            sources: [
                Source("GET-v1", "error table row 2"), Source("UPDATE-v1", "error table row 2"),
                Source("DELETE-v1", "error table row 2"), Source("RES-LCA-beta", "error table row 2"),
                Source("ERR-PAGE", "get, delete and update sections"),
            ],
            variants: [
                Variant(.message, "Your account doesn't have access to this report or data. Contact your global administrator to request access.", sources: ["older GET-v1"]),
                Variant(.message, "Your account doesn't have access to this report or data. Please contact…", sources: ["ERR-PAGE"]),
                Variant(.message, "Your account doesn't access to this report or data…", sources: ["ERR-PAGE get section (typo)"]),
                Variant(.message, "Your account does not have access to this report or data…", sources: ["RES-LCA-beta"]),
            ],
            notes: [
                "The emulator also uses this row for create and list with a token lacking the permission (the Permissions table of each operation page (e.g. learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0)); the create table has no such row.",
                "Applying it to the provider and content operations is assumed: their pages print a permissions table but no error table.",
            ]),
        ErrorRow(
            id: .servicePlanInadequate, scenario: "Forbidden", status: 403, code: "Forbidden",
            message: "You don't have an adequate service plan for this request.",
            operations: activityOperations,
            sources: [
                Source("CREATE-v1", "error table row 1"), Source("GET-v1", "error table row 3"),
                Source("UPDATE-v1", "error table row 3"), Source("DELETE-v1", "error table row 3"),
                Source("RES-LCA-beta", "error table row 3"), Source("ERR-PAGE", "every section"),
            ],
            variants: [
                Variant(.message, "You don't have a service plan adequate for this request.", sources: ["older GET-v1"]),
                Variant(.message, "You do not have a service plan adequate for this request.", sources: ["RES-LCA-beta"]),
            ],
            notes: ["No page says which tenant condition triggers it; the emulator raises it for a tenant marked without a Viva Learning plan."]),
        ErrorRow(
            id: .providerNotEnabled, scenario: "Bad request", status: 400, code: "badRequest",
            message: "This provider isn't enabled for the given tenant.",
            operations: activityOperations,
            sources: [
                Source("CREATE-v1", "error table row 2"), Source("GET-v1", "error table row 4"),
                Source("UPDATE-v1", "error table row 4"), Source("DELETE-v1", "error table row 4"),
                Source("RES-LCA-beta", "error table row 4"), Source("ERR-PAGE", "every section"),
            ],
            variants: badRequestCasings,
            notes: ["Pairing this error with isCourseActivitySyncEnabled = false is inferred (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, the isCourseAcitvitySyncEnabled note and Responses table, row 400 This provider isn't enabled for the given tenant), not stated."]),
        ErrorRow(
            id: .registrationIdInvalid, scenario: "Bad request", status: 400, code: "badRequest",
            message: "There was an issue with your request. Make sure the registrationId you entered is valid or registered for your tenant.",
            operations: activityOperations + contentOperations,
            sources: [
                Source("CREATE-v1", "error table row 3"), Source("GET-v1", "error table row 5"),
                Source("UPDATE-v1", "error table row 5"), Source("DELETE-v1", "error table row 5"),
                Source("RES-LCA-beta", "error table row 5"), Source("ERR-PAGE", "every section"),
            ],
            variants: badRequestCasings + [Variant(.message, "There was an issue with your request. Make sure the registrationId…", sources: ["RES-LCA-beta"])],
            notes: ["Applying it to the learningContent operations (an unregistered provider in the path) is assumed: their pages print no error table."]),
        ErrorRow(
            id: .activityNotFound, scenario: "Bad request (sic: the tables file 404 under it)", status: 404, code: "notFound",
            message: "The requested assignment ID doesn't exist.",
            operations: [.getActivity, .deleteActivity],
            sources: [
                Source("GET-v1", "error table row 6"), Source("DELETE-v1", "error table row 6"),
                Source("RES-LCA-beta", "error table row 9 (DELETE, GET, PATCH)"), Source("ERR-PAGE", "get and delete sections"),
            ],
            variants: [
                Variant(.code, "Not Found", sources: ["older GET-v1 (0426793f)", "DELETE-v1 error conditions"]),
                Variant(.code, "NotFound", sources: ["RES-LCA-beta"]),
                Variant(.message, "The requested assignment {id} doesn't exist.", sources: ["older GET-v1", "older DELETE-v1", "ERR-PAGE"]),
                Variant(.message, "The requested assignment doesn't exist.", sources: ["RES-LCA-beta (with a stray quote)"]),
                Variant(.message, "The assignment ID requested doesn't exist.", sources: ["UPDATE-v1"]),
            ],
            notes: ["learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0, Responses table, row 404: the 404 row sits under the scenario \"Bad request\"."]),
        ErrorRow(
            id: .activityNotFoundOnUpdate, scenario: "Bad request (sic)", status: 404, code: "notFound",
            message: "The assignment ID requested doesn't exist.",
            operations: [.updateActivity],
            sources: [Source("UPDATE-v1", "error table row 6"), Source("ERR-PAGE", "update section")],
            variants: [
                Variant(.code, "Not Found", sources: ["older UPDATE-v1 (06557e35)"]),
                Variant(.code, "NotFound", sources: ["RES-LCA-beta"]),
                Variant(.message, "The requested assignment ID doesn't exist.", sources: ["GET-v1", "DELETE-v1"]),
                Variant(.message, "The requested assignment {id} doesn't exist.", sources: ["older UPDATE-v1"]),
            ]),
        ErrorRow(
            id: .internalServerError, scenario: "Internal server error", status: 500, code: "internalServerError",
            message: "Internal server error.",
            operations: activityOperations,
            sources: [
                Source("CREATE-v1", "error table row 4"), Source("GET-v1", "error table row 7"),
                Source("UPDATE-v1", "error table row 7"), Source("DELETE-v1", "error table row 7"),
                Source("RES-LCA-beta", "error table row 10"), Source("ERR-PAGE", "every section"),
            ],
            variants: [
                Variant(.code, "Internal Server Error", sources: ["older GET-v1"]),
                Variant(.code, "InternalServerError", sources: ["RES-LCA-beta"]),
                Variant(.message, "Internal Server Error.", sources: ["RES-LCA-beta"]),
            ]),
        ErrorRow(
            id: .tooManyRequests, scenario: "Request throttled", status: 429, code: "tooManyRequests",
            message: "Retry after {noOfMinutes} minutes",
            operations: activityOperations,
            sources: [
                Source("CREATE-v1", "error table row 5"), Source("GET-v1", "error table row 8"),
                Source("UPDATE-v1", "error table row 8 (malformed JSON as printed)"), Source("DELETE-v1", "error table row 8"),
                Source("RES-LCA-beta", "error table row 11"), Source("THROTTLING", "Retry-After in seconds"),
            ],
            variants: [
                Variant(.code, "TooManyRequests", sources: ["older GET-v1 JSON code", "live Graph (learn.microsoft.com/graph/throttling, Best practices to handle throttling (Retry-After in seconds))"]),
                Variant(.code, "Too Many Requests", sources: ["older GET-v1", "RES-LCA-beta"]),
                Variant(.code, "Too many requests", sources: ["ERR-PAGE"]),
                Variant(.message, "TooManyRequests in a accepted interval - Retry after {noOfMinutes} minutes", sources: ["RES-LCA-beta"]),
            ],
            notes: ["Retry-After header in seconds (THROTTLING); the message in minutes = ceil(seconds / 60) (ambiguity retryAfterUnits)."]),
        ErrorRow(
            id: .serviceUnavailable, scenario: "Service unavailable", status: 503, code: "serviceUnavailable",
            message: "Retry after {noOfMinutes} minutes",
            operations: activityOperations,
            sources: [
                Source("CREATE-v1", "error table row 6"), Source("GET-v1", "error table row 9"),
                Source("UPDATE-v1", "error table row 9"), Source("DELETE-v1", "error table row 9"),
                Source("RES-LCA-beta", "error table row 12"), Source("ERRORS", "503 may carry Retry-After"),
            ],
            variants: [
                Variant(.code, "ServiceUnavailable", sources: ["older GET-v1 JSON code"]),
                Variant(.code, "Service Unavailable", sources: ["older GET-v1", "RES-LCA-beta"]),
                Variant(.message, "ServiceUnavailable - Retry after {noOfMinutes} minutes", sources: ["RES-LCA-beta"]),
            ]),
        ErrorRow(
            id: .fieldRequired, scenario: "Required fields are missing", status: 400, code: "badRequest",
            message: "Input field {fieldName} is required",
            operations: bodyOperations, sources: fieldSources,
            variants: [Variant(.message, "Input Field {fieldName} is required", sources: ["older UPDATE-v1 (06557e35)"])],
            notes: ["Also raised for null in a non-nullable required field (a null is no value)."]),
        ErrorRow(
            id: .fieldInvalid, scenario: "Input fields are invalid", status: 400, code: "badRequest",
            message: "Input field {fieldName} is invalid",
            operations: bodyOperations,
            sources: [
                Source("UPDATE-v1", "error table row \"Input fields are invalid\""),
                Source("RES-LCA-beta", "error table row 7 (PATCH)"), Source("ERR-PAGE", "update section"),
            ],
            notes: ["The create table has no \"invalid\" row; applying it to create (and to provider and content bodies) is assumed."]),
        ErrorRow(
            id: .fieldEmpty, scenario: "Input field shouldn't be empty", status: 400, code: "badRequest",
            message: "Input field {fieldName} shouldn't be empty",
            operations: bodyOperations, sources: fieldSources,
            variants: [
                Variant(.message, "Input field {fieldName}shouldn't be empty", sources: ["CREATE-v1 details (missing space)", "ERR-PAGE"]),
                Variant(.message, "BadRequest - Input field shouldn't be empty or null", sources: ["RES-LCA-beta"]),
            ]),
        ErrorRow(
            id: .fieldTooLong, scenario: "Input field length exceeded", status: 400, code: "badRequest",
            message: "Input field {fieldName} length exceeded than {expectedLength}",
            operations: bodyOperations,
            sources: [Source("CREATE-v1", "error table, row \"Multiple field validations fail\" (Details)"), Source("ERR-PAGE", "create section")],
            variants: [Variant(.message, "Input field {fieldName}length exceeded than {expectedLength}", sources: ["CREATE-v1 details (missing space)"])],
            notes: ["No length limit is documented anywhere (no page documents one: no MaxLength in graph.microsoft.com/v1.0/$metadata, none in any Properties table); every limit the contract applies is assumed and overridable."]),
        ErrorRow(
            id: .multipleFieldValidations, scenario: "Multiple field validations fail", status: 400, code: "badRequest",
            message: "{firstViolationMessage}",
            operations: bodyOperations,
            sources: [
                Source("CREATE-v1", "error table, row \"Multiple field validations fail\""),
                Source("RES-LCA-beta", "error table row 8 (PATCH, POST)"), Source("ERR-PAGE", "create section"),
            ],
            variants: badRequestCasings + [
                Variant(.message, "badRequest", sources: ["CREATE-v1 (the Message column)"]),
                Variant(.message, "Required fields are missing", sources: ["UPDATE-v1"]),
                Variant(.message, "Input fields are invalid", sources: ["UPDATE-v1"]),
                Variant(.message, "BadRequest - Input field shouldn't be empty or null", sources: ["RES-LCA-beta"]),
            ],
            notes: ["Chosen shape (ambiguity multipleViolationsShape): one 400 badRequest; message = the first violation's message; details = every violation with code, message and target."]),
        ErrorRow(
            id: .providerContentMismatch, scenario: "Forbidden", status: 403, code: "Forbidden",
            message: "The provider isn't valid to create course activity for the given learning content",
            operations: [.createActivity, .updateActivity],
            sources: [
                Source("CREATE-v1", "error table row 8 (code and message columns shifted)"),
                Source("UPDATE-v1", "error table row 13"), Source("RES-LCA-beta", "error table row 13 (POST, PATCH)"),
                Source("ERR-PAGE", "create and update sections"),
            ],
            variants: [Variant(.message, "The provider is not valid to create course activity for the given learning content", sources: ["RES-LCA-beta"])],
            notes: [
                "Condition: the registrationId/learningProviderId doesn't match the provider the learningContent was created with.",
                "learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0, Responses table, rows 403: the create table puts the message in the Code column; ambiguity errorMessageWording: update reuses the create wording.",
                "Also raised when learningContentId names no content at all (assumed: the docs have no row for it).",
            ]),
        ErrorRow(
            id: .userLicenseInvalid, scenario: "Forbidden", status: 403, code: "Forbidden",
            message: "The user license isn't valid to perform the operation",
            operations: [.createActivity],
            sources: [
                Source("CREATE-v1", "error table row 9 (columns shifted)"),
                Source("RES-LCA-beta", "error table row 14 (POST, PATCH)"), Source("ERR-PAGE", "create section"),
            ],
            variants: [
                Variant(.message, "The user license is not valid to perform the operation", sources: ["UPDATE-v1"]),
                Variant(.message, "User License is not valid to perform the operation", sources: ["RES-LCA-beta"]),
            ],
            notes: ["Condition: the learner has no premium license."]),
        ErrorRow(
            id: .userLicenseInvalidOnUpdate, scenario: "Forbidden", status: 403, code: "Forbidden",
            message: "The user license is not valid to perform the operation",
            operations: [.updateActivity],
            sources: [Source("UPDATE-v1", "error table row 14"), Source("ERR-PAGE", "update section")],
            variants: [
                Variant(.message, "The user license isn't valid to perform the operation", sources: ["CREATE-v1"]),
                Variant(.message, "User License is not valid to perform the operation", sources: ["RES-LCA-beta"]),
            ]),
        // Assumed Graph-wide rows.
        ErrorRow(
            id: .unauthenticated, scenario: "Missing or invalid authentication", status: 401, code: "unauthenticated",
            message: "Access token is missing or invalid.",
            operations: Operation.allCases,
            sources: [Source("ERRORS", "401: missing or invalid authentication; basic code unauthenticated"), .assumed("message wording")],
            variants: [Variant(.code, "InvalidAuthenticationToken", sources: ["live Graph (on no doc page)"])]),
        ErrorRow(
            id: .unsupportedMediaType, scenario: "Unsupported media type", status: 415, code: "unsupportedMediaType",
            message: "The request body must be application/json.",
            operations: bodyOperations,
            sources: [Source("ERRORS", "415: unsupported media type"), Source("CREATE-v1", "request headers: Content-Type application/json required"), .assumed("code and message")]),
        ErrorRow(
            id: .malformedBody, scenario: "Malformed JSON body", status: 400, code: "badRequest",
            message: "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
            operations: bodyOperations,
            sources: [Source("ERRORS", "400: malformed or incorrect request"), .assumed("message wording (Graph-wide)")]),
        ErrorRow(
            id: .resourceNotFoundForSegment, scenario: "Unknown path segment", status: 400, code: "BadRequest",
            message: "Resource not found for the segment '{segment}'.",
            operations: Operation.allCases,
            sources: [Source("ERRORS", "typical live error body example")]),
        ErrorRow(
            id: .invalidQueryOption, scenario: "Invalid query option", status: 400, code: "badRequest",
            message: "Query option '{option}' is invalid.",
            operations: [.getActivity, .listActivities] + providerReads + [.listContents, .getContent],
            sources: [Source("QUERY", "query options on GET only"), .assumed("code and message")]),
        ErrorRow(
            id: .payloadTooLarge, scenario: "Request body too large", status: 413, code: "payloadTooLarge",
            message: "The request body is larger than {limit} bytes.",
            operations: bodyOperations, sources: [.assumed("server limit (RFC 9110 15.5.14)")]),
        ErrorRow(
            id: .requestTimeout, scenario: "Request not received in time", status: 408, code: "requestTimeout",
            message: "The request was not received in time.",
            operations: Operation.allCases, sources: [.assumed("server limit (RFC 9110 15.5.9)")]),
        ErrorRow(
            id: .itemNotFound, scenario: "Entity not found", status: 404, code: "itemNotFound",
            message: "The requested resource doesn't exist.",
            operations: [.updateProvider, .upsertContent, .getProvider, .deleteProvider, .getContent, .deleteContent],
            sources: [Source("ERRORS", "basic code itemNotFound"), .assumed("used for providers and contents")],
            notes: [
                "An unknown provider (get, update, delete) or content (get, delete) is 404 itemNotFound.",
                "learningContent operations under an unregistered provider answer registrationIdInvalid instead, as the upsert always has.",
            ]),
    ]
}
