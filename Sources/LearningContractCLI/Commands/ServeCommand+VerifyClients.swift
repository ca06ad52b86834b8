import Dispatch
import Foundation
import LearningEmulator

/// `serve --verify-clients [--report DIR] [-- CMD ARGS...]`: judge every request a client sends against the
/// contract, and optionally run the client (CMD) as a one-line CI gate.
///
/// Exit codes (this tool's own choice): 0 when CMD succeeded and no request broke the contract (warnings allowed);
/// 1 when CMD failed (any non-zero status or a signal), a request broke the contract, or the report could not be
/// written at shutdown (the text report then goes to standard error, so nothing is lost); 2 for usage errors,
/// including a `--report` directory that cannot be created or written (checked before serving) and a CMD
/// that cannot be started.
extension ServeCommand {
    /// The environment variable CMD finds the emulator's origin in (`http://127.0.0.1:PORT`; append `/v1.0`).
    public static let urlEnvironmentVariable = "LEARNING_CONTRACT_URL"

    static let verifyClientOptions: [OptionSpec] = [
        .flag("verify-clients", help: "Judge every request against the contract; GET /_emulator/report lists what clients did wrong."),
        .value("report", valueName: "DIR", help: "With --verify-clients: write client-report.txt, .json and .junit.xml into DIR at shutdown."),
    ]

    static let verifyClientPositionals: [PositionalSpec] = [
        PositionalSpec("command", help: "After '--', with --verify-clients: a command to run against the emulator "
                       + "(\(urlEnvironmentVariable) is set); serve stops when it ends.", repeating: true, optional: true),
    ]

    /// Usage problems of the verification options, found before anything is served.
    static func verifyClientsProblem(_ arguments: ParsedArguments, context: CLIContext) -> UsageError? {
        let verifying = arguments.flag("verify-clients")
        if !verifying, arguments.value("report") != nil {
            return UsageError("'--report' needs '--verify-clients'", commandName: spec.name)
        }
        if !verifying, let first = arguments.positionalValues("command").first {
            return UsageError("unexpected argument '\(first)'; to run a command against the emulator use "
                              + "'serve --verify-clients -- \(first) ...'", commandName: spec.name)
        }
        if let path = arguments.value("report") {
            let directory = context.resolve(path)
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                let probe = directory.appendingPathComponent(".write-probe-\(ProcessInfo.processInfo.processIdentifier)")
                try Data().write(to: probe)
                try FileManager.default.removeItem(at: probe)
            } catch {
                return UsageError("cannot write the report into '\(path)': \(error.localizedDescription)", commandName: spec.name)
            }
        }
        return nil
    }

    /// With a command after `--`: runs it against the emulator at `origin`, shuts the server down and returns the
    /// exit code. `nil` when there is no command (serve runs until a signal).
    static func runClientCommand(_ arguments: ParsedArguments, server: EmulatorServer, origin: String,
                                 context: CLIContext) async -> ExitCode? {
        let command = arguments.positionalValues("command")
        guard !command.isEmpty else { return nil }
        let commandCode = await ChildCommand.run(command, environment: [urlEnvironmentVariable: origin], context: context)
        server.shutdown()
        server.waitUntilShutdown()
        let verdict = finishVerification(arguments, server: server, context: context)
        if commandCode != .success { return commandCode }
        return verdict
    }

    /// At shutdown: the report to `--report DIR` (and, after a command, the text to standard error); the exit code
    /// the findings call for.
    static func finishVerification(_ arguments: ParsedArguments, server: EmulatorServer, context: CLIContext) -> ExitCode {
        guard let log = server.clientLog else { return .success }
        let report = log.snapshot
        var code: ExitCode = report.isClean ? .success : .failure
        if let path = arguments.value("report") {
            do {
                try report.write(to: context.resolve(path))
            } catch {
                context.printError("cannot write the report into '\(path)': \(error.localizedDescription); the report follows")
                context.stderr.write(report.text)
                return .failure
            }
        }
        if !arguments.positionalValues("command").isEmpty || !report.isClean {
            context.stderr.write(report.text)
        }
        if !report.isClean {
            context.printError("clients broke the contract: \(report.violationCount) violations")
            code = .failure
        }
        return code
    }
}
