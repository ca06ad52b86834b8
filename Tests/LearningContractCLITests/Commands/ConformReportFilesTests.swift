import Foundation
@testable import LearningContractCLI
import Testing

/// `conform`'s report paths are proven writable before the run without harming anything: an existing report
/// keeps its content, a new path leaves no file behind, and each refusal says why in words.
@Suite struct ConformReportFilesTests {
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("conform-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    @Test func probingAnExistingFileKeepsItsContent() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("previous.json")
        try Data("previous report".utf8).write(to: file)
        #expect(ConformCommand.probeWritable(file.path) == nil)
        #expect(try String(contentsOf: file, encoding: .utf8) == "previous report")
    }

    @Test func probingANewPathLeavesNoFileBehind() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("new.xml")
        #expect(ConformCommand.probeWritable(file.path) == nil)
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test func refusalsSayWhy() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        #expect(ConformCommand.probeWritable(directory.path)?.hasPrefix("it is a directory; give a file name, e.g. \(directory.path)/") == true)
        #expect(ConformCommand.probeWritable(directory.appendingPathComponent("no/such/dir.json").path)?
            .hasPrefix("its directory does not exist") == true)
        #expect(ConformCommand.probeWritable("") == "empty path")
    }

    @Test func writeReplacesTheWholeFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("report.html")
        try Data(String(repeating: "x", count: 10_000).utf8).write(to: file)
        #expect(ConformCommand.writeReport("<p>short</p>\n", to: file) == nil)
        #expect(try String(contentsOf: file, encoding: .utf8) == "<p>short</p>\n")
        #expect(ConformCommand.writeReport("x", to: directory)?.hasPrefix("it is a directory") == true)
    }

    /// In-process: the same checks through the command, exit 2 and the path named, before any scenario runs.
    @Test(arguments: ["json", "junit", "html"])
    func theCommandRefusesADirectoryBeforeRunning(_ option: String) async throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = await CLI.capture(["conform", "--\(option)", directory.path])
        #expect(run.exitCode == .usage)
        #expect(run.stderr.hasPrefix("error: --\(option) \(directory.path): cannot write the report there: it is a directory"), "\(run.stderr)")
        #expect(run.stdout.isEmpty, "nothing ran: \(run.stdout)")
    }
}
