import Foundation
import LearningContract
import Testing
import LearningFixtures

/// Mutation fuzzing of the strict reader. Deterministic: `LEARNING_FUZZ_SEED` (default below) and
/// `LEARNING_FUZZ_ITERATIONS` (default 5,000; `Tests/Scripts/fuzz-json.sh` runs 1,000,000 in release).
@Suite("JSON fuzz")
struct JSONFuzzTests {
    static var iterations: Int {
        ProcessInfo.processInfo.environment["LEARNING_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 5_000
    }

    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["LEARNING_FUZZ_SEED"].flatMap { UInt64($0) } ?? 0x4A53_4F4E_2026
    }

    /// Bytes that change JSON structure, plus the bytes that break UTF-8.
    static let significant: [[UInt8]] = [
        [0x7B], [0x7D], [0x5B], [0x5D], [0x2C], [0x3A], [0x22], [0x5C], [0x30], [0x31], [0x39], [0x65], [0x45],
        [0x2D], [0x2B], [0x2E], [0x20], [0x0A], [0x09], [0x00], [0xFF], [0xC0], [0x80], [0xED, 0xA0, 0x80],
        [0xF4, 0x90], [0xEF, 0xBB, 0xBF], Array(#"\u"#.utf8), Array(#"\uD800"#.utf8), Array(#"\uDC00"#.utf8),
        Array("null".utf8), Array("1e400".utf8), Array(#""a":1,"#.utf8),
    ]

    static func mutate(_ input: [UInt8], _ random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<(1 + random.below(3)) {
            let position = random.below(bytes.count + 1)
            switch random.below(6) {
            case 0 where !bytes.isEmpty:  // flip one bit
                let at = min(position, bytes.count - 1)
                bytes[at] ^= UInt8(1) << UInt8(random.below(8))
            case 1 where !bytes.isEmpty:  // overwrite with a random byte
                bytes[min(position, bytes.count - 1)] = UInt8(truncatingIfNeeded: random.next())
            case 2:  // insert a significant byte sequence
                bytes.insert(contentsOf: significant[random.below(significant.count)], at: position)
            case 3:  // delete a span
                let length = min(1 + random.below(8), bytes.count - position)
                bytes.removeSubrange(position..<(position + length))
            case 4:  // truncate
                bytes.removeSubrange(position...)
            default:  // duplicate a span somewhere else
                guard !bytes.isEmpty else { continue }
                let start = random.below(bytes.count)
                let span = Array(bytes[start..<min(bytes.count, start + 1 + random.below(24))])
                bytes.insert(contentsOf: span, at: random.below(bytes.count + 1))
            }
        }
        return bytes
    }

    static func hasNonFiniteNumber(_ value: JSONValue) -> Bool {
        switch value {
        case .number(let number): !number.doubleValue.isFinite
        case .array(let elements): elements.contains(where: hasNonFiniteNumber)
        case .object(let object): object.members.contains { hasNonFiniteNumber($0.value) }
        default: false
        }
    }

    /// Checks one input; returns a failure message, or nil.
    static func check(_ bytes: [UInt8], differential: Bool) -> (accepted: Bool, kind: JSONReadError.Kind?, failure: String?) {
        let reader = JSONReader()
        let document: JSONDocument
        do {
            document = try reader.read(bytes)
        } catch {
            guard error.offset >= 0 && error.offset <= bytes.count, error.line >= 1, error.column >= 1,
                !error.message.isEmpty
            else { return (false, error.kind, "error out of range: \(error)") }
            // The non-contiguous path must agree exactly.
            do {
                _ = try reader.read(bytes.lazy.map { $0 })
                return (false, error.kind, "non-contiguous read accepted what the contiguous read rejected")
            } catch let again {
                if again != error { return (false, error.kind, "non-contiguous read differs: \(again) vs \(error)") }
            }
            return (false, error.kind, nil)
        }
        for pretty in [false, true] {
            let text = document.root.serialized(pretty: pretty)
            guard let reread = try? reader.read(Array(text.utf8)) else {
                return (true, nil, "re-serialized document does not re-read: \(text)")
            }
            if reread.root != document.root { return (true, nil, "re-read value differs: \(text)") }
            if reread.duplicateKeys.map(\.pointer) != document.duplicateKeys.map(\.pointer) {
                return (true, nil, "re-read duplicates differ: \(text)")
            }
        }
        if differential && !hasNonFiniteNumber(document.root) {
            // Whatever we accept, Foundation must accept too (it rejects numbers beyond Double, which we keep).
            if (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) == nil {
                return (true, nil, "accepted, but JSONSerialization rejects it")
            }
        }
        return (true, nil, nil)
    }

    static func describe(_ bytes: [UInt8]) -> String {
        bytes.map { $0 >= 0x20 && $0 < 0x7F && $0 != 0x5C ? String(UnicodeScalar($0)) : "\\x" + String($0, radix: 16) }.joined()
    }

    @Test func mutatedPayloadsNeverCrashAndRoundTrip() {
        var random = SplitMix64(seed: Self.seed)
        let seeds = JSONFuzzSeeds.all.map { Array($0.utf8) }
        var accepted = 0
        var kinds: Set<JSONReadError.Kind> = []
        var failures = 0
        for iteration in 0..<Self.iterations {
            let input = Self.mutate(seeds[random.below(seeds.count)], &random)
            let outcome = Self.check(input, differential: true)
            if outcome.accepted { accepted += 1 }
            if let kind = outcome.kind { kinds.insert(kind) }
            if let failure = outcome.failure {
                failures += 1
                Issue.record("case \(iteration) (seed \(Self.seed)): \(failure)\ninput: \(Self.describe(input))")
                if failures >= 10 { break }
            }
        }
        // Both outcomes must actually occur, or the fuzzer tests nothing.
        #expect(accepted > Self.iterations / 50, "accepted \(accepted) of \(Self.iterations)")
        #expect(accepted < Self.iterations, "accepted everything")
        if Self.iterations >= 5_000 {
            let expected: Set<JSONReadError.Kind> = [
                .unexpectedEnd, .unexpectedByte, .trailingComma, .invalidNumber, .invalidEscape,
                .invalidUnicode, .controlCharacterInString, .trailingContent, .invalidUTF8,
            ]
            #expect(expected.subtracting(kinds).isEmpty, "never produced: \(expected.subtracting(kinds))")
        }
    }

    @Test func seedsAreValidAndFoundationAgrees() throws {
        for seed in JSONFuzzSeeds.all {
            let outcome = Self.check(Array(seed.utf8), differential: true)
            #expect(outcome.accepted && outcome.failure == nil, "\(outcome)")
        }
    }

    @Test func randomBytesNeverCrash() {
        var random = SplitMix64(seed: Self.seed ^ 0xFFFF)
        for _ in 0..<(Self.iterations / 5) {
            let input = (0..<random.below(64)).map { _ in
                random.chance(percent: 70) ? Self.significant[random.below(Self.significant.count)][0] : UInt8(truncatingIfNeeded: random.next())
            }
            let outcome = Self.check(input, differential: true)
            #expect(outcome.failure == nil, "\(Self.describe(input)): \(outcome.failure ?? "")")
        }
    }
}
