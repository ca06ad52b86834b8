import Dispatch
import Foundation
import LearningContract
import LearningEmulator
import LearningHTTP

/// `learning-contract serve`: the reference emulator on a local port, for developing and testing Viva Learning
/// integrations offline. Prints one line, `Listening on http://HOST:PORT`, when ready (and, on standard error, what
/// it exposes); runs until SIGINT/SIGTERM.
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

            Admin endpoint (for tests): GET /_emulator/info, PUT|POST|GET /_emulator/tenants/{tid}/state, \
            DELETE /_emulator/tenants/{tid}, POST /_emulator/reset. By default it needs no secret but answers only \
            requests whose Host names a loopback address (127.0.0.1, localhost, [::1]); PUT and POST need \
            Content-Type: application/json. --admin-token SECRET requires 'Authorization: Bearer SECRET' instead \
            of a loopback Host; --no-admin turns it off. A --host that is not a loopback address is refused \
            (exit 2) unless --no-admin or --admin-token is given.

            Faults: --fault OPERATION[:STATUS][:OPTION=VALUE]..., with the options every=N, times=N, \
            retry-after=SECONDS, latency=MS and method=M, where OPERATION is createActivity, getActivity, listActivities, updateActivity, deleteActivity, \
            createProvider, updateProvider, upsertContent or '*'. A fault fires on every N-th matching request. \
            429 and 503 carry Retry-After in seconds.

            When ready, prints exactly one line, 'Listening on http://HOST:PORT' (the real port with --port 0), \
            and on standard error what is exposed: the API URL and whether the admin endpoint is on, protected or off.
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
            .value("id-seed", valueName: "N", help: "Seed the ids serve mints (created entities, request-id), so that the same requests in the same order get the same ids, as a repeatable fuzzing run needs. Default: random."),
            .flag("no-admin", help: "Turn the admin endpoint /_emulator off."),
            .value("admin-token", valueName: "SECRET", help: "Require 'Authorization: Bearer SECRET' on /_emulator requests."),
            .value("wire-spelling", valueName: "SPELLING", help: "How responses spell \(TypeModel.externalCourseActivityId.metadataSpelling): csdl, the metadata's, which the official SDKs read (the default, or the contract file's wireSpelling), or docs (\(TypeModel.externalCourseActivityId.name)). Input accepts both.", allowed: WireSpelling.allCases.map(\.rawValue)),
        ] + ContractOptions.options + verifyClientOptions,
        positionals: verifyClientPositionals,
        exclusiveGroups: ContractOptions.exclusiveGroups + [["no-admin", "admin-token"]],
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
        for line in exposure(configuration, origin: "http://\(host):\(port)") { context.stderr.writeLine(line) }
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
    public static func emulatorConfiguration(_ arguments: ParsedArguments, context: CLIContext) throws(UsageError) -> EmulatorConfiguration {
        var configuration = EmulatorConfiguration()
        configuration.host = arguments.value("host") ?? "127.0.0.1"
        if arguments.flag("no-admin") {
            configuration.admin = .disabled
        } else if let secret = arguments.value("admin-token") {
            guard !secret.isEmpty, secret.utf8.allSatisfy({ $0 > 32 && $0 < 127 }) else {
                throw UsageError("invalid value for '--admin-token': expected visible ASCII characters, no spaces", commandName: spec.name)
            }
            configuration.admin = .token(secret)
        }
        if configuration.admin == .loopbackOnly && !AdminAccess.isLoopbackBindAddress(configuration.host) {
            throw UsageError("""
                refusing to serve on '\(configuration.host)': the admin endpoint /_emulator (read, replace or delete any \
                tenant) would be open to the network; bind a loopback address (127.0.0.1, ::1, localhost), or add \
                --no-admin to turn it off, or --admin-token SECRET to protect it
                """, commandName: spec.name)
        }
        configuration.port = try arguments.int("port", in: 0...65535) ?? 8080
        configuration.pageSize = try arguments.int("page-size", in: 1...10_000) ?? 100
        if arguments.flag("empty") { configuration.seed = .empty }
        if let seed = try arguments.int("id-seed", in: 0...Int.max) { configuration.idSeed = UInt64(seed) }
        configuration.contract = try ContractOptions.contract(from: arguments, context: context).configuration
        if let spelling = arguments.value("wire-spelling").flatMap(WireSpelling.init(rawValue:)) { configuration.contract.wireSpelling = spelling }
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

    /// What the running emulator exposes, in plain words (printed on standard error at start).
    public static func exposure(_ configuration: EmulatorConfiguration, origin: String) -> [String] {
        let admin: String
        switch configuration.admin {
        case .loopbackOnly: admin = "on at \(origin)/_emulator, no secret, loopback Host only (--admin-token or --no-admin to change)"
        case .token: admin = "on at \(origin)/_emulator, protected by the --admin-token secret"
        case .disabled: admin = "off (--no-admin)"
        }
        return [
            "API: \(origin)/v1.0 and \(origin)/beta (unsecured test tokens from 'learning-contract token' accepted)",
            "Admin endpoint: " + admin,
        ]
    }
}
