import Foundation
import LearningContract
import LearningContractCLI
import LearningTestSupport
import Testing

/// `learning-contract validate` on the seed examples and on broken variants of them: the output tells a user
/// exactly what to fix, and the exit codes separate valid (0), invalid (1) and unreadable input (2).
@Suite struct ValidateCommandTests {
    static func body(_ example: DocumentedExample) -> [UInt8] { Array(example.body.utf8) }

    static func temporaryFile(_ text: String, name: String = UUID().uuidString + ".json") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    @Test(arguments: DocumentedExample.all)
    func seedExamplesAreValid(_ example: DocumentedExample) async {
        let operation = ["createActivity": "create", "updateActivity": "update", "updateProvider": "update-provider"][example.operation.rawValue]!
        let run = await CLI.capture(["validate", "--operation", operation, "-"], stdin: Self.body(example))
        #expect(run.exitCode == .success, "\(run.stdout)\(run.stderr)")
        #expect(run.stdout.hasPrefix("<stdin>: valid as "))
    }

    /// Broken variants of the create example, each pinned as a golden report.
    static let broken: [(String, String)] = [
        ("percentage-101", #""completionPercentage": 20"# + "→" + #""completionPercentage": 101"#),
        ("missing-learner", #""learnerUserId": "7ba2228a-e020-11ec-9d64-0242ac120002","#+"→"),
        ("status-casing", #""status": "notStarted""# + "→" + #""status": "NotStarted""#),
        ("due-as-string", #""dueDateTime": { "dateTime": "2022-09-22T16:05:00.0000000", "timeZone": "UTC" }"# + "→" + #""dueDateTime": "2022-09-22""#),
        ("trailing-comma", #""status": "notStarted""# + "→" + #""status": "notStarted","#),
        ("duplicate-status", #""status": "notStarted""# + "→" + #""status": "notStarted", "status": "completed""#),
        ("self-initiated-with-assignment-type", ##""#microsoft.graph.learningAssignment""## + "→" + ##""#microsoft.graph.learningSelfInitiatedCourse""##),
    ]

    @Test(arguments: broken.map(\.0))
    func brokenVariantsExplainWhatToFix(_ name: String) async throws {
        let edit = Self.broken.first { $0.0 == name }!.1.components(separatedBy: "→")
        let text = DocumentedExample.createAssignment.body.replacingOccurrences(of: edit[0], with: edit[1])
        #expect(text != DocumentedExample.createAssignment.body)
        let run = await CLI.capture(["validate", "-"], stdin: Array(text.utf8))
        #expect(run.exitCode == .failure)
        #expect(Golden.check(run.stdout, named: "Validate/\(name).txt", filePath: #filePath) == nil)
    }

    @Test func jsonOutputCarriesTheGraphErrorBody() async throws {
        let text = DocumentedExample.createAssignment.body.replacingOccurrences(of: #""completionPercentage": 20"#, with: #""completionPercentage": -1"#)
        let run = await CLI.capture(["validate", "--format", "json", "-"], stdin: Array(text.utf8))
        #expect(run.exitCode == .failure)
        let value = try JSONReader().read(Array(run.stdout.utf8)).root
        #expect(value["status"] == .number(JSONNumber(400)))
        #expect(value["graphError"]?["error"]?["code"] == "badRequest")
        #expect(value["graphError"]?["error"]?["message"] == "Input field completionPercentage is invalid")
        #expect(value["report"]?["violations"]?.arrayValue?.count == 1)
    }

    @Test func jsonlStreamsLinesAndSummarises() async throws {
        let valid = DocumentedExample.createSelfInitiated.body.replacingOccurrences(of: "\n", with: " ")
        let invalid = valid.replacingOccurrences(of: #""completionPercentage": 20"#, with: #""completionPercentage": 200"#)
        let lines = [valid, invalid, "", "{not json", valid].joined(separator: "\n")
        let file = try Self.temporaryFile(lines, name: UUID().uuidString + ".jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let run = await CLI.capture(["validate", "--jsonl", "--summary", "--by-row", file.path])
        #expect(run.exitCode == .failure)
        #expect(run.stdout == """
            validated 4 payloads: 2 valid, 2 invalid (3 with documented variants)
              1 × fieldInvalid
              1 × malformedBody

            """, "\(run.stdout)")
        let counts = await CLI.capture(["validate", "--jsonl", "--summary", file.path])
        #expect(counts.exitCode == .failure)
        #expect(counts.stdout == "validated 4 payloads: 2 valid, 2 invalid\n")
        let json = await CLI.capture(["validate", "--jsonl", "--summary", "--format", "json", file.path])
        #expect(json.stdout == #"{"summary":{"payloads":4,"valid":2,"invalid":2}}"# + "\n")
        let quiet = await CLI.capture(["validate", "--jsonl", "-q", file.path])
        #expect(quiet.stdout.contains(file.path + ":2: invalid"))
        #expect(quiet.stdout.contains(file.path + ":4: invalid"))
        #expect(!quiet.stdout.contains(":1: valid"))
    }

    @Test func unreadableInputIsExitTwo() async {
        let run = await CLI.capture(["validate", "/nonexistent/payload.json"])
        #expect(run.exitCode == .usage)
        #expect(run.stderr.contains("cannot read /nonexistent/payload.json"))
    }

    @Test func strictFlagAndContractFile() async throws {
        let strict = await CLI.capture(["validate", "--strict", "-"], stdin: Self.body(.createSelfInitiated))
        #expect(strict.exitCode == .failure)
        #expect(strict.stdout.contains("Input field learningProviderId is required"))
        let contract = try Self.temporaryFile(#"{"strictness":"strict","ambiguities":{"learningProviderIdRequired":"lenient"}}"#)
        defer { try? FileManager.default.removeItem(at: contract) }
        let pinned = await CLI.capture(["validate", "--contract", contract.path, "-"], stdin: Self.body(.createSelfInitiated))
        #expect(pinned.exitCode == .success, "\(pinned.stdout)\(pinned.stderr)")
        let bad = try Self.temporaryFile(#"{"ambiguities":{"noSuchThing":"strict"},"lengthLimits":{"status":3}}"#)
        defer { try? FileManager.default.removeItem(at: bad) }
        let rejected = await CLI.capture(["validate", "--contract", bad.path, "-"], stdin: Self.body(.createSelfInitiated))
        #expect(rejected.exitCode == .usage)
        #expect(rejected.stderr.contains("unknown ambiguity 'noSuchThing'"))
        #expect(rejected.stderr.contains("'status' is not a string field with a length limit"))
    }

    @Test func lengthLimitOverrideApplies() async throws {
        let contract = try Self.temporaryFile(#"{"lengthLimits":{"notes.content":10}}"#)
        defer { try? FileManager.default.removeItem(at: contract) }
        let run = await CLI.capture(["validate", "--contract", contract.path, "-"], stdin: Self.body(.createAssignment))
        #expect(run.exitCode == .failure)
        #expect(run.stdout.contains("Input field notes.content length exceeded than 10"))
    }
}

@Suite struct CatalogCommandTests {
    @Test func errorsListsEveryRow() async {
        let run = await CLI.capture(["errors", "--format", "json"])
        #expect(run.exitCode == .success)
        let rows = (try? JSONReader().read(Array(run.stdout.utf8)).root.arrayValue) ?? []
        #expect(rows.count == ErrorCatalog.documented.rows.count)
    }

    @Test func errorsShowsOneRowInFull() async {
        let run = await CLI.capture(["errors", "activityNotFound"])
        #expect(Golden.check(run.stdout, named: "Errors/activityNotFound.txt", filePath: #filePath) == nil)
        let unknown = await CLI.capture(["errors", "activityNotFund"])
        #expect(unknown.exitCode == .usage)
        #expect(unknown.stderr.contains("did you mean 'activityNotFound'?"))
    }

    @Test func ambiguitiesListsEveryContradiction() async {
        let run = await CLI.capture(["ambiguities"])
        #expect(run.exitCode == .success)
        for item in Ambiguity.documented { #expect(run.stdout.contains(item.id.rawValue)) }
        #expect(Golden.check(run.stdout, named: "Ambiguities/all.txt", filePath: #filePath) == nil)
    }
}
