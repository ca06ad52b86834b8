import LearningContract
import Testing

/// Member names are looked up byte for byte: to JSON (RFC 8259 §8.3 compares names code unit by code unit) two
/// names that Swift's `String ==` calls equal by canonical equivalence are different members.
struct JSONObjectKeyTests {
    static let pairs: [(stored: String, asked: String)] = [
        ("caf\u{E9}", "cafe\u{301}"),   // precomposed é vs e + combining acute
        ("\u{C5}", "\u{212B}"),         // Å vs the Angstrom sign
        ("K", "\u{212A}"),              // K vs the Kelvin sign
    ]

    @Test(arguments: pairs.map { [$0.stored, $0.asked] })
    func canonicallyEqualNamesAreDifferentMembers(_ names: [String]) {
        var object: JSONObject = [names[0]: .string("stored")]
        #expect(object[names[0]]?.stringValue == "stored")
        #expect(object[names[1]] == nil)
        object[names[1]] = .string("other")
        #expect(object.count == 2)
        #expect(object[names[0]]?.stringValue == "stored")
        #expect(object[names[1]]?.stringValue == "other")
    }

    @Test(arguments: pairs.map { [$0.stored, $0.asked] })
    func readerKeepsCanonicallyEqualNamesAsDistinctMembers(_ names: [String]) throws {
        // Over 32 members the reader checks duplicates through a set: it must be a set of bytes, not of Strings.
        var members = (0..<40).map { "\"m\($0)\": \($0)" }
        members.append("\"\(names[0])\": 1")
        members.append("\"\(names[1])\": 2")
        let document = try JSONReader().read(Array("{\(members.joined(separator: ","))}".utf8))
        #expect(document.root.objectValue?.count == 42)
        #expect(document.root[names[1]]?.numberValue?.integerValue == 2)
    }
}
