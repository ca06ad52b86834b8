import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP

/// Sends requests straight to `Emulator.handle` and reads the answers back as JSON.
struct EmulatorHarness {
    let emulator: Emulator

    init(_ configuration: EmulatorConfiguration = EmulatorConfiguration()) {
        emulator = Emulator(configuration: configuration)
    }

    static let app = TestToken.mint(TestToken.providerAppClaims)
    static let learner = TestToken.mint(TestToken.docsLearnerClaims)

    static func token(tenant: String = TestToken.defaultTenantID, user: String = DocsWorld.learnerID, app roles: [String]) -> String {
        TestToken.mint(.init(tenantID: tenant, objectID: user, kind: .application(roles: roles)))
    }

    static func token(tenant: String = TestToken.defaultTenantID, user: String = DocsWorld.learnerID, delegated scopes: [String]) -> String {
        TestToken.mint(.init(tenantID: tenant, objectID: user, kind: .delegated(scopes: scopes)))
    }

    struct Reply {
        var response: HTTPResponse
        var status: Int { response.status }
        var json: JSONValue? { try? JSONReader().read(response.body).root }
        var errorCode: String? { json?["error"]?["code"]?.stringValue }
        var errorMessage: String? { json?["error"]?["message"]?.stringValue }
        func header(_ name: String) -> String? { response.headers[name] }
        subscript(key: String) -> JSONValue? { json?[key] }
    }

    @discardableResult
    /// `host` defaults to `graph.test`, and to `127.0.0.1:8080` for the admin endpoint (which wants a loopback Host).
    func send(_ method: String, _ target: String, token: String? = EmulatorHarness.app, headers: [String: String] = [:],
              json: String? = nil, contentType: String? = "application/json", host: String? = nil) -> Reply {
        var fields = HTTPHeaders()
        fields.append(name: "Host", value: host ?? (target.hasPrefix("/_emulator") ? "127.0.0.1:8080" : "graph.test"))
        if let token { fields.append(name: "Authorization", value: "Bearer " + token) }
        if json != nil, let contentType { fields.append(name: "Content-Type", value: contentType) }
        for (name, value) in headers.sorted(by: { $0.key < $1.key }) { fields.append(name: name, value: value) }
        let request = HTTPRequest(method: method, target: target, headers: fields, body: Array((json ?? "").utf8))
        return Reply(response: emulator.handle(request))
    }

    func get(_ target: String, token: String? = EmulatorHarness.learner, headers: [String: String] = [:]) -> Reply {
        send("GET", target, token: token, headers: headers)
    }
}

/// Request bodies of the doc examples (learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0; learn.microsoft.com/graph/api/learningcourseactivity-update?view=graph-rest-1.0; learn.microsoft.com/graph/api/resources/learningprovider?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningprovider-update?view=graph-rest-1.0).
enum DocBodies {
    static let createAssignment = DocumentedExample.createAssignment.body
    static let createSelfInitiated = DocumentedExample.createSelfInitiated.body
    static let updateAssignment = DocumentedExample.updateAssignment.body
    static let updateProvider = DocumentedExample.updateProvider.body
    /// LC-UPDATE-v1 style body (learn.microsoft.com/graph/api/resources/learningcontent?view=graph-rest-1.0, Properties table; learn.microsoft.com/graph/api/learningcontent-update?view=graph-rest-1.0); fields beyond those printed on the page are assumed.
    static let upsertContent = """
    {
      "externalId": "LP4471",
      "title": "Manage conflict",
      "contentWebUrl": "https://www.linkedin.com/learning/lp4471",
      "languageTag": "en-us",
      "level": "Beginner",
      "duration": "PT20M",
      "createdDateTime": "2018-01-01T00:00:00Z"
    }
    """
}

enum Paths {
    static let v1 = "/v1.0"
    static let contosoActivities = "/v1.0/employeeExperience/learningProviders/\(DocsWorld.contosoProviderID)/learningCourseActivities"
    static let linkedInActivities = "/v1.0/employeeExperience/learningProviders/\(DocsWorld.linkedInProviderID)/learningCourseActivities"
    static let learnerActivities = "/v1.0/users/\(DocsWorld.learnerID)/employeeExperience/learningCourseActivities"
}
