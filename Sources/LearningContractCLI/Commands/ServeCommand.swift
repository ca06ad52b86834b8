import Dispatch
import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP

/// `learning-contract serve`: the reference emulator on a local port, for developing and testing Viva Learning
/// integrations offline. Prints one line, `Listening on http://HOST:PORT`, when ready; runs until SIGINT/SIGTERM.
public enum ServeCommand: CLICommand {
    public static let spec = CommandSpec(
        name: "serve",
        abstract: "Run the emulator: the documented API in memory, on a local port.",
        discussion: """
            Serves the learningCourseActivity API under /v1.0 and /beta exactly as the docs describe it, \
            enforcing the contract's rules, check order and error catalog. It starts with the documentation's \
            own world (the providers, content, learner and activities of the doc examples, in tenant \
            \(TestToken.defaultTenantID)), so the doc examples work as written; --empty starts bare.

            Authentication: send 'Authorization: Bearer <token>' with an unsecured test JWT (alg none) from \
            'learning-contract token'. Test tokens are for testing only: the emulator trusts any such token, \
            and tenants are isolated by its 'tid' claim.

            Admin endpoint (no token; for tests, which is why serve binds 127.0.0.1 by default): \
            GET /_emulator/info, PUT|POST|GET /_emulator/tenants/{tid}/state, DELETE /_emulator/tenants/{tid}, \
            POST /_emulator/reset.

            Faults: --fault OPERATION[:STATUS][:OPTION=VALUE]..., with the options every=N, times=N, \
            retry-after=SECONDS, latency=MS and method=M, where OPERATION is createActivity, getActivity, listActivities, updateActivity, deleteActivity, \
            createProvider, updateProvider, upsertContent or '*'. A fault fires on every N-th matching request. \
            429 and 503 carry Retry-After in seconds.

            When ready, prints exactly one line, 'Listening on http://HOST:PORT' (the real port with --port 0).
            """,
        options: [
            .value("host", valueName: "HOST", help: "Address to bind.", default: "127.0.0.1"),
            .value("port", short: "p", valueName: "PORT", help: "Port to bind; 0 picks a free one.", default: "8080"),
            .flag("empty", help: "Start without the docs world: no tenants, nothing stored."),
            .value("state", valueName: "FILE", help: "A state document to seed at start (the admin endpoint's format), or {\"tenants\": {\"<tid>\": state}}."),
            .repeated("fault", valueName: "SPEC", help: "Inject a fault, e.g. createActivity:429:every=3:retry-after=2 (repeatable)."),
            .value("faults", valueName: "FILE", help: "Fault rules as JSON: an array, or {\"faults\": [...]}."),
            .value("page-size", valueName: "N", help: "Server-driven page size of lists (assumed; the docs give none).", default: "100"),
            .value("base-url", valueName: "URL", help: "Base of @odata.context and nextLink URLs (default: from the Host header)."),
        ] + ContractOptions.options + verifyClientOptions,
        positionals: verifyClientPositionals,
        exclusiveGroups: ContractOptions.exclusiveGroups,
        examples: [
            .init("serve", "Serve the docs world on http://127.0.0.1:8080."),
            .init("serve --port 0 --empty", "Serve an empty emulator on a free port."),
            .init("serve --fault createActivity:429:every=3:retry-after=2", "Throttle every third create."),
            .init("serve --port 0 --verify-clients --report out -- ./integration-tests.sh",
                  "Run a client against the emulator; exit 1 if it fails or breaks the contract."),
        ]
    )

    public static func run(_ arguments: ParsedArguments, context: CLIContext) async -> ExitCode {
        let configuration: EmulatorConfiguration
        do {
            configuration = try emulatorConfiguration(arguments, context: context)
        } catch {
            return CLI.report(error, context: context)
        }
        if let problem = verifyClientsProblem(arguments, context: context) { return CLI.report(problem, context: context) }
        let server: EmulatorServer
        do {
            server = try EmulatorServer(configuration: configuration, verifyClients: arguments.flag("verify-clients"))
        } catch {
            return CLI.report(UsageError(error.description, commandName: spec.name), context: context)
        }
        let port: Int
        do {
            port = try server.start()
        } catch {
            context.printError("cannot listen on \(configuration.host):\(configuration.port): \(error)")
            return .failure
        }
        ShutdownSignals.onTermination { server.shutdown() }
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        context.print("Listening on http://\(host):\(port)")
        if let code = await runClientCommand(arguments, server: server, origin: "http://\(host):\(port)", context: context) { return code }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            DispatchQueue.global().async {
                server.waitUntilShutdown()
                continuation.resume()
            }
        }
        return finishVerification(arguments, server: server, context: context)
    }

    /// The emulator configuration the command line asks for; usage errors for bad values and files.
    static func emulatorConfiguration(_ arguments: ParsedArguments, context: CLIContext) throws(UsageError) -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration()
        configuration.host = arguments.value("host") ?? "127.0.0.1"
        configuration.port = try arguments.int("port", in: 0...65535) ?? 8080
        configuration.pageSize = try arguments.int("page-size", in: 1...10_000) ?? 100
        if arguments.flag("empty") { configuration.seed = .empty }
        configuration.contract = try ContractOptions.contract(from: arguments, context: context).configuration
        if let base = arguments.value("base-url") {
            guard let url = URL(string: base), url.scheme != nil, url.host != nil else {
                throw UsageError("invalid value '\(base)' for '--base-url': expected an absolute URL", commandName: spec.name)
            }
            configuration.publicBaseURL = base
        }
        do {
            if let path = arguments.value("faults") {
                configuration.faults += try EmulatorConfiguration.faults(fromFile: context.resolve(path).path)
            }
            for flag in arguments.values("fault") { configuration.faults.append(try FaultRule(flag: flag)) }
            if let path = arguments.value("state") {
                configuration.initialStates = try EmulatorConfiguration.states(fromFile: context.resolve(path).path)
            }
        } catch {
            throw UsageError(error.description, commandName: spec.name)
        }
        return configuration
    }
}
