import LearningContractCLI
import Testing

@Suite struct ArgumentParserTests {
    struct Accepted: Sendable, CustomTestStringConvertible {
        var tokens: [String]
        var flags: Set<String> = []
        var values: [String: [String]] = [:]
        var positionals: [String] = []
        var testDescription: String { tokens.joined(separator: " ") }
    }

    static let accepted: [Accepted] = [
        Accepted(tokens: []),
        Accepted(tokens: ["--format", "json", "a.json"], values: ["format": ["json"]], positionals: ["a.json"]),
        Accepted(tokens: ["--format=json"], values: ["format": ["json"]]),
        Accepted(tokens: ["-f", "sarif"], values: ["format": ["sarif"]]),
        Accepted(tokens: ["-fjson"], values: ["format": ["json"]]),
        Accepted(tokens: ["-f=json"], values: ["format": ["json"]]),
        Accepted(tokens: ["--strict", "-v"], flags: ["strict", "verbose"]),
        Accepted(tokens: ["a", "--strict", "b"], flags: ["strict"], positionals: ["a", "b"]),
        Accepted(tokens: ["-"], positionals: ["-"]),
        Accepted(tokens: ["--", "--strict", "-", "-v"], positionals: ["--strict", "-", "-v"]),
        Accepted(tokens: ["--strict", "--", "--"], flags: ["strict"], positionals: ["--"]),
        Accepted(tokens: ["--port", "-1"], values: ["port": ["-1"]]),
        Accepted(tokens: ["-5", "-0.5"], positionals: ["-5", "-0.5"]),
        Accepted(tokens: ["--operation=a=b"], values: ["operation": ["a=b"]]),
        Accepted(tokens: ["--operation=-x"], values: ["operation": ["-x"]]),
        Accepted(tokens: ["--role", "reader, writer", "--role=admin"], values: ["role": ["reader", "writer", "admin"]]),
        Accepted(tokens: ["-H", "a,b", "--header", "c"], values: ["header": ["a,b", "c"]]),
        Accepted(tokens: ["--operation", "-"], values: ["operation": ["-"]]),
    ]

    @Test(arguments: accepted)
    func accepts(_ row: Accepted) throws {
        let parsed = try ArgumentParser.parse(row.tokens, spec: SampleSpecs.validate)
        #expect(parsed.flags == row.flags)
        #expect(parsed.optionValues == row.values)
        #expect(parsed.positionals == row.positionals)
    }

    struct Rejected: Sendable, CustomTestStringConvertible {
        var tokens: [String]
        var message: String
        var spec: CommandSpec = SampleSpecs.validate
        var testDescription: String { "\(spec.name) " + tokens.joined(separator: " ") }
    }

    static let rejected: [Rejected] = [
        // Unknown options, with and without a suggestion.
        Rejected(tokens: ["--fromat", "json"], message: "unknown option '--fromat'; did you mean '--format'?"),
        Rejected(tokens: ["--stric"], message: "unknown option '--stric'; did you mean '--strict'?"),
        Rejected(tokens: ["--hepl"], message: "unknown option '--hepl'; did you mean '--help'?"),
        Rejected(tokens: ["--zzz"], message: "unknown option '--zzz'"),
        Rejected(tokens: ["--zzz=1"], message: "unknown option '--zzz'"),
        Rejected(tokens: ["-x"], message: "unknown option '-x'"),
        Rejected(tokens: ["-vH"], message: "unknown option '-vH' (short options cannot be combined)"),
        // Missing values.
        Rejected(tokens: ["--format"], message: "missing value for option '--format' <format>"),
        Rejected(tokens: ["--format", "--strict"], message: "missing value for option '--format' <format>"),
        Rejected(tokens: ["--format="], message: "missing value for option '--format' <format>"),
        Rejected(tokens: ["-f"], message: "missing value for option '-f' ('--format') <format>"),
        Rejected(tokens: ["--operation", "--"], message: "missing value for option '--operation' <operation>"),
        // Values outside the allowed list.
        Rejected(tokens: ["--format", "xml"], message: "invalid value 'xml' for option '--format'; allowed: text, json, sarif"),
        Rejected(
            tokens: ["--format", "jsno"],
            message: "invalid value 'jsno' for option '--format'; allowed: text, json, sarif (did you mean 'json'?)"
        ),
        Rejected(tokens: ["--role", "reader,owner"], message: "invalid value 'owner' for option '--role'; allowed: reader, writer, admin"),
        Rejected(tokens: ["--role", "reader,,admin"], message: "empty item in list 'reader,,admin' for option '--role'"),
        // Repetition and flags with values.
        Rejected(tokens: ["--format", "json", "-f", "text"], message: "option '-f' ('--format') was given more than once"),
        Rejected(tokens: ["--strict", "--strict"], message: "option '--strict' was given more than once"),
        Rejected(tokens: ["--strict=yes"], message: "option '--strict' does not take a value"),
        // Exclusive groups.
        Rejected(tokens: ["--strict", "--lenient"], message: "options '--strict' and '--lenient' cannot be used together"),
        // Required options and positionals.
        Rejected(tokens: ["alice"], message: "missing required option '--tenant <tenant>'", spec: SampleSpecs.token),
        Rejected(tokens: ["--tenant", "t"], message: "missing argument <subject>", spec: SampleSpecs.token),
        Rejected(
            tokens: ["--tenant", "t", "alice", "out", "extra"],
            message: "unexpected argument 'extra' (expected <subject> [<output>])", spec: SampleSpecs.token
        ),
        Rejected(tokens: ["x"], message: "unexpected argument 'x'", spec: SampleSpecs.bare),
        Rejected(tokens: ["--", "-"], message: "unexpected argument '-'", spec: SampleSpecs.bare),
    ]

    @Test(arguments: rejected)
    func rejects(_ row: Rejected) {
        #expect(throws: UsageError(row.message, commandName: row.spec.name)) {
            try ArgumentParser.parse(row.tokens, spec: row.spec)
        }
    }

    @Test(arguments: [
        (["--help"], true), (["-h"], true), (["x", "--format", "json", "--help"], true),
        (["--", "--help"], false), (["--helpful"], false), ([], false),
    ])
    func findsHelpBeforeTheEndOfOptions(_ tokens: [String], _ expected: Bool) {
        #expect(ArgumentParser.requestsHelp(tokens) == expected)
    }

    /// Random command lines from a small alphabet of tricky tokens: every one either parses into values the
    /// spec allows or fails with a usage error naming the command; none crashes.
    @Test func randomCommandLinesNeverCrash() {
        let alphabet = [
            "-", "--", "-f", "-fjson", "-f=", "--format", "--format=", "--format=xml", "json", "--strict", "--lenient",
            "--role", "reader,writer", ",", "-v", "-vv", "-5", "--port", "x", "--zzz", "-H", "--help=1", "=", "é", "",
        ]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let tokens = (0..<next(7)).map { _ in alphabet[next(alphabet.count)] }
            do {
                let parsed = try ArgumentParser.parse(tokens, spec: SampleSpecs.validate)
                #expect(parsed.positionals.count <= tokens.count, "\(tokens)")
                #expect(["text", "json", "sarif"].contains(parsed.value("format") ?? ""), "\(tokens)")
                #expect(parsed.values("role").allSatisfy { ["reader", "writer", "admin"].contains($0) }, "\(tokens)")
                #expect(!(parsed.flag("strict") && parsed.flag("lenient")), "\(tokens)")
            } catch {
                #expect(error.commandName == "validate" && !error.message.isEmpty, "\(tokens)")
            }
        }
    }
}
