@testable import LearningContractCLI
import Testing

@Suite struct HelpFormatterTests {
    static let long = String(repeating: "word ", count: 60)

    @Test func wrapsParagraphsAndKeepsPreformattedLines() {
        let text = "one two three four five six\n\n  keep   this   as is\nseven eight"
        let lines = TextWrapper.wrap(text, width: 14, indent: 2)
        #expect(lines == ["  one two", "  three four", "  five six", "", "    keep   this   as is", "  seven eight"])
    }

    @Test func neverBreaksAWordLongerThanTheLine() {
        #expect(TextWrapper.wrap("a supercalifragilistic b", width: 10) == ["a", "supercalifragilistic", "b"])
    }

    @Test func entriesAlignAndOverflowToTheNextLine() {
        #expect(TextWrapper.entry(label: "-f", text: "Format.", column: 8, width: 80) == ["  -f    Format."])
        #expect(TextWrapper.entry(label: "--a-very-long-label", text: "Text.", column: 8, width: 80) == ["  --a-very-long-label", "        Text."])
    }

    @Test func usageListsOptionsGroupsAndPositionals() {
        let usage = HelpFormatter.usage(for: SampleSpecs.token, toolName: "tool")
        #expect(usage == "Usage: tool token --tenant <tenant> <subject> [<output>]")
        let validate = HelpFormatter.usage(for: SampleSpecs.validate, toolName: "learning-contract")
        #expect(validate == """
            Usage: learning-contract validate [--strict | --lenient] [--verbose]
                                              [--format <format>] [--role <role>...]
                                              [--header <header>...] [--port <port>]
                                              [--operation <operation>] [<file>...]
            """)
    }

    @Test func everyHelpLineFitsEightyColumns() {
        let spec = CommandSpec(
            name: "wordy", abstract: "An abstract. " + Self.long, discussion: Self.long + "\n\n" + Self.long,
            options: [
                .value("a-rather-long-option-name", short: "a", valueName: "some-value", help: Self.long, allowed: ["x", "y"], default: "x"),
                .repeated("list", help: Self.long, commaSeparated: true),
            ],
            positionals: [PositionalSpec("input", help: Self.long)],
            examples: [.init("wordy --list a,b " + Self.long, Self.long)]
        )
        let help = HelpFormatter.help(for: spec, toolName: "learning-contract")
        for line in help.split(separator: "\n") {
            #expect(line.count <= 80, "too wide: \(line)")
        }
        let flattened = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(flattened.contains("One of: x, y. Default: x."))
        #expect(flattened.contains("Repeatable; accepts comma-separated lists."))
        #expect(help.hasSuffix("\n") && !help.hasSuffix("\n\n"))
    }

    @Test func helpMentionsExclusiveGroups() {
        let help = HelpFormatter.help(for: SampleSpecs.validate, toolName: "learning-contract")
        #expect(help.contains("At most one of --strict, --lenient may be given."))
        #expect(help.contains("  -h, --help"))
        #expect(help.contains("Arguments:\n  <file>...   Files to validate; - for standard input. Optional.\n"))
    }

    @Test func wellFormedSpecsHaveNoProblems() {
        #expect(SampleSpecs.validate.problems == [])
        #expect(SampleSpecs.token.problems == [])
        #expect(SampleSpecs.bare.problems == [])
    }

    @Test(arguments: [
        (CommandSpec(name: "x", abstract: ""), "command 'x' has no abstract"),
        (
            CommandSpec(name: "x", abstract: String(repeating: "a", count: 65)),
            "command 'x': the abstract is longer than 64 characters (one line of the root help)"
        ),
        (CommandSpec(name: "x", abstract: "A.", options: [.flag("a", help: "A."), .flag("a", help: "B.")]), "duplicate option '--a'"),
        (CommandSpec(name: "x", abstract: "A.", options: [.flag("help", help: "A.")]), "duplicate option '--help'"),
        (CommandSpec(name: "x", abstract: "A.", options: [.flag("a", short: "h", help: "A.")]), "duplicate short option '-h'"),
        (CommandSpec(name: "x", abstract: "A.", options: [.flag("a", help: " ")]), "option '--a' has no help"),
        (
            CommandSpec(name: "x", abstract: "A.", options: [.value("f", help: "F.", allowed: ["a"], default: "b")]),
            "option '--f': default 'b' is not an allowed value"
        ),
        (
            CommandSpec(name: "x", abstract: "A.", positionals: [PositionalSpec("a", help: "A.", repeating: true), PositionalSpec("b", help: "B.")]),
            "argument <a>: only the last positional may repeat"
        ),
        (
            CommandSpec(name: "x", abstract: "A.", positionals: [PositionalSpec("a", help: "A.", optional: true), PositionalSpec("b", help: "B.")]),
            "argument <b>: a required positional cannot follow an optional one"
        ),
        (
            CommandSpec(name: "x", abstract: "A.", options: [.flag("a", help: "A.")], exclusiveGroups: [["a", "b"]]),
            "exclusive group names unknown option '--b'"
        ),
    ])
    func findsProblemsInSpecs(_ spec: CommandSpec, _ problem: String) {
        #expect(spec.problems.contains(problem), "\(spec.problems)")
    }
}
