import Foundation
import LearningContract
import LearningFixtures

/// `learning-bench validator`: the fast validator against the reporting path and plain parsers, on seeded corpora
/// the benchmark generates itself. One thread, CPU time, median of `--runs`. Build with `swift build -c release`.
enum ValidatorBenchmark {
    static let usage = """
        usage: learning-bench validator [--small N] [--large N] [--mixed N] [--invalid N] [--seed S] [--runs R]
                                        [--corpus-out DIR] [--paths fast,triage,validateFast,report,reader,serialization]
               learning-bench validator --shapes [--per-shape N] [--seed S] [--runs R]
               learning-bench validator --members 10000,20000,40000,80000 [--runs R]
               learning-bench validator --write-jsonl FILE [--megabytes M] [--seed S]
               learning-bench validator --stream FILE [--chunk-kib K] [--summary]
        Defaults: --small 200000 --large 2000 --mixed 0 --invalid 0 --per-shape 20000 --seed 1 --runs 5 --megabytes 1024.
        --mixed: every named shape (SyntheticCorpus.Shape) equally often, longNotes 1 in 200.
        --invalid: the invalid shapes only, equally often (the reporting path's worst case).
        --shapes: throughput of each shape alone, and the slowest against the median, per byte.
        --members: one body with N undeclared `@` members (and one with a duplicate), through the reporting path.
        """

    struct Options {
        var small = 200_000
        var large = 2_000
        var seed: UInt64 = 1
        var runs = 5
        var corpusOut: String?
        var paths: Set<String> = ["fast", "triage", "validateFast", "report", "reader", "serialization"]
        var writeJSONL: String?
        var megabytes = 1024
        var stream: String?
        var chunkKiB = 1024
        var summary = false
        var mixed = 0
        var invalid = 0
        var shapes = false
        var perShape = 20_000
        var members: [Int] = []
    }

    static func run(arguments: [String]) -> Int32 {
        if arguments.contains("--help") || arguments.contains("-h") {
            print(usage)
            return 0
        }
        guard let options = parse(arguments) else {
            FileHandle.standardError.write(Data((usage + "\n").utf8))
            return 2
        }
        do {
            if let path = options.writeJSONL {
                let corpus = CorpusBuffer(name: "small", payloads: SyntheticCorpus(size: .small, seed: options.seed).generate(count: 20_000))
                try CorpusFiles.writeLarge(corpus, to: path, bytes: options.megabytes << 20)
                print("wrote \(path): about \(options.megabytes) MiB of JSON Lines (seed \(options.seed))")
                return 0
            }
            if let path = options.stream { return try stream(path, chunkKiB: options.chunkKiB, summary: options.summary) }
            if options.shapes {
                ShapeBenchmark.run(perShape: options.perShape, seed: options.seed, runs: options.runs)
                return 0
            }
            if !options.members.isEmpty {
                ShapeBenchmark.members(options.members, runs: options.runs)
                return 0
            }
            let contract = Contract()
            var corpora: [(String, () -> [SyntheticCorpus.Payload])] = []
            for (size, count) in [(SyntheticCorpus.Size.small, options.small), (.large, options.large)] where count > 0 {
                corpora.append((size.rawValue, { SyntheticCorpus(size: size, seed: options.seed).generate(count: count) }))
            }
            if options.mixed > 0 {
                corpora.append(("mixed", { SyntheticCorpus.shapes(count: options.mixed, seed: options.seed) }))
            }
            if options.invalid > 0 {
                corpora.append(("invalid", {
                    let invalid = SyntheticCorpus.Shape.allCases.filter { !$0.isValid }
                    var random = SplitMix64(seed: options.seed)
                    return (0..<options.invalid).map { i in
                        SyntheticCorpus.payload(random.pick(invalid), seed: options.seed &+ UInt64(i) &* 0x9E37_79B9_7F4A_7C15)
                    }
                }))
            }
            for (name, make) in corpora {
                let corpus = CorpusBuffer(name: name, payloads: make())
                if let directory = options.corpusOut {
                    try CorpusFiles.write(corpus, to: URL(fileURLWithPath: directory), contract: contract)
                }
                measure(corpus, contract: contract, options: options)
            }
            print(String(format: "peak RSS (whole process, corpora included): %.1f MiB", peakRSSMiB()))
            return 0
        } catch {
            FileHandle.standardError.write(Data("learning-bench validator: \(error)\n".utf8))
            return 1
        }
    }

    static func parse(_ arguments: [String]) -> Options? {
        var options = Options()
        var i = 0
        func value() -> String? {
            i += 1
            return i < arguments.count ? arguments[i] : nil
        }
        while i < arguments.count {
            switch arguments[i] {
            case "--small": guard let v = value().flatMap(Int.init), v >= 0 else { return nil }; options.small = v
            case "--large": guard let v = value().flatMap(Int.init), v >= 0 else { return nil }; options.large = v
            case "--seed": guard let v = value().flatMap(UInt64.init) else { return nil }; options.seed = v
            case "--runs": guard let v = value().flatMap(Int.init), v > 0 else { return nil }; options.runs = v
            case "--corpus-out": guard let v = value() else { return nil }; options.corpusOut = v
            case "--paths": guard let v = value() else { return nil }; options.paths = Set(v.split(separator: ",").map(String.init))
            case "--write-jsonl": guard let v = value() else { return nil }; options.writeJSONL = v
            case "--megabytes": guard let v = value().flatMap(Int.init), v > 0 else { return nil }; options.megabytes = v
            case "--stream": guard let v = value() else { return nil }; options.stream = v
            case "--summary": options.summary = true
            case "--mixed": guard let v = value().flatMap(Int.init), v >= 0 else { return nil }; options.mixed = v
            case "--invalid": guard let v = value().flatMap(Int.init), v >= 0 else { return nil }; options.invalid = v
            case "--shapes": options.shapes = true
            case "--per-shape": guard let v = value().flatMap(Int.init), v > 0 else { return nil }; options.perShape = v
            case "--members":
                guard let v = value() else { return nil }
                let counts = v.split(separator: ",").compactMap { Int($0) }
                guard !counts.isEmpty, counts.allSatisfy({ $0 > 0 }) else { return nil }
                options.members = counts
            case "--chunk-kib": guard let v = value().flatMap(Int.init), v > 0 else { return nil }; options.chunkKiB = v
            default: return nil
            }
            i += 1
        }
        return options
    }

    // MARK: - Corpus measurements

    static func measure(_ corpus: CorpusBuffer, contract: Contract, options: Options) {
        let fast = FastValidator(contract: contract)
        var validByReport = 0
        var fastValid = 0
        var settled = 0
        var undetermined: [String: Int] = [:]
        var position = 0
        corpus.forEach { payload in
            if contract.validate(payload, operation: .createActivity).isValid { validByReport += 1 }
            let triage = fast.triage(payload, operation: .createActivity)
            if triage == .valid { fastValid += 1 }
            if triage != .undetermined { settled += 1 } else { undetermined[corpus.label(position), default: 0] += 1 }
            position += 1
        }
        let megabytes = Double(corpus.totalBytes) / 1_000_000
        print("")
        print("corpus \(corpus.name): \(corpus.count) payloads, \(String(format: "%.1f", megabytes)) MB, "
            + "average \(corpus.totalBytes / max(corpus.count, 1)) B, seed \(options.seed); "
            + "\(percent(validByReport, corpus.count)) valid; fast path: \(percent(fastValid, corpus.count)) valid, "
            + "\(percent(settled, corpus.count)) settled without a report")
        if !undetermined.isEmpty {
            print("  left to the report: " + undetermined.sorted { $0.value > $1.value }.map { "\($0.key) \($0.value)" }.joined(separator: ", "))
        }
        print("  path                                           payloads/s        MB/s   (median of \(options.runs), CPU time, one thread)")
        var sink = 0
        let data = options.paths.contains("serialization") ? (0..<corpus.count).map { Data(corpus.payload($0)) } : []
        let rows: [(key: String, label: String, body: () -> Void)] = [
            ("fast", "fast verdict (valid / needsReport)", {
                corpus.forEach { if fast.verdict($0, operation: .createActivity) == .valid { sink &+= 1 } }
            }),
            ("triage", "fast + report when undetermined (boolean)", {
                corpus.forEach { if contract.isValidFast($0, operation: .createActivity, using: fast) { sink &+= 1 } }
            }),
            ("validateFast", "validateFast (full report for every reject)", {
                corpus.forEach { if contract.validateFast($0, operation: .createActivity, using: fast).isValid { sink &+= 1 } }
            }),
            ("report", "report path (Contract.validate)", {
                corpus.forEach { if contract.validate($0, operation: .createActivity).isValid { sink &+= 1 } }
            }),
            ("reader", "JSONReader alone (parse, no checks)", {
                corpus.forEach { if (try? JSONReader().read($0)) != nil { sink &+= 1 } }
            }),
            ("serialization", "JSONSerialization alone (baseline)", {
                for item in data where (try? JSONSerialization.jsonObject(with: item)) != nil { sink &+= 1 }
            }),
        ]
        var results: [String: Double] = [:]
        for row in rows where options.paths.contains(row.key) {
            let seconds = medianCPUSeconds(runs: options.runs, row.body)
            let rate = Double(corpus.count) / seconds
            results[row.key] = rate
            print("  " + row.label.padding(toLength: 45, withPad: " ", startingAt: 0)
                + String(format: "%12.0f  %10.1f", rate, megabytes / seconds))
        }
        if sink == -1 { print(sink) }
        if let directory = options.corpusOut {
            let summary = results.map { "\"\($0.key)\": \(Int($0.value))" }.sorted().joined(separator: ", ")
            let json = "{\"corpus\": \"\(corpus.name)\", \"count\": \(corpus.count), \"bytes\": \(corpus.totalBytes), \"payloadsPerSecond\": {\(summary)}}\n"
            try? Data(json.utf8).write(to: URL(fileURLWithPath: directory).appendingPathComponent("\(corpus.name).swift-results.json"))
        }
    }

    static func percent(_ part: Int, _ whole: Int) -> String { String(format: "%.1f%%", 100 * Double(part) / Double(max(whole, 1))) }

    // MARK: - Streaming a JSON Lines file

    /// What `validate --jsonl` does per line: the fast path, and a full report for the rest; with `summary`
    /// (`validate --jsonl --summary`: counts only) a report only where the fast path can't tell valid from invalid.
    static func stream(_ path: String, chunkKiB: Int, summary: Bool) throws -> Int32 {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else {
            FileHandle.standardError.write(Data("learning-bench validator: can't open \(path)\n".utf8))
            return 1
        }
        defer { close(fd) }
        let contract = Contract()
        let fast = FastValidator(contract: contract)
        var valid = 0
        var invalid = 0
        var bytes = 0
        let start = cpuSeconds()
        let wall = Date()
        let lines = try JSONLinesScanner(chunkSize: chunkKiB << 10).scan(fileDescriptor: fd) { line in
            bytes += line.byteCount + 1
            let isValid = summary
                ? contract.isValidFast(line.bytes, operation: .createActivity, using: fast)
                : contract.validateFast(line.bytes, operation: .createActivity, using: fast).isValid
            if line.isOverlong || !isValid {
                invalid += 1
            } else {
                valid += 1
            }
            return true
        }
        let seconds = cpuSeconds() - start
        print(String(format: "streamed %@ (%@): %d lines (%d valid, %d invalid), %.1f MB in %.2f s CPU (%.2f s wall): %.0f lines/s, %.1f MB/s; peak RSS %.1f MiB",
                     path, summary ? "counts only" : "full report per invalid line", lines, valid, invalid, Double(bytes) / 1_000_000, seconds, Date().timeIntervalSince(wall),
                     Double(lines) / seconds, Double(bytes) / 1_000_000 / seconds, peakRSSMiB()))
        return 0
    }

    // MARK: - Clocks

    static func cpuSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    static func medianCPUSeconds(runs: Int, _ body: () -> Void) -> Double {
        var samples: [Double] = []
        for _ in 0..<runs {
            let start = cpuSeconds()
            body()
            samples.append(cpuSeconds() - start)
        }
        samples.sort()
        return samples[samples.count / 2]
    }

    static func peakRSSMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // KiB on Linux
    }
}
