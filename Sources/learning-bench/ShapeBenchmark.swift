import Foundation
import LearningContract
import LearningFixtures

/// `learning-bench validator --shapes` and `--members`: the validator's throughput per named body shape (no shape
/// may be much slower than the others), and the reporting path's time against the number of members.
enum ShapeBenchmark {
    static func run(perShape: Int, seed: UInt64, runs: Int) {
        let contract = Contract()
        let fast = FastValidator(contract: contract)
        print("per shape: \(perShape) bodies each (longNotes: \(max(perShape / 50, 100))), seed \(seed), median of \(runs), CPU time, one thread")
        print("  shape                         bytes/body  verdict bodies/s     MB/s   ns/byte   undecided   validateFast bodies/s")
        var perByte: [(shape: SyntheticCorpus.Shape, nanoseconds: Double)] = []
        var sink = 0
        for shape in SyntheticCorpus.Shape.allCases {
            let count = shape == .longNotes ? max(perShape / 50, 100) : perShape
            let payloads = (0..<count).map { SyntheticCorpus.payload(shape, seed: seed &+ UInt64($0) &* 0x9E37_79B9_7F4A_7C15) }
            let corpus = CorpusBuffer(name: shape.rawValue, payloads: payloads)
            var undecided = 0
            corpus.forEach { if fast.triage($0, operation: .createActivity) == .undetermined { undecided += 1 } }
            // The boolean verdict (what `validate --summary` and the comparison with jsonschema-rs use).
            let seconds = ValidatorBenchmark.medianCPUSeconds(runs: runs) {
                corpus.forEach { if contract.isValidFast($0, operation: .createActivity, using: fast) { sink &+= 1 } }
            }
            // With a full report for every body whose report isn't empty (`validate`, `--format json`, the emulator).
            let reportSeconds = ValidatorBenchmark.medianCPUSeconds(runs: runs) {
                corpus.forEach { if contract.validateFast($0, operation: .createActivity, using: fast).isValid { sink &+= 1 } }
            }
            let nanoseconds = seconds * 1e9 / Double(corpus.totalBytes)
            perByte.append((shape, nanoseconds))
            print("  " + shape.rawValue.padding(toLength: 30, withPad: " ", startingAt: 0)
                + String(format: "%10d %16.0f %8.1f %9.3f %11d %23.0f", corpus.totalBytes / corpus.count, Double(count) / seconds,
                         Double(corpus.totalBytes) / 1e6 / seconds, nanoseconds, undecided, Double(count) / reportSeconds))
        }
        let sorted = perByte.sorted { $0.nanoseconds < $1.nanoseconds }
        let median = sorted[sorted.count / 2].nanoseconds
        let slowest = sorted.last!
        print(String(format: "slowest shape per byte: %@ at %.3f ns/byte, %.2f× the median shape (%.3f ns/byte)",
                     slowest.shape.rawValue, slowest.nanoseconds, slowest.nanoseconds / median, median))
        if sink == -1 { print(sink) }
    }

    /// One self-initiated body with `count` undeclared `@` members (annotations, which the contract allows), and
    /// the same with one duplicate name, through the reporting path: linear time means the time per member stays flat.
    static func members(_ counts: [Int], runs: Int) {
        let contract = Contract()
        print("members: reporting path (Contract.validate) on one body, median of \(runs), CPU time, one thread")
        print("  members        bytes   valid body s   µs/member   with one duplicate s   µs/member")
        for count in counts {
            func body(duplicate: Bool) -> [UInt8] {
                var text = ##"{"@odata.type":"#microsoft.graph.learningSelfInitiatedCourse","learningContentId":"c","learnerUserId":"u","learningProviderId":"p","status":"inProgress""##
                for i in 0..<count { text += ",\"m\(i)@x\":\(i)" }
                if duplicate { text += ",\"m0@x\":0" }
                return Array((text + "}").utf8)
            }
            let plain = body(duplicate: false)
            let repeated = body(duplicate: true)
            var sink = 0
            let plainSeconds = ValidatorBenchmark.medianCPUSeconds(runs: runs) {
                if contract.validate(plain, operation: .createActivity).isValid { sink &+= 1 }
            }
            let repeatedSeconds = ValidatorBenchmark.medianCPUSeconds(runs: runs) {
                if contract.validate(repeated, operation: .createActivity).isValid { sink &+= 1 }
            }
            print(String(format: "  %7d %12d %14.4f %11.3f %22.4f %11.3f", count, plain.count, plainSeconds, plainSeconds * 1e6 / Double(count),
                         repeatedSeconds, repeatedSeconds * 1e6 / Double(count)))
            if sink == -1 { print(sink) }
        }
    }
}
