import LearningContractCLI
import Testing

@Suite struct ParsedArgumentsTests {
    @Test func defaultsFillInAbsentValues() throws {
        let parsed = try ArgumentParser.parse([], spec: SampleSpecs.validate)
        #expect(parsed.value("format") == "text")
        #expect(!parsed.isPresent("format"))
        #expect(parsed.value("operation") == nil)
        #expect(parsed.values("role") == [])
        #expect(!parsed.flag("strict"))
        let explicit = try ArgumentParser.parse(["--format", "json", "--strict"], spec: SampleSpecs.validate)
        #expect(explicit.value("format") == "json")
        #expect(explicit.isPresent("format"))
        #expect(explicit.flag("strict"))
    }

    @Test func undeclaredNamesReadAsAbsent() throws {
        let parsed = try ArgumentParser.parse(["--strict"], spec: SampleSpecs.validate)
        #expect(!parsed.flag("nope"))
        #expect(parsed.value("nope") == nil)
        #expect(parsed.values("nope") == [])
        #expect(try parsed.int("nope") == nil)
        #expect(parsed.positional("nope") == nil)
    }

    @Test(arguments: [
        ("8080", 8080), ("0", 0), (" 42 ", 42), ("-1", -1),
    ])
    func readsIntegers(_ text: String, _ expected: Int) throws {
        let parsed = try ArgumentParser.parse(["--port=\(text)"], spec: SampleSpecs.validate)
        #expect(try parsed.int("port") == expected)
    }

    @Test func integerDefaultsAndAbsence() throws {
        let parsed = try ArgumentParser.parse([], spec: SampleSpecs.validate)
        #expect(try parsed.int("port") == 0)
        #expect(try parsed.int("operation") == nil)
    }

    @Test(arguments: [
        ("abc", nil, "invalid value 'abc' for '--port': expected an integer"),
        ("8080.5", nil, "invalid value '8080.5' for '--port': expected an integer"),
        ("99999999999999999999999", nil, "invalid value '99999999999999999999999' for '--port': expected an integer"),
        ("70000", 0...65535, "invalid value '70000' for '--port': expected an integer from 0 to 65535"),
        ("-1", 0...65535, "invalid value '-1' for '--port': expected an integer from 0 to 65535"),
    ] as [(String, ClosedRange<Int>?, String)])
    func rejectsBadIntegers(_ text: String, _ range: ClosedRange<Int>?, _ message: String) throws {
        let parsed = try ArgumentParser.parse(["--port=\(text)"], spec: SampleSpecs.validate)
        #expect(throws: UsageError(message, commandName: "validate")) { try parsed.int("port", in: range) }
    }

    @Test func bindsPositionalsByName() throws {
        let both = try ArgumentParser.parse(["--tenant", "t", "alice", "out.txt"], spec: SampleSpecs.token)
        #expect(both.positional("subject") == "alice")
        #expect(both.positional("output") == "out.txt")
        let one = try ArgumentParser.parse(["--tenant", "t", "alice"], spec: SampleSpecs.token)
        #expect(one.positional("output") == nil)
        let files = try ArgumentParser.parse(["a", "-", "b"], spec: SampleSpecs.validate)
        #expect(files.positionalValues("file") == ["a", "-", "b"])
        #expect(files.positional("file") == "a")
        let none = try ArgumentParser.parse([], spec: SampleSpecs.validate)
        #expect(none.positionalValues("file") == [])
    }
}

@Suite struct ParsedNumberTests {
    @Test func readsNumbers() throws {
        let parsed = try ArgumentParser.parse(["--port=2.5"], spec: SampleSpecs.validate)
        #expect(try parsed.double("port") == 2.5)
        #expect(try parsed.double("port", in: 0...10) == 2.5)
    }

    @Test(arguments: [
        ("fast", nil, "invalid value 'fast' for '--port': expected a number"),
        ("inf", nil, "invalid value 'inf' for '--port': expected a number"),
        ("nan", nil, "invalid value 'nan' for '--port': expected a number"),
        ("11", 0...10, "invalid value '11' for '--port': expected a number from 0.0 to 10.0"),
    ] as [(String, ClosedRange<Double>?, String)])
    func rejectsBadNumbers(_ text: String, _ range: ClosedRange<Double>?, _ message: String) throws {
        let parsed = try ArgumentParser.parse(["--port=\(text)"], spec: SampleSpecs.validate)
        #expect(throws: UsageError(message, commandName: "validate")) { try parsed.double("port", in: range) }
    }
}
