import Foundation
import LearningContract
import LearningContractCLI
import Testing

@Suite struct SchemaCommandTests {
    /// A fresh directory under the system temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("schema-command-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func writesEveryFileWithOneLineEach() async throws {
        let base = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let run = await CLI.capture(["schema", "--out", "out/nested"], currentDirectory: base)
        #expect(run.exitCode == .success)
        #expect(run.stderr == "")
        let files = SchemaExport().files()
        let lines = run.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == files.count)
        for (line, file) in zip(lines, files) {
            #expect(line == "wrote out/nested/\(file.name) (\(file.content.utf8.count) bytes)")
            let written = FileManager.default.contents(atPath: base.appendingPathComponent("out/nested/" + file.name).path)
            #expect(written == Data(file.content.utf8), "\(file.name)")
        }
    }

    @Test func checkReportsUpToDateThenStale() async throws {
        let base = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        let missing = await CLI.capture(["schema", "--check", "--out", "s"], currentDirectory: base)
        #expect(missing.exitCode == .failure)
        #expect(missing.stdout.contains("missing s/openapi.json"))
        #expect(await CLI.capture(["schema", "-o", "s"], currentDirectory: base).exitCode == .success)
        let fresh = await CLI.capture(["schema", "--check", "--out", "s"], currentDirectory: base)
        #expect(fresh.exitCode == .success)
        #expect(fresh.stdout.contains("up to date"))
        try Data("{}\n".utf8).write(to: base.appendingPathComponent("s/error-catalog.json"))
        let stale = await CLI.capture(["schema", "--check", "--out", "s"], currentDirectory: base)
        #expect(stale.exitCode == .failure)
        #expect(stale.stdout == "differs s/error-catalog.json\n")
        #expect(stale.stderr.contains("learning-contract schema --out s"))
    }

    @Test func unwritableDirectoryIsAUsageError() async throws {
        let base = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: base) }
        // A regular file where a directory should be: creating the directory fails for root too.
        try Data("x".utf8).write(to: base.appendingPathComponent("file"))
        let run = await CLI.capture(["schema", "--out", "file/schemas"], currentDirectory: base)
        #expect(run.exitCode == .usage)
        #expect(run.stdout == "")
        #expect(run.stderr.hasPrefix("error: cannot create the output directory 'file/schemas'"))
    }

    @Test func helpNamesEveryGeneratedFileKind() async {
        let run = await CLI.capture(["schema", "--help"])
        #expect(run.exitCode == .success)
        for name in ["openapi.json", "error-catalog.json", "ambiguities.json", "contract.schema.json", "schema-cases.json",
                     "learningCourseActivity.schema.json", "upsertContent"] {
            #expect(run.stdout.contains(name), "\(name)")
        }
    }

    @Test func unexpectedArgumentIsRejected() async {
        let run = await CLI.capture(["schema", "extra"])
        #expect(run.exitCode == .usage)
    }
}
