import Foundation

/// Everything a command may touch outside its arguments. Commands use only this (never `print` or
/// `ProcessInfo` directly), so tests run them in-process with captured streams and a fake environment.
public struct CLIContext: Sendable {
    public var stdout: any TextOutput
    public var stderr: any TextOutput
    public var stdin: any ByteInput
    public var environment: [String: String]
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool
    /// Columns of the terminal (80 when not a terminal); for progress lines, not for help.
    public var terminalWidth: Int
    /// Relative paths on the command line are resolved against this.
    public var currentDirectory: URL

    public init(
        stdout: any TextOutput,
        stderr: any TextOutput,
        stdin: any ByteInput = BufferInput([]),
        environment: [String: String] = [:],
        stdoutIsTerminal: Bool = false,
        stderrIsTerminal: Bool = false,
        terminalWidth: Int = TerminalSize.fallbackColumns,
        currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
    ) {
        self.stdout = stdout
        self.stderr = stderr
        self.stdin = stdin
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.terminalWidth = terminalWidth
        self.currentDirectory = currentDirectory
    }

    /// The real process: file descriptors 0, 1 and 2, the process environment and working directory.
    public static var standard: CLIContext {
        let environment = ProcessInfo.processInfo.environment
        let stdoutIsTerminal = TerminalSize.isTerminal(1)
        let stderrIsTerminal = TerminalSize.isTerminal(2)
        let widthSource: Int32 = stdoutIsTerminal ? 1 : 2
        return CLIContext(
            stdout: FileDescriptorOutput.standardOutput,
            stderr: FileDescriptorOutput.standardError,
            stdin: FileDescriptorInput.standardInput,
            environment: environment,
            stdoutIsTerminal: stdoutIsTerminal,
            stderrIsTerminal: stderrIsTerminal,
            terminalWidth: TerminalSize.columns(fileDescriptor: widthSource, environment: environment)
        )
    }

    /// `NO_COLOR` set to anything non-empty turns colour off everywhere (https://no-color.org).
    public var colorDisabledByEnvironment: Bool { !(environment["NO_COLOR"] ?? "").isEmpty }

    /// Whether to style standard output: only on a terminal, and only without `NO_COLOR`.
    public var useColor: Bool { stdoutIsTerminal && !colorDisabledByEnvironment }

    /// Whether to style standard error, by the same rule.
    public var useColorOnStderr: Bool { stderrIsTerminal && !colorDisabledByEnvironment }

    /// `path` as a file URL; relative paths resolve against `currentDirectory`, `~` is not expanded (the shell does that).
    public func resolve(_ path: String) -> URL {
        path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: currentDirectory.path, isDirectory: true).appendingPathComponent(path).standardizedFileURL
    }
}

extension CLIContext {
    /// `error: message` on standard error (`error:` in bold red on a colour terminal).
    public func printError(_ message: String) {
        stderr.writeLine(ANSIStyle.apply([.bold, .red], to: "error:", enabled: useColorOnStderr) + " " + message)
    }

    /// `warning: message` on standard error (`warning:` in bold yellow on a colour terminal).
    public func printWarning(_ message: String) {
        stderr.writeLine(ANSIStyle.apply([.bold, .yellow], to: "warning:", enabled: useColorOnStderr) + " " + message)
    }

    /// A line on standard output.
    public func print(_ text: String = "") { stdout.writeLine(text) }

    /// `text` styled for standard output (plain when colour is off).
    public func styled(_ text: String, _ styles: ANSIStyle...) -> String {
        ANSIStyle.apply(styles, to: text, enabled: useColor)
    }

    /// `text` styled for standard error (plain when colour is off).
    public func styledForStderr(_ text: String, _ styles: ANSIStyle...) -> String {
        ANSIStyle.apply(styles, to: text, enabled: useColorOnStderr)
    }
}
