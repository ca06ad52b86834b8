import LearningContract
/// Activities by id, split over 16 dictionaries. One big dictionary rehashes every entry when it grows, under
/// the tenant lock: at a few hundred thousand activities that stalls every writer and reader for tens of
/// milliseconds. Sixteen shards grow one at a time, each a sixteenth of the work.
struct ActivityTable: Sendable {
    /// Keyed by the id's bytes (`ExactKey`): ids that are canonically equivalent but differ in bytes are different activities.
    private var shards = [[ExactKey: StoredActivity]](repeating: [:], count: 16)

    /// The shard of an id, from its last two bytes (created ids end in GUID hex digits).
    private static func shard(_ id: String) -> Int {
        var utf8 = id.utf8.reversed().makeIterator()
        let last = Int(utf8.next() ?? 0), previous = Int(utf8.next() ?? 0)
        return (last &* 31 &+ previous) & 15
    }

    subscript(id: String) -> StoredActivity? {
        get { shards[Self.shard(id)][ExactKey(id)] }
        set { shards[Self.shard(id)][ExactKey(id)] = newValue }
    }

    @discardableResult
    mutating func removeValue(forKey id: String) -> StoredActivity? {
        shards[Self.shard(id)].removeValue(forKey: ExactKey(id))
    }

    var values: [StoredActivity] { shards.flatMap(\.values) }
    var count: Int { shards.reduce(0) { $0 + $1.count } }
}
