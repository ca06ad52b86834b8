import Foundation
import LearningContract
import Testing
import LearningFixtures

@Suite("JSONLinesScanner")
struct JSONLinesScannerTests {
    struct Seen: Equatable { var number: Int; var text: String; var overlong: Bool; var count: Int }

    /// Writes `content` to a pipe-free temp file and scans it.
    static func scan(_ content: [UInt8], chunkSize: Int, maxLineLength: Int) throws -> [Seen] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(content))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        #expect(fd >= 0)
        defer { close(fd) }
        var seen: [Seen] = []
        try JSONLinesScanner(chunkSize: chunkSize, maxLineLength: maxLineLength).scan(fileDescriptor: fd) { line in
            seen.append(Seen(number: line.number, text: String(decoding: line.bytes, as: UTF8.self), overlong: line.isOverlong, count: line.byteCount))
            return true
        }
        return seen
    }

    @Test(arguments: [1, 2, 3, 5, 7, 64, 1 << 20])
    func splitsLinesAtAnyChunkSize(_ chunkSize: Int) throws {
        let content = Array("{\"a\":1}\n\n[2]\r\n\"three\"\nlast".utf8)
        let seen = try Self.scan(content, chunkSize: chunkSize, maxLineLength: 100)
        #expect(seen.map(\.text) == ["{\"a\":1}", "", "[2]", "\"three\"", "last"])
        #expect(seen.map(\.number) == [1, 2, 3, 4, 5])
    }

    @Test(arguments: [1, 3, 8, 1000])
    func skipsOverlongLines(_ chunkSize: Int) throws {
        let long = String(repeating: "x", count: 50)
        let content = Array("ok\n\(long)\nfine\n\(long)".utf8)
        let seen = try Self.scan(content, chunkSize: chunkSize, maxLineLength: 10)
        #expect(seen == [
            Seen(number: 1, text: "ok", overlong: false, count: 2), Seen(number: 2, text: "", overlong: true, count: 50),
            Seen(number: 3, text: "fine", overlong: false, count: 4), Seen(number: 4, text: "", overlong: true, count: 50),
        ])
    }

    @Test func stopsWhenAsked() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("a\nb\nc\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        var texts: [String] = []
        let lines = try JSONLinesScanner(chunkSize: 2).scan(fileDescriptor: fd) { line in
            texts.append(String(decoding: line.bytes, as: UTF8.self))
            return texts.count < 2
        }
        #expect(texts == ["a", "b"])
        #expect(lines == 2)
    }

    @Test func streamedCorpusValidatesLikeTheReportPath() throws {
        let payloads = SyntheticCorpus(size: .small, seed: 5).generate(count: 300)
        let content = payloads.reduce(into: [UInt8]()) { $0 += $1.bytes; $0.append(0x0A) }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data(content))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let fd = open(path, O_RDONLY)
        defer { close(fd) }
        let contract = Contract()
        let fast = FastValidator(contract: contract)
        var reports: [ValidationReport] = []
        try JSONLinesScanner(chunkSize: 4096).scan(fileDescriptor: fd) { line in
            reports.append(contract.validateFast(line.bytes, operation: .createActivity, using: fast))
            return true
        }
        #expect(reports == payloads.map { contract.validate($0.bytes, operation: .createActivity) })
    }

    @Test func readErrorsAreThrown() {
        #expect(throws: JSONLinesScanner.ReadError.self) {
            try JSONLinesScanner().scan(fileDescriptor: -1) { _ in true }
        }
        #expect(throws: JSONLinesScanner.ReadError.self) {
            try JSONLinesScanner().scan(path: "/nonexistent/\(UUID().uuidString).jsonl") { _ in true }
        }
    }

    @Test func scansAPath() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("jsonl-\(UUID().uuidString)").path
        _ = FileManager.default.createFile(atPath: path, contents: Data("{}\n[]\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var texts: [String] = []
        try JSONLinesScanner().scan(path: path) { line in
            texts.append(String(decoding: line.bytes, as: UTF8.self))
            return true
        }
        #expect(texts == ["{}", "[]"])
    }
}
