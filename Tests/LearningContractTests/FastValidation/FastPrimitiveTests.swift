import Foundation
@testable import LearningContract
import Testing
import LearningFixtures

/// The byte-level building blocks against the reporting path's own definitions.
@Suite("FastValidator: primitives")
struct FastPrimitiveTests {
    static func dateInputs() -> [String] {
        var inputs = [
            "2021-05-11T22:57:17+00:00", "2021-05-11T22:57:17Z", "2021-05-11T22:57:17.1234567Z", "2021-05-11T22:57:17.1234567890123Z",
            "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2000-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "123456789-01-01T00:00:00Z",
            "2021-05-11T22:57:17+23:59", "2021-05-11T22:57:17+24:00", "2021-05-11T22:57:17", "2022-09-22T16:05:00.0000000",
            "2022-09-22T16:05:00.00000000", "PT20M", "P1Y2M3W4DT5H6M7.5S", "-P1D", "P", "PT", "P1.5D", "PT1.5M", "P1M1Y", "PT1H1H",
            "", "T", "2021-05-1", "2021-05-11T", "2021-05-11T22:57:17.Z", "21-05-11T22:57:17Z", "2021-05-11T22:57:17+0000",
        ]
        var random = SplitMix64(seed: 9)
        let alphabet = Array("0123456789-:.TZPYMWDHS+ ")
        for _ in 0..<3_000 {
            var text = inputs[random.below(inputs.count)]
            for _ in 0..<(1 + random.below(2)) where !text.isEmpty {
                var characters = Array(text)
                let at = random.below(characters.count)
                if random.chance(percent: 50) { characters[at] = alphabet[random.below(alphabet.count)] } else { characters.remove(at: at) }
                text = String(characters)
            }
            inputs.append(text)
        }
        return inputs
    }

    @Test func dateChecksMatchDateTimeFormat() {
        for text in Self.dateInputs() {
            let bytes = Array(text.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let p = buffer.baseAddress ?? UnsafePointer(bitPattern: 1)!
                #expect(FastDateTime.isDateTimeOffset(p, bytes.count) == DateTimeFormat.isDateTimeOffset(text), "\(text)")
                #expect(FastDateTime.isLocalDateTime(p, bytes.count) == DateTimeFormat.isLocalDateTime(text), "\(text)")
                #expect(FastDateTime.isDuration(p, bytes.count) == DateTimeFormat.isDuration(text), "\(text)")
            }
        }
    }

    @Test(arguments: [
        "0", "-0", "20", "20.0", "2e1", "2E+1", "200e-1", "20.5", "1e400", "1e-400", "0e999999", "-0.0e-0", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "922337203685477580.7e1", "0.000001e6",
        "123456789012345678901234567890", "1.0000000000000000000000001", "100.000", "1e19", "1e18", "-1e18", "12.34e2", "12.345e2",
    ])
    func integerValuesMatchJSONNumber(_ lexeme: String) {
        let bytes = Array(lexeme.utf8)
        let value: Int64? = bytes.withUnsafeBufferPointer { buffer in
            var spans = [Int](repeating: 0, count: 2)
            return spans.withUnsafeMutableBufferPointer { spanBuffer in
                let pass = FastPass(
                    base: buffer.baseAddress!, count: bytes.count, tables: FastTableStorage(builder: FastTableBuilder(rules: .standard())).view,
                    maxDepth: 128, versionIndex: 0, spans: spanBuffer.baseAddress!, spanCapacity: 1, bodyConfirmed: true,
                    strictMask: 0, discriminator: FastByteRange(offset: 0, length: 1))
                return pass.integerValue(from: 0, to: bytes.count)
            }
        }
        #expect(value == JSONNumber(lexeme: lexeme).integerValue)
    }
}
