import Foundation
import LearningConformance
import Testing

/// `--shard i/n` and `--last-failed FILE`.
@Suite struct ScenarioSelectionTests {
    typealias Shard = ScenarioSelection.Shard
    typealias PreviousRun = ScenarioSelection.PreviousRun

    /// Ids in no particular order, some sharing prefixes; sizes below, at and above the shard counts.
    static func ids(_ count: Int) -> [String] {
        (0..<count).map { "scenario-\(($0 * 7919) % 1009)-\($0 % 3 == 0 ? "errors" : "lifecycle")" }
    }

    @Test(arguments: 1...7)
    func shardsPartitionTheSuite(_ n: Int) throws {
        for size in [0, 1, n - 1, n, 23, 106] where size >= 0 {
            let all = Self.ids(size)
            let shards = try (1...n).map { i in try #require(Shard(index: i, count: n)).select(all) { $0 } }
            // Every scenario in exactly one shard.
            #expect(shards.flatMap { $0 }.sorted() == all.sorted(), "n=\(n) size=\(size): union is not the whole")
            for a in 0..<n {
                for b in (a + 1)..<n {
                    #expect(Set(shards[a]).isDisjoint(with: shards[b]), "shards \(a + 1) and \(b + 1) of \(n) overlap")
                }
            }
            // Balanced: sizes differ by at most one.
            let sizes = shards.map(\.count)
            #expect((sizes.max() ?? 0) - (sizes.min() ?? 0) <= 1, "n=\(n) size=\(size): \(sizes)")
            // Each shard keeps the suite's order.
            for shard in shards {
                let positions = shard.map { all.firstIndex(of: $0)! }
                #expect(positions == positions.sorted())
            }
        }
    }

    @Test func theSplitDependsOnlyOnTheIdsNotOnTheirOrder() throws {
        let all = Self.ids(40)
        let shard = try #require(Shard(parsing: "2/5"))
        #expect(Set(shard.select(all) { $0 }) == Set(shard.select(all.reversed()) { $0 }))
        #expect(Set(shard.select(all) { $0 }) == Set(shard.select(all.shuffled()) { $0 }))
    }

    @Test(arguments: [("1/1", 1, 1), ("2/4", 2, 4), ("7/7", 7, 7), ("03/10", 3, 10), ("1000/1000", 1000, 1000)])
    func validShardSyntax(_ text: String, _ index: Int, _ count: Int) {
        #expect(Shard(parsing: text) == Shard(index: index, count: count))
        #expect(Shard(parsing: text) != nil)
    }

    @Test(arguments: ["", "1", "0/3", "4/3", "1/0", "-1/3", "1/-3", "a/b", "1/3/5", "1 /3", "+1/3", "1/1001", "1.0/2",
                      "99999999999999999999/1", "١/٢", "1/", "/3"])
    func invalidShardSyntax(_ text: String) {
        #expect(Shard(parsing: text) == nil)
    }

    static func report(_ statuses: [(String, ScenarioResult.Status)], unreachable: String? = nil) -> Data {
        let report = ConformanceReport(target: "http://127.0.0.1:1/v1.0", strict: false, testTokens: true,
            scenarios: statuses.map { ScenarioResult(id: $0.0, title: "t", file: "f.json", tags: [], source: nil, status: $0.1) },
            unreachable: unreachable)
        return Data(report.jsonText().utf8)
    }

    @Test func lastFailedRerunsFailedThrottledAndUnreachableInSuiteOrder() throws {
        let previous = try PreviousRun(reportJSON: Self.report([
            ("a", .passed), ("b", .failed), ("c", .skipped), ("d", .throttled), ("e", .unreachable), ("gone", .failed),
        ]))
        #expect(previous.total == 6)
        #expect(previous.failed == ["b", "d", "e", "gone"])
        #expect(!previous.rerunEverything)
        let (selected, missing) = previous.select(["e", "a", "b", "c", "d", "new"]) { $0 }
        #expect(selected == ["e", "b", "d"])
        #expect(missing == ["gone"])
    }

    @Test func aPassingReportHasNothingToRerun() throws {
        let previous = try PreviousRun(reportJSON: Self.report([("a", .passed), ("b", .skipped)]))
        #expect(previous.failed.isEmpty && !previous.rerunEverything)
        #expect(previous.select(["a", "b"]) { $0 }.selected.isEmpty)
    }

    /// A run that failed without a failing scenario is rerun whole, never "nothing failed".
    @Test(arguments: [true, false])
    func aRunThatCheckedNothingIsRerunWhole(_ unreachable: Bool) throws {
        let data = unreachable ? Self.report([], unreachable: "connection refused") : Self.report([("a", .skipped), ("b", .skipped)])
        let previous = try PreviousRun(reportJSON: data)
        #expect(previous.rerunEverything)
        #expect(previous.select(["a", "b", "c"]) { $0 }.selected == ["a", "b", "c"])
    }

    @Test func aReportOfAnotherVersionWithExtraMembersStillReads() throws {
        let json = #"{"future": 1, "scenarios": [{"id": "x", "status": "failed", "extra": [1]}, {"id": "y", "status": "newStatus"}]}"#
        #expect(try PreviousRun(reportJSON: Data(json.utf8)).failed == ["x"])
    }

    @Test(arguments: [
        ("", "not JSON"), ("{", "not JSON"), ("<xml/>", "not JSON"), ("[]", "not a conform --json report"),
        ("{}", "not a conform --json report"), (#"{"scenarios": [{"id": 1, "status": "failed"}]}"#, "not a conform --json report"),
        (#"{"scenarios": {"id": "a"}}"#, "not a conform --json report"),
    ])
    func malformedReportsAreRefusedWithAReason(_ text: String, _ reason: String) {
        #expect(throws: ScenarioSelection.SelectionError.self) { try PreviousRun(reportJSON: Data(text.utf8)) }
        do {
            _ = try PreviousRun(reportJSON: Data(text.utf8))
        } catch {
            #expect(error.message.hasPrefix(reason), "\(error.message)")
        }
    }

    @Test func missingFilesAndDirectoriesAreRefusedWithAReason() {
        let missing = URL(fileURLWithPath: "/nonexistent-\(UUID().uuidString).json")
        #expect(throws: ScenarioSelection.SelectionError("no such file")) { try PreviousRun(contentsOf: missing) }
        #expect(throws: ScenarioSelection.SelectionError("is a directory, not a --json report")) {
            try PreviousRun(contentsOf: FileManager.default.temporaryDirectory)
        }
    }
}
