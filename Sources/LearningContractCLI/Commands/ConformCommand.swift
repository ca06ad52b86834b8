import Foundation
import LearningConformance
import LearningContract
import LearningEmbeddedEmulator
import LearningHTTP

/// `learning-contract conform`: replays the `Conformance/` fixtures against a base URL (or the embedded
/// emulator) and says "conformant" or lists deviations. A thin shell over `LearningConformance`.
public enum ConformCommand: CLICommand {
    public static let spec = CommandSpec(
        name: "conform",
        abstract: "Replay the conformance suite against a server or the emulator.",
        discussion: """
            Without --base-url, starts the embedded emulator on a free loopback port and runs against it. \
            The base URL includes the version segment (http://127.0.0.1:8080/v1.0). Against the emulator each scenario runs in its \
            own fresh tenant (its state PUT to the emulator's /_emulator admin endpoint). Against any other target \
            scenarios share the credentials' tenant, read only what they create (with per-run unique external \
            ids) and delete it afterwards; ids of things that exist there come from a target profile (--target \
            FILE), and provider states from a Pact-style state-change endpoint (--state-url). A scenario the \
            target cannot support is skipped, naming the requirement it lacks (--list shows what each needs). \
            On a target that accepts test tokens (GET /_emulator/info says testTokens: true) the runner mints \
            them; otherwise each role's credential comes from LEARNING_CONTRACT_TOKEN_<ROLE> or --token \
            role=VALUE, and a step whose role has no credential is skipped, never passed. Credentials never \
            appear in any output: curl commands show 'Authorization: Bearer [REDACTED]'. \
            Exit codes: 0 conformant, 1 deviations, 2 usage or fixture error, 3 target unreachable, timed \
            out, throttled out, or nothing checked (every scenario skipped).
            """,
        options: [
            .value("base-url", valueName: "url", help: "Target base URL including the version segment; default: the embedded emulator."),
            .value("state-url", valueName: "url", help: "Pact-style state-change URL: POST {state, params, action}; default: the emulator's /_emulator/provider-states."),
            .value("target", valueName: "file", help: "Target profile (JSON, Schemas/target-profile.schema.json): ids of a provider, content, learners... on the target, and how it reads the documented contradictions."),
            .value("fixtures", valueName: "dir", help: "Fixtures directory; default: Conformance/ here or in the nearest parent."),
            .value("filter", valueName: "text", help: "Run only scenarios whose id, title, file or tag contains this text."),
            .value("concurrency", valueName: "n", help: "Scenarios run at once, each in its own tenant.", default: "4"),
            .value("junit", valueName: "file", help: "Write a JUnit XML report (one testcase per scenario)."),
            .value("json", valueName: "file", help: "Write the report as JSON."),
            .value("html", valueName: "file", help: "Write a self-contained HTML report (no script, nothing fetched)."),
            .value("shard", valueName: "i/n", help: "Run only the i-th of n shards (sorted ids dealt out in turn), for a CI matrix."),
            .value("last-failed", valueName: "file", help: "Rerun only what failed or errored in a previous --json report."),
            .flag("strict", help: "Documented variants and extra response members fail the run."),
            .flag("lenient", help: "Documented variants are reported but pass (the default)."),
            .repeated("token", valueName: "role=value", help: "A role's credential (without 'Bearer '); overrides LEARNING_CONTRACT_TOKEN_<ROLE>."),
            .value("timeout", valueName: "seconds", help: "Per-request timeout.", default: "10"),
            .value("max-retry-wait", valueName: "seconds", help: "Longest total Retry-After wait per step before it counts as throttled.", default: "10"),
            .value("step-timeout", valueName: "seconds", help: "Deadline of one step: sends, Retry-After waits, parsing and comparing.", default: "60"),
            .value("scenario-timeout", valueName: "seconds", help: "Deadline of one scenario, its state set-up included.", default: "300"),
            .value("throttle-budget", valueName: "seconds", help: "Total Retry-After waiting for the whole run; then the rest is throttled out (exit 3).", default: "60"),
            .repeated("header", short: "H", valueName: "'Name: value'", help: "A header added to every request (credential-looking ones are redacted everywhere)."),
            .value("rate-limit", valueName: "n/s", help: "At most n requests per second to the target (e.g. 5/s or 0.5/s)."),
            .value("cacert", valueName: "file", help: "A PEM CA bundle to trust for https targets, in addition to the system's (default: $SSL_CERT_FILE)."),
            .flag("insecure", help: "Skip verifying an https target's certificate and host name (prints a warning)."),
            .flag("list", help: "List the scenarios (after --filter, --last-failed, --shard) and exit."),
            .flag("coverage", help: "Print the matrix of error rows and operations against the fixtures that exercise them."),
            .flag("verbose", short: "v", help: "Also list passing scenarios."),
        ],
        exclusiveGroups: [["strict", "lenient"], ["list", "coverage"]],
        examples: [
            .init("conform", "Run every scenario against the embedded emulator."),
            .init("conform --base-url http://127.0.0.1:8080/v1.0 --junit conform.xml", "Gate a deployment and publish a JUnit report."),
            .init("conform --filter errors --strict", "Run the error scenarios; variants fail."),
            .init("conform --base-url https://staging.example/v1.0 --target target.json --state-url https://staging.example/_pact/states",
                  "Audit another implementation with its ids and its provider-state endpoint."),
            .init("conform --coverage", "Which error rows have fixtures."),
            .init("conform --shard 2/4 --json shard2.json", "The second of four CI matrix jobs."),
            .init("conform --last-failed conform.json --html failed.html", "Rerun what failed last time; a page to look at."),
        ]
    )

    public static func run(_ arguments: ParsedArguments, context: CLIContext) async -> ExitCode {
        // Fixtures.
        let directory = fixturesDirectory(arguments, context: context)
        let scenarios: [Scenario]
        let roles: RoleCatalog
        do {
            scenarios = try ScenarioLoader.load(directory: directory)
            roles = try ScenarioLoader.loadRoles(directory: directory)
            try ScenarioLoader.validate(scenarios, roles: roles, rows: .contract)
        } catch {
            let hint = error.message == "not a directory" ? " (run inside a clone, or pass --fixtures DIR)" : ""
            context.printError("fixture error: \(error)" + hint)
            return .usage
        }
        if arguments.flag("coverage") {
            context.stdout.write(CoverageMatrix(rows: .contract, scenarios: scenarios).text())
            return .success
        }
        let selected: [Scenario]
        switch select(scenarios, arguments, context: context) {
        case .run(let chosen): selected = chosen
        case .exit(let code): return code
        }
        if arguments.flag("list") {
            for scenario in selected {
                let needs = scenario.requirements.map(\.description).joined(separator: " ")
                context.print("\(scenario.id)  \(scenario.title)  [\(scenario.tags.joined(separator: ", "))]  \(scenario.file)  needs: \(needs)")
            }
            context.print("\(selected.count) scenario\(selected.count == 1 ? "" : "s")")
            return .success
        }
        // Options.
        let concurrency: Int
        let timeout: Double
        let maxRetryWait: Double
        let budgets: (step: Double, scenario: Double, throttle: Double)
        let transport: TransportOptions
        let reportFiles: [ReportFile]
        do {
            reportFiles = try Self.reportFiles(arguments, context: context)
            concurrency = try arguments.int("concurrency", in: 1...64) ?? 4
            timeout = try arguments.double("timeout", in: 0.1...600) ?? 10
            maxRetryWait = try arguments.double("max-retry-wait", in: 0...3600) ?? 10
            budgets = (try arguments.double("step-timeout", in: 0.1...3600) ?? 60, try arguments.double("scenario-timeout", in: 0.1...86_400) ?? 300,
                       try arguments.double("throttle-budget", in: 0...86_400) ?? 60)
            transport = try TransportOptions(arguments, environment: context.environment, resolve: { context.resolve($0).path })
        } catch {
            return CLI.report(error, context: context)
        }

        var credentials = ConformanceConfiguration.credentials(from: context.environment, roles: roles)
        for token in arguments.values("token") {
            guard let equals = token.firstIndex(of: "="), equals != token.startIndex else {
                return CLI.report(UsageError("--token takes role=value (the value is never printed)", commandName: spec.name), context: context)
            }
            let role = String(token[..<equals])
            guard roles[role] != nil else {
                let known = roles.roles.map(\.name).joined(separator: ", ")
                return CLI.report(UsageError("--token: unknown role '\(role)' (roles: \(known))", commandName: spec.name), context: context)
            }
            credentials[role] = String(token[token.index(after: equals)...])
        }
        var profile = TargetProfile()
        if let path = arguments.value("target") {
            do {
                profile = try TargetProfile.load(context.resolve(path))
            } catch {
                context.printError("target profile error: \(error)")
                return .usage
            }
        }
        var stateURL: URL?
        if let text = arguments.value("state-url") {
            guard let url = URL(string: text), url.scheme != nil, url.host != nil else {
                return CLI.report(UsageError("--state-url: not an absolute URL: \(text)", commandName: spec.name), context: context)
            }
            stateURL = url
        }

        // Target: the given base URL, or the embedded emulator on a free loopback port.
        var embedded: EmbeddedEmulator?
        let baseURL: URL
        if let text = arguments.value("base-url") {
            guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()), url.host != nil else {
                return CLI.report(UsageError("--base-url: not an http(s) URL: \(text)", commandName: spec.name), context: context)
            }
            guard let version = url.path.split(separator: "/").last, ["v1.0", "beta"].contains(version) else {
                return CLI.report(UsageError("--base-url: \(text) has no version segment; the base URL ends with /v1.0 or /beta, "
                    + "as Graph's do (e.g. \(text.hasSuffix("/") ? String(text.dropLast()) : text)/v1.0)", commandName: spec.name), context: context)
            }
            baseURL = url
            if scheme.lowercased() == "https", transport.insecure {
                context.printWarning("--insecure: the certificate of \(url.host ?? "the target") is not verified; "
                    + "anyone on the path can read and change this run's requests, credentials included")
            }
        } else {
            do {
                let started = try EmbeddedEmulator()
                embedded = started
                baseURL = started.baseURL
            } catch {
                context.printError("could not start the embedded emulator: \(error)")
                return .unreachable
            }
        }
        defer { embedded?.stop() }

        var configuration = ConformanceConfiguration(
            baseURL: baseURL, stateURL: stateURL, strict: arguments.flag("strict"), concurrency: concurrency,
            requestTimeout: .milliseconds(Int(timeout * 1000)), maxRetryWait: .milliseconds(Int(maxRetryWait * 1000)),
            credentials: credentials, profile: profile, roles: roles, rows: .contract)
        // A target that takes test tokens is the emulator (embedded or `serve`): its fresh tenants hold its world.
        configuration.freshTenant = .emulator
        configuration.stepTimeout = .milliseconds(Int(budgets.step * 1000))
        configuration.scenarioTimeout = .milliseconds(Int(budgets.scenario * 1000))
        configuration.throttleBudget = .milliseconds(Int(budgets.throttle * 1000))
        configuration.extraHeaders = transport.headers
        configuration.requestsPerSecond = transport.requestsPerSecond
        var clientConfiguration = HTTPClientConfiguration(timeout: .milliseconds(Int(timeout * 1000)), maxResponseBytes: 8 << 20)
        clientConfiguration.caFile = transport.caFile
        clientConfiguration.insecure = transport.insecure
        let client = HTTPClient(configuration: clientConfiguration)
        let runner = ConformanceRunner(configuration: configuration, transport: HTTPClientTransport(client: client))
        let progress = ProgressLine(context: context)
        let report = await runner.run(scenarios: selected) { result, done, total in
            progress.update("conform [\(done)/\(total)] \(result.status.rawValue) \(result.id)")
        }
        progress.clear()

        // Reports: text on stdout; JSON, JUnit and HTML files on request (each within the report budget).
        context.stdout.write(style(report.text(verbose: arguments.flag("verbose")), context: context))
        var exit = ExitCode(report.exitCode)
        for file in reportFiles {
            let text = switch file.option {
            case "json": report.jsonText()
            case "junit": report.junitXML()
            default: report.html(coverage: CoverageMatrix(rows: .contract, scenarios: scenarios))
            }
            if let reason = writeReport(text, to: file.url) {
                context.printError("could not write --\(file.option) \(file.path): \(reason)")
                exit = .usage
            }
        }
        return exit
    }

    /// `--fixtures`, or `Conformance/` in the current directory or the nearest parent that has one
    /// (so the command works from anywhere inside a clone).
    static func fixturesDirectory(_ arguments: ParsedArguments, context: CLIContext) -> URL {
        if let path = arguments.value("fixtures") { return context.resolve(path) }
        var directory = context.currentDirectory.standardizedFileURL
        for _ in 0..<8 {
            let candidate = directory.appendingPathComponent("Conformance")
            if FileManager.default.fileExists(atPath: candidate.appendingPathComponent(ScenarioLoader.rolesFileName).path) {
                return candidate
            }
            let parent = directory.deletingLastPathComponent()
            if parent.path == directory.path { break }
            directory = parent
        }
        return context.resolve("Conformance")
    }

    /// Colours the status words on a terminal (never with NO_COLOR or when piped).
    static func style(_ text: String, context: CLIContext) -> String {
        guard context.useColor else { return text }
        return text.split(separator: "\n", omittingEmptySubsequences: false).map { substring -> String in
            let line = String(substring)
            for (word, styles) in [("FAIL", [ANSIStyle.bold, .red]), ("PASS", [.green]), ("SKIP", [.yellow]),
                                   ("THROTTLED", [.yellow]), ("UNREACHABLE", [.bold, .red])] where line.hasPrefix(word + " ") {
                return ANSIStyle.apply(styles, to: word, enabled: true) + String(line.dropFirst(word.count))
            }
            if line.hasPrefix("      - ") { return ANSIStyle.apply([.red], to: line, enabled: true) }
            if line.hasPrefix("      + ") { return ANSIStyle.apply([.green], to: line, enabled: true) }
            return line
        }.joined(separator: "\n")
    }
}
