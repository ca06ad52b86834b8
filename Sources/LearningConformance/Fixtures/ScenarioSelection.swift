import Foundation

/// Which scenarios a run executes beyond `--filter`: one shard of a CI matrix (`--shard i/n`), or what
/// failed in a previous run (`--last-failed FILE`, a `--json` report). Both keep the suite's order.
public enum ScenarioSelection {
    /// The i-th of n shards. The scenarios are sorted by id and dealt out in turn (the k-th in sorted order goes
    /// to shard k mod n + 1), so every scenario lands in exactly one shard, shard sizes differ by at most one,
    /// and the split depends only on the ids: the same in every job of a matrix, on every machine.
    public struct Shard: Sendable, Hashable, Codable, CustomStringConvertible {
        /// 1-based.
        public var index: Int
        public var count: Int
        public static let maxCount = 1_000

        public init?(index: Int, count: Int) {
            guard (1...Self.maxCount).contains(count), (1...count).contains(index) else { return nil }
            self.index = index; self.count = count
        }

        /// `i/n` with 1 ≤ i ≤ n ≤ 1000, digits only (`2/4`); nil otherwise.
        public init?(parsing text: String) {
            let parts = text.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
                  let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
            self.init(index: index, count: count)
        }

        public var description: String { "\(index)/\(count)" }

        /// The items of this shard, in their given order.
        public func select<Item>(_ items: [Item], id: (Item) -> String) -> [Item] {
            let sorted = items.indices.sorted { a, b in
                let (idA, idB) = (id(items[a]), id(items[b]))
                return idA == idB ? a < b : idA < idB
            }
            var mine = Set<Int>()
            for (position, original) in sorted.enumerated() where position % count == index - 1 { mine.insert(original) }
            return items.indices.filter(mine.contains).map { items[$0] }
        }

        public func select(_ scenarios: [Scenario]) -> [Scenario] { select(scenarios, id: \.id) }
    }

    /// What a previous `--json` report says needs running again.
    public struct PreviousRun: Sendable, Hashable {
        /// Scenarios the report lists.
        public var total: Int
        /// Ids that failed, were throttled out or unreachable, in report order.
        public var failed: [String]
        /// The run did not pass but no scenario failed (the target was unreachable, or every scenario was
        /// skipped): everything is rerun, so a gate never turns green by rerunning nothing.
        public var rerunEverything: Bool

        /// The statuses `--last-failed` reruns (JUnit counts the last two as errors).
        public static let rerunStatuses: Set<String> = ["failed", "throttled", "unreachable"]

        /// Read only what it needs (`unreachable`, and each scenario's `id` and `status`), so a report from an
        /// older or newer version with other members still reads.
        public init(reportJSON data: Data) throws(SelectionError) {
            struct Report: Decodable {
                struct Item: Decodable { var id: String; var status: String }
                var scenarios: [Item]
                var unreachable: String?
            }
            guard (try? JSONSerialization.jsonObject(with: data)) != nil else {
                throw SelectionError("not JSON")
            }
            guard let report = try? JSONDecoder().decode(Report.self, from: data) else {
                throw SelectionError("not a conform --json report (it needs a \"scenarios\" list whose entries have \"id\" and \"status\")")
            }
            total = report.scenarios.count
            failed = report.scenarios.filter { Self.rerunStatuses.contains($0.status) }.map(\.id)
            let allSkipped = !report.scenarios.isEmpty && report.scenarios.allSatisfy { $0.status == "skipped" }
            rerunEverything = failed.isEmpty && (report.unreachable != nil || allSkipped)
        }

        public init(contentsOf url: URL, maxBytes: Int = 256 << 20) throws(SelectionError) {
            let data: Data
            do {
                let attributes = try FileManager.default.attributesOfItem(atPath: url.path)
                if attributes[.type] as? FileAttributeType == .typeDirectory { throw SelectionError("is a directory, not a --json report") }
                if let size = attributes[.size] as? Int, size > maxBytes {
                    throw SelectionError("\(size) bytes: larger than any conform --json report (\(maxBytes) bytes at most)")
                }
                data = try Data(contentsOf: url)
            } catch let error as SelectionError {
                throw error
            } catch {
                throw SelectionError(FileManager.default.fileExists(atPath: url.path) ? "cannot be read" : "no such file")
            }
            try self.init(reportJSON: data)
        }

        /// The items to rerun, in their given order, and the failed ids that are not among them (renamed,
        /// deleted, or excluded by a filter).
        public func select<Item>(_ items: [Item], id: (Item) -> String) -> (selected: [Item], missing: [String]) {
            if rerunEverything { return (items, []) }
            let wanted = Set(failed)
            let present = Set(items.map(id))
            var seen = Set<String>()
            let missing = failed.filter { !present.contains($0) && seen.insert($0).inserted }
            return (items.filter { wanted.contains(id($0)) }, missing)
        }

        public func select(_ scenarios: [Scenario]) -> (selected: [Scenario], missing: [String]) { select(scenarios, id: \.id) }
    }

    /// Why a selection could not be made; the message names no path (the caller adds it).
    public struct SelectionError: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public init(_ message: String) { self.message = message }
        public var description: String { message }
    }
}
