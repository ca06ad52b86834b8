import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// The emulator serves exactly the contract's endpoint table (`APIEndpoint`), and the OpenAPI lists exactly that
/// table: finding B7 of Tests/Scripts/EXTERNAL-FINDINGS.md (`serve` answered methods the OpenAPI lacked).
@Suite struct EndpointModelTests {
    static let document = OpenAPIExporter.document()
    static let openAPIPaths: [String] = document["paths"]?.objectValue?.keys ?? []

    /// A value for every path parameter of the table: the docs world's ids.
    static let values: [(String, String)] = [
        ("registrationId", DocsWorld.contosoProviderID), ("learningProviderId", DocsWorld.linkedInProviderID),
        ("id", DocsWorld.assignmentID), ("user-id", DocsWorld.learnerID),
        ("externalCourseActivityId", DocsWorld.externalActivityID), ("learningContentId", DocsWorld.linkedInContentID),
        ("externalId", "LP4471"),
    ]

    static func target(_ template: String, version: APIVersion = .v1) -> String {
        var path = template
        for (name, value) in values { path = path.replacingOccurrences(of: "{\(name)}", with: value) }
        return "/" + version.rawValue + path
    }

    /// RFC 9110 §15.5.6: a 405's `Allow` lists the target's methods. For every path of the OpenAPI, `Allow` lists
    /// exactly the path item's methods (and HEAD beside GET, RFC 9110 §9.3.2), so no method is served that the
    /// OpenAPI lacks.
    @Test(arguments: openAPIPaths)
    func allowListsExactlyTheOpenAPIMethods(_ path: String) throws {
        let item = try #require(Self.document["paths"]?[path]?.objectValue)
        let methods = Set(item.keys.map { $0.uppercased() })
        let expected = ["GET", "HEAD", "POST", "PATCH", "DELETE"].filter { methods.contains($0 == "HEAD" ? "GET" : $0) }
        let reply = EmulatorHarness().send("PUT", Self.target(path), json: "{}")
        #expect(reply.status == 405)
        #expect(reply.header("Allow") == expected.joined(separator: ", "))
    }

    /// Every endpoint served at a version routes to its operation: a token without any permission reaches the
    /// scope check (403 `permissionScopeMissing`, which comes after routing) instead of a 405.
    @Test(arguments: APIVersion.allCases)
    func everyServedEndpointRoutesToItsOperation(_ version: APIVersion) {
        let noScopes = EmulatorHarness.token(delegated: [])
        let h = EmulatorHarness()
        for endpoint in APIEndpoint.served(in: version, configuration: .default) {
            let body = endpoint.operation.hasRequestBody ? "{}" : nil
            let reply = h.send(endpoint.httpMethod, Self.target(endpoint.path, version: version), token: noScopes, json: body)
            #expect(reply.status == 403, "\(endpoint.id) \(version.rawValue)")
            #expect(reply.errorMessage == ErrorCatalog.documented[.permissionScopeMissing].messageTemplate, "\(endpoint.id) \(version.rawValue)")
        }
    }

    /// The request forms the official SDKs offer under a provider (the Kiota builders
    /// `…learning_course_activities.by_learning_course_activity_id(id).get()` and
    /// `…with_externalcourse_activity_id(x).patch()/delete()`) are in the OpenAPI, marked as SDK-exposed.
    @Test(arguments: [
        ("/employeeExperience/learningProviders/{registrationId}/learningCourseActivities/{id}", "get"),
        ("/employeeExperience/learningProviders/{registrationId}/learningCourseActivities(externalCourseActivityId='{externalCourseActivityId}')", "patch"),
        ("/employeeExperience/learningProviders/{registrationId}/learningCourseActivities(externalCourseActivityId='{externalCourseActivityId}')", "delete"),
        ("/users/{user-id}/employeeExperience/learningCourseActivities/$count", "get"),
    ])
    func openAPIListsTheSDKForms(_ path: String, _ method: String) throws {
        let operation = try #require(Self.document["paths"]?[path]?[method])
        #expect(operation["x-exposure"] == "exposed by the SDK, not on a doc page")
    }

    /// The SDK forms answer as their documented twins do (UPDATE-v1 example 1's body, by external id).
    @Test func sdkFormsAnswer() {
        let h = EmulatorHarness()
        let byID = h.get(Paths.contosoActivities + "/" + DocsWorld.assignmentID, token: EmulatorHarness.app)
        #expect(byID.status == 200)
        #expect(byID["id"] == .string(DocsWorld.assignmentID))
        let byExternalID = Paths.contosoActivities + "(externalCourseActivityId='\(DocsWorld.externalActivityID)')"
        #expect(h.send("PATCH", byExternalID, json: DocBodies.updateAssignment).status == 204)
        #expect(h.send("DELETE", byExternalID).status == 204)
        #expect(h.get(Paths.contosoActivities + "/" + DocsWorld.assignmentID, token: EmulatorHarness.app).status == 404)
    }

    /// The old beta update path (ambiguity updatePathWithoutProvider) is served only on /beta and only while the
    /// ambiguity is lenient; elsewhere the path answers GET alone.
    @Test(arguments: [(APIVersion.beta, Strictness.lenient, true), (.beta, .strict, false), (.v1, .lenient, false)])
    func oldBetaUpdatePath(_ version: APIVersion, _ strictness: Strictness, _ served: Bool) {
        var configuration = EmulatorConfiguration()
        configuration.contract.ambiguities[Ambiguity.ID.updatePathWithoutProvider.rawValue] = strictness
        let target = "/" + version.rawValue + "/employeeExperience/learningCourseActivities/" + DocsWorld.assignmentID
        let reply = EmulatorHarness(configuration).send("PATCH", target, json: DocBodies.updateAssignment)
        if served {
            #expect(reply.status == 204)
        } else {
            #expect(reply.status == 405)
            #expect(reply.header("Allow") == "GET, HEAD")
        }
    }
}
