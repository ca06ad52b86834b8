import Foundation
import LearningContractCLI
import LearningTestSupport
import Testing

/// Every command's `--help`, pinned by a golden file (`__Snapshots__/CLI/<command>-help.txt`). The arguments come
/// from the CLI's command table, so a new command fails here until its help is recorded
/// (`LEARNING_RECORD=missing swift test --filter HelpGoldenTests`).
@Suite struct HelpGoldenTests {
    static let names = CLI.commands.map { $0.spec.name }

    @Test(arguments: names)
    func commandHelpMatchesGolden(_ name: String) async {
        let run = await CLI.capture([name, "--help"])
        #expect(run.exitCode == .success)
        #expect(run.stderr == "")
        #expect(run.stdout.hasPrefix("Usage: learning-contract \(name)"))
        #expect(Golden.check(run.stdout, named: "CLI/\(name)-help.txt") == nil)
    }

    @Test func rootHelpMatchesGolden() async {
        let run = await CLI.capture(["--help"])
        #expect(run.exitCode == .success)
        #expect(run.stderr == "")
        #expect(Golden.check(run.stdout, named: "CLI/root-help.txt") == nil)
    }

    /// A removed or renamed command leaves no golden file behind.
    @Test func noGoldenForACommandThatIsGone() {
        let directory = Repository.path("Tests/LearningContractCLITests/__Snapshots__/CLI")
        let expected = Set(Self.names.map { "\($0)-help.txt" } + ["root-help.txt"])
        #expect(Golden.staleFiles(in: directory, expected: expected) == nil)
    }
}
