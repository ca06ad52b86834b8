import Foundation

/// The outcome of running the CLI in-process with captured streams: what a test of a command checks.
public struct CapturedRun: Sendable, Hashable {
    public var exitCode: ExitCode
    public var stdout: String
    public var stderr: String

    public init(exitCode: ExitCode, stdout: String, stderr: String) {
        self.exitCode = exitCode
        self.stdout = stdout
        self.stderr = stderr
    }
}

extension CLI {
    /// Runs `arguments` (without the program name) in-process with captured output.
    ///
    ///     let run = await CLI.capture(["validate", "-"], stdin: Array(json.utf8))
    ///     #expect(run.exitCode == .success)
    public static func capture(
        _ arguments: [String],
        stdin: [UInt8] = [],
        environment: [String: String] = [:],
        isTerminal: Bool = false,
        currentDirectory: URL? = nil
    ) async -> CapturedRun {
        let out = CapturedOutput(), err = CapturedOutput()
        var context = CLIContext(
            stdout: out, stderr: err, stdin: BufferInput(stdin), environment: environment,
            stdoutIsTerminal: isTerminal, stderrIsTerminal: isTerminal
        )
        if let currentDirectory { context.currentDirectory = currentDirectory }
        let code = await run(arguments, context: context)
        return CapturedRun(exitCode: code, stdout: out.text, stderr: err.text)
    }
}
