import Foundation
import LearningContractCLI
import Testing

@Suite struct TerminalTests {
    func context(terminal: Bool, environment: [String: String] = [:]) -> (CLIContext, CapturedOutput, CapturedOutput) {
        let out = CapturedOutput(), err = CapturedOutput()
        let context = CLIContext(
            stdout: out, stderr: err, environment: environment, stdoutIsTerminal: terminal, stderrIsTerminal: terminal
        )
        return (context, out, err)
    }

    @Test(arguments: [
        (true, [:], true), (true, ["NO_COLOR": "1"], false), (true, ["NO_COLOR": ""], true),
        (false, [:], false), (false, ["NO_COLOR": "1"], false),
    ] as [(Bool, [String: String], Bool)])
    func colourOnlyOnATerminalWithoutNoColor(_ terminal: Bool, _ environment: [String: String], _ expected: Bool) {
        let (context, out, err) = context(terminal: terminal, environment: environment)
        #expect(context.useColor == expected)
        #expect(context.useColorOnStderr == expected)
        context.printError("boom")
        context.print(context.styled("ok", .green))
        #expect(err.text == (expected ? "\u{1B}[1;31merror:\u{1B}[0m boom\n" : "error: boom\n"))
        #expect(out.text == (expected ? "\u{1B}[32mok\u{1B}[0m\n" : "ok\n"))
    }

    @Test func stylesApplyOnlyWhenEnabled() {
        #expect(ANSIStyle.bold.apply("x", enabled: true) == "\u{1B}[1mx\u{1B}[0m")
        #expect(ANSIStyle.yellow.apply("x", enabled: false) == "x")
        #expect(ANSIStyle.apply([.dim, .red], to: "x", enabled: true) == "\u{1B}[2;31mx\u{1B}[0m")
        #expect(ANSIStyle.apply([], to: "x", enabled: true) == "x")
    }

    @Test func progressRewritesOneLineOnATerminal() {
        let out = CapturedOutput()
        let progress = ProgressLine(output: out, isTerminal: true, width: 12)
        progress.update("3/10 files")
        progress.update("a much longer status\nline")
        progress.clear()
        progress.clear()
        #expect(out.text == "\r\u{1B}[2K3/10 files" + "\r\u{1B}[2Ka much lon…" + "\r\u{1B}[2K")
    }

    @Test func progressIsSilentWhenNotATerminal() {
        let out = CapturedOutput()
        let progress = ProgressLine(output: out, isTerminal: false)
        progress.update("3/10")
        progress.clear()
        #expect(out.text == "")
    }

    @Test func terminalWidthFallsBackWhenNotATerminal() throws {
        // Descriptor -1 is never a terminal: the answer comes from COLUMNS, else 80.
        #expect(TerminalSize.columns(fileDescriptor: -1) == 80)
        #expect(TerminalSize.columns(fileDescriptor: -1, environment: ["COLUMNS": "120"]) == 120)
        #expect(TerminalSize.columns(fileDescriptor: -1, environment: ["COLUMNS": "wide"]) == 80)
        #expect(!TerminalSize.isTerminal(-1))
    }

    @Test(arguments: [1, 2, 3, 7, 1 << 20])
    func readsLinesAcrossChunkBoundaries(_ chunkSize: Int) throws {
        let input = BufferInput("first\r\nsecond\n\nlast without newline", chunkSize: chunkSize)
        var reader = input.lines()
        var lines: [String] = []
        while let line = try reader.nextLine() { lines.append(line) }
        #expect(lines == ["first", "second", "", "last without newline"])
        #expect(reader.lineNumber == 4)
        #expect(try reader.nextLine() == nil)
    }

    @Test func emptyInputHasNoLines() throws {
        var reader = BufferInput([]).lines()
        #expect(try reader.nextLineBytes() == nil)
        var single = BufferInput("\n").lines()
        #expect(try single.nextLine() == "")
        #expect(try single.nextLine() == nil)
    }

    @Test func overlongLinesAndInputsAreErrors() throws {
        var reader = BufferInput(String(repeating: "x", count: 100), chunkSize: 7).lines(maxLineLength: 50)
        #expect(throws: InputError.tooLarge(limit: 50)) { try reader.nextLine() }
        let input = BufferInput(String(repeating: "y", count: 100), chunkSize: 10)
        #expect(throws: InputError.tooLarge(limit: 30)) { try input.readAll(limit: 30) }
        #expect(try BufferInput("abc", chunkSize: 1).readAll() == Array("abc".utf8))
    }

    @Test func exitCodesKeepTheirNumbers() {
        #expect([ExitCode.success, .failure, .usage, .unreachable].map(\.rawValue) == [0, 1, 2, 3])
        #expect(ExitCode(rawValue: 2) == .usage)
        #expect(ExitCode(70).description == "70")
    }
}

@Suite struct InputTests {
    func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cli-input-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func readsFilesRelativeToTheCurrentDirectoryAndDashAsStdin() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("a\nb\n".utf8).write(to: directory.appendingPathComponent("in.txt"))
        let context = CLIContext(
            stdout: CapturedOutput(), stderr: CapturedOutput(), stdin: BufferInput("from stdin"),
            currentDirectory: directory
        )
        #expect(try context.readInput("in.txt") == Array("a\nb\n".utf8))
        #expect(try context.readInput(directory.appendingPathComponent("in.txt").path) == Array("a\nb\n".utf8))
        #expect(try context.readInput("-") == Array("from stdin".utf8))
        var lines = try context.openInput("in.txt").lines()
        #expect(try lines.nextLine() == "a")
        #expect(try lines.nextLine() == "b")
        #expect(try lines.nextLine() == nil)
        #expect(context.displayName(for: "-") == "<stdin>")
    }

    @Test func unreadableInputsSayWhy() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let context = CLIContext(stdout: CapturedOutput(), stderr: CapturedOutput(), currentDirectory: directory)
        #expect(throws: InputError.cannotOpen(path: "missing.json", errno: ENOENT)) { try context.readInput("missing.json") }
        #expect(InputError.cannotOpen(path: "missing.json", errno: ENOENT).description == "cannot open 'missing.json': No such file or directory")
        #expect(throws: InputError.readFailed(path: ".", errno: EISDIR)) { try context.readInput(".") }
        #expect(InputError.readFailed(path: ".", errno: EISDIR).description == "cannot read '.': Is a directory")
    }
}
