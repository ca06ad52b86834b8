import Foundation
import LearningContractCLI
import LearningTestSupport
import Testing

@Suite struct CLITests {
    // MARK: Help

    // The root's and every command's help are pinned by golden files in HelpGoldenTests.

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

    static func executable() throws -> URL { try Executable.learningContractBuildingIfNeeded() }

    /// Runs `binary` (output in temporary files, killed after `timeout` seconds).
    static func execute(_ binary: URL, _ arguments: [String], timeout: Double = 30) throws -> ProcessRunner.Output {
        let output = try ProcessRunner.run(binary, arguments, timeout: timeout)
        if output.timedOut { Issue.record("\(binary.lastPathComponent) \(arguments) did not finish within \(timeout) s") }
        return output
    }
}
