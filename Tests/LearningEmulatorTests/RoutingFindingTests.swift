import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// Routing findings of issue 9, each checked against the standard that settles it.
@Suite struct RoutingFindingTests {
    static let providers = Paths.v1 + "/employeeExperience/learningProviders"

    /// RFC 9110 §15.5.6: a 405 "MUST generate an Allow header field" listing the target's methods.
    @Test(arguments: [
        ("PUT", Paths.contosoActivities + "/" + DocsWorld.assignmentID, "GET, HEAD, PATCH, DELETE"),
        ("DELETE", Paths.learnerActivities + "/" + DocsWorld.assignmentID, "GET, HEAD"),
        ("GET", Paths.contosoActivities, "POST"),
        ("PUT", ProviderOperationTests.providers, "GET, HEAD, POST"),
        ("POST", ProviderOperationTests.providers + "/" + DocsWorld.linkedInProviderID, "GET, HEAD, PATCH, DELETE"),
        ("GET", ProviderOperationTests.providers + "/" + DocsWorld.linkedInProviderID + "/$ref", "DELETE"),
        ("POST", ContentOperationTests.linkedIn, "GET, HEAD"),
        ("PUT", ContentOperationTests.linkedIn + "(externalId='LP4471')", "GET, HEAD, PATCH, DELETE"),
        ("GET", Paths.v1 + "/employeeExperience/learningCourseActivities", ""),
        ("DELETE", Paths.learnerActivities + "/$count", "GET, HEAD"),
    ])
    func methodNotAllowedCarriesAllow(method: String, path: String, allow: String) {
        let r = EmulatorHarness().send(method, path)
        #expect(r.status == 405)
        #expect(r.errorCode == "methodNotAllowed")
        #expect(r.header("Allow") == allow)
    }

    /// RFC 9110 §9.3.2: HEAD is GET without content; the server answers with the same status and header fields.
    @Test(arguments: [
        Paths.learnerActivities + "/" + DocsWorld.assignmentID,
        Paths.learnerActivities,
        ProviderOperationTests.providers + "/" + DocsWorld.linkedInProviderID,
        ContentOperationTests.linkedIn + "(externalId='LP4471')",
    ])
    func headAnswersLikeGet(_ path: String) {
        let h = EmulatorHarness()
        let get = h.send("GET", path, token: EmulatorHarness.learner)
        let head = h.send("HEAD", path, token: EmulatorHarness.learner)
        #expect(get.status == 200)
        #expect(head.status == 200)
        #expect(head.header("Content-Type") == get.header("Content-Type"))
        #expect(head.response.body.count == get.response.body.count)
    }

    /// Through the real server: no content, and a Content-Length equal to the GET's (RFC 9110 §8.6).
    @Test(.timeLimit(.minutes(1))) func headThroughTheServerHasNoBody() async throws {
        try await ServerTests.withServer { base, _ in
            let client = HTTPClient(configuration: HTTPClientConfiguration(timeout: .seconds(20)))
            let path = Paths.learnerActivities + "/" + DocsWorld.assignmentID
            let get = try await client.send(ServerTests.request("GET", path, token: EmulatorHarness.learner), to: base)
            let head = try await client.send(ServerTests.request("HEAD", path, token: EmulatorHarness.learner), to: base)
            #expect(head.status == 200)
            #expect(head.body.isEmpty)
            #expect(head.headers["Content-Length"] == String(get.body.count))
        }
    }

    /// OData 4.01 URL conventions §4.8: `/$count` addresses the collection's size, a plain-text integer; it is
    /// never a key. The docs world's learner has three activities.
    @Test(arguments: [
        (Paths.learnerActivities + "/$count", EmulatorHarness.learner),
        (Paths.v1 + "/me/employeeExperience/learningCourseActivities/$count", EmulatorHarness.learner),
        (Paths.learnerActivities + "/%24count", EmulatorHarness.learner),
    ])
    func countSegmentIsTheCount(path: String, token: String) {
        let r = EmulatorHarness().send("GET", path, token: token)
        #expect(r.status == 200)
        #expect(r.header("Content-Type")?.hasPrefix("text/plain") == true)
        #expect(String(decoding: r.response.body, as: UTF8.self) == "3")
    }

    /// The global and provider activity collections document no GET, so their `$count` is 405 like them,
    /// not a 404 for an activity called `$count`.
    @Test(arguments: [Paths.v1 + "/employeeExperience/learningCourseActivities/$count", Paths.contosoActivities + "/$count"])
    func countOfACollectionWithoutListIs405(_ path: String) {
        let r = EmulatorHarness().send("GET", path)
        #expect(r.status == 405)
        #expect(r.errorCode == "methodNotAllowed")
    }

    /// `$ref` and `$count` end a path: anything after them is an unknown segment (400, as for other paths).
    @Test(arguments: [
        (ProviderOperationTests.providers + "/" + DocsWorld.linkedInProviderID + "/$ref/x", "x"),
        (ContentOperationTests.linkedIn + "/" + DocsWorld.linkedInContentID + "/$ref/y", "y"),
        (Paths.learnerActivities + "/$count/z", "z"),
    ])
    func nothingFollowsRefOrCount(path: String, segment: String) {
        let r = EmulatorHarness().send("DELETE", path)
        #expect(r.status == 400)
        #expect(r.errorMessage == "Resource not found for the segment '\(segment)'.")
    }

    /// The count keeps the list's permissions (LIST-v1 "Permissions" table: delegated Read.All scopes).
    @Test func countNeedsTheListPermission() {
        let r = EmulatorHarness().send("GET", Paths.learnerActivities + "/$count", token: EmulatorHarness.token(delegated: ["LearningProvider.Read"]))
        #expect(r.status == 403)
    }
}
