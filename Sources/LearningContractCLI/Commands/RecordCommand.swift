import Dispatch
import Foundation
import LearningConformance
import LearningHTTP

/// `learning-contract record`: a forwarding proxy that writes what passes through as conformance fixtures.
public enum RecordCommand: CLICommand {
    public static let spec = CommandSpec(
        name: "record",
        abstract: "Record traffic through a proxy as conformance fixtures.",
        discussion: """
            Listens on a local port and forwards every request to --target (http directly, https through the \
            client), returning the target's answer unchanged. Each exchange becomes a step of one scenario in \
            the fixture format of Conformance/README.md, rewritten into --out after every exchange: \
            <name>.json (and <name>-beta.json for /beta calls) and a roles.json with one role per credential \
            kind seen (read from the token's claims; the token itself is never stored). The id of a created \
            resource becomes a capture, used as {{idN}} by later steps; @odata links, innerError ids and dates, \
            and date-times the client never sent are matched by type or pattern. Authorization, cookies and any \
            header, query parameter or body field that looks like a credential are redacted in every file. \
            The scenario's source notes the target and the date. Replay with \
            'learning-contract conform --fixtures DIR --base-url URL/v1.0'.

            Runs until SIGINT/SIGTERM, or, with '-- CMD ARGS...', until CMD ends (LEARNING_CONTRACT_URL is set to \
            the proxy's origin). Exit codes: 0 recorded; 1 the fixtures could not be written at the end (they go \
            to a temporary directory, named on standard error) or CMD failed; 2 usage, including an --out \
            directory that can't be written (checked before listening); 3 the target gave no response to at \
            least one request (connection refused, reset or timed out): those requests got a 502 and are not \
            written, everything else is.
            """,
        options: [
            .value("target", valueName: "URL", help: "The server to forward to (http or https), e.g. http://127.0.0.1:8080."),
            .value("out", short: "o", valueName: "DIR", help: "Directory the fixtures are written into (created if needed)."),
            .value("host", valueName: "HOST", help: "Address to bind.", default: "127.0.0.1"),
            .value("port", short: "p", valueName: "PORT", help: "Port to bind; 0 picks a free one.", default: "8081"),
            .value("name", valueName: "NAME", help: "Scenario id and file name; default: recorded-<UTC date and time>."),
            .value("timeout", valueName: "SECONDS", help: "How long to wait for the target per request.", default: "30"),
        ],
        positionals: [
            PositionalSpec("command", help: "After '--': a command to run through the proxy (LEARNING_CONTRACT_URL is set); recording stops when it ends.",
                           repeating: true, optional: true),
        ],
        examples: [
            .init("record --target http://127.0.0.1:8080 --out recorded", "Record through http://127.0.0.1:8081 until Ctrl-C."),
            .init("record --target http://127.0.0.1:8080 --port 0 --out recorded -- ./integration-tests.sh",
                  "Record what a test script sends."),
        ]
    )

    public static func run(_ arguments: ParsedArguments, context: CLIContext) async -> ExitCode {
        guard let targetText = arguments.value("target") else {
            return CLI.report(UsageError("missing option '--target <URL>'", commandName: spec.name), context: context)
        }
        guard let outText = arguments.value("out") else {
            return CLI.report(UsageError("missing option '--out <DIR>'", commandName: spec.name), context: context)
        }
        let port: Int
        let timeout: Double
        do {
            port = try arguments.int("port", in: 0...65535) ?? 8081
            timeout = try arguments.double("timeout", in: 0.1...3600) ?? 30
        } catch {
            return CLI.report(error, context: context)
        }
        let name = arguments.value("name") ?? defaultName()
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) else {
            return CLI.report(UsageError("--name: use letters, digits, '-', '_' and '.'", commandName: spec.name), context: context)
        }
        guard let target = URL(string: targetText) else {
            return CLI.report(UsageError("--target: not a URL: \(targetText)", commandName: spec.name), context: context)
        }
        let directory = context.resolve(outText)
        let recorder: Recorder
        do {
            recorder = try Recorder(target: target, directory: directory, name: name, timeout: .milliseconds(Int(timeout * 1000)))
        } catch {
            return CLI.report(UsageError(error.message, commandName: spec.name), context: context)
        }
        let host = arguments.value("host") ?? "127.0.0.1"
        let bound: Int
        do {
            bound = try recorder.start(host: host, port: port)
        } catch {
            context.printError("cannot listen on \(host):\(port): \(error)")
            return .failure
        }
        let origin = "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)"
        context.print("Recording on \(origin) -> \(target.absoluteString), into \(outText)")
        let command = arguments.positionalValues("command")
        var commandCode: ExitCode = .success
        if command.isEmpty {
            ShutdownSignals.onTermination { recorder.stopServing() }
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                DispatchQueue.global().async {
                    recorder.waitUntilShutdown()
                    continuation.resume()
                }
            }
        } else {
            commandCode = await ChildCommand.run(command, environment: [ServeCommand.urlEnvironmentVariable: origin], context: context)
        }
        return finish(recorder, name: name, outText: outText, commandCode: commandCode, context: context)
    }

    static func finish(_ recorder: Recorder, name: String, outText: String, commandCode: ExitCode, context: CLIContext) -> ExitCode {
        var code = commandCode
        do {
            let output = try recorder.stop()
            let session = recorder.session
            let files = output.files.map(\.name).joined(separator: ", ")
            context.print("Recorded \(session.exchanges.count) exchanges into \(outText)" + (files.isEmpty ? " (nothing to write)" : ": \(files)"))
            for note in output.notes { context.printWarning(note) }
        } catch {
            let fallback = FileManager.default.temporaryDirectory.appendingPathComponent("learning-contract-record-\(UUID().uuidString)")
            context.printError(error.message)
            if (try? FixtureWriter.write(recorder.writer.fixtures(for: recorder.session), to: fallback)) != nil {
                context.printError("the recording was written to \(fallback.path) instead")
            }
            code = .failure
        }
        let failures = recorder.session.failures
        for failure in failures { context.printError("no response: \(failure)") }
        if !failures.isEmpty, code == .success { code = .unreachable }
        return code
    }

    static func defaultName() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return "recorded-" + formatter.string(from: Date())
    }
}
