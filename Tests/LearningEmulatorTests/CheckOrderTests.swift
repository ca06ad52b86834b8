import Foundation
import LearningContract
import LearningEmulator
import Testing

/// The emulator follows `CheckOrder.standard`, and the README states it. For every adjacent pair of checks one
/// request can fail together, a request failing both gets the earlier check's answer, and the same request without
/// the earlier cause gets the later one's (so the case really triggers both). Pairs no single request can fail
/// together are listed with the reason. Error rows are the catalog's (the docs' tables).
@Suite struct CheckOrderTests {
    enum Role: String, Sendable { case anonymous, app, appWithoutRoles }

    struct Request: Sendable {
        var method: String
        var target: String
        var role: Role = .app
        var json: String? = nil
        var contentType: String? = "application/json"
    }

    struct Pair: Sendable, CustomTestStringConvertible {
        var earlier: CheckOrder.Check
        var later: CheckOrder.Check
        /// Fails both checks: answered by `earlier`.
        var both: Request
        var earlierRow: ErrorRow.ID
        var earlierSlots: [String: String] = [:]
        /// Sent after `both`, without the earlier cause: answered by `later`.
        var laterOnly: Request
        var laterRow: ErrorRow.ID
        var laterSlots: [String: String] = [:]
        var faults: [String] = []
        var testDescription: String { "\(earlier.rawValue) before \(later.rawValue)" }
    }

    static let contentPath = "/v1.0/employeeExperience/learningProviders/\(DocsWorld.linkedInProviderID)/learningContents/\(DocsWorld.linkedInContentID)"
    static let unknownProvider = "00000000-0000-4000-8000-00000000dead"
    static let syncOffProvider = "0ff0ff00-0000-4000-8000-000000000001"
    static let unlicensedLearner = "0e0e0e0e-0000-4000-8000-000000000002"

    static func create(learner: String = DocsWorld.learnerID, content: String = DocsWorld.contosoContentID, percentage: Int = 20) -> String {
        #"""
        {"@odata.type": "#microsoft.graph.learningSelfInitiatedCourse", "learnerUserId": "\#(learner)",
         "learningContentId": "\#(content)", "learningProviderId": "\#(DocsWorld.contosoProviderID)",
         "status": "inProgress", "completionPercentage": \#(percentage)}
        """#
    }

    static let update = ##"{"@odata.type": "#microsoft.graph.learningAssignment", "status": "inProgress"}"##
    static let invalidUpdate = ##"{"@odata.type": "#microsoft.graph.learningAssignment", "status": "inProgress", "completionPercentage": -1}"##

    static let pairs: [Pair] = [
        Pair(earlier: .authentication, later: .route,
             both: Request(method: "GET", target: "/v2.0/employeeExperience/learningCourseActivities/x", role: .anonymous),
             earlierRow: .unauthenticated,
             laterOnly: Request(method: "GET", target: "/v2.0/employeeExperience/learningCourseActivities/x"),
             laterRow: .resourceNotFoundForSegment, laterSlots: ["segment": "v2.0"]),
        Pair(earlier: .route, later: .method,
             both: Request(method: "PUT", target: "/v2.0/employeeExperience/learningProviders/\(DocsWorld.contosoProviderID)/learningCourseActivities"),
             earlierRow: .resourceNotFoundForSegment, earlierSlots: ["segment": "v2.0"],
             laterOnly: Request(method: "PUT", target: "/v1.0/employeeExperience/learningProviders/\(DocsWorld.contosoProviderID)/learningCourseActivities"),
             laterRow: .methodNotAllowed),
        Pair(earlier: .method, later: .fault,
             both: Request(method: "PUT", target: contentPath, json: "{}"), earlierRow: .methodNotAllowed,
             laterOnly: Request(method: "GET", target: contentPath), laterRow: .serviceUnavailable, laterSlots: ["noOfMinutes": "1"],
             faults: ["*:503:times=1"]),
        Pair(earlier: .fault, later: .queryOptions,
             both: Request(method: "GET", target: contentPath + "?$top=x"), earlierRow: .serviceUnavailable, earlierSlots: ["noOfMinutes": "1"],
             laterOnly: Request(method: "GET", target: contentPath + "?$top=x"), laterRow: .invalidQueryOption, laterSlots: ["option": "$top"],
             faults: ["getContent:503:times=1"]),
        Pair(earlier: .mediaType, later: .malformedJSON,
             both: Request(method: "POST", target: Paths.contosoActivities, json: "{", contentType: "text/plain"), earlierRow: .unsupportedMediaType,
             laterOnly: Request(method: "POST", target: Paths.contosoActivities, json: "{"), laterRow: .malformedBody),
        Pair(earlier: .malformedJSON, later: .permission,
             both: Request(method: "POST", target: Paths.contosoActivities, role: .appWithoutRoles, json: "{"), earlierRow: .malformedBody,
             laterOnly: Request(method: "POST", target: Paths.contosoActivities, role: .appWithoutRoles, json: create()),
             laterRow: .permissionScopeMissing),
        Pair(earlier: .permission, later: .providerRegistered,
             both: Request(method: "POST", target: "/v1.0/employeeExperience/learningProviders/\(unknownProvider)/learningCourseActivities",
                           role: .appWithoutRoles, json: create()),
             earlierRow: .permissionScopeMissing,
             laterOnly: Request(method: "POST", target: "/v1.0/employeeExperience/learningProviders/\(unknownProvider)/learningCourseActivities",
                                json: create()),
             laterRow: .registrationIdInvalid),
        Pair(earlier: .providerSyncEnabled, later: .notFound,
             both: Request(method: "PATCH", target: "/v1.0/employeeExperience/learningProviders/\(syncOffProvider)/learningCourseActivities/nope", json: update),
             earlierRow: .providerNotEnabled,
             laterOnly: Request(method: "PATCH", target: Paths.contosoActivities + "/nope", json: update), laterRow: .activityNotFoundOnUpdate),
        Pair(earlier: .notFound, later: .fields,
             both: Request(method: "PATCH", target: Paths.contosoActivities + "/nope", json: invalidUpdate), earlierRow: .activityNotFoundOnUpdate,
             laterOnly: Request(method: "PATCH", target: Paths.contosoActivities + "/" + DocsWorld.assignmentID, json: invalidUpdate),
             laterRow: .fieldInvalid, laterSlots: ["fieldName": "completionPercentage"]),
        Pair(earlier: .fields, later: .providerContent,
             both: Request(method: "POST", target: Paths.contosoActivities, json: create(content: DocsWorld.linkedInContentID, percentage: -1)),
             earlierRow: .fieldInvalid, earlierSlots: ["fieldName": "completionPercentage"],
             laterOnly: Request(method: "POST", target: Paths.contosoActivities, json: create(content: DocsWorld.linkedInContentID)),
             laterRow: .providerContentMismatch),
        Pair(earlier: .providerContent, later: .license,
             both: Request(method: "POST", target: Paths.contosoActivities, json: create(learner: unlicensedLearner, content: DocsWorld.linkedInContentID)),
             earlierRow: .providerContentMismatch,
             laterOnly: Request(method: "POST", target: Paths.contosoActivities, json: create(learner: unlicensedLearner)),
             laterRow: .userLicenseInvalid),
    ]

    /// Adjacent checks no single request can fail together.
    static let neverTogether: [CheckOrder.Check: (later: CheckOrder.Check, why: String)] = [
        .queryOptions: (.mediaType, "query options are read on GET and HEAD only, a media type on POST and PATCH only"),
        .providerRegistered: (.providerSyncEnabled, "only a registered provider has a sync setting"),
    ]

    static func harness(faults: [String]) throws -> EmulatorHarness {
        var configuration = EmulatorConfiguration()
        configuration.faults = try faults.map { try FaultRule(flag: $0) }
        let h = EmulatorHarness(configuration)
        let provider = #"{"id": "\#(syncOffProvider)", "displayName": "Off", "isCourseActivitySyncEnabled": false}"#
        h.send("POST", "/_emulator/tenants/\(TestToken.defaultTenantID)/state", token: nil, json: #"{"providers": [\#(provider)]}"#)
        return h
    }

    static func send(_ request: Request, _ h: EmulatorHarness) -> EmulatorHarness.Reply {
        let token: String? = switch request.role {
        case .anonymous: nil
        case .app: EmulatorHarness.app
        case .appWithoutRoles: EmulatorHarness.token(app: [])
        }
        return h.send(request.method, request.target, token: token, json: request.json, contentType: request.contentType)
    }

    static func expect(_ reply: EmulatorHarness.Reply, _ row: ErrorRow.ID, _ slots: [String: String], _ h: EmulatorHarness) {
        let expected = h.emulator.contract.catalog.error(row, slots: slots)
        #expect(reply.status == expected.status, "\(row)")
        #expect(reply.errorCode == expected.code, "\(row)")
        #expect(reply.errorMessage == expected.message, "\(row)")
    }

    @Test(arguments: pairs)
    func theEarlierCheckAnswers(_ pair: Pair) throws {
        #expect(CheckOrder.standard.precedes(pair.earlier, pair.later))
        let h = try Self.harness(faults: pair.faults)
        Self.expect(Self.send(pair.both, h), pair.earlierRow, pair.earlierSlots, h)
        Self.expect(Self.send(pair.laterOnly, h), pair.laterRow, pair.laterSlots, h)
    }

    @Test func everyAdjacentPairIsCheckedOrCannotOccurTogether() {
        let checks = CheckOrder.standard.checks
        #expect(Set(checks).count == checks.count && Set(checks) == Set(CheckOrder.Check.allCases))
        for (earlier, later) in zip(checks, checks.dropFirst()) {
            let tested = Self.pairs.contains { $0.earlier == earlier && $0.later == later }
            let excused = Self.neverTogether[earlier]?.later == later
            #expect(tested != excused, "\(earlier) → \(later): needs exactly one of a case or a reason")
        }
    }

    /// The unknown-version finding: without a token, 401 whatever the version segment; with one, 400 naming it.
    @Test(arguments: ["/v2.0/me/employeeExperience/learningCourseActivities", "/nope", "/", "/V2/x%zz"])
    func authenticationComesBeforeTheRoute(_ target: String) {
        let h = EmulatorHarness()
        let anonymous = h.send("GET", target, token: nil)
        #expect(anonymous.status == 401)
        #expect(anonymous.errorCode == h.emulator.contract.catalog[.unauthenticated].code)
        let signedIn = h.get(target)
        #expect(signedIn.status == 400)
        #expect(signedIn.errorCode == h.emulator.contract.catalog[.resourceNotFoundForSegment].code)
    }

    @Test func theReadmeAndTheAmbiguityStateTheOrder() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let summary = CheckOrder.standard.summary
        #expect(readme.contains("- Check order (ambiguity `checkPrecedence`"))
        #expect(readme.components(separatedBy: summary).count - 1 == 2, "the Check order line and the checkPrecedence row")
        let ambiguity = Ambiguity.documented.first { $0.id == .checkPrecedence }
        #expect(ambiguity?.preferred.hasPrefix(summary) == true)
    }
}
