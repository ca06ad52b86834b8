import Foundation
import LearningContract
import LearningTestSupport
import Testing
import LearningFixtures

@Suite("JSON writer")
struct JSONWriterTests {
    // MARK: Random trees

    /// Builds a random value: every kind of string character (quotes, backslashes, controls,
    /// non-BMP, combining marks), grammar-valid number lexemes, nesting, duplicate keys.
    struct TreeGenerator {
        var random: SplitMix64

        static let scalars: [Unicode.Scalar] = [
            "a", "Z", "0", " ", "\"", "\\", "/", "\u{0}", "\u{1}", "\u{8}", "\u{9}", "\u{A}", "\u{C}", "\u{D}",
            "\u{1F}", "\u{7F}", "\u{80}", "é", "\u{301}", "€", "\u{2028}", "\u{FEFF}", "\u{FFFF}", "𝄞", "\u{10FFFF}",
        ]

        mutating func string() -> String {
            var text = String.UnicodeScalarView()
            for _ in 0..<random.below(8) { text.append(Self.scalars[random.below(Self.scalars.count)]) }
            return String(text)
        }

        mutating func digits(_ first: Bool) -> String {
            var text = first ? String(1 + random.below(9)) : String(random.below(10))
            for _ in 0..<random.below(4) { text += String(random.below(10)) }
            return text
        }

        mutating func lexeme() -> String {
            var text = random.chance(percent: 30) ? "-" : ""
            text += random.chance(percent: 20) ? "0" : digits(true)
            if random.chance(percent: 40) { text += "." + digits(false) }
            if random.chance(percent: 30) {
                text += ["e", "E"][random.below(2)] + ["", "+", "-"][random.below(3)] + digits(false)
            }
            return text
        }

        mutating func value(depth: Int) -> JSONValue {
            switch random.below(depth > 4 ? 4 : 7) {
            case 0: return .null
            case 1: return .bool(random.chance(percent: 50))
            case 2: return .number(JSONNumber(lexeme: lexeme()))
            case 3: return .string(string())
            case 4, 5:
                return .array((0..<random.below(5)).map { _ in value(depth: depth + 1) })
            default:
                var members: [JSONObject.Member] = []
                for _ in 0..<random.below(5) {
                    let key = random.chance(percent: 20) && !members.isEmpty ? members[0].key : string()
                    members.append(JSONObject.Member(key: key, value: value(depth: depth + 1)))
                }
                return .object(JSONObject(members))
            }
        }
    }

    @Test func randomTreesRoundTrip() throws {
        var generator = TreeGenerator(random: SplitMix64(seed: 0x5EED_0001))
        for _ in 0..<2_000 {
            let value = generator.value(depth: 0)
            for pretty in [false, true] {
                let text = value.serialized(pretty: pretty)
                let document = try JSONReader().read(Array(text.utf8))
                #expect(document.root == value, "\(text)")
                // Byte-exact as well: Swift String equality would forgive normalization changes.
                #expect(document.root.utf8Bytes == value.utf8Bytes)
            }
            #expect(value.utf8Bytes == Array(value.serialized().utf8))
        }
    }

    /// The expected effect of `sortedKeys`: members stably sorted by the UTF-8 bytes of their names.
    static func sortedByKey(_ value: JSONValue) -> JSONValue {
        switch value {
        case .array(let elements): return .array(elements.map(sortedByKey))
        case .object(let object):
            let members = object.members.enumerated().sorted { lhs, rhs in
                lhs.element.key == rhs.element.key
                    ? lhs.offset < rhs.offset : Array(lhs.element.key.utf8).lexicographicallyPrecedes(Array(rhs.element.key.utf8))
            }
            return .object(JSONObject(members.map { JSONObject.Member(key: $0.element.key, value: sortedByKey($0.element.value)) }))
        default: return value
        }
    }

    @Test func sortedKeysRoundTripToTheSameMembers() throws {
        var generator = TreeGenerator(random: SplitMix64(seed: 0x5EED_0002))
        for _ in 0..<300 {
            let value = generator.value(depth: 0)
            let text = value.serialized(sortedKeys: true)
            let sorted = try JSONReader().read(Array(text.utf8)).root
            #expect(sorted == Self.sortedByKey(value), "\(text)")
            #expect(try JSONReader().read(Array(value.serialized(pretty: true, sortedKeys: true).utf8)).root == sorted)
        }
    }

    // MARK: Escaping and layout

    @Test(arguments: [
        ("\"", #""\"""#), ("\\", #""\\""#), ("/", #""/""#), ("\n\r\t\u{8}\u{C}", #""\n\r\t\b\f""#),
        ("\u{0}\u{1F}\u{7F}", "\"\\u0000\\u001f\u{7F}\""), ("é𝄞\u{2028}", "\"é𝄞\u{2028}\""),
    ])
    func escapesMinimally(_ text: String, _ expected: String) {
        #expect(JSONValue.string(text).serialized() == expected)
    }

    @Test func writesNumbersByLexemeAndMembersInOrder() throws {
        let value = try JSONReader().read(Array(#"{"z":20.0,"a":1E+2,"m":-0,"z":1e400}"#.utf8)).root
        #expect(value.serialized() == #"{"z":20.0,"a":1E+2,"m":-0,"z":1e400}"#)
        #expect(value.serialized(sortedKeys: true) == #"{"a":1E+2,"m":-0,"z":20.0,"z":1e400}"#)
    }

    @Test func emptyContainersStayOnOneLine() {
        let value: JSONValue = ["a": [], "b": [:], "c": [[]]]
        #expect(value.serialized(pretty: true) == "{\n  \"a\": [],\n  \"b\": {},\n  \"c\": [\n    []\n  ]\n}")
    }

    static let goldenInput = #"""
        {"@odata.type":"#microsoft.graph.learningAssignment","assignedDateTime":"2021-05-11T22:57:17+00:00",
         "assignmentType":"required","completedDateTime":null,"completionPercentage":20.0,
         "dueDateTime":{"timeZone":"UTC","dateTime":"2022-09-22T16:05:00.0000000"},
         "notes":{"contentType":"text","content":"line 1\nline \"2\"\t\u0001 é 𝄞 \\"},
         "tags":[],"extra":{},"matrix":[[1,-0,1E+2],[true,false,null],[{"b":1,"a":2,"b":3}]],"Zeta":1e400,"_":""}
        """#

    @Test func prettyAndSortedOutputIsPinned() throws {
        let value = try JSONReader().read(Array(Self.goldenInput.utf8)).root
        let text = [
            "compact:", value.serialized(),
            "pretty:", value.serialized(pretty: true),
            "sortedKeys:", value.serialized(sortedKeys: true),
            "pretty+sortedKeys:", value.serialized(pretty: true, sortedKeys: true), "",
        ].joined(separator: "\n")
        #expect(Golden.check(text, named: "JSONWriter/serialized.txt", filePath: #filePath) == nil)
    }
}
