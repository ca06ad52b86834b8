import Foundation
import LearningContract

/// Writes a corpus as JSON Lines for the jsonschema-rs comparison, with our verdict for every line beside it.
enum CorpusFiles {
    /// `<dir>/<name>.jsonl` (one payload per line) and `<dir>/<name>.verdicts.tsv`:
    /// `valid(1/0) TAB mutation TAB first violation kind TAB its rule id TAB its detail`. The verdict is the fast
    /// path's (`isValidFast`); the report's must be the same, or this throws.
    static func write(_ corpus: CorpusBuffer, to directory: URL, contract: Contract) throws {
        let fast = FastValidator(contract: contract)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var lines = Data()
        lines.reserveCapacity(corpus.totalBytes + corpus.count)
        var verdicts = ""
        for i in 0..<corpus.count {
            let payload = corpus.payload(i)
            lines.append(contentsOf: payload)
            lines.append(0x0A)
            let report = contract.validate(payload, operation: .createActivity)
            let fastValid = payload.withUnsafeBytes { contract.isValidFast($0, operation: .createActivity, using: fast) }
            guard fastValid == report.isValid else { throw Disagreement(line: i + 1) }
            let first = report.violations.first
            let detail = (first?.detail ?? "").replacingOccurrences(of: "\t", with: " ").replacingOccurrences(of: "\n", with: " ")
            verdicts += "\(fastValid ? 1 : 0)\t\(corpus.label(i))\t\(first?.kind.rawValue ?? "-")\t\(first?.ruleID ?? "-")\t\(detail.prefix(160))\n"
        }
        try lines.write(to: directory.appendingPathComponent("\(corpus.name).jsonl"))
        try Data(verdicts.utf8).write(to: directory.appendingPathComponent("\(corpus.name).verdicts.tsv"))
    }

    struct Disagreement: Error, CustomStringConvertible {
        var line: Int
        var description: String { "the fast path and the report path disagree on line \(line)" }
    }

    /// Repeats the corpus into a JSON Lines file of about `bytes` bytes, streaming (never all in memory).
    static func writeLarge(_ corpus: CorpusBuffer, to path: String, bytes target: Int) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { try? handle.close() }
        var written = 0
        var block = Data()
        var i = 0
        while written < target {
            block.append(contentsOf: corpus.payload(i % corpus.count))
            block.append(0x0A)
            i += 1
            if block.count >= 4 << 20 {
                try handle.write(contentsOf: block)
                written += block.count
                block.removeAll(keepingCapacity: true)
            }
        }
        if !block.isEmpty { try handle.write(contentsOf: block) }
    }
}
