import Foundation
import LearningContract
import Testing

@Suite("JSONReader: targeted cases")
struct JSONReaderTests {
    static func read(_ text: String, limits: JSONReader.Limits = .default) throws(JSONReadError) -> JSONDocument {
        try JSONReader(limits: limits).read(Array(text.utf8))
    }

    static func error(_ bytes: [UInt8], limits: JSONReader.Limits = .default) -> JSONReadError? {
        do {
            _ = try JSONReader(limits: limits).read(bytes)
            return nil
        } catch {
            return error
        }
    }

    struct Rejection: Sendable, CustomTestStringConvertible {
        var input: String
        var kind: JSONReadError.Kind
        var offset: Int
        var testDescription: String { "\(input.debugDescription) → \(kind)" }
    }

    static let rejections: [Rejection] = [
        .init(input: "[1,2,]", kind: .trailingComma, offset: 4),
        .init(input: "[1, ]", kind: .trailingComma, offset: 2),
        .init(input: #"{"a":1,}"#, kind: .trailingComma, offset: 6),
        .init(input: "{\"a\":1 ,\n}", kind: .trailingComma, offset: 7),
        .init(input: "[,1]", kind: .unexpectedByte, offset: 1),
        .init(input: "[1,,2]", kind: .unexpectedByte, offset: 3),
        .init(input: "\u{FEFF}{}", kind: .byteOrderMark, offset: 0),
        .init(input: "", kind: .empty, offset: 0),
        .init(input: " \n\t\r ", kind: .empty, offset: 5),
        .init(input: "[1", kind: .unexpectedEnd, offset: 2),
        .init(input: #"{"a""#, kind: .unexpectedEnd, offset: 4),
        .init(input: #"{"a":"#, kind: .unexpectedEnd, offset: 5),
        .init(input: #""abc"#, kind: .unexpectedEnd, offset: 4),
        .init(input: "tru", kind: .unexpectedEnd, offset: 3),
        .init(input: "True", kind: .unexpectedByte, offset: 0),
        .init(input: "nul1", kind: .unexpectedByte, offset: 3),
        .init(input: "{a:1}", kind: .unexpectedByte, offset: 1),
        .init(input: "{'a':1}", kind: .invalidString, offset: 1),
        .init(input: #"{"a" 1}"#, kind: .unexpectedByte, offset: 5),
        .init(input: "[1 2]", kind: .unexpectedByte, offset: 3),
        .init(input: "01", kind: .invalidNumber, offset: 0),
        .init(input: "-01", kind: .invalidNumber, offset: 1),
        .init(input: "+1", kind: .invalidNumber, offset: 0),
        .init(input: ".5", kind: .invalidNumber, offset: 0),
        .init(input: "1.", kind: .invalidNumber, offset: 2),
        .init(input: "1.e3", kind: .invalidNumber, offset: 2),
        .init(input: "1e", kind: .invalidNumber, offset: 2),
        .init(input: "1e+", kind: .invalidNumber, offset: 3),
        .init(input: "-", kind: .invalidNumber, offset: 1),
        .init(input: "-a", kind: .invalidNumber, offset: 1),
        .init(input: "NaN", kind: .invalidNumber, offset: 0),
        .init(input: "Infinity", kind: .invalidNumber, offset: 0),
        .init(input: "[-Infinity]", kind: .invalidNumber, offset: 2),
        .init(input: "0x10", kind: .trailingContent, offset: 1),
        .init(input: "{} {}", kind: .trailingContent, offset: 3),
        .init(input: "1 2", kind: .trailingContent, offset: 2),
        .init(input: "[]\u{0C}", kind: .trailingContent, offset: 2),
        .init(input: "\u{A0}1", kind: .unexpectedByte, offset: 0),
        .init(input: "\"a\tb\"", kind: .controlCharacterInString, offset: 2),
        .init(input: "\"a\nb\"", kind: .controlCharacterInString, offset: 2),
        .init(input: "\"\u{0}\"", kind: .controlCharacterInString, offset: 1),
        .init(input: #""\x41""#, kind: .invalidEscape, offset: 1),
        .init(input: #""\'""#, kind: .invalidEscape, offset: 1),
        .init(input: #""\u12G4""#, kind: .invalidEscape, offset: 5),
        .init(input: #""\u12""#, kind: .invalidEscape, offset: 5),
        .init(input: #""\uD800""#, kind: .invalidUnicode, offset: 1),
        .init(input: #""\uDC00""#, kind: .invalidUnicode, offset: 1),
        .init(input: #""\uD800\n""#, kind: .invalidUnicode, offset: 1),
        .init(input: #""\uD800\u0041""#, kind: .invalidUnicode, offset: 1),
        .init(input: #""\uD800\uD800""#, kind: .invalidUnicode, offset: 1),
        .init(input: #""x\uDFFF\uD800""#, kind: .invalidUnicode, offset: 2),
        .init(input: #"{"\uDEAD":1}"#, kind: .invalidUnicode, offset: 2),
    ]

    @Test(arguments: rejections)
    func rejects(_ rejection: Rejection) {
        let error = Self.error(Array(rejection.input.utf8))
        #expect(error?.kind == rejection.kind, "\(String(describing: error))")
        #expect(error?.offset == rejection.offset, "\(String(describing: error))")
    }

    struct Acceptance: Sendable, CustomTestStringConvertible {
        var input: String
        var expected: JSONValue
        var testDescription: String { input.debugDescription }
    }

    static let acceptances: [Acceptance] = [
        .init(input: "null", expected: nil),
        .init(input: " true ", expected: true),
        .init(input: "\t\r\nfalse\n", expected: false),
        .init(input: #""""#, expected: ""),
        .init(input: "[]", expected: []),
        .init(input: "{}", expected: [:]),
        .init(input: "[ [ ] , { } ]", expected: [[], [:]]),
        .init(input: #"{"b":1,"a":[true,null]}"#, expected: ["b": 1, "a": [true, nil]]),
        .init(input: #""\"\\\/\b\f\n\r\t""#, expected: "\"\\/\u{8}\u{C}\n\r\t"),
        .init(input: #""\u0000\u001f\u00e9\u20AC""#, expected: "\u{0}\u{1F}é€"),
        .init(input: #""\uD834\uDD1E""#, expected: "𝄞"),
        .init(input: #""\udbff\udfff""#, expected: "\u{10FFFF}"),
        .init(input: "\"é€𝄞\u{2028}\"", expected: "é€𝄞\u{2028}"),
        .init(input: #""a\u0301""#, expected: .string("a\u{301}")),
    ]

    @Test(arguments: acceptances)
    func accepts(_ acceptance: Acceptance) throws {
        let document = try Self.read(acceptance.input)
        #expect(document.root == acceptance.expected)
        #expect(document.duplicateKeys.isEmpty)
    }

    @Test(arguments: ["20", "20.0", "-0", "1E+2", "1e400", "-0.0e-0", "123456789012345678901234567890", "0.1", "1e-400"])
    func keepsNumberLexemes(_ lexeme: String) throws {
        #expect(try Self.read(lexeme).root == .number(JSONNumber(lexeme: lexeme)))
        #expect(try Self.read("[\(lexeme)]").root == .array([.number(JSONNumber(lexeme: lexeme))]))
        #expect(try Self.read(#"{"n":\#(lexeme)}"#).root["n"]?.numberValue?.lexeme == lexeme)
    }

    @Test func keepsStringLengthInScalars() throws {
        let text = try Self.read(#""e\u0301𝄞""#).root.stringValue
        #expect(text?.unicodeScalars.count == 3)
    }

    // MARK: Duplicates

    struct Duplicates: Sendable, CustomTestStringConvertible {
        var input: String
        var pointers: [String]
        var keys: [String]
        var offsets: [Int]
        var testDescription: String { input }
    }

    static let duplicateCases: [Duplicates] = [
        .init(input: #"{"a":1,"a":2}"#, pointers: ["/a"], keys: ["a"], offsets: [7]),
        .init(input: #"{"a":[{"b":1,"b":2}]}"#, pointers: ["/a/0/b"], keys: ["b"], offsets: [13]),
        .init(input: #"[0,{"x":{"y":0,"z":0,"y":1,"y":2}}]"#, pointers: ["/1/x/y", "/1/x/y"], keys: ["y", "y"], offsets: [21, 27]),
        .init(input: #"{"a/b":0,"a/b":1,"~":{"":0,"":1}}"#, pointers: ["/a~1b", "/~0/"], keys: ["a/b", ""], offsets: [9, 27]),
        .init(input: #"{"a":{"k":1},"a":{"k":2,"k":3}}"#, pointers: ["/a", "/a/k"], keys: ["a", "k"], offsets: [13, 24]),
        .init(input: #"{"\u0061":1,"a":2}"#, pointers: ["/a"], keys: ["a"], offsets: [12]),
        // Canonically equivalent but different code points: not duplicates.
        .init(input: #"{"\u00e9":1,"e\u0301":2}"#, pointers: [], keys: [], offsets: []),
        .init(input: #"{"a":1,"A":2,"b":{"a":3}}"#, pointers: [], keys: [], offsets: []),
    ]

    @Test(arguments: duplicateCases)
    func reportsDuplicateKeys(_ testCase: Duplicates) throws {
        let document = try Self.read(testCase.input)
        #expect(document.duplicateKeys.map(\.pointer.description) == testCase.pointers)
        #expect(document.duplicateKeys.map(\.key) == testCase.keys)
        #expect(document.duplicateKeys.map(\.offset) == testCase.offsets)
    }

    @Test func keepsEveryDuplicateMemberInOrder() throws {
        let object = try #require(try Self.read(#"{"a":1,"b":2,"a":3}"#).root.objectValue)
        #expect(object.keys == ["a", "b", "a"])
        #expect(object["a"] == 1)
        #expect(object.members[2].value == 3)
    }

    @Test func findsDuplicatesInLargeObjects() throws {
        let members = (0..<100).map { #""k\#($0)":\#($0)"# } + [#""k57":0"#, #""k99":1"#, #""k\u00e9":1"#, #""ke\u0301":1"#]
        let document = try Self.read("{" + members.joined(separator: ",") + "}")
        #expect(document.duplicateKeys.map(\.key) == ["k57", "k99"])
        #expect(document.root.objectValue?.count == 104)
    }

    // MARK: Positions and messages

    @Test func errorsSayWhereAndWhat() throws {
        let error = try #require(Self.error(Array("{\n  \"a\": 1,\n}".utf8)))
        #expect(error.kind == .trailingComma)
        #expect((error.line, error.column, error.offset) == (2, 9, 10))
        #expect(error.description == "line 2, column 9 (byte 10): trailing comma before '}'; remove the comma")
    }

    @Test func columnsCountScalarsNotBytes() throws {
        let error = try #require(Self.error(Array("[\"é𝄞\", x]".utf8)))
        #expect((error.line, error.column, error.offset) == (1, 8, 11))
        #expect(error.message.contains("'x'"))
    }

    @Test func errorAtEndPointsPastTheLastByte() throws {
        let error = try #require(Self.error(Array("[\n1,\n2".utf8)))
        #expect(error.kind == .unexpectedEnd)
        #expect((error.line, error.column, error.offset) == (3, 2, 6))
    }

    @Test func errorsAreCodable() throws {
        let error = try #require(Self.error(Array("[1,]".utf8)))
        let copy = try StrictJSON.decode(JSONReadError.self, from: JSONEncoder().encode(error))
        #expect(copy == error)
    }

    // MARK: Limits

    @Test func depthLimitCountsNestedContainers() throws {
        let limits = JSONReader.Limits(maxDepth: 3, maxBytes: 1000)
        #expect(throws: Never.self) { try Self.read("[{\"a\":[1]}]", limits: limits) }
        let error = try #require(Self.error(Array("[{\"a\":[[1]]}]".utf8), limits: limits))
        #expect(error.kind == .depthLimitExceeded)
        #expect(error.offset == 7)
        #expect(JSONReader.Limits.default == JSONReader.Limits(maxDepth: 128, maxBytes: 16 * 1024 * 1024))
    }

    @Test func deepNestingTripsTheLimitInsteadOfTheStack() throws {
        for opener in ["[", "{\"a\":"] {
            let bytes = Array(String(repeating: opener, count: 100_000).utf8)
            let error = try #require(Self.error(bytes))
            #expect(error.kind == .depthLimitExceeded)
        }
        let nested = String(repeating: "[", count: 128) + String(repeating: "]", count: 128)
        #expect(throws: Never.self) { try Self.read(nested) }
        #expect(Self.error(Array(("[" + nested + "]").utf8))?.kind == .depthLimitExceeded)
    }

    @Test func sizeLimitFailsBeforeParsing() throws {
        let limits = JSONReader.Limits(maxDepth: 10, maxBytes: 8)
        #expect(throws: Never.self) { try Self.read("[1,2,3] ", limits: limits) }
        // Over the limit even though it is not JSON at all: nothing is parsed.
        let error = try #require(Self.error(Array("#########".utf8), limits: limits))
        #expect(error.kind == .sizeLimitExceeded)
        #expect(error.message.contains("9 bytes"))
    }

    @Test func readsNonContiguousCollections() throws {
        let bytes = Array(#"{"a":[1,"x"]}"#.utf8)
        let document = try JSONReader().read(bytes.lazy.map { $0 })
        #expect(document.root == ["a": [1, "x"]])
        #expect(try JSONReader().read(bytes[5...11]).root == [1, "x"])
    }

    // MARK: UTF-8

    struct BadUTF8: Sendable, CustomTestStringConvertible {
        var name: String
        var bytes: [UInt8]
        var testDescription: String { name }
    }

    static let invalidUTF8: [BadUTF8] = [
        .init(name: "stray continuation", bytes: [0x80]),
        .init(name: "overlong 2-byte slash", bytes: [0xC0, 0xAF]),
        .init(name: "overlong 2-byte C1", bytes: [0xC1, 0xBF]),
        .init(name: "overlong 3-byte", bytes: [0xE0, 0x80, 0xAF]),
        .init(name: "overlong 4-byte", bytes: [0xF0, 0x80, 0x80, 0xAF]),
        .init(name: "surrogate U+D800", bytes: [0xED, 0xA0, 0x80]),
        .init(name: "surrogate U+DFFF", bytes: [0xED, 0xBF, 0xBF]),
        .init(name: "above U+10FFFF", bytes: [0xF4, 0x90, 0x80, 0x80]),
        .init(name: "F5 lead", bytes: [0xF5, 0x80, 0x80, 0x80]),
        .init(name: "FF", bytes: [0xFF]),
        .init(name: "truncated 2-byte", bytes: [0xC3]),
        .init(name: "truncated 3-byte", bytes: [0xE2, 0x82]),
        .init(name: "truncated 4-byte", bytes: [0xF0, 0x9F, 0x98]),
        .init(name: "ASCII in continuation", bytes: [0xE2, 0x41, 0x82]),
        .init(name: "5-byte form", bytes: [0xF8, 0x88, 0x80, 0x80, 0x80]),
    ]

    @Test(arguments: invalidUTF8)
    func rejectsInvalidUTF8InStrings(_ testCase: BadUTF8) throws {
        let plain = Self.error(Array(#"[""#.utf8) + testCase.bytes + Array(#""]"#.utf8))
        #expect(plain?.kind == .invalidUTF8, "\(String(describing: plain))")
        #expect(plain?.offset == 2)
        // After an escape the slow path must check the same way.
        let escaped = Self.error(Array(#"["\n"#.utf8) + testCase.bytes + Array(#""]"#.utf8))
        #expect(escaped?.kind == .invalidUTF8, "\(String(describing: escaped))")
        #expect(escaped?.offset == 4)
        // Outside a string a non-ASCII byte is simply not JSON.
        #expect(Self.error(testCase.bytes) != nil)
    }

    @Test(arguments: [
        [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80],
        [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF],
    ] as [[UInt8]])
    func acceptsBoundaryUTF8(_ sequence: [UInt8]) throws {
        let document = try JSONReader().read([UInt8(ascii: "\"")] + sequence + [UInt8(ascii: "\"")])
        #expect(Array(try #require(document.root.stringValue).utf8) == sequence)
    }
}
