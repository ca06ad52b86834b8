import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP
import Testing

/// `serve --verify-clients`: each documented kind of client mistake is reported, a clean client sees nothing.
/// Expectations come from the docs:
/// learn.microsoft.com/graph/api/employeeexperienceuser-post-learningcourseactivities?view=graph-rest-1.0,
/// "Request headers" table (Authorization, Content-Type application/json required), "Request body" table
/// (learnerUserId required; status notStarted, inProgress, completed; completionPercentage between 0 and 100)
/// and "Permissions" table (application: LearningAssignedCourse.ReadWrite.All); the other spelling
/// externalcourseActivityId is a documented contradiction (`learning-contract ambiguities`).
@Suite struct ClientVerifierTests {
    static let createPath = "/v1.0/employeeExperience/learningProviders/\(DocsWorld.contosoProviderID)/learningCourseActivities"

    /// The doc example 1 create body with `edit` applied to its members.
    static func createBody(_ edit: (inout [String: Any]) -> Void) -> String {
        let data = Data(DocumentedExample.createAssignment.body.utf8)
        var object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        edit(&object)
        let out = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: out, as: UTF8.self)
    }

    struct Mistake: Sendable, CustomTestStringConvertible {
        var name: String
        var method = "POST"
        var path = ClientVerifierTests.createPath
        var token = EmulatorHarness.app
        var contentType = "application/json"
        var body: String
        var severity: ClientFinding.Severity = .violation
        var kind: ClientFinding.Kind
        var field: String
        var ambiguity: Ambiguity.ID? = nil
        var testDescription: String { name }
    }

    static let mistakes: [Mistake] = [
        Mistake(name: "missing required field", body: createBody { $0["learnerUserId"] = nil }, kind: .field, field: "learnerUserId"),
        Mistake(name: "completionPercentage 101", body: createBody { $0["completionPercentage"] = 101 }, kind: .field, field: "completionPercentage"),
        Mistake(name: "wrong case in an enum", body: createBody { $0["status"] = "NotStarted" }, kind: .field, field: "status"),
        Mistake(name: "wrong Content-Type", contentType: "text/plain", body: createBody { _ in }, kind: .contentType, field: "Content-Type"),
        Mistake(name: "unknown property", body: createBody { $0["favouriteColour"] = "blue" }, kind: .field, field: "favouriteColour"),
        Mistake(name: "a scope the token lacks", token: EmulatorHarness.token(app: ["LearningAssignedCourse.Read.All"]),
                body: createBody { _ in }, kind: .missingScope, field: "roles"),
        Mistake(name: "a non-preferred reading", body: createBody {
            $0["externalcourseActivityId"] = $0.removeValue(forKey: "externalCourseActivityId")
        }, severity: .warning, kind: .documentedVariant, field: "externalCourseActivityId", ambiguity: .externalCourseActivityIdSpelling),
    ]

    static func server() throws -> EmulatorServer {
        try EmulatorServer(configuration: EmulatorConfiguration(port: 0), verifyClients: true)
    }

    static func send(_ server: EmulatorServer, _ method: String, _ target: String, token: String?, id: String,
                     contentType: String? = nil, body: String = "") -> HTTPResponse {
        var headers = HTTPHeaders()
        headers.append(name: "Host", value: "graph.test")
        if let token { headers.append(name: "Authorization", value: "Bearer " + token) }
        if let contentType { headers.append(name: "Content-Type", value: contentType) }
        headers.append(name: "client-request-id", value: id)
        let request = HTTPRequest(method: method, target: target, headers: headers, body: Array(body.utf8))
        return server.clientLog!.handle(request, by: server.emulator)
    }

    @Test(arguments: mistakes)
    func eachMistakeIsReported(_ mistake: Mistake) throws {
        let server = try Self.server()
        let id = "mistake-\(mistake.name)"
        _ = Self.send(server, mistake.method, mistake.path, token: mistake.token, id: id,
                      contentType: mistake.contentType, body: mistake.body)
        let exchanges = server.clientLog!.snapshot.requests(clientRequestID: id)
        #expect(exchanges.count == 1)
        let findings = exchanges.first?.findings ?? []
        #expect(findings.count == 1, "exactly the one mistake: \(findings.map(\.message))")
        let finding = try #require(findings.first)
        #expect(finding.kind == mistake.kind)
        #expect(finding.field == mistake.field)
        #expect(finding.severity == mistake.severity)
        if let ambiguity = mistake.ambiguity { #expect(finding.ambiguity == ambiguity) }
        #expect(!finding.sources.isEmpty)
    }

    @Test func cleanClientSeesNothing() throws {
        let server = try Self.server()
        let app = EmulatorHarness.app
        let created = Self.send(server, "POST", Self.createPath, token: app, id: "c1", contentType: "application/json",
                                body: DocumentedExample.createAssignment.body)
        #expect(created.status == 201)
        let id = try #require(try JSONReader().read(created.body).root["id"]?.stringValue)
        let encoded = id.replacingOccurrences(of: ":", with: "%3A")
        #expect(Self.send(server, "GET", Self.createPath + "/" + encoded, token: app, id: "c2").status == 200)
        #expect(Self.send(server, "GET", "/v1.0/users/\(DocsWorld.learnerID)/employeeExperience/learningCourseActivities?$top=2&$count=true",
                          token: EmulatorHarness.learner, id: "c3").status == 200)
        let update = ##"{"@odata.type": "#microsoft.graph.learningAssignment", "completionPercentage": 60, "status": "inProgress"}"##
        #expect(Self.send(server, "PATCH", Self.createPath + "/" + encoded, token: app, id: "c4",
                          contentType: "application/json; charset=utf-8", body: update).status == 204)
        #expect(Self.send(server, "DELETE", Self.createPath + "/" + encoded, token: app, id: "c5").status == 204)
        let report = server.clientLog!.snapshot
        #expect(report.requestsJudged == 5)
        #expect(report.requests.flatMap(\.findings).isEmpty, "\(report.text)")
        #expect(report.isClean)
    }

    @Test func requestLevelMistakes() throws {
        let server = try Self.server()
        _ = Self.send(server, "GET", "/v1.0/users/\(DocsWorld.learnerID)/employeeExperience/learningCourseActivities", token: nil, id: "noauth")
        _ = Self.send(server, "GET", "/v1.0/users/\(DocsWorld.learnerID)/employeeExperience/learningCourseActivities?$filter=x",
                      token: EmulatorHarness.learner, id: "filter")
        _ = Self.send(server, "PUT", Self.createPath, token: EmulatorHarness.app, id: "put")
        _ = Self.send(server, "POST", Self.createPath, token: EmulatorHarness.app, id: "json", contentType: "application/json", body: "{\"a\":")
        let report = server.clientLog!.snapshot
        #expect(report.requests(clientRequestID: "noauth").first?.findings.map(\.kind) == [.missingAuthorization])
        #expect(report.requests(clientRequestID: "filter").first?.findings.map(\.kind) == [.invalidQueryOption])
        #expect(report.requests(clientRequestID: "put").first?.findings.map(\.kind) == [.methodNotAllowed])
        #expect(report.requests(clientRequestID: "json").first?.findings.map(\.kind) == [.malformedJSON])
        #expect(report.violationCount == 4)
    }

    @Test func adminRequestsAreNotJudgedAndTheEmulatorAnswersAsUsual() throws {
        let server = try Self.server()
        let plain = EmulatorHarness()
        let body = Self.createBody { $0["completionPercentage"] = 101 }
        let verified = Self.send(server, "POST", Self.createPath, token: EmulatorHarness.app, id: "x", contentType: "application/json", body: body)
        let usual = plain.send("POST", Self.createPath, json: body)
        #expect(verified.status == usual.status)
        _ = Self.send(server, "GET", "/_emulator/info", token: nil, id: "admin")
        #expect(server.clientLog!.snapshot.requestsJudged == 1)
    }

    @Test func reportEndpointOverHTTP() async throws {
        let server = try Self.server()
        let port = try server.start()
        defer { server.shutdown() }
        let base = try #require(URL(string: "http://127.0.0.1:\(port)"))
        let client = HTTPClient()
        var headers: HTTPHeaders = ["Authorization": "Bearer " + EmulatorHarness.app, "Content-Type": "application/json",
                                    "client-request-id": "over-http"]
        _ = try await client.send(HTTPRequest(method: "POST", target: Self.createPath, headers: headers,
                                              body: Array(Self.createBody { $0["completionPercentage"] = 101 }.utf8)), to: base)
        headers = [:]
        let all = try await client.send(HTTPRequest(method: "GET", target: "/_emulator/report"), to: base)
        #expect(all.status == 200)
        let decoded = try JSONDecoder().decode(ClientVerificationReport.self, from: Data(all.body))
        #expect(decoded.requests(clientRequestID: "over-http").first?.findings.first?.field == "completionPercentage")
        let one = try await client.send(HTTPRequest(method: "GET", target: "/_emulator/report?client-request-id=nobody"), to: base)
        #expect(try JSONDecoder().decode(ClientVerificationReport.self, from: Data(one.body)).requests.isEmpty)
    }

    @Test func reportFormatsAndFiles() throws {
        let server = try Self.server()
        _ = Self.send(server, "POST", Self.createPath, token: EmulatorHarness.app, id: "bad<&>", contentType: "text/plain",
                      body: Self.createBody { $0["completionPercentage"] = 101 })
        let report = server.clientLog!.snapshot
        #expect(report.violationCount == 2)
        #expect(report.text.contains("violation contentType"))
        #expect(report.text.hasSuffix("1 requests judged: 2 violations, 0 warnings (violations found)\n"))
        #expect(report.junit.contains(#"failures="1""#))
        #expect(report.junit.contains("[bad&lt;&amp;&gt;]"))
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try report.write(to: directory)
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["client-report.json", "client-report.junit.xml", "client-report.txt"])
        let json = try Data(contentsOf: directory.appendingPathComponent("client-report.json"))
        #expect(try JSONDecoder().decode(ClientVerificationReport.self, from: json) == report)
    }
}
