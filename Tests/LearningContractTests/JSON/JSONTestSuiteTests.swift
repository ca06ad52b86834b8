import Foundation
import LearningContract
import Testing
import LearningTestSupport

/// Nicolas Seriot's JSONTestSuite (commit in Tests/Fixtures/JSONTestSuite/COMMIT, MIT licence):
/// `y_` must parse, `n_` must be rejected, `i_` is implementation-defined and pinned below.
@Suite("JSONTestSuite")
struct JSONTestSuiteTests {
    static let directory = Repository.fixtures.appendingPathComponent("JSONTestSuite/test_parsing")

    static func files(prefix: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted()
    }

    static func bytes(_ name: String) -> [UInt8] {
        (try? Data(contentsOf: directory.appendingPathComponent(name))).map { [UInt8]($0) } ?? []
    }

    @Test func corpusIsPresent() {
        #expect(Self.files(prefix: "y_").count == 95)
        #expect(Self.files(prefix: "n_").count == 188)
        #expect(Self.files(prefix: "i_").count == Self.implementationDefined.count)
    }

    @Test(arguments: files(prefix: "y_"))
    func acceptsEveryValidDocument(_ name: String) {
        #expect(throws: Never.self) { try JSONReader().read(Self.bytes(name)) }
    }

    @Test(arguments: files(prefix: "n_"))
    func rejectsEveryInvalidDocument(_ name: String) {
        let bytes = Self.bytes(name)
        do {
            let document = try JSONReader().read(bytes)
            Issue.record("accepted \(name): \(document.root.serialized())")
        } catch {
            #expect(error.offset >= 0 && error.offset <= bytes.count, "\(error)")
        }
    }

    /// Our decision for each implementation-defined case: `nil` = accepted, else the error kind.
    /// Numbers are grammar-valid (kept by lexeme); everything a Swift `String` cannot hold
    /// faithfully (lone surrogates, invalid UTF-8, UTF-16) is rejected; so is a BOM and nesting past 128.
    static let implementationDefined: [String: JSONReadError.Kind?] = [
        "i_number_double_huge_neg_exp.json": nil,
        "i_number_huge_exp.json": nil,
        "i_number_neg_int_huge_exp.json": nil,
        "i_number_pos_double_huge_exp.json": nil,
        "i_number_real_neg_overflow.json": nil,
        "i_number_real_pos_overflow.json": nil,
        "i_number_real_underflow.json": nil,
        "i_number_too_big_neg_int.json": nil,
        "i_number_too_big_pos_int.json": nil,
        "i_number_very_big_negative_int.json": nil,
        "i_object_key_lone_2nd_surrogate.json": .invalidUnicode,
        "i_string_1st_surrogate_but_2nd_missing.json": .invalidUnicode,
        "i_string_1st_valid_surrogate_2nd_invalid.json": .invalidUnicode,
        "i_string_UTF-16LE_with_BOM.json": .byteOrderMark,
        "i_string_UTF-8_invalid_sequence.json": .invalidUTF8,
        "i_string_UTF8_surrogate_U+D800.json": .invalidUTF8,
        "i_string_incomplete_surrogate_and_escape_valid.json": .invalidUnicode,
        "i_string_incomplete_surrogate_pair.json": .invalidUnicode,
        "i_string_incomplete_surrogates_escape_valid.json": .invalidUnicode,
        "i_string_invalid_lonely_surrogate.json": .invalidUnicode,
        "i_string_invalid_surrogate.json": .invalidUnicode,
        "i_string_invalid_utf-8.json": .invalidUTF8,
        "i_string_inverted_surrogates_U+1D11E.json": .invalidUnicode,
        "i_string_iso_latin_1.json": .invalidUTF8,
        "i_string_lone_second_surrogate.json": .invalidUnicode,
        "i_string_lone_utf8_continuation_byte.json": .invalidUTF8,
        "i_string_not_in_unicode_range.json": .invalidUTF8,
        "i_string_overlong_sequence_2_bytes.json": .invalidUTF8,
        "i_string_overlong_sequence_6_bytes.json": .invalidUTF8,
        "i_string_overlong_sequence_6_bytes_null.json": .invalidUTF8,
        "i_string_truncated-utf-8.json": .invalidUTF8,
        "i_string_utf16BE_no_BOM.json": .unexpectedByte,
        "i_string_utf16LE_no_BOM.json": .unexpectedByte,
        "i_structure_500_nested_arrays.json": .depthLimitExceeded,
        "i_structure_UTF-8_BOM_empty_object.json": .byteOrderMark,
    ]

    @Test(arguments: files(prefix: "i_"))
    func implementationDefinedCasesAsDecided(_ name: String) {
        guard let decision = Self.implementationDefined[name] else {
            Issue.record("no decision recorded for \(name)")
            return
        }
        do {
            _ = try JSONReader().read(Self.bytes(name))
            #expect(decision == nil, "\(name) was accepted, expected \(String(describing: decision))")
        } catch {
            #expect(decision == error.kind, "\(name): \(error)")
        }
    }

    @Test func fiveHundredNestedArraysParseWithAHigherLimit() throws {
        let document = try JSONReader(limits: .init(maxDepth: 500)).read(Self.bytes("i_structure_500_nested_arrays.json"))
        var depth = 0
        var value = document.root
        while case .array(let elements) = value { depth += 1; value = elements.first ?? .null }
        #expect(depth == 500)
    }
}
