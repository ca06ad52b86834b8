import Foundation
import LearningContract
import Testing

@Suite("JSONValue Codable and StrictJSON")
struct JSONValueCodableTests {
    /// Member order on the wire is the encoder's business (corelibs' `JSONEncoder` does not keep it),
    /// so this checks the content, with `.sortedKeys` for a stable text.
    @Test func encodesThroughJSONEncoder() throws {
        let value = try JSONReader().read(Array(#"{"b":20,"a":[true,null,"x",2.5,-7],"c":{"z":1,"y":2}}"#.utf8)).root
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let encoded = String(decoding: try encoder.encode(value), as: UTF8.self)
        #expect(encoded == #"{"a":[true,null,"x",2.5,-7],"b":20,"c":{"y":2,"z":1}}"#)
        #expect(try JSONDecoder().decode(JSONValue.self, from: Data(encoded.utf8)).semanticallyEquals(value))
    }

    @Test func integerLexemesBecomeInt64AndTheRestDouble() throws {
        let value = try JSONReader().read(Array("[20,20.0,9223372036854775807,1E+2]".utf8)).root
        let encoded = String(decoding: try JSONEncoder().encode(value), as: UTF8.self)
        #expect(encoded == "[20,20,9223372036854775807,100]")
    }

    @Test func decodesBoolBeforeNumber() throws {
        let decoded = try JSONDecoder().decode(JSONValue.self, from: Data(#"{"t":true,"one":1,"f":0.5,"n":null,"s":"1","a":[false]}"#.utf8))
        let object = try #require(decoded.objectValue)
        #expect(object["t"] == .bool(true))
        #expect(object["one"] == .number(JSONNumber(lexeme: "1")))
        #expect(object["f"]?.numberValue?.doubleValue == 0.5)
        #expect(object["n"] == .null)
        #expect(object["s"] == .string("1"))
        #expect(object["a"] == [false])
    }

    @Test func roundTripsThroughCodableInsideOtherTypes() throws {
        struct Wrapper: Codable, Equatable { var name: String; var body: JSONValue }
        let wrapper = Wrapper(name: "x", body: ["a": [1, "b", nil, true], "c": [:]])
        let copy = try JSONDecoder().decode(Wrapper.self, from: JSONEncoder().encode(wrapper))
        #expect(copy.body.semanticallyEquals(wrapper.body))
        #expect(copy.name == "x")
    }

    struct Fixture: Decodable, Equatable { var id: String; var count: Int }

    @Test func strictDecodeReadsValidFiles() throws {
        let fixture = try StrictJSON.decode(Fixture.self, from: Array(#"{"id":"a","count":2}"#.utf8))
        #expect(fixture == Fixture(id: "a", count: 2))
    }

    @Test(arguments: [
        (#"{"id":"a","count":2,}"#, JSONReadError.Kind.trailingComma),
        ("\u{FEFF}" + #"{"id":"a","count":2}"#, .byteOrderMark),
        (#"{"id":"a","count":2"#, .unexpectedEnd),
    ])
    func strictDecodeRejectsWhatFoundationForgives(_ text: String, _ kind: JSONReadError.Kind) {
        #expect {
            try StrictJSON.decode(Fixture.self, from: Array(text.utf8))
        } throws: { ($0 as? JSONReadError)?.kind == kind }
    }

    @Test func strictDecodeRejectsDuplicateKeys() {
        #expect(throws: StrictJSONError.duplicateKey("/count")) {
            try StrictJSON.decode(Fixture.self, from: Array(#"{"id":"a","count":2,"count":3}"#.utf8))
        }
    }

    @Test func strictDecodePassesDecodingErrorsThrough() {
        #expect(throws: DecodingError.self) {
            try StrictJSON.decode(Fixture.self, from: Array(#"{"id":"a"}"#.utf8))
        }
    }

    @Test func strictDecodeHonoursLimits() {
        #expect {
            try StrictJSON.decode([[Int]].self, from: Array("[[1]]".utf8), limits: .init(maxDepth: 1))
        } throws: { ($0 as? JSONReadError)?.kind == .depthLimitExceeded }
    }
}
