import Foundation
import LearningConformance
import LearningContract
import LearningHTTP
import Testing

/// `import-har`: a HAR 1.2 exported from a recorded session imports to the same fixtures; malformed HARs name
/// the entry index; base64 bodies are decoded; binary request bodies are refused (or left out on request).
@Suite(.timeLimit(.minutes(2))) struct HARImportTests {
    /// A HAR 1.2 document of a session, as devtools write one; `base64Responses` encodes response bodies.
    static func har(_ session: RecordedSession, base64Responses: Bool) -> JSONValue {
        let entries: [JSONValue] = session.exchanges.map { exchange in
            func headers(_ fields: HTTPHeaders) -> JSONValue {
                .array(fields.fields.map { ["name": .string($0.name), "value": .string($0.value)] })
            }
            var request: JSONObject = ["method": .string(exchange.request.method), "url": .string(session.target + exchange.request.target),
                                       "httpVersion": "HTTP/1.1", "headers": headers(exchange.request.headers), "queryString": [],
                                       "cookies": [], "headersSize": -1, "bodySize": .number(JSONNumber(exchange.request.body.count))]
            if !exchange.request.body.isEmpty {
                request["postData"] = ["mimeType": "application/json", "text": .string(String(decoding: exchange.request.body, as: UTF8.self))]
            }
            var content: JSONObject = ["size": .number(JSONNumber(exchange.response.body.count)), "mimeType": "application/json"]
            if !exchange.response.body.isEmpty {
                if base64Responses {
                    content["text"] = .string(Data(exchange.response.body).base64EncodedString())
                    content["encoding"] = "base64"
                } else {
                    content["text"] = .string(String(decoding: exchange.response.body, as: UTF8.self))
                }
            }
            return ["startedDateTime": .string(session.isoDate), "time": 1, "request": .object(request),
                    "response": ["status": .number(JSONNumber(exchange.response.status)), "statusText": "", "httpVersion": "HTTP/1.1",
                                 "headers": headers(exchange.response.headers), "cookies": [], "content": .object(content),
                                 "redirectURL": "", "headersSize": -1, "bodySize": -1],
                    "cache": [:], "timings": ["send": 0, "wait": 1, "receive": 0]]
        }
        return ["log": ["version": "1.2", "creator": ["name": "test", "version": "1"], "entries": .array(entries)]]
    }

    @Test(arguments: [false, true])
    func aHARExportedFromARecordedSessionImportsToTheSameFixtures(base64Responses: Bool) async throws {
        let directory = RecordReplayTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let (recorded, session) = try await RecordReplayTests.recordLifecycleSession(into: directory)
        var importer = HARImporter()
        let imported = try importer.session(from: Self.har(session, base64Responses: base64Responses).utf8Bytes)
        let output = FixtureWriter(name: "lifecycle").fixtures(for: imported)
        #expect(output.files.map(\.name) == recorded.files.map(\.name))
        #expect(output.files.first?.document["steps"] == recorded.files.first?.document["steps"])
        #expect(output.files.last?.document == recorded.files.last?.document, "roles.json")
        #expect(output.files.first?.document["source"] == recorded.files.first?.document["source"], "target and date")
    }

    static func entry(_ request: JSONValue, status: JSONValue = 200, content: JSONValue = ["size": 2, "mimeType": "application/json", "text": "{}"]) -> JSONValue {
        ["request": request, "response": ["status": status, "headers": [], "content": content]]
    }
    static let good = entry(["method": "GET", "url": "http://127.0.0.1:8080/v1.0/me/employeeExperience/learningCourseActivities", "headers": []])

    @Test(arguments: [
        (JSONValue.array([good, ["response": ["status": 200]]]), "entry 1: 'request' is missing"),
        (.array([entry(["method": "GET", "url": "/v1.0/relative"])]), "entry 0: request.url"),
        (.array([good, good, entry(["method": "GET", "url": "http://x/v1.0/a"], status: "200")]), "entry 2: response.status"),
        (.array([good, entry(["method": "POST", "url": "http://x/v1.0/a", "postData": ["text": "%%%", "encoding": "base64"]])]), "entry 1: request.postData.text is not valid base64"),
        (.array([entry(["method": "GET", "url": "http://x/v1.0/a", "headers": [["name": "a"]]])]), "entry 0: request.headers[0]"),
        (.array([good, entry(["method": "GET", "url": "http://x/v1.0/a"], content: ["text": "x", "encoding": "gzip"])]), "entry 1: response.content.encoding 'gzip'"),
    ])
    func malformedEntriesAreNamedByIndex(_ entries: JSONValue, _ message: String) {
        var importer = HARImporter()
        let har: JSONValue = ["log": ["version": "1.2", "entries": entries]]
        #expect {
            _ = try importer.session(from: har.utf8Bytes)
        } throws: { error in
            (error as? HARImporter.Failure)?.description.hasPrefix(message) == true
        }
    }

    @Test func notAHARIsAClearError() {
        var importer = HARImporter()
        #expect(throws: HARImporter.Failure(entry: nil, message: "no 'log' object: not a HAR file")) {
            _ = try importer.session(from: Array(#"{"entries": []}"#.utf8))
        }
    }

    static let binaryHAR: JSONValue = ["log": ["version": "1.2", "entries": [
        good,
        entry(["method": "POST", "url": "http://127.0.0.1:8080/v1.0/employeeExperience/learningProviders/p/learningCourseActivities",
               "postData": ["mimeType": "image/png", "text": .string(Data([0x89, 0x50, 0x4E, 0x47, 0xFF, 0xFE, 0x00, 0x80]).base64EncodedString()), "encoding": "base64"]]),
        entry(["method": "GET", "url": "http://127.0.0.1:8080/v1.0/me/employeeExperience/learningCourseActivities?$top=1"],
              content: ["mimeType": "application/json", "text": .string(Data(#"{"value":[]}"#.utf8).base64EncodedString()), "encoding": "base64"]),
    ]]]

    @Test func binaryRequestBodiesAreRefusedNamingTheEntryOrLeftOutOnRequest() throws {
        var strict = HARImporter()
        #expect {
            _ = try strict.session(from: Self.binaryHAR.utf8Bytes)
        } throws: { error in
            let text = (error as? HARImporter.Failure)?.description ?? ""
            return text.hasPrefix("entry 1: the request body is binary (image/png, 8 bytes)") && text.contains("--skip-binary")
        }
        var lenient = HARImporter(skipBinary: true)
        let session = try lenient.session(from: Self.binaryHAR.utf8Bytes)
        #expect(session.exchanges.count == 2)
        #expect(lenient.skipped.count == 1 && lenient.skipped[0].hasPrefix("entry 1:"))
        #expect(session.exchanges[1].response.body == Array(#"{"value":[]}"#.utf8), "base64 response bodies are decoded")
    }

    @Test func noCredentialInAnImportedFile() throws {
        let jwt = "eyJhbGciOiJub25lIn0.eyJzY3AiOiJMZWFybmluZ0Fzc2lnbmVkQ291cnNlLlJlYWQiLCJvaWQiOiJ1MSJ9."
        let har: JSONValue = ["log": ["version": "1.2", "entries": [
            Self.entry(["method": "POST", "url": "https://graph.example/v1.0/employeeExperience/learningProviders/p/learningCourseActivities?sig=SIGNATURE123&$x=1",
                   "headers": [["name": "Authorization", "value": .string("Bearer " + jwt)], ["name": "Cookie", "value": "esctx=COOKIEVALUE987"],
                               ["name": "Ocp-Apim-Subscription-Key", "value": "SUBSCRIPTIONKEY555"]],
                   "postData": ["mimeType": "application/json", "text": #"{"password": "hunter2-secret", "status": "notStarted"}"#]],
                  status: 400, content: ["mimeType": "application/json", "text": .string(#"{"error":{"code":"x","message":"token \#(jwt) rejected"}}"#)]),
        ]]]
        var importer = HARImporter()
        let output = FixtureWriter(name: "leaky").fixtures(for: try importer.session(from: har.utf8Bytes))
        for file in output.files {
            let text = file.document.serialized(pretty: true)
            for secret in [jwt, "SIGNATURE123", "COOKIEVALUE987", "SUBSCRIPTIONKEY555", "hunter2-secret"] {
                #expect(!text.contains(secret), "\(file.name) leaks \(secret)")
            }
        }
        #expect(output.files.last?.document["roles"]?["user"]?["permissions"] == ["LearningAssignedCourse.Read"], "kind and permissions kept")
    }
}

extension HARImportTests {
    @Test func notesNameTheHAREntryNotThePosition() throws {
        // Entry 1 (binary) is left out, so entry 2 is the session's second exchange: the note still says entry 2.
        let har: JSONValue = ["log": ["version": "1.2", "entries": [
            Self.good, Self.binaryHAR["log"]!["entries"]!.arrayValue![1],
            Self.entry(["method": "GET", "url": "http://127.0.0.1:8080/_emulator/info"]),
        ]]]
        var importer = HARImporter(skipBinary: true)
        let output = FixtureWriter(name: "n").fixtures(for: try importer.session(from: har.utf8Bytes))
        #expect(output.notes == ["entry 2: GET /_emulator/info is not under /v1.0 or /beta; not written"])
    }
}
