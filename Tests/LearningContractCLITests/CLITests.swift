import Foundation
import LearningContractCLI
import LearningTestSupport
import Testing

@Suite struct CLITests {
    // MARK: Help

    @Test func rootHelpMatchesGolden() async {
        let run = await CLI.capture(["--help"])
        #expect(run.exitCode == .success)
        #expect(run.stderr == "")
        #expect(Golden.check(run.stdout, named: "CLI/root-help.txt", filePath: #filePath) == nil)
    }

    @Test func versionHelpMatchesGolden() async {
        let run = await CLI.capture(["version", "--help"])
        #expect(run.exitCode == .success)
        #expect(Golden.check(run.stdout, named: "CLI/version-help.txt", filePath: #filePath) == nil)
    }

    @Test func conformHelpMatchesGolden() async {
        let run = await CLI.capture(["conform", "--help"])
        #expect(run.exitCode == .success)
        #expect(Golden.check(run.stdout, named: "CLI/conform-help.txt", filePath: #filePath) == nil)
    }

    @Test(arguments: [[], ["help"], ["-h"], ["--help", "version"], ["help", "help"], ["help", "--help"]])
    func everyWayToAskForRootHelpAgrees(_ arguments: [String]) async {
        let run = await CLI.capture(arguments)
        #expect(run == CapturedRun(exitCode: .success, stdout: CLI.rootHelp, stderr: ""))
    }

    @Test(arguments: [["version", "--help"], ["version", "-h"], ["help", "version"], ["version", "--bogus", "--help"]])
    func everyWayToAskForCommandHelpAgrees(_ arguments: [String]) async throws {
        let version = try #require(CLI.command(named: "version"))
        let run = await CLI.capture(arguments)
        #expect(run == CapturedRun(exitCode: .success, stdout: HelpFormatter.help(for: version.spec, toolName: "learning-contract"), stderr: ""))
    }

    @Test func everyRegisteredCommandIsWellFormedAndDocumented() {
        let specs = CLI.commands.map { $0.spec }
        #expect(!specs.isEmpty)
        #expect(Set(specs.map(\.name)).count == specs.count, "duplicate command names")
        #expect(!specs.map(\.name).contains("help"), "'help' is built in")
        let rootHelp = CLI.rootHelp
        for spec in specs {
            #expect(spec.problems == [], "\(spec.name)")
            #expect(rootHelp.contains(spec.name), "\(spec.name) missing from the root help")
            let help = HelpFormatter.help(for: spec, toolName: CLI.toolName)
            #expect(help.hasPrefix("Usage: learning-contract \(spec.name)"))
            for option in spec.options {
                #expect(!option.help.isEmpty, "--\(option.name) of \(spec.name) has no help")
                #expect(help.contains(option.longFlag), "--\(option.name) missing from the help of \(spec.name)")
            }
            for line in help.split(separator: "\n") {
                #expect(line.count <= 80, "\(spec.name) help line too wide: \(line)")
            }
        }
        for line in rootHelp.split(separator: "\n") {
            #expect(line.count <= 80, "root help line too wide: \(line)")
        }
    }

    // MARK: Dispatch and usage errors

    @Test func versionPrintsTheVersion() async {
        #expect(await CLI.capture(["--version"]) == CapturedRun(exitCode: .success, stdout: "learning-contract \(CLI.version)\n", stderr: ""))
        #expect(await CLI.capture(["version"]).stdout == "learning-contract \(CLI.version)\nGraph API versions: v1.0, beta\n")
        let json = await CLI.capture(["version", "-f", "json"])
        #expect(json.stdout == "{\"name\":\"learning-contract\",\"version\":\"\(CLI.version)\",\"apiVersions\":[\"v1.0\",\"beta\"]}\n")
    }

    @Test(arguments: [
        (["frobnicate"], "error: unknown command 'frobnicate'\nUsage: learning-contract <command> [<options>] [<arguments>]\nSee 'learning-contract --help'.\n"),
        (["verison"], "error: unknown command 'verison'; did you mean 'version'?\nUsage: learning-contract <command> [<options>] [<arguments>]\nSee 'learning-contract --help'.\n"),
        (["help", "verison"], "error: unknown command 'verison'; did you mean 'version'?\nUsage: learning-contract <command> [<options>] [<arguments>]\nSee 'learning-contract --help'.\n"),
        (["--verison"], "error: unknown option '--verison'; did you mean '--version'?\nUsage: learning-contract <command> [<options>] [<arguments>]\nSee 'learning-contract --help'.\n"),
        (["--strict"], "error: unknown option '--strict' (a command's options go after its name)\nUsage: learning-contract <command> [<options>] [<arguments>]\nSee 'learning-contract --help'.\n"),
        (["--version", "x"], "error: unexpected argument 'x' after '--version'\nUsage: learning-contract <command> [<options>] [<arguments>]\nSee 'learning-contract --help'.\n"),
        (["help", "a", "b"], "error: unexpected argument 'b' (usage: learning-contract help [<command>])\nUsage: learning-contract <command> [<options>] [<arguments>]\nSee 'learning-contract --help'.\n"),
        (["version", "--fromat", "json"], "error: unknown option '--fromat'; did you mean '--format'?\nUsage: learning-contract version [--format <format>]\nSee 'learning-contract version --help'.\n"),
        (["version", "--format", "xml"], "error: invalid value 'xml' for option '--format'; allowed: text, json\nUsage: learning-contract version [--format <format>]\nSee 'learning-contract version --help'.\n"),
        (["version", "extra"], "error: unexpected argument 'extra'\nUsage: learning-contract version [--format <format>]\nSee 'learning-contract version --help'.\n"),
    ])
    func usageErrorsGoToStderrWithExitTwo(_ arguments: [String], _ stderr: String) async {
        #expect(await CLI.capture(arguments) == CapturedRun(exitCode: .usage, stdout: "", stderr: stderr))
    }

    @Test func usageErrorsAreColouredOnlyOnAColourTerminal() async {
        let coloured = await CLI.capture(["frobnicate"], isTerminal: true)
        #expect(coloured.stderr.hasPrefix("\u{1B}[1;31merror:\u{1B}[0m unknown command 'frobnicate'\n"))
        let noColor = await CLI.capture(["frobnicate"], environment: ["NO_COLOR": "1"], isTerminal: true)
        #expect(noColor.stderr.hasPrefix("error: unknown command 'frobnicate'\n"))
        let piped = await CLI.capture(["frobnicate"], isTerminal: false)
        #expect(piped.stderr.hasPrefix("error: unknown command 'frobnicate'\n"))
    }

    @Test func mainSkipsTheProgramPath() async {
        let out = CapturedOutput(), err = CapturedOutput()
        let code = await CLI.main(["/usr/bin/learning-contract", "--version"], context: CLIContext(stdout: out, stderr: err))
        #expect(code == .success)
        #expect(out.text == "learning-contract \(CLI.version)\n")
    }

    // MARK: The built executable

    @Test(.timeLimit(.minutes(5)))
    func executableRunsEndToEnd() throws {
        let binary = try Self.executable()
        let help = try Self.execute(binary, ["--help"])
        #expect(help.status == 0)
        #expect(help.stdout == CLI.rootHelp)
        #expect(help.stderr == "")

        let unknown = try Self.execute(binary, ["frobnicate"])
        #expect(unknown.status == 2)
        #expect(unknown.stdout == "")
        #expect(unknown.stderr.hasPrefix("error: unknown command 'frobnicate'\n"))

        let version = try Self.execute(binary, ["--version"])
        #expect(version.status == 0)
        #expect(version.stdout == "learning-contract \(CLI.version)\n")
        #expect(version.stderr == "")
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// The `learning-contract` that `swift test` built next to the test bundle, else `.build/debug`, else built now.
    static func executable() throws -> URL {
        let fileManager = FileManager.default
        var candidates: [URL] = []
        // On Linux the test runner is itself an executable in the products folder (any --scratch-path).
        if let runner = Bundle.main.executableURL {
            candidates.append(runner.deletingLastPathComponent().appendingPathComponent("learning-contract"))
        }
        if let bundle = Bundle.allBundles.first(where: { $0.bundleURL.pathExtension == "xctest" }) {
            candidates.append(bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("learning-contract"))
        }
        candidates.append(packageRoot.appendingPathComponent(".build/debug/learning-contract"))
        if let found = candidates.first(where: { fileManager.isExecutableFile(atPath: $0.path) }) { return found }

        // `swift test` holds the build lock while tests run, hence --ignore-lock.
        let swift = try execute(
            URL(fileURLWithPath: "/usr/bin/env"),
            ["swift", "build", "--ignore-lock", "--product", "learning-contract", "--package-path", packageRoot.path],
            timeout: 280
        )
        try #require(swift.status == 0, "swift build failed:\n\(swift.stderr)\(swift.stdout)")
        let built = packageRoot.appendingPathComponent(".build/debug/learning-contract")
        try #require(fileManager.isExecutableFile(atPath: built.path), "no executable at \(built.path)")
        return built
    }

    struct Execution { var status: Int32; var stdout: String; var stderr: String }

    /// Runs `binary` with output in temporary files (no pipe to fill up), killed after `timeout` seconds.
    static func execute(_ binary: URL, _ arguments: [String], timeout: Double = 30) throws -> Execution {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("cli-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let outURL = directory.appendingPathComponent("stdout"), errURL = directory.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let outHandle = try FileHandle(forWritingTo: outURL), errHandle = try FileHandle(forWritingTo: errURL)
        defer { try? outHandle.close(); try? errHandle.close() }

        let process = Process()
        process.executableURL = binary
        process.arguments = arguments
        process.standardOutput = outHandle
        process.standardError = errHandle
        process.standardInput = FileHandle.nullDevice
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        process.environment = environment
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        try process.run()
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            finished.wait()
            Issue.record("\(binary.lastPathComponent) \(arguments) did not finish within \(timeout) s")
        }
        return Execution(
            status: process.terminationStatus,
            stdout: (try? String(contentsOf: outURL, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: errURL, encoding: .utf8)) ?? ""
        )
    }
}
