import Foundation
import LearningConformance
import LearningContract
import LearningEmulator
import LearningHTTP

/// What a staging deployment or a third-party emulator looks like to `conform`: a server that exposes only
/// `/v1.0` and `/beta` of a running `serve` (its `/_emulator` admin and state endpoints are not reachable
/// through it), optionally with one planted mistake. Requests go to the `serve` instance's emulator in
/// process, on the proxy's own HTTP server (LearningHTTP), so the runner talks to it over real sockets.
final class ForwardingProxy: Sendable {
    /// One way the proxied target breaks the contract on purpose.
    enum Mistake: String, Sendable, CaseIterable {
        /// Create answers 200 instead of 201.
        case wrongStatus
        /// Activities come back without `learnerUserId`.
        case droppedField
        /// DELETE of an activity answers 204 and deletes nothing.
        case deleteDoesNotDelete
        /// 429 responses lose their Retry-After header.
        case throttleWithoutRetryAfter
    }

    let serve: EmulatorServer
    let mistake: Mistake?
    private let server: HTTPServer
    let baseURL: URL

    /// Starts `serve` (the docs world in the default tenant, read with `contract`) and the proxy in front of it,
    /// both on loopback.
    init(mistake: Mistake? = nil, contract: ContractConfiguration = .default) throws {
        let serve = try EmulatorServer(configuration: EmulatorConfiguration(host: "127.0.0.1", port: 0, contract: contract))
        try serve.start()
        let emulator = serve.emulator
        let server = HTTPServer(configuration: HTTPServerConfiguration(host: "127.0.0.1", port: 0)) { request in
            Self.forward(request, to: emulator, mistake: mistake)
        }
        let port = try server.start()
        self.serve = serve
        self.mistake = mistake
        self.server = server
        self.baseURL = URL(string: "http://127.0.0.1:\(port)/v1.0")!
    }

    /// `serve`'s own Pact-style state-change URL (not behind the proxy).
    var stateURL: URL { URL(string: "http://127.0.0.1:\(serve.port)/_emulator/provider-states")! }

    func stop() {
        server.shutdown()
        serve.shutdown()
    }

    static func forward(_ request: HTTPRequest, to emulator: Emulator, mistake: Mistake?) -> HTTPResponse {
        let path = request.path
        guard path.hasPrefix("/v1.0/") || path.hasPrefix("/beta/") else {
            return HTTPResponse(status: 404, headers: ["Content-Type": "text/plain"], body: Array("not found\n".utf8))
        }
        let isActivity = path.contains("/learningCourseActivities")
        if mistake == .deleteDoesNotDelete, request.method == "DELETE", isActivity {
            return HTTPResponse(status: 204)
        }
        var response = emulator.handle(request)
        switch mistake {
        case .wrongStatus? where request.method == "POST" && response.status == 201:
            response.status = 200
        case .droppedField? where isActivity && response.status == 200:
            if case .object(var object)? = try? JSONReader().read(response.body).root, object["learnerUserId"] != nil {
                object["learnerUserId"] = nil
                response.body = JSONValue.object(object).utf8Bytes
                response.headers["Content-Length"] = nil
            }
        case .throttleWithoutRetryAfter? where response.status == 429:
            response.headers["Retry-After"] = nil
        default: break
        }
        return response
    }

    /// The default tenant's activity ids (what a run must leave as it found).
    var activityIDs: Set<String> {
        Set(serve.emulator.state(ofTenant: TestToken.defaultTenantID)?.activities.compactMap { $0["id"]?.stringValue } ?? [])
    }

    /// What the operator of the target did before handing out the profile: a provider with sync disabled.
    static let disabledProviderID = "5d15ab1e-0000-4000-8000-0000000000d1"

    func registerDisabledProvider() {
        let document: JSONValue = ["providers": [["id": .string(Self.disabledProviderID), "displayName": "Staging disabled provider",
                                                   "isCourseActivitySyncEnabled": false]]]
        let request = HTTPRequest(method: "POST", target: "/_emulator/tenants/\(TestToken.defaultTenantID)/state",
                                  headers: ["Host": "127.0.0.1:\(serve.port)", "Content-Type": "application/json"],
                                  body: document.utf8Bytes)
        _ = serve.emulator.handle(request)
    }

    /// The target profile a user of this target writes (ids of things that exist there).
    func profileFile(readings: JSONValue? = nil) throws -> URL {
        var profile: JSONValue = [
            "$schema": "https://learning-contract.test/schemas/target-profile.schema.json",
            "providerId": .string(DocsWorld.contosoProviderID), "contentId": .string(DocsWorld.contosoContentID),
            "learnerId": .string(DocsWorld.learnerID), "otherProviderId": .string(DocsWorld.linkedInProviderID),
            "disabledProviderId": .string(Self.disabledProviderID),
            "unlicensedLearnerId": "0bad0000-0000-4000-8000-00000000beef",
        ]
        if let readings, case .object(var object) = profile {
            object["readings"] = readings
            profile = .object(object)
        }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("target-\(UUID().uuidString).json")
        try Data(profile.serialized(pretty: true).utf8).write(to: url)
        return url
    }

    /// Static credentials, as a CI job has them in `LEARNING_CONTRACT_TOKEN_*`: one token per role, all in the
    /// target's (default) tenant. Test tokens here, because the target is the emulator.
    static func environment(roles: RoleCatalog) -> [String: String] {
        var environment: [String: String] = ["PATH": "/usr/bin"]
        for role in roles.roles where role.kind == .application || role.kind == .delegated {
            environment[role.environmentVariable] = TestTokenMinter.mint(
                tenantID: TestToken.defaultTenantID, objectID: role.objectID ?? "00000000-0000-0000-0000-0000000000a1", role: role)
        }
        return environment
    }
}
