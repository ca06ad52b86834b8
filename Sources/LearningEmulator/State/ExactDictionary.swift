import LearningContract
/// A dictionary keyed by identifiers compared by their bytes (`ExactKey`), with `String` subscripts so call
/// sites read like a `[String: Value]` without ever merging canonically equivalent ids.
struct ExactDictionary<Value: Sendable>: Sendable {
    private var storage: [ExactKey: Value] = [:]

    init() {}

    subscript(key: String) -> Value? {
        get { storage[ExactKey(key)] }
        set { storage[ExactKey(key)] = newValue }
    }

    subscript(key: String, default defaultValue: @autoclosure () -> Value) -> Value {
        get { storage[ExactKey(key), default: defaultValue()] }
        set { storage[ExactKey(key)] = newValue }
    }

    @discardableResult
    mutating func removeValue(forKey key: String) -> Value? {
        storage.removeValue(forKey: ExactKey(key))
    }

    var values: Dictionary<ExactKey, Value>.Values { storage.values }
    var keys: Dictionary<ExactKey, Value>.Keys { storage.keys }
    var count: Int { storage.count }
    var isEmpty: Bool { storage.isEmpty }
}
