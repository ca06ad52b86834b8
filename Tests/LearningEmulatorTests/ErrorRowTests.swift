import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// Every documented error row (the pages learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0 and learningcourseactivity-get, -list, -update and -delete (same path and view); no page states an order: ambiguity checkPrecedence) and the assumed Graph-wide rows, table-driven over `handle`.
@Suite struct ErrorRowTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var method: String
        var target: String
        var token: String?
        var body: String?
        var contentType: String? = "application/json"
        /// State the case needs, applied on top of the docs world.
        var given: String?
        /// Ambiguities set to strict for the case.
        var strict: [String] = []
        var status: Int
        var row: String
        var testDescription: String { name }
    }

    static let app = EmulatorHarness.app
    static let learner = EmulatorHarness.learner
    static let activity = Paths.contosoActivities + "/" + DocsWorld.assignmentID
    static let unknownProvider = "/v1.0/employeeExperience/learningProviders/00000000-0000-0000-0000-000000000000/learningCourseActivities"
    static let invalidBody = ##"{"@odata.type":"#microsoft.graph.learningAssignment","status":"notStarted","completionPercentage":101}"##
    static let missingStatus = ##"{"@odata.type":"#microsoft.graph.learningAssignment","completionPercentage":10}"##
    static let disableContoso = #"{"providers":[{"id":"01e8f81b-3060-4dec-acf0-0389665a0a38","displayName":"Contoso Learning","isCourseActivitySyncEnabled":false}]}"#
    static let unlicense = #"{"licenses":{"7ba2228a-e020-11ec-9d64-0242ac120002":false}}"#

    static let now = Int(Date().timeIntervalSince1970)

    /// A delegated docs-learner payload, with `exp` an hour ahead unless given (`nil` omits it), plus `extra` members.
    static func claims(exp: Int? = now + 3600, extra: String = "") -> String {
        var json = #"{"aud":"https://graph.microsoft.com","tid":"\#(TestToken.defaultTenantID)","oid":"\#(DocsWorld.learnerID)","scp":"LearningAssignedCourse.Read""#
        if let exp { json += #","exp":\#(exp)"# }
        return json + extra + "}"
    }

    /// An unsecured JWT around a payload written by hand (so it can break the rules `TestToken.mint` keeps).
    static func rawToken(_ payload: String) -> String {
        func encode(_ text: String) -> String {
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return encode(#"{"alg":"none","typ":"JWT"}"#) + "." + encode(payload) + "."
    }

    static let cases: [Case] = [
        // 401 (assumed Graph-wide row, learn.microsoft.com/graph/errors, Error resource type): missing, malformed, signed, wrong audience, expired.
        Case(name: "401 no token", method: "GET", target: activity, token: nil, status: 401, row: "unauthenticated"),
        Case(name: "401 garbage token", method: "GET", target: activity, token: "not-a-jwt", status: 401, row: "unauthenticated"),
        Case(name: "401 signed token", method: "GET", target: activity, token: "eyJhbGciOiJSUzI1NiJ9.e30.c2ln", status: 401, row: "unauthenticated"),
        Case(name: "401 wrong audience", method: "POST", target: Paths.contosoActivities,
             token: TestToken.mint(.init(objectID: "x", kind: .application(roles: ["LearningAssignedCourse.ReadWrite.All"]), audience: "https://example.com")),
             body: DocBodies.createAssignment, status: 401, row: "unauthenticated"),
        Case(name: "401 expired", method: "GET", target: activity,
             token: TestToken.mint(.init(objectID: DocsWorld.learnerID, kind: .delegated(scopes: ["LearningAssignedCourse.Read"]), issuedAt: 1_000, expiresAt: 2_000)),
             status: 401, row: "unauthenticated"),
        // 401 for tokens a real issuer's validator refuses (README "Test tokens"): no exp, nbf or iat beyond the
        // 5-minute skew in the future, a claim given twice.
        Case(name: "401 no exp", method: "GET", target: activity, token: rawToken(claims(exp: nil)), status: 401, row: "unauthenticated"),
        Case(name: "401 nbf a day ahead", method: "GET", target: activity, token: rawToken(claims(extra: #","nbf":\#(now + 86_400)"#)),
             status: 401, row: "unauthenticated"),
        Case(name: "401 iat a day ahead", method: "GET", target: activity, token: rawToken(claims(extra: #","iat":\#(now + 86_400)"#)),
             status: 401, row: "unauthenticated"),
        Case(name: "401 duplicate tid", method: "GET", target: activity,
             token: rawToken(claims(extra: #","tid":"11111111-2222-4333-8444-555555555555""#)), status: 401, row: "unauthenticated"),
        Case(name: "401 before unknown segment", method: "GET", target: "/v1.0/nowhere", token: nil, status: 401, row: "unauthenticated"),
        // 400 unknown segment (learn.microsoft.com/graph/errors, Error resource type example).
        Case(name: "400 unknown segment", method: "GET", target: "/v1.0/employeeExperience/learningThings", token: learner, status: 400, row: "resourceNotFoundForSegment"),
        Case(name: "400 unknown version", method: "GET", target: "/v2.0/me", token: learner, status: 400, row: "resourceNotFoundForSegment"),
        // 405 (GET/DELETE/PATCH tables, learn.microsoft.com/graph/api/learningcourseactivity-get?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-delete?view=graph-rest-1.0).
        Case(name: "405 PUT activity", method: "PUT", target: activity, token: app, body: DocBodies.updateAssignment, status: 405, row: "methodNotAllowed"),
        Case(name: "405 POST on entity", method: "POST", target: activity, token: app, body: DocBodies.createAssignment, status: 405, row: "methodNotAllowed"),
        Case(name: "405 DELETE via user path", method: "DELETE", target: Paths.learnerActivities + "/" + DocsWorld.assignmentID, token: app, status: 405, row: "methodNotAllowed"),
        Case(name: "405 GET provider collection", method: "GET", target: Paths.contosoActivities, token: app, status: 405, row: "methodNotAllowed"),
        Case(name: "405 PATCH global path on v1.0", method: "PATCH", target: "/v1.0/employeeExperience/learningCourseActivities/" + DocsWorld.assignmentID,
             token: app, body: DocBodies.updateAssignment, status: 405, row: "methodNotAllowed"),
        // 415 (assumed Graph-wide row).
        Case(name: "415 text/plain create", method: "POST", target: Paths.contosoActivities, token: app, body: DocBodies.createAssignment,
             contentType: "text/plain", status: 415, row: "unsupportedMediaType"),
        Case(name: "415 no content type update", method: "PATCH", target: activity, token: app, body: DocBodies.updateAssignment,
             contentType: nil, status: 415, row: "unsupportedMediaType"),
        // 400 malformed JSON (assumed).
        Case(name: "400 malformed JSON", method: "POST", target: Paths.contosoActivities, token: app, body: "{\"status\":", status: 400, row: "malformedBody"),
        // 403 scope (the Permissions tables as `Permission` decides).
        Case(name: "403 delegated create", method: "POST", target: Paths.contosoActivities, token: learner, body: DocBodies.createAssignment, status: 403, row: "permissionScopeMissing"),
        Case(name: "403 delegated update", method: "PATCH", target: activity, token: learner, body: DocBodies.updateAssignment, status: 403, row: "permissionScopeMissing"),
        Case(name: "403 delegated delete", method: "DELETE", target: activity, token: learner, status: 403, row: "permissionScopeMissing"),
        Case(name: "403 app read-only create", method: "POST", target: Paths.contosoActivities,
             token: EmulatorHarness.token(app: ["LearningAssignedCourse.Read.All"]), body: DocBodies.createAssignment, status: 403, row: "permissionScopeMissing"),
        Case(name: "403 get without scope", method: "GET", target: activity, token: EmulatorHarness.token(delegated: ["User.Read"]), status: 403, row: "permissionScopeMissing"),
        Case(name: "403 list with an application token without a read role", method: "GET", target: Paths.learnerActivities,
             token: EmulatorHarness.token(app: ["LearningContent.ReadWrite.All"]), status: 403, row: "permissionScopeMissing"),
        Case(name: "403 list with Read (not .All) only", method: "GET", target: Paths.learnerActivities,
             token: EmulatorHarness.token(delegated: ["User.Read"]), status: 403, row: "permissionScopeMissing"),
        Case(name: "403 provider update by app", method: "PATCH", target: "/v1.0/employeeExperience/learningProviders/" + DocsWorld.contosoProviderID,
             token: app, body: "{}", status: 403, row: "permissionScopeMissing"),
        Case(name: "403 content upsert delegated", method: "PATCH",
             target: "/v1.0/employeeExperience/learningProviders/\(DocsWorld.contosoProviderID)/learningContents/x", token: learner,
             body: DocBodies.upsertContent, status: 403, row: "permissionScopeMissing"),
        // 400 provider registered (R8) before sync (R7) before fields.
        Case(name: "400 unknown provider create", method: "POST", target: unknownProvider, token: app, body: invalidBody, status: 400, row: "registrationIdInvalid"),
        Case(name: "400 unknown provider delete", method: "DELETE", target: unknownProvider + "/x", token: app, status: 400, row: "registrationIdInvalid"),
        Case(name: "400 unknown provider get by external id", method: "GET", target: unknownProvider + "(externalCourseActivityId='x')", token: learner,
             status: 400, row: "registrationIdInvalid"),
        Case(name: "400 sync disabled create", method: "POST", target: Paths.contosoActivities, token: app, body: invalidBody, given: disableContoso,
             status: 400, row: "providerNotEnabled"),
        Case(name: "400 sync disabled update", method: "PATCH", target: activity, token: app, body: DocBodies.updateAssignment, given: disableContoso,
             status: 400, row: "providerNotEnabled"),
        Case(name: "400 sync disabled delete", method: "DELETE", target: activity, token: app, given: disableContoso, status: 400, row: "providerNotEnabled"),
        // 404 (before fields on update).
        Case(name: "404 get unknown", method: "GET", target: "/v1.0/employeeExperience/learningCourseActivities/nope", token: learner, status: 404, row: "activityNotFound"),
        Case(name: "404 get other provider's activity", method: "GET", target: Paths.linkedInActivities + "/" + DocsWorld.assignmentID, token: learner,
             status: 404, row: "activityNotFound"),
        Case(name: "404 get other user's activity", method: "GET", target: "/v1.0/users/someone/employeeExperience/learningCourseActivities/" + DocsWorld.assignmentID,
             token: learner, status: 404, row: "activityNotFound"),
        Case(name: "404 delete unknown", method: "DELETE", target: Paths.contosoActivities + "/nope", token: app, status: 404, row: "activityNotFound"),
        Case(name: "404 update unknown before fields", method: "PATCH", target: Paths.contosoActivities + "/nope", token: app, body: missingStatus,
             status: 404, row: "activityNotFoundOnUpdate"),
        Case(name: "404 update under wrong provider", method: "PATCH", target: Paths.linkedInActivities + "/" + DocsWorld.assignmentID, token: app,
             body: DocBodies.updateAssignment, status: 404, row: "activityNotFoundOnUpdate"),
        Case(name: "404 provider update unknown", method: "PATCH", target: "/v1.0/employeeExperience/learningProviders/nope", token: learner,
             body: "{}", status: 404, row: "itemNotFound"),
        // 400 fields: the contract's error body.
        Case(name: "400 field invalid create", method: "POST", target: Paths.contosoActivities, token: app, body: invalidBody, status: 400, row: "fields"),
        Case(name: "400 status required update", method: "PATCH", target: activity, token: app, body: missingStatus, status: 400, row: "fields"),
        Case(name: "400 @odata.type differs on update", method: "PATCH", target: activity, token: app,
             body: ##"{"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse","status":"inProgress"}"##, status: 400, row: "fieldInvalid"),
        // 403 content/provider (R9), also for unknown content; then license (R10).
        Case(name: "403 content of other provider", method: "POST", target: Paths.linkedInActivities, token: app,
             body: DocBodies.createSelfInitiated, status: 403, row: "providerContentMismatch"),
        Case(name: "403 unknown content", method: "POST", target: Paths.contosoActivities, token: app,
             body: DocBodies.createSelfInitiated.replacingOccurrences(of: DocsWorld.contosoContentID, with: "no-such-content"),
             status: 403, row: "providerContentMismatch"),
        Case(name: "403 body provider differs from path", method: "POST", target: Paths.contosoActivities, token: app,
             body: DocBodies.createAssignment.replacingOccurrences(of: "\"learningProviderId\": \"01e8f81b-3060-4dec-acf0-0389665a0a38\"",
                                                                    with: "\"learningProviderId\": \"13727311-e7bb-470d-8b20-6a23d9030d70\""),
             status: 403, row: "providerContentMismatch"),
        Case(name: "403 update naming another provider's content", method: "PATCH", target: activity, token: app,
             body: DocBodies.updateAssignment.replacingOccurrences(of: DocsWorld.contosoContentID, with: DocsWorld.linkedInContentID),
             status: 403, row: "providerContentMismatch"),
        Case(name: "400 duplicate external id when strict", method: "POST", target: Paths.contosoActivities, token: app,
             body: DocBodies.createAssignment, strict: ["externalIdUniqueness"], status: 400, row: "fieldInvalid"),
        Case(name: "403 unlicensed learner create", method: "POST", target: Paths.contosoActivities, token: app, body: DocBodies.createAssignment,
             given: unlicense, status: 403, row: "userLicenseInvalid"),
        Case(name: "403 unlicensed learner update", method: "PATCH", target: activity, token: app, body: DocBodies.updateAssignment,
             given: unlicense, status: 403, row: "userLicenseInvalidOnUpdate"),
        // Query options (assumed row).
        Case(name: "400 $top negative", method: "GET", target: Paths.learnerActivities + "?$top=-1", token: learner, status: 400, row: "invalidQueryOption"),
        Case(name: "400 $select unknown", method: "GET", target: activity + "?$select=nope", token: learner, status: 400, row: "invalidQueryOption"),
        Case(name: "400 $filter", method: "GET", target: Paths.learnerActivities + "?$filter=status%20eq%20'completed'", token: learner, status: 400, row: "invalidQueryOption"),
        // /me with an application token (decision).
        Case(name: "400 /me with application token", method: "GET", target: "/v1.0/me/employeeExperience/learningCourseActivities/" + DocsWorld.assignmentID,
             token: app, status: 400, row: "resourceNotFoundForSegment"),
    ]

    @Test(arguments: cases)
    func errorRow(_ c: Case) throws {
        var configuration = EmulatorConfiguration()
        for id in c.strict { configuration.contract.ambiguities[id] = .strict }
        let h = EmulatorHarness(configuration)
        if let given = c.given {
            let admin = h.send("POST", "/_emulator/tenants/\(TestToken.defaultTenantID)/state", token: nil, json: given)
            try #require(admin.status == 204)
        }
        let r = h.send(c.method, c.target, token: c.token, json: c.body, contentType: c.contentType)
        #expect(r.status == c.status)
        let error = try #require(r.json?["error"]?.objectValue, "no error envelope")
        let contract = h.emulator.contract
        switch c.row {
        case "fields":
            let report = contract.validate(Array((c.body ?? "").utf8), operation: c.method == "POST" ? .createActivity : .updateActivity)
            let expected = try #require(report.graphError)
            #expect(r.errorCode == expected.code)
            #expect(r.errorMessage == expected.message)
        case "fieldInvalid":
            let field = c.strict.isEmpty ? "@odata.type" : "externalCourseActivityId"
            let expected = contract.catalog.error(.fieldInvalid, slots: ["fieldName": field])
            #expect(r.errorMessage == expected.message)
        default:
            let expected = contract.catalog[ErrorRow.ID(rawValue: c.row)]
            #expect(r.errorCode == expected.code)
            #expect(expected.status == c.status)
            // The row is told by its message too: of the rows with this status and code (several share them, e.g.
            // activityNotFound and activityNotFoundOnUpdate), the answer's message fits the expected row's template
            // (slots match any text) and no other's. A template that is only a slot (multipleFieldValidations
            // repeats the first violation's message) fits every message, so it tells nothing and is left out.
            let message = try #require(r.errorMessage, "no error message")
            let fitting = contract.catalog.rows.filter {
                $0.status == r.status && $0.code == r.errorCode && MessageTemplate.slots(in: message, template: $0.messageTemplate) != nil
                    && !$0.messageTemplate.replacingOccurrences(of: #"\{[^}]*\}"#, with: "", options: .regularExpression).isEmpty
            }
            #expect(fitting.map(\.id.rawValue) == [c.row], "message \"\(message)\" fits \(fitting.map(\.id.rawValue)); expected the template \"\(expected.messageTemplate)\"")
        }
        let inner = try #require(error["innerError"]?.objectValue)
        #expect(inner["request-id"]?.stringValue == r.header("request-id"))
        #expect(inner["date"]?.stringValue?.count == 19)
        #expect(inner["client-request-id"] != nil)
    }

    @Test func clientRequestIDIsEchoed() {
        let h = EmulatorHarness()
        let r = h.send("GET", Paths.v1 + "/employeeExperience/learningCourseActivities/nope", token: EmulatorHarness.learner,
                       headers: ["client-request-id": "225aed2b-cf4a-d456-b313-16ab196c2364"])
        #expect(r.json?["error"]?["innerError"]?["client-request-id"] == "225aed2b-cf4a-d456-b313-16ab196c2364")
        #expect(r.header("client-request-id") == "225aed2b-cf4a-d456-b313-16ab196c2364")
        #expect(r.errorMessage == h.emulator.contract.catalog.error(.activityNotFound).message)
    }

    @Test func listWithApplicationTokenIsAllowedWhenLenientAndRefusedWhenStrict() {
        let h = EmulatorHarness()  // lenient by default
        #expect(h.get(Paths.learnerActivities, token: EmulatorHarness.app).status == 200)
        #expect(h.get("/v1.0/me/employeeExperience/learningCourseActivities", token: EmulatorHarness.app).status == 400)
        var pinned = EmulatorConfiguration()
        pinned.contract.ambiguities["listWithApplicationToken"] = .strict
        let refused = EmulatorHarness(pinned).get(Paths.learnerActivities, token: EmulatorHarness.app)
        #expect(refused.status == 403)
        #expect(refused.errorCode == "Forbidden")
        var strict = EmulatorConfiguration()
        strict.contract.strictness = .strict
        #expect(EmulatorHarness(strict).get(Paths.learnerActivities, token: EmulatorHarness.app).status == 403)
    }

    @Test func oldBetaUpdatePathIsAcceptedWhenLenient() {
        let h = EmulatorHarness()
        let r = h.send("PATCH", "/beta/employeeExperience/learningCourseActivities/" + DocsWorld.assignmentID, json: DocBodies.updateAssignment)
        #expect(r.status == 204)
        var strict = EmulatorConfiguration()
        strict.contract.ambiguities["updatePathWithoutProvider"] = .strict
        #expect(EmulatorHarness(strict).send("PATCH", "/beta/employeeExperience/learningCourseActivities/" + DocsWorld.assignmentID,
                                             json: DocBodies.updateAssignment).status == 405)
    }
}
